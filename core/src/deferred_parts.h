// Two-stage matching (issue 6): the plan's light leaves over common terms are weighed only on the
// best candidates of the rest, not over the whole index.
//
// Why: at 100k entries a keystroke late in a long sentence ORs 50 to 100 leaves, most of them
// character bigrams (XB, 0.2 of a word) and question-field terms (XQ, 0.25) of common words, and
// together they match nearly every entry; Xapian 1.4's OR tree cannot prune postings while their
// maximum weights still add up to more than the 20th best score, so every posting of every leaf
// is merged (get_mset was 90% of a keystroke's instructions). A bigram or question leaf found in
// more than `common_share` of the entries adds little weight and reaches most of the index: the
// first stage matches without those leaves, then they are weighed on its `candidates` best
// documents only and their weights added (the same BM25 weights as in one OR: a leaf's weight
// does not depend on the other leaves). A document that only those common leaves match, or that
// they would lift from below the first stage's 50th place into the top 20, is missed; rarer
// bigrams (MeCab's split differs on the two sides: 街灯 in the query, 街|灯 in the entry) stay in
// the first stage, as they find entries no word does, except in a long sentence's plan
// (`long_plan_parts`), whose many words find the candidates anyway. On a short query a second
// match costs more than it saves: deferred leaves holding fewer postings than `min_postings` ×
// the entries are matched in one stage as before. Measured: docs/performance.md, fourth round;
// the threshold came down from 1.0 to 0.25 once the candidates were read by their ids
// ("Phrases on the candidates").
//
// In a large index a word leaf (a word, reading or synonym group, not the prefix being typed)
// whose commonest term is in more than `word_common_share` of the entries, and in more than
// `min_word_entries`, is deferred too, when something rarer is left to find the candidates: its
// weight is small (BM25's idf of a term in a third of the entries is about a tenth of a rare
// word's) and walking its postings was much of the keystrokes that had one (市, 尼崎市, 相談, し
// at 100k entries; docs/performance.md, "Common words weighed on the candidates"). In a small
// index the whole match costs less than a second one. Xapian's estimate of the matches then lacks
// the entries only those words hold; the searcher adds them back as Xapian's OR would
// (`deferred_word_share`).
//
// A part with a stand-in (QueryPart::first_stage: a synonym group with a phrase over common
// words) is deferred whatever its size: the first stage matches the stand-in, and each
// candidate's score then trades the stand-in's weight for the part's own, so a candidate scores
// exactly what the one OR gives it. A document that the phrase would lift from below the first
// stage's 50th place is missed (at 100k entries, 25 of 1,709 keystrokes of the benchmark's replay
// changed below their first hit: docs/performance.md, "Phrases on the candidates").
//
// The second stage weighs the deferred leaves through Xapian's matcher, as an OR filtered by the
// candidates; on a local index the single-term leaves (nearly all: bigrams and question words)
// are weighed from their postings instead, with Xapian's own BM25 arithmetic (bm25_term.h), and
// what was read is remembered for the next keystroke (posting_memo.h): the same weights, with
// 60 to 77% of the reads saved at 100k entries.
//
// Thread rule: plain functions over a Database the caller owns.
#pragma once

#include <optional>
#include <string>
#include <vector>
#include <xapian.h>

#include "posting_memo.h"
#include "query_builder.h"
#include "reranker.h"

namespace madoguchi {

struct DeferWeights {
  double common_share = 0.02;       // a bigram or question leaf over more entries than this is deferred
  Xapian::doccount candidates = 50;  // first-stage documents the deferred leaves are weighed on
  double min_postings = 0.25;  // × the entries: deferred leaves holding fewer postings are not deferred
  // A plan of this many parts or more (a long sentence) defers every bigram leaf, rare ones too:
  // its words already choose the candidates, and its bigrams were about a third of its time.
  // At 100k entries p99 6.0 -> 4.7 ms, dev-split and 100k-benchmark nDCG@10 unchanged
  // (docs/performance.md, "Long sentences: every bigram weighed on the candidates").
  size_t long_plan_parts = 30;
  double word_common_share = 0.3;  // a word leaf over more entries than this share, and
  Xapian::doccount min_word_entries = 10000;  // than this number, is deferred (SearcherOptions)
};

// A deferred leaf that is one term, scaled by `factor`.
struct DeferredTerm {
  std::string term;
  double factor = 1;
  Xapian::doccount frequency = 0;  // the entries holding it
};

// One leaf of SplitPlan::first, with what a local index needs to weigh it itself (bm25_leaf.h).
struct FirstStageLeaf {
  Xapian::Query query;
  double scale = 1;
  std::optional<Wildcard> wildcard;
};

struct SplitPlan {
  Xapian::Query first;     // the OR of the parts matched over the whole index
  std::vector<FirstStageLeaf> first_leaves;  // `first`'s leaves, in its order
  Xapian::Query deferred;  // the OR of the deferred leaves (empty: nothing deferred, `first` is the plan's query)
  Xapian::Query stand_ins;  // the OR of the stand-ins `first` holds for deferred parts (QueryPart::first_stage)
  // The share of the entries holding a deferred word leaf's commonest term (combined as if
  // independent, as Xapian estimates an OR): what `first`'s estimate of the matches lacks.
  double deferred_word_share = 0;
  // `deferred` again, in two: its single-term leaves (nearly all: bigrams, question words), which
  // a local index weighs from their postings (bm25_term.h), and the OR of the others.
  std::vector<DeferredTerm> deferred_terms;
  Xapian::Query deferred_others;
};

SplitPlan split_common_parts(TermMemo& terms, const QueryPlan& plan, const DeferWeights& weights = {});

// The first stage's documents (one version per entry, best first), best first after adding the
// deferred leaves' weights and taking away their stand-ins'. `remote_backend`: `db` is a remote
// database (xapian-tcpsrv), which cannot run our posting sources. `postings`: where a local
// index's reads for the deferred single-term leaves are remembered (none: all through Xapian's
// matcher; the same weights either way).
std::vector<RankedDoc> add_deferred_weights(const Xapian::Database& db, std::vector<RankedDoc> first,
                                            const SplitPlan& split, bool remote_backend = false,
                                            PostingMemo* postings = nullptr);

}  // namespace madoguchi
