// Line breaking with fixed-width glyphs (CJK = 2, Latin = 1): no fonts needed.
#include <catch2/catch.hpp>

#include "text_layout.h"

namespace madoguchi::viewer {
namespace {

float width(char32_t c, uint16_t) { return c < 0x80 ? 1.0f : 2.0f; }

std::vector<std::string> lines(const StyledText& t, float wrap, int max_lines = 0, bool* truncated = nullptr) {
  TextLayout l = layout_text(t, wrap, width, max_lines, max_lines ? 1.0f : 0.0f);
  if (truncated) *truncated = l.truncated;
  std::vector<std::string> out;
  for (const auto& line : l.lines) {
    std::string s;
    for (const auto& p : line.pieces) s += t[p.run].text.substr(p.begin, p.end - p.begin);
    out.push_back(s);
  }
  return out;
}

StyledText text(const std::string& s) { return {{s, kStylePlain}}; }

}  // namespace

TEST_CASE("Japanese breaks between any two characters", "[viewer][layout]") {
  CHECK(lines(text("かかりつけ医に相談"), 8) == std::vector<std::string>{"かかりつ", "け医に相", "談"});
}

TEST_CASE("Latin words stay whole and spaces do not start a line", "[viewer][layout]") {
  CHECK(lines(text("call the PCR center"), 9) == std::vector<std::string>{"call the ", "PCR ", "center"});
  CHECK(lines(text("PCR検査"), 4) == std::vector<std::string>{"PCR", "検査"});
  CHECK(lines(text("https://example.jp/very/long"), 10).size() == 3);  // too long: broken anyway
}

TEST_CASE("kinsoku: 。、」 hang rather than start a line, 「 does not end one", "[viewer][layout]") {
  CHECK(lines(text("相談です。次へ"), 8) == std::vector<std::string>{"相談です。", "次へ"});
  CHECK(lines(text("あいう「えお」"), 8) == std::vector<std::string>{"あいう", "「えお」"});
  // Two that may not start a line (）。): the line breaks earlier rather than hang ） and start
  // the next with 。 (found in center-hours by the viewer audit).
  CHECK(lines(text("電話（夜間）。次"), 10) == std::vector<std::string>{"電話（夜", "間）。次"});
  CHECK(lines(text("あいうえ」。次"), 8) == std::vector<std::string>{"あいう", "え」。次"});
  CHECK(is_line_start_forbidden(U'ー'));
  CHECK(is_line_start_forbidden(U'っ'));
  CHECK(is_line_end_forbidden(U'（'));
}

TEST_CASE("newlines break lines, max_lines truncates", "[viewer][layout]") {
  CHECK(lines(text("一行目\n二行目"), 100) == std::vector<std::string>{"一行目", "二行目"});
  CHECK(lines(text("あ\n\nい"), 100) == std::vector<std::string>{"あ", "", "い"});
  bool truncated = false;
  auto two = lines(text("あいうえおかきくけこさしすせそ"), 8, 2, &truncated);
  CHECK(two.size() == 2);
  CHECK(truncated);
  CHECK(two[1].size() <= 3 * 3);  // the last line leaves room for the ellipsis
  lines(text("あいう"), 100, 2, &truncated);
  CHECK_FALSE(truncated);
}

TEST_CASE("pieces keep their run and style, offsets are byte ranges", "[viewer][layout]") {
  StyledText t{{"熱が", kStylePlain}, {"出ました", kStyleHighlight}};
  TextLayout l = layout_text(t, 100, width);
  REQUIRE(l.lines.size() == 1);
  REQUIRE(l.lines[0].pieces.size() == 2);
  CHECK(l.lines[0].pieces[1].run == 1);
  CHECK(l.lines[0].pieces[1].begin == 0);
  CHECK(l.lines[0].pieces[1].end == std::string("出ました").size());
  CHECK(l.lines[0].pieces[1].x == 4.0f);
  CHECK(l.lines[0].width == 12.0f);
}

TEST_CASE("malformed UTF-8 and zero width never loop forever", "[viewer][layout]") {
  layout_text(text("\xff\xfe\xe3\x81"), 0, width);
  CHECK(layout_text(text("あいう"), 0.5f, width).lines.size() == 3);
  CHECK(layout_text({}, 10, width).lines.empty());
}

}  // namespace madoguchi::viewer
