#include "text_layout.h"

#include <string_view>

namespace madoguchi::viewer {
namespace {

struct Cluster {
  char32_t c;
  size_t run;
  size_t begin;
  size_t end;
  float advance;
};

// Latin letters and digits glue into words; everything else (CJK, kana, punctuation) allows a
// break on either side.
bool is_word_char(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-' ||
         c == '.' || c == ',' || c == '/' || c == ':' || c == '@' || c == '%' || c == '(' || c == ')' ||
         (c >= 0xC0 && c < 0x2000 && c != 0xD7 && c != 0xF7);
}

void decode(const std::string& s, size_t run, const AdvanceFn& advance, uint16_t style, std::vector<Cluster>& out) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    if (i + len > s.size()) len = 1;
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (len == 1 && b >= 0x80) c = 0xFFFD;
    out.push_back({c, run, i, i + len, c == '\n' ? 0.0f : advance(c, style)});
    i += len;
  }
}

}  // namespace

bool is_line_start_forbidden(char32_t c) {
  static constexpr std::u32string_view kChars =
      U"、。，．,.・：；？！:;?!ー～）］｝〕〉》」』】〙〗〟’”｠»ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻…‥%％)]}";
  return kChars.find(c) != std::u32string_view::npos;
}

bool is_line_end_forbidden(char32_t c) {
  static constexpr std::u32string_view kChars = U"（［｛〔〈《「『【〘〖〝‘“｟«([{";
  return kChars.find(c) != std::u32string_view::npos;
}

TextLayout layout_text(const StyledText& text, float wrap_width, const AdvanceFn& advance, int max_lines,
                       float reserve) {
  std::vector<Cluster> cs;
  for (size_t r = 0; r < text.size(); ++r) decode(text[r].text, r, advance, text[r].style, cs);

  TextLayout out;
  // [begin, end) clusters per line.
  std::vector<std::pair<size_t, size_t>> spans;
  size_t line_start = 0;
  auto limit_for = [&](size_t line_no) {
    return (max_lines > 0 && int(line_no) + 1 == max_lines) ? wrap_width - reserve : wrap_width;
  };
  auto break_allowed = [](char32_t prev, char32_t c) {
    if (prev == ' ') return c != ' ';
    if (is_word_char(prev) && is_word_char(c)) return false;
    return !is_line_start_forbidden(c) && !is_line_end_forbidden(prev);
  };
  while (line_start < cs.size()) {
    if (max_lines > 0 && int(spans.size()) == max_lines) {
      out.truncated = true;
      break;
    }
    const float limit = limit_for(spans.size());
    float x = 0;
    size_t i = line_start;
    size_t last_break = line_start;  // the latest cluster a line may start at
    size_t end = cs.size();
    bool newline = false;
    for (; i < cs.size(); ++i) {
      const Cluster& c = cs[i];
      if (c.c == '\n') {
        newline = true;
        end = i;
        break;
      }
      if (i > line_start && break_allowed(cs[i - 1].c, c.c)) last_break = i;
      if (i > line_start && x + c.advance > limit) {
        if (c.c == ' ') continue;  // spaces hang past the edge
        if (is_line_start_forbidden(c.c)) {
          // burasage: one of 。、」 hangs at the end of the line rather than start the next. When
          // another follows (）。), the line breaks earlier instead, so none starts the next.
          const bool more = i + 1 < cs.size() && is_line_start_forbidden(cs[i + 1].c);
          end = more && last_break > line_start ? last_break : i + 1;
          while (more && end > i && end < cs.size() && is_line_start_forbidden(cs[end].c)) ++end;
        } else {
          end = last_break > line_start ? last_break : i;
        }
        break;
      }
      x += c.advance;
    }
    spans.emplace_back(line_start, end);
    line_start = end;
    if (newline) {
      ++line_start;  // past the '\n'
    } else {
      while (line_start < cs.size() && cs[line_start].c == ' ') ++line_start;  // no leading spaces
    }
  }
  if (max_lines > 0 && int(spans.size()) > max_lines) {
    spans.resize(size_t(max_lines));
    out.truncated = true;
  }

  for (auto [b, e] : spans) {
    LayoutLine line;
    float x = 0;
    for (size_t i = b; i < e; ++i) {
      const Cluster& c = cs[i];
      if (c.c == '\n') continue;
      if (!line.pieces.empty() && line.pieces.back().run == c.run && line.pieces.back().end == c.begin) {
        line.pieces.back().end = c.end;
        line.pieces.back().width += c.advance;
      } else {
        line.pieces.push_back({c.run, c.begin, c.end, x, c.advance});
      }
      x += c.advance;
    }
    // Trailing spaces do not count toward the width.
    for (size_t i = e; i > b && cs[i - 1].c == ' '; --i) x -= cs[i - 1].advance;
    line.width = x;
    out.lines.push_back(std::move(line));
  }
  return out;
}

}  // namespace madoguchi::viewer
