// Per-keystroke search latency of Madoguchi through Searcher::search, the exact call the viewer
// makes (analysis + Xapian + snippets for the returned page), limit 10. The viewer asks for 30
// and snippets for its first 10 at once (--limit 30 --snippet-hits 10), the rest in a second
// reply once no newer key is waiting (README "Performance").
//
//   bench_search_madoguchi --db DIR --queries queries.tsv [--quality-queries all.tsv]
//                          [--qrels qrels.json] [--reps 3] [--today 2024-06-01] [--max-queries N]
//                          [--warm-up 1] [--prefix 1] [--out result.json] [--dump hits.tsv]
//                          [--keystroke-log keystrokes.tsv] [--limit 10] [--snippet-hits -1]
//                          [--match-threads 2] [--split-min 15000] [--pause-ms 0] [--recent-matches 256]
//                          [--exhaustive 0] [--block-cache-mb 32] [--always-hand-over 0]
//                          [--common-word-min-entries 10000]
// --prefix 0 turns off SearchRequest::prefix_last_word (an ablation: what the typed-word
// wildcard costs); the viewer always types with it on.
// --match-threads 1 matches on the calling thread only; --split-min is the index size from which
// two threads match (SearcherOptions).
// --recent-matches N: searches whose match the searcher remembers (SearcherOptions; 1 = the
// previous keystroke only). They are forgotten before each timed repetition, so that a repetition
// does not find what the previous one typed.
// --exhaustive 1 weighs every matching document instead of letting Xapian prune
// (SearcherOptions::exhaustive_match): with --dump, the reference that compare_dumps.py checks a
// pruned dump against (docs/xapian-andmaybe-skip.md).
// --block-cache-mb N: Xapian's blocks the searcher keeps in memory (SearcherOptions; 0 = none,
// every block read a system call). Like the remembered matches, they are forgotten before each
// timed repetition.
// --pause-ms N sleeps N ms (untimed) before each timed keystroke, as an operator types; the
// default replays keystrokes back to back, the figure the benchmark reports.
// --always-hand-over 1 gives the second thread its share after every pause, even where it
// started slowly after the last one (SearcherOptions; core/src/helper_thread.h).
// --common-word-min-entries N: a word in more than 30% of the entries and more than N is weighed
// on the first stage's candidates (SearcherOptions; core/src/deferred_parts.h); a number above the
// index's size turns that off.
// --dump FILE: instead of timing, types every query once and writes each keystroke's hits (id,
// score, badge, snippet, highlights) to FILE, so that a speed change can be checked to leave
// every result identical (`cmp` two dumps). With --pause-ms it pauses before each keystroke
// too, so that the path taken after a pause (helper_thread.h) is the one dumped.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

#include "args.h"
#include "madoguchi/searcher.h"
#include "replay.h"

int main(int argc, char** argv) try {
  bench::Args args(argc, argv);
  const std::string db = args.get("--db");
  auto today = madoguchi::Date::parse(args.get("--today", "2024-06-01"));
  if (!today) throw std::runtime_error("--today must be YYYY-MM-DD");

  const int block_cache_mb = args.get_int("--block-cache-mb", 32);
  if (block_cache_mb < 0) throw std::runtime_error("--block-cache-mb must be 0 or more");
  auto searcher = madoguchi::Searcher::open(db, madoguchi::Clock::fixed(*today),
                                            {.match_threads = args.get_int("--match-threads", 2),
                                             .split_min_documents = args.get_int("--split-min", 15000),
                                             .recent_matches = args.get_int("--recent-matches", madoguchi::SearcherOptions{}.recent_matches),
                                             .exhaustive_match = args.get_int("--exhaustive", 0) != 0,
                                             .exact_match_max_documents = args.get_int(
                                                 "--exact-max-documents", madoguchi::SearcherOptions{}.exact_match_max_documents),
                                             .block_cache_bytes = size_t(block_cache_mb) << 20,
                                             .always_hand_over = args.get_int("--always-hand-over", 0) != 0,
                                             .common_word_min_entries = args.get_int("--common-word-min-entries",
                                                                                     madoguchi::SearcherOptions{}.common_word_min_entries),
                                             .remember_postings = args.get_int("--posting-memo", 1) != 0,
                                             .own_leaves = args.get_int("--own-leaves", 1) != 0});
  if (!searcher) throw std::runtime_error(searcher.status().message());

  madoguchi::SearchRequest request{.limit = args.get_int("--limit", 10), .prefix_last_word = args.get_int("--prefix", 1) != 0};
  request.snippet_hits = args.get_int("--snippet-hits", -1);  // the viewer: --limit 30 --snippet-hits 10
  size_t snippet_bytes = 0;
  auto search = [&](const std::string& typed) {
    request.query = typed;
    auto result = (*searcher)->search(request);
    std::vector<std::string> ids;
    if (!result) return ids;
    for (const auto& hit : result->hits) {
      ids.push_back(hit.id);
      snippet_bytes += hit.snippet.size();  // keeps the snippet work observable
    }
    return ids;
  };

  const int pause_ms = args.get_int("--pause-ms", 0);
  if (const std::string dump = args.get("--dump", ""); !dump.empty()) {
    std::ofstream out(dump);
    char score[32];
    for (const auto& q : bench::load_queries(args.get("--queries"))) {
      for (const auto& typed : bench::prefixes(q.text)) {
        if (pause_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
        request.query = typed;
        auto result = (*searcher)->search(request);
        out << typed << '\t' << (result ? result->estimated_total : -1) << '\n';
        if (!result) continue;
        for (const auto& hit : result->hits) {
          std::snprintf(score, sizeof score, "%.17g", hit.score);
          out << "  " << hit.rank << ' ' << hit.id << ' ' << hit.effective.yyyymmdd << ' ' << score << ' '
              << hit.badge << ' ' << hit.snippet;
          for (const auto& [b, e] : hit.highlights) out << ' ' << b << '-' << e;
          out << '\n';
        }
      }
    }
    return 0;
  }

  bench::ReplayOptions options{.repetitions = args.get_int("--reps", 3),
                               .qrels_path = args.get("--qrels", ""),
                               .max_queries = size_t(args.get_int("--max-queries", 0)),
                               .warm_up = args.get_int("--warm-up", 1) != 0,
                               .pause_ms = pause_ms,
                               .before_timed_pass = [&] {
                                 (*searcher)->forget_recent_matches();
                                 (*searcher)->forget_cached_blocks();
                               }};
  const std::string quality = args.get("--quality-queries", "");
  if (!quality.empty()) options.quality_queries = bench::load_queries(quality);
  std::ofstream keystroke_log;
  if (const std::string log = args.get("--keystroke-log", ""); !log.empty()) {
    keystroke_log.open(log);
    if (!keystroke_log) throw std::runtime_error("cannot write " + log);
    options.keystroke_log = &keystroke_log;
  }
  nlohmann::json out = bench::replay(search, bench::load_queries(args.get("--queries")), options);
  out["engine"] = "madoguchi";
  out["prefix_last_word"] = request.prefix_last_word;
  out["entries"] = (*searcher)->entry_count();
  out["snippet_bytes"] = snippet_bytes;
  args.write_json(out);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench_search_madoguchi: %s\n", e.what());
  return 1;
}
