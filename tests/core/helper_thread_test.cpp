// The Searcher's second-core thread (core/src/helper_thread.h): both halves run, each on its
// own thread, and what either throws reaches the caller only after both have finished.
#include <catch2/catch.hpp>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "helper_thread.h"

using namespace madoguchi;

TEST_CASE("a helper thread runs its half on another thread, job after job", "[helper_thread]") {
  HelperThread helper;
  for (int job = 0; job < 50; ++job) {
    std::thread::id theirs_on, mine_on;
    int theirs_value = 0;
    auto theirs = [&] {
      theirs_on = std::this_thread::get_id();
      theirs_value = job;
    };
    helper.run_beside(theirs, [&] { mine_on = std::this_thread::get_id(); });
    CHECK(mine_on == std::this_thread::get_id());
    CHECK(theirs_on != mine_on);
    CHECK(theirs_value == job);  // written there, seen here: a missing hand-over shows under tools/test.sh --tsan
  }
}

TEST_CASE("what either half throws is thrown after both have finished", "[helper_thread]") {
  HelperThread helper;
  std::atomic<bool> theirs_done{false};
  auto slow_theirs = [&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    theirs_done = true;
  };
  // The caller's half throws at once: the helper's half still finishes before the throw leaves.
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
  HelperThread helper;
  auto nothing = [] {};
  // From the caller's half: the job out would be replaced.
  CHECK_THROWS_AS(helper.run_beside(nothing, [&] { helper.run_beside(nothing, [] {}); }), std::logic_error);
  // From the helper's half: it would wait for itself.
  auto nested = [&] { helper.run_beside(nothing, [] {}); };
  CHECK_THROWS_AS(helper.run_beside(nested, [] {}), std::logic_error);
  // And it serves on.
  bool ran = false;
  auto fine = [&] { ran = true; };
  helper.run_beside(fine, [] {});
  CHECK(ran);
}
