#include "kana.h"

#include "normalizer.h"

namespace madoguchi {
namespace {

// Voiced form of a hiragana (か -> が) for ゞ; itself when it has none.
char32_t voiced(char32_t cp) {
  const bool voiceable = (cp >= U'か' && cp <= U'ぢ' && (cp - U'か') % 2 == 0) ||
                         (cp >= U'つ' && cp <= U'ど' && (cp - U'つ') % 2 == 0) ||
                         (cp >= U'は' && cp <= U'ほ' && (cp - U'は') % 3 == 0);
  return voiceable ? cp + 1 : cp;
}

char32_t large(char32_t cp) {
  switch (cp) {
    case U'ぁ': return U'あ';
    case U'ぃ': return U'い';
    case U'ぅ': return U'う';
    case U'ぇ': return U'え';
    case U'ぉ': return U'お';
    case U'っ': return U'つ';
    case U'ゃ': return U'や';
    case U'ゅ': return U'ゆ';
    case U'ょ': return U'よ';
    case U'ゎ': return U'わ';
    case U'ゕ': return U'か';
    case U'ゖ': return U'け';
    default: return cp;
  }
}

}  // namespace

bool is_kana_code_point(char32_t cp) { return is_hiragana(cp) || is_katakana(cp); }

bool is_dash_like(char32_t cp) {
  return cp == U'-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013 || cp == 0x2014 ||
         cp == 0x2015 || cp == 0x2500 || cp == 0x301C || cp == 0xFF5E || cp == 0xFF70 || cp == 0x30FC;
}

bool is_particle_kana(char32_t cp) { return std::u32string_view(U"のがをにはへとでもや").find(cp) != std::u32string_view::npos; }

std::u32string to_u32(std::string_view text) {
  std::u32string out;
  size_t pos = 0;
  while (pos < text.size()) out.push_back(next_code_point(text, pos));
  return out;
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  for (char32_t cp : text) append_utf8(out, cp);
  return out;
}

std::string fold_reading(std::string_view kana) {
  std::string out;
  out.reserve(kana.size());
  char32_t last = 0;  // the last code point written; 0 before the first (no rule applies to it)
  const auto put = [&](char32_t cp) {
    append_utf8(out, cp);
    last = cp;
  };
  size_t pos = 0;
  while (pos < kana.size()) {
    char32_t cp = next_code_point(kana, pos);
    if (cp >= 0x30A1 && cp <= 0x30F6) cp -= 0x60;  // katakana -> hiragana
    if (cp == 0x30FD || cp == 0x30FE) cp -= 0x60;   // ヽヾ -> ゝゞ
    if (cp == 0x30F7) cp = U'ば';                   // ヷ (va) -> ば
    if (cp == U'ゔ') {
      // ヴァ ヴィ ヴ ヴェ ヴォ -> ば び ぶ べ ぼ
      size_t after = pos;
      char32_t next = pos < kana.size() ? next_code_point(kana, after) : 0;
      if (next >= 0x30A1 && next <= 0x30F6) next -= 0x60;
      switch (next) {
        case U'ぁ': put(U'ば'); pos = after; continue;
        case U'ぃ': put(U'び'); pos = after; continue;
        case U'ぇ': put(U'べ'); pos = after; continue;
        case U'ぉ': put(U'ぼ'); pos = after; continue;
        default: put(U'ぶ'); continue;
      }
    }
    if ((cp == U'ゝ' || cp == U'ゞ') && is_hiragana(last)) {
      put(cp == U'ゝ' ? last : voiced(last));
      continue;
    }
    if (is_dash_like(cp) && is_kana_code_point(last)) cp = 0x30FC;
    put(large(cp));
  }
  return out;
}

}  // namespace madoguchi
