// Picking up a database's latest commit, for readers that keep one open (Searcher, ReleaseLog).
#pragma once

#include <string>
#include <xapian.h>

namespace madoguchi {

// Reopens `db` at its latest revision. A replica re-copied in full (its stub now names another
// directory) raises DatabaseNotFoundError, a DatabaseOpeningError, as do other files the old
// handle can no longer open, and a dropped remote connection NetworkError: reopen() cannot
// recover from those, a new Database on `db_dir` can (or throws what is really wrong). Returns
// true when anything may have changed. Other errors are thrown.
inline bool reopen_or_open_anew(Xapian::Database& db, const std::string& db_dir) {
  try {
    return db.reopen();
  } catch (const Xapian::DatabaseOpeningError&) {
  } catch (const Xapian::NetworkError&) {
  }
  db = Xapian::Database(db_dir);
  return true;
}

}  // namespace madoguchi
