"""The keystroke statistics of replay.cpp, for peers driven from Python (same formulas)."""
import json
import math


def percentile(values, p):
    if not values:
        return 0.0
    v = sorted(values)
    return v[min(len(v) - 1, max(0, math.ceil(p / 100 * len(v)) - 1))]


def median(values):
    return percentile(values, 50)


def ndcg_at_10(ids, grades):
    gain = lambda g: 2 ** g - 1  # noqa: E731
    dcg = sum(gain(grades.get(i[6:], 0)) / math.log2(r + 2)
              for r, i in enumerate(ids[:10]) if i.startswith("lgfaq-"))
    ideal = sorted(grades.values(), reverse=True)[:10]
    idcg = sum(gain(g) / math.log2(r + 2) for r, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def summarize(queries, keystrokes, per_pass, ids_first, quality, quality_ids, qrels_path):
    """queries: [(set, qid, text)] typed; keystrokes: [(query index, typed, is_full)];
    per_pass: [(latencies_us, full_latencies_us)] per timed pass; ids_first: top ids, first pass;
    quality: [(set, qid, text)] searched once at full length, with their top ids in quality_ids."""
    qrels = json.load(open(qrels_path)) if qrels_path else {}
    answered = sum(1 for ids in ids_first if ids)
    dev = [(q[1], ids) for q, ids in zip(quality, quality_ids) if q[0] == "dev"]
    stat = lambda f: median([f(us) for us, _ in per_pass])  # noqa: E731
    return {
        "queries": len(queries),
        "keystrokes": len(keystrokes),
        "short_keystrokes": sum(1 for k in keystrokes if len(k[1]) < 3),
        "repetitions": len(per_pass),
        "latency_us": {"p50": stat(lambda u: percentile(u, 50)), "p95": stat(lambda u: percentile(u, 95)),
                       "p99": stat(lambda u: percentile(u, 99)), "max": stat(lambda u: percentile(u, 100)),
                       "mean": stat(lambda u: sum(u) / len(u)),
                       "full_query_p50": median([percentile(f, 50) for _, f in per_pass])},
        "answered_share": answered / len(keystrokes) if keystrokes else 0,
        "quality_queries": len(quality),
        "full_answered_share": sum(1 for ids in quality_ids if ids) / len(quality) if quality else 0,
        "dev_queries": len(dev),
        "ndcg10_dev": sum(ndcg_at_10(ids, qrels.get(qid, {})) for qid, ids in dev) / len(dev) if dev else 0,
    }
