// The index's answers to "how many entries have this term" and "does any term start with this",
// remembered for one revision of the index.
//
// Why: each keystroke asks about mostly the terms the previous one asked about (a noun's parts,
// a word no entry writes, the common leaves deferred_parts.h weighs later, the typed prefix), and
// a remote backend (xapian-tcpsrv, how README's seats read the site replica) answers every
// question with a network round trip; a prefix question even ships every matching term. Locally
// a hash lookup also replaces a B-tree descent.
//
// Thread rule: one owner (a Searcher, which clears it whenever it reopens the index).
#pragma once

#include <string>
#include <unordered_map>
#include <xapian.h>

namespace madoguchi {

class TermMemo {
 public:
  explicit TermMemo(const Xapian::Database& db) : db_(db) {}

  const Xapian::Database& database() const { return db_; }
  // The number of documents holding `term` (Database::get_termfreq).
  Xapian::doccount frequency(const std::string& term);
  bool exists(const std::string& term) { return frequency(term) > 0; }
  // Whether any index term starts with `prefix`.
  bool any_starting_with(const std::string& prefix);
  // Forgets everything: the index changed.
  void clear();

 private:
  static constexpr size_t kMaxRemembered = 1 << 16;  // a long shift's distinct terms; then start over

  const Xapian::Database& db_;
  std::unordered_map<std::string, Xapian::doccount> frequencies_;
  std::unordered_map<std::string, bool> prefixes_;
};

}  // namespace madoguchi
