// Which version a hit shows when the version that matched is not in force on the as-of date:
// the version in force, or with none in force yet the next to take effect (as `show` gives),
// and never one that fails the search's filters (found by an audit of stop 34).
#include <catch2/catch.hpp>

#include "madoguchi/searcher.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// `rule` in three versions, its words changing; `route` moving from 青葉市's routing entry to
// 大浜市's FAQ on 2026-06-01.
std::string versioned_index(const TempDir& dir) {
  const auto entries = dir.path() / "corpus" / "entries";
  write_file(entries / "rule@2026-01-01.md",
             entry_md("rule", "待機期間オレンジ版", "キウイの待機はオレンジ十四日間。", "effective: 2026-01-01\n"));
  write_file(entries / "rule@2026-06-01.md",
             entry_md("rule", "待機期間バナナ版", "キウイの待機はバナナ十日間。", "effective: 2026-06-01\n"));
  write_file(entries / "rule@2027-01-01.md",
             entry_md("rule", "待機期間メロン版", "キウイの待機はメロン七日間。", "effective: 2027-01-01\n"));
  write_file(entries / "route@2026-01-01.md",
             entry_md("route", "振り分けサクランボ", "サクランボ旧窓口へ。",
                      "type: routing\ncategory: [旧分類]\nmunicipalities: [青葉市]\neffective: 2026-01-01\n"));
  write_file(entries / "route@2026-06-01.md",
             entry_md("route", "振り分けサクランボ改", "サクランボ新窓口へ。",
                      "type: faq\ncategory: [新分類]\nmunicipalities: [大浜市]\neffective: 2026-06-01\n"));
  return build_corpus_index(dir);
}

struct Versions {
  TempDir dir;
  std::unique_ptr<Searcher> searcher;
  Versions() {
    auto s = Searcher::open(versioned_index(dir), Clock::fixed(*Date::parse("2026-03-01")));
    REQUIRE(s.has_value());
    searcher = std::move(*s);
  }
  SearchResult run(SearchRequest req) {
    auto r = searcher->search(req);
    REQUIRE(r.has_value());
    return std::move(*r);
  }
};

}  // namespace

TEST_CASE("before any version is in force, a hit shows the next one to take effect", "[searcher][versions]") {
  Versions v;
  // Each word is in one version only; the entry shows the version of 2026-01-01 whichever matched.
  for (const char* query : {"オレンジ", "バナナ", "メロン", "キウイ"}) {
    INFO(query);
    auto r = v.run({.query = query, .as_of = Date::parse("2025-12-31")});
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].title == "待機期間オレンジ版");
    CHECK(r.hits[0].status == VersionStatus::kUpcoming);
    CHECK(r.hits[0].effective == *Date::parse("2026-01-01"));
    REQUIRE(r.hits[0].upcoming.has_value());
    CHECK(r.hits[0].upcoming->effective == *Date::parse("2026-06-01"));
  }
  // In force: the version of the day, also when the upcoming version's words matched (an ended
  // version's words find nothing: the as-of filter drops it).
  CHECK(v.run({.query = "オレンジ", .as_of = Date::parse("2026-07-01")}).hits.empty());
  for (const char* query : {"バナナ", "メロン"}) {
    auto r = v.run({.query = query, .as_of = Date::parse("2026-07-01")});
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].title == "待機期間バナナ版");
    CHECK(r.hits[0].status == VersionStatus::kInForce);
  }
}

TEST_CASE("a filter the version in force fails shows the version that passes it, as upcoming", "[searcher][versions]") {
  Versions v;
  // In force on 2026-03-01: 青葉市's routing entry; from 2026-06-01: 大浜市's FAQ.
  const SearchRequest plain{.query = "サクランボ"};
  REQUIRE(v.run(plain).hits.at(0).municipalities == std::vector<std::string>{"青葉市"});
  for (SearchRequest filtered : {SearchRequest{.query = "サクランボ", .municipality = "大浜市"},
                                 SearchRequest{.query = "サクランボ", .type = "faq"},
                                 SearchRequest{.query = "サクランボ", .category = "新分類"}}) {
    auto r = v.run(filtered);
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].municipalities == std::vector<std::string>{"大浜市"});
    CHECK(r.hits[0].title == "振り分けサクランボ改");
    CHECK(r.hits[0].status == VersionStatus::kUpcoming);
    CHECK(r.hits[0].badge == "予定");
  }
  // The filter the version in force passes still shows it.
  auto aoba = v.run({.query = "サクランボ", .municipality = "青葉市"});
  REQUIRE(aoba.hits.size() == 1);
  CHECK(aoba.hits[0].title == "振り分けサクランボ");
  CHECK(aoba.hits[0].status == VersionStatus::kInForce);
}
