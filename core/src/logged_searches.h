// The searches in one seat's log. The viewer writes a row each time an operator settles on a
// query (paused, opened, copied, cleared), so one search often leaves several rows: a pause,
// then an open, then a clear. The report counts searches, not rows.
//
// Thread rule: plain functions and values.
#pragma once

#include <sqlite3.h>
#include <optional>
#include <string>
#include <vector>

#include "madoguchi/date.h"
#include "madoguchi/status.h"

namespace madoguchi {

// A logged time (ISO 8601; Z, an offset, or none for Japan time) as a day and hour in Japan.
struct JapanTime {
  Date date;
  int hour = 0;
  long long seconds = 0;  // since 1970-01-01 UTC: for gaps between rows
};
std::optional<JapanTime> parse_log_time(const std::string& iso);

struct LoggedSearch {
  JapanTime time;                    // of its first row
  std::string query;                 // as logged (masked)
  long hits = 0;                     // as its first row says
  long release = 0;
  std::vector<std::string> entries;  // opened or copied in this search, each once
};

// A row continues the seat's previous search when it comes within this many seconds of that
// search's latest row, which did not clear the box, and carries its query or clears what is left
// of it (検査 paused, backspaced to 検, cleared).
inline constexpr long long kSameSearchSeconds = 600;

// Reads the searches table of an open log. Rows whose time cannot be read are left out; a log
// SQLite cannot read (corrupt, truncated) is an error naming `path`.
Result<std::vector<LoggedSearch>> read_logged_searches(sqlite3* db, const std::string& path);

}  // namespace madoguchi
