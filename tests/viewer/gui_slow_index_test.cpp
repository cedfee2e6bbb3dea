// The window does not wait for the index (issue 6: first frame within 500 ms at 100k entries,
// whose index takes about as long to open as the window to appear). The index here opens only
// when the test says so: the stub file names Xapian's own remote backend over a pipe
// (`remote :PROGRAM ARGS`, xapian-progsrv), started by a script that waits for a gate file. A
// viewer whose first frame waited for the index would draw nothing until the gate opens.
#include <catch2/catch.hpp>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <utility>

#include "process.h"
#include "viewer_fixture.h"

namespace madoguchi::viewer::test {
namespace {

using madoguchi::test::TempDir;
using nlohmann::json;

// An index behind a closed gate: opening it blocks until `gate` exists. Xapian gives up on a
// remote server that has not greeted it within 10 s, so a test opens the gate well before that.
struct GatedIndex {
  std::string stub;
  std::filesystem::path gate;
  void open() const { std::ofstream(gate).put('\n'); }
};

GatedIndex gated_index(const TempDir& tmp, const std::string& db) {
  GatedIndex g{tmp.str("gated.stub"), tmp.path() / "gate-open"};
  const std::filesystem::path script = tmp.path() / "gated-progsrv.sh";
  // Bounded (20 s) so that a failed test leaves no script behind.
  std::ofstream(script) << "#!/bin/sh\ni=0\nwhile [ ! -e '" << g.gate.string() << "' ] && [ $i -lt 1000 ]; do\n"
                        << "  sleep 0.02; i=$((i + 1))\ndone\nexec xapian-progsrv \"$@\"\n";
  std::filesystem::permissions(script, std::filesystem::perms::owner_all);
  std::ofstream(g.stub) << "remote :" << script.string() << " " << db << "\n";
  return g;
}

// Kills the viewer if a check ends the test before it exits by itself.
struct Viewer {
  pid_t pid = -1;
  ~Viewer() {
    if (pid > 0) {
      kill(pid, SIGKILL);
      wait_exit(pid, 5);
    }
  }
  int stop(int sig, double timeout_s) {
    if (sig) kill(pid, sig);
    const int code = wait_exit(std::exchange(pid, -1), timeout_s);
    return code;
  }
};

std::vector<std::string> viewer_args(const std::string& db, const std::string& log, std::vector<std::string> extra) {
  std::vector<std::string> a = {MADOGUCHI_VIEWER, "--db", db, "--today", kToday, "--event-log", log,
                                "--size", "1280x800", "--no-config", "--no-log"};
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

}  // namespace

TEST_CASE("the window comes before a slow index, keys typed meanwhile are searched once it opens",
          "[viewer][gui][first-frame]") {
  skip_unless_gui_tools({"Xvfb", "xdotool", "xapian-progsrv"});
  TempDir tmp;
  const GatedIndex index = gated_index(tmp, build_viewer_index(tmp));
  const std::string log = tmp.str("events.jsonl");
  std::string why;
  auto x = Xvfb::start(&why);
  if (!x) FAIL(why);
  const Env env = x->env();
  Viewer viewer{spawn(viewer_args(index.stub, log, {}), env, tmp.str("viewer.out"))};

  std::optional<json> first;
  REQUIRE(wait_until([&] { return (first = find_event(log, "first_frame")).has_value(); }, 8));
  CHECK((*first)["index_state"] == "opening");
  auto win = run({"xdotool", "search", "--sync", "--pid", std::to_string(viewer.pid)}, env, 10);
  REQUIRE(win.code == 0);
  run({"xdotool", "windowfocus", "--sync", win.output.substr(0, win.output.find('\n'))}, env, 5);
  // Romaji (on the keyboard map, so xdotool needs no spare keycodes) into the focused search box.
  REQUIRE(run({"xdotool", "type", "--delay", "60", "hokenjo"}, env, 10).code == 0);
  // The gate is still shut: nothing can have been searched or become ready.
  CHECK_FALSE(find_event(log, "ready").has_value());
  CHECK_FALSE(find_event(log, "search").has_value());

  index.open();
  std::optional<json> searched;
  REQUIRE(wait_until([&] {
    searched = find_event(log, "search", [](const json& e) { return e["query"] == "hokenjo"; });
    return searched.has_value();
  }, 15));
  const auto hits = (*searched)["hits"].get<std::vector<std::string>>();
  CHECK(std::count(hits.begin(), hits.end(), "hokenjo-hours") == 1);  // 保健所, from romaji
  std::optional<json> ready;  // after the first result's detail, which the search asked for
  REQUIRE(wait_until([&] { return (ready = find_event(log, "ready")).has_value(); }, 10));
  CHECK((*ready)["entries"].get<int>() > 0);
  CHECK((*ready)["first_ready_ms"].get<double>() > (*ready)["first_frame_ms"].get<double>());
  CHECK((*ready)["index_ready_ms"].get<double>() > (*first)["ms"].get<double>());

  CHECK(viewer.stop(SIGTERM, 10) == 0);
}

TEST_CASE("automation (exit after N frames) counts only frames that can answer, not those drawn while the index opens",
          "[viewer][gui][first-frame]") {
  skip_unless_gui_tools({"Xvfb", "xapian-progsrv"});
  TempDir tmp;
  const GatedIndex index = gated_index(tmp, build_viewer_index(tmp));
  const std::string log = tmp.str("events.jsonl");
  std::string why;
  auto x = Xvfb::start(&why);
  if (!x) FAIL(why);
  Viewer viewer{spawn(viewer_args(index.stub, log, {"--exit-after-frames", "2"}), x->env(), tmp.str("viewer.out"))};

  REQUIRE(wait_until([&] { return find_event(log, "first_frame").has_value(); }, 8));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // frames it might (wrongly) count
  CHECK_FALSE(find_event(log, "stats").has_value());  // still running: no frame could answer yet
  index.open();
  CHECK(viewer.stop(0, 15) == 0);
  auto ready = find_event(log, "ready");
  REQUIRE(ready);
  auto stats = find_event(log, "stats");
  REQUIRE(stats);
  CHECK((*stats)["first_ready_ms"] == (*ready)["first_ready_ms"]);
  CHECK((*stats)["first_ready_ms"].get<double>() > (*stats)["first_frame_ms"].get<double>() + 300);
}

}  // namespace madoguchi::viewer::test
