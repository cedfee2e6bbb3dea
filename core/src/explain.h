// Why a hit matched (issue 10, item 6): each query part's weight in one document, found by
// matching that part alone against the document. BM25 weights of OR'ed parts add up, so the
// parts' weights sum to the hit's score; what rounding leaves over is spread proportionally.
#pragma once

#include <vector>
#include <xapian.h>

#include "madoguchi/analyzer.h"
#include "madoguchi/corpus.h"
#include "madoguchi/searcher.h"
#include "query_builder.h"

namespace madoguchi {

// `score`: the hit's score (its Xapian weight plus any re-ranking bonus in `extra`, which is
// reported as its own "rerank" part).
std::vector<MatchExplanation> explain_match(const Xapian::Database& db, Analyzer& analyzer, const QueryPlan& plan,
                                            Xapian::docid doc, const EntryVersion& version, double score,
                                            double extra = 0);

}  // namespace madoguchi
