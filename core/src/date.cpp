#include "madoguchi/date.h"

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <fmt/format.h>

namespace madoguchi {
namespace {

std::chrono::sys_days to_sys_days(Date d) {
  using namespace std::chrono;
  return sys_days{year{d.year()} / month{unsigned(d.month())} / day{unsigned(d.day())}};
}

Date from_sys_days(std::chrono::sys_days days) {
  using namespace std::chrono;
  year_month_day ymd{days};
  return Date{int(ymd.year()) * 10000 + int(unsigned(ymd.month())) * 100 + int(unsigned(ymd.day()))};
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int value = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  Date d{value};
  if (d.yyyymmdd == kFarFuture) return d;
  std::chrono::year_month_day ymd{std::chrono::year{d.year()}, std::chrono::month{unsigned(d.month())},
                                  std::chrono::day{unsigned(d.day())}};
  if (!ymd.ok() || d.year() < 1) return std::nullopt;
  return d;
}

std::string Date::to_string() const {
  if (!valid()) return "";
  return fmt::format("{:04}-{:02}-{:02}", year(), month(), day());
}

std::string Date::sortable_key() const { return fmt::format("{:08}", yyyymmdd); }

Date Date::plus_days(int days) const {
  if (yyyymmdd >= kFarFuture) return *this;
  return from_sys_days(to_sys_days(*this) + std::chrono::days{days});
}

int Date::days_since(Date earlier) const {
  return int((to_sys_days(*this) - to_sys_days(earlier)).count());
}

Result<Clock> Clock::from_environment() {
  int offset = 540;
  if (const char* o = std::getenv("MADOGUCHI_UTC_OFFSET_MINUTES"); o && *o) {
    const std::string_view text(o);
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), offset);
    // UTC-12:00 to UTC+14:00, the offsets in use.
    if (error != std::errc() || end != text.data() + text.size() || offset < -720 || offset > 840)
      return Status::invalid_input(fmt::format(
          "MADOGUCHI_UTC_OFFSET_MINUTES '{}' is not a number of minutes from -720 to 840 (Japan: 540)", text));
  }
  if (const char* t = std::getenv("MADOGUCHI_TODAY"); t && *t) {
    auto d = Date::parse(t);
    if (!d) return Status::invalid_input(fmt::format("MADOGUCHI_TODAY '{}' is not a date (YYYY-MM-DD)", t));
    return Clock(*d, offset);
  }
  return Clock(std::nullopt, offset);
}

Date Clock::today() const {
  if (fixed_) return *fixed_;
  using namespace std::chrono;
  auto local = system_clock::now() + minutes{utc_offset_minutes_};
  return from_sys_days(floor<days>(local));
}

}  // namespace madoguchi
