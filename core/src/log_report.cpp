#include "madoguchi/log_report.h"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <filesystem>
#include <map>
#include <set>
#include <xapian.h>

#include "dictionary_cache.h"
#include "index_identity.h"
#include "logged_searches.h"
#include "xapian_errors.h"
#include "madoguchi/analyzer.h"
#include "madoguchi/schema.h"
#include "sqlite_util.h"

namespace fs = std::filesystem;

namespace madoguchi {
namespace {

// Verbs that say how a caller asks, not what about: left out of zero-hit grouping keys.
const std::set<std::string> kLightWords = {"する", "ある", "いる", "なる", "できる", "出る", "教える", "知る",
                                           "分かる", "わかる", "いい", "よい", "思う", "言う", "来る", "くる",
                                           "行く", "いく", "ない", "もらう", "くれる", "れる", "られる"};

bool is_log_name(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext == ".sqlite" || ext == ".db" || ext == ".sqlite3";
}

// Every log file named or found below a named directory, each once however it was reached.
Result<std::vector<std::string>> expand_paths(const std::vector<std::string>& inputs) {
  std::set<fs::path> seen;
  std::vector<std::string> files;
  auto add = [&](const fs::path& file) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(file, ec);
    if (seen.insert(ec ? file : canonical).second) files.push_back(file.string());
  };
  for (const auto& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      size_t found = 0;
      for (const auto& e : fs::recursive_directory_iterator(in, ec))
        if (e.is_regular_file() && is_log_name(e.path())) ++found, add(e.path());
      if (ec) return Status::io_error("cannot read log directory: " + ec.message(), {in, 0});
      if (found == 0) return Status::invalid_input("no search logs (*.sqlite, *.sqlite3, *.db) in this directory", {in, 0});
    } else if (fs::is_regular_file(in, ec)) {
      add(in);
    } else {
      return Status::invalid_input("no such log file or directory", {in, 0});
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The form of a query that counts it: NFKC, case folded, spaces (full-width too) collapsed.
std::string query_key(const std::string& query) {
  std::string key;
  bool space = false;
  for (char c : normalize_text(query)) {
    if (c == ' ' || c == '\t') {
      space = !key.empty();
      continue;
    }
    if (space) key += ' ';
    space = false;
    key += c;
  }
  return key;
}

// Groups what the analyzer makes of a query: synonyms folded to one representative.
class Grouper {
 public:
  // Without `db_dir`, the analyzer of the default dictionary and no synonyms.
  static Result<std::unique_ptr<Grouper>> open(const std::string& db_dir) {
    auto g = std::unique_ptr<Grouper>(new Grouper());
    AnalyzerOptions options;
    if (!db_dir.empty()) {
      try {
        g->db_ = Xapian::Database(db_dir);
        g->has_db_ = true;
      } catch (const Xapian::Error& e) {
        return status_from_xapian(e, db_dir);
      }
      auto id = stored_identity(g->db_, db_dir);
      if (!id) return id.status();
      options = {.profile = id->profile, .dictionary_dir = id->dictionary_dir};
    }
    auto d = shared_dictionary(options);
    if (!d) return d.status();
    g->analyzer_ = std::make_unique<Analyzer>(*d);
    return g;
  }

  std::string key(const std::string& query) {
    std::vector<std::string> words;
    for (const Token& t : analyzer_->analyze(query))
      if (t.kind == TokenKind::kWord) words.push_back(t.term);
    std::set<std::string> terms, light;
    for (size_t i = 0; i < words.size();) {
      // A run of words that is a synonym-table key of its own (PCR検査 → "pcr 検査"), longest first.
      size_t taken = 1;
      std::string term = words[i];
      for (size_t n = std::min<size_t>(3, words.size() - i); n >= 2 && taken == 1; --n) {
        std::string run = words[i];
        for (size_t k = 1; k < n; ++k) run += " " + words[i + k];
        if (has_synonyms(run)) term = run, taken = n;
      }
      (taken == 1 && kLightWords.count(term) ? light : terms).insert(canonical(term));
      i += taken;
    }
    if (terms.empty()) terms = light;
    std::string out;
    for (const auto& t : terms) out += (out.empty() ? "" : " ") + t;
    return out;
  }

  // Ids of the index's entries, only those with a version in force or upcoming on `today` when
  // it is set (an expired entry is not one editors could make operators open).
  std::vector<std::string> current_ids(std::optional<Date> today) {
    std::set<std::string> ids;
    if (!has_db_) return {};
    if (!today) {
      const std::string prefix(schema::kId);
      for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) ids.insert((*t).substr(prefix.size()));
      return {ids.begin(), ids.end()};
    }
    const std::string today_key = today->sortable_key();
    auto id = db_.valuestream_begin(schema::kSlotId);
    for (auto until = db_.valuestream_begin(schema::kSlotUntil); until != db_.valuestream_end(schema::kSlotUntil); ++until) {
      if (*until <= today_key) continue;
      id.skip_to(until.get_docid());
      if (id != db_.valuestream_end(schema::kSlotId) && id.get_docid() == until.get_docid()) ids.insert(*id);
    }
    return {ids.begin(), ids.end()};
  }

 private:
  bool has_synonyms(const std::string& key) {
    if (!has_db_) return false;
    try {
      return db_.synonyms_begin(key) != db_.synonyms_end(key);
    } catch (const Xapian::Error&) {
      return false;
    }
  }

  // One member stands for its whole group (the smallest; multi-word members like "pcr 検査" too,
  // so that PCR検査 and PCR group together).
  std::string canonical(const std::string& term) {
    if (!has_db_) return term;
    std::string best = term;
    try {
      for (auto s = db_.synonyms_begin(term); s != db_.synonyms_end(term); ++s)
        if (*s < best) best = *s;
    } catch (const Xapian::Error&) {
    }
    return best;
  }

  Grouper() = default;

  Xapian::Database db_;
  bool has_db_ = false;
  std::unique_ptr<Analyzer> analyzer_;
};

std::vector<CountedText> top_of(const std::map<std::string, long>& counts, int top) {
  std::vector<CountedText> v;
  for (const auto& [text, n] : counts) v.push_back({text, n});
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
  if (int(v.size()) > top) v.resize(size_t(top));
  return v;
}

bool in_range(Date d, const ReportOptions& o) { return (!o.from || *o.from <= d) && (!o.to || d <= *o.to); }


Result<SqliteDb> open_log_as(const std::string& path, bool immutable) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::strchr("/-._~", c) || c >= 0x80) uri += char(c);
    else uri += fmt::format("%{:02X}", c);
  }
  uri += immutable ? "?immutable=1" : "?mode=ro";
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(uri.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  SqliteDb db(raw);
  if (rc != SQLITE_OK) return sqlite_status(raw, path, "cannot open search log");
  sqlite3_busy_timeout(raw, 5000);
  return db;
}

