// The as-of date filter (DESIGN §6): a version whose validity ended on or before the as-of date
// (kSlotUntil <= d, or no kSlotUntil value at all) never matches, exactly as the
// `OP_VALUE_GE kSlotUntil` leaf it replaces.
//
// Why a MatchDecider over a bitmap: ANDed into the query, the value leaf is checked (a value-chunk
// lookup) for every candidate of the OR of the plan's parts, thousands per keystroke. Xapian
// applies a MatchDecider only to candidates whose weight can still enter the result (after the
// min-weight test, before collapsing), and the bitmap answers without touching the index. The
// bitmap is built once per as-of date and revision from the value stream. Scores, the collapse
// and the top documents are the same as with the leaf; only Xapian's match-count estimate may
// differ (it scales by the share the decider rejected). A remote backend (xapian-tcpsrv) refuses
// MatchDeciders; the searcher then ANDs leaf() as before.
//
// Why it also knows the entries with several live versions: Xapian's collapse on the entry id
// (one hit per entry) reads the id value of every candidate that passes the min-weight test, 8%
// of a median keystroke at 100k (docs/performance.md, fifth round), yet only the versions of an
// entry that are all not ended (one in force and its upcoming successors) can ever be collapsed:
// the decider drops the rest. prepare() numbers those few entries, so that the searcher can match
// without Xapian's collapse and drop the lower versions itself (version_collapse.h).
//
// Thread rule: one per Searcher (the bitmap belongs to one Database revision).
#pragma once

#include <unordered_map>
#include <vector>
#include <xapian.h>

#include "madoguchi/date.h"

namespace madoguchi {

class AsOfFilter {
 public:
  // Rebuilds the bitmap for `d` unless it already holds it. REQUIRES: `db` is the revision the
  // bitmap was built from, or reset() was called since it changed.
  void prepare(const Xapian::Database& db, Date d);
  // Forgets the bitmap (call when the Database moves to another revision).
  void reset() {
    date_ = Date{};
    valid_.clear();
    groups_.clear();
    redundant_ = 0;
  }

  // The leaf this filter replaces, for backends that refuse a MatchDecider (a remote database
  // through xapian-tcpsrv throws Xapian::UnimplementedError): OP_FILTER it onto the query.
  static Xapian::Query leaf(Date d);

  // Whether `db`'s backend runs MatchDeciders. A remote one (xapian-tcpsrv) refuses them, and
  // finding that out by a real search would first build the bitmap over the network: reading the
  // whole value stream took about 10 s at 100k entries on the first search of a remote seat.
  static bool backend_takes_deciders(const Xapian::Database& db);

  // Not ended by the prepared date.
  bool valid(Xapian::docid did) const { return did < valid_.size() && valid_[did]; }

  // For a valid version whose entry has another valid version: that entry's number (1, 2, ...);
  // 0 for every other document. Two valid versions share a number exactly when Xapian's collapse
  // on kSlotId would keep only one of them.
  unsigned group_of(Xapian::docid did) const {
    const auto g = groups_.find(did);
    return g == groups_.end() ? 0 : g->second;
  }
  // Valid versions that a collapse on the entry id could drop: the sum over entries of their
  // valid versions minus one.
  Xapian::doccount redundant() const { return redundant_; }

  // What Enquire::get_mset takes (Xapian's MatchDecider cannot be copied, this filter can).
  // REQUIRES: the filter outlives the decider and is not prepared again while it is in use.
  struct Decider : Xapian::MatchDecider {
    explicit Decider(const AsOfFilter& filter) : filter(filter) {}
    bool operator()(const Xapian::Document& doc) const override { return filter.valid(doc.get_docid()); }
    const AsOfFilter& filter;
  };

 private:
  Date date_;
  std::vector<bool> valid_;  // by docid
  std::unordered_map<Xapian::docid, unsigned> groups_;  // see group_of()
  Xapian::doccount redundant_ = 0;
};

}  // namespace madoguchi
