// The one place where Xapian's exceptions become Status values.
#pragma once

#include <xapian.h>

#include "madoguchi/status.h"

namespace madoguchi {

inline Status status_from_xapian(const Xapian::Error& e, const std::string& db_dir) {
  const std::string what = e.get_type() + std::string(": ") + e.get_msg();
  // Xapian::Error is not polymorphic: its type name tells the subclass.
  const std::string type = e.get_type();
  if (type == "DatabaseLockError")
    return Status::io_error("index is locked by another writer (an index or publish is running): " + what,
                            {db_dir, 0});
  if (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError" || type == "DatabaseVersionError")
    return Status::invalid_input("not a Madoguchi index (cannot open): " + what, {db_dir, 0});
  if (type == "DatabaseCorruptError") return Status::corruption(db_dir + ": " + what);
  if (type.find("Network") != std::string::npos) return Status::io_error(what, {db_dir, 0});
  if (type.rfind("Database", 0) == 0) return Status::io_error(what, {db_dir, 0});
  return Status::internal(db_dir + ": " + what);
}

}  // namespace madoguchi
