// A typo inside a compound's reading (issue 10): the corrected compound also finds its parts, as
// an exact compound reading does. Through the public search path; real MeCab (IPADIC) and Xapian.
#include <catch2/catch.hpp>

#include "madoguchi/searcher.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

const std::string& compound_db() {
  static TempDir dir;
  static std::string db = [] {
    const auto c = dir.path() / "corpus";
    write_file(c / "copy.md", entry_md("copy", "住民票の写しの請求", "住民票の写しは市民課の窓口で請求できます。"));
    write_file(c / "tax.md", entry_md("tax", "市県民税の納付", "納付書で納めてください。"));
    write_file(c / "move.md", entry_md("move", "転入の手続き", "転入届は住民の方が提出してください。投票所の案内も同封します。"));
    return build_corpus_index(dir);
  }();
  return db;
}

SearchResult run(const std::string& query) {
  static auto s = Searcher::open(compound_db(), Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  auto r = (*s)->search({.query = query, .prefix_last_word = false, .explain = true});
  REQUIRE(r.has_value());
  return std::move(*r);
}

}  // namespace

TEST_CASE("a missed kana inside a compound's reading also finds the compound's parts", "[typing][typo]") {
  // じうみんひょう: ゆ missed from じゅうみんひょう (住民票 = 住民 + 票).
  auto r = run("じうみんひょうのうつし");
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits[0].id == "copy");
  bool whole = false, part = false;
  for (const auto& e : r.hits[0].explanation) {
    whole = whole || (e.term == "じゆうみんひよう" && e.route == "typo");
    part = part || (e.term == "じゆうみん" && e.route == "typo");
  }
  CHECK(whole);
  CHECK(part);
  // The part matches an entry that has 住民 without 住民票, below the entry with the compound.
  bool move_found = false;
  for (const auto& h : r.hits) move_found = move_found || h.id == "move";
  CHECK(move_found);
}
