// One libFuzzer entry point per target: MADOGUCHI_FUZZ_TARGET names which oracle it drives.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "fuzz_oracles.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string problem = madoguchi::fuzz::check_input(
      MADOGUCHI_FUZZ_TARGET, std::string_view(reinterpret_cast<const char*>(data), size));
  if (!problem.empty()) {
    std::fprintf(stderr, "invariant broken (%s): %s\n", MADOGUCHI_FUZZ_TARGET, problem.c_str());
    __builtin_trap();
  }
  return 0;
}
