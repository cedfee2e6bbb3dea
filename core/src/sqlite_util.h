// Small RAII helpers over the SQLite C API (Debian's libsqlite3), used by the search log and
// the report. Errors become Status values here, once.
#pragma once

#include <sqlite3.h>
#include <memory>
#include <string>

#include "madoguchi/status.h"

namespace madoguchi {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using SqliteDb = std::unique_ptr<sqlite3, SqliteCloser>;
using SqliteStatement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

inline Status sqlite_status(sqlite3* db, const std::string& path, const std::string& what) {
  return Status::io_error(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"), {path, 0});
}

inline Status sqlite_exec(sqlite3* db, const std::string& path, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::io_error(std::string("SQLite: ") + msg, {path, 0});
  }
  return Status();
}

inline std::string column_text(sqlite3_stmt* s, int i) {
  auto p = sqlite3_column_text(s, i);
  return p ? reinterpret_cast<const char*>(p) : "";
}

}  // namespace madoguchi
