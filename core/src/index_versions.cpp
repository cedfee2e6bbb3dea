#include "index_versions.h"

#include "madoguchi/schema.h"

namespace madoguchi {
namespace {

// Stores slot `slot` into field `field` of `out` (sorted by docid, as value streams are).
void merge_slot(const Xapian::Database& db, unsigned slot, std::vector<IndexedVersion>& out,
                std::string IndexedVersion::*field) {
  size_t at = 0;
  for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot) && at < out.size(); ++v) {
    const Xapian::docid docid = v.get_docid();
    while (at < out.size() && out[at].docid < docid) ++at;
    if (at < out.size() && out[at].docid == docid) out[at].*field = *v;
  }
}

}  // namespace

std::vector<IndexedVersion> read_index_versions(const Xapian::Database& db) {
  std::vector<IndexedVersion> out;
  out.reserve(db.get_doccount());
  for (auto v = db.valuestream_begin(schema::kSlotId); v != db.valuestream_end(schema::kSlotId); ++v)
    out.push_back({v.get_docid(), *v, {}, {}});
  merge_slot(db, schema::kSlotEffective, out, &IndexedVersion::effective);
  merge_slot(db, schema::kSlotFileHash, out, &IndexedVersion::hash);
  return out;
}

}  // namespace madoguchi
