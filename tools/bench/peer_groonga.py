#!/usr/bin/env python3
"""Peer: Groonga (groonga-bin 13 + groonga-tokenizer-mecab) on the same docs and keystrokes.

Lexicon: TABLE_PAT_KEY with TokenMecab("use_base_form", true) and NormalizerNFKC100, one index
over title and body; ranking scorer_tf_idf, top 10 by _score. Groonga's --query treats an
unspaced Japanese sentence as one phrase, so each typed text is first split by the lexicon's own
tokenizer (`table_tokenize Terms TEXT --mode GET`: only tokens the corpus has) and the tokens
are ORed. Per-keystroke latency = the elapsed time of table_tokenize + select that Groonga
reports in each response header (execution in the server process, i.e. in-process equivalent:
no client, command parsing or output transfer); both run in batch mode (`groonga DB < FILE`).
Returns ids only (no snippets).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from replay_stats import summarize  # noqa: E402

WARM_UP_QUERIES = 25  # as kWarmUpQueries in replay.h


def run_batch(db, commands):
    """Runs commands (one per line) in one groonga process; returns the decoded responses."""
    proc = subprocess.run(["groonga", db], input="\n".join(commands) + "\n", capture_output=True,
                          text=True, check=True)
    dec, out, pos, responses = json.JSONDecoder(), proc.stdout, 0, []
    while True:
        while pos < len(out) and out[pos].isspace():
            pos += 1
        if pos >= len(out):
            break
        obj, pos = dec.raw_decode(out, pos)
        responses.append(obj)
    if len(responses) != len(commands):
        raise RuntimeError(f"groonga answered {len(responses)} of {len(commands)} commands")
    return responses


def cmd(name, **params):
    return f"/d/{name}?" + urllib.parse.urlencode(params, quote_via=urllib.parse.quote)


def build(db_dir, docs_path):
    if os.path.exists(db_dir):
        shutil.rmtree(db_dir)
    os.makedirs(db_dir)
    db = os.path.join(db_dir, "db")
    docs = [json.loads(line) for line in open(docs_path, encoding="utf-8")]
    started = time.monotonic()
    subprocess.run(["groonga", "-n", db, "quit"], check=True, capture_output=True)
    setup = [
        "table_create Docs TABLE_NO_KEY",
        "column_create Docs eid COLUMN_SCALAR ShortText",
        "column_create Docs title COLUMN_SCALAR Text",
        "column_create Docs body COLUMN_SCALAR Text",
        "load --table Docs",
        json.dumps([{"eid": d["id"], "title": d["title"], "body": d["body"]} for d in docs], ensure_ascii=False),
        "table_create Terms TABLE_PAT_KEY ShortText --normalizer NormalizerNFKC100 "
        "--default_tokenizer 'TokenMecab(\"use_base_form\", true)'",
        "column_create Terms docs_index COLUMN_INDEX|WITH_POSITION|WITH_SECTION Docs title,body",
    ]
    proc = subprocess.run(["groonga", db], input="\n".join(setup) + "\n", capture_output=True, text=True, check=True)
    if '"rc":-' in proc.stdout or "[[-" in proc.stdout:
        raise RuntimeError("groonga setup failed: " + proc.stdout[:2000])
    seconds = time.monotonic() - started
    size = sum(len(d["title"].encode()) + len(d["body"].encode()) for d in docs)
    return db, {"docs": len(docs), "seconds": seconds, "mb_per_s": size / 1e6 / seconds}


def select_cmd(tokens):
    return cmd("select", table="Docs", match_columns="scorer_tf_idf(title) || scorer_tf_idf(body)",
               query=" OR ".join(quote_token(t) for t in tokens), sort_keys="-_score", limit="10",
               output_columns="eid,_score")


def search_once(db, queries):
    """Top ids of each query at full length (untimed: the quality figures)."""
    tok = run_batch(db, [cmd("table_tokenize", table="Terms", string=q[2], mode="GET") for q in queries])
    tokens = [[t["value"] for t in r[1]] if r[0][0] == 0 else [] for r in tok]
    live = [select_cmd(t) for t in tokens if t]
    sel = iter(run_batch(db, live) if live else [])
    out = []
    for t in tokens:
        r = next(sel) if t else None
        out.append([row[0] for row in r[1][0][2:]] if r and r[0][0] == 0 else [])
    return out


def quote_token(t):
    return '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--queries", required=True)
    ap.add_argument("--quality-queries", default="", help="searched once at full length for nDCG@10")
    ap.add_argument("--qrels", default="")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--out", default="")
    args = ap.parse_args()

    db, build_stats = build(args.db, args.docs)
    read = lambda path: [line.rstrip("\n").split("\t", 2) for line in open(path, encoding="utf-8") if line.strip()]  # noqa
    queries = read(args.queries)
    quality = read(args.quality_queries) if args.quality_queries else queries
    keystrokes = []  # (query index, typed text, is_full)
    for qi, (_, _, text) in enumerate(queries):
        for k in range(1, len(text) + 1):
            keystrokes.append((qi, text[:k], k == len(text)))
    passes = args.reps + 1  # the first is an untimed warm-up (the first WARM_UP_QUERIES queries)
    n = len(keystrokes)
    warm = sum(1 for qi, _, _ in keystrokes if qi < WARM_UP_QUERIES)

    tok_cmds = [cmd("table_tokenize", table="Terms", string=t, mode="GET") for _, t, _ in keystrokes]
    tok = run_batch(db, tok_cmds[:warm] + tok_cmds * args.reps)
    tok = tok[:warm] + [None] * (n - warm) + tok[warm:]  # realign: pass p, keystroke i at p * n + i
    selects = []
    for i in range(n):
        first = tok[n + i]  # the first timed pass (the warm-up covers only a few queries)
        tokens = [t["value"] for t in first[1]] if first[0][0] == 0 else []
        selects.append(select_cmd(tokens) if tokens else None)
    live = [s for s in selects if s]
    warm_live = sum(1 for i in range(warm) if selects[i])
    wall = time.monotonic()
    sel = run_batch(db, live[:warm_live] + live * args.reps)
    wall = time.monotonic() - wall
    sel = sel[:warm_live] + [None] * (len(live) - warm_live) + sel[warm_live:]

    per_pass, ids_first = [], []
    for p in range(1, passes):
        us, full_us, j = [], [], p * len(live)
        for i, (qi, _, full) in enumerate(keystrokes):
            elapsed = tok[p * n + i][0][2]
            ids = []
            if selects[i]:
                r = sel[j]
                j += 1
                elapsed += r[0][2]
                if r[0][0] == 0:
                    ids = [row[0] for row in r[1][0][2:]]
            us.append(elapsed * 1e6)
            if full:
                full_us.append(elapsed * 1e6)
            if p == 1:
                ids_first.append(ids)
        per_pass.append((us, full_us))
    out = summarize(queries, keystrokes, per_pass, ids_first, quality, search_once(db, quality), args.qrels)
    out.update({"engine": "groonga", "build": build_stats,
                "timing": "sum of table_tokenize and select elapsed from Groonga's response headers",
                "batch_wall_us_per_select": wall / max(1, warm_live + len(live) * args.reps) * 1e6})
    text = json.dumps(out, indent=1, ensure_ascii=False)
    if args.out:
        open(args.out, "w").write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
