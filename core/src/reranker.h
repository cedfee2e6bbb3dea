// Re-ranks the best candidates of a search (DESIGN §6): BM25 finds them, then each gains in
// proportion to how much of its question the query accounts for (the share of the entry's
// question words, XQ, that the query also has). A caller's question seldom repeats an FAQ
// question word for word, but the entry whose question is mostly made of the caller's words is
// the one asked about; BM25 alone prefers long entries that mention many query words in passing.
// Works from the index alone (the question terms and the question-length value), never from
// document data.
//
// Measured on the localgovFAQ dev split (README "Search quality"): kanji +0.006 nDCG@10,
// hiragana +0.019, one-typo +0.012. IDF-weighted coverage of the query by the question or the
// entry, and proximity of adjacent query words, did not help (±0.005, not in both halves).
//
// Thread rule: plain functions over a Database the caller owns.
#pragma once

#include <string>
#include <vector>
#include <xapian.h>

#include "query_builder.h"
#include "posting_memo.h"
#include "question_memo.h"

namespace madoguchi {

struct RerankWeights {
  Xapian::doccount depth = 20;    // how many of BM25's best are re-ordered (20 does as well as 50)
  double question_precision = 0.6;  // × the best BM25 score × share of the question's words in the query
};

struct RankedDoc {
  Xapian::docid doc = 0;
  double score = 0;  // final score
  double extra = 0;  // what the re-ranker added (MatchExplanation route "rerank")
  std::string entry;  // the entry id where the match read it anyway (Xapian's collapse key), else ""
};

// The best `limit` of `ranked` (BM25's order, best first; `extra` 0) after re-ranking its first
// `weights.depth` documents. `remote_backend`: `db` answers through the network (xapian-tcpsrv),
// so the counts come from one match instead of posting-list walks; the result is the same.
// `memo` and `postings` (optional, local indexes) keep what the walks read for the next call at
// this revision: question lengths, and question terms' postings (shared with the second stage).
std::vector<RankedDoc> rerank(const Xapian::Database& db, const QueryPlan& plan, std::vector<RankedDoc> ranked,
                              size_t limit, const RerankWeights& weights = {}, bool remote_backend = false,
                              QuestionMemo* memo = nullptr, PostingMemo* postings = nullptr);

}  // namespace madoguchi
