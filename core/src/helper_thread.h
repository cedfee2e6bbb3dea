// A second thread that runs one job at a time beside the caller's own share of the same work:
// the two-core split of a match (split_match.h) and of snippet analysis (second_analyzer.h).
//
// Why one class: handing a job over, waiting for it and carrying back what it threw is the
// same for both, and a Searcher needs one such thread, not one per use.
//
// Why it sometimes does not hand over: on a virtual machine, a CPU that sat idle for a few
// tens of milliseconds (an operator's pause between keys) can take one to three milliseconds
// to come back, and meanwhile the woken helper is queued on the caller's own CPU, where it
// preempts the caller: the two halves then run one after the other, plus the switches
// (docs/performance.md, "A sleeping second core"). So the helper notes how a job handed over
// after such a pause started; when it started late or on the caller's CPU, jobs after a pause
// run on the caller's thread, and after `retry_after` one is handed over again to see anew. A
// helper that has just woken (for a job, or to find one taken back) gets jobs whatever it did
// last time, so keystrokes in quick succession use both cores from the second one on; a
// machine whose idle cores wake promptly uses both after pauses too.
//
// Thread rule: one HelperThread belongs to one Searcher and is called from its thread only.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

namespace madoguchi {

struct HandOverPolicy {
  // A helper that woke or finished a job this recently is still awake: always hand over.
  std::chrono::microseconds awake_for{std::chrono::milliseconds(10)};
  // A job handed over after a longer pause that started within this, on another CPU than the
  // caller's, was worth handing over.
  std::chrono::microseconds prompt_start{200};
  // After a slow start, how long jobs after a pause stay on the caller's thread.
  std::chrono::microseconds retry_after{std::chrono::seconds(30)};
  // A job the helper has not started when the caller's half is done runs on the caller's thread.
  bool take_back = true;

  // Every job handed over and waited for, whatever happened last time: the two threads always
  // run side by side, for tests and measurements of that path.
  static HandOverPolicy always() { return {.retry_after = std::chrono::microseconds(0), .take_back = false}; }
};

class HelperThread {
 public:
  explicit HelperThread(HandOverPolicy policy = {});  // throws std::system_error when the system refuses a thread
  ~HelperThread();
  HelperThread(const HelperThread&) = delete;
  HelperThread& operator=(const HelperThread&) = delete;

  // Runs `theirs` on the helper thread while `mine` runs on the caller's, and returns when both
  // have finished: what either touches stays valid until then. `theirs` runs on the caller's
  // thread instead, after `mine`, when the policy says the helper would wake too slowly, or
  // (HandOverPolicy::take_back) when the helper has not started it by the time `mine` is done.
  // Either way it runs exactly once, never beside itself. What either threw is thrown here, the
  // caller's first. One job at a time: a nested call throws std::logic_error.
  template <class Theirs, class Mine>
  void run_beside(Theirs& theirs, Mine&& mine) {
    const bool handed_over = post(&call<Theirs>, std::addressof(theirs));
    const std::exception_ptr own_error = caught(mine);  // the helper may still use what `mine` shares: wait first
    std::exception_ptr their_error;
    if (!handed_over || (policy_.take_back && take_back())) {
      their_error = caught(theirs);
      busy_ = false;
    } else {
      their_error = wait();
    }
    if (own_error) std::rethrow_exception(own_error);
    if (their_error) std::rethrow_exception(their_error);
  }

  // Whether run_beside would hand a job over now (HandOverPolicy). Work that is done
  // differently on one thread asks first.
  bool worth_handing_over();

 private:
  using Clock = std::chrono::steady_clock;
  using Job = void (*)(void*);
  template <class F>
  static void call(void* f) {
    (*static_cast<F*>(f))();
  }
  template <class F>
  static std::exception_ptr caught(F& f) {
    try {
      f();
    } catch (...) {
      return std::current_exception();
    }
    return nullptr;
  }
  // Hands the job to the helper, or returns false when the policy keeps it on the caller's
  // thread. Throws std::logic_error while a job is out.
  bool post(Job job, void* argument);
  bool is_asleep_locked(Clock::time_point now) const;
  bool pays_locked(Clock::time_point now) const;
  bool take_back();  // withdraws the posted job if the helper has not started it
  std::exception_ptr wait();  // until the posted job finished; what it threw
  void run();

  const HandOverPolicy policy_;
  std::mutex mu_;
  std::condition_variable wake_, done_;
  Job job_ = nullptr;          // GUARDED_BY(mu_): the job posted and not yet started (nor taken back)
  void* argument_ = nullptr;   // GUARDED_BY(mu_)
  bool finished_ = false;      // GUARDED_BY(mu_): the posted job has finished
  std::exception_ptr error_;   // GUARDED_BY(mu_): what it threw
  bool stop_ = false;          // GUARDED_BY(mu_)
  // GUARDED_BY(mu_): what the policy needs. When the job out was posted, from which CPU (-1:
  // unknown) and whether the helper was asleep then; when the helper last woke or finished a
  // job; when it was last handed one while asleep, and whether it then started late or on the
  // caller's CPU.
  Clock::time_point posted_at_, last_awake_, woken_at_;
  int posted_from_cpu_ = -1;
  bool posted_asleep_ = false;
  bool woke_slowly_ = false;
  std::atomic<bool> busy_{false};  // a job is out: from post until it has finished, on either thread
  std::thread thread_;         // last: it starts once everything above exists
};

}  // namespace madoguchi
