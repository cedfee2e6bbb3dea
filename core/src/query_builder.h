// Turns what the operator typed into a Xapian query (DESIGN §6): the same analyzer as the index,
// BM25 over the whole text plus a fraction of the question field, synonyms as OP_SYNONYM over
// phrases, the word being typed as a prefix, kana input against readings.
#pragma once

#include <set>
#include <string>
#include <vector>
#include <xapian.h>

#include "madoguchi/analyzer.h"

namespace madoguchi {

struct QueryPlan {
  Xapian::Query query;
  // What a snippet should highlight: exact terms/readings and prefixes of them.
  std::set<std::string> terms;
  std::vector<std::string> prefixes;
  bool empty() const { return query.empty(); }
};

struct QueryWeights {
  double question = 0.25;  // share of the question-field score added to the whole-text score
  double reading = 1.0;    // reading matches (kana input)
  int max_prefix_expansion = 40;
};

class QueryBuilder {
 public:
  // `synonym_keys`: every key of the index's synonym table (loaded once per revision).
  QueryBuilder(Analyzer& analyzer, const Xapian::Database& db, const std::set<std::string>& synonym_keys,
               QueryWeights weights = {})
      : analyzer_(analyzer), db_(db), synonym_keys_(synonym_keys), weights_(weights) {}

  QueryPlan build(const std::string& text, bool prefix_last_word);

 private:
  Xapian::Query member_query(const std::string& key) const;

  Analyzer& analyzer_;
  const Xapian::Database& db_;
  const std::set<std::string>& synonym_keys_;
  QueryWeights weights_;
};

}  // namespace madoguchi
