#include "word_parts.h"

#include "kana.h"
#include "madoguchi/analyzer.h"

namespace madoguchi {

std::vector<std::string> word_parts(TermMemo& terms, const std::string& word) {
  std::vector<std::string> parts;
  // Kana words split into other kana words by chance (ごみばこ has みば); readings of kana input
  // are split against the reading vocabulary instead (query_builder.cpp).
  if (is_kana_only(word)) return parts;
  const std::u32string w = to_u32(word);
  constexpr size_t kMinPart = 2;  // one character matches too much (所, 税, 料)
  if (w.size() <= kMinPart) return parts;
  for (size_t begin = 0; begin + kMinPart <= w.size();) {
    size_t end = w.size() - (begin == 0 ? 1 : 0);  // never the whole word
    while (end >= begin + kMinPart && !terms.exists(to_utf8(w.substr(begin, end - begin)))) --end;
    if (end < begin + kMinPart) {
      ++begin;
      continue;
    }
    parts.push_back(to_utf8(w.substr(begin, end - begin)));
    begin = end;
  }
  return parts;
}

}  // namespace madoguchi
