#include "logged_searches.h"

#include <algorithm>
#include <charconv>

#include "sqlite_util.h"

namespace madoguchi {
namespace {

constexpr Date kEpoch{19700101};
constexpr long long kJapanOffsetSeconds = 9 * 3600;

bool read_int(std::string_view text, size_t pos, size_t len, int& out) {
  if (pos + len > text.size()) return false;
  auto [end, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, out);
  return ec == std::errc() && end == text.data() + pos + len;
}

// `last_*` describe the search's latest row.
bool continues(const LoggedSearch& search, long long last_seconds, bool last_cleared, long long seconds,
               const std::string& query, const std::string& reason) {
  if (last_cleared || seconds - last_seconds > kSameSearchSeconds || seconds < last_seconds) return false;
  if (query == search.query) return true;
  return reason == "cleared" && search.query.starts_with(query);
}

}  // namespace

std::optional<JapanTime> parse_log_time(const std::string& iso) {
  auto date = Date::parse(std::string_view(iso).substr(0, 10));
  int hour = 0, minute = 0, second = 0;
  if (!date || iso.size() < 19 || iso[10] != 'T' || !read_int(iso, 11, 2, hour) || !read_int(iso, 14, 2, minute) ||
      !read_int(iso, 17, 2, second) || hour > 23 || minute > 59 || second > 60)
    return std::nullopt;
  size_t pos = 19;
  if (pos < iso.size() && iso[pos] == '.')
    for (++pos; pos < iso.size() && iso[pos] >= '0' && iso[pos] <= '9';) ++pos;
  long long offset = kJapanOffsetSeconds;  // no zone: the viewer writes Japan time
  if (pos < iso.size()) {
    int oh = 0, om = 0;
    if (iso.substr(pos) == "Z") offset = 0;
    else if (iso.size() == pos + 6 && (iso[pos] == '+' || iso[pos] == '-') && read_int(iso, pos + 1, 2, oh) &&
             iso[pos + 3] == ':' && read_int(iso, pos + 4, 2, om))
      offset = (iso[pos] == '-' ? -1 : 1) * (oh * 3600LL + om * 60LL);
    else return std::nullopt;
  }
  JapanTime t;
  t.seconds = date->days_since(kEpoch) * 86400LL + hour * 3600LL + minute * 60LL + second - offset;
  const long long japan = t.seconds + kJapanOffsetSeconds;
  const long long day = japan >= 0 ? japan / 86400 : (japan - 86399) / 86400;
  t.date = kEpoch.plus_days(int(day));
  t.hour = int((japan - day * 86400) / 3600);
  return t;
}

Result<std::vector<LoggedSearch>> read_logged_searches(sqlite3* db, const std::string& path) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT seat, time, query, hits, reason, entry_id, release FROM searches ORDER BY seat, id",
                         -1, &st, nullptr) != SQLITE_OK) {
    const bool not_a_log = sqlite3_errcode(db) == SQLITE_ERROR;  // no such table or column
    return Status::invalid_input(std::string(not_a_log ? "not a Madoguchi search log: " : "cannot read search log: ") +
                                     sqlite3_errmsg(db),
                                 {path, 0});
  }
  SqliteStatement statement(st);
  std::vector<LoggedSearch> searches;
  std::string seat;
  long long last_seconds = 0;
  bool last_cleared = false;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    auto time = parse_log_time(column_text(st, 1));
    if (!time) continue;
    const std::string row_seat = column_text(st, 0), query = column_text(st, 2), reason = column_text(st, 4),
                      entry = column_text(st, 5);
    const bool same_seat = !searches.empty() && row_seat == seat;
    if (!same_seat || !continues(searches.back(), last_seconds, last_cleared, time->seconds, query, reason))
      searches.push_back({*time, query, long(sqlite3_column_int64(st, 3)), long(sqlite3_column_int64(st, 6)), {}});
    seat = row_seat;
    last_seconds = time->seconds;
    last_cleared = reason == "cleared";
    auto& entries = searches.back().entries;
    if (!entry.empty() && std::find(entries.begin(), entries.end(), entry) == entries.end()) entries.push_back(entry);
  }
  if (rc != SQLITE_DONE) return sqlite_status(db, path, "cannot read search log");
  return searches;
}

}  // namespace madoguchi
