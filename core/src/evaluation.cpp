// Runs an evaluation: documents become corpus entries (parsed by the normal entry parser),
// build_index writes a temporary database, and every query goes through Searcher::search.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>

#include "madoguchi/corpus.h"
#include "madoguchi/evaluation.h"
#include "madoguchi/index_writer.h"
#include "madoguchi/searcher.h"
#include "normalizer.h"

namespace madoguchi {
namespace {

namespace fs = std::filesystem;

// A Markdown entry for one document: the question as the title, the answer as 回答 (DESIGN §8).
std::string entry_markdown(const EvalDocument& d) {
  std::string title = d.question;
  std::replace(title.begin(), title.end(), '\n', ' ');
  std::string answer = d.answer.empty() ? "-" : d.answer;
  // A line that starts with "## " would open a new section: keep it inside the answer.
  for (size_t pos = 0; (pos = answer.find("\n#", pos)) != std::string::npos;) answer.replace(pos + 1, 1, "＃");
  if (answer.rfind("#", 0) == 0) answer.replace(0, 1, "＃");
  // A JSON string is a valid YAML double-quoted scalar.
  return "---\nid: " + d.id + "\ntype: faq\ntitle: " + nlohmann::json(title).dump() + "\n---\n## 回答\n" + answer + "\n";
}

Result<Corpus> corpus_of(const EvalDataset& data) {
  if (!data.corpus_dir.empty()) {
    CorpusReport report;
    auto corpus = load_corpus(data.corpus_dir, {}, report);
    if (!corpus && !report.errors.empty()) return report.errors.front();
    return corpus;
  }
  Corpus corpus;
  std::set<std::string> seen;
  for (const auto& d : data.documents) {
    if (!seen.insert(d.id).second) return Status::invalid_input("document id '" + d.id + "' appears twice");
    auto v = parse_entry("eval/" + d.id + ".md", entry_markdown(d));
    if (!v) return v.status();
    corpus.versions.push_back(std::move(*v));
  }
  std::sort(corpus.versions.begin(), corpus.versions.end(),
            [](const EntryVersion& a, const EntryVersion& b) { return a.id < b.id; });
  return corpus;
}

// A fresh directory removed when the run ends, however it ends.
class ScratchDir {
 public:
  static Result<std::unique_ptr<ScratchDir>> make(const std::string& parent) {
    std::error_code ec;
    fs::path base = parent.empty() ? fs::temp_directory_path(ec) : fs::path(parent);
    if (ec) return Status::io_error("no temporary directory: " + ec.message());
    std::string pattern = (base / "madoguchi-eval-XXXXXX").string();
    if (!mkdtemp(pattern.data())) return Status::io_error("cannot create a temporary directory", {base.string(), 0});
    return std::make_unique<ScratchDir>(pattern);
  }
  explicit ScratchDir(std::string path) : path_(std::move(path)) {}
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

bool relevant_in_top(const std::vector<Hit>& hits, const std::map<std::string, int>& grades, size_t n) {
  for (size_t i = 0; i < hits.size() && i < n; ++i) {
    auto g = grades.find(hits[i].id);
    if (g != grades.end() && g->second >= 1) return true;
  }
  return false;
}

// Byte lengths of every code-point prefix of `text`.
std::vector<size_t> prefix_ends(const std::string& text) {
  std::vector<size_t> ends;
  size_t pos = 0;
  while (pos < text.size()) {
    next_code_point(text, pos);
    ends.push_back(pos);
  }
  return ends;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = size_t(std::min<double>(double(v.size() - 1), p * double(v.size() - 1) + 0.5));
  return v[i];
}

}  // namespace

Result<EvalReport> run_evaluation(const EvalDataset& data, const EvalOptions& options) {
  auto corpus = corpus_of(data);
  if (!corpus) return corpus.status();
  auto scratch = ScratchDir::make(options.work_dir);
  if (!scratch) return scratch.status();
  const std::string db_dir = (*scratch)->path() + "/index";

  EvalReport report;
  auto stats = build_index(*corpus, db_dir, {.analyzer = options.analyzer, .sudachi = options.sudachi});
  if (!stats) return stats.status();
  report.documents = size_t(stats->versions);
  report.index_seconds = stats->seconds;

  auto clock = options.as_of ? Result<Clock>(Clock::fixed(*options.as_of)) : Clock::from_environment();
  if (!clock) return clock.status();
  auto searcher = Searcher::open(db_dir, *clock);
  if (!searcher) return searcher.status();

  std::vector<double> latencies;
  std::vector<std::optional<double>> fractions;
  std::vector<bool> answered_full;
  static const std::map<std::string, int> kNoGrades;
  for (size_t qi = 0; qi < data.queries.size(); ++qi) {
    const EvalQuery& q = data.queries[qi];
    auto g = data.qrels.find(q.id);
    const auto& grades = g == data.qrels.end() ? kNoGrades : g->second;

    QueryOutcome outcome;
    outcome.query_id = q.id;
    auto result = (*searcher)->search({.query = q.text, .limit = options.k});
    if (!result) return result.status();
    latencies.push_back(result->took_ms);
    std::vector<std::string> ids;
    for (const auto& h : result->hits) {
      outcome.ranked.emplace_back(h.id, h.score);
      ids.push_back(h.id);
    }
    outcome.metrics = score_ranking(ids, grades, options.k);
    outcome.answered_full = relevant_in_top(result->hits, grades, 3);

    if (options.keystrokes) {
      const auto ends = prefix_ends(q.text);
      for (size_t n = 0; n < ends.size(); ++n) {
        auto prefix = (*searcher)->search({.query = q.text.substr(0, ends[n]), .limit = 3});
        if (!prefix) return prefix.status();
        latencies.push_back(prefix->took_ms);
        if (relevant_in_top(prefix->hits, grades, 3)) {
          outcome.keystroke_fraction = double(n + 1) / double(ends.size());
          break;
        }
      }
      fractions.push_back(outcome.keystroke_fraction);
      answered_full.push_back(outcome.answered_full);
    }
    report.mean.ndcg += outcome.metrics.ndcg;
    report.mean.recall += outcome.metrics.recall;
    report.mean.precision += outcome.metrics.precision;
    report.mean.mrr += outcome.metrics.mrr;
    report.queries.push_back(std::move(outcome));
    if (options.progress && (qi + 1) % 25 == 0) options.progress(qi + 1, data.queries.size());
  }
  if (!report.queries.empty()) {
    const double n = double(report.queries.size());
    report.mean = {report.mean.ndcg / n, report.mean.recall / n, report.mean.precision / n, report.mean.mrr / n};
  }
  if (options.keystrokes) report.keystrokes = summarize_keystrokes(fractions, answered_full);
  report.search_ms_p50 = percentile(latencies, 0.5);
  report.search_ms_p99 = percentile(latencies, 0.99);
  return report;
}

std::string trec_run(const EvalReport& report) {
  std::string out;
  for (const auto& q : report.queries)
    for (size_t i = 0; i < q.ranked.size(); ++i)
      out += fmt::format("{} Q0 {} {} {:.6f} madoguchi\n", q.query_id, q.ranked[i].first, i + 1, q.ranked[i].second);
  return out;
}

}  // namespace madoguchi
