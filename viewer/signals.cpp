#include "signals.h"

#include <csignal>
#include <mutex>

namespace madoguchi::viewer {
namespace {

sigset_t watched() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGUSR2);  // private: tells the watcher to stop
  return set;
}

}  // namespace

SignalWatcher::SignalWatcher() {
  sigset_t set = watched();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  thread_ = std::thread([this] {
    const sigset_t set = watched();
    for (;;) {
      int sig = 0;
      if (sigwait(&set, &sig) != 0) continue;
      if (stopping_.load()) return;
      if (sig == SIGUSR2) continue;
      signal_.store(sig);
      std::lock_guard lock(wake_mu_);
      if (wake_) wake_();
    }
  });
}

SignalWatcher::~SignalWatcher() {
  stopping_.store(true);
  pthread_kill(thread_.native_handle(), SIGUSR2);
  thread_.join();
}

void SignalWatcher::on_signal(std::function<void()> wake) {
  std::lock_guard lock(wake_mu_);
  wake_ = std::move(wake);
  if (signal_.load() != 0 && wake_) wake_();
}

}  // namespace madoguchi::viewer
