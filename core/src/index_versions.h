// What an index holds per document for change detection: its entry id, effective date and file
// hash, read from their value slots in one pass (three value streams merged by docid, no per-docid
// hash maps: the incremental runs read them for 100k documents).
//
// Thread rule: plain values and functions.
#pragma once

#include <memory>
#include <string>
#include <vector>
#include <xapian.h>

namespace madoguchi {

struct IndexedVersion {
  Xapian::docid docid = 0;
  std::string id;
  std::string effective;  // the slot as stored: YYYYMMDD, 00010101 for "no date" (uid_of())
  std::string hash;       // the slot as stored: xxh64 as 16 hex digits
};

// Every document with an id, in docid order; a slot a document lacks is left empty.
std::vector<IndexedVersion> read_index_versions(const Xapian::Database& db);

// The same, shared with the previous call when that one read the database at `db_dir` with the
// same uuid and revision (a committed revision's documents never change): an incremental run
// reads them once for the loader (known_files) and once more under the write lock, where a
// writer that got in between would show as a new revision. Keeps only the last read.
// Thread-safe.
std::shared_ptr<const std::vector<IndexedVersion>> read_index_versions_shared(const Xapian::Database& db,
                                                                             const std::string& db_dir);

}  // namespace madoguchi
