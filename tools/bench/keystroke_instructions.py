#!/usr/bin/env python3
"""Instructions per search from callgrind's per-search dumps, and two runs compared search by search.

Wall-clock medians on this shared virtual machine drift by up to 50% between runs; instruction
counts do not. Record one dump per search (docs/performance.md, "Reproduce"):

  valgrind --tool=callgrind --dump-after='madoguchi::Searcher::search(madoguchi::SearchRequest const&)' \
    --callgrind-out-file=A/cg.out bench_search_madoguchi --db DB --queries Q --reps 1 --warm-up 0 --match-threads 1

then  tools/bench/keystroke_instructions.py A [B] [--last N]

--last N keeps the last N dumps: the timed keystrokes (the replay first searches every quality
query once). With B, both runs must have made the same searches in the same order.
"""
import argparse
import glob
import os
import statistics


def instructions(directory):
    """The instruction count of each dump, in the order the searches ran."""
    counts = {}
    for path in glob.glob(os.path.join(directory, "cg.out.*")):
        number = int(path.rsplit(".", 1)[1])
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("summary:"):
                    counts[number] = int(line.split()[1])
                    break
    return [counts[n] for n in sorted(counts)]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("runs", nargs="+", help="one or two directories of cg.out.N dumps")
    parser.add_argument("--last", type=int, default=0, help="keep only the last N dumps")
    args = parser.parse_args()
    if len(args.runs) > 2:
        parser.error("at most two runs")
    runs = [instructions(d) for d in args.runs]
    if args.last:
        runs = [r[-args.last:] for r in runs]
    if len(runs) == 2 and len(runs[0]) != len(runs[1]):
        parser.error(f"the runs made {len(runs[0])} and {len(runs[1])} searches")
    print(f"{len(runs[0])} searches; M instructions" + ("; ratio second / first" if len(runs) == 2 else ""))
    for name, p in [("p50", 50), ("p90", 90), ("p95", 95), ("p99", 99), ("max", 100)]:
        row = [percentile(r, p) / 1e6 for r in runs]
        ratio = f"  {row[1] / row[0]:.3f}" if len(runs) == 2 else ""
        print(f"{name:>4} " + "  ".join(f"{v:8.2f}" for v in row) + ratio)
    totals = [sum(r) / 1e9 for r in runs]
    print(" sum " + "  ".join(f"{v:7.2f}G" for v in totals) + (f"  {totals[1] / totals[0]:.3f}" if len(runs) == 2 else ""))
    if len(runs) == 2:
        ratios = [b / a for a, b in zip(*runs) if a > 0]
        print(f"per search: median ratio {statistics.median(ratios):.3f}, "
              f"{sum(r < 0.95 for r in ratios)} more than 5% fewer, {sum(r > 1.05 for r in ratios)} more than 5% more, "
              f"{sum(r > 1.2 for r in ratios)} more than 20% more")


if __name__ == "__main__":
    main()
