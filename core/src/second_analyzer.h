// Analysis on two cores: a second thread with its own Analyzer (a MeCab tagger of its own; the
// Dictionary is shared) takes every other text of a batch while the caller analyzes the rest.
//
// Why: a keystroke that brings new hits analyzes a region of each for its snippet, about 100 µs
// apiece and most of a keystroke's snippet time, while the core the split match used sits idle.
//
// Thread rule: one SecondAnalyzer belongs to one Searcher and is called from its thread only.
#pragma once

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

#include "madoguchi/analyzer.h"

namespace madoguchi {

class SecondAnalyzer {
 public:
  explicit SecondAnalyzer(std::shared_ptr<const Dictionary> dictionary);
  ~SecondAnalyzer();
  SecondAnalyzer(const SecondAnalyzer&) = delete;
  SecondAnalyzer& operator=(const SecondAnalyzer&) = delete;

  // What `own.analyze(text)` gives for each of `texts`, in order. The second thread takes the
  // texts at odd positions when there are two or more. What either thread throws is thrown
  // here, after both have finished with `texts`.
  std::vector<std::vector<Token>> analyze_all(Analyzer& own, const std::vector<std::string_view>& texts);

 private:
  void run();

  Analyzer analyzer_;  // the second thread's
  std::mutex mu_;
  std::condition_variable wake_, done_;
  const std::vector<std::string_view>* texts_ = nullptr;  // GUARDED_BY(mu_): the batch to share
  std::vector<std::vector<Token>>* out_ = nullptr;        // GUARDED_BY(mu_): where its half goes
  bool finished_ = false;                                 // GUARDED_BY(mu_)
  std::exception_ptr error_;                              // GUARDED_BY(mu_): what its half threw
  bool stop_ = false;                                     // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace madoguchi
