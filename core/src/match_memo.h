// The Xapian half of recent searches (the re-ranked documents and the match estimate), kept so
// that a keystroke asking Xapian exactly what a recent one asked skips the match. Two kinds of
// repeat are common at a seat:
// - while the tail of a sentence is typed (のですが、…) most keystrokes add no query part: 357 of
//   1,397 keystrokes of the benchmark at 20k (docs/performance.md);
// - the same short start comes back query after query (尼崎 → 尼崎市… in a city's FAQ), and so does
//   a prefix the operator backspaces to. A short start over common words is also the dearest kind
//   of keystroke: 尼崎 is in 80% of the benchmark's 100k entries and took 7 to 9 ms every time.
// Snippets and explanations are still made from the new plan, whose highlight terms and
// prefixes may differ.
//
// The key holds everything the match and the re-ranker read: every part's field, route and
// serialised query (in order: the OR is built from them), the filters, the as-of date and the
// limit. The index revision is not in the key: the owner clears the memo when it reopens. The
// least recently used outcome goes first when `capacity` are held.
//
// Thread rule: one per Searcher.
#pragma once

#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "madoguchi/date.h"
#include "madoguchi/searcher.h"
#include "query_builder.h"
#include "reranker.h"

namespace madoguchi {

struct MatchOutcome {
  std::vector<RankedDoc> ranked;  // what rerank() returned
  long estimated_total = 0;
  bool total_is_exact = false;  // estimated_total is a count
};

class MatchMemo {
 public:
  explicit MatchMemo(size_t capacity) : capacity_(capacity) {}
  MatchMemo(const MatchMemo&) = delete;  // `by_key_` points into `recent_`
  MatchMemo& operator=(const MatchMemo&) = delete;

  static std::string key_of(const QueryPlan& plan, const SearchRequest& request, Date as_of);

  // The outcome remembered under `key`, now the most recent, or null.
  const MatchOutcome* find(const std::string& key);
  // Remembers `outcome` under `key` (not already held) and returns it; with a capacity of 0, nothing is kept.
  const MatchOutcome& remember(std::string key, MatchOutcome outcome);
  void clear();
  size_t size() const { return recent_.size(); }

 private:
  using Entry = std::pair<std::string, MatchOutcome>;
  size_t capacity_;
  std::list<Entry> recent_;  // most recent first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> by_key_;  // views of the list's keys
  MatchOutcome unkept_;  // what remember() returns when the capacity is 0
};

}  // namespace madoguchi
