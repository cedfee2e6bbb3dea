// The seat's search log: masking, settled searches, feedback, concurrent writers.
#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <thread>

#include "madoguchi/search_log.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

long count_rows(const std::string& path, const char* table) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, (std::string("SELECT count(*) FROM ") + table).c_str(), -1, &st, nullptr);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  long n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

}  // namespace

TEST_CASE("phone numbers are masked in half-width, full-width and hyphenated forms", "[searchlog]") {
  CHECK(mask_query("09012345678 折り返し") == "＃ 折り返し");
  CHECK(mask_query("０９０−１２３４−５６７８") == "＃");
  CHECK(mask_query("090-1234-5678の人") == "＃の人");
  CHECK(mask_query("03(0000)1234") == "＃");
  CHECK(mask_query("〒530-0001 住所") == "〒＃ 住所");
}

TEST_CASE("dates of birth are masked, short numbers that carry meaning are kept", "[searchlog]") {
  CHECK(mask_query("生年月日1980年5月3日") == "生年月日＃");
  CHECK(mask_query("5月3日生まれ") == "＃生まれ");
  CHECK(mask_query("療養期間 5日間") == "療養期間 5日間");
  CHECK(mask_query("3回目 接種") == "3回目 接種");
}

TEST_CASE("long queries are cut", "[searchlog]") {
  std::string long_query;
  for (int i = 0; i < 100; ++i) long_query += "あ";
  CHECK(mask_query(long_query) == long_query.substr(0, 64 * 3));
}

TEST_CASE("records are committed masked within a flush", "[searchlog]") {
  TempDir dir;
  const std::string path = dir.str("seat/log.sqlite");
  auto log = SearchLog::open(path, "seat-01");
  REQUIRE(log.has_value());
  (*log)->record(SearchRecord{.query = "発熱 090-1234-5678", .hits = 3, .reason = SettleReason::kOpened,
                              .entry_id = "fever-consult", .release = 4});
  (*log)->record(FeedbackRecord{.entry_id = "fever-consult", .query = "発熱", .note = "夜間の窓口が書かれていない"});
  REQUIRE((*log)->flush().ok());
  CHECK(count_rows(path, "searches") == 1);
  CHECK(count_rows(path, "feedback") == 1);

  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT query, seat, reason, release FROM searches", -1, &st, nullptr);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "発熱 ＃");
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 1))) == "seat-01");
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 2))) == "opened");
  CHECK(sqlite3_column_int(st, 3) == 4);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST_CASE("records are committed within about half a second without a flush", "[searchlog]") {
  TempDir dir;
  auto log = SearchLog::open(dir.str("log.sqlite"), "seat");
  REQUIRE(log.has_value());
  (*log)->record(SearchRecord{.query = "検査", .hits = 1});
  long rows = 0;
  for (int i = 0; i < 40 && rows == 0; ++i) {  // up to 2 s, normally at once
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    rows = count_rows(dir.str("log.sqlite"), "searches");
  }
  CHECK(rows == 1);
}

TEST_CASE("closing a log writes everything queued", "[searchlog]") {
  TempDir dir;
  {
    auto log = SearchLog::open(dir.str("log.sqlite"), "seat");
    REQUIRE(log.has_value());
    for (int i = 0; i < 500; ++i) (*log)->record(SearchRecord{.query = "検査 " + std::to_string(i % 10), .hits = i % 3});
  }
  CHECK(count_rows(dir.str("log.sqlite"), "searches") == 500);
}

TEST_CASE("an unwritable log path is a clear error", "[searchlog]") {
  auto log = SearchLog::open("/proc/no/such/place/log.sqlite", "seat");
  REQUIRE_FALSE(log.has_value());
  CHECK(log.status().code() == Code::kIOError);
}
