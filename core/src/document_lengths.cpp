#include "document_lengths.h"

namespace madoguchi {

std::shared_ptr<const DocumentLengths> DocumentLengths::read(const Xapian::Database& db) {
  auto table = std::make_shared<DocumentLengths>();
  table->lengths_.assign(size_t(db.get_lastdocid()) + 1, kUnknown);
  // The all-documents list walks the lengths list itself: one pass, no lookup per document.
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
    if (*it < table->lengths_.size()) table->lengths_[*it] = it.get_doclength();
  return table;
}

}  // namespace madoguchi
