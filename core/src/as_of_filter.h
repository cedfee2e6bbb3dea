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
// Thread rule: one per Searcher (the bitmap belongs to one Database revision).
#pragma once

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
  void reset() { date_ = Date{}; valid_.clear(); }

  // The leaf this filter replaces, for backends that refuse a MatchDecider (a remote database
  // through xapian-tcpsrv throws Xapian::UnimplementedError): OP_FILTER it onto the query.
  static Xapian::Query leaf(Date d);

  // Not ended by the prepared date.
  bool valid(Xapian::docid did) const { return did < valid_.size() && valid_[did]; }

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
};

}  // namespace madoguchi
