#include "madoguchi/log_report.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <xapian.h>

#include "dictionary_cache.h"
#include "index_identity.h"
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

Result<std::vector<std::string>> expand_paths(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(in, ec)) {
        auto ext = e.path().extension();
        if (e.is_regular_file() && (ext == ".sqlite" || ext == ".db" || ext == ".sqlite3")) files.push_back(e.path());
      }
    } else if (fs::is_regular_file(in, ec)) {
      files.push_back(in);
    } else {
      return Status::invalid_input("no such log file or directory", {in, 0});
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Groups what the analyzer makes of a query: synonyms folded to one representative.
class Grouper {
 public:
  explicit Grouper(const std::string& db_dir) {
    AnalyzerOptions options;
    if (!db_dir.empty()) {
      try {
        db_ = Xapian::Database(db_dir);
        has_db_ = true;
        if (auto id = stored_identity(db_, db_dir)) options = {.profile = id->profile, .dictionary_dir = id->dictionary_dir};
      } catch (const Xapian::Error&) {
      }
    }
    if (auto d = shared_dictionary(options)) analyzer_ = std::make_unique<Analyzer>(*d);
  }

  Status ready() const {
    return analyzer_ ? Status() : Status::io_error("no MeCab dictionary to group queries with");
  }

  std::string key(const std::string& query) {
    std::set<std::string> terms, light;
    for (const Token& t : analyzer_->analyze(query)) {
      if (t.kind != TokenKind::kWord) continue;
      (kLightWords.count(t.term) ? light : terms).insert(canonical(t.term));
    }
    if (terms.empty()) terms = light;
    std::string out;
    for (const auto& t : terms) out += (out.empty() ? "" : " ") + t;
    return out;
  }

  std::vector<std::string> all_ids() {
    std::vector<std::string> ids;
    if (!has_db_) return ids;
    const std::string prefix(schema::kId);
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) ids.push_back((*t).substr(prefix.size()));
    return ids;
  }

 private:
  std::string canonical(const std::string& term) {
    if (!has_db_) return term;
    std::string best = term;
    try {
      for (auto s = db_.synonyms_begin(term); s != db_.synonyms_end(term); ++s)
        if ((*s).find(' ') == std::string::npos && *s < best) best = *s;
    } catch (const Xapian::Error&) {
    }
    return best;
  }

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

bool in_range(const std::string& time, const ReportOptions& o) {
  auto d = Date::parse(time.substr(0, 10));
  if (!d) return false;
  return (!o.from || *o.from <= *d) && (!o.to || *d <= *o.to);
}

}  // namespace

Result<LogReport> build_report(const ReportOptions& options) {
  auto files = expand_paths(options.logs);
  if (!files) return files.status();
  Grouper grouper(options.db);
  if (Status s = grouper.ready(); !s.ok()) return s;

  LogReport report;
  std::map<std::string, long> queries, opened;
  std::map<std::string, std::pair<long, std::map<std::string, long>>> zero;  // key -> count, examples
  std::map<std::string, DayCount> days;
  std::map<long, ReleaseCount> releases;
  std::map<std::string, FeedbackSummary> feedback;

  for (const auto& path : *files) {
    sqlite3* raw = nullptr;
    // Read-only; WAL lets running viewers keep writing while we read a consistent snapshot.
    int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    SqliteDb db(raw);
    if (rc != SQLITE_OK) return sqlite_status(raw, path, "cannot open search log");
    sqlite3_busy_timeout(raw, 5000);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(raw, "SELECT time, query, hits, reason, entry_id, release FROM searches", -1, &st, nullptr) !=
        SQLITE_OK)
      return Status::invalid_input(std::string("not a Madoguchi search log: ") + sqlite3_errmsg(raw), {path, 0});
    SqliteStatement searches(st);
    while (sqlite3_step(st) == SQLITE_ROW) {
      const std::string time = column_text(st, 0);
      if (!in_range(time, options)) continue;
      const std::string query = column_text(st, 1), entry = column_text(st, 4);
      const long hits = sqlite3_column_int64(st, 2), release = sqlite3_column_int64(st, 5);
      ++report.searches;
      if (!query.empty()) ++queries[query];
      if (!entry.empty()) ++opened[entry];
      DayCount& day = days[time.substr(0, 10)];
      day.date = time.substr(0, 10);
      ++day.searches;
      if (time.size() >= 13) {
        int hour = std::atoi(time.substr(11, 2).c_str());
        if (hour >= 0 && hour < 24) ++report.hours[size_t(hour)];
      }
      ReleaseCount& rel = releases[release];
      rel.release = release;
      ++rel.searches;
      if (hits == 0 && !query.empty()) {
        ++report.zero_hit_searches;
        ++day.zero_hit;
        ++rel.zero_hit;
        auto& group = zero[grouper.key(query)];
        ++group.first;
        ++group.second[query];
      }
    }
    if (sqlite3_prepare_v2(raw, "SELECT time, entry_id, note FROM feedback", -1, &st, nullptr) == SQLITE_OK) {
      SqliteStatement fb(st);
      while (sqlite3_step(st) == SQLITE_ROW) {
        if (!in_range(column_text(st, 0), options)) continue;
        FeedbackSummary& f = feedback[column_text(st, 1)];
        f.id = column_text(st, 1);
        ++f.count;
        if (std::string note = column_text(st, 2); !note.empty()) f.notes.push_back(note);
      }
    }
    report.logs_read.push_back(path);
  }

  report.top_queries = top_of(queries, options.top);
  report.opened = top_of(opened, options.top);
  for (auto& [key, g] : zero) {
    ZeroHitGroup group{key, {}, g.first};
    for (const auto& e : top_of(g.second, 5)) group.examples.push_back(e.text);
    report.zero_hit.push_back(std::move(group));
  }
  std::stable_sort(report.zero_hit.begin(), report.zero_hit.end(),
                   [](const auto& a, const auto& b) { return a.count > b.count; });
  for (auto& [_, f] : feedback) report.feedback.push_back(std::move(f));
  std::stable_sort(report.feedback.begin(), report.feedback.end(),
                   [](const auto& a, const auto& b) { return a.count > b.count; });
  for (auto& [_, d] : days) report.days.push_back(d);
  std::optional<double> previous;
  for (auto& [_, r] : releases) {
    r.zero_hit_rate = r.searches ? double(r.zero_hit) / double(r.searches) : 0;
    if (previous) r.change = r.zero_hit_rate - *previous;
    previous = r.zero_hit_rate;
    report.releases.push_back(r);
  }
  for (const auto& id : grouper.all_ids())
    if (!opened.count(id)) report.never_opened.push_back(id);
  return report;
}

}  // namespace madoguchi
