#include "snippet.h"

#include <algorithm>

#include "normalizer.h"
#include "second_analyzer.h"

namespace madoguchi {
namespace {

bool starts_with(const std::string& s, const std::string& p) { return s.size() >= p.size() && s.compare(0, p.size(), p) == 0; }

bool matches(const Token& t, const QueryPlan& plan) {
  for (const std::string* s : {&t.term, &t.surface, &t.reading}) {
    if (s->empty()) continue;
    if (plan.terms.count(*s)) return true;
    for (const auto& p : plan.prefixes)
      if (starts_with(*s, p)) return true;
  }
  return false;
}

}  // namespace

const std::vector<Token>& TokenCache::analyze(Analyzer& analyzer, const std::string& text) {
  if (const auto* known = tokens_.find(text)) return *known;
  return tokens_.put(text, analyzer.analyze(text));
}

std::vector<std::pair<size_t, size_t>> match_ranges(Analyzer& analyzer, const std::string& text,
                                                    const QueryPlan& plan, TokenCache* cache) {
  std::vector<std::pair<size_t, size_t>> ranges;
  std::vector<Token> uncached;
  if (!cache) uncached = analyzer.analyze(text);
  for (const Token& t : cache ? cache->analyze(analyzer, text) : uncached) {
    if (t.kind == TokenKind::kNgram && !plan.terms.count(t.term)) continue;
    if (matches(t, plan)) ranges.emplace_back(t.begin, t.end);
  }
  std::sort(ranges.begin(), ranges.end());
  // Merge overlaps (a compound and its parts).
  std::vector<std::pair<size_t, size_t>> merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && r.first <= merged.back().second) merged.back().second = std::max(merged.back().second, r.second);
    else merged.push_back(r);
  }
  return merged;
}

// MeCab over a whole long answer is most of a search's time (per hit, per keystroke): analyze
// only a region twice the snippet's size, starting a little before the first literal occurrence
// of a query term (or at the start when there is none, e.g. only an inflected form matched).
namespace {

// The byte range of `plain` analyzed for its snippet.
std::pair<size_t, size_t> snippet_region(const std::string& plain, const QueryPlan& plan, size_t max_bytes) {
  if (plain.size() <= 2 * max_bytes) return {0, plain.size()};
  size_t first = std::string::npos;
  for (const auto& t : plan.terms) first = std::min(first, plain.find(t));
  for (const auto& p : plan.prefixes) first = std::min(first, plain.find(p));
  const size_t lead = max_bytes / 4;
  const size_t begin = first == std::string::npos || first < lead ? 0 : code_point_start(plain, first - lead);
  size_t end = std::min(plain.size(), begin + 2 * max_bytes);
  if (end < plain.size()) end = code_point_start(plain, end);
  return {begin, end};
}

std::vector<std::pair<size_t, size_t>> ranges_near_matches(Analyzer& analyzer, const std::string& plain,
                                                           const QueryPlan& plan, size_t max_bytes,
                                                           TokenCache* cache) {
  const auto [begin, end] = snippet_region(plain, plan, max_bytes);
  if (begin == 0 && end == plain.size()) return match_ranges(analyzer, plain, plan, cache);
  auto ranges = match_ranges(analyzer, plain.substr(begin, end - begin), plan, cache);
  for (auto& r : ranges) r = {r.first + begin, r.second + begin};
  return ranges;
}

}  // namespace

void prefetch_snippet_regions(Analyzer& analyzer, SecondAnalyzer* second, TokenCache& cache,
                              const std::vector<const std::string*>& plains, const QueryPlan& plan,
                              size_t max_bytes) {
  // Room first: emptying the cache after looking would drop regions counted as there.
  cache.make_room(plains.size());
  std::vector<std::string> missing;
  for (const std::string* plain : plains) {
    const auto [begin, end] = snippet_region(*plain, plan, max_bytes);
    std::string region = plain->substr(begin, end - begin);
    if (!cache.contains(region) && std::find(missing.begin(), missing.end(), region) == missing.end())
      missing.push_back(std::move(region));
  }
  if (missing.empty()) return;
  const std::vector<std::string_view> texts(missing.begin(), missing.end());
  std::vector<std::vector<Token>> tokens;
  if (second) {
    tokens = second->analyze_all(analyzer, texts);
  } else {
    for (const auto& text : texts) tokens.push_back(analyzer.analyze(text));
  }
  for (size_t i = 0; i < missing.size(); ++i) cache.put(std::move(missing[i]), std::move(tokens[i]));
}

Snippet make_snippet(Analyzer& analyzer, const std::string& plain, const QueryPlan& plan, size_t max_bytes,
                     TokenCache* cache) {
  auto ranges = ranges_near_matches(analyzer, plain, plan, max_bytes, cache);
  size_t start = 0;
  if (!ranges.empty() && plain.size() > max_bytes) {
    size_t best = 0, best_count = 0;
    for (size_t i = 0; i < ranges.size(); ++i) {
      size_t count = 0;
      for (size_t k = i; k < ranges.size() && ranges[k].second <= ranges[i].first + max_bytes; ++k) ++count;
      if (count > best_count) best_count = count, best = i;
    }
    const size_t lead = max_bytes / 8;
    start = ranges[best].first > lead ? code_point_start(plain, ranges[best].first - lead) : 0;
  }
  size_t end = std::min(plain.size(), start + max_bytes);
  if (end < plain.size()) end = code_point_start(plain, end);

  Snippet s;
  const std::string ellipsis = "…";
  if (start > 0) s.text = ellipsis;
  const size_t shift = s.text.size();
  s.text.append(plain, start, end - start);
  if (end < plain.size()) s.text += ellipsis;
  for (const auto& r : ranges) {
    if (r.first < start || r.second > end) continue;
    s.highlights.emplace_back(r.first - start + shift, r.second - start + shift);
  }
  return s;
}

}  // namespace madoguchi
