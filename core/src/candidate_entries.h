// The entries of a search's best candidates as one boolean query over their id terms (XID), for
// the second matches that weigh something on those candidates only (deferred_parts.h, reranker.h).
//
// Why a query, not posting-list walks or value reads per candidate: a second Enquire restricted
// to the candidates is one round trip to a remote backend (xapian-tcpsrv), where a posting list
// crosses the network whole and a value stream one document at a time. Walking the question
// terms' posting lists cost a remote seat about 44 ms a keystroke at 100k entries
// (docs/performance.md, "Remote seats").
//
// Thread rule: a plain function over a Database the caller owns.
#pragma once

#include <cstddef>
#include <vector>
#include <xapian.h>

#include "reranker.h"

namespace madoguchi {

// OP_OR of the id terms of the first `count` documents of `ranked` (every version of those
// entries matches it; callers read back only the candidates' own documents). The id comes from
// RankedDoc::entry where the match already knew it (Xapian's collapse key), else from the
// document's id value.
Xapian::Query candidate_entries(const Xapian::Database& db, const std::vector<RankedDoc>& ranked, size_t count);

}  // namespace madoguchi
