#include "text_checks.h"

#include <algorithm>
#include <utf8proc.h>

namespace madoguchi {
namespace {

// Shift_JIS/CP932 double-byte pattern: lead 0x81-0x9F or 0xE0-0xFC, trail 0x40-0x7E or 0x80-0xFC.
bool looks_like_cp932(std::string_view b) {
  int pairs = 0;
  for (size_t i = 0; i < b.size(); ++i) {
    auto c = static_cast<unsigned char>(b[i]);
    if (c < 0x80) continue;
    if (c >= 0xA1 && c <= 0xDF) continue;  // half-width katakana
    bool lead = (c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC);
    if (!lead || i + 1 >= b.size()) return false;
    auto t = static_cast<unsigned char>(b[i + 1]);
    if (!((t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFC))) return false;
    ++pairs;
    ++i;
  }
  return pairs > 0;
}

}  // namespace

int line_of(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(offset), '\n'));
}

std::optional<EncodingProblem> check_utf8_text(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (auto nul = bytes.find('\0'); nul != std::string_view::npos)
    return EncodingProblem{line_of(bytes, nul), "binary file (contains NUL bytes), not a Markdown entry"};
  size_t pos = 0;
  while (pos < bytes.size()) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(bytes.data() + pos),
                              utf8proc_ssize_t(bytes.size() - pos), &cp);
    if (n <= 0) {
      // Judge the line of the first bad byte: a UTF-8 file with one pasted Shift_JIS line is
      // still a Shift_JIS problem, and the UTF-8 elsewhere would spoil a whole-file check.
      const size_t line_start = bytes.rfind('\n', pos) == std::string_view::npos ? 0 : bytes.rfind('\n', pos) + 1;
      const size_t line_end = std::min(bytes.find('\n', pos), bytes.size());
      if (looks_like_cp932(bytes.substr(line_start, line_end - line_start)))
        return EncodingProblem{line_of(bytes, pos),
                               "file is Shift_JIS/CP932, not UTF-8: convert it (iconv -f CP932 -t UTF-8, "
                               "or `madoguchi import-csv` for Excel sheets)"};
      return EncodingProblem{line_of(bytes, pos), "invalid UTF-8 byte sequence"};
    }
    pos += size_t(n);
  }
  return std::nullopt;
}

std::string clean_text(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      out.push_back(bytes[i]);
    }
  }
  return out;
}

}  // namespace madoguchi
