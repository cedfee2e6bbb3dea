#include "question_memo.h"

namespace madoguchi {

std::optional<bool> QuestionMemo::holds(const std::string& term, Xapian::docid doc) const {
  const auto t = holds_.find(term);
  if (t == holds_.end()) return std::nullopt;
  const auto d = t->second.find(doc);
  if (d == t->second.end()) return std::nullopt;
  return d->second;
}

void QuestionMemo::remember_holds(const std::string& term, Xapian::docid doc, bool holds) {
  if (remembered_ >= kMaxRemembered) clear();
  if (holds_[term].insert_or_assign(doc, holds).second) ++remembered_;
}

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
  holds_.clear();
  words_.clear();
  remembered_ = 0;
}

}  // namespace madoguchi
