#include "second_analyzer.h"

namespace madoguchi {

SecondAnalyzer::SecondAnalyzer(std::shared_ptr<const Dictionary> dictionary, HelperThread& helper)
    : analyzer_(std::move(dictionary)), helper_(helper) {}

std::vector<std::vector<Token>> SecondAnalyzer::analyze_all(Analyzer& own, const std::vector<std::string_view>& texts) {
  std::vector<std::vector<Token>> out(texts.size());
  if (texts.size() < 2) {
    for (size_t i = 0; i < texts.size(); ++i) out[i] = own.analyze(texts[i]);
    return out;
  }
  // Each slot of `out` is written by one thread only: the odd ones there, the even ones here.
  auto odd = [&] {
    for (size_t i = 1; i < texts.size(); i += 2) out[i] = analyzer_.analyze(texts[i]);
  };
  helper_.run_beside(odd, [&] {
    for (size_t i = 0; i < texts.size(); i += 2) out[i] = own.analyze(texts[i]);
  });
  return out;
}

}  // namespace madoguchi
