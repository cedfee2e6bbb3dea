// Every document id in [first, last], weight 0: what a match is OP_FILTERed by to cover one part
// of the index (split_match.h).
//
// Why it reports the whole database as its frequency estimate: Xapian's AND drives from the
// sub-list it estimates smallest and only checks the others. This list must never drive (it would
// visit every id of its range); the query's own OR drives and this list answers each candidate in
// a comparison, skipping the OR past the range's start in one step.
//
// Thread rule: one per query, like any Xapian::PostingSource.
#pragma once

#include <xapian.h>

namespace madoguchi {

class DocidRange : public Xapian::PostingSource {
 public:
  DocidRange(Xapian::docid first, Xapian::docid last) : first_(first), last_(last) {}

  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override { return 0; }  // ids may be unused
  Xapian::doccount get_termfreq_est() const override { return doccount_; }
  Xapian::doccount get_termfreq_max() const override { return doccount_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return current_ > last_; }
  Xapian::docid get_docid() const override { return current_; }
  std::string get_description() const override;

 private:
  Xapian::docid first_, last_;
  Xapian::docid current_ = 0;  // 0 before the first next()
  Xapian::doccount doccount_ = 0;
};

}  // namespace madoguchi
