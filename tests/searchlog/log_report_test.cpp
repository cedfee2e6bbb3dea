// `madoguchi report`: merging seats' logs, grouping zero-hit queries, the numbers it prints.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "madoguchi/log_report.h"
#include "madoguchi/search_log.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;
using nlohmann::json;

namespace {

SearchRecord at(std::string time, std::string query, int hits, long release, std::string opened = "") {
  return SearchRecord{.query = std::move(query), .hits = hits,
                      .reason = opened.empty() ? SettleReason::kPaused : SettleReason::kOpened,
                      .entry_id = std::move(opened), .release = release, .time = std::move(time)};
}

// Two seats' logs over two days and two releases, written by two threads at once. The threads
// only note what failed: Catch2's assertions belong to the test's own thread.
void write_logs(const TempDir& dir) {
  std::string seat1_error, seat2_error;
  std::thread seat1([&] {
    auto log = SearchLog::open(dir.str("logs/seat1.sqlite"), "seat1");
    if (!log) return void(seat1_error = log.status().to_string());
    (*log)->record(at("2026-11-20T09:10:00+09:00", "発熱 相談", 5, 1, "fever-consult"));
    (*log)->record(at("2026-11-20T09:30:00+09:00", "熱が出た", 0, 1));
    (*log)->record(at("2026-11-20T10:05:00+09:00", "発熱", 0, 1));
    (*log)->record(at("2026-11-21T14:00:00+09:00", "発熱 相談", 5, 2, "fever-consult"));
    (*log)->record(FeedbackRecord{.entry_id = "fever-consult", .note = "夜間の案内がない", .time = "2026-11-21T14:01:00+09:00"});
  });
  std::thread seat2([&] {
    auto log = SearchLog::open(dir.str("logs/seat2.sqlite"), "seat2");
    if (!log) return void(seat2_error = log.status().to_string());
    (*log)->record(at("2026-11-20T09:15:00+09:00", "保健所 電話 090-1111-2222", 0, 1));
    (*log)->record(at("2026-11-21T14:30:00+09:00", "療養期間", 2, 2, "isolation-period"));
    (*log)->record(at("2026-11-21T15:00:00+09:00", "発熱 相談", 5, 2));
  });
  seat1.join();
  seat2.join();
  CHECK(seat1_error == "");
  CHECK(seat2_error == "");
}

}  // namespace

TEST_CASE("a report merges every seat's log and counts what was asked", "[searchlog][report]") {
  TempDir dir;
  write_logs(dir);
  auto r = build_report({.logs = {dir.str("logs")}});
  REQUIRE(r.has_value());
  CHECK(r->logs_read.size() == 2);
  CHECK(r->searches == 7);
  CHECK(r->zero_hit_searches == 3);
  REQUIRE_FALSE(r->top_queries.empty());
  CHECK(r->top_queries[0].text == "発熱 相談");
  CHECK(r->top_queries[0].count == 3);
  REQUIRE(r->opened.size() == 2);
  CHECK(r->opened[0].text == "fever-consult");
  CHECK(r->opened[0].count == 2);
  REQUIRE(r->days.size() == 2);
  CHECK(r->days[0].date == "2026-11-20");
  CHECK(r->days[0].searches == 4);
  CHECK(r->days[0].zero_hit == 3);
  CHECK(r->hours[9] == 3);
  CHECK(r->hours[14] == 2);
  REQUIRE(r->feedback.size() == 1);
  CHECK(r->feedback[0].notes.at(0) == "夜間の案内がない");
  REQUIRE(r->releases.size() == 2);
  CHECK(r->releases[0].zero_hit_rate == Approx(0.75));
  REQUIRE(r->releases[1].change.has_value());
  CHECK(*r->releases[1].change == Approx(-0.75));
}

TEST_CASE("digits never reach the report", "[searchlog][report]") {
  TempDir dir;
  write_logs(dir);
  auto r = build_report({.logs = {dir.str("logs")}});
  REQUIRE(r.has_value());
  for (const auto& z : r->zero_hit)
    for (const auto& e : z.examples) CHECK(e.find("090") == std::string::npos);
}

TEST_CASE("zero-hit queries group by analyzed terms, synonyms folded by the index", "[searchlog][report]") {
  TempDir dir;
  write_logs(dir);
  write_fixture_corpus(dir.path() / "corpus");
  write_file(dir.path() / "corpus" / "synonyms.tsv", "発熱\t熱\n");
  REQUIRE(run_cli({"index", dir.str("corpus"), "--db", dir.str("db")}).exit_code == 0);
  auto r = build_report({.logs = {dir.str("logs")}, .db = dir.str("db")});
  REQUIRE(r.has_value());
  REQUIRE(r->zero_hit.size() == 2);
  CHECK(r->zero_hit[0].count == 2);  // 熱が出た + 発熱
  CHECK(r->zero_hit[0].examples.size() == 2);
  CHECK(std::find(r->never_opened.begin(), r->never_opened.end(), "close-contact") != r->never_opened.end());
  CHECK(std::find(r->never_opened.begin(), r->never_opened.end(), "fever-consult") == r->never_opened.end());
}

TEST_CASE("a date range limits the report", "[searchlog][report]") {
  TempDir dir;
  write_logs(dir);
  auto r = build_report({.logs = {dir.str("logs")}, .from = Date::parse("2026-11-21"), .to = Date::parse("2026-11-21")});
  REQUIRE(r.has_value());
  CHECK(r->searches == 3);
  CHECK(r->zero_hit_searches == 0);
}

TEST_CASE("a log being written while the report reads it is read consistently", "[searchlog][report]") {
  TempDir dir;
  auto log = SearchLog::open(dir.str("live.sqlite"), "live");
  REQUIRE(log.has_value());
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    for (int i = 0; !stop; ++i) {
      (*log)->record(at("2026-11-22T11:00:00+09:00", "検査 " + std::to_string(i % 7), i % 2, 3));
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  long last = 0;
  for (int i = 0; i < 20; ++i) {
    auto r = build_report({.logs = {dir.str("live.sqlite")}});
    REQUIRE(r.has_value());
    CHECK(r->searches >= last);
    last = r->searches;
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
  }
  stop = true;
  writer.join();
  REQUIRE((*log)->flush().ok());
  CHECK(last > 0);
}

TEST_CASE("report --json has the documented shape, a missing log is bad input", "[searchlog][report][cli]") {
  TempDir dir;
  write_logs(dir);
  auto r = run_cli({"report", "--logs", dir.str("logs/seat1.sqlite"), dir.str("logs/seat2.sqlite"), "--json"});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  for (const char* key : {"searches", "zero_hit", "top_queries", "opened", "feedback", "days"}) CHECK(j.contains(key));
  CHECK(j["searches"] == 7);
  CHECK(j["zero_hit"][0].contains("terms"));
  CHECK(j["zero_hit"][0].contains("examples"));
  CHECK(j["feedback"][0]["id"] == "fever-consult");
  CHECK(run_cli({"report", "--logs", dir.str("nope.sqlite")}).exit_code == 1);
  CHECK(run_cli({"report", "--logs", dir.str("logs"), "--from", "yesterday"}).exit_code == 2);
}
