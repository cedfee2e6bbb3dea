// What the re-ranker read from the index, remembered for one revision: a document's question
// length (value slot 4). Whether it holds a question term (XQ...) is a posting read, remembered
// with the second stage's in posting_memo.h.
//
// Why: consecutive keystrokes re-rank mostly the same 20 candidates over mostly the same question
// terms, and every answer read again walks a posting list or the value stream, block by block:
// about 30 block reads a keystroke at 100k entries, each a system call (docs/performance.md, "A
// new machine").
//
// Thread rule: one owner (a Searcher, which clears it whenever it reopens the index).
#pragma once

#include <optional>
#include <unordered_map>
#include <xapian.h>

namespace madoguchi {

class QuestionMemo {
 public:
  std::optional<double> question_words(Xapian::docid doc) const;
  void remember_question_words(Xapian::docid doc, double words);
  // Forgets everything: the index changed.
  void clear();

 private:
  static constexpr size_t kMaxRemembered = 1 << 16;  // answers; then start over

  std::unordered_map<Xapian::docid, double> words_;
  size_t remembered_ = 0;
};

}  // namespace madoguchi
