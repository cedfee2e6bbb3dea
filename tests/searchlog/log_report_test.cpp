// `madoguchi report`: merging seats' logs, grouping zero-hit queries, the numbers it prints.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <cstdio>
#include <fstream>
#include <sys/wait.h>
#include <sqlite3.h>
#include <thread>

#include "madoguchi/log_report.h"
#include "logged_searches.h"
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

SearchRecord settled(std::string time, std::string query, int hits, SettleReason reason, std::string entry = "") {
  return SearchRecord{.query = std::move(query), .hits = hits, .reason = reason, .entry_id = std::move(entry),
                      .release = 4, .time = std::move(time)};
}

// Writes raw rows, as another tool or a damaged disk might leave them.
void insert_raw_rows(const std::string& path, const std::vector<std::pair<std::string, std::string>>& time_and_query) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  for (const auto& [time, query] : time_and_query) {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "INSERT INTO searches(seat, time, query, hits, reason, entry_id, release) "
                                   "VALUES('raw', ?, ?, 0, 'paused', '', 1)", -1, &st, nullptr) == SQLITE_OK);
    sqlite3_bind_text(st, 1, time.data(), int(time.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, query.data(), int(query.size()), SQLITE_TRANSIENT);
    CHECK(sqlite3_step(st) == SQLITE_DONE);
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
}

// The fixture corpus with `synonyms` as its synonyms.tsv, indexed into dir/db.
std::string index_with_synonyms(const TempDir& dir, const std::string& synonyms) {
  write_fixture_corpus(dir.path() / "corpus");
  write_file(dir.path() / "corpus" / "synonyms.tsv", synonyms);
  REQUIRE(run_cli({"index", dir.str("corpus"), "--db", dir.str("db")}).exit_code == 0);
  return dir.str("db");
}

}  // namespace

TEST_CASE("a search that left several settle rows counts once", "[searchlog][report]") {
  TempDir dir;
  {
    auto log = SearchLog::open(dir.str("logs/seat.sqlite"), "seat");
    REQUIRE(log.has_value());
    using R = SettleReason;
    for (const auto& r : {settled("2026-11-20T09:00:00+09:00", "zqxw", 0, R::kPaused),
                          settled("2026-11-20T09:00:05+09:00", "zqxw", 0, R::kCleared),
                          settled("2026-11-20T09:01:00+09:00", "発熱", 5, R::kPaused),
                          settled("2026-11-20T09:01:10+09:00", "発熱", 5, R::kOpened, "fever-consult"),
                          settled("2026-11-20T09:01:30+09:00", "発熱", 5, R::kCopied, "fever-consult"),
                          settled("2026-11-20T09:02:00+09:00", "発熱", 5, R::kCleared),
                          settled("2026-11-20T09:03:00+09:00", "発熱", 5, R::kPaused),  // the next caller
                          settled("2026-11-20T09:05:00+09:00", "検査", 3, R::kPaused),
                          settled("2026-11-20T09:05:09+09:00", "検", 9, R::kCleared),  // backspaced, then cleared
                          settled("2026-11-22T10:00:00+09:00", "検査", 3, R::kPaused)})
      (*log)->record(r);
  }
  auto r = build_report({.logs = {dir.str("logs")}});
  REQUIRE(r.has_value());
  CHECK(r->searches == 5);  // zqxw, 発熱 twice, 検査 twice
  CHECK(r->zero_hit_searches == 1);
  REQUIRE(r->top_queries.size() == 3);
  CHECK(r->top_queries[0].count == 2);
  REQUIRE(r->opened.size() == 1);
  CHECK(r->opened[0].count == 1);  // opened and copied in one search
  // Every day from the first to the last, the quiet one too.
  REQUIRE(r->days.size() == 3);
  CHECK(r->days[1].date == "2026-11-21");
  CHECK(r->days[1].searches == 0);
}

