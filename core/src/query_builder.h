// Turns what the operator typed into a Xapian query (DESIGN §6): the same analyzer as the index,
// BM25 over the whole text plus a fraction of the question field, synonyms as OP_SYNONYM over
// phrases, the word being typed as a prefix; kana and romaji input against readings, segmented
// against the index's own reading vocabulary, with one-typo tolerance (issue 10).
#pragma once

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>
#include <xapian.h>

#include "madoguchi/analyzer.h"
#include "reading_vocabulary.h"
#include "synonym_table.h"
#include "term_memo.h"

namespace madoguchi {

// The word being typed as a query asks for it: OP_WILDCARD over `pattern`, limited to the `limit`
// most frequent completions (Xapian's Query does not give them back).
struct Wildcard {
  std::string pattern;
  Xapian::termcount limit = 0;
};

// One weighted leaf of the query: the plan's query is the OR of all parts, so a hit's score is
// the sum of its parts' weights (what --explain shows).
struct QueryPart {
  std::string term;   // what matched, as the index holds it (base form, reading or prefix)
  std::string field;  // index field: "text", "question" or "reading"
  std::string route;  // exact | compound | part | ngram | synonym | prefix | reading | sound | romaji | typo
  Xapian::Query query;
  // Set when `query` is too costly to match over the whole index: what the first stage matches in
  // its place, `query` itself being weighed on the candidates only (deferred_parts.h). So far a
  // synonym group with a phrase over common words: Xapian checks an OP_PHRASE's positions in
  // every entry holding all its words.
  std::optional<Xapian::Query> first_stage;
  double scale = 1;  // the OP_SCALE_WEIGHT factor `query` applies to its subquery (1: none)
  std::optional<Wildcard> wildcard;  // set when `query` is the word being typed
};

struct QueryPlan {
  Xapian::Query query;
  std::vector<QueryPart> parts;
  // What a snippet should highlight: exact terms/readings and prefixes of them. Hashed: each
  // snippet region's every token asks for its term, surface and reading.
  std::unordered_set<std::string> terms;
  std::vector<std::string> prefixes;
  bool empty() const { return query.empty(); }
};

struct QueryWeights {
  double question = 0.25;  // share of the question-field score added to the whole-text score
  double reading = 1.0;    // reading matches (kana input)
  double typo = 0.5;       // a reading one edit away, below an exact one
  double reading_words = 1.0;  // the index words a kana reading stands for (保健所 for ほけんじょ)
  double bigram = 0.2;     // character bigrams (XB), measured: 0.1 and 0.3 no better
  double parts = 1.0;      // index words inside a query noun the dictionary keeps whole (word_parts.h)
  double reading_parts = 0.75;     // the same inside the words a kana reading stands for
  double question_synonyms = 0.5;  // a word's synonyms in the question field, below the word itself
  double unseen_reading = 0.75;    // a word no entry writes, matched by its reading (鳩 -> ハト)
  // A synonym group with a phrase whose rarest word is in more entries than this is weighed on the
  // first stage's candidates (QueryPart::first_stage). At 100k entries 高齢者's group (高齢 in
  // 14,000, 者 in 43,000) took 5 ms a keystroke, 2.5 ms of it checking the phrase's positions
  // (docs/performance.md, "Phrases on the candidates").
  Xapian::doccount costly_phrase_postings = 2000;
  int max_prefix_expansion = 40;
  // A one-character stem (年, し) starts the index's most common words: matching their postings was
  // a fifth of the median keystroke at 100k entries. Its 3 most frequent completions: keystrokes
  // to answer 0.205 -> 0.200 of the query, 82.8% -> 83.6% answered at some prefix, full queries
  // unchanged (0 completions: 0.212; 1: 0.200 but 82.8%). README "Search quality".
  int max_prefix_expansion_one_character = 3;
};

class QueryBuilder {
 public:
  // `synonyms`: the index's synonym table (synonym_table.h); `readings`: its reading vocabulary
  // (both loaded once per revision; `readings` may be null, then kana input is not segmented).
  QueryBuilder(Analyzer& analyzer, TermMemo& terms, const SynonymTable& synonyms,
               const ReadingVocabulary* readings = nullptr, QueryWeights weights = {})
      : analyzer_(analyzer), terms_(terms), synonyms_(synonyms), readings_(readings), weights_(weights) {}

  QueryPlan build(const std::string& text, bool prefix_last_word);

 private:
  Xapian::Query member_query(const std::string& key) const;

  Analyzer& analyzer_;
  TermMemo& terms_;  // the index's term frequencies, remembered for this revision
  const SynonymTable& synonyms_;
  const ReadingVocabulary* readings_;
  QueryWeights weights_;
};

}  // namespace madoguchi
