#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz and runs each for a bounded
# time on a copy of its seed corpus (fuzz/seeds/TARGET). A crash input is kept in build-fuzz and
# belongs in fuzz/regressions/TARGET/ once fixed (tests/robustness replays them).
#   tools/fuzz.sh [SECONDS] [TARGET...]     default: 60 s each, targets entry analyzer query csv
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(entry analyzer query csv)
# MADOGUCHI_FUZZ_BUILD: a clang build directory to (re)use; tools/test.sh shares its sanitizer build.
build=${MADOGUCHI_FUZZ_BUILD:-$root/build-fuzz}

mkdir -p "$build"
if ! { CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMADOGUCHI_FUZZ=ON \
         -DMADOGUCHI_SANITIZE=ON && \
       cmake --build "$build" -j "$(nproc)" --target "${targets[@]/#/fuzz_}"; } >"$build/fuzz-build.log" 2>&1; then
  grep -E "error|Error" "$build/fuzz-build.log" | head -30 >&2 || tail -30 "$build/fuzz-build.log" >&2
  echo "fuzz build failed; full log: $build/fuzz-build.log" >&2
  exit 3
fi
status=0
for t in "${targets[@]}"; do
  work="$build/fuzz-corpus/$t"
  mkdir -p "$work" "$build/fuzz-crashes/$t"
  cp -n "$root/fuzz/seeds/$t/"* "$work/" 2>/dev/null || true
  log="$build/fuzz-$t.log"
  # -rss_limit_mb: the MeCab dictionary and ASan shadow memory need more than the 2 GB default
  # leaves once the fuzzer's own corpus grows; -timeout: a query or entry over 10 s is a finding.
  if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
     "$build/fuzz/fuzz_$t" "$work" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
       -max_len=65536 -artifact_prefix="$build/fuzz-crashes/$t/" -print_final_stats=1 >"$log" 2>&1; then
    runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo "?")
    echo "fuzz $t: ${seconds}s, $runs executions, no finding"
  else
    echo "fuzz $t: FINDING, see $log and $build/fuzz-crashes/$t/" >&2
    grep -E "ERROR|invariant|SUMMARY" "$log" | head -5 >&2 || true
    status=1
  fi
done
exit $status