TEST_CASE("log times are read as Japan days and hours whatever zone they were written in", "[searchlog][report]") {
  auto utc = parse_log_time("2026-11-20T15:00:00Z");
  REQUIRE(utc.has_value());
  CHECK(utc->date.to_string() == "2026-11-21");
  CHECK(utc->hour == 0);
  auto japan = parse_log_time("2026-11-20T23:59:59.250+09:00");
  REQUIRE(japan.has_value());
  CHECK(japan->date.to_string() == "2026-11-20");
  CHECK(japan->hour == 23);
  CHECK(parse_log_time("2026-11-20T08:00:00")->hour == 8);  // no zone: Japan time
  CHECK(parse_log_time("2026-11-20T08:00:00-05:00")->hour == 22);
  CHECK(utc->seconds - japan->seconds == 1);
  CHECK_FALSE(parse_log_time("2026-11-20 08:00").has_value());
  CHECK_FALSE(parse_log_time("2026-11-20T08:00:00+9").has_value());
}

TEST_CASE("the same query typed with other spaces or widths counts as one", "[searchlog][report]") {
  TempDir dir;
  {
    auto log = SearchLog::open(dir.str("seat.sqlite"), "seat");
    REQUIRE(log.has_value());
    int minute = 10;
    for (const char* q : {"発熱 相談", "発熱　相談", "発熱 相談 ", "発熱 相談", "ＰＣＲ", "pcr"})
      (*log)->record(at("2026-11-20T09:" + std::to_string(minute++) + ":00+09:00", q, 1, 1));
  }
  auto r = build_report({.logs = {dir.str("seat.sqlite")}});
  REQUIRE(r.has_value());
  REQUIRE(r->top_queries.size() == 2);
  CHECK(r->top_queries[0].text == "発熱 相談");  // the form typed most
  CHECK(r->top_queries[0].count == 4);
  CHECK(r->top_queries[1].count == 2);
}

TEST_CASE("a log reached twice is read once, a directory without logs is bad input", "[searchlog][report]") {
  TempDir dir;
  write_logs(dir);
  auto r = build_report({.logs = {dir.str("logs"), dir.str("logs/seat1.sqlite"), dir.str("logs/../logs/seat2.sqlite")}});
  REQUIRE(r.has_value());
  CHECK(r->logs_read.size() == 2);
  CHECK(r->searches == 7);
  std::filesystem::create_directories(dir.path() / "empty");
  auto empty = build_report({.logs = {dir.str("empty")}});
  REQUIRE_FALSE(empty.has_value());
  CHECK(empty.status().message().find("no search logs") != std::string::npos);
  CHECK(build_report({.logs = {dir.str("logs")}, .from = Date::parse("2026-11-22"), .to = Date::parse("2026-11-21")})
            .status()
            .code() == Code::kInvalidInput);
}

TEST_CASE("a damaged log stops the report with its name instead of counting part of it", "[searchlog][report]") {
  TempDir dir;
  {
    auto log = SearchLog::open(dir.str("seat.sqlite"), "seat");
    REQUIRE(log.has_value());
    for (int i = 0; i < 3000; ++i) (*log)->record(at("2026-11-20T09:00:00+09:00", "検査 " + std::to_string(i % 97), 1, 1));
  }
  REQUIRE(build_report({.logs = {dir.str("seat.sqlite")}}).has_value());
  {
    std::fstream f(dir.str("seat.sqlite"), std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096 * 10);  // a page in the middle of the table
    f.write(std::string(4096, '\xff').data(), 4096);
  }
  auto r = build_report({.logs = {dir.str("seat.sqlite")}});
  REQUIRE_FALSE(r.has_value());
  CHECK(r.status().message().find("cannot read search log") != std::string::npos);
  CHECK(r.status().to_string().find("seat.sqlite") != std::string::npos);
}

TEST_CASE("a log on a read-only share is read", "[searchlog][report]") {
  TempDir dir;
  write_logs(dir);  // closed: their -wal files are checkpointed
  const std::string share = dir.str("logs");
  // A read-only bind mount in a mount namespace of its own: root ignores file permissions.
  const std::string command = "unshare -m sh -c 'mount --bind -o ro " + share + " " + share + " || exit 77; exec " +
                              MADOGUCHI_CLI + " report --json --logs " + share + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  const int status = pclose(pipe);
  if (WEXITSTATUS(status) == 77 || out.find("unshare:") != std::string::npos) {
    WARN("no read-only bind mount here (unshare -m and mount need CAP_SYS_ADMIN): " + out);
    std::exit(77);
  }
  INFO(out);
  REQUIRE(WEXITSTATUS(status) == 0);
  CHECK(json::parse(out)["searches"] == 7);
}

