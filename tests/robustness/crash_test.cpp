// Issue 7.3: `madoguchi index` is killed with SIGKILL at random points while it rebuilds a large
// generated corpus. After every kill the previous index must answer exactly as before and
// `xapian-check` must find it clean; a final uninterrupted run must then apply the new corpus.
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "generated_corpus.h"

using namespace madoguchi::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kQueries = {"案内", "保健所 発熱", "ワクチン接種", "証明書 郵送", "ほけんじょ"};

// All queries in one process (--batch): the test asks after every round, and each CLI start
// costs more than the searches.
std::vector<json> answers(const std::string& db) {
  const std::string queries = (fs::path(db).parent_path() / "queries.txt").string();
  if (!fs::exists(queries)) {
    std::ofstream file(queries);
    for (const auto& q : kQueries) file << q << '\n';
  }
  auto r = run_cli({"search", "--db", db, "--json", "--today", "2026-11-25", "--limit", "20", "--batch", queries});
  REQUIRE(r.exit_code == 0);
  std::vector<json> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    auto j = json::parse(line);
    j.erase("took_ms");
    out.push_back(std::move(j));
  }
  REQUIRE(out.size() == kQueries.size());
  return out;
}

pid_t spawn_index(const std::string& corpus, const std::string& db) {
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = ::open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execl(MADOGUCHI_CLI, MADOGUCHI_CLI, "index", corpus.c_str(), "--db", db.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

TEST_CASE("kill -9 during index leaves the previous index answering exactly as before", "[robustness][crash]") {
  TempDir dir;
  const int entries = std::getenv("MADOGUCHI_CRASH_ENTRIES") ? std::atoi(std::getenv("MADOGUCHI_CRASH_ENTRIES")) : 2500;
  write_generated_corpus(dir.path() / "old", entries, "甲版", 1);
  write_generated_corpus(dir.path() / "new", entries, "乙版", 2);
  const std::string db = dir.str("db"), reference = dir.str("reference");

  auto t0 = std::chrono::steady_clock::now();
  REQUIRE(run_cli({"index", dir.str("old"), "--db", db}).exit_code == 0);
  const double full_build = seconds_since(t0);
  REQUIRE(run_cli({"index", dir.str("new"), "--db", reference}).exit_code == 0);
  const auto before = answers(db);
  const auto after = answers(reference);
  REQUIRE(before != after);

  // Kill points spread over the whole rebuild (which takes longer than the first build: every
  // file changed and the old documents go), the commit at its end included; a few runs finish.
  // The machine's load changes while ctest runs other tests beside this one, so the time scale
  // adapts: a run that finished before its kill shrinks the later delays, and rounds go on until
  // enough kills landed mid-build (bounded, so a broken build cannot loop forever).
  std::mt19937 rng(20261125);
  std::uniform_real_distribution<double> fraction(0.05, 1.8);
  int killed = 0, finished = 0, round = 0;
  const int wanted_kills = 5, max_rounds = 20;
  double scale = full_build;
  for (; round < max_rounds && killed < wanted_kills; ++round) {
    const double delay = scale * fraction(rng);
    pid_t pid = spawn_index(dir.str("new"), db);
    std::this_thread::sleep_for(std::chrono::duration<double>(delay));
    int status = 0;
    const bool already_done = waitpid(pid, &status, WNOHANG) == pid;
    if (!already_done) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
    }
    const bool completed = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    INFO("round " << round << ", kill after " << delay << " s, completed: " << completed);
    const std::string cmd = "xapian-check '" + db + "' >/dev/null 2>&1";
    CHECK(std::system(cmd.c_str()) == 0);
    if (completed) {
      ++finished;
      scale *= 0.6;
      CHECK(answers(db) == after);
      // Put the old corpus back for the next round.
      REQUIRE(run_cli({"index", dir.str("old"), "--db", db}).exit_code == 0);
    } else {
      ++killed;
      // A kill between the commit and the process's exit leaves the new index whole: either
      // state is correct, a mix never is.
      const auto now = answers(db);
      CHECK((now == before || now == after));
      if (now == after) REQUIRE(run_cli({"index", dir.str("old"), "--db", db}).exit_code == 0);
    }
  }
  WARN("crash: " << entries << " entries, full build " << full_build << " s, " << killed << " kill(s) mid-build, "
                 << finished << " run(s) finished before the kill, " << round << " round(s)");
  CHECK(killed >= wanted_kills);
  // After all the kills, an uninterrupted run applies the new corpus (no stale lock, no damage).
  auto final_run = run_cli({"index", dir.str("new"), "--db", db});
  INFO(final_run.err);
  REQUIRE(final_run.exit_code == 0);
  CHECK(answers(db) == after);
  CHECK(std::system(("xapian-check '" + db + "' >/dev/null 2>&1").c_str()) == 0);
}
