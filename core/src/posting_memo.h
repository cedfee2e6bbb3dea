// What the second stage (and the re-ranker, for question terms) read from the index,
// remembered for one revision: a term's wdf in a document (0: not there), and a document's length.
//
// Why: consecutive keystrokes weigh mostly the same deferred leaves (a sentence's bigrams and
// question words) on mostly the same 50 candidates; at 100k entries 60% of a keystroke's (term,
// candidate) pairs were read by the keystroke before, 77% by some earlier one, and each read
// decodes about half a posting-list chunk (the second stage was 10% of the benchmark replay's
// instructions: docs/performance.md, "The second stage's postings remembered").
//
// Thread rule: one owner (a Searcher, which clears it whenever it reopens the index).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>
#include <xapian.h>

namespace madoguchi {

class PostingMemo {
 public:
  // `term`'s wdf in each of `docs` (ascending, unique), read where not remembered.
  std::vector<Xapian::termcount> wdfs(const Xapian::Database& db, const std::string& term,
                                      const std::vector<Xapian::docid>& docs);
  Xapian::termcount length(const Xapian::Database& db, Xapian::docid doc);
  // Whether `term`'s wdf in `doc` has been read (and not forgotten since).
  bool remembers(const std::string& term, Xapian::docid doc) const;
  // Forgets everything: the index changed.
  void clear();

 private:
  static constexpr size_t kMaxRemembered = 1 << 17;  // (term, document) pairs and lengths; then start over

  std::unordered_map<std::string, std::unordered_map<Xapian::docid, Xapian::termcount>> wdfs_;
  std::unordered_map<Xapian::docid, Xapian::termcount> lengths_;
  size_t remembered_ = 0;
};

}  // namespace madoguchi
