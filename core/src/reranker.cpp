#include "reranker.h"

#include <algorithm>
#include <string>

#include "madoguchi/schema.h"

namespace madoguchi {

std::vector<RankedDoc> rerank(const Xapian::Database& db, const QueryPlan& plan, std::vector<RankedDoc> ranked,
                              size_t limit, const RerankWeights& weights) {
  const size_t depth = std::min<size_t>(ranked.size(), weights.depth);
  // Every entry must carry its question length (value slot 4): an index built before the slot
  // existed is not re-ranked at all rather than unevenly, until a write adds the slot
  // (add_missing_question_words in index_writer.cpp).
  if (depth >= 2 && weights.question_precision > 0 &&
      db.get_value_freq(schema::kSlotQuestionWords) == db.get_doccount()) {
    // The query's question-field terms (XQ: its words, and the words its readings stand for).
    const std::string xq(schema::kQuestion), xqr(schema::kQuestionReading);
    std::vector<std::string> query_terms;
    for (const auto& part : plan.parts) {
      if (part.field != "question" || part.route == "prefix") continue;
      for (auto t = part.query.get_unique_terms_begin(); t != part.query.get_unique_terms_end(); ++t)
        if ((*t).compare(0, xq.size(), xq) == 0 && (*t).compare(0, xqr.size(), xqr) != 0) query_terms.push_back(*t);
    }
    std::sort(query_terms.begin(), query_terms.end());
    query_terms.erase(std::unique(query_terms.begin(), query_terms.end()), query_terms.end());

    // Candidates in docid order, so that each posting list and the value stream are walked once.
    std::vector<size_t> by_doc(depth);
    for (size_t k = 0; k < depth; ++k) by_doc[k] = k;
    std::sort(by_doc.begin(), by_doc.end(), [&](size_t a, size_t b) { return ranked[a].doc < ranked[b].doc; });
    std::vector<unsigned> shared(depth, 0);
    for (const auto& term : query_terms) {
      auto p = db.postlist_begin(term);
      const auto end = db.postlist_end(term);
      for (size_t k : by_doc) {
        if (p == end) break;
        p.skip_to(ranked[k].doc);
        if (p != end && *p == ranked[k].doc) ++shared[k];
      }
    }
    bool changed = false;
    const double top = ranked.front().score;
    auto v = db.valuestream_begin(schema::kSlotQuestionWords);
    const auto v_end = db.valuestream_end(schema::kSlotQuestionWords);
    for (size_t k : by_doc) {
      if (v == v_end) break;
      v.skip_to(ranked[k].doc);
      if (v == v_end || v.get_docid() != ranked[k].doc || !shared[k]) continue;
      const double words = Xapian::sortable_unserialise(*v);
      if (words < 1) continue;
      ranked[k].extra = top * weights.question_precision * std::min(1.0, double(shared[k]) / words);
      ranked[k].score += ranked[k].extra;
      changed = true;
    }
    if (changed)
      std::stable_sort(ranked.begin(), ranked.begin() + long(depth),
                       [](const RankedDoc& a, const RankedDoc& b) { return a.score > b.score; });
  }
  if (ranked.size() > limit) ranked.resize(limit);
  return ranked;
}

}  // namespace madoguchi
