// How an unconverted kana run is split against the index's readings (issue 10): between splits
// that cover the run about as well, the one made of words more entries use wins. Through the
// public search path; real MeCab (IPADIC) and a real Xapian index.
#include <catch2/catch.hpp>

#include "madoguchi/searcher.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

const std::string& segment_db() {
  static TempDir dir;
  static std::string db = [] {
    const auto c = dir.path() / "corpus";
    // ごみ (read ごみ) is in three entries, ミニ (read みに) in one: ごみになる can split as
    // ごみ|に|なる or ご|みに|なる, both two kana words and a phrasing word.
    write_file(c / "burnable.md", entry_md("burnable", "燃えるごみの出し方", "燃えるごみは月曜日と木曜日に出してください。"));
    write_file(c / "collection.md", entry_md("collection", "ごみの収集日", "ごみは朝8時までに集積場所へ。"));
    write_file(c / "bags.md", entry_md("bags", "指定袋の販売店", "ごみ袋はスーパーで販売しています。"));
    write_file(c / "mini.md", entry_md("mini", "ミニ講座の案内", "公民館でミニ講座を開きます。"));
    // はちのす is ハチ, の and 巣; 蜂巣 (read はちす) is one kana away from it by a stray の.
    write_file(c / "nest.md", entry_md("nest", "ハチの巣を駆除してほしい", "ハチの巣ができて困っている方の相談を受けています。"));
    // 暗い is indexed as written (read くらい); typed unconverted, it is くらくて.
    write_file(c / "streetlight.md", entry_md("streetlight", "夜道が暗い", "夜道が暗い場所には街路灯を設置します。"));
    // ハチ more often, but no 巣: a one-kana noun (す) must count for the nest above to win.
    write_file(c / "beekeeping.md", entry_md("beekeeping", "ハチの飼育", "ハチを飼う方へ。ハチの飼育には届出をすべきです。ハチの種類も。"));
    // 差 (read さ) for the noun suffix test: だるさ's さ is not this word.
    write_file(c / "fees.md", entry_md("fees", "料金の違い", "地区によって料金に差があります。"));
    write_file(c / "cellulitis.md", entry_md("cellulitis", "蜂巣炎の治療", "蜂巣炎は皮膚の感染症です。"));
    return build_corpus_index(dir);
  }();
  return db;
}

SearchResult run(const std::string& query) {
  static auto s = Searcher::open(segment_db(), Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  auto r = (*s)->search({.query = query, .prefix_last_word = false, .explain = true});
  REQUIRE(r.has_value());
  return std::move(*r);
}

}  // namespace

TEST_CASE("a kana run splits into the words more entries use when two splits cover it alike", "[typing][segment]") {
  auto r = run("ぷらすちっくはごみになる");
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits[0].id != "mini");
  for (const auto& h : r.hits) {
    CHECK_FALSE(explains(h, "みに"));
    if (h.id == "mini") FAIL_CHECK("ミニ matched through a split across ごみ|に");
  }
  CHECK(explains(r.hits[0], "ごみ"));
}

TEST_CASE("a longer word still beats common shorter ones", "[typing][segment]") {
  // ごみぶくろ is read whole (one entry) though ごみ alone is in three.
  auto r = run("ごみぶくろのはんばいてん");
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits[0].id == "bags");
}

TEST_CASE("a particle between two words is not read as a typo of a longer word", "[typing][segment]") {
  // はちのす: はち|の|す (the nest), not はちす (蜂巣) typed with an extra の.
  auto r = run("はちのすのくじょ");
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits[0].id == "nest");
  for (const auto& h : r.hits) CHECK_FALSE(explains(h, "はちす"));
}

TEST_CASE("a conjugated verb or adjective in a kana run matches as its base form, not as a typo", "[typing][segment]") {
  // MeCab reads くらく as a form of くらい; the index holds くらい (暗い as written).
  auto r = run("よみちがくらくてこわい");
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits[0].id == "streetlight");
  CHECK(explains(r.hits[0], "くらい", "reading"));
}

TEST_CASE("a one-kana noun a particle ends counts as its word", "[typing][segment]") {
  // すずめばちのすがある: MeCab reads す as a noun (巣) before が; without it ハチ alone decides.
  auto r = run("はちのすがある");
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits[0].id == "nest");
  CHECK(explains(r.hits[0], "す", "reading"));
  // Folding shortens what comes before (ゔぁ is ば): the noun is still found where it is.
  auto shifted = run("ゔぁ はちのすがある");
  REQUIRE_FALSE(shifted.hits.empty());
  CHECK(explains(shifted.hits[0], "す", "reading"));
  // A one-kana piece never stands for する (すべき: す is する, read す).
  for (const auto& h : r.hits)
    for (const auto& e : h.explanation) CHECK(e.term != "する");
}

TEST_CASE("a noun suffix is not a one-kana word", "[typing][segment]") {
  // だるさがある: さ ends だるさ (a suffix), so it does not stand for 差 though が follows it.
  auto r = run("だるさがある");
  for (const auto& h : r.hits) CHECK_FALSE(explains(h, "差"));
}
