// Sudachi's synonym sets restricted to the words an index uses (DESIGN §5): the index-time glue
// between sudachi_synonyms.h and a database being written. A run that changes a few documents
// re-checks only the keys whose words it brought into or out of the index, starting from the pairs
// the synonym table already holds; anything else (no usable previous pairs, a new dictionary,
// scope or editors' groups, a large run) takes the full check over every key.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>
#include <xapian.h>

#include "madoguchi/status.h"
#include "madoguchi/sudachi_synonyms.h"

namespace madoguchi {

// How many documents of each word term a run's writes add and remove, so that the terms that
// appear in or vanish from the index can be named afterwards without looking at every key.
// Only word terms (unprefixed; the analyzer case-folds them, so they never start with the
// capital letters of schema.h's prefixes) are counted: Sudachi's keys are made of them.
class TermChanges {
 public:
  explicit TermChanges(bool wanted) : known_(wanted) {}

  void added(const Xapian::Document& doc);  // a document this run writes
  // A document this run deletes or replaces, read before it goes.
  void removed(const Xapian::Database& db, Xapian::docid docid);
  // The changes are not followed (a new database, documents written by shards).
  void give_up();
  bool known() const { return known_; }
  // Word terms the index holds now (the run's writes staged in `db`) but did not before the run,
  // or the reverse. REQUIRES: known().
  std::set<std::string, std::less<>> flipped(const Xapian::Database& db) const;

 private:
  void count(Xapian::TermIterator t, Xapian::TermIterator end, int delta);

  bool known_;
  int documents_ = 0;
  std::unordered_map<std::string, int> net_;  // documents added minus removed, per term
};

struct SudachiPairs {
  std::string identity;  // dictionary version, file hash and scope
  std::vector<std::pair<std::string, std::string>> pairs;
  int keys_checked = 0;  // keys looked up in the index: all of them, or those a small run touched
};

// The synonym table's hash (kMetaSynonymsHash): editors' groups (JSON) and, when Sudachi's sets
// are used, their identity and pairs (which depend on the corpus's words).
std::string synonyms_hash(const std::string& groups_json, const SudachiPairs* sudachi);

// Sudachi's pairs for the index `db` as staged (a key is kept when the index has every term of
// it), keys in `editors` (from synonyms.tsv, whose groups are `groups_json`) excluded. The
// analyzed sets depend on the dictionary file and the scope only (an index's analyzer never
// changes, `key_of` analyzes a word): the index keeps them, so later builds analyze nothing and,
// while the file's stamp is unchanged, do not even read it.
Result<SudachiPairs> sudachi_synonym_pairs(Xapian::WritableDatabase& db, const SudachiOptions& options,
                                           const std::set<std::string>& editors, const std::string& groups_json,
                                           const TermChanges& changes,
                                           const std::function<std::string(const std::string&)>& key_of);

// Removes what sudachi_synonym_pairs() keeps in the index (a build without Sudachi's sets).
void forget_sudachi(Xapian::WritableDatabase& db);

}  // namespace madoguchi