TEST_CASE("entries no longer in force are not listed as never opened", "[searchlog][report]") {
  TempDir dir;
  write_logs(dir);
  write_fixture_corpus(dir.path() / "corpus");
  REQUIRE(run_cli({"index", dir.str("corpus"), "--db", dir.str("db")}).exit_code == 0);
  auto then = build_report({.logs = {dir.str("logs")}, .db = dir.str("db"), .today = Date::parse("2022-06-01")});
  auto now = build_report({.logs = {dir.str("logs")}, .db = dir.str("db"), .today = Date::parse("2026-11-25")});
  REQUIRE((then.has_value() && now.has_value()));
  auto listed = [](const LogReport& r, const std::string& id) {
    return std::find(r.never_opened.begin(), r.never_opened.end(), id) != r.never_opened.end();
  };
  CHECK(listed(*then, "free-pcr"));       // in force until 2023-03-31
  CHECK_FALSE(listed(*now, "free-pcr"));  // expired
  CHECK(listed(*now, "close-contact"));
}

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
  auto r = build_report({.logs = {dir.str("logs")}, .db = index_with_synonyms(dir, "発熱\t熱\n")});
  REQUIRE(r.has_value());
  REQUIRE(r->zero_hit.size() == 2);
  CHECK(r->zero_hit[0].count == 2);  // 熱が出た + 発熱
  CHECK(r->zero_hit[0].examples.size() == 2);
  CHECK(std::find(r->never_opened.begin(), r->never_opened.end(), "close-contact") != r->never_opened.end());
  CHECK(std::find(r->never_opened.begin(), r->never_opened.end(), "fever-consult") == r->never_opened.end());
}

TEST_CASE("zero-hit queries that are members of one multi-word synonym group group together", "[searchlog][report]") {
  TempDir dir;
  {
    auto log = SearchLog::open(dir.str("logs/seat.sqlite"), "seat");
    REQUIRE(log.has_value());
    (*log)->record(at("2026-11-20T09:00:00+09:00", "PCR検査", 0, 1));
    (*log)->record(at("2026-11-20T09:30:00+09:00", "PCR", 0, 1));
    (*log)->record(at("2026-11-20T10:00:00+09:00", "濃厚接触者", 0, 1));
  }
  auto r = build_report({.logs = {dir.str("logs")}, .db = index_with_synonyms(dir, "PCR検査\tPCR\n")});
  REQUIRE(r.has_value());
  REQUIRE(r->zero_hit.size() == 2);
  CHECK(r->zero_hit[0].count == 2);  // PCR検査 and PCR: one group (they were two)
  CHECK(r->zero_hit[0].examples.size() == 2);
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
  CHECK(run_cli({"report", "--logs", dir.str("logs"), "--from", "2026-11-22", "--to", "2026-11-01"}).exit_code == 2);
  CHECK(run_cli({"report", "--logs", dir.str("logs"), "--db", dir.str("no-index")}).exit_code == 1);
  // A query that is not UTF-8 (another tool's rows) is printed with U+FFFD, not a crash.
  insert_raw_rows(dir.str("logs/seat1.sqlite"), {{"2026-11-22T10:00:00+09:00", "\xe7\x99\xba\xff"}});
  auto mangled = run_cli({"report", "--logs", dir.str("logs"), "--json"});
  REQUIRE(mangled.exit_code == 0);
  CHECK(json::parse(mangled.out)["searches"] == 8);
  // The text form shows the days, hours and releases the JSON has.
  auto text = run_cli({"report", "--logs", dir.str("logs")});
  CHECK(text.out.find("2026-11-21") != std::string::npos);
  CHECK(text.out.find("リリース 2") != std::string::npos);
}
