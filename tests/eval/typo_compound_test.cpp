// A typo inside a compound's reading (issue 10): the corrected compound also finds its parts, as
// an exact compound reading does; a compound the dictionary keeps whole finds its parts too (issue 5).
// Through the public search path; real MeCab (IPADIC) and Xapian.
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

// A whole query (not typed), with explanations.
SearchResult search_in(const std::string& db, const std::string& query) {
  auto s = Searcher::open(db, Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  auto r = (*s)->search({.query = query, .prefix_last_word = false, .explain = true});
  REQUIRE(r.has_value());
  return std::move(*r);
}

SearchResult run(const std::string& query) { return search_in(compound_db(), query); }

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

namespace {

// A dictionary compound no entry writes (粗大ごみ, バス停), and a spelling variant (ゴミ/ごみ) that
// only an entry's question has.
const std::string& parts_db() {
  static TempDir dir;
  static std::string db = [] {
    const auto c = dir.path() / "corpus";
    write_file(c / "synonyms.tsv", "ゴミ\tごみ\n");
    write_file(c / "waste.md", entry_md("waste", "ごみの出し方", "家庭の分は分別して出してください。"));
    write_file(c / "bus.md", entry_md("bus", "バスの運行", "路線と時刻表。"));
    write_file(c / "library.md", entry_md("library", "図書館の利用", "本を借りられます。"));
    write_file(c / "resources.md", entry_md("resources", "資源の回収", "ゴミの日とゴミの前に、資源は分けて出してください。"));
    return build_corpus_index(dir);
  }();
  return db;
}

SearchResult run_parts(const std::string& query) {
  auto r = search_in(parts_db(), query);
  REQUIRE_FALSE(r.hits.empty());
  return r;
}

}  // namespace

TEST_CASE("a query noun the dictionary keeps whole finds the index words inside it", "[parts]") {
  auto bulky = run_parts("粗大ごみ");  // one IPADIC morpheme; the corpus writes only ごみ
  CHECK(bulky.hits[0].id == "waste");
  CHECK(explains(bulky.hits[0], "ごみ", "part"));
  auto stop = run_parts("バス停");
  CHECK(stop.hits[0].id == "bus");
  CHECK(explains(stop.hits[0], "バス", "part"));
  // A word with no other index word inside it adds no part.
  auto library = run_parts("図書館");
  CHECK(library.hits[0].id == "library");
  for (const auto& e : library.hits[0].explanation) CHECK(e.route != "part");
}

TEST_CASE("a word's synonyms also match the question field", "[parts][synonyms]") {
  // ゴミ finds the entry whose question writes ごみ through the question field too (the re-ranker
  // then counts it), not only through the whole text.
  auto r = run_parts("ゴミの収集");
  const Hit* waste = nullptr;
  for (const auto& h : r.hits)
    if (h.id == "waste") waste = &h;
  REQUIRE(waste);
  bool question = false;
  for (const auto& e : waste->explanation) question = question || (e.route == "synonym" && e.field == "question");
  CHECK(question);
}

namespace {

// Entries that write ハト and 障害; no entry writes 鳩 or 障碍.
const std::string& sound_db() {
  static TempDir dir;
  static std::string db = [] {
    const auto c = dir.path() / "corpus";
    write_file(c / "pigeon.md", entry_md("pigeon", "ハトのふん害", "ベランダのハト対策は、ネットの設置をご検討ください。"));
    write_file(c / "disability.md", entry_md("disability", "障害者手帳の交付", "申請は福祉課の窓口で受け付けます。"));
    write_file(c / "balcony.md", entry_md("balcony", "ベランダの避難はしご", "集合住宅のベランダの設備について。"));
    return build_corpus_index(dir);
  }();
  return db;
}

}  // namespace

TEST_CASE("a word no entry writes finds the index words read the same way", "[parts][sound]") {
  auto pigeon = search_in(sound_db(), "ベランダの鳩");
  REQUIRE_FALSE(pigeon.hits.empty());
  CHECK(pigeon.hits[0].id == "pigeon");
  CHECK(explains(pigeon.hits[0], "はと", "sound"));
  auto card = search_in(sound_db(), "障碍者手帳");
  REQUIRE_FALSE(card.hits.empty());
  CHECK(card.hits[0].id == "disability");
  // A word the index has is matched as it is, not by its sound.
  auto balcony = search_in(sound_db(), "ベランダ");
  REQUIRE_FALSE(balcony.hits.empty());
  for (const auto& h : balcony.hits)
    for (const auto& e : h.explanation) CHECK(e.route != "sound");
}
