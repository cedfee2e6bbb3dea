// NFKC + case folding with a map back to the original bytes, so that tokens found in normalized
// text can be highlighted in the text the operator reads.
//
// Thread rule: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi {

struct NormalizedText {
  std::string text;
  // For each byte of `text`: the original byte range of the character cluster it came from.
  // Both vectors have text.size() + 1 entries; the last maps to the original's end.
  std::vector<uint32_t> original_begin;
  std::vector<uint32_t> original_end;

  size_t to_original_begin(size_t normalized) const { return original_begin[normalized]; }
  // REQUIRES: normalized_end > 0
  size_t to_original_end(size_t normalized_end) const { return original_end[normalized_end - 1]; }
};

// Invalid UTF-8 bytes become U+FFFD (mapped to the byte they replace).
NormalizedText normalize_with_offsets(std::string_view input);

// Decodes one code point at `pos`, advancing it; invalid bytes yield U+FFFD and advance by one.
// REQUIRES: pos < text.size()
char32_t next_code_point(std::string_view text, size_t& pos);
// The start of the code point holding byte `i` (`i` itself at 0, at or past the end, or on a
// lead byte): UTF-8 continuation bytes are stepped over backwards.
inline size_t code_point_start(std::string_view text, size_t i) {
  while (i > 0 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}
void append_utf8(std::string& out, char32_t cp);

bool is_hiragana(char32_t cp);
bool is_katakana(char32_t cp);  // including ー (U+30FC)
bool is_kanji(char32_t cp);

}  // namespace madoguchi
