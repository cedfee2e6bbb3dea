// Validity ranges and status of versions on a date (DESIGN §3).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <optional>
#include <string>

#include "madoguchi/versions.h"

using namespace madoguchi;

namespace {
Date d(const char* s) { return *Date::parse(s); }
}

TEST_CASE("dates parse strictly and do calendar arithmetic", "[versions]") {
  CHECK(Date::parse("2022-09-07")->yyyymmdd == 20220907);
  CHECK_FALSE(Date::parse("2022-02-30"));
  CHECK_FALSE(Date::parse("2022/09/07"));
  CHECK_FALSE(Date::parse("20220907"));
  CHECK(d("2023-05-07").plus_days(1) == d("2023-05-08"));
  CHECK(d("2024-03-01").days_since(d("2024-02-28")) == 2);
  CHECK(d("2022-09-07").to_string() == "2022-09-07");
}

TEST_CASE("a version runs until the next one takes effect", "[versions]") {
  auto spans = compute_spans({d("2022-01-01"), d("2022-09-07")}, {Date{}, Date{}});
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].until == d("2022-09-07"));
  CHECK(spans[1].until == Date::far_future());
  CHECK(spans[0].status_on(d("2022-09-06")) == VersionStatus::kInForce);
  CHECK(spans[0].status_on(d("2022-09-07")) == VersionStatus::kSuperseded);
  CHECK(spans[1].status_on(d("2022-09-06")) == VersionStatus::kUpcoming);
  CHECK(spans[1].status_on(d("2022-09-07")) == VersionStatus::kInForce);
}

TEST_CASE("expires is the last day in force, inclusive, then the entry is withdrawn", "[versions]") {
  auto spans = compute_spans({d("2022-01-01")}, {d("2023-05-07")});
  CHECK(spans[0].until == d("2023-05-08"));
  CHECK(spans[0].status_on(d("2023-05-07")) == VersionStatus::kInForce);
  CHECK(spans[0].status_on(d("2023-05-08")) == VersionStatus::kWithdrawn);
}

TEST_CASE("an earlier expiry wins over the next version's start", "[versions]") {
  auto spans = compute_spans({d("2022-01-01"), d("2022-06-01")}, {d("2022-03-31"), Date{}});
  CHECK(spans[0].until == d("2022-04-01"));
  CHECK(spans[0].status_on(d("2022-05-01")) == VersionStatus::kSuperseded);
}

TEST_CASE("a version without effective date has been in force since always", "[versions]") {
  auto spans = compute_spans({Date{}}, {Date{}});
  CHECK(spans[0].in_force_on(d("1990-01-01")));
}

TEST_CASE("the clock's environment: a malformed date or offset is an error, not another day", "[versions]") {
  struct Env {  // sets a variable for the test's scope
    std::string name;
    std::optional<std::string> saved;
    Env(std::string n, const char* value) : name(std::move(n)) {
      if (const char* old = std::getenv(name.c_str())) saved = old;
      setenv(name.c_str(), value, 1);
    }
    ~Env() { saved ? setenv(name.c_str(), saved->c_str(), 1) : unsetenv(name.c_str()); }
  };
  {
    Env today("MADOGUCHI_TODAY", "2026-12-06");
    Env offset("MADOGUCHI_UTC_OFFSET_MINUTES", "-300");
    auto clock = Clock::from_environment();
    REQUIRE(clock.has_value());
    CHECK(clock->today() == *Date::parse("2026-12-06"));
  }
  for (const char* bad : {"2026-02-30", "20261206", "2026-1-6", "tomorrow"}) {
    Env today("MADOGUCHI_TODAY", bad);
    auto clock = Clock::from_environment();
    REQUIRE_FALSE(clock.has_value());
    CHECK(clock.status().message().find("MADOGUCHI_TODAY") != std::string::npos);
  }
  for (const char* bad : {"+09:00", "9h", "abc", "540 ", "100000", "-721"}) {
    INFO(bad);
    Env offset("MADOGUCHI_UTC_OFFSET_MINUTES", bad);
    auto clock = Clock::from_environment();
    REQUIRE_FALSE(clock.has_value());
    CHECK(clock.status().message().find("MADOGUCHI_UTC_OFFSET_MINUTES") != std::string::npos);
  }
  for (const char* good : {"540", "0", "-720", "840"}) {
    Env offset("MADOGUCHI_UTC_OFFSET_MINUTES", good);
    CHECK(Clock::from_environment().has_value());
  }
}
