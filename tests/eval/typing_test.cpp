// Search as operators type (issue 10), through the public search path: romaji, kana folding,
// unconverted kana runs segmented against the index's readings, one-typo tolerance, and
// --explain weights that add up to the score. Real MeCab (IPADIC) and a real Xapian index.
#include <catch2/catch.hpp>
#include <numeric>

#include "madoguchi/index_writer.h"
#include "madoguchi/searcher.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

const std::string& typing_db() {
  static TempDir dir;
  static std::string db = [] {
    const auto c = dir.path() / "corpus";
    write_file(c / "hokenjo.md", entry_md("hokenjo", "保健所の受付時間", "保健所の電話受付は平日9時から17時までです。"));
    write_file(c / "hoken.md", entry_md("hoken", "保険金の請求", "保険会社に請求してください。"));
    write_file(c / "koseki.md", entry_md("koseki", "戸籍謄本の発行", "戸籍謄本は市民課の窓口で発行します。"));
    write_file(c / "pension.md", entry_md("pension", "国民年金の保険料の免除申請", "国民年金の免除申請は年金窓口で受け付けます。"));
    write_file(c / "pcr.md", entry_md("pcr", "無料PCR検査の実施場所", "県内の薬局で無料のPCR検査を受けられます。"));
    write_file(c / "violin.md", entry_md("violin", "ヴァイオリン教室の案内", "市民会館でヴァイオリン教室を開きます。"));
    write_file(c / "service.md", entry_md("service", "サービス付き高齢者住宅", "サービス付き高齢者向け住宅の一覧です。"));
    write_file(c / "family.md", entry_md("family", "かかりつけ医がいない場合", "かかりつけ医がいない方は相談センターへ。"));
    write_file(c / "sometimes.md", entry_md("sometimes", "時々発熱する", "時々熱が出る方へ。"));
    return build_corpus_index(dir);
  }();
  return db;
}

Searcher& searcher() {
  static auto s = Searcher::open(typing_db(), Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  return **s;
}

SearchResult run(const std::string& query, bool explain = false, bool typing = true) {
  auto r = searcher().search({.query = query, .prefix_last_word = typing, .explain = explain});
  REQUIRE(r.has_value());
  return std::move(*r);
}

std::string top(const std::string& query, bool typing = true) {
  auto r = run(query, false, typing);
  return r.hits.empty() ? "" : r.hits[0].id;
}

bool routed(const Hit& h, const std::string& route) {
  for (const auto& e : h.explanation)
    if (e.route == route) return true;
  return false;
}

}  // namespace

TEST_CASE("romaji typed with the IME off finds kanji text through readings", "[typing][romaji]") {
  CHECK(top("hokenjo") == "hokenjo");
  CHECK(top("HOKENJO") == "hokenjo");
  CHECK(top("hoken jo ") == "hokenjo");       // typed apart, still one reading
  CHECK(top("kosekitouhon") == "koseki");     // ou for a long o
  CHECK(top("kokuminnenkin") == "pension");   // nn then a vowel: ん + に
  CHECK(top("menjo sinsei") == "pension");    // si for し
  CHECK(top("sa-bisu") == "service");         // - for ー
  CHECK(top("hokenj") == "hokenjo");          // an unfinished syllable: a reading prefix
  auto r = run("hokenjo", true);
  REQUIRE_FALSE(r.hits.empty());
  CHECK(routed(r.hits[0], "romaji"));
}

TEST_CASE("Latin words that are corpus terms stay Latin beside romaji", "[typing][romaji]") {
  CHECK(top("PCR kensa") == "pcr");
  CHECK(top("pcr") == "pcr");
  auto r = run("PCR kensa ", true);
  REQUIRE_FALSE(r.hits.empty());
  CHECK(routed(r.hits[0], "exact"));   // pcr as a Latin term
  CHECK(routed(r.hits[0], "romaji"));  // けんさ as a reading
}

TEST_CASE("kana variants of one reading meet (half-width, katakana, small kana, ヴ, long vowels)", "[typing][kana]") {
  const std::string hira = top("ほけんじょ ");
  CHECK(hira == "hokenjo");
  CHECK(top("ﾎｹﾝｼﾞｮ ") == hira);  // half-width katakana
  CHECK(top("ホケンジョ ") == hira);
  CHECK(top("ほけんじよ ") == hira);  // large よ where the reading has small ょ
  CHECK(top("ばいおりん ") == "violin");  // ヴァ read as バ
  CHECK(top("ゔぁいおりん ") == "violin");
  CHECK(top("さーびす ") == "service");
  CHECK(top("さ～びす ") == "service");  // a wave dash after kana is a long-vowel mark
  CHECK(top("サ-ビス ") == "service");
  CHECK(top("ときどき ") == "sometimes");  // 時々's reading
}

