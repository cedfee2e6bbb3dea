#!/usr/bin/env python3
"""Compares two `bench_search_madoguchi --dump` files keystroke by keystroke.

    compare_dumps.py BEFORE.tsv AFTER.tsv [--show 10]

Prints how many keystrokes keep the same hits in the same order, the same first hit, how many
estimates differ, and the largest score difference where the order is the same; then the
keystrokes whose hits changed (the first --show of them). Exits 1 when any keystroke's hits
differ, 0 otherwise (scores and estimates may differ).

Use: a speed change that should leave results alone (dump before and after), or Xapian's pruned
match against an exhaustive one (`--exhaustive 1`, docs/xapian-andmaybe-skip.md).
"""
import argparse
import sys


def load(path):
    """[(typed text, estimate, [(id, score), ...]), ...] in file order."""
    keystrokes = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.startswith("  "):
                typed, _, estimate = line.rpartition("\t")
                keystrokes.append((typed, estimate, []))
            else:
                fields = line.split(None, 4)  # rank, id, effective, score, rest
                keystrokes[-1][2].append((fields[1], float(fields[3])))
    return keystrokes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--show", type=int, default=10, help="changed keystrokes to list")
    args = ap.parse_args()
    a, b = load(args.before), load(args.after)
    if [k[0] for k in a] != [k[0] for k in b]:
        sys.exit("the two dumps do not type the same keystrokes")
    same_order = same_first = estimates = 0
    max_diff = 0.0
    changed = []
    for (typed, est_a, hits_a), (_, est_b, hits_b) in zip(a, b):
        ids_a, ids_b = [h[0] for h in hits_a], [h[0] for h in hits_b]
        estimates += est_a != est_b
        same_first += ids_a[:1] == ids_b[:1]
        if ids_a == ids_b:
            same_order += 1
            for (_, sa), (_, sb) in zip(hits_a, hits_b):
                max_diff = max(max_diff, abs(sa - sb))
        else:
            changed.append((typed, ids_a, ids_b))
    print(f"{len(a)} keystrokes: same hits in the same order {same_order}, same first hit {same_first}, "
          f"estimates differ {estimates}, largest score difference (same order) {max_diff:.3g}")
    for typed, ids_a, ids_b in changed[: args.show]:
        gone = [i for i in ids_a if i not in ids_b]
        print(f"  {typed}\n    before {' '.join(ids_a[:5])}\n    after  {' '.join(ids_b[:5])}"
              f"\n    left the top {len(ids_a)}: {' '.join(gone) or '-'}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
