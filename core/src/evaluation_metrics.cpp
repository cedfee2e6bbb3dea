// Elasticsearch rank-eval formulas: gain 2^grade - 1, discount log2(rank + 1), ideal DCG from the
// query's own grades; relevant means grade >= 1.
#include <algorithm>
#include <cmath>
#include <limits>

#include "madoguchi/evaluation.h"

namespace madoguchi {

Metrics score_ranking(const std::vector<std::string>& ranked, const std::map<std::string, int>& grades, int k) {
  Metrics m;
  const size_t n = std::min(ranked.size(), size_t(std::max(k, 0)));
  double dcg = 0;
  int relevant_found = 0;
  for (size_t i = 0; i < n; ++i) {
    auto g = grades.find(ranked[i]);
    const int grade = g == grades.end() ? 0 : g->second;
    dcg += (std::pow(2.0, grade) - 1) / std::log2(double(i) + 2);
    if (grade >= 1) {
      ++relevant_found;
      if (m.mrr == 0) m.mrr = 1.0 / double(i + 1);
    }
  }
  std::vector<int> ideal;
  int relevant_total = 0;
  for (const auto& [doc, grade] : grades) {
    ideal.push_back(grade);
    if (grade >= 1) ++relevant_total;
  }
  std::sort(ideal.rbegin(), ideal.rend());
  double idcg = 0;
  for (size_t i = 0; i < ideal.size() && i < size_t(std::max(k, 0)); ++i)
    idcg += (std::pow(2.0, ideal[i]) - 1) / std::log2(double(i) + 2);
  m.ndcg = idcg > 0 ? dcg / idcg : 0;
  m.recall = relevant_total > 0 ? double(relevant_found) / relevant_total : 0;
  m.precision = n > 0 ? double(relevant_found) / double(n) : 0;
  return m;
}

KeystrokeSummary summarize_keystrokes(const std::vector<std::optional<double>>& fractions,
                                      const std::vector<bool>& answered_full) {
  KeystrokeSummary s;
  if (fractions.empty()) return s;
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> values;
  size_t answered = 0;
  for (const auto& f : fractions) {
    values.push_back(f.value_or(inf));
    if (f) ++answered;
  }
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  if (std::isfinite(median)) s.median_fraction = median;
  s.answered_at_some_prefix = double(answered) / double(n);
  size_t full = size_t(std::count(answered_full.begin(), answered_full.end(), true));
  s.answered_at_full_length = answered_full.empty() ? 0 : double(full) / double(answered_full.size());
  return s;
}

}  // namespace madoguchi
