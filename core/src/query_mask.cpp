#include "madoguchi/search_log.h"
#include "normalizer.h"

namespace madoguchi {
namespace {

bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
bool is_separator(char32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2212 || c == 0xFF0D || c == 0x30FC || c == '/' || c == 0xFF0F ||
         c == '.' || c == 0xFF0E || c == ' ' || c == 0x3000 || c == '(' || c == ')' || c == 0xFF08 || c == 0xFF09;
}
bool is_date_unit(char32_t c) { return c == U'年' || c == U'月' || c == U'日'; }

}  // namespace

std::string_view to_string(SettleReason reason) {
  switch (reason) {
    case SettleReason::kOpened: return "opened";
    case SettleReason::kCopied: return "copied";
    case SettleReason::kPaused: return "paused";
    case SettleReason::kCleared: return "cleared";
  }
  return "paused";
}

std::string mask_query(std::string_view query, size_t max_chars) {
  std::u32string cps;
  size_t pos = 0;
  while (pos < query.size()) cps.push_back(next_code_point(query, pos));

  std::u32string out;
  size_t i = 0;
  while (i < cps.size()) {
    if (!is_digit(cps[i])) {
      out.push_back(cps[i++]);
      continue;
    }
    // A run: digits joined by separators or date units (1980年5月3日, 090-1234-5678).
    size_t j = i, digits = 0, last_digit_end = i;
    bool dated = false;
    while (j < cps.size()) {
      if (is_digit(cps[j])) {
        ++digits;
        last_digit_end = ++j;
      } else if ((is_separator(cps[j]) || is_date_unit(cps[j])) && j + 1 < cps.size() && is_digit(cps[j + 1])) {
        dated |= is_date_unit(cps[j]);
        ++j;
      } else {
        break;
      }
    }
    size_t end = last_digit_end;
    if (dated && end < cps.size() && is_date_unit(cps[end])) ++end;  // the closing 日
    if (digits >= 3 || dated) {
      out.push_back(U'＃');
    } else {
      out.append(cps, i, end - i);
    }
    i = end;
  }
  if (out.size() > max_chars) out.resize(max_chars);
  std::string s;
  for (char32_t c : out) append_utf8(s, c);
  return s;
}

}  // namespace madoguchi
