// Character bigrams of normalized text (the XB field): a light second opinion beside MeCab's
// words, matching spellings MeCab splits differently on the two sides (../shared/eval/README.md:
// +0.011 nDCG@10 at a tenth of the word score).
//
// Thread rule: pure function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace madoguchi {

// Bigrams of adjacent letters (no spaces or punctuation) where at least one is not hiragana:
// hiragana pairs are mostly particles and endings.
std::vector<std::string> char_bigrams(std::string_view normalized);

}  // namespace madoguchi
