// The reuse of the previous keystroke's match (core/src/match_memo.h) through Searcher::search:
// typing a query gives, at every keystroke, what a searcher that has not just matched the same
// thing gives; a changed date, filter or limit is matched again. (After a refresh: see
// as_of_filter_test.cpp, which asks the same query on the same date across a refresh.)
#include <catch2/catch.hpp>

#include "kana.h"
#include "madoguchi/searcher.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

std::unique_ptr<Searcher> open_searcher() {
  auto s = Searcher::open(fixture_corpus_db(), Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  return std::move(*s);
}

SearchResult run(Searcher& s, SearchRequest req) {
  auto r = s.search(req);
  REQUIRE(r.has_value());
  return std::move(*r);
}

// Everything a hit shows, scores included.
void check_same(const SearchResult& a, const SearchResult& b) {
  CHECK(a.estimated_total == b.estimated_total);
  REQUIRE(a.hits.size() == b.hits.size());
  for (size_t i = 0; i < a.hits.size(); ++i) {
    CHECK(a.hits[i].id == b.hits[i].id);
    CHECK(a.hits[i].score == b.hits[i].score);
    CHECK(a.hits[i].title == b.hits[i].title);
    CHECK(a.hits[i].snippet == b.hits[i].snippet);
    CHECK(a.hits[i].highlights == b.hits[i].highlights);
    CHECK(a.hits[i].badge == b.hits[i].badge);
  }
}

}  // namespace

TEST_CASE("every keystroke gives what a searcher without the previous match gives", "[searcher][memo]") {
  auto typing = open_searcher();
  auto fresh = open_searcher();
  const std::u32string text = U"保健所の受付時間を教えてくださいね ほけんじょのでんわ";
  for (size_t n = 1; n <= text.size(); ++n) {
    const std::string typed = to_utf8(text.substr(0, n));
    INFO(typed);
    run(*fresh, {.query = "ワクチン"});  // so that `fresh` never reuses a match here
    check_same(run(*typing, {.query = typed}), run(*fresh, {.query = typed}));
  }
}

TEST_CASE("the same query with another date, filter or limit is matched again", "[searcher][memo]") {
  auto s = open_searcher();
  auto has = [](const SearchResult& r, const std::string& id) {
    for (const auto& h : r.hits)
      if (h.id == id) return true;
    return false;
  };
  const std::string q = "無料 PCR検査";
  CHECK(has(run(*s, {.query = q, .as_of = Date::parse("2022-06-01")}), "free-pcr"));
  CHECK_FALSE(has(run(*s, {.query = q, .as_of = Date::parse("2022-06-01"), .category = "ワクチン"}), "free-pcr"));
  CHECK(has(run(*s, {.query = q, .as_of = Date::parse("2022-06-01"), .type = "faq"}), "free-pcr"));
  CHECK_FALSE(has(run(*s, {.query = q, .as_of = Date::parse("2022-06-01"), .type = "script"}), "free-pcr"));
  CHECK_FALSE(has(run(*s, {.query = q}), "free-pcr"));  // today: withdrawn
  CHECK(run(*s, {.query = "保健所", .limit = 1}).hits.size() == 1);
  CHECK(run(*s, {.query = "保健所", .limit = 3}).hits.size() > 1);
}
