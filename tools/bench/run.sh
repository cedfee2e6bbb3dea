#!/usr/bin/env bash
# The performance benchmark (issue 6, DESIGN §10): indexing against raw MeCab, per-keystroke search
# against Groonga, SQLite FTS5 (trigram) and Xapian's CJK n-grams in the same run, and the viewer.
#
#   tools/bench/run.sh [--sizes 2000,20000,100000] [--reps 3] [--queries-per-set N] [--out FILE]
#                      [--smoke] [--commit REV] [--no-viewer]
#
# --queries-per-set N: type only the first N dev and N gold queries (quality still uses all).
# --commit REV: build and measure that commit (exported with git archive under build-bench/src)
# instead of the working tree, e.g. while others are editing it.
# --no-viewer: neither build nor measure the viewer (the rest of the table is unaffected).
# --smoke: 2k entries, 60 typed queries of each set, one repetition (CI keeps the benchmark working;
# timings are never pass/fail). Prints a table; every figure goes to FILE (default
# build-bench/bench-results.json). Scratch data lives in build-bench/bench-data (never committed).
# Needs ../shared/eval/localgovfaq-dev (MADOGUCHI_EVAL_DIR overrides ../shared/eval).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/tools/bench"
build="${MADOGUCHI_BENCH_BUILD:-$root/build-bench}"
eval_dir="${MADOGUCHI_EVAL_DIR:-$root/../shared/eval}/localgovfaq-dev"
sizes="2000,20000,100000"
reps=3
out=""
smoke=0
commit=""
per_set=0
viewer=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --queries-per-set) per_set="$2"; shift 2 ;;
    --smoke) smoke=1; sizes=2000; reps=1; per_set=60; shift ;;
    --commit) commit="$2"; shift 2 ;;
    --no-viewer) viewer=0; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
out="${out:-$build/bench-results.json}"
[ -f "$eval_dir/corpus.json" ] || { echo "run.sh: no eval data at $eval_dir" >&2; exit 1; }

"$here/deps.sh"
loadavg_start="$(cut -d' ' -f1-3 /proc/loadavg)"
log() { echo "bench: $*" >&2; }
failed() { log "stage $1 failed (see the messages above); going on"; }

# Build what the benchmark runs (Release, own build directory; the viewer only if it exists).
src="$root" objs="$build"
if [ -n "$commit" ]; then
  # Export, then copy only files whose content changed (fresh mtimes), so make rebuilds only those.
  src="$build/src" objs="$build/build-commit"
  rm -rf "$build/src-export" && mkdir -p "$build/src-export" "$src"
  git -C "$root" archive "$commit" | tar -x -C "$build/src-export"
  (cd "$build/src-export" && find . -type f) | while read -r f; do
    cmp -s "$build/src-export/$f" "$src/$f" || { mkdir -p "$(dirname "$src/$f")"; cp "$build/src-export/$f" "$src/$f"; }
  done
  (cd "$src" && find . -type f) | while read -r f; do [ -e "$build/src-export/$f" ] || rm -f "$src/$f"; done
  rm -rf "$build/src-export"
  commit="$(git -C "$root" rev-parse --short "$commit")"
fi
log "building ${commit:-the working tree} in $objs"
cmake -S "$src" -B "$objs" -DCMAKE_BUILD_TYPE=Release -DMADOGUCHI_BUILD_TESTS=OFF >/dev/null
targets=(madoguchi bench_search_madoguchi bench_mecab_floor bench_peer_xapian_ngram bench_peer_fts5)
make -C "$objs" help >"$objs/targets.txt"
[ "$viewer" = 1 ] && grep -q 'madoguchi-viewer' "$objs/targets.txt" && targets+=(madoguchi-viewer)
make -C "$objs" -j"$(nproc)" "${targets[@]}" >/dev/null
cli="$objs/indexer/madoguchi"
bin="$objs/tools/bench"

results="$build/bench-data/results"
rm -rf "$results" && mkdir -p "$results"
qrels="$eval_dir/qrels.json"
today=2024-06-01  # every figure is "as of" this date (fixed: results must not drift with the clock)
export MADOGUCHI_TODAY=$today

