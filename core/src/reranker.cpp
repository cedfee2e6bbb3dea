#include "reranker.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "candidate_entries.h"
#include "madoguchi/schema.h"

namespace madoguchi {
namespace {

// For each of the first `depth` candidates: how many of `terms` its document holds, and its
// question length (value slot 4).
struct QuestionCounts {
  std::vector<double> shared;
  std::vector<double> words;
};

// A local index: each term's posting list and the value stream walked once, in docid order, for
// the candidates whose answer the memos do not hold yet (the second stage has usually read the
// question terms' postings on these candidates already: posting_memo.h). XQ terms are always
// indexed with a wdf (index_document.cpp), so a wdf above 0 is a posting.
QuestionCounts counts_by_walking(const Xapian::Database& db, const std::vector<std::string>& terms,
                                 const std::vector<RankedDoc>& ranked, size_t depth, PostingMemo& postings,
                                 QuestionMemo& memo) {
  QuestionCounts c{std::vector<double>(depth, 0), std::vector<double>(depth, 0)};
  std::vector<size_t> by_doc(depth);
  for (size_t k = 0; k < depth; ++k) by_doc[k] = k;
  std::sort(by_doc.begin(), by_doc.end(), [&](size_t a, size_t b) { return ranked[a].doc < ranked[b].doc; });
  std::vector<Xapian::docid> docs;
  for (size_t k : by_doc) docs.push_back(ranked[k].doc);
  for (const auto& term : terms) {
    const std::vector<Xapian::termcount> wdfs = postings.wdfs(db, term, docs);
    for (size_t i = 0; i < by_doc.size(); ++i)
      if (wdfs[i] > 0) ++c.shared[by_doc[i]];
  }
  std::vector<size_t> unknown;
  for (size_t k : by_doc) {
    if (const auto words = memo.question_words(ranked[k].doc)) c.words[k] = *words;
    else unknown.push_back(k);
  }
  if (unknown.empty()) return c;
  auto v = db.valuestream_begin(schema::kSlotQuestionWords);
  const auto v_end = db.valuestream_end(schema::kSlotQuestionWords);
  for (size_t k : unknown) {
    if (v != v_end) v.skip_to(ranked[k].doc);
    if (v != v_end && v.get_docid() == ranked[k].doc) c.words[k] = Xapian::sortable_unserialise(*v);
    memo.remember_question_words(ranked[k].doc, c.words[k]);
  }
  return c;
}

// A remote backend, where a posting list crosses the network whole (44 ms a keystroke at 100k
// entries) and a value stream one document per round trip: one match over the candidates'
// entries (candidate_entries.h), each term weighing 1 (CoordWeight), so a hit's weight is its
// shared count, sorted by question length so that each hit carries that value as its sort key.
// Locally the walk is cheaper (the sort reads each hit's value on its own).
QuestionCounts counts_by_matching(const Xapian::Database& db, const std::vector<std::string>& terms,
                                  const std::vector<RankedDoc>& ranked, size_t depth) {
  QuestionCounts c{std::vector<double>(depth, 0), std::vector<double>(depth, 0)};
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::CoordWeight());
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                                  candidate_entries(db, ranked, depth)));
  enquire.set_sort_by_relevance_then_value(schema::kSlotQuestionWords, false);
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  std::unordered_map<Xapian::docid, size_t> position;
  for (size_t k = 0; k < depth; ++k) position.emplace(ranked[k].doc, k);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const auto at = position.find(*it);
    if (at == position.end()) continue;  // another version of a candidate's entry
    c.shared[at->second] = it.get_weight();
    c.words[at->second] = Xapian::sortable_unserialise(it.get_sort_key());
  }
  return c;
}

}  // namespace

std::vector<RankedDoc> rerank(const Xapian::Database& db, const QueryPlan& plan, std::vector<RankedDoc> ranked,
                              size_t limit, const RerankWeights& weights, bool remote_backend, QuestionMemo* memo,
                              PostingMemo* postings) {
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

    QuestionMemo local_memo;        // when the caller keeps none
    PostingMemo local_postings;     // likewise
    const QuestionCounts counts = query_terms.empty() ? QuestionCounts{}
                                  : remote_backend    ? counts_by_matching(db, query_terms, ranked, depth)
                                                      : counts_by_walking(db, query_terms, ranked, depth,
                                                                          postings ? *postings : local_postings,
                                                                          memo ? *memo : local_memo);
    bool changed = false;
    const double top = ranked.front().score;
    for (size_t k = 0; k < counts.shared.size(); ++k) {
      if (counts.shared[k] <= 0 || counts.words[k] < 1) continue;
      ranked[k].extra = top * weights.question_precision * std::min(1.0, counts.shared[k] / counts.words[k]);
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
