// Reconstructing what a database held at any release from the current documents and the
// release log (each change records the entry's versions before and after it).
#pragma once

#include <map>
#include <string>
#include <vector>
#include <xapian.h>

#include "index_document.h"
#include "index_writer_internal.h"

namespace madoguchi {

using EntryState = std::map<std::string, std::vector<VersionRef>>;  // id -> versions (sorted by uid)

// What the documents hold now. Throws Xapian::Error.
EntryState live_state(const Xapian::Database& db);
// The state after release `n` (0 = before the first release).
Result<EntryState> state_at(const Xapian::Database& db, int n);
// One version's content: a live document with that uid and hash, or the copy kept when it left.
Result<StoredVersion> load_version(const Xapian::Database& db, const VersionRef& ref);
// A corpus equal to the state after release `n` (entries and synonyms), for rollback.
Result<Corpus> corpus_at(const Xapian::Database& db, int n);

}  // namespace madoguchi
