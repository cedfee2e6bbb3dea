// Markdown through md4c into blocks of styled runs, and back to plain text for the clipboard.
#include <catch2/catch.hpp>

#include "markdown.h"

namespace madoguchi::viewer {
namespace {

bool has_style(const StyledText& runs, const std::string& text, uint16_t style) {
  for (const auto& r : runs)
    if (r.text == text && (r.style & style) == style) return true;
  return false;
}

}  // namespace

TEST_CASE("paragraphs, emphasis, strong, code and strikethrough become styled runs", "[viewer][markdown]") {
  auto doc = parse_markdown("まず**かかりつけ医**に*電話*で`相談`して~~ください~~。");
  REQUIRE(doc.blocks.size() == 1);
  const auto& runs = doc.blocks[0].runs;
  CHECK(doc.blocks[0].kind == BlockKind::kParagraph);
  CHECK(has_style(runs, "かかりつけ医", kStyleBold));
  CHECK(has_style(runs, "電話", kStyleItalic));
  CHECK(has_style(runs, "相談", kStyleCode));
  CHECK(has_style(runs, "ください", kStyleStrike));
  CHECK(plain(runs) == "まずかかりつけ医に電話で相談してください。");
}

TEST_CASE("a soft line break joins Japanese lines without a space", "[viewer][markdown]") {
  CHECK(plain(parse_markdown("熱が出た場合は\n相談してください。").blocks.at(0).runs) == "熱が出た場合は相談してください。");
  CHECK(plain(parse_markdown("call the\ncenter").blocks.at(0).runs) == "call the center");
  CHECK(plain(parse_markdown("一行目  \n二行目").blocks.at(0).runs) == "一行目\n二行目");  // hard break
}

TEST_CASE("headings, nested and numbered lists keep their structure", "[viewer][markdown]") {
  auto doc = parse_markdown("### 手順\n\n1. 受付\n2. 確認\n   - 氏名\n   - 住所\n3. 案内\n");
  REQUIRE(doc.blocks.size() == 6);
  CHECK(doc.blocks[0].kind == BlockKind::kHeading);
  CHECK(doc.blocks[0].level == 3);
  CHECK(plain(doc.blocks[0].runs) == "手順");
  CHECK(doc.blocks[1].marker == "1.");
  CHECK(doc.blocks[2].marker == "2.");
  CHECK(doc.blocks[3].marker == "・");
  CHECK(doc.blocks[3].indent == 1);
  CHECK(plain(doc.blocks[4].runs) == "住所");
  CHECK(doc.blocks[5].marker == "3.");
  CHECK(doc.blocks[5].indent == 0);
}

TEST_CASE("loose list items keep their first paragraph as the item text", "[viewer][markdown]") {
  auto doc = parse_markdown("- 一つ目\n\n  続きの段落\n\n- 二つ目\n");
  REQUIRE(doc.blocks.size() == 3);
  CHECK(doc.blocks[0].kind == BlockKind::kListItem);
  CHECK(plain(doc.blocks[0].runs) == "一つ目");
  CHECK(doc.blocks[1].kind == BlockKind::kParagraph);
  CHECK(doc.blocks[1].indent == 1);
  CHECK(plain(doc.blocks[2].runs) == "二つ目");
}

TEST_CASE("links are shown as text followed by their address", "[viewer][markdown]") {
  auto doc = parse_markdown("詳しくは[県のページ](https://example.jp/a)へ。<https://example.jp/b>");
  const auto& runs = doc.blocks.at(0).runs;
  CHECK(has_style(runs, "県のページ", kStyleLink));
  CHECK(has_style(runs, " (https://example.jp/a)", kStyleDim));
  CHECK(plain(runs) == "詳しくは県のページ (https://example.jp/a)へ。https://example.jp/b");
}

TEST_CASE("tables become rows of cells with a header row", "[viewer][markdown]") {
  auto doc = parse_markdown("| 時間帯 | 連絡先 |\n|---|---|\n| 平日 | **保健所** |\n| 夜間 | センター |\n");
  REQUIRE(doc.blocks.size() == 1);
  const MdBlock& t = doc.blocks[0];
  CHECK(t.kind == BlockKind::kTable);
  REQUIRE(t.rows.size() == 3);
  CHECK(t.header_rows == 1);
  CHECK(plain(t.rows[0][1]) == "連絡先");
  CHECK(has_style(t.rows[1][1], "保健所", kStyleBold));
  CHECK(to_plain_text(doc) == "時間帯\t連絡先\n平日\t保健所\n夜間\tセンター");
}

TEST_CASE("quotes, code blocks, rules and entities", "[viewer][markdown]") {
  auto doc = parse_markdown("> 引用です\n\n```\n0120-000-000\n内線 12\n```\n\n---\n\nA &amp; B &#x5B57;\n");
  REQUIRE(doc.blocks.size() == 4);
  CHECK(doc.blocks[0].kind == BlockKind::kQuote);
  CHECK(doc.blocks[1].kind == BlockKind::kCode);
  CHECK(plain(doc.blocks[1].runs) == "0120-000-000\n内線 12");
  CHECK(doc.blocks[2].kind == BlockKind::kRule);
  CHECK(plain(doc.blocks[3].runs) == "A & B 字");
}

TEST_CASE("raw HTML is shown, not interpreted", "[viewer][markdown]") {
  CHECK(plain(parse_markdown("<b>太字</b>").blocks.at(0).runs) == "<b>太字</b>");
}

TEST_CASE("the clipboard text keeps list markers", "[viewer][markdown]") {
  auto doc = parse_markdown("案内します。\n\n- 一つ目\n- 二つ目\n  1. 細目\n");
  CHECK(to_plain_text(doc) == "案内します。\n・一つ目\n・二つ目\n  1. 細目");
}

TEST_CASE("empty and odd input never crash", "[viewer][markdown]") {
  CHECK(parse_markdown("").empty());
  CHECK(parse_markdown("\n\n  \n").empty());
  parse_markdown("- \n-\n|a|\n|-|\n**");
  parse_markdown(std::string("\0\xff\xfe", 3));
  SUCCEED();
}

TEST_CASE("a body splits into its ## sections, fences respected", "[viewer][markdown]") {
  auto s = split_sections("前文\n## 質問\n問い\n## 回答\n答え\n```\n## コードの中\n```\n## 備考 ##\nメモ\n");
  REQUIRE(s.size() == 4);
  CHECK(s[0] == std::pair<std::string, std::string>{"", "前文"});
  CHECK(s[1] == std::pair<std::string, std::string>{"質問", "問い"});
  CHECK(s[2].first == "回答");
  CHECK(s[2].second == "答え\n```\n## コードの中\n```");
  CHECK(s[3] == std::pair<std::string, std::string>{"備考", "メモ"});
}

}  // namespace madoguchi::viewer
