// The Searcher's second-core thread (core/src/helper_thread.h): each half runs exactly once, on
// the helper when it starts in time and on the caller's thread otherwise, and what either throws
// reaches the caller only after both have finished.
#include <catch2/catch.hpp>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "helper_thread.h"

using namespace madoguchi;
using namespace std::chrono_literals;

namespace {

// Waits up to `limit` for `flag`: how a caller's half lets the helper start first.
bool wait_for(const std::atomic<bool>& flag, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!flag && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(100us);
  return flag;
}

// One hand-over: where `theirs` ran, given that the caller's half waits up to `patience` for it
// to start.
std::thread::id where_theirs_runs(HelperThread& helper, std::chrono::milliseconds patience) {
  std::atomic<bool> started{false};
  std::thread::id theirs_on;
  auto theirs = [&] {
    theirs_on = std::this_thread::get_id();
    started = true;
  };
  helper.run_beside(theirs, [&] { wait_for(started, patience); });
  return theirs_on;
}

}  // namespace

TEST_CASE("a helper thread runs its half on another thread, job after job", "[helper_thread]") {
  HelperThread helper(HandOverPolicy::always());
  for (int job = 0; job < 50; ++job) {
    std::atomic<bool> started{false};
    std::thread::id theirs_on, mine_on;
    int theirs_value = 0;
    auto theirs = [&] {
      theirs_on = std::this_thread::get_id();
      theirs_value = job;
      started = true;
    };
    // The caller's half lasts until the helper has started: nothing is left to take back.
    helper.run_beside(theirs, [&] {
      mine_on = std::this_thread::get_id();
      REQUIRE(wait_for(started, 10s));
    });
    CHECK(mine_on == std::this_thread::get_id());
    CHECK(theirs_on != mine_on);
    CHECK(theirs_value == job);  // written there, seen here: a missing hand-over shows under tools/test.sh --tsan
  }
}

TEST_CASE("a job the helper has not started when the caller's half ends runs on the caller's thread", "[helper_thread]") {
  HelperThread helper(HandOverPolicy{.retry_after = 0us});  // hand over every job, take back the unstarted
  // The caller's half is empty, so it usually ends before a sleeping helper can wake; whichever
  // thread runs a job, it runs once and its writes are seen here. Under load the woken helper
  // can preempt the caller on its own CPU job after job (200 of 200 once, in CI under ctest -j2):
  // the jobs go on, up to 10 s, until one has been taken back.
  int taken_back = 0;
  const auto give_up = std::chrono::steady_clock::now() + 10s;
  for (int job = 0; job < 200 || (taken_back == 0 && std::chrono::steady_clock::now() < give_up); ++job) {
    int runs = 0;
    std::thread::id theirs_on;
    auto theirs = [&] {
      ++runs;
      theirs_on = std::this_thread::get_id();
    };
    helper.run_beside(theirs, [] {});
    CHECK(runs == 1);
    if (theirs_on == std::this_thread::get_id()) ++taken_back;
  }
  CHECK(taken_back > 0);
}

TEST_CASE("after a pause, a helper that started slowly gets no job until it is tried again", "[helper_thread]") {
  // Every start counts as slow here (prompt_start 0); half a second without a job is a pause.
  HelperThread helper(HandOverPolicy{.awake_for = 500ms, .prompt_start = 0us, .retry_after = std::chrono::hours(1)});
  const auto caller = std::this_thread::get_id();
  CHECK(helper.worth_handing_over());               // nothing seen yet
  CHECK(where_theirs_runs(helper, 10s) != caller);  // handed over after a pause (since boot): slow
  CHECK(helper.worth_handing_over());               // but it has just run a job: awake
  CHECK(where_theirs_runs(helper, 10s) != caller);
  std::this_thread::sleep_for(1s);
  CHECK_FALSE(helper.worth_handing_over());
  CHECK(where_theirs_runs(helper, 50ms) == caller);  // kept: the helper never saw it

  // Once retry_after has passed, one is handed over again.
  HelperThread retried(HandOverPolicy{.awake_for = 1ms, .prompt_start = 0us, .retry_after = 10ms});
  CHECK(where_theirs_runs(retried, 10s) != caller);
  std::this_thread::sleep_for(20ms);
  CHECK(retried.worth_handing_over());
  CHECK(where_theirs_runs(retried, 10s) != caller);
}

TEST_CASE("what either half throws is thrown after both have finished", "[helper_thread]") {
  HelperThread helper(HandOverPolicy::always());
  std::atomic<bool> theirs_done{false};
  auto slow_theirs = [&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    theirs_done = true;
  };
  // The caller's half throws at once: the helper's half still finishes before the throw leaves
  // (on the helper, or on this thread when taken back).
  CHECK_THROWS_WITH(helper.run_beside(slow_theirs, [] { throw std::runtime_error("mine"); }), "mine");
  CHECK(theirs_done);

  auto throwing_theirs = [] { throw std::runtime_error("theirs"); };
  CHECK_THROWS_WITH(helper.run_beside(throwing_theirs, [] {}), "theirs");
  // Both throw: the caller's is the one that arrives.
  CHECK_THROWS_WITH(helper.run_beside(throwing_theirs, [] { throw std::runtime_error("mine"); }), "mine");

  // The thread serves on after its job threw.
  bool ran = false;
  auto fine = [&] { ran = true; };
  helper.run_beside(fine, [] {});
  CHECK(ran);
}

TEST_CASE("a helper thread takes one job at a time", "[helper_thread]") {
  HelperThread helper(HandOverPolicy::always());
  auto nothing = [] {};
  // From the caller's half: the job out would be replaced.
  CHECK_THROWS_AS(helper.run_beside(nothing, [&] { helper.run_beside(nothing, [] {}); }), std::logic_error);
  // From the helper's half (or the caller's, running it after its own): it would wait for itself.
  auto nested = [&] { helper.run_beside(nothing, [] {}); };
  CHECK_THROWS_AS(helper.run_beside(nested, [] {}), std::logic_error);
  // And it serves on.
  bool ran = false;
  auto fine = [&] { ran = true; };
  helper.run_beside(fine, [] {});
  CHECK(ran);
}
