// Japanese text done right: the glyph set covers what operators type and the corpus uses, and
// the font found through fontconfig (plus fallbacks) has a glyph for every one of them.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <cstdlib>
#include <future>
#include <memory>

#include "font_discovery.h"
#include "glyph_set.h"
#include "keymap.h"
#include "ui_fonts.h"
#include "ui_text.h"

namespace madoguchi::viewer {

TEST_CASE("UTF-8 decoding, including broken bytes", "[viewer][glyphs]") {
  CHECK(decode_utf8("a咳𠮷") == std::vector<char32_t>{U'a', U'咳', U'𠮷'});
  CHECK(decode_utf8("\xe3\x81") == std::vector<char32_t>{0xFFFD, 0xFFFD});
}

TEST_CASE("JIS X 0208 provides kana and both kanji levels, 咳 included", "[viewer][glyphs]") {
  GlyphSet g;
  const int provided = g.add_jis_x0208();
  REQUIRE(provided == 6879);  // every assigned cell of rows 1-8 and 16-84
  CHECK(g.contains(U'咳'));    // missing from ImGui's GetGlyphRangesJapanese()
  CHECK(g.contains(U'亜'));    // first level-1 kanji
  CHECK(g.contains(U'熙'));    // last level-2 kanji
  CHECK(g.contains(U'ヶ'));
  CHECK(g.contains(U'ぁ'));
  CHECK(g.contains(U'Ω'));
  int kanji = 0;
  for (char32_t c : g.chars()) kanji += (c >= 0x4E00 && c <= 0x9FFF);
  CHECK(kanji == 2965 + 3390 + 1);  // level 1, level 2, and 仝 from row 1
}

TEST_CASE("characters beyond the 16-bit ImWchar are counted, not baked", "[viewer][glyphs]") {
  GlyphSet g(0xFFFF);
  g.add_utf8("吉𠮷");
  CHECK(g.size() == 1);
  CHECK(g.dropped() == 1);
  g.add_range(0x3041, 0x3043);
  g.add(0x3045);
  auto r = g.ranges();
  REQUIRE(r.size() == 3);
  CHECK(r[0] == std::pair<char32_t, char32_t>{0x3041, 0x3043});
}

TEST_CASE("a Japanese font is found through fontconfig and covers everything operators see", "[viewer][fonts]") {
  auto face = find_japanese_font({});
  if (!face) {
    WARN(face.status().message());
    FAIL("no Japanese font installed: tools/setup.sh installs fonts-noto-cjk");
  }
  INFO(face->path << " #" << face->index << " " << face->family);
  GlyphSet need;
  for (auto s : text::all()) need.add_utf8(s);
  for (const auto& l : help_lines()) need.add_utf8(l.group + l.keys + l.description);
  need.add_jis_x0208();
  need.add_utf8("咳が止まりません。濃厚接触者の待機期間、吹田市保健所");
  const auto missing = missing_glyphs(*face, need.chars());
  std::vector<char32_t> still;
  auto fallbacks = find_fallbacks(missing, 4, &still);
  CAPTURE(missing.size(), fallbacks.size());
  CHECK(still.empty());
  // Every UI label and 咳 come from the main face itself.
  GlyphSet ui;
  for (auto s : text::all()) ui.add_utf8(s);
  ui.add(U'咳');
  CHECK(missing_glyphs(*face, ui.chars()).empty());
}

TEST_CASE("a font file named by the operator wins, a wrong path is an error", "[viewer][fonts]") {
  auto found = find_japanese_font({});
  if (!found) FAIL("no Japanese font installed");
  auto chosen = find_japanese_font({.file = found->path, .file_index = found->index});
  REQUIRE(chosen.has_value());
  CHECK(chosen->path == found->path);
  auto bad = find_japanese_font({.file = "/nonexistent/font.ttf"});
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.status().code() == Code::kInvalidInput);
}

namespace {

// Whether the atlas ImGui draws with has a glyph for `c` (not the '?' fallback).
bool baked(char32_t c) {
  const ImFont* font = ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
  return font && font->FindGlyphNoFallback(ImWchar(c)) != nullptr;
}

struct ImGuiContextScope {
  ImGuiContextScope() { ImGui::CreateContext(); }
  ~ImGuiContextScope() { ImGui::DestroyContext(); }
};

}  // namespace

TEST_CASE("the first atlas is small, typed characters and the full set are baked on request", "[viewer][fonts]") {
  ImGuiContextScope imgui;
  auto fonts = UiFonts::prepare({});
  if (!fonts) FAIL("no Japanese font installed: tools/setup.sh installs fonts-noto-cjk");
  fonts->want_utf8("咳が止まりません");  // the corpus's characters
  AtlasStats first;
  REQUIRE(fonts->build(*ImGui::GetIO().Fonts, 20, &first).ok());
  CHECK_FALSE(first.complete);
  CHECK(first.glyphs_baked < 3000);  // the full set is over 7000
  for (char32_t c : {U'a', U'あ', U'ア', U'、', U'Ａ', U'咳', U'止', U'検', U'索'}) {  // 検索: a label
    CAPTURE(uint32_t(c));
    CHECK(baked(c));
  }
  // A JIS level-2 kanji neither in the corpus nor in a label: not baked yet, but once typed it is.
  CHECK_FALSE(baked(U'鬱'));
  CHECK_FALSE(fonts->want_utf8("咳"));  // nothing new: no rebuild
  REQUIRE(fonts->want_utf8("鬱"));
  AtlasStats grown;
  REQUIRE(fonts->build(*ImGui::GetIO().Fonts, 20, &grown).ok());
  CHECK(baked(U'鬱'));
  CHECK(grown.glyphs_baked == first.glyphs_baked + 1);

  REQUIRE(fonts->complete());
  CHECK_FALSE(fonts->complete());
  AtlasStats full;
  REQUIRE(fonts->build(*ImGui::GetIO().Fonts, 20, &full).ok());
  CHECK(full.complete);
  CHECK(full.glyphs_baked > 7000);
  CHECK(full.missing == 0);
  for (char32_t c : {U'亜', U'熙', U'①', U'㈱', U'→', U'鬱', U'咳'}) {
    CAPTURE(uint32_t(c));
    CHECK(baked(c));
  }
}

TEST_CASE("an atlas baked on another thread before any ImGui context serves the context given it", "[viewer][fonts]") {
  REQUIRE(ImGui::GetCurrentContext() == nullptr);  // ImGui's allocator would count into it
  auto baked_aside = std::async(std::launch::async, [] {
    auto fonts = UiFonts::prepare({});
    auto atlas = std::make_unique<ImFontAtlas>();
    AtlasStats stats;
    if (!fonts || !fonts->want_utf8("隔離") || !fonts->build(*atlas, 20, &stats).ok()) atlas.reset();
    return atlas;
  });
  std::unique_ptr<ImFontAtlas> atlas = baked_aside.get();
  REQUIRE(atlas);
  ImGui::CreateContext(atlas.get());
  CHECK(ImGui::GetIO().Fonts == atlas.get());
  CHECK(baked(U'隔'));
  CHECK(baked(U'離'));
  CHECK(baked(U'検'));  // a label
  CHECK_FALSE(baked(U'鬱'));
  ImGui::DestroyContext();  // borrows the atlas: freeing it stays ours
}

}  // namespace madoguchi::viewer
