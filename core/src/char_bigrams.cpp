#include "char_bigrams.h"

#include <utf8proc.h>

#include "kana.h"
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
  std::vector<std::string> out;
  const std::u32string cps = to_u32(normalized);
  for (size_t i = 0; i + 1 < cps.size(); ++i) {
    if (!is_letter(cps[i]) || !is_letter(cps[i + 1])) continue;
    if (is_hiragana(cps[i]) && is_hiragana(cps[i + 1])) continue;
    out.push_back(to_utf8(cps.substr(i, 2)));
  }
  return out;
}

}  // namespace madoguchi
