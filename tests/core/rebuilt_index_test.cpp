// A searcher kept open while its index is rebuilt at the same path (core/src/reopen_database.h):
// the new database may be at the same revision number as the old, and glass's reopen() alone
// would then mix the new database's statistics with the old one's tables. Real Xapian.
#include <catch2/catch.hpp>
#include <filesystem>
#include <xapian.h>

#include "madoguchi/searcher.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

TEST_CASE("a searcher refreshed after its index was rebuilt at the same path reads the new one", "[searcher][reopen]") {
  TempDir dir;
  const auto corpus = dir.path() / "corpus";
  write_file(corpus / "fever.md", entry_md("fever", "発熱時の相談窓口", "発熱したら発熱相談センターに電話してください。"));
  write_file(corpus / "vaccine.md", entry_md("vaccine", "ワクチン接種の予約", "予約はコールセンターで受け付けます。"));
  const std::string db = build_corpus_index(dir);
  const Xapian::rev first_revision = Xapian::Database(db).get_revision();
  auto opened = Searcher::open(db, Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(opened.has_value());
  Searcher& s = **opened;
  REQUIRE(s.search({.query = "発熱"}).has_value());

  // Another corpus, built from nothing at the same path.
  std::filesystem::remove_all(db);
  std::filesystem::remove_all(corpus);
  for (int i = 0; i < 6; ++i)
    write_file(corpus / ("isolation" + std::to_string(i) + ".md"),
               entry_md("isolation" + std::to_string(i), "療養期間と発熱 " + std::to_string(i),
                        "発熱から" + std::to_string(i + 5) + "日間は外出を控えてください。発熱が続くときは相談してください。"));
  REQUIRE(build_corpus_index(dir) == db);
  REQUIRE(Xapian::Database(db).get_revision() == first_revision);  // the case glass's reopen() misses

  CHECK(s.refresh());
  auto after = s.search({.query = "発熱"});
  auto fresh = Searcher::open(db, Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(fresh.has_value());
  auto expected = (*fresh)->search({.query = "発熱"});
  REQUIRE(after.has_value());
  REQUIRE(expected.has_value());
  CHECK(after->estimated_total == expected->estimated_total);
  REQUIRE(after->hits.size() == expected->hits.size());
  for (size_t i = 0; i < after->hits.size(); ++i) {
    CHECK(after->hits[i].id == expected->hits[i].id);
    CHECK(after->hits[i].score == expected->hits[i].score);
  }
}
