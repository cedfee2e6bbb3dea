// Word-level diffs of Japanese text.
#include <catch2/catch.hpp>

#include "madoguchi/releases.h"

using namespace madoguchi;

namespace {
Analyzer& analyzer() {
  static auto dictionary = Dictionary::open({});
  static Analyzer a(*dictionary);
  return a;
}
}  // namespace

TEST_CASE("segment tiles the text exactly, spaces and particles included", "[diff]") {
  const std::string text = "熱が出ました。 どこに 相談すればよいですか";
  auto segs = analyzer().segment(text);
  std::string joined;
  size_t pos = 0;
  for (const auto& [b, e] : segs) {
    CHECK(b == pos);
    joined += text.substr(b, e - b);
    pos = e;
  }
  CHECK(joined == text);
  CHECK(segs.size() > 6);  // morphemes, not characters or one blob
}

TEST_CASE("a changed number is one replaced word, not a rewritten sentence", "[diff]") {
  auto d = word_diff(analyzer(), "療養期間は発症日から7日間です。", "療養期間は発症日から5日間です。");
  CHECK(render_plain(d) == "療養期間は発症日から[-7-]{+5+}日間です。");
}

TEST_CASE("inserted and deleted words keep their neighbours unchanged", "[diff]") {
  auto d = word_diff(analyzer(), "保健所に電話してください。", "まず保健所に電話してください。");
  CHECK(render_plain(d) == "{+まず+}保健所に電話してください。");
  auto e = word_diff(analyzer(), "保健所または医療機関に連絡", "保健所に連絡");
  CHECK(render_plain(e) == "保健所[-または医療機関-]に連絡");
  CHECK(word_diff(analyzer(), "同じ", "同じ").size() == 1);
  CHECK(word_diff(analyzer(), "", "").empty());
}
