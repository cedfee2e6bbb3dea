// Analyzer: normalization, readings, compounds, offsets, unknown words (DESIGN §4), with the real
// MeCab IPADIC dictionary.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <utf8proc.h>

#include "char_bigrams.h"
#include "madoguchi/analyzer.h"
#include "normalizer.h"
#include "second_analyzer.h"

using namespace madoguchi;

namespace {

Analyzer& analyzer() {
  static auto dictionary = Dictionary::open({});
  REQUIRE(dictionary.has_value());
  static Analyzer a(*dictionary);
  return a;
}

const Token* find(const std::vector<Token>& tokens, const std::string& term, TokenKind kind = TokenKind::kWord) {
  for (const auto& t : tokens)
    if (t.term == term && t.kind == kind) return &t;
  return nullptr;
}

}  // namespace

TEST_CASE("normalization folds width and case and keeps a map to the original bytes", "[analyzer]") {
  auto n = normalize_with_offsets("ＰＣＲ検査ｶﾞ");
  CHECK(n.text == "pcr検査ガ");
  // "ガ" came from two half-width code points (6 bytes) at the end of the input.
  const size_t ga = n.text.find("ガ");
  CHECK(n.to_original_begin(ga) == std::string("ＰＣＲ検査").size());
  CHECK(n.to_original_end(n.text.size()) == std::string("ＰＣＲ検査ｶﾞ").size());
}

TEST_CASE("invalid UTF-8 is replaced, never fatal", "[analyzer]") {
  auto n = normalize_with_offsets(std::string("熱\xff\xfe出た"));
  CHECK(n.text == "熱\xEF\xBF\xBD\xEF\xBF\xBD出た");
  // A truncated sequence, a surrogate and an overlong form are invalid bytes too.
  CHECK(normalize_text(std::string("\xe7\x86た\xed\xa0\x80\xe0\x80\x80")) ==
        "\xEF\xBF\xBD\xEF\xBF\xBDた\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK_NOTHROW(analyzer().analyze(std::string("\xff\xfe\x80")));
}

TEST_CASE("every code point of the BMP alone normalizes as utf8proc's NFKC + case fold of it", "[analyzer]") {
  // The normalizer copies the code points it knows to be their own normal form without asking
  // utf8proc (normalizer.cpp): that shortcut must never change a result.
  size_t differ = 0;
  for (char32_t cp = 1; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    utf8proc_uint8_t in[4];
    const auto n = utf8proc_encode_char(utf8proc_int32_t(cp), in);
    utf8proc_uint8_t* mapped = nullptr;
    const auto m = utf8proc_map(in, n, &mapped,
                                utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD));
    const std::string expected = m >= 0 ? std::string(reinterpret_cast<const char*>(mapped), size_t(m))
                                        : std::string(reinterpret_cast<const char*>(in), size_t(n));
    std::free(mapped);
    const std::string text(reinterpret_cast<const char*>(in), size_t(n));
    if (normalize_text(text) != expected || normalize_with_offsets(text).text != expected) ++differ;
  }
  CHECK(differ == 0);
}

TEST_CASE("normalize_text and analyze's normalized text equal the text of normalize_with_offsets", "[analyzer]") {
  // The indexer takes its bigram text from analyze() and base forms from normalize_text(): both
  // must be exactly what the offset-keeping path (snippets, queries) produces.
  for (std::string text : {"ＰＣＲ検査ｶﾞ", "コロナ〜ウイルス", "Ｃｏｖｉｄ－１９ワクチン", "熱\xff\xfe出た", ""}) {
    CHECK(normalize_text(text) == normalize_with_offsets(text).text);
    std::string normalized = "stale";
    analyzer().analyze(text, &normalized);
    CHECK(normalized == normalize_with_offsets(text).text);
  }
}

TEST_CASE("character bigrams pair adjacent letters, skip hiragana pairs and break at punctuation", "[analyzer]") {
  using V = std::vector<std::string>;
  CHECK(char_bigrams("保健所に相談") == V{"保健", "健所", "所に", "に相", "相談"});
  CHECK(char_bigrams("ごみの日") == V{"の日"});         // ごみ, みの: hiragana pairs
  CHECK(char_bigrams("発熱、せき") == V{"発熱"});        // the comma breaks, せき is hiragana
  CHECK(char_bigrams("pcr検査ー") == V{"pc", "cr", "r検", "検査", "査ー"});
  CHECK(char_bigrams("熱\xff出") == V{});              // an invalid byte is not a letter
  CHECK(char_bigrams("x").empty());
  CHECK(char_bigrams("").empty());
}

TEST_CASE("content words are indexed by base form, particles and symbols dropped", "[analyzer]") {
  auto tokens = analyzer().analyze("熱が出たので、保健所に相談しました。");
  CHECK(find(tokens, "保健所"));
  CHECK(find(tokens, "相談"));
  CHECK(find(tokens, "出る"));  // 出た -> 出る (base form)
  CHECK_FALSE(find(tokens, "が"));
  CHECK_FALSE(find(tokens, "に"));
  CHECK_FALSE(find(tokens, "、"));
  CHECK_FALSE(find(tokens, "た"));
}

