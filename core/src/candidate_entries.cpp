#include "candidate_entries.h"

#include <algorithm>
#include <string>

#include "madoguchi/schema.h"

namespace madoguchi {

Xapian::Query candidate_entries(const Xapian::Database& db, const std::vector<RankedDoc>& ranked, size_t count) {
  std::vector<Xapian::Query> ids;
  ids.reserve(std::min(count, ranked.size()));
  for (size_t k = 0; k < ranked.size() && k < count; ++k) {
    const RankedDoc& r = ranked[k];
    const std::string id = r.entry.empty()
                               ? db.get_document(r.doc, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotId)
                               : r.entry;
    ids.emplace_back(std::string(schema::kId) + id);
  }
  return Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end());
}

}  // namespace madoguchi
