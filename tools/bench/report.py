#!/usr/bin/env python3
"""Gathers the per-stage JSON files of one benchmark run into one JSON document and prints the
readable table (run.sh calls it last). Ratios are peer / Madoguchi latency (> 1: Madoguchi faster)."""
import argparse
import datetime
import glob
import json
import os
import platform
import statistics
import subprocess


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def median_of(paths, key):
    vals = [d[key] for d in (load(p) for p in paths) if d and key in d]
    return statistics.median(vals) if vals else None


def size_results(d, corpus):
    out = {"corpus": corpus}
    mecab1, mecab2 = load(f"{d}/mecab1.json"), load(f"{d}/mecab2.json")
    # A floor re-measured later for its CPU time (older runs' floor binary reported wall time only).
    cpu_floor = load(f"{d}/mecab1_cpu.json")
    if mecab1 and "mb_per_cpu_s" not in mecab1 and cpu_floor:
        mecab1["mb_per_cpu_s"], mecab1["cpu_floor_remeasured"] = cpu_floor["mb_per_cpu_s"], True
    full = load(f"{d}/index_full.json")
    mb = corpus["bytes"] / 1e6
    index = {"mecab_floor_1thread": mecab1, "mecab_floor_2threads": mecab2}
    if full:
        cpu = full.get("user_s", 0) + full.get("sys_s", 0)
        full.update({"entries_per_s": corpus["files"] / full["wall_s"], "mb_per_s": mb / full["wall_s"],
                     "cpu_s": cpu, "mb_per_cpu_s": mb / cpu if cpu else None})
        index["full_build"] = full
        if mecab1:
            index["share_of_mecab_1thread"] = full["mb_per_s"] / mecab1["mb_per_s"]
        if mecab2:
            index["share_of_mecab_2threads"] = full["mb_per_s"] / mecab2["mb_per_s"]
        if mecab1 and mecab1.get("mb_per_cpu_s") and full["mb_per_cpu_s"]:
            # Load-robust: CPU seconds of the build against CPU seconds of the floor.
            index["cpu_share_of_mecab"] = full["mb_per_cpu_s"] / mecab1["mb_per_cpu_s"]
    index["noop_rebuild"] = load(f"{d}/index_noop.json")
    incr = sorted(glob.glob(f"{d}/index_incr*.json"))
    index["incremental_one_entry"] = {"runs": [load(p) for p in incr], "median_wall_s": median_of(incr, "wall_s")}
    pub = sorted(glob.glob(f"{d}/publish_one*.json"))
    if pub:
        index["publish_full"] = load(f"{d}/publish_full.json")
        index["publish_one_entry"] = {"runs": [load(p) for p in pub], "median_wall_s": median_of(pub, "wall_s")}
    else:
        index["publish_one_entry"] = load(f"{d}/publish.json")
    out["indexing"] = index

    search = {}
    for name in ("madoguchi", "madoguchi_paced", "madoguchi_remote", "groonga", "fts5", "xapian_ngram"):
        s = load(f"{d}/search_{name}.json")
        if s:
            search[name] = s
    base = search.get("madoguchi", {}).get("latency_us", {})
    for name, s in search.items():
        if name != "madoguchi" and base:
            s["ratio_to_madoguchi"] = {k: (s["latency_us"][k] / base[k] if base.get(k) else None)
                                       for k in ("p50", "p95", "p99")}
    out["search"] = search
    out["viewer"] = load(f"{d}/viewer.json")
    return out


def fmt_us(v):
    if v is None:
        return "-"
    return f"{v / 1000:.2f} ms" if v >= 1000 else f"{v:.0f} µs"


