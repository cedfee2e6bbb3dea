#include "helper_thread.h"

#include <stdexcept>
#include <utility>

namespace madoguchi {

HelperThread::HelperThread() : thread_([this] { run(); }) {}

HelperThread::~HelperThread() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void HelperThread::post(Job job, void* argument) {
  // Nested use would replace the job out (from the caller's half) or wait on itself (from the
  // helper's): both halves of the Searcher's two-core work run one after the other.
  if (busy_.exchange(true)) throw std::logic_error("HelperThread: a second job while one is out");
  {
    std::lock_guard lock(mu_);
    job_ = job;
    argument_ = argument;
    finished_ = false;
    error_ = nullptr;
  }
  wake_.notify_one();
}

std::exception_ptr HelperThread::wait() {
  std::unique_lock lock(mu_);
  done_.wait(lock, [&] { return finished_; });
  busy_ = false;
  return std::exchange(error_, nullptr);  // the exception goes with the caller, not kept here
}

void HelperThread::run() {
  std::unique_lock lock(mu_);
  for (;;) {
    wake_.wait(lock, [&] { return job_ || stop_; });
    if (stop_) return;
    const Job job = job_;
    void* const argument = argument_;
    job_ = nullptr;
    lock.unlock();
    std::exception_ptr error;
    try {
      job(argument);
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
