// One hit per entry without Xapian's collapse (issue 6, docs/performance.md fifth round).
//
// Why: `Enquire::set_collapse_key(kSlotId)` reads the entry id value of every candidate that
// passes the min-weight test, 8% of a median keystroke's instructions at 100k entries, while the
// as-of decider leaves only a handful of entries with more than one candidate version (one in
// force and its upcoming successors; AsOfFilter::group_of()). Matching `size + redundant` documents
// without the collapse and dropping every version whose entry already has a better one gives the
// same `size` documents with the same weights in the same order: Xapian's collapse keeps an
// entry's best version by the MSet's own order (weight, then docid), which is the order here, and
// at most `redundant` documents are dropped. Xapian's match estimate is the uncollapsed one.
//
// Thread rule: a plain function.
#pragma once

#include <unordered_set>
#include <vector>
#include <xapian.h>

#include "as_of_filter.h"
#include "reranker.h"

namespace madoguchi {

// The first `size` documents of `matched` (best first, matched without a collapse key, with
// `filter`'s decider) after dropping each version whose entry (filter.group_of) already has a
// better one in `matched`.
// REQUIRES: `matched` holds at least `size + filter.redundant()` documents when the match has
// that many, so that the collapsed prefix is complete.
std::vector<RankedDoc> collapse_versions(const std::vector<RankedDoc>& matched, const AsOfFilter& filter,
                                         Xapian::doccount size);

// Counts the matching documents that a collapse on the entry id would drop, as a match goes: what
// turns a count of matching versions into a count of entries. Xapian shows a MatchSpy every
// document its decider accepts until it starts pruning, so the count is complete when the match
// is exact (check_at_least at least the matches).
class CollapsedVersions : public Xapian::MatchSpy {
 public:
  explicit CollapsedVersions(const AsOfFilter& filter) : filter_(filter) {}
  void operator()(const Xapian::Document& doc, double) override;
  Xapian::doccount dropped() const { return seen_ - Xapian::doccount(groups_.size()); }

 private:
  const AsOfFilter& filter_;
  Xapian::doccount seen_ = 0;  // matching documents of entries with several valid versions
  std::unordered_set<unsigned> groups_;  // their entries
};

}  // namespace madoguchi