// Read-only: WAL lets running viewers keep writing while we read a consistent snapshot. A log on a
// read-only share cannot be read that way (SQLite cannot create its shared-memory file beside
// it): it is then read as a file that does not change, without its -wal file, which a warning says.
Result<SqliteDb> open_log(const std::string& path, std::vector<std::string>& warnings) {
  auto db = open_log_as(path, false);
  if (!db || sqlite3_exec(db->get(), "PRAGMA schema_version", nullptr, nullptr, nullptr) != SQLITE_CANTOPEN) return db;
  std::error_code ec;
  if (fs::file_size(path + "-wal", ec) > 0 && !ec)
    warnings.push_back(path + ": on a read-only share, read without its -wal file (the latest rows may be missing)");
  return open_log_as(path, true);
}

// A count per query key, with the forms operators typed.
struct QueryCount {
  long count = 0;
  std::map<std::string, long> forms;
  const std::string& most_typed() const {
    return std::max_element(forms.begin(), forms.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
  }
};

Status read_feedback(sqlite3* db, const std::string& path, const ReportOptions& options,
                     std::map<std::string, FeedbackSummary>& feedback) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT time, entry_id, note FROM feedback", -1, &st, nullptr) != SQLITE_OK)
    return Status();  // a log from before feedback existed
  SqliteStatement statement(st);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    auto time = parse_log_time(column_text(st, 0));
    if (!time || !in_range(time->date, options)) continue;
    FeedbackSummary& f = feedback[column_text(st, 1)];
    f.id = column_text(st, 1);
    ++f.count;
    if (std::string note = column_text(st, 2); !note.empty()) f.notes.push_back(note);
  }
  return rc == SQLITE_DONE ? Status() : sqlite_status(db, path, "cannot read search log");
}

