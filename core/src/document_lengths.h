// Every document's length (its terms counted with repeats: what BM25 normalises by), read once
// per revision.
//
// Why: Xapian 1.4's glass backend finds a document's length by walking its list of lengths from
// the last document it looked up, decoding every entry in between. A match weighs candidates
// spread over the whole index, so each match walked most of that list: a third of a median
// keystroke's instructions at 100k entries (docs/performance.md, "Document lengths read once").
// Read here in one pass, a length is an array lookup.
//
// Thread rule: immutable once read; shared by the threads of a match.
#pragma once

#include <memory>
#include <vector>
#include <xapian.h>

namespace madoguchi {

class DocumentLengths {
 public:
  static std::shared_ptr<const DocumentLengths> read(const Xapian::Database& db);

  // The length of `doc`; asks `db` for a document the table does not hold.
  Xapian::termcount of(const Xapian::Database& db, Xapian::docid doc) const {
    return doc < lengths_.size() && lengths_[doc] != kUnknown ? lengths_[doc] : db.get_doclength(doc);
  }

 private:
  static constexpr Xapian::termcount kUnknown = Xapian::termcount(-1);
  std::vector<Xapian::termcount> lengths_;  // by docid; kUnknown for unused ids
};

}  // namespace madoguchi
