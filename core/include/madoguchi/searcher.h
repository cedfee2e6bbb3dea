// Searching an index (DESIGN §6): one hit per entry id, the version in force on the as-of date,
// snippets with highlight ranges computed by our own analyzer.
//
// Thread rule: one Searcher per thread (it owns a Xapian Database and an Analyzer). Open one per
// thread from the same path; the MeCab dictionary is shared inside the process.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "madoguchi/corpus.h"
#include "madoguchi/date.h"
#include "madoguchi/releases.h"
#include "madoguchi/status.h"
#include "madoguchi/versions.h"

namespace madoguchi {

struct SearchRequest {
  std::string query;
  int limit = 10;
  std::optional<Date> as_of;  // unset: today, from the Searcher's clock
  std::string category;       // filters: empty = any
  std::string type;
  std::string municipality;
  bool prefix_last_word = true;  // the word being typed matches as a prefix (unless followed by a space)
  bool explain = false;          // fill Hit::explanation (slower: one extra match per query part)
  // How many of the first hits get a snippet; the rest come without (empty snippet and
  // highlights). -1: every hit. The viewer asks its first page at once and the rest after.
  int snippet_hits = -1;
};

// Why a hit matched: one query part (docs/search-explain.md). The weights of a hit's parts add up
// to its score.
struct MatchExplanation {
  std::string term;   // as the index holds it: base form, reading, prefix stem or synonym key
  std::string field;  // title | tag | question | body | category | municipality | reading
  std::string route;  // exact | compound | ngram | synonym | prefix | reading | romaji | typo | rerank
  double weight = 0;  // this part's share of the score
};

struct UpcomingVersion {
  Date effective;
  std::string title;
};

struct Hit {
  int rank = 0;  // 1-based
  std::string id;
  EntryType type = EntryType::kFaq;
  std::string title;
  std::vector<std::string> category;
  std::vector<std::string> municipalities;
  Date effective;
  Date until;
  VersionStatus status = VersionStatus::kInForce;
  double score = 0;
  std::string snippet;
  std::vector<std::pair<size_t, size_t>> highlights;  // byte ranges into snippet
  std::string badge;  // 新規 | 更新 | 予定 | 廃止 | ""
  std::optional<UpcomingVersion> upcoming;  // a later version not yet in force
  std::vector<MatchExplanation> explanation;  // with SearchRequest::explain, largest weight first
};

struct SearchResult {
  std::string query;
  std::vector<Hit> hits;
  long estimated_total = 0;
  // estimated_total is a count, not Xapian's estimate: the number of entries a search without a
  // limit would list. So when the match met every matching document (as it does in an index of at
  // most SearcherOptions::exact_match_max_documents) and no common word was left out of it
  // (core/src/deferred_parts.h).
  bool total_is_exact = false;
  double took_ms = 0;
  Date as_of;
};

// Everything known about one version, for `show`, the viewer's detail pane and history.
struct VersionDetail {
  EntryVersion version;  // content as indexed
  VersionSpan span;
  VersionStatus status = VersionStatus::kInForce;
};

struct EntryDetail {
  std::string id;
  Date as_of;
  std::optional<VersionDetail> current;  // the version in force on as_of (or the upcoming one)
  std::vector<VersionDetail> versions;   // every version, oldest first
};

struct SearcherOptions {
  int badge_days = 14;  // 新規 / 更新 when the change took effect within this many days
  // 2: an index of at least `split_min_documents` documents is matched on two threads, each
  // over half of it (core/src/split_match.h); 1: on the searching thread only. Below that size
  // the second thread costs about what it saves (docs/performance.md, "Matching on two cores").
  // 2 also analyzes the snippets' new regions on a second thread, at any index size
  // (second_analyzer.h); 1 keeps the whole search on the caller's thread.
  int match_threads = 2;
  int split_min_documents = 15000;
  // Searches whose match is remembered for this revision (core/src/match_memo.h): a keystroke
  // asking Xapian what one of them asked is answered without matching. 1: the previous search only.
  int recent_matches = 256;
  // Every match weighs every matching document instead of letting Xapian prune: much slower, for
  // checking the pruned results against (docs/xapian-andmaybe-skip.md: Xapian 1.4.22 can skip a
  // document while pruning). One thread; estimates become exact counts.
  bool exhaustive_match = false;
  // An index of at most this many documents is matched without pruning: Xapian 1.4.22's pruning
  // can skip a document (docs/xapian-andmaybe-skip.md: an eight-document case), and in a small
  // index weighing every matching document costs little. Still only the documents wanted are
  // asked for; the match estimate becomes an exact count. Measured at 2,051 documents: p50 0.50
  // -> 0.58 ms; at 5,000, 0.41 -> 0.53 to 0.85 ms. 0: always prune.
  int exact_match_max_documents = 2500;
  // Xapian's blocks kept in memory for this revision, at most this many bytes
  // (core/src/block_cache.h): each block read is otherwise a system call. 0: none kept.
  size_t block_cache_bytes = size_t(32) << 20;
  // After a pause between searches, the second thread gets its share only if it started
  // promptly last time (core/src/helper_thread.h: on a virtual machine a CPU that sat idle can
  // take milliseconds to wake). true: always, for tests and measurements of the two-thread path.
  bool always_hand_over = false;
  // A word in more than 30% of the entries and in more than this many is weighed on the best
  // candidates only (core/src/deferred_parts.h); below that the match costs less than a second
  // one. Tests lower it to reach that path on a small index.
  int common_word_min_entries = 10000;
  // The deferred single-term leaves weighed from their postings, remembered from keystroke to
  // keystroke (core/src/posting_memo.h); false: through Xapian's matcher every time, as before
  // (the benchmark's ablation). The same weights either way.
  bool remember_postings = true;
  // A local index's term, synonym and typed-word leaves weighed by us with document lengths read
  // once per revision (core/src/bm25_leaf.h); false: by Xapian's leaves, which walk glass's
  // length list (the benchmark's ablation). The same weights either way.
  bool own_leaves = true;
};

class Searcher {
 public:
  // Opens the index read-only. Fails with kInvalidInput when the path is not an index and with
  // kIncompatibleIndex when it was built with another dictionary, analysis or schema version.
  static Result<std::unique_ptr<Searcher>> open(const std::string& db_dir, const Clock& clock,
                                                SearcherOptions options = {});
  ~Searcher();

  Result<SearchResult> search(const SearchRequest& request);
  // The version of `id` in force on `as_of` (or today), with all versions.
  Result<EntryDetail> show(const std::string& id, std::optional<Date> as_of = std::nullopt);

  // Picks up a newer committed revision. Returns true when the index may have changed.
  bool refresh();

  int entry_count() const;
  Date today() const;
  std::string charset() const;  // every character the corpus uses (for the viewer's glyphs)
  // Every category of the index's versions, sorted (as filters take them: NFKC, case folded).
  std::vector<std::string> categories() const;
  // The release this searcher reads (number, time, author, message; as of the last open, refresh
  // or retry), or nullopt for a local index that was never published. For the status bar.
  std::optional<ReleaseInfo> release() const;
  // Forgets the remembered matches, as a newly opened searcher has none (for measurements that
  // replay the same session more than once).
  void forget_recent_matches();
  // Forgets Xapian's blocks kept in memory, as a newly opened searcher has none (the same use).
  void forget_cached_blocks();

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace madoguchi
