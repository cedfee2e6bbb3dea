#include "helper_thread.h"

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
  return error_;
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
