#include "index_versions.h"

#include <mutex>

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

std::shared_ptr<const std::vector<IndexedVersion>> read_index_versions_shared(const Xapian::Database& db,
                                                                             const std::string& db_dir) {
  struct Last {
    std::string db_dir, uuid;
    Xapian::rev revision = 0;
    std::shared_ptr<const std::vector<IndexedVersion>> versions;
  };
  static std::mutex mutex;  // guards last
  static Last last;
  Last now{db_dir, db.get_uuid(), db.get_revision(), nullptr};
  {
    std::lock_guard lock(mutex);
    if (last.versions && !now.uuid.empty() && last.db_dir == now.db_dir && last.uuid == now.uuid &&
        last.revision == now.revision)
      return last.versions;
  }
  now.versions = std::make_shared<const std::vector<IndexedVersion>>(read_index_versions(db));
  std::lock_guard lock(mutex);
  last = now;
  return now.versions;
}

}  // namespace madoguchi
