// Matching on two cores (issue 6): while the searcher's thread matches the lower half of the
// document ids, a second thread with its own Database at the same revision matches the upper
// half, and the two best-first lists merge into the list one match would give.
//
// Why the result is the same: a BM25 weight depends on the database's statistics and the
// document, not on which documents a match visits, so OP_FILTERing the query by a DocidRange
// leaves every weight as it is. The best n documents of the index are among the best n of each
// half, and Xapian orders by weight and then document id, the order the merge keeps. Only the
// match estimate differs. A half that visited every candidate counts its matches; one that
// stopped early estimates from its OR's frequencies, which are the whole index's (DocidRange
// claims every document so as never to drive the AND), so its estimate is already one of the
// whole. The merge adds counts and otherwise takes the larger estimate.
//
// Why a second Database: Xapian's objects are not thread-safe, and a Query shares its nodes
// between copies without atomic counts, so the second thread gets the query serialised.
//
// Thread rule: a SplitMatcher belongs to one Searcher and is called from its thread only.
#pragma once

#include <optional>
#include <string>
#include <vector>
#include <xapian.h>

#include "as_of_filter.h"
#include "block_cache.h"
#include "helper_thread.h"
#include "reranker.h"

namespace madoguchi {

// What one match found: its best documents (weight, then id) and Xapian's estimate.
struct MatchPart {
  std::vector<RankedDoc> docs;
  Xapian::doccount estimated = 0;
  bool exact = false;  // the estimate is a count: the match visited every candidate
  // With `exact`, and when counted (a match asked to check every document): how many of the
  // matching documents a collapse on the entry id drops (version_collapse.h).
  std::optional<Xapian::doccount> collapsible;
};

// The best `size` documents of `query` with ids in [first, last] that `filter` accepts (the
// whole index unfiltered when the range covers it). With `check_at_least` every document, the
// collapsible ones are counted too.
MatchPart match_docid_range(const Xapian::Database& db, const Xapian::Query& query, Xapian::docid first,
                            Xapian::docid last, Xapian::doccount size, Xapian::doccount check_at_least,
                            const AsOfFilter& filter);

// The best `size` documents of two matches over disjoint ids, in Xapian's order, and their estimate.
MatchPart merge_parts(const MatchPart& a, const MatchPart& b, Xapian::doccount size);

class SplitMatcher {
 public:
  // The upper half is matched on `helper`, shared with the Searcher's other two-core work; it
  // must outlive this.
  // Its Database's blocks are read through `blocks` (block_cache.h), which it clears whenever
  // it opens, reopens or drops that Database.
  SplitMatcher(std::string db_dir, HelperThread& helper, BlockCache* blocks = nullptr);
  SplitMatcher(const SplitMatcher&) = delete;
  SplitMatcher& operator=(const SplitMatcher&) = delete;

  // The best `size` documents of `query` that `filter` accepts, matched on two threads, as
  // match_docid_range over all of `db` gives them. nullopt when the second Database cannot be
  // at `db`'s revision (a newer one was committed since `db` opened, or the index was rebuilt),
  // or when the helper would not start promptly (helper_thread.h): match on one thread then,
  // which costs less than the two halves one after the other.
  // Xapian errors of either half are thrown here, after both halves have finished.
  // `registry` unserialises the query's posting sources on the second thread (bm25_leaf.h).
  std::optional<MatchPart> match(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount size,
                                 Xapian::doccount check_at_least, const AsOfFilter& filter,
                                 const Xapian::Registry& registry = Xapian::Registry());

 private:
  bool at_revision_of(const Xapian::Database& db);

  const std::string db_dir_;
  HelperThread& helper_;
  BlockCache* const blocks_;
  std::optional<Xapian::Database> db_;  // the helper thread's; touched by the caller only between matches
  std::string opened_for_;              // the caller database's UUID when db_ was last opened
  bool declined_ = false;               // the caller's database cannot be matched in halves
};

}  // namespace madoguchi