def table(doc):
    lines = [f"Madoguchi benchmark ({doc['commit']}), {doc['date']}, {doc['machine']['cpus']} CPUs, "
             f"loadavg at start {doc['machine']['loadavg_start']}, at end {doc['machine']['loadavg_end']}"]
    names = {"madoguchi": "Madoguchi (MeCab)", "madoguchi_paced": "Madoguchi, paced 50 ms", "madoguchi_remote": "Madoguchi, tcpsrv seat", "groonga": "Groonga TokenMecab", "fts5": "SQLite FTS5 trigram",
             "xapian_ngram": "Xapian CJK n-gram"}
    for size, r in doc["sizes"].items():
        c, ix = r["corpus"], r["indexing"]
        lines.append("")
        lines.append(f"== {c['files']} entry files ({c['bytes'] / 1e6:.1f} MB) ==")
        full, m1, m2 = ix.get("full_build"), ix.get("mecab_floor_1thread"), ix.get("mecab_floor_2threads")
        if full:
            lines.append(f"index full build   {full['wall_s']:.1f} s, {full['entries_per_s']:.0f} entries/s, "
                         f"{full['mb_per_s']:.2f} MB/s, peak RSS {full['max_rss_kb'] / 1024:.0f} MB, "
                         f"CPU {full['cpu_s']:.1f} s")
        if m1 and m2:
            lines.append(f"raw MeCab floor    {m1['mb_per_s']:.2f} MB/s (1 thread), {m2['mb_per_s']:.2f} MB/s (2 threads)"
                         f"  -> build = {100 * ix.get('share_of_mecab_1thread', 0):.0f}% / "
                         f"{100 * ix.get('share_of_mecab_2threads', 0):.0f}% of it"
                         + (f"; by CPU time {100 * ix['cpu_share_of_mecab']:.0f}%" if ix.get("cpu_share_of_mecab") else ""))
        inc = ix["incremental_one_entry"]["median_wall_s"]
        noop = (ix.get("noop_rebuild") or {}).get("wall_s")
        lines.append(f"incremental, 1 changed entry: {inc if inc is None else f'{inc:.2f} s'} "
                     f"(no change: {noop if noop is None else f'{noop:.2f} s'})")
        pub = ix.get("publish_one_entry") or {}
        if "median_wall_s" in pub:
            lines.append(f"publish, 1 changed entry:     {pub['median_wall_s']:.2f} s")
        else:
            lines.append(f"publish: not available ({pub.get('note', 'no data')})")
        s = r["search"]
        if s:
            k = next(iter(s.values()))
            lines.append(f"per-keystroke search: {k['keystrokes']} keystrokes of {k['queries']} queries, "
                         f"{k['repetitions']} repetition(s), medians over repetitions; 'answered' = keystrokes "
                         f"with a hit; nDCG@10 of the {k['dev_queries']} dev queries at full length")
            lines.append(f"  {'engine':<22}{'p50':>10}{'p95':>10}{'p99':>10}{'max':>10}{'p50 ratio':>11}"
                         f"{'p99 ratio':>11}{'answered':>10}{'nDCG@10':>9}")
            for name, e in s.items():
                lat, ratio = e["latency_us"], e.get("ratio_to_madoguchi", {})
                rp = lambda x: f"{x:.2f}x" if x else "1.00x"  # noqa: E731
                lines.append(f"  {names.get(name, name):<22}{fmt_us(lat['p50']):>10}{fmt_us(lat['p95']):>10}"
                             f"{fmt_us(lat['p99']):>10}{fmt_us(lat['max']):>10}{rp(ratio.get('p50')):>11}"
                             f"{rp(ratio.get('p99')):>11}{100 * e['answered_share']:>9.1f}%{e['ndcg10_dev']:>9.3f}")
            f = s.get("fts5")
            if f:
                lines.append(f"  (FTS5: {f.get('like_fallbacks_per_pass')} keystrokes under 3 characters fall back to "
                             f"LIKE '%text%', unranked; ratio = peer latency / Madoguchi latency)")
        v = r.get("viewer") or {}
        if v.get("available"):
            parts = [f"{k} {v[k]}" for k in ("first_frame_ms", "first_ready_ms", "frame_p50_ms", "frame_p99_ms", "idle_cpu_percent",
                                             "rss_mb") if k in v]
            lines.append("viewer: " + ", ".join(parts) + (f" ({v['note']})" if v.get("note") else ""))
        else:
            lines.append(f"viewer: not available ({v.get('note', 'no data')})")
    if doc.get("reference_eval"):
        e = doc["reference_eval"]
        lines.append("")
        lines.append(f"reference: `madoguchi eval` on the dev corpus alone: nDCG@10 {e.get('ndcg10', e.get('ndcg@10', '?'))}")
    return "\n".join(lines)


