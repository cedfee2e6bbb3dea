// madoguchi-viewer's command line (DESIGN §8): usage errors exit 2, a missing index 1, no display 3;
// CLI11's own exit codes never leak. None of these needs a display.
#include <catch2/catch.hpp>

#include "process.h"
#include "test_support.h"

namespace madoguchi::viewer::test {

namespace {
Run viewer(std::vector<std::string> args, Env env = {}) {
  args.insert(args.begin(), MADOGUCHI_VIEWER);
  env["DISPLAY"] = "<unset>";
  env["WAYLAND_DISPLAY"] = "<unset>";
  return run(args, env, 30);
}
}  // namespace

TEST_CASE("viewer --help and --version exit 0", "[viewer][cli]") {
  auto help = viewer({"--help"});
  CHECK(help.code == 0);
  CHECK(help.output.find("--screenshot") != std::string::npos);
  CHECK(help.output.find("--exit-after-frames") != std::string::npos);
  CHECK(viewer({"--version"}).code == 0);
}

TEST_CASE("viewer usage errors exit 2", "[viewer][cli]") {
  CHECK(viewer({"--bogus"}).code == 2);
  CHECK(viewer({"--exit-after-frames", "-1"}).code == 2);
  CHECK(viewer({"--exit-after-frames", "many"}).code == 2);
  CHECK(viewer({"--theme", "blue"}).code == 2);
  CHECK(viewer({"--gl", "4"}).code == 2);
  CHECK(viewer({"--today", "2023-13-01"}).code == 2);
  CHECK(viewer({"--as-of", "yesterday"}).code == 2);
  CHECK(viewer({"--as-of", ""}).code == 2);            // not today without a word
  CHECK(viewer({"--today", "9999-12-31"}).code == 2);  // the index's "no end"
  CHECK(viewer({"--size", "10x10"}).code == 2);
  CHECK(viewer({"--size", "wide"}).code == 2);
  CHECK(viewer({"stray-argument"}).code == 2);
}

TEST_CASE("viewer with a missing index directory exits 1 before opening a window", "[viewer][cli]") {
  auto r = viewer({"--db", "/nonexistent/madoguchi-index", "--no-config"});
  CHECK(r.code == 1);
  CHECK(r.output.find("/nonexistent/madoguchi-index") != std::string::npos);
}

TEST_CASE("viewer without a display exits 3 with a message", "[viewer][cli]") {
  madoguchi::test::TempDir tmp;
  auto r = viewer({"--no-config", "--exit-after-frames", "1"});
  CHECK(r.code == 3);
  CHECK(r.output.find("error") != std::string::npos);
}

}  // namespace madoguchi::viewer::test
