#!/usr/bin/env bash
# Instruction-count profiles (valgrind --tool=callgrind: they do not drift with a loaded machine)
# of the two hot paths, for the findings in docs/performance.md:
#   search: the keystroke replay through Searcher::search at SEARCH_SIZE entries (first QUERIES
#           queries of each set, every prefix, one pass, no warm-up);
#   index:  a full `madoguchi index` of INDEX_SIZE entries.
# (perf is used instead when hardware counters work: `perf stat -e instructions true`.)
#
#   tools/bench/profile.sh [--search-size 20000] [--index-size 2000] [--queries 30]
# Writes build-bench/bench-data/profile/{search,index}.{callgrind,txt}. Uses the programs run.sh
# built (build-bench/build-commit after `run.sh --commit REV`, else build-bench).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/tools/bench"
build="${MADOGUCHI_BENCH_BUILD:-$root/build-bench}"
eval_dir="${MADOGUCHI_EVAL_DIR:-$root/../shared/eval}/localgovfaq-dev"
search_size=20000 index_size=2000 queries=30
while [ $# -gt 0 ]; do
  case "$1" in
    --search-size) search_size="$2"; shift 2 ;;
    --index-size) index_size="$2"; shift 2 ;;
    --queries) queries="$2"; shift 2 ;;
    *) echo "profile.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
"$here/deps.sh"
objs="$build"
[ -x "$build/build-commit/indexer/madoguchi" ] && objs="$build/build-commit"
cli="$objs/indexer/madoguchi"
out="$build/bench-data/profile"
mkdir -p "$out"
export MADOGUCHI_TODAY=2024-06-01

corpus_of() {  # size -> generated corpus directory
  local data="$build/bench-data/$1"
  [ -f "$data/meta.json" ] || python3 "$here/gen_corpus.py" --entries "$1" --sample "$root/corpus" \
    --eval "$eval_dir" --out "$data" >&2
  echo "$data"
}

annotate() {  # callgrind file -> top functions, inclusive and self
  {
    echo "== inclusive =="
    callgrind_annotate --inclusive=yes "$1" 2>/dev/null | sed -n '1,60p'
    echo "== self =="
    callgrind_annotate "$1" 2>/dev/null | sed -n '1,60p'
  } >"$2"
}

data="$(corpus_of "$search_size")"
db="$out/db-$search_size"
[ -d "$db" ] || "$cli" index "$data/corpus" --db "$db" >/dev/null
awk -F'\t' -v n="$queries" '++seen[$1] <= n' "$data/queries.tsv" >"$out/queries.tsv"
echo "profile: search at $search_size entries ($(wc -l <"$out/queries.tsv") queries, every prefix)" >&2
valgrind --tool=callgrind --callgrind-out-file="$out/search.callgrind" \
  "$objs/tools/bench/bench_search_madoguchi" --db "$db" --queries "$out/queries.tsv" --reps 1 --warm-up 0 \
  --out "$out/search-result.json" 2>"$out/search-valgrind.log"
annotate "$out/search.callgrind" "$out/search.txt"

data="$(corpus_of "$index_size")"
rm -rf "$out/db-index"
echo "profile: full index build at $index_size entries" >&2
valgrind --tool=callgrind --callgrind-out-file="$out/index.callgrind" \
  "$cli" index "$data/corpus" --db "$out/db-index" >/dev/null 2>"$out/index-valgrind.log"
annotate "$out/index.callgrind" "$out/index.txt"
echo "profile: $out/search.txt, $out/index.txt (open the .callgrind files with kcachegrind)" >&2