TEST_CASE("unconverted kana sentences are split against the index's own readings", "[typing][segment]") {
  CHECK(top("こせきとうほんのはっこうをしたい") == "koseki");
  CHECK(top("こくみんねんきんのめんじょしんせいについておしえてください") == "pension");
  // MeCab alone splits ほけんじょ into ほけん|じょ and would rank 保険 first.
  CHECK(top("ほけんじょのでんわ") == "hokenjo");
  auto r = run("こせきとうほんのはっこう", true);
  REQUIRE_FALSE(r.hits.empty());
  bool whole = false;
  for (const auto& e : r.hits[0].explanation) whole = whole || e.term == "こせきとうほん";
  CHECK(whole);
}

TEST_CASE("a kana run's word that the index holds in kana also matches as that word", "[typing][segment]") {
  // かかりつけ is written in kana in the entry: the unconverted query matches the word itself
  // (text and question fields, counted by the re-ranker), not only its reading.
  auto r = run("かかりつけのいしゃがいない", true);
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits[0].id == "family");
  bool word = false;
  for (const auto& e : r.hits[0].explanation) word = word || (e.term == "かかりつけ" && e.field != "reading");
  CHECK(word);
}

TEST_CASE("one missed, extra, swapped or wrong kana still finds the term, below exact", "[typing][typo]") {
  CHECK(top("ほけじょ ") == "hokenjo");        // missed ん
  CHECK(top("ほけんんじょ ") == "hokenjo");    // extra ん
  CHECK(top("かかつりけ ") == "family");       // swapped つり
  CHECK(top("ほけんじゃ ") == "hokenjo");      // wrong kana
  CHECK(top("こせきとうほんのはこう") == "koseki");  // inside a kana run
  // A kana missed at a word's end inside a run: the word it was missed from (ほけんじょ) beats
  // the shorter exact word left in front of it (ほけん, 保険). Readings are folded: じょ as じよ.
  auto missed = run("ほけんじでんわ", true, false);
  REQUIRE_FALSE(missed.hits.empty());
  CHECK(missed.hits[0].id == "hokenjo");
  bool corrected = false;
  for (const auto& e : missed.hits[0].explanation) corrected = corrected || (e.term == "ほけんじよ" && e.route == "typo");
  CHECK(corrected);
  auto typo = run("ほけじょ ", true);
  auto exact = run("ほけんじょ ", true);
  REQUIRE_FALSE(typo.hits.empty());
  REQUIRE_FALSE(exact.hits.empty());
  CHECK(routed(typo.hits[0], "typo"));
  CHECK(typo.hits[0].score < exact.hits[0].score);
}

TEST_CASE("two typos, or a typo in fewer than three kana, find nothing", "[typing][typo]") {
  CHECK(top("ほけじゃ ") != "hokenjo");  // missed ん and wrong ゃ
  CHECK(run("ほけ ").hits.empty());      // too short to guess from
  CHECK(run("かかりつけい ").hits.size() >= 1);
}

TEST_CASE("explain: every hit's parts add up to its score", "[typing][explain]") {
  for (const char* q : {"保健所 受付時間", "ほけんじょ", "hokenjo", "ほけじょ ", "PCR kensa", "国民年金の免除申請",
                        "こくみんねんきんのめんじょ"}) {
    auto r = run(q, true);
    REQUIRE_FALSE(r.hits.empty());
    for (const auto& h : r.hits) {
      REQUIRE_FALSE(h.explanation.empty());
      double sum = 0;
      for (const auto& e : h.explanation) {
        CHECK(e.weight > 0);
        CHECK_FALSE(e.route.empty());
        CHECK_FALSE(e.field.empty());
        sum += e.weight;
      }
      CHECK(sum == Approx(h.score).epsilon(1e-9));
    }
  }
  auto kanji = run("保健所 受付時間", true);
  bool title = false;
  for (const auto& e : kanji.hits[0].explanation) title = title || (e.field == "title" && e.term == "保健所");
  CHECK(title);
  auto kana = run("ほけんじょ", true);
  CHECK(kana.hits[0].explanation[0].field == "reading");
}
