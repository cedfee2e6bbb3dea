#include "posting_memo.h"

namespace madoguchi {

std::vector<Xapian::termcount> PostingMemo::wdfs(const Xapian::Database& db, const std::string& term,
                                                 const std::vector<Xapian::docid>& docs) {
  if (remembered_ + docs.size() > kMaxRemembered) clear();
  auto& known = wdfs_[term];
  std::vector<Xapian::termcount> out(docs.size(), 0);
  std::vector<size_t> unknown;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (const auto k = known.find(docs[i]); k != known.end())
      out[i] = k->second;
    else
      unknown.push_back(i);
  }
  if (unknown.empty()) return out;
  // One walk up the posting list: `docs` ascend.
  Xapian::PostingIterator p = db.postlist_begin(term);
  const Xapian::PostingIterator end = db.postlist_end(term);
  for (const size_t i : unknown) {
    if (p != end) p.skip_to(docs[i]);
    out[i] = p != end && *p == docs[i] ? p.get_wdf() : 0;
    known.emplace(docs[i], out[i]);
    ++remembered_;
  }
  return out;
}

Xapian::termcount PostingMemo::length(const Xapian::Database& db, Xapian::docid doc) {
  if (const auto l = lengths_.find(doc); l != lengths_.end()) return l->second;
  if (remembered_ >= kMaxRemembered) clear();
  const Xapian::termcount length = db.get_doclength(doc);
  lengths_.emplace(doc, length);
  ++remembered_;
  return length;
}

bool PostingMemo::remembers(const std::string& term, Xapian::docid doc) const {
  const auto t = wdfs_.find(term);
  return t != wdfs_.end() && t->second.count(doc);
}

void PostingMemo::clear() {
  wdfs_.clear();
  lengths_.clear();
  remembered_ = 0;
}

}  // namespace madoguchi