def markdown(doc):
    """The summary table for docs/performance.md and README (one row per size and engine)."""
    names = {"madoguchi": "Madoguchi", "madoguchi_paced": "Madoguchi, 50 ms before each keystroke", "madoguchi_remote": "Madoguchi, seat via xapian-tcpsrv", "groonga": "Groonga (TokenMecab)", "fts5": "SQLite FTS5 trigram",
             "xapian_ngram": "Xapian CJK n-gram"}
    out = ["| entries | engine | p50 | p95 | p99 | max | p50 vs Madoguchi | answered | nDCG@10 |",
           "|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in doc["sizes"].values():
        for name, e in r["search"].items():
            lat, ratio = e["latency_us"], e.get("ratio_to_madoguchi", {}).get("p50")
            out.append(f"| {r['corpus']['files']} | {names.get(name, name)} | {fmt_us(lat['p50'])} | "
                       f"{fmt_us(lat['p95'])} | {fmt_us(lat['p99'])} | {fmt_us(lat['max'])} | "
                       f"{f'{ratio:.2f}x' if ratio else '1x'} | {100 * e['answered_share']:.1f}% | "
                       f"{e['ndcg10_dev']:.3f} |")
    out += ["", "| entries | full build | entries/s | MB/s | raw MeCab MB/s (1 / 2 threads) | build / MeCab "
            "| peak RSS | incremental, 1 entry | publish, 1 entry |", "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in doc["sizes"].values():
        ix, c = r["indexing"], r["corpus"]
        full, m1, m2 = ix.get("full_build") or {}, ix.get("mecab_floor_1thread") or {}, ix.get("mecab_floor_2threads") or {}
        inc = ix["incremental_one_entry"]["median_wall_s"]
        pub = (ix.get("publish_one_entry") or {}).get("median_wall_s")
        out.append(f"| {c['files']} | {full.get('wall_s', 0):.1f} s | {full.get('entries_per_s', 0):.0f} | "
                   f"{full.get('mb_per_s', 0):.2f} | {m1.get('mb_per_s', 0):.2f} / {m2.get('mb_per_s', 0):.2f} | "
                   f"{100 * ix.get('share_of_mecab_1thread', 0):.0f}% | {full.get('max_rss_kb', 0) / 1024:.0f} MB | "
                   f"{'-' if inc is None else f'{inc:.2f} s'} | {'n/a' if pub is None else f'{pub:.2f} s'} |")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--smoke", default="0")
    ap.add_argument("--loadavg-start", default="")
    ap.add_argument("--commit", default="")
    ap.add_argument("--markdown", action="store_true", help="print the summary tables of an existing --out")
    args = ap.parse_args()
    if args.markdown:
        print(markdown(load(args.out)))
        return
    sizes = {}
    for d in sorted(glob.glob(f"{args.results}/*/"), key=lambda p: int(os.path.basename(p.rstrip("/")))):
        corpus = load(f"{d}/corpus.json")
        if corpus:
            sizes[os.path.basename(d.rstrip("/"))] = size_results(d.rstrip("/"), corpus)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=os.path.dirname(os.path.abspath(__file__))).stdout.strip()
    doc = {
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "commit": args.commit or commit,
        "smoke": args.smoke == "1",
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "loadavg_start": args.loadavg_start or None,
                    "loadavg_end": " ".join(open("/proc/loadavg").read().split()[:3])},
        "sizes": sizes,
        "reference_eval": load(f"{args.results}/eval_dev.json"),
    }
    with open(args.out, "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
    print(table(doc))
    print(f"\n(all figures: {args.out})")


if __name__ == "__main__":
    main()