# Runs a command under /usr/bin/time; writes {"wall_s", "max_rss_kb"} to $1.
timed() {
  local json="$1"; shift
  /usr/bin/time -f '{"wall_s": %e, "max_rss_kb": %M, "user_s": %U, "sys_s": %S}' -o "$json" "$@" >/dev/null
}

# What a generated corpus depends on: the generator, the sample corpus and the evaluation corpus.
corpus_inputs_digest() {
  (cd "$src" && find tools/bench/gen_corpus.py corpus -type f -print0 | sort -z | xargs -0 sha256sum
   cd "$eval_dir" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -d' ' -f1
}

# Edits one entry's answer (a different one per call) so that an incremental run has one change.
touch_entry() {
  local file="$1" n="$2"
  printf '\n変更%s: 受付時間は午前9時から午後5時までです。\n' "$n" >>"$file"
}

IFS=, read -r -a size_list <<<"$sizes"
for n in "${size_list[@]}"; do
  data="$build/bench-data/$n"
  # By content, not mtime: a --commit export is written afresh on every run.
  inputs=$(corpus_inputs_digest)
  if [ ! -f "$data/meta.json" ] || [ "$(cat "$data/inputs.sha256" 2>/dev/null)" != "$inputs" ]; then
    log "$n: generating corpus"
    python3 "$here/gen_corpus.py" --entries "$n" --sample "$src/corpus" --eval "$eval_dir" --out "$data"
    echo "$inputs" >"$data/inputs.sha256"
  fi
  r="$results/$n"; mkdir -p "$r"
  cp "$data/meta.json" "$r/corpus.json"
  # Keystrokes are timed for the first $per_set queries of each set; quality (nDCG@10, answered at
  # full length) always covers every query.
  queries="$data/queries.tsv" all_queries="$data/queries.tsv"
  if [ "$per_set" -gt 0 ]; then
    awk -F'\t' -v n="$per_set" '++seen[$1] <= n' "$data/queries.tsv" >"$r/queries.tsv"
    queries="$r/queries.tsv"
  fi
  work="$build/bench-data/work-$n"; rm -rf "$work" && mkdir -p "$work"
  cp -r "$data/corpus" "$work/corpus"

  log "$n: raw MeCab floor"
  "$bin/bench_mecab_floor" --corpus "$work/corpus" --threads 1 --out "$r/mecab1.json" || failed mecab
  "$bin/bench_mecab_floor" --corpus "$work/corpus" --threads 2 --out "$r/mecab2.json" || failed mecab

  log "$n: madoguchi index (full build)"
  timed "$r/index_full.json" "$cli" index "$work/corpus" --db "$work/db"  # the rest needs it: fatal
  timed "$r/index_noop.json" "$cli" index "$work/corpus" --db "$work/db" || failed index-noop
  mapfile -t victims < <(find "$work/corpus/synth" "$work/corpus/lgfaq" -name '*.md' 2>/dev/null | sort | head -n 3)
  for i in 0 1 2; do
    touch_entry "${victims[$i]}" "$i"
    timed "$r/index_incr$i.json" "$cli" index "$work/corpus" --db "$work/db" || failed index-incremental
  done

  if "$cli" --help 2>/dev/null | grep -qE '^ +publish '; then
    log "$n: madoguchi publish"
    if timed "$r/publish_full.json" "$cli" publish "$work/corpus" --db "$work/live" --message "bench full" --author bench; then
      for i in 0 1 2; do
        touch_entry "${victims[$i]}" "p$i"
        timed "$r/publish_one$i.json" "$cli" publish "$work/corpus" --db "$work/live" --message "bench one $i" \
          --author bench || failed publish
      done
    else
      failed publish
      echo '{"available": false, "note": "madoguchi publish failed"}' >"$r/publish.json"
    fi
  else
    echo '{"available": false, "note": "madoguchi publish does not exist in this build"}' >"$r/publish.json"
  fi

  log "$n: per-keystroke search, Madoguchi"
  "$bin/bench_search_madoguchi" --db "$work/db" --queries "$queries" \
    --quality-queries "$all_queries" --qrels "$qrels" --reps "$reps" \
    --today "$today" --out "$r/search_madoguchi.json" || failed search-madoguchi
  # At an operator's pace: the same keystrokes, each after an untimed 50 ms pause, so that caches
  # cool and the second core sleeps between them as while someone types (docs/performance.md,
  # "Typing pace"; a change that wins the replay above can lose here). One repetition; not in
  # the smoke run, where it would only wait.
  if [ "$smoke" = 0 ]; then
    log "$n: per-keystroke search, Madoguchi at an operator's pace (50 ms before each keystroke)"
    "$bin/bench_search_madoguchi" --db "$work/db" --queries "$queries" \
      --quality-queries "$all_queries" --qrels "$qrels" --reps 1 --pause-ms 50 \
      --today "$today" --out "$r/search_madoguchi_paced.json" || failed search-madoguchi-paced
  fi
  # README's seats read the site's replica through xapian-tcpsrv: the same replay over TCP on this
  # host (the network's round trips at their cheapest; a LAN adds its own latency to each).
  log "$n: per-keystroke search, Madoguchi as a thin-client seat (xapian-tcpsrv)"
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  # Its own session: on SIGTERM xapian-tcpsrv signals its whole process group, this script too.
  setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" "$work/db" >"$work/tcpsrv.log" 2>&1 &
  tcpsrv=$!
  trap '[ -n "${tcpsrv:-}" ] && kill "$tcpsrv" 2>/dev/null; true' EXIT  # also when the run is cut short
  printf 'remote 127.0.0.1:%s\n' "$port" >"$work/remote.stub"
  for _ in $(seq 50); do
    grep -q 'Listening' "$work/tcpsrv.log" 2>/dev/null || ! kill -0 "$tcpsrv" 2>/dev/null && break
    sleep 0.1
  done
  "$bin/bench_search_madoguchi" --db "$work/remote.stub" --queries "$queries" \
    --quality-queries "$all_queries" --qrels "$qrels" --reps "$reps" --today "$today" \
    --out "$r/search_madoguchi_remote.json" || failed search-madoguchi-remote
  kill "$tcpsrv" 2>/dev/null || true  # gone already (its port taken, no index): the stage failed above
  wait "$tcpsrv" 2>/dev/null || true
  tcpsrv=""
  log "$n: peers (Groonga, SQLite FTS5 trigram, Xapian CJK n-gram)"
  python3 "$here/peer_groonga.py" --docs "$data/docs.jsonl" --db "$work/groonga" --queries "$queries" \
    --quality-queries "$all_queries" \
    --qrels "$qrels" --reps "$reps" --out "$r/search_groonga.json" || failed groonga
  "$bin/bench_peer_fts5" --docs "$data/docs.jsonl" --db "$work/fts5.sqlite" --queries "$queries" \
    --quality-queries "$all_queries" \
    --qrels "$qrels" --reps "$reps" --out "$r/search_fts5.json" || failed fts5
  "$bin/bench_peer_xapian_ngram" --docs "$data/docs.jsonl" --db "$work/xapian-ngram" --queries "$queries" \
    --quality-queries "$all_queries" \
    --qrels "$qrels" --reps "$reps" --out "$r/search_xapian_ngram.json" || failed xapian-ngram

  if [ "$viewer" = 0 ]; then
    echo '{"available": false, "note": "not measured (--no-viewer)"}' >"$r/viewer.json"
  else
    log "$n: viewer"
    python3 "$here/viewer_stage.py" --viewer "$objs/viewer/madoguchi-viewer" --db "$work/db" \
      --queries "$queries" --out "$r/viewer.json" --idle-seconds "$([ "$smoke" = 1 ] && echo 3 || echo 10)" ||
      failed viewer
  fi
  rm -rf "$work/groonga" "$work/fts5.sqlite" "$work/xapian-ngram" "$work/live"
done

if [ "$smoke" = 0 ]; then
  log "reference: madoguchi eval on the dev corpus alone"
  "$cli" eval --dataset "$eval_dir" --json >"$results/eval_dev.json" 2>/dev/null || rm -f "$results/eval_dev.json"
fi
python3 "$here/report.py" --results "$results" --out "$out" --smoke "$smoke" --commit "${commit:-working tree}" --loadavg-start "$loadavg_start"
