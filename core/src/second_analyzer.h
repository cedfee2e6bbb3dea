// Analysis on two cores: the helper thread, with an Analyzer of its own (a MeCab tagger of its
// own; the Dictionary is shared), takes every other text of a batch while the caller analyzes
// the rest.
//
// Why: a keystroke that brings new hits analyzes a region of each for its snippet, about 100 µs
// apiece and most of a keystroke's snippet time, while the core the split match used sits idle.
//
// Thread rule: one SecondAnalyzer belongs to one Searcher and is called from its thread only.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "helper_thread.h"
#include "madoguchi/analyzer.h"

namespace madoguchi {

class SecondAnalyzer {
 public:
  // `helper` is shared with the Searcher's other two-core work and must outlive this.
  SecondAnalyzer(std::shared_ptr<const Dictionary> dictionary, HelperThread& helper);
  SecondAnalyzer(const SecondAnalyzer&) = delete;
  SecondAnalyzer& operator=(const SecondAnalyzer&) = delete;

  // What `own.analyze(text)` gives for each of `texts`, in order. The helper thread takes the
  // texts at odd positions when there are two or more (or the caller does, after its own, when
  // the helper would not start promptly: helper_thread.h). What either thread throws is thrown
  // here, after both have finished with `texts`.
  std::vector<std::vector<Token>> analyze_all(Analyzer& own, const std::vector<std::string_view>& texts);

 private:
  Analyzer analyzer_;  // for the odd texts, on whichever thread runs them (never two at once)
  HelperThread& helper_;
};

}  // namespace madoguchi
