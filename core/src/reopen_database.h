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
//
// An index rebuilt at the same path (`index` renames a new database into place) may be at the
// same revision number as the one open. Glass's reopen() then reads the new database's version
// file, finds the revision unchanged and keeps the old tables open: statistics of one database
// over the tables of another (wrong results, then heap corruption in a stale searcher). The
// UUID tells: a new database is opened anew.
inline bool reopen_or_open_anew(Xapian::Database& db, const std::string& db_dir) {
  try {
    const std::string uuid = db.get_uuid();
    if (db.reopen()) return true;
    if (db.get_uuid() == uuid) return false;
  } catch (const Xapian::DatabaseOpeningError&) {
  } catch (const Xapian::NetworkError&) {
  }
  db = Xapian::Database(db_dir);
  return true;
}

}  // namespace madoguchi