// Every day from the first to the last, the quiet ones too (a chart with gaps hides them).
std::vector<DayCount> every_day(const std::map<Date, DayCount>& days) {
  std::vector<DayCount> out;
  if (days.empty()) return out;
  for (Date d = days.begin()->first; d <= days.rbegin()->first; d = d.plus_days(1)) {
    auto it = days.find(d);
    out.push_back(it != days.end() ? it->second : DayCount{d.to_string(), 0, 0});
  }
  return out;
}

}  // namespace

Result<LogReport> build_report(const ReportOptions& options) {
  if (options.from && options.to && *options.to < *options.from)
    return Status::invalid_input("the first day (" + options.from->to_string() + ") is after the last (" +
                                 options.to->to_string() + ")");
  auto files = expand_paths(options.logs);
  if (!files) return files.status();
  auto grouper = Grouper::open(options.db);
  if (!grouper) return grouper.status();

  LogReport report;
  std::map<std::string, QueryCount> queries;
  std::map<std::string, long> opened;
  std::map<std::string, std::pair<long, std::map<std::string, long>>> zero;  // key -> count, examples
  std::map<Date, DayCount> days;
  std::map<long, ReleaseCount> releases;
  std::map<std::string, FeedbackSummary> feedback;

  for (const auto& path : *files) {
    auto db = open_log(path, report.warnings);
    if (!db) return db.status();
    sqlite3* raw = db->get();
    auto searches = read_logged_searches(raw, path);
    if (!searches) return searches.status();
    for (const LoggedSearch& search : *searches) {
      if (!in_range(search.time.date, options)) continue;
      ++report.searches;
      if (!search.query.empty()) {
        QueryCount& q = queries[query_key(search.query)];
        ++q.count;
        ++q.forms[search.query];
      }
      for (const auto& entry : search.entries) ++opened[entry];
      DayCount& day = days[search.time.date];
      day.date = search.time.date.to_string();
      ++day.searches;
      ++report.hours[size_t(search.time.hour)];
      ReleaseCount& rel = releases[search.release];
      rel.release = search.release;
      ++rel.searches;
      if (search.hits == 0 && !search.query.empty()) {
        ++report.zero_hit_searches;
        ++day.zero_hit;
        ++rel.zero_hit;
        auto& group = zero[(*grouper)->key(search.query)];
        ++group.first;
        ++group.second[search.query];
      }
    }
    if (Status s = read_feedback(raw, path, options, feedback); !s.ok()) return s;
    report.logs_read.push_back(path);
  }

  std::map<std::string, long> top;
  for (const auto& [_, q] : queries) top[q.most_typed()] = q.count;
  report.top_queries = top_of(top, options.top);
  report.opened = top_of(opened, options.top);
  for (auto& [key, g] : zero) {
    ZeroHitGroup group{key, {}, g.first};
    for (const auto& e : top_of(g.second, 5)) group.examples.push_back(e.text);
    report.zero_hit.push_back(std::move(group));
  }
  std::stable_sort(report.zero_hit.begin(), report.zero_hit.end(),
                   [](const auto& a, const auto& b) { return a.count > b.count; });
  if (int(report.zero_hit.size()) > options.top) report.zero_hit.resize(size_t(options.top));
  for (auto& [_, f] : feedback) report.feedback.push_back(std::move(f));
  std::stable_sort(report.feedback.begin(), report.feedback.end(),
                   [](const auto& a, const auto& b) { return a.count > b.count; });
  if (int(report.feedback.size()) > options.top) report.feedback.resize(size_t(options.top));
  report.days = every_day(days);
  std::optional<double> previous;
  for (auto& [_, r] : releases) {
    r.zero_hit_rate = r.searches ? double(r.zero_hit) / double(r.searches) : 0;
    if (r.release == 0) {  // seats that did not know their release: no baseline for the next
      report.releases.push_back(r);
      continue;
    }
    if (previous) r.change = r.zero_hit_rate - *previous;
    previous = r.zero_hit_rate;
    report.releases.push_back(r);
  }
  for (const auto& id : (*grouper)->current_ids(options.today))
    if (!opened.count(id)) report.never_opened.push_back(id);
  return report;
}

}  // namespace madoguchi
