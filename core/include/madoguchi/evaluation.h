// Measuring search quality (DESIGN §8, §10): a data set of documents, queries and graded
// relevance judgments is indexed through the normal corpus path into a temporary database and
// every query runs through the normal Searcher::search, the path the viewer uses. Metrics follow
// Elasticsearch's rank-eval formulas (gain 2^grade - 1, discount log2(rank + 1), relevant means
// grade >= 1). Nothing here knows which data set it runs on.
//
// Thread rule: plain functions and values; run_evaluation owns everything it opens.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "madoguchi/analyzer.h"
#include "madoguchi/date.h"
#include "madoguchi/status.h"
#include "madoguchi/sudachi_synonyms.h"

namespace madoguchi {

struct EvalDocument {
  std::string id;        // must be a valid entry id ([a-z0-9-]+)
  std::string question;  // becomes the entry's title (no separate 質問 section)
  std::string answer;    // becomes the 回答 body
};

struct EvalQuery {
  std::string id;
  std::string text;
};

struct EvalDataset {
  std::vector<EvalDocument> documents;  // indexed as generated entries, or:
  std::string corpus_dir;               // an editors' corpus indexed as it is (when non-empty)
  std::vector<EvalQuery> queries;
  std::map<std::string, std::map<std::string, int>> qrels;  // query id -> doc id -> grade
};

// The LocalgovFAQ layout: corpus.json (id -> "Question: ...\nAnswer: ..."), queries.json
// (id -> text), qrels.json (query id -> {doc id: grade}).
Result<EvalDataset> load_json_dataset(const std::string& dir);

// A corpus directory and its gold queries: one `query<TAB>id1,id2,...` per line ('#' comments,
// blank lines skipped); every listed id has grade 1. Query ids are line numbers.
Result<EvalDataset> load_gold_dataset(const std::string& corpus_dir, const std::string& gold_tsv);

struct Metrics {
  double ndcg = 0;       // nDCG@k
  double recall = 0;     // Recall@k
  double precision = 0;  // P@k (over the hits returned, at most k; 0 when none)
  double mrr = 0;        // reciprocal rank of the first relevant hit within k
};

// One query's metrics for `ranked` doc ids (best first) against its grades.
Metrics score_ranking(const std::vector<std::string>& ranked, const std::map<std::string, int>& grades, int k = 10);

// Keystrokes to answer (../shared/eval/README.md): per query the shortest prefix (in characters)
// whose top 3 holds a relevant entry, divided by the query's length; nullopt = never answered.
struct KeystrokeSummary {
  std::optional<double> median_fraction;  // unset when more than half are never answered
  double answered_at_some_prefix = 0;     // share of queries
  double answered_at_full_length = 0;
};
KeystrokeSummary summarize_keystrokes(const std::vector<std::optional<double>>& fractions,
                                      const std::vector<bool>& answered_full);

struct EvalOptions {
  int k = 10;
  bool keystrokes = false;
  std::optional<Date> as_of;  // unset: today from the environment's clock
  AnalyzerOptions analyzer = AnalyzerOptions::from_environment();
  SudachiOptions sudachi;  // as IndexOptions::sudachi
  std::string work_dir;       // where the temporary index goes; empty: the system temp dir
  // Called now and then with (done, total) queries, e.g. for a progress line. May be empty.
  std::function<void(size_t, size_t)> progress;
};

struct QueryOutcome {
  std::string query_id;
  std::vector<std::pair<std::string, double>> ranked;  // (doc id, score), best first, at most k
  Metrics metrics;
  std::optional<double> keystroke_fraction;  // with EvalOptions::keystrokes
  bool answered_full = false;                // a relevant entry in the top 3 of the whole query
};

struct EvalReport {
  Metrics mean;
  std::vector<QueryOutcome> queries;
  std::optional<KeystrokeSummary> keystrokes;
  size_t documents = 0;
  double index_seconds = 0;
  double search_ms_p50 = 0;  // per Searcher::search call, keystroke prefixes included
  double search_ms_p99 = 0;
};

Result<EvalReport> run_evaluation(const EvalDataset& data, const EvalOptions& options = {});

// TREC run lines, `qid Q0 docid rank score madoguchi`, one per ranked hit.
std::string trec_run(const EvalReport& report);

}  // namespace madoguchi
