#include "normalizer.h"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <utf8proc.h>

#include "kana.h"
#include "madoguchi/analyzer.h"

namespace madoguchi {
namespace {

// Marks that must be normalized together with the character before them (ｶﾞ -> ガ).
bool joins_previous(char32_t cp) {
  if (cp == 0x3099 || cp == 0x309A || cp == 0xFF9E || cp == 0xFF9F) return true;
  return utf8proc_get_property(cp)->combining_class != 0;
}

// Code points whose NFKC + case fold is themselves and that join nothing (the bulk of Japanese
// text): copied without utf8proc. The common ranges are known; any other code point of the BMP
// is asked of utf8proc once and remembered (「」（）・ and the like are frequent too).
bool is_stable(char32_t cp) {
  if (cp < 0x80) return !(cp >= 'A' && cp <= 'Z');
  if ((cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC ||
      (cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0x3001 || cp == 0x3002)
    return true;
  // U+FFFD also stands for invalid bytes, which must not be copied.
  if (cp >= 0x10000 || cp == 0xFFFD) return false;
  // 0 not yet known, 1 stable, 2 not. Threads racing on an entry store the same value.
  static std::atomic<uint8_t> known[0x10000];
  const uint8_t k = known[cp].load(std::memory_order_relaxed);
  if (k != 0) return k == 1;
  bool stable = false;
  if (cp < 0xD800 || cp > 0xDFFF) {
    utf8proc_uint8_t in[4];
    const auto n = utf8proc_encode_char(utf8proc_int32_t(cp), in);
    utf8proc_uint8_t* mapped = nullptr;
    const auto m = utf8proc_map(in, n, &mapped,
                                utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD));
    stable = m == n && std::memcmp(mapped, in, size_t(n)) == 0 && !joins_previous(cp);
    std::free(mapped);
  }
  known[cp].store(stable ? 1 : 2, std::memory_order_relaxed);
  return stable;
}

}  // namespace

char32_t next_code_point(std::string_view text, size_t& pos) {
  // ASCII and the three-byte sequences of Japanese text decoded here, exactly as utf8proc would
  // (it rejects surrogates and overlong forms); anything else through utf8proc itself.
  const auto* p = reinterpret_cast<const unsigned char*>(text.data() + pos);
  const size_t left = text.size() - pos;
  if (p[0] < 0x80) {
    pos += 1;
    return p[0];
  }
  if ((p[0] & 0xF0) == 0xE0 && left >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
    const char32_t cp = char32_t(p[0] & 0x0F) << 12 | char32_t(p[1] & 0x3F) << 6 | char32_t(p[2] & 0x3F);
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
      pos += 3;
      return cp;
    }
  }
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(p, utf8proc_ssize_t(left), &cp);
  if (n <= 0) {
    pos += 1;
    return 0xFFFD;
  }
  pos += size_t(n);
  return char32_t(cp);
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
    return;
  }
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(utf8proc_int32_t(cp), buf);
  out.append(reinterpret_cast<const char*>(buf), size_t(n));
}

bool is_hiragana(char32_t cp) { return (cp >= 0x3041 && cp <= 0x309F); }
bool is_katakana(char32_t cp) { return (cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF); }
bool is_kanji(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || cp == 0x3005 ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

namespace {

// NFKC + case fold of `input` into `text`; when `out` is given, also the map back to `input`.
void normalize_into(std::string_view input, std::string& text, NormalizedText* out) {
  text.reserve(input.size());
  if (out) {
    out->original_begin.reserve(input.size() + 1);
    out->original_end.reserve(input.size() + 1);
  }

  // Each cluster is a code point and the joining marks after it. The code point after a cluster
  // is decoded once: it is the next cluster's start.
  size_t pos = 0, ahead_end = 0;
  char32_t ahead = input.empty() ? 0 : next_code_point(input, ahead_end);
  std::u32string cluster;
  char32_t last = 0;  // the last code point written
  while (pos < input.size()) {
    const size_t begin = pos;
    cluster.clear();
    cluster.push_back(ahead);
    pos = ahead_end;
    while (pos < input.size()) {
      ahead_end = pos;
      ahead = next_code_point(input, ahead_end);
      if (is_stable(ahead) || !joins_previous(ahead)) break;
      cluster.push_back(ahead);
      pos = ahead_end;
    }
    const size_t before = text.size();
    if (cluster.size() == 1 && is_dash_like(cluster[0]) && is_kana_code_point(last)) {
      append_utf8(text, 0x30FC);  // a dash or wave dash after kana is a long-vowel mark
      last = 0x30FC;
    } else if (cluster.size() == 1 && is_stable(cluster[0])) {
      text.append(input, begin, pos - begin);  // valid UTF-8 of one code point: its own encoding
      last = cluster[0];
    } else {
      std::string raw;
      for (char32_t cp : cluster) append_utf8(raw, cp);
      utf8proc_uint8_t* mapped = nullptr;
      auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(raw.data()),
                            utf8proc_ssize_t(raw.size()), &mapped,
                            utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                              UTF8PROC_CASEFOLD));
      if (n >= 0) text.append(reinterpret_cast<const char*>(mapped), size_t(n));
      else text += raw;  // cannot happen for valid code points; keep the text rather than lose it
      std::free(mapped);
      if (text.size() > before) {
        size_t p = text.size() - 1;
        while (p > before && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
        last = next_code_point(text, p);
      }
    }
    if (out) {
      out->original_begin.insert(out->original_begin.end(), text.size() - before, uint32_t(begin));
      out->original_end.insert(out->original_end.end(), text.size() - before, uint32_t(pos));
    }
  }
  if (out) {
    out->original_begin.push_back(uint32_t(input.size()));
    out->original_end.push_back(uint32_t(input.size()));
  }
}

}  // namespace

NormalizedText normalize_with_offsets(std::string_view input) {
  NormalizedText out;
  normalize_into(input, out.text, &out);
  return out;
}

// Without the offset map: the indexer normalizes every dictionary base form through this.
std::string normalize_text(std::string_view text) {
  std::string out;
  normalize_into(text, out, nullptr);
  return out;
}

std::string to_hiragana(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = next_code_point(text, pos);
    if (cp >= 0x30A1 && cp <= 0x30F6) cp -= 0x60;
    append_utf8(out, cp);
  }
  return out;
}

bool is_kana_only(std::string_view text) {
  if (text.empty()) return false;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = next_code_point(text, pos);
    if (!is_hiragana(cp) && !is_katakana(cp)) return false;
  }
  return true;
}

}  // namespace madoguchi
