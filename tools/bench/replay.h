// Keystroke replay shared by the search benchmarks: every query is typed the way an operator types
// it, one code point at a time, and every prefix is searched once per repetition (top 10).
// The engine under test is a callback, so Madoguchi and its peers are timed by the same loop.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace bench {

struct KeystrokeQuery {
  std::string set;  // "dev" (has qrels) or "gold"
  std::string qid;
  std::string text;
};

// Reads queries.tsv (set, qid, text per line) as written by gen_corpus.py.
std::vector<KeystrokeQuery> load_queries(const std::string& path);

// "発熱" -> {"発", "発熱"}: every code-point prefix, the last one being the whole text.
std::vector<std::string> prefixes(const std::string& text);

// Returns the ids of the top hits (at most 10) for one typed text.
using SearchFn = std::function<std::vector<std::string>(const std::string& typed)>;

struct ReplayOptions {
  int repetitions = 3;     // timed passes over every keystroke, after an untimed warm-up
  std::string qrels_path;  // dev qrels.json: nDCG@10 of the dev queries at full length
  size_t max_queries = 0;  // 0 = all (profiling runs use a few)
  bool warm_up = true;      // the warm-up pass types the first kWarmUpQueries queries only
  // Searched once each at full length, untimed, for nDCG@10 and the share answered at full length
  // (empty: the timed queries). Lets a run time a subset of keystrokes but score every query.
  std::vector<KeystrokeQuery> quality_queries;
  // Untimed pause before each timed keystroke, as an operator types (0: back to back). Threads
  // that fall asleep between keystrokes and caches that cool down then count in the figures.
  int pause_ms = 0;
  // Called before each timed pass: the engine forgets what it remembered of the previous pass's
  // searches (Madoguchi's recent matches), so that every pass types its queries as a new session.
  std::function<void()> before_timed_pass;
  std::ostream* keystroke_log = nullptr;  // per timed keystroke: pass, qid, prefix length, wall µs, thread CPU µs, prefix
};

inline constexpr size_t kWarmUpQueries = 25;

// Times every keystroke and returns {keystrokes, latency_us{p50,p95,p99,max,mean} (medians over
// repetitions), answered_share (keystrokes with a hit), short_keystrokes (under 3 code points),
// and from the quality queries: full_answered_share, ndcg10_dev, dev_queries}.
nlohmann::json replay(const SearchFn& search, const std::vector<KeystrokeQuery>& queries,
                      const ReplayOptions& options);

// ids "lgfaq-71" -> dev document "71"; others are not in the qrels.
double ndcg_at_10(const std::vector<std::string>& ids, const nlohmann::json& grades);

}  // namespace bench
