#include "as_of_filter.h"

#include <string>

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
  const auto end = db.valuestream_end(schema::kSlotUntil);
  for (auto v = db.valuestream_begin(schema::kSlotUntil); v != end; ++v)
    if (*v >= after_d) valid_[v.get_docid()] = true;
  // Entries with more than one valid version. Their id terms' frequencies come with the term
  // walk, so only the posting lists of entries with several versions are read (a few hundred
  // at most where the corpus has 100,000 single-version entries).
  groups_.clear();
  redundant_ = 0;
  unsigned group = 0;
  const std::string id_prefix(schema::kId);
  for (auto t = db.allterms_begin(id_prefix); t != db.allterms_end(id_prefix); ++t) {
    if (t.get_termfreq() < 2) continue;
    std::vector<Xapian::docid> live;
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p)
      if (valid(*p)) live.push_back(*p);
    if (live.size() < 2) continue;
    ++group;
    for (const Xapian::docid did : live) groups_.emplace(did, group);
    redundant_ += Xapian::doccount(live.size() - 1);
  }
  date_ = d;
}

}  // namespace madoguchi
