#include "char_bigrams.h"

#include <utf8proc.h>

#include "normalizer.h"

namespace madoguchi {
namespace {

bool is_letter(char32_t cp) {
  auto cat = utf8proc_category(utf8proc_int32_t(cp));
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) || cat == UTF8PROC_CATEGORY_ND || cp == 0x30FC ||
         cp == 0x3005;
}

}  // namespace

std::vector<std::string> char_bigrams(std::string_view normalized) {
  // Walks the UTF-8 once, remembering the previous character's bytes and class: every build
  // runs this over the whole corpus, so no per-character std::u32string round trips.
  std::vector<std::string> out;
  size_t prev_begin = 0;
  char32_t prev = 0;
  bool prev_letter = false;
  size_t pos = 0;
  while (pos < normalized.size()) {
    const size_t begin = pos;
    const char32_t cp = next_code_point(normalized, pos);
    const bool letter = is_letter(cp);
    if (prev_letter && letter && !(is_hiragana(prev) && is_hiragana(cp))) {
      // Both decoded validly (an invalid byte reads as U+FFFD, not a letter): the bytes are the pair.
      out.emplace_back(normalized.substr(prev_begin, pos - prev_begin));
    }
    prev_begin = begin;
    prev = cp;
    prev_letter = letter;
  }
  return out;
}

}  // namespace madoguchi
