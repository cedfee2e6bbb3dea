#!/usr/bin/env bash
# Installs dependencies, builds with g++ and runs the whole test suite, then checks that clang
# builds it too (DESIGN §9). Idempotent.
#   tools/test.sh             full suite
#   tools/test.sh -R REGEX    only the matching tests (passed to ctest)
#   tools/test.sh --sanitize [-R REGEX]   whole suite under ASan + UBSan (clang, build-asan)
#   tools/test.sh --tsan [-R REGEX]       suite without the viewer under ThreadSanitizer (clang, build-tsan)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/setup.sh"
if [ "${1:-}" = "--sanitize" ]; then
  shift
  # The same clang build serves tools/fuzz.sh (MADOGUCHI_FUZZ_BUILD=build-asan).
  CC=clang CXX=clang++ "$root/tools/build.sh" "$root/build-asan" -DMADOGUCHI_SANITIZE=ON -DMADOGUCHI_FUZZ=ON
  cd "$root/build-asan"
  export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  export LSAN_OPTIONS="suppressions=$root/tools/lsan.supp:print_suppressions=0"
  exec ctest --output-on-failure -j "$(nproc)" --timeout 1500 "$@"
fi
if [ "${1:-}" = "--tsan" ]; then
  shift
  # No viewer: the GL driver's own threads are not ours to judge. A race report fails the test
  # (ThreadSanitizer's exit code 66).
  CC=clang CXX=clang++ "$root/tools/build.sh" "$root/build-tsan" -DMADOGUCHI_TSAN=ON -DMADOGUCHI_BUILD_VIEWER=OFF
  cd "$root/build-tsan"
  export TSAN_OPTIONS=second_deadlock_stack=1
  exec ctest --output-on-failure -j "$(nproc)" --timeout 1500 "$@"
fi
"$root/tools/build.sh" "$root/build"
cd "$root/build"
ctest --output-on-failure -j "$(nproc)" "$@"
# clang 14 must accept the code as well (the fuzzers and sanitizer builds use it). It is built
# with ASan + UBSan and the libFuzzer targets, which then run a short smoke each (issue 7): the
# sanitizer subset CI affords. The whole suite under sanitizers is `tools/test.sh --sanitize`.
CC=clang CXX=clang++ "$root/tools/build.sh" "$root/build-clang" -DMADOGUCHI_BUILD_TESTS=OFF \
  -DMADOGUCHI_SANITIZE=ON -DMADOGUCHI_FUZZ=ON
MADOGUCHI_FUZZ_BUILD="$root/build-clang" "$root/tools/fuzz.sh" "${MADOGUCHI_FUZZ_SECONDS:-15}"
