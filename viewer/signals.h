// SIGINT and SIGTERM, handled on a thread of their own: a signal cannot wake glfwWaitEvents, so
// the watcher thread (blocked in sigwait) records it and calls `wake` (glfwPostEmptyEvent). The
// main loop then leaves normally, flushing what it records and saving settings.
//
// Thread rule: construct on the main thread before any other thread starts (GLFW, Mesa and the
// search worker inherit the blocked signal mask).
#pragma once

#include <pthread.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

namespace madoguchi::viewer {

class SignalWatcher {
 public:
  SignalWatcher();
  ~SignalWatcher();
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

  // Set what to call when a signal arrives (may be called later, once the window exists).
  void on_signal(std::function<void()> wake);
  bool fired() const { return signal_.load() != 0; }
  int signal() const { return signal_.load(); }

 private:
  std::atomic<int> signal_{0};
  std::atomic<bool> stopping_{false};
  std::function<void()> wake_;  // GUARDED_BY(wake_mu_)
  std::mutex wake_mu_;
  std::thread thread_;
};

}  // namespace madoguchi::viewer
