#!/usr/bin/env python3
"""All search-quality figures in one run: `madoguchi eval` on the localgovFAQ dev split and its
kana, romaji and one-typo variants, keystrokes to answer (kanji queries) and the sample corpus's
gold queries. nDCG@10 is also split by query id (odd/even halves) from the TREC runs, so that a
change that only helps one half shows up as noise. Reads the data at run time
(MADOGUCHI_EVAL_DIR, default ../shared/eval); nothing is copied into the repository.

  tools/eval_quality.py [--bin build/indexer/madoguchi] [--no-keystrokes] [--no-gold] [-j 2]
                        [--eval-arg=--sudachi-synonyms=spelling ...]
"""
import argparse
import concurrent.futures
import json
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VARIANTS = ["", "-kana", "-romaji", "-typo"]


def ndcg_at(ranked, grades, k=10):
    dcg = sum((2 ** grades.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def read_run(path):
    runs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            qid, _, doc, rank, _score, _tag = line.split()
            runs.setdefault(qid, []).append((int(rank), doc))
    return {q: [d for _, d in sorted(v)] for q, v in runs.items()}


def run_variant(binary, dataset, keystrokes, workdir, extra):
    name = os.path.basename(dataset)
    run_path = os.path.join(workdir, name + ".trec")
    cmd = [binary, "eval", "--dataset", dataset, "--run", run_path, "--json"] + extra
    if keystrokes:
        cmd.append("--keystrokes")
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    report = json.loads(out.strip().splitlines()[-1])
    with open(os.path.join(dataset, "qrels.json"), encoding="utf-8") as f:
        qrels = json.load(f)
    with open(os.path.join(dataset, "queries.json"), encoding="utf-8") as f:
        queries = json.load(f)
    runs = read_run(run_path)
    per_query = {q: ndcg_at(runs.get(q, []), {d: int(g) for d, g in qrels.get(q, {}).items()}) for q in queries}
    halves = {}
    for parity, label in ((1, "odd"), (0, "even")):
        values = [v for q, v in per_query.items() if int(q) % 2 == parity]
        halves[label] = sum(values) / len(values) if values else 0.0
    report["halves"] = halves
    report["per_query"] = per_query
    return name, report


def run_gold(binary, extra):
    cmd = [binary, "eval", "--corpus", os.path.join(ROOT, "corpus"), "--gold",
           os.path.join(ROOT, "corpus", "gold", "queries.tsv"), "--json"] + extra
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(ROOT, "build", "indexer", "madoguchi"))
    parser.add_argument("--eval-dir", default=os.environ.get("MADOGUCHI_EVAL_DIR", os.path.join(ROOT, "..", "shared", "eval")))
    parser.add_argument("--no-keystrokes", action="store_true")
    parser.add_argument("--no-gold", action="store_true")
    parser.add_argument("--variants", default=",".join(v or "kanji" for v in VARIANTS),
                        help="comma-separated subset of kanji,-kana,-romaji,-typo")
    parser.add_argument("-j", "--jobs", type=int, default=1)
    parser.add_argument("--eval-arg", action="append", default=[],
                        help="an extra argument for every `madoguchi eval` run (repeatable)")
    parser.add_argument("--save", help="write every figure (and per-query nDCG) as JSON here")
    args = parser.parse_args()

    wanted = ["" if v == "kanji" else v for v in args.variants.split(",")]
    results = {}
    with tempfile.TemporaryDirectory() as workdir, concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(run_variant, args.bin, os.path.join(args.eval_dir, "localgovfaq-dev" + v),
                               v == "" and not args.no_keystrokes, workdir, args.eval_arg) for v in wanted]
        gold = None if args.no_gold else pool.submit(run_gold, args.bin, args.eval_arg)
        for f in futures:
            name, report = f.result()
            results[name] = report
        gold = gold.result() if gold else None

    kanji = results.get("localgovfaq-dev", {}).get("ndcg@10")
    print(f"{'variant':24} {'nDCG@10':>8} {'share':>6} {'odd':>6} {'even':>6} {'MRR@10':>7} {'p50 ms':>7} {'p99 ms':>7}")
    for name, r in results.items():
        share = f"{100 * r['ndcg@10'] / kanji:5.1f}%" if kanji else "   -  "
        print(f"{name:24} {r['ndcg@10']:8.4f} {share:>6} {r['halves']['odd']:6.4f} {r['halves']['even']:6.4f} "
              f"{r['mrr@10']:7.4f} {r['search_ms']['p50']:7.2f} {r['search_ms']['p99']:7.2f}")
        if "keystrokes" in r:
            k = r["keystrokes"]
            median = "undefined" if k["median_fraction"] is None else f"{k['median_fraction']:.3f}"
            print(f"  keystrokes: median {median}, answered at some prefix {100 * k['answered_at_some_prefix']:.1f}%, "
                  f"at full length {100 * k['answered_at_full_length']:.1f}%")
    if gold:
        print(f"gold queries: MRR@10 {gold['mrr@10']:.4f}, nDCG@10 {gold['ndcg@10']:.4f}")
    if args.save:
        with open(args.save, "w", encoding="utf-8") as f:
            json.dump({"variants": results, "gold": gold}, f)


if __name__ == "__main__":
    sys.exit(main())
