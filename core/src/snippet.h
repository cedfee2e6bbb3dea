// A short excerpt of an entry around the words that matched, with byte ranges to highlight,
// computed by our own analyzer so that highlighting agrees with matching.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "madoguchi/analyzer.h"
#include "query_builder.h"

namespace madoguchi {

struct Snippet {
  std::string text;
  std::vector<std::pair<size_t, size_t>> highlights;  // byte ranges into text
};

// Ranges of `text` whose tokens match the plan (exact terms, readings or typed prefixes).
std::vector<std::pair<size_t, size_t>> match_ranges(Analyzer& analyzer, const std::string& text,
                                                    const QueryPlan& plan);

// `max_bytes` bounds the excerpt (about 100 Japanese characters at the default).
Snippet make_snippet(Analyzer& analyzer, const std::string& plain, const QueryPlan& plan, size_t max_bytes = 300);

}  // namespace madoguchi
