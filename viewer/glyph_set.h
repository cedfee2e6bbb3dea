// The set of characters to bake into the font atlas (ImGui 1.86 rasterizes glyphs up front):
// every character the index uses (Searcher::charset), what operators may type (kana, JIS X 0208
// level 1 and 2 kanji, full-width forms, common symbols) and every UI label.
//
// Thread rule: a plain value.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace madoguchi::viewer {

// Decodes UTF-8; malformed bytes become U+FFFD.
std::vector<char32_t> decode_utf8(std::string_view text);
// Encodes one code point (at most U+10FFFF) as UTF-8 at the end of `out`.
void append_utf8(std::string& out, char32_t c);

class GlyphSet {
 public:
  // `max_codepoint`: the largest character the atlas can hold (0xFFFF when ImWchar is 16-bit).
  explicit GlyphSet(char32_t max_codepoint = 0xFFFF) : max_(max_codepoint), bits_(size_t(max_codepoint) + 1) {}

  void add(char32_t c);
  void add_range(char32_t first, char32_t last);
  void add_utf8(std::string_view text);
  // Rows 1-8 (symbols, kana, Latin, Greek, Cyrillic) and 16-84 (level 1 and 2 kanji) of
  // JIS X 0208, decoded from EUC-JP with iconv. Returns the number of characters it provided
  // (0 when iconv lacks EUC-JP).
  int add_jis_x0208();
  // ASCII, Latin-1, punctuation, CJK symbols, kana and full/half-width forms: every script a
  // search box shows before any kanji (the first atlas, with the corpus's own characters).
  void add_core_scripts();
  // The core scripts plus arrows, shapes, JIS X 0208 and the NEC special characters (①, Ⅰ, ㈱)
  // that Japanese documents use.
  void add_operator_basics();
  void add(const GlyphSet& other);

  bool contains(char32_t c) const { return c <= max_ && bits_[c]; }
  size_t size() const { return count_; }
  size_t dropped() const { return dropped_; }  // characters above max_codepoint that were asked for
  std::vector<char32_t> chars() const;
  // Inclusive [first, last] ranges, ascending.
  std::vector<std::pair<char32_t, char32_t>> ranges() const;

 private:
  char32_t max_;
  std::vector<bool> bits_;
  size_t count_ = 0;
  size_t dropped_ = 0;
};

}  // namespace madoguchi::viewer
