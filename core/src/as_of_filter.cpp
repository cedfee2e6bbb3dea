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
  date_ = d;
}

}  // namespace madoguchi
