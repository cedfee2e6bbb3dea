#include "question_memo.h"

namespace madoguchi {

std::optional<double> QuestionMemo::question_words(Xapian::docid doc) const {
  const auto d = words_.find(doc);
  if (d == words_.end()) return std::nullopt;
  return d->second;
}

void QuestionMemo::remember_question_words(Xapian::docid doc, double words) {
  if (remembered_ >= kMaxRemembered) clear();
  if (words_.insert_or_assign(doc, words).second) ++remembered_;
}

void QuestionMemo::clear() {
  words_.clear();
  remembered_ = 0;
}

}  // namespace madoguchi
