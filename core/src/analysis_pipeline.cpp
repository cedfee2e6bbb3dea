#include "analysis_pipeline.h"

#include <algorithm>
#include <cassert>

#include "index_document.h"

namespace madoguchi {

AnalysisPipeline::AnalysisPipeline(std::shared_ptr<const Dictionary> dictionary, Analyzer& inline_analyzer,
                                   std::vector<const EntryVersion*> jobs, unsigned threads, size_t window)
    : jobs_(std::move(jobs)), inline_analyzer_(inline_analyzer), window_(std::max<size_t>(window, 1)) {
  if (threads == 0) return;
  ready_.resize(window_);
  for (unsigned i = 0; i < threads; ++i) analyzers_.push_back(std::make_unique<Analyzer>(dictionary));
  for (auto& a : analyzers_) workers_.emplace_back([this, analyzer = a.get()] { work(*analyzer); });
}

AnalysisPipeline::~AnalysisPipeline() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  for (auto& w : workers_) w.join();
}

unsigned AnalysisPipeline::threads_for(size_t jobs) {
  if (jobs < 64) return 0;
  return std::max(1u, std::thread::hardware_concurrency());
}

void AnalysisPipeline::work(Analyzer& analyzer) {
  for (;;) {
    size_t job = 0;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return stop_ || claimed_ >= jobs_.size() || claimed_ < taken_ + window_; });
      if (stop_ || claimed_ >= jobs_.size()) return;
      job = claimed_++;  // its slot is free: job - window_ was taken already
    }
    Xapian::Document doc;
    std::exception_ptr error;
    try {
      add_terms(analyzer, *jobs_[job], doc);
    } catch (...) {
      error = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (error) {
        if (!error_) error_ = error;
        stop_ = true;
      } else {
        ready_[job % window_] = std::move(doc);
      }
    }
    changed_.notify_all();
  }
}

Xapian::Document AnalysisPipeline::next() {
  if (workers_.empty()) {
    assert(taken_ < jobs_.size());
    Xapian::Document doc;
    add_terms(inline_analyzer_, *jobs_[taken_++], doc);
    return doc;
  }
  std::unique_lock<std::mutex> lock(mutex_);
  assert(taken_ < jobs_.size());
  auto& slot = ready_[taken_ % window_];
  changed_.wait(lock, [&] { return slot.has_value() || error_; });
  if (!slot) std::rethrow_exception(error_);
  Xapian::Document doc = std::move(*slot);
  slot.reset();
  ++taken_;
  lock.unlock();
  changed_.notify_all();
  return doc;
}

}  // namespace madoguchi
