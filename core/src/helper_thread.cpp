#include "helper_thread.h"

#include <stdexcept>
#include <utility>

#ifdef __linux__
#include <sched.h>
#endif

namespace madoguchi {
namespace {

int current_cpu() {
#ifdef __linux__
  return sched_getcpu();
#else
  return -1;  // unknown: only a late start tells
#endif
}

}  // namespace

HelperThread::HelperThread(HandOverPolicy policy) : policy_(policy), thread_([this] { run(); }) {}

HelperThread::~HelperThread() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

bool HelperThread::post(Job job, void* argument) {
  // Nested use would replace the job out (from the caller's half) or wait on itself (from the
  // helper's): both halves of the Searcher's two-core work run one after the other.
  if (busy_.exchange(true)) throw std::logic_error("HelperThread: a second job while one is out");
  const Clock::time_point now = Clock::now();
  {
    std::lock_guard lock(mu_);
    if (!pays_locked(now)) return false;
    const bool asleep = is_asleep_locked(now);
    job_ = job;
    argument_ = argument;
    finished_ = false;
    error_ = nullptr;
    posted_at_ = now;
    posted_asleep_ = asleep;
    posted_from_cpu_ = current_cpu();
    if (asleep) woken_at_ = now;
  }
  wake_.notify_one();
  return true;
}

bool HelperThread::worth_handing_over() {
  std::lock_guard lock(mu_);
  return pays_locked(Clock::now());
}

bool HelperThread::is_asleep_locked(Clock::time_point now) const { return now - last_awake_ > policy_.awake_for; }

bool HelperThread::pays_locked(Clock::time_point now) const {
  return !is_asleep_locked(now) || !woke_slowly_ || now - woken_at_ >= policy_.retry_after;
}

bool HelperThread::take_back() {
  std::lock_guard lock(mu_);
  if (!job_) return false;  // the helper has it: wait() for it
  job_ = nullptr;           // a helper that wakes now finds nothing to do and sleeps again
  argument_ = nullptr;
  // Not started yet: slow only if that took long (the caller's half may have been short).
  if (posted_asleep_ && Clock::now() - posted_at_ > policy_.prompt_start) woke_slowly_ = true;
  return true;
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
    while (!job_ && !stop_) {
      wake_.wait(lock);
      last_awake_ = Clock::now();  // also when the job was taken back: the helper is awake now
    }
    if (stop_) return;
    const Job job = job_;
    void* const argument = argument_;
    job_ = nullptr;
    if (posted_asleep_) {
      const int cpu = current_cpu();
      woke_slowly_ = Clock::now() - posted_at_ > policy_.prompt_start || (cpu >= 0 && cpu == posted_from_cpu_);
    }
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
    last_awake_ = Clock::now();
    done_.notify_one();
  }
}

}  // namespace madoguchi
