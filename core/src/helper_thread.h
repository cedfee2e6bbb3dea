// A second thread that runs one job at a time beside the caller's own share of the same work:
// the two-core split of a match (split_match.h) and of snippet analysis (second_analyzer.h).
//
// Why one class: handing a job over, waiting for it and carrying back what it threw is the
// same for both, and a Searcher needs one such thread, not one per use.
//
// Thread rule: one HelperThread belongs to one Searcher and is called from its thread only.
#pragma once

#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

namespace madoguchi {

class HelperThread {
 public:
  HelperThread();  // throws std::system_error when the system refuses a thread
  ~HelperThread();
  HelperThread(const HelperThread&) = delete;
  HelperThread& operator=(const HelperThread&) = delete;

  // Runs `theirs` on the helper thread while `mine` runs on the caller's, and returns when both
  // have finished: what either touches stays valid until then. What either threw is thrown
  // here, the caller's first. One job at a time: a nested call throws std::logic_error.
  template <class Theirs, class Mine>
  void run_beside(Theirs& theirs, Mine&& mine) {
    post(&call<Theirs>, std::addressof(theirs));
    std::exception_ptr own_error;
    try {
      mine();
    } catch (...) {
      own_error = std::current_exception();  // the helper may still use what `mine` shares: wait first
    }
    const std::exception_ptr helper_error = wait();
    if (own_error) std::rethrow_exception(own_error);
    if (helper_error) std::rethrow_exception(helper_error);
  }

 private:
  using Job = void (*)(void*);
  template <class F>
  static void call(void* f) {
    (*static_cast<F*>(f))();
  }
  void post(Job job, void* argument);  // throws std::logic_error while a job is out
  std::exception_ptr wait();  // until the posted job finished; what it threw
  void run();

  std::mutex mu_;
  std::condition_variable wake_, done_;
  Job job_ = nullptr;          // GUARDED_BY(mu_): the job to run next
  void* argument_ = nullptr;   // GUARDED_BY(mu_)
  bool finished_ = false;      // GUARDED_BY(mu_): the posted job has finished
  std::exception_ptr error_;   // GUARDED_BY(mu_): what it threw
  bool stop_ = false;          // GUARDED_BY(mu_)
  std::atomic<bool> busy_{false};  // a job is out: from post to the end of wait
  std::thread thread_;         // last: it starts once everything above exists
};

}  // namespace madoguchi
