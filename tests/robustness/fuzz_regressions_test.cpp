// Issue 7.4: every input a fuzzer ever crashed on (fuzz/regressions/TARGET/*) is replayed through
// the same entry point the fuzz target calls, with the same oracle. A failing file names itself.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../../fuzz/fuzz_oracles.h"

namespace fs = std::filesystem;

TEST_CASE("fuzz regressions replay without a crash or a broken invariant", "[robustness][fuzz]") {
  const fs::path root = MADOGUCHI_FUZZ_REGRESSIONS;
  REQUIRE(fs::is_directory(root));
  int replayed = 0;
  for (const auto& target : fs::directory_iterator(root)) {
    if (!target.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(target.path())) {
      if (!file.is_regular_file() || file.path().filename().string().front() == '.') continue;
      std::ifstream in(file.path(), std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      const std::string bytes = ss.str();
      const std::string name = target.path().filename().string() + "/" + file.path().filename().string();
      INFO(name);
      std::string problem = madoguchi::fuzz::check_input(target.path().filename().string(), bytes);
      CHECK(problem == "");
      ++replayed;
    }
  }
  CHECK(replayed > 0);
}
