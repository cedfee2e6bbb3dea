// What the re-ranker read from the index, remembered for one revision: whether a document holds
// a question term (XQ...), and a document's question length (value slot 4).
//
// Why: consecutive keystrokes re-rank mostly the same 20 candidates over mostly the same question
// terms, and every answer read again walks a posting list or the value stream, block by block:
// about 30 block reads a keystroke at 100k entries, each a system call (docs/performance.md, "A
// new machine").
//
// Thread rule: one owner (a Searcher, which clears it whenever it reopens the index).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <xapian.h>

namespace madoguchi {

class QuestionMemo {
 public:
  std::optional<bool> holds(const std::string& term, Xapian::docid doc) const;
  void remember_holds(const std::string& term, Xapian::docid doc, bool holds);
  std::optional<double> question_words(Xapian::docid doc) const;
  void remember_question_words(Xapian::docid doc, double words);
  // Forgets everything: the index changed.
  void clear();

 private:
  static constexpr size_t kMaxRemembered = 1 << 16;  // answers; then start over

  std::unordered_map<std::string, std::unordered_map<Xapian::docid, bool>> holds_;
  std::unordered_map<Xapian::docid, double> words_;
  size_t remembered_ = 0;
};

}  // namespace madoguchi
