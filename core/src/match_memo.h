// The Xapian half of the previous search (the re-ranked documents and the match estimate), kept
// so that a keystroke asking Xapian exactly the same thing skips the match. While the tail of a
// sentence is typed (のですが、…) most keystrokes add no query part: 357 of 1,397 keystrokes of
// the benchmark at 20k (docs/performance.md). Snippets and explanations are still made from the
// new plan, whose highlight terms and prefixes may differ.
//
// The key holds everything the match and the re-ranker read: every part's field, route and
// serialised query (in order: the OR is built from them), the filters, the as-of date and the
// limit. The index revision is not in the key: the owner clears the memo when it reopens.
//
// Thread rule: one per Searcher.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "madoguchi/date.h"
#include "madoguchi/searcher.h"
#include "query_builder.h"
#include "reranker.h"

namespace madoguchi {

struct MatchOutcome {
  std::vector<RankedDoc> ranked;  // what rerank() returned
  long estimated_total = 0;
};

class MatchMemo {
 public:
  static std::string key_of(const QueryPlan& plan, const SearchRequest& request, Date as_of);

  // The outcome remembered under `key`, if it is the last one.
  const MatchOutcome* find(const std::string& key) const { return key_ == key && outcome_ ? &*outcome_ : nullptr; }
  void remember(std::string key, MatchOutcome outcome) {
    key_ = std::move(key);
    outcome_ = std::move(outcome);
  }
  void clear() {
    key_.clear();
    outcome_.reset();
  }

 private:
  std::string key_;
  std::optional<MatchOutcome> outcome_;
};

}  // namespace madoguchi
