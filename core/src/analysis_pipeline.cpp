#include "analysis_pipeline.h"

#include <algorithm>
#include <cassert>

#include "core_count.h"

namespace madoguchi {

void VersionGroup::complete() {
  std::vector<Date> effective, expires;
  for (const EntryVersion* v : versions) {
    effective.push_back(v->effective);
    expires.push_back(v->expires);
  }
  spans = compute_spans(effective, expires);
  siblings.clear();
  for (size_t k = 0; k < versions.size(); ++k) siblings.push_back({spans[k], versions[k]->title});
}

StoredVersion VersionGroup::stored(size_t k) const { return {*versions[k], spans[k], siblings, int(k)}; }

void build_document(Analyzer& analyzer, const DocumentJob& job, Xapian::Document& doc) {
  const StoredVersion stored = job.group->stored(job.self);
  add_terms(analyzer, stored.version, doc);
  doc.set_data(encode_data(stored));
  set_values(stored, doc);
}

AnalysisPipeline::AnalysisPipeline(std::shared_ptr<const Dictionary> dictionary, Analyzer& inline_analyzer,
                                   std::vector<DocumentJob> jobs, unsigned threads, size_t window)
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
  return core_count();
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
      build_document(analyzer, jobs_[job], doc);
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
    build_document(inline_analyzer_, jobs_[taken_++], doc);
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
