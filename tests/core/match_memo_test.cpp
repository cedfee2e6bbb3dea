// The reuse of recent searches' matches (core/src/match_memo.h): the memo itself (least recently
// used first out), and through Searcher::search: typing a query, and coming back to searches made
// before, gives at every keystroke what a searcher that has not just matched the same thing
// gives; a changed date, filter or limit is matched again, and so is everything after a refresh
// to a new revision. (See also as_of_filter_test.cpp, which asks the same query on the same date
// across a refresh.) Last, the exhaustive match that checks Xapian's pruning gives the same hits.
#include <algorithm>
#include <catch2/catch.hpp>

#include "match_memo.h"

#include "kana.h"
#include "madoguchi/searcher.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

std::unique_ptr<Searcher> open_searcher(int recent_matches = SearcherOptions{}.recent_matches) {
  auto s = Searcher::open(fixture_corpus_db(), Clock::fixed(*Date::parse("2026-11-25")),
                          {.recent_matches = recent_matches});
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

MatchOutcome outcome_of(Xapian::docid doc) { return {{RankedDoc{.doc = doc, .score = 1}}, 1}; }

}  // namespace

TEST_CASE("the memo holds its capacity of outcomes, the least recently used going first", "[memo]") {
  MatchMemo memo(2);
  CHECK(memo.remember("a", outcome_of(1)).ranked[0].doc == 1);
  memo.remember("b", outcome_of(2));
  REQUIRE(memo.find("a") != nullptr);  // "a" is now the more recent
  memo.remember("c", outcome_of(3));
  CHECK(memo.size() == 2);
  CHECK(memo.find("b") == nullptr);
  REQUIRE(memo.find("a") != nullptr);
  CHECK(memo.find("a")->ranked[0].doc == 1);
  REQUIRE(memo.find("c") != nullptr);
  CHECK(memo.find("c")->ranked[0].doc == 3);
  memo.clear();
  CHECK(memo.find("a") == nullptr);
  CHECK(memo.size() == 0);

  MatchMemo none(0);  // a capacity of 0 keeps nothing but still hands the outcome back
  CHECK(none.remember("a", outcome_of(4)).ranked[0].doc == 4);
  CHECK(none.find("a") == nullptr);
}

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

TEST_CASE("searches made again after others give what a fresh searcher gives", "[searcher][memo]") {
  auto remembering = open_searcher();
  auto forgetting = open_searcher(0);
  const std::vector<std::string> session = {"発熱", "発熱 相談", "保健所", "発熱", "ワクチン", "発熱 相談", "保健所",
                                            "はつねつ", "発熱"};
  for (const auto& query : session) {
    INFO(query);
    check_same(run(*remembering, {.query = query}), run(*forgetting, {.query = query}));
  }
}

TEST_CASE("a refresh to a new revision forgets every remembered match", "[searcher][memo]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  const std::string db = build_corpus_index(dir);
  auto opened = Searcher::open(db, Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(opened.has_value());
  Searcher& s = **opened;
  const SearchRequest request{.query = "無料 PCR検査", .as_of = Date::parse("2022-06-01")};
  auto has_free_pcr = [](const SearchResult& r) {
    return std::any_of(r.hits.begin(), r.hits.end(), [](const Hit& h) { return h.id == "free-pcr"; });
  };
  CHECK(has_free_pcr(run(s, request)));
  run(s, {.query = "保健所"});  // the request to check is no longer the previous one

  // The entry is withdrawn earlier, its words unchanged (so is the plan, and with it the memo's
  // key): a remembered match must not bring it back.
  write_file(dir.path() / "corpus" / "testing" / "free-pcr.md",
             entry_md("free-pcr", "無料PCR検査の実施場所", "県内の薬局などで無料のPCR検査を受けられます。",
                      "type: faq\ncategory: [検査]\ntags: [PCR検査, 無料]\n"
                      "effective: 2021-12-24\nexpires: 2022-05-31\n"));
  REQUIRE(build_corpus_index(dir) == db);
  REQUIRE(s.refresh());
  const SearchResult after = run(s, request);
  CHECK_FALSE(has_free_pcr(after));
  auto fresh = Searcher::open(db, Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(fresh.has_value());
  check_same(after, run(**fresh, request));
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

TEST_CASE("an exhaustive match gives the pruned match's hits, with exact counts", "[searcher][exhaustive]") {
  // SearcherOptions::exhaustive_match is the reference a pruned match is checked against
  // (docs/xapian-andmaybe-skip.md); here, where Xapian prunes correctly, both agree.
  auto pruned = open_searcher(0);
  auto exhaustive = Searcher::open(fixture_corpus_db(), Clock::fixed(*Date::parse("2026-11-25")),
                                   {.recent_matches = 0, .exhaustive_match = true});
  REQUIRE(exhaustive.has_value());
  for (const char* query : {"発熱", "発熱 相談", "保健所の電話番号", "ワクチン", "はつねつ", "無料 PCR検査"})
    for (int limit : {1, 3, 10}) {
      INFO(query << " limit " << limit);
      const SearchResult a = run(*pruned, {.query = query, .limit = limit});
      const SearchResult b = run(**exhaustive, {.query = query, .limit = limit});
      REQUIRE(a.hits.size() == b.hits.size());
      for (size_t i = 0; i < a.hits.size(); ++i) {
        CHECK(a.hits[i].id == b.hits[i].id);
        CHECK(a.hits[i].score == Approx(b.hits[i].score));
      }
      CHECK(b.estimated_total >= long(b.hits.size()));
    }
}
