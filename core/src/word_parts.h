// The index words inside one query word (粗大ごみ -> ごみ, マイナンバーカード -> マイナンバー, カード,
// バス停 -> バス). The index holds a run of nouns both whole and split (濃厚接触者, 濃厚|接触|者), but a
// compound that the dictionary knows as one morpheme stays whole on both sides: a query that
// writes it finds only entries that write it the same way, and misses those that name a part.
//
// Thread rule: a plain function; `terms` belongs to the caller.
#pragma once

#include <string>
#include <vector>
#include <xapian.h>

#include "term_memo.h"

namespace madoguchi {

// Parts of `word` (a normalized base form of three or more characters, not kana only) that are
// index terms of two or more characters, other than the word itself: left to right, the longest
// term starting at each position; characters that start none are skipped. Empty otherwise.
std::vector<std::string> word_parts(TermMemo& terms, const std::string& word);

}  // namespace madoguchi
