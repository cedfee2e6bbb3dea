// Exactly the given document ids, weight 0: what a second match over a search's best candidates
// is OP_FILTERed by on a local index (deferred_parts.h).
//
// Why not the candidates' id terms (candidate_entries.h): on a local index those cost a value
// read per candidate for its entry id and a posting-list lookup per id term, about 100 B-tree
// descents before any deferred leaf is weighed. A remote backend cannot run a posting source of
// ours, so it keeps the id terms.
//
// Thread rule: one per query, like any Xapian::PostingSource.
#pragma once

#include <vector>
#include <xapian.h>

namespace madoguchi {

class DocidList : public Xapian::PostingSource {
 public:
  explicit DocidList(std::vector<Xapian::docid> ids);  // any order, duplicates allowed

  Xapian::doccount get_termfreq_min() const override { return Xapian::doccount(ids_.size()); }
  Xapian::doccount get_termfreq_est() const override { return Xapian::doccount(ids_.size()); }
  Xapian::doccount get_termfreq_max() const override { return Xapian::doccount(ids_.size()); }
  void init(const Xapian::Database& db) override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return started_ && at_ == ids_.size(); }
  Xapian::docid get_docid() const override { return ids_[at_]; }
  std::string get_description() const override;

 private:
  std::vector<Xapian::docid> ids_;  // ascending, unique
  size_t at_ = 0;
  bool started_ = false;
};

}  // namespace madoguchi
