// Calendar dates as the index stores them, and the injectable clock that says what "today" is.
//
// A Date is a plain value (yyyymmdd as an int) so that it sorts and serializes trivially.
// Thread rule: Date is a value; Clock is immutable after construction, share it freely.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "madoguchi/status.h"

namespace madoguchi {

struct Date {
  int yyyymmdd = 0;  // 0 = unset

  static constexpr int kFarFuture = 99991231;  // "no end" sentinel for validity ranges

  bool valid() const { return yyyymmdd != 0; }
  int year() const { return yyyymmdd / 10000; }
  int month() const { return yyyymmdd / 100 % 100; }
  int day() const { return yyyymmdd % 100; }

  // Parses YYYY-MM-DD (strictly, with a real calendar check). nullopt when malformed.
  static std::optional<Date> parse(std::string_view text);
  static Date far_future() { return Date{kFarFuture}; }

  std::string to_string() const;     // YYYY-MM-DD ("" when unset, "9999-12-31" for the sentinel)
  std::string sortable_key() const;  // "YYYYMMDD": what Xapian value slots hold
  Date plus_days(int days) const;
  int days_since(Date earlier) const;  // this - earlier in days

  friend auto operator<=>(const Date&, const Date&) = default;
};

// Says what today is, in the configured time zone (Japan by default). Tests and the CLI inject a
// fixed date (`--today`, MADOGUCHI_TODAY=YYYY-MM-DD) so that results never depend on the wall
// clock by accident.
class Clock {
 public:
  // Reads MADOGUCHI_TODAY (fixed date) and MADOGUCHI_UTC_OFFSET_MINUTES (default 540, Japan; Japan
  // has no daylight saving time) from the environment. A value that is set but malformed is an
  // error, not the system clock or UTC: a mistyped training date or offset would otherwise show
  // another day's rules without a word.
  static Result<Clock> from_environment();
  static Clock fixed(Date today) { return Clock(today, 540); }
  static Clock system(int utc_offset_minutes = 540) { return Clock(std::nullopt, utc_offset_minutes); }

  Date today() const;
  bool is_fixed() const { return fixed_.has_value(); }

 private:
  Clock(std::optional<Date> fixed, int offset) : fixed_(fixed), utc_offset_minutes_(offset) {}
  std::optional<Date> fixed_;
  int utc_offset_minutes_;
};

}  // namespace madoguchi
