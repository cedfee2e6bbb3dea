// The re-ranker in the public search path (core/src/reranker.h): an entry whose question is
// mostly the caller's words gains over one that mentions them among many others; the gain shows
// in --explain as route "rerank", and the explained weights still add up to the score.
#include <catch2/catch.hpp>
#include <filesystem>
#include <xapian.h>

#include "madoguchi/index_writer.h"
#include "madoguchi/schema.h"
#include "madoguchi/searcher.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

const std::string& rerank_db() {
  static TempDir dir;
  static std::string db = [] {
    const auto c = dir.path() / "corpus";
    const std::string body = "粗大ごみは申込みが必要です。手数料は品目ごとに決まっています。";
    write_file(c / "fee.md", entry_md("fee", "粗大ごみの手数料", body));
    write_file(c / "guide.md", entry_md("guide", "粗大ごみの手数料と収集日、持ち込み施設、分別、リサイクル、不法投棄の通報", body));
    write_file(c / "other.md", entry_md("other", "犬の登録", "犬を飼い始めたら登録してください。"));
    return build_corpus_index(dir);
  }();
  return db;
}

double share_of(const Hit& h, const std::string& route) {
  double w = 0;
  for (const auto& e : h.explanation)
    if (e.route == route) w += e.weight;
  return w;
}

}  // namespace

TEST_CASE("rerank: the entry whose question is the query's words gains most", "[eval][rerank]") {
  auto s = Searcher::open(rerank_db(), Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  auto r = (*s)->search({.query = "粗大ごみの手数料はいくらですか", .prefix_last_word = false, .explain = true});
  REQUIRE(r.has_value());
  REQUIRE(r->hits.size() == 2);  // "other" shares no word
  CHECK(r->hits[0].id == "fee");
  const double fee = share_of(r->hits[0], "rerank"), guide = share_of(r->hits[1], "rerank");
  CHECK(fee > 0);
  CHECK(fee > guide);
  for (const auto& h : r->hits) {
    double sum = 0;
    for (const auto& e : h.explanation) sum += e.weight;
    CHECK(sum == Approx(h.score).epsilon(1e-9));
  }
  CHECK(r->hits[0].score >= r->hits[1].score);
}

TEST_CASE("rerank: kana input gains through the words its readings stand for", "[eval][rerank]") {
  auto s = Searcher::open(rerank_db(), Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  auto r = (*s)->search({.query = "そだいごみのてすうりょう", .prefix_last_word = false, .explain = true});
  REQUIRE(r.has_value());
  REQUIRE_FALSE(r->hits.empty());
  CHECK(r->hits[0].id == "fee");
  CHECK(share_of(r->hits[0], "rerank") > 0);
}

TEST_CASE("rerank: an index where some entry lacks its question length is not re-ranked", "[eval][rerank]") {
  TempDir dir;
  std::filesystem::copy(rerank_db(), dir.path() / "db", std::filesystem::copy_options::recursive);
  {
    Xapian::WritableDatabase db(dir.str("db"));
    const Xapian::docid id = *db.postlist_begin(std::string(schema::kId) + "other");
    Xapian::Document doc = db.get_document(id);
    doc.remove_value(schema::kSlotQuestionWords);  // as if built before the slot existed
    db.replace_document(id, doc);
    db.commit();
  }
  auto s = Searcher::open(dir.str("db"), Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  auto r = (*s)->search({.query = "粗大ごみの手数料はいくらですか", .prefix_last_word = false, .explain = true});
  REQUIRE(r.has_value());
  REQUIRE_FALSE(r->hits.empty());
  for (const auto& h : r->hits) CHECK(share_of(h, "rerank") == 0);
}
