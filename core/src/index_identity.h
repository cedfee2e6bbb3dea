// Checks that an index was built by an analyzer and schema this build can read.
#pragma once

#include <xapian.h>

#include "madoguchi/analyzer.h"
#include "madoguchi/status.h"

namespace madoguchi {

// Reads the analyzer identity stored in `db`. kIncompatibleIndex when the schema differs,
// kInvalidInput when `db` has no Madoguchi metadata at all.
Result<AnalyzerIdentity> stored_identity(const Xapian::Database& db, const std::string& db_dir);

// kIncompatibleIndex with a message telling what differs and how to fix it.
Status check_identity(const AnalyzerIdentity& stored, const AnalyzerIdentity& local, const std::string& db_dir);

}  // namespace madoguchi
