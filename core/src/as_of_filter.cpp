#include "as_of_filter.h"

#include <set>
#include <string>
#include <vector>

#include "madoguchi/schema.h"

namespace madoguchi {

namespace {

// Values of kSlotUntil at or above this key end after d ("YYYYMMDD" is exclusive).
std::string after(Date d) { return d.sortable_key() + std::string(1, '\0'); }

}  // namespace

Xapian::Query AsOfFilter::leaf(Date d) {
  return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotUntil, after(d));
}

void AsOfFilter::prepare(const Xapian::Database& db, Date d) {
  if (date_ == d && !valid_.empty()) return;
  // The same comparison as OP_VALUE_GE(kSlotUntil, "YYYYMMDD\0"): the version's end (exclusive)
  // lies after d. A document without the value is not valid, as with the value leaf.
  date_ = Date{};  // an exception below (a writer moved the revision) leaves no stale bitmap
  const std::string after_d = after(d);
  valid_.assign(size_t(db.get_lastdocid()) + 1, false);
  // Two versions of one entry are both not ended only if the earlier one ends (when the later one
  // takes effect) after d: each such group holds a valid version with an end. Those are few (8
  // of 100,000 at the benchmark's 100k), so only their entries' versions are looked up.
  const std::string no_end = Date::far_future().sortable_key();
  std::vector<Xapian::docid> ending;
  const auto end = db.valuestream_end(schema::kSlotUntil);
  for (auto v = db.valuestream_begin(schema::kSlotUntil); v != end; ++v) {
    if (*v < after_d) continue;
    valid_[v.get_docid()] = true;
    if (*v < no_end) ending.push_back(v.get_docid());
  }
  groups_.clear();
  redundant_ = 0;
  std::set<std::string> entries;  // looked up already
  for (const Xapian::docid did : ending) {
    const std::string id = db.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotId);
    if (id.empty() || !entries.insert(id).second) continue;
    const std::string term = std::string(schema::kId) + id;
    std::vector<Xapian::docid> live;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p)
      if (valid(*p)) live.push_back(*p);
    if (live.size() < 2) continue;
    const unsigned group = unsigned(entries.size());
    for (const Xapian::docid version : live) groups_.emplace(version, group);
    redundant_ += Xapian::doccount(live.size() - 1);
  }
  date_ = d;
}

bool AsOfFilter::backend_takes_deciders(const Xapian::Database& db) {
  struct AcceptAll : Xapian::MatchDecider {
    bool operator()(const Xapian::Document&) const override { return true; }
  } accept_all;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);  // an empty query would not reach the backend
  try {
    enquire.get_mset(0, 0, 0, nullptr, &accept_all);  // no document is read
    return true;
  } catch (const Xapian::UnimplementedError&) {
    return false;
  }
}

}  // namespace madoguchi
