#!/usr/bin/env bash
# The performance benchmark (issue 6, DESIGN §10): indexing against raw MeCab, per-keystroke search
# against Groonga, SQLite FTS5 (trigram) and Xapian's CJK n-grams in the same run, and the viewer.
#
#   tools/bench/run.sh [--sizes 2000,20000,100000] [--reps 3] [--out FILE] [--smoke]
#
# --smoke: 2k entries, 60 queries of each set, one repetition (CI keeps the benchmark working;
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
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --smoke) smoke=1; sizes=2000; reps=1; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
out="${out:-$build/bench-results.json}"
[ -f "$eval_dir/corpus.json" ] || { echo "run.sh: no eval data at $eval_dir" >&2; exit 1; }

"$here/deps.sh"
loadavg_start="$(cut -d' ' -f1-3 /proc/loadavg)"
log() { echo "bench: $*" >&2; }

# Build what the benchmark runs (Release, own build directory; the viewer only if it exists).
log "building in $build"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DMADOGUCHI_BUILD_TESTS=OFF >/dev/null
targets=(madoguchi bench_search_madoguchi bench_mecab_floor bench_peer_xapian_ngram bench_peer_fts5)
make -C "$build" help | grep -q 'madoguchi-viewer' && targets+=(madoguchi-viewer)
make -C "$build" -j"$(nproc)" "${targets[@]}" >/dev/null
cli="$build/indexer/madoguchi"
bin="$build/tools/bench"

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

# Edits one entry's answer (a different one per call) so that an incremental run has one change.
touch_entry() {
  local file="$1" n="$2"
  printf '\n変更%s: 受付時間は午前9時から午後5時までです。\n' "$n" >>"$file"
}

IFS=, read -r -a size_list <<<"$sizes"
for n in "${size_list[@]}"; do
  data="$build/bench-data/$n"
  if [ ! -f "$data/meta.json" ] || [ "$here/gen_corpus.py" -nt "$data/meta.json" ] ||
     [ "$root/corpus" -nt "$data/meta.json" ]; then
    log "$n: generating corpus"
    python3 "$here/gen_corpus.py" --entries "$n" --sample "$root/corpus" --eval "$eval_dir" --out "$data"
  fi
  r="$results/$n"; mkdir -p "$r"
  cp "$data/meta.json" "$r/corpus.json"
  queries="$data/queries.tsv"
  if [ "$smoke" = 1 ]; then
    awk -F'\t' '++seen[$1] <= 60' "$data/queries.tsv" >"$r/queries.tsv"
    queries="$r/queries.tsv"
  fi
  work="$build/bench-data/work-$n"; rm -rf "$work" && mkdir -p "$work"
  cp -r "$data/corpus" "$work/corpus"

  log "$n: raw MeCab floor"
  "$bin/bench_mecab_floor" --corpus "$work/corpus" --threads 1 --out "$r/mecab1.json"
  "$bin/bench_mecab_floor" --corpus "$work/corpus" --threads 2 --out "$r/mecab2.json"

  log "$n: madoguchi index (full build)"
  timed "$r/index_full.json" "$cli" index "$work/corpus" --db "$work/db"
  timed "$r/index_noop.json" "$cli" index "$work/corpus" --db "$work/db"
  mapfile -t victims < <(find "$work/corpus/synth" "$work/corpus/lgfaq" -name '*.md' 2>/dev/null | sort | head -n 3)
  for i in 0 1 2; do
    touch_entry "${victims[$i]}" "$i"
    timed "$r/index_incr$i.json" "$cli" index "$work/corpus" --db "$work/db"
  done

  if "$cli" publish --help >/dev/null 2>&1; then
    log "$n: madoguchi publish"
    timed "$r/publish_full.json" "$cli" publish "$work/corpus" --db "$work/live" --message "bench full" --author bench
    for i in 0 1 2; do
      touch_entry "${victims[$i]}" "p$i"
      timed "$r/publish_one$i.json" "$cli" publish "$work/corpus" --db "$work/live" --message "bench one $i" --author bench
    done
  else
    echo '{"available": false, "note": "madoguchi publish does not exist in this build"}' >"$r/publish.json"
  fi

  log "$n: per-keystroke search, Madoguchi"
  "$bin/bench_search_madoguchi" --db "$work/db" --queries "$queries" --qrels "$qrels" --reps "$reps" \
    --today "$today" --out "$r/search_madoguchi.json"
  log "$n: peers (Groonga, SQLite FTS5 trigram, Xapian CJK n-gram)"
  python3 "$here/peer_groonga.py" --docs "$data/docs.jsonl" --db "$work/groonga" --queries "$queries" \
    --qrels "$qrels" --reps "$reps" --out "$r/search_groonga.json"
  "$bin/bench_peer_fts5" --docs "$data/docs.jsonl" --db "$work/fts5.sqlite" --queries "$queries" \
    --qrels "$qrels" --reps "$reps" --out "$r/search_fts5.json"
  "$bin/bench_peer_xapian_ngram" --docs "$data/docs.jsonl" --db "$work/xapian-ngram" --queries "$queries" \
    --qrels "$qrels" --reps "$reps" --out "$r/search_xapian_ngram.json"

  log "$n: viewer"
  python3 "$here/viewer_stage.py" --viewer "$build/viewer/madoguchi-viewer" --db "$work/db" \
    --queries "$queries" --out "$r/viewer.json" --idle-seconds "$([ "$smoke" = 1 ] && echo 3 || echo 10)"
  rm -rf "$work/groonga" "$work/fts5.sqlite" "$work/xapian-ngram" "$work/live"
done

if [ "$smoke" = 0 ]; then
  log "reference: madoguchi eval on the dev corpus alone"
  "$cli" eval --dataset "$eval_dir" --json >"$results/eval_dev.json" 2>/dev/null || rm -f "$results/eval_dev.json"
fi
python3 "$here/report.py" --results "$results" --out "$out" --smoke "$smoke" --loadavg-start "$loadavg_start"
