#include "helper_thread.h"

#include <chrono>
#include <stdexcept>
#include <utility>

#if defined(__x86_64__) || defined(_M_X64) || defined(__i386__)
#include <immintrin.h>
#endif

namespace madoguchi {
namespace {

// How long a side polls before it sleeps: the helper at most this long after each job, the
// caller only while its half is done and the helper's is not. Between keystrokes both sleep.
constexpr std::chrono::microseconds kPollFor{100};

void cpu_relax() {
#if defined(__x86_64__) || defined(_M_X64) || defined(__i386__)
  _mm_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

// Polls `ready` for up to kPollFor. A hint only: the caller then waits on its condition under
// the mutex, which holds at once if the flag came up and is waited for otherwise.
void poll(const std::atomic<bool>& ready) {
  const auto until = std::chrono::steady_clock::now() + kPollFor;
  for (int k = 0; !ready.load(std::memory_order_acquire); ++k) {
    if (k % 64 == 63 && std::chrono::steady_clock::now() >= until) return;
    cpu_relax();
  }
}

}  // namespace

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
    job_finished_.store(false, std::memory_order_relaxed);
    job_posted_.store(true, std::memory_order_release);
  }
  wake_.notify_one();
}

std::exception_ptr HelperThread::wait() {
  poll(job_finished_);
  std::unique_lock lock(mu_);
  done_.wait(lock, [&] { return finished_; });
  busy_ = false;
  return std::exchange(error_, nullptr);  // the exception goes with the caller, not kept here
}

void HelperThread::run() {
  for (;;) {
    poll(job_posted_);  // the next job of the same keystroke is usually close behind
    std::unique_lock lock(mu_);
    wake_.wait(lock, [&] { return job_ || stop_; });
    if (stop_) return;
    const Job job = job_;
    void* const argument = argument_;
    job_ = nullptr;
    job_posted_.store(false, std::memory_order_relaxed);
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
    job_finished_.store(true, std::memory_order_release);
    done_.notify_one();
  }
}

}  // namespace madoguchi
