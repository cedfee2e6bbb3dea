#include "glyph_set.h"

#include <iconv.h>

#include <cstring>

namespace madoguchi::viewer {

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += char(c);
  } else if (c < 0x800) {
    out += char(0xC0 | (c >> 6));
    out += char(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += char(0xE0 | (c >> 12));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  } else {
    out += char(0xF0 | (c >> 18));
    out += char(0x80 | ((c >> 12) & 0x3F));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  }
}

std::vector<char32_t> decode_utf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + size_t(len) > s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + size_t(k)]);
      if ((cc & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!ok) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += size_t(len);
  }
  return out;
}

void GlyphSet::add(char32_t c) {
  if (c > max_) {
    ++dropped_;
    return;
  }
  if (!bits_[c]) {
    bits_[c] = true;
    ++count_;
  }
}

void GlyphSet::add_range(char32_t first, char32_t last) {
  for (char32_t c = first; c <= last; ++c) add(c);
}

void GlyphSet::add_utf8(std::string_view text) {
  for (char32_t c : decode_utf8(text))
    if (c >= 0x20 || c == '\t') add(c);
}

int GlyphSet::add_jis_x0208() {
  iconv_t cd = iconv_open("UTF-8", "EUC-JP");
  if (cd == iconv_t(-1)) return 0;
  int provided = 0;
  auto add_row = [&](int row) {
    for (int cell = 1; cell <= 94; ++cell) {
      char in[2] = {char(0xA0 + row), char(0xA0 + cell)};
      char out[8] = {};
      char* inp = in;
      char* outp = out;
      size_t inleft = 2, outleft = sizeof out;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset the shift state
      if (iconv(cd, &inp, &inleft, &outp, &outleft) == size_t(-1)) continue;  // an unassigned cell
      for (char32_t c : decode_utf8(std::string_view(out, sizeof out - outleft))) {
        add(c);
        ++provided;
      }
    }
  };
  for (int row = 1; row <= 8; ++row) add_row(row);
  for (int row = 16; row <= 84; ++row) add_row(row);
  iconv_close(cd);
  return provided;
}

void GlyphSet::add_core_scripts() {
  add_range(0x20, 0x7E);      // ASCII
  add_range(0xA0, 0xFF);      // Latin-1
  add_range(0x2010, 0x206F);  // general punctuation (―, ‥, …, ※, ‼)
  add_range(0x3000, 0x303F);  // CJK symbols and punctuation
  add_range(0x3040, 0x309F);  // hiragana
  add_range(0x30A0, 0x30FF);  // katakana
  add_range(0x31F0, 0x31FF);  // katakana phonetic extensions
  add_range(0xFF00, 0xFFEF);  // full-width and half-width forms
  add(0xFFFD);                // what a broken character turns into
}

void GlyphSet::add_operator_basics() {
  add_core_scripts();
  add_range(0x2100, 0x214F);  // letterlike (℃, №, ℡)
  add_range(0x2160, 0x217F);  // Roman numerals (Ⅰ, ⅰ)
  add_range(0x2190, 0x21FF);  // arrows
  add_range(0x2460, 0x24FF);  // enclosed alphanumerics (①)
  add_range(0x2500, 0x257F);  // box drawing
  add_range(0x25A0, 0x25FF);  // geometric shapes (○●□■△▽◇)
  add_range(0x2600, 0x26FF);  // miscellaneous symbols (★☆☎)
  add_range(0x3200, 0x32FF);  // enclosed CJK (㈱, ㊤)
  add_range(0x3300, 0x33FF);  // CJK compatibility (㍉, ㎡)
  add_jis_x0208();
}

void GlyphSet::add(const GlyphSet& other) {
  for (char32_t c : other.chars()) add(c);
}

std::vector<char32_t> GlyphSet::chars() const {
  std::vector<char32_t> out;
  out.reserve(count_);
  for (char32_t c = 0; c <= max_; ++c)
    if (bits_[c]) out.push_back(c);
  return out;
}

std::vector<std::pair<char32_t, char32_t>> GlyphSet::ranges() const {
  std::vector<std::pair<char32_t, char32_t>> out;
  for (char32_t c = 0; c <= max_; ++c) {
    if (!bits_[c]) continue;
    if (!out.empty() && out.back().second + 1 == c) out.back().second = c;
    else out.emplace_back(c, c);
  }
  return out;
}

}  // namespace madoguchi::viewer
