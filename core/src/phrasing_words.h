// Words that carry how a caller asks, not what about (教えてください, 知りたい, 方法, 場合, ...):
// they match entries at random, so queries drop them (../shared/eval/README.md: +0.018 nDCG@10).
// Generic Japanese phrasing only, never words of one data set. Index terms are unaffected.
//
// Thread rule: pure function.
#pragma once

#include <string_view>

namespace madoguchi {

// `term`: a normalized base form (IPADIC or UniDic) or a hiragana reading.
bool is_phrasing_word(std::string_view term);

}  // namespace madoguchi
