#include "second_analyzer.h"

namespace madoguchi {

SecondAnalyzer::SecondAnalyzer(std::shared_ptr<const Dictionary> dictionary)
    : analyzer_(std::move(dictionary)), thread_([this] { run(); }) {}

SecondAnalyzer::~SecondAnalyzer() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

std::vector<std::vector<Token>> SecondAnalyzer::analyze_all(Analyzer& own, const std::vector<std::string_view>& texts) {
  std::vector<std::vector<Token>> out(texts.size());
  if (texts.size() < 2) {
    for (size_t i = 0; i < texts.size(); ++i) out[i] = own.analyze(texts[i]);
    return out;
  }
  {
    std::lock_guard lock(mu_);
    texts_ = &texts;
    out_ = &out;
    finished_ = false;
    error_ = nullptr;
  }
  wake_.notify_one();
  // Each slot of `out` is written by one thread only: the even ones here, the odd ones there.
  std::exception_ptr own_error;
  try {
    for (size_t i = 0; i < texts.size(); i += 2) out[i] = own.analyze(texts[i]);
  } catch (...) {
    own_error = std::current_exception();  // the second thread still reads `texts`: wait for it first
  }
  std::unique_lock lock(mu_);
  done_.wait(lock, [&] { return finished_; });
  out_ = nullptr;
  if (own_error) std::rethrow_exception(own_error);
  if (error_) std::rethrow_exception(error_);
  return out;
}

void SecondAnalyzer::run() {
  std::unique_lock lock(mu_);
  for (;;) {
    wake_.wait(lock, [&] { return texts_ || stop_; });
    if (stop_) return;
    const std::vector<std::string_view>& texts = *texts_;
    std::vector<std::vector<Token>>& out = *out_;
    texts_ = nullptr;
    lock.unlock();
    std::exception_ptr error;  // analyze() takes any text; a failed allocation is what can throw
    try {
      for (size_t i = 1; i < texts.size(); i += 2) out[i] = analyzer_.analyze(texts[i]);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    error_ = error;
    finished_ = true;
    done_.notify_one();
  }
}

}  // namespace madoguchi
