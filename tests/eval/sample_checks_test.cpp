// Issue 10's outside checks on the bundled sample corpus, through the CLI: romaji, an unfinished
// reading and a missed kana each put a 保健所 entry in the top 3; --explain names the reading.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace madoguchi::test;

namespace {

const std::string& sample_db() {
  static TempDir dir;
  static std::string db = [] {
    auto r = run_cli({"index", source_dir() + "/corpus", "--db", dir.str("db")});
    REQUIRE(r.exit_code == 0);
    return dir.str("db");
  }();
  return db;
}

nlohmann::json search(const std::vector<std::string>& extra) {
  std::vector<std::string> args{"search", "--db", sample_db(), "--json", "--today", "2026-11-25"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = run_cli(args);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("sample corpus: hokenjo, ほけんじ and ほけじょ find a 保健所 entry in the top 3", "[eval][cli][sample]") {
  for (const char* q : {"hokenjo", "ほけんじ", "ほけじょ"}) {
    auto j = search({"--limit", "3", q});
    bool found = false;
    for (const auto& h : j["hits"]) found = found || h["title"].get<std::string>().find("保健所") != std::string::npos;
    INFO(q);
    CHECK(found);
  }
}

TEST_CASE("sample corpus: --explain ほけんじょ says the hits matched through a reading", "[eval][cli][sample]") {
  auto j = search({"--explain", "ほけんじょ"});
  REQUIRE_FALSE(j["hits"].empty());
  for (const auto& h : j["hits"]) {
    REQUIRE(h.contains("explain"));
    bool reading = false;
    double sum = 0;
    for (const auto& e : h["explain"]) {
      reading = reading || e["field"] == "reading";
      sum += e["weight"].get<double>();
    }
    CHECK(reading);
    CHECK(sum == Approx(h["score"].get<double>()).epsilon(1e-6));
  }
}