TEST_CASE("every word carries its hiragana reading", "[analyzer]") {
  auto tokens = analyzer().analyze("保健所に相談");
  REQUIRE(find(tokens, "保健所"));
  // Readings are folded (small kana as large, kana.h) so that variant spellings meet.
  CHECK(find(tokens, "保健所")->reading == "ほけんじよ");
  CHECK(find(tokens, "相談")->reading == "そうだん");
}

TEST_CASE("compounds are findable whole and split", "[analyzer]") {
  auto tokens = analyzer().analyze("濃厚接触者の待機期間");
  CHECK(find(tokens, "濃厚"));
  CHECK(find(tokens, "接触"));
  const Token* whole = find(tokens, "濃厚接触者", TokenKind::kCompound);
  REQUIRE(whole);
  CHECK(whole->reading == "のうこうせつしよくしや");
  CHECK(find(tokens, "待機期間", TokenKind::kCompound));
}

TEST_CASE("token offsets point into the original text", "[analyzer]") {
  const std::string text = "ＰＣＲ検査は保健所へ";
  for (const auto& t : analyzer().analyze(text)) {
    REQUIRE(t.end <= text.size());
    REQUIRE(t.begin < t.end);
  }
  auto tokens = analyzer().analyze(text);
  const Token* hokenjo = find(tokens, "保健所");
  REQUIRE(hokenjo);
  CHECK(text.substr(hokenjo->begin, hokenjo->end - hokenjo->begin) == "保健所");
  const Token* pcr = find(tokens, "pcr");
  REQUIRE(pcr);
  CHECK(text.substr(pcr->begin, pcr->end - pcr->begin) == "ＰＣＲ");
}

TEST_CASE("numbers and Latin words are kept", "[analyzer]") {
  auto tokens = analyzer().analyze("COVID-19の5類移行");
  CHECK(find(tokens, "covid"));
  CHECK(find(tokens, "19"));
  CHECK(find(tokens, "5"));
}

TEST_CASE("unknown words are never lost: kept whole and as character bigrams", "[analyzer]") {
  auto tokens = analyzer().analyze("ゲノミクス蔓延防止等重点措置");
  bool has_unknown = std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.unknown; });
  REQUIRE(has_unknown);
  bool has_ngram = std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.kind == TokenKind::kNgram; });
  CHECK(has_ngram);
}

TEST_CASE("the dictionary identity names profile, directory and a hash of sys.dic", "[analyzer]") {
  const auto& id = analyzer().identity();
  CHECK(id.profile == "ipadic");
  CHECK(id.dictionary_dir == "/var/lib/mecab/dic/ipadic-utf8");
  CHECK(id.sys_dic_hash.size() == 16);
  auto round = AnalyzerIdentity::from_json(id.to_json());
  REQUIRE(round.has_value());
  CHECK(*round == id);
}

TEST_CASE("an unknown profile or a missing dictionary is a clear error", "[analyzer]") {
  auto bad = Dictionary::open({.profile = "juman"});
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.status().code() == Code::kInvalidInput);
  auto missing = Dictionary::open({.profile = "ipadic", .dictionary_dir = "/nonexistent/dic"});
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.status().message().find("/nonexistent/dic") != std::string::npos);
}

TEST_CASE("a second analysis thread gives each text's tokens, in order", "[analyzer]") {
  static auto dictionary = Dictionary::open({});
  REQUIRE(dictionary.has_value());
  HelperThread helper(HandOverPolicy::always());
  SecondAnalyzer second(*dictionary, helper);
  const std::vector<std::string> pool = {"発熱があるときは保健所に相談してください。", "ワクチン接種の予約",
                                         "濃厚接触者の療養期間", "", "ほけんじょ\xff", "住民票の写しを取りたい"};
  for (size_t count : {0, 1, 2, 5, 6, 6}) {  // the thread serves batch after batch
    std::vector<std::string_view> texts(pool.begin(), pool.begin() + long(count));
    const auto got = second.analyze_all(analyzer(), texts);
    REQUIRE(got.size() == count);
    for (size_t i = 0; i < count; ++i) {
      const auto expected = analyzer().analyze(texts[i]);
      REQUIRE(got[i].size() == expected.size());
      for (size_t k = 0; k < expected.size(); ++k) {
        CHECK(got[i][k].term == expected[k].term);
        CHECK(got[i][k].reading == expected[k].reading);
        CHECK(got[i][k].begin == expected[k].begin);
        CHECK(got[i][k].end == expected[k].end);
      }
    }
  }
}

TEST_CASE("kana helpers", "[analyzer]") {
  CHECK(to_hiragana("ホケンジョ") == "ほけんじょ");
  CHECK(is_kana_only("ほけんじょ"));
  CHECK(is_kana_only("ワクチン"));
  CHECK_FALSE(is_kana_only("保健所"));
  CHECK_FALSE(is_kana_only(""));
}
