// Kana folding (issue 10, item 4), applied to every reading on both sides (index and query) so
// that variant spellings of one reading meet: katakana -> hiragana, ヴ-row -> ブ-row, small kana
// -> large, iteration marks spelled out, long-vowel mark variants after kana -> ー.
//
// Thread rule: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace madoguchi {

// REQUIRES: `kana` is NFKC-normalized (half-width katakana already made full-width).
std::string fold_reading(std::string_view kana);

bool is_kana_code_point(char32_t cp);  // hiragana, katakana or ー
bool is_dash_like(char32_t cp);        // - ‐ ― ─ — ～ 〜 ｰ: a long-vowel mark when after kana
// の が を に は へ と で も や: the kana that mark a word's end in an unconverted kana run.
bool is_particle_kana(char32_t cp);

// Splits UTF-8 into code points (invalid bytes become U+FFFD).
std::u32string to_u32(std::string_view text);
std::string to_utf8(std::u32string_view text);

}  // namespace madoguchi
