// A short excerpt of an entry around the words that matched, with byte ranges to highlight,
// computed by our own analyzer so that highlighting agrees with matching.
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "generational_cache.h"
#include "madoguchi/analyzer.h"
#include "query_builder.h"

namespace madoguchi {

struct Snippet {
  std::string text;
  std::vector<std::pair<size_t, size_t>> highlights;  // byte ranges into text
};

// The tokens of texts analyzed before, keyed by the text itself (analysis depends on nothing
// else, so a hit is exactly what analyzing again would give). Consecutive keystrokes mostly show
// the same hits and the same snippet regions: re-analyzing them was most of a keystroke's work.
// Bounded: the texts not used lately are forgotten (generational_cache.h).
// Thread rule: one per Analyzer user (a Searcher); not thread-safe.
class TokenCache {
 public:
  const std::vector<Token>& analyze(Analyzer& analyzer, const std::string& text);
  bool contains(const std::string& text) const { return tokens_.contains(text); }
  // Makes room for `count` more texts, so that texts put in now are all still there when the
  // snippets are cut (up to kTextsPerGeneration of them).
  void make_room(size_t count) { tokens_.make_room(count); }
  void put(std::string text, std::vector<Token> tokens) { tokens_.put(std::move(text), std::move(tokens)); }

 private:
  static constexpr size_t kTextsPerGeneration = 512;
  GenerationalCache<std::string, std::vector<Token>> tokens_{kTextsPerGeneration};
};

// Ranges of `text` whose tokens match the plan (exact terms, readings or typed prefixes).
// `cache` (optional) remembers the analysis of `text`.
std::vector<std::pair<size_t, size_t>> match_ranges(Analyzer& analyzer, const std::string& text,
                                                    const QueryPlan& plan, TokenCache* cache = nullptr);

class SecondAnalyzer;

// Analyzes, on both threads of `second` when given, the regions of `plains` that make_snippet
// would analyze and `cache` lacks: make_snippet then finds every one of them in `cache`.
inline constexpr size_t kSnippetBytes = 300;  // about 100 Japanese characters

void prefetch_snippet_regions(Analyzer& analyzer, SecondAnalyzer* second, TokenCache& cache,
                              const std::vector<const std::string*>& plains, const QueryPlan& plan,
                              size_t max_bytes = kSnippetBytes);

// `max_bytes` bounds the excerpt.
Snippet make_snippet(Analyzer& analyzer, const std::string& plain, const QueryPlan& plan, size_t max_bytes = kSnippetBytes,
                     TokenCache* cache = nullptr);

}  // namespace madoguchi
