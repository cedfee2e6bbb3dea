#!/usr/bin/env bash
# Installs dependencies, builds with g++ and runs the whole test suite, then checks that clang
# builds it too (DESIGN §9). Idempotent.
#   tools/test.sh             full suite
#   tools/test.sh -R REGEX    only the matching tests (passed to ctest)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/setup.sh"
"$root/tools/build.sh" "$root/build"
cd "$root/build"
ctest --output-on-failure -j "$(nproc)" "$@"
# clang 14 must accept the code as well (the fuzzers and sanitizer builds use it).
CC=clang CXX=clang++ "$root/tools/build.sh" "$root/build-clang" -DMADOGUCHI_BUILD_TESTS=OFF
