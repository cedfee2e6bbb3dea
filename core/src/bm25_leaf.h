// A first-stage query part weighed by us instead of Xapian's leaf, to the same bit: a term, an
// OP_SYNONYM of terms or the word being typed (an OP_WILDCARD of its most frequent completions),
// scaled or not, as a posting source that reads document lengths from a table read once per
// revision (document_lengths.h) instead of through glass's walk, a third of a median keystroke.
//
// Same weights, same pruning: Xapian 1.4's statistics for each kind of leaf are replicated
// operation for operation (bm25_term.h; a synonym's frequency estimate is built as OrContext
// builds its tree, its wdf clamped to the document's length as SynonymPostList does; a term's wdf
// bound is glass's, from its first posting), so every weight, maximum weight and frequency Xapian's
// matcher sees is the same double or count. tests/core/bm25_leaf_test.cpp compares matches.
//
// Local glass indexes only: a remote backend cannot run our sources (the searcher keeps Xapian's
// leaves there), and another backend bounds a term's wdf otherwise.
//
// Thread rule: like any Xapian::PostingSource, one per match; a split match's second thread gets
// its own through a Registry (register_leaves).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <xapian.h>

#include "bm25_term.h"
#include "document_lengths.h"
#include "query_builder.h"
#include "term_memo.h"

namespace madoguchi {

// What one leaf matches and the statistics Xapian would give it.
struct LeafPlan {
  std::vector<std::string> terms;  // one (a term) or a synonym's members, repeats kept
  bool synonym = false;
  double factor = 1;  // OP_SCALE_WEIGHT's
  // Xapian's bounds on and estimate of the documents matched (for a synonym, its OR tree's).
  Xapian::doccount min = 0, est = 0, max = 0;
};

// `query` (a part scaled by `scale`) as a LeafPlan, or nullopt when it is something else (a
// phrase, a group with one, ...) or matches nothing. `wildcard`: what `query` is when it is the
// word being typed.
std::optional<LeafPlan> plan_leaf(TermMemo& terms, const Xapian::Query& query, double scale,
                                  const Wildcard* wildcard = nullptr);

class Bm25Leaf : public Xapian::PostingSource {
 public:
  Bm25Leaf(std::shared_ptr<const LeafPlan> plan, std::shared_ptr<const DocumentLengths> lengths)
      : plan_(std::move(plan)), lengths_(std::move(lengths)) {}

  Xapian::doccount get_termfreq_min() const override { return plan_->min; }
  Xapian::doccount get_termfreq_est() const override { return plan_->est; }
  Xapian::doccount get_termfreq_max() const override { return plan_->max; }
  void init(const Xapian::Database& db) override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return started_ && current_ == 0; }
  Xapian::docid get_docid() const override { return current_; }
  double get_weight() const override;
  Bm25Leaf* clone() const override { return new Bm25Leaf(plan_, lengths_); }
  std::string name() const override { return "madoguchi.Bm25Leaf"; }
  std::string serialise() const override;
  Bm25Leaf* unserialise(const std::string& serialised) const override;
  std::string get_description() const override;

 private:
  void push(uint32_t member);  // into waiting_, unless it has ended
  uint32_t pop_lowest();       // out of waiting_: the member at the lowest document
  void settle();               // current_ and at_current_ from the waiting members
  void settle_term();          // current_ from the one term's position

  std::shared_ptr<const LeafPlan> plan_;
  std::shared_ptr<const DocumentLengths> lengths_;
  Xapian::Database db_;
  // A synonym's postings are the union of its members', merged through a heap as Xapian's OR tree
  // would (a scan of every member per posting cost a 40-completion prefix twice Xapian's time).
  std::vector<Xapian::PostingIterator> members_;  // one per term (one term: its own, no heap)
  std::vector<Xapian::docid> docs_;               // each member's document, read once per move
  std::vector<uint32_t> waiting_;                 // members past current_: a heap, lowest document on top
  std::vector<uint32_t> at_current_;              // members at current_
  Bm25Term bm25_{1, 0, 0, 0};
  Xapian::docid current_ = 0;  // 0 before the start and at the end
  bool started_ = false;
};

// `plan` as a query leaf.
Xapian::Query leaf_query(LeafPlan plan, std::shared_ptr<const DocumentLengths> lengths);

// Lets `registry` unserialise Bm25Leaf sources, reading lengths from `lengths`.
void register_leaves(Xapian::Registry& registry, std::shared_ptr<const DocumentLengths> lengths);

}  // namespace madoguchi
