#!/usr/bin/env bash
# Viewer figures for docs/viewer.md (issue 3): time to first frame, frame time while typing
# (median / p99), idle CPU over N seconds, RSS, glyph count and atlas size. Runs the viewer under
# a private Xvfb and types real queries into it with xdotool.
#
#   tools/viewer-measure.sh --viewer BUILD/viewer/madoguchi-viewer --db INDEX
#                           [--queries corpus/gold/queries.tsv] [--typed 10] [--idle 10]
#                           [--today 2026-11-25] [--size 1280x800] [--out FILE.json]
#
# Frame times are the viewer's own (its --event-log "stats" event): "work" is input to draw data
# submitted, "total" adds the buffer swap (under Xvfb that is Mesa's software rasterizer, which
# dominates; on a GPU it is the vsync wait). Prints a summary and writes every figure to --out.
set -euo pipefail
viewer="" db="" queries="$(cd "$(dirname "$0")/.." && pwd)/corpus/gold/queries.tsv"
typed=10 idle=10 today=2026-11-25 size=1280x800 out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --viewer) viewer="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --queries) queries="$2"; shift 2 ;;
    --typed) typed="$2"; shift 2 ;;
    --idle) idle="$2"; shift 2 ;;
    --today) today="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "viewer-measure: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$viewer" ] && [ -d "$db" ] || { echo "viewer-measure: --viewer and --db are required" >&2; exit 2; }
for p in Xvfb xdotool python3; do command -v "$p" >/dev/null || { echo "viewer-measure: $p is missing" >&2; exit 1; }; done

exec python3 - "$viewer" "$db" "$queries" "$typed" "$idle" "$today" "$size" "$out" <<'PY'
import json, os, signal, statistics, subprocess, sys, tempfile, time

viewer, db, queries, typed, idle, today, size, out = sys.argv[1:9]
typed, idle = int(typed), float(idle)
tmp = tempfile.mkdtemp(prefix="viewer-measure-")

# A private X server on a free display.
r, w = os.pipe()
xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                        pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(w)
display = ":" + os.read(r, 16).decode().strip()
env = dict(os.environ, DISPLAY=display, LANG="C.UTF-8", LC_ALL="C.UTF-8")
base = [viewer, "--db", db, "--no-config", "--today", today, "--size", size]

def events(path):
    out = []
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            try: out.append(json.loads(line))
            except ValueError: pass
    return out

def cpu(pid):
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")

def status_kb(pid, key):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(key + ":"): return int(line.split()[1])
    return 0

doc = {"db": db, "display": display}
try:
    # 1. Time to first frame (and the glyph atlas), median of 3 cold-ish starts.
    firsts, readies, ready = [], [], {}
    for i in range(3):
        log = f"{tmp}/first{i}.jsonl"
        subprocess.run(base + ["--exit-after-frames", "1", "--event-log", log], env=env, check=True, timeout=120,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ready = next(e for e in events(log) if e["event"] == "ready")
        firsts.append(ready["first_frame_ms"])
        readies.append(ready.get("first_ready_ms", ready["first_frame_ms"]))  # the first frame that can answer
    doc["first_frame_ms"] = round(statistics.median(firsts), 1)
    doc["first_ready_ms"] = round(statistics.median(readies), 1)
    doc["first_frame_ms_all"] = [round(x, 1) for x in firsts]
    for k in ("backend", "entries", "font", "font_px", "glyphs_requested", "glyphs_baked", "glyphs_missing",
              "atlas_width", "atlas_height", "atlas_build_ms", "index_open_ms", "window_ms"):
        doc[k] = ready.get(k)

    # 2. Idle CPU and RSS of a running viewer showing results.
    log = f"{tmp}/run.jsonl"
    proc = subprocess.Popen(base + ["--event-log", log, "--query", "発熱"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while not any(e["event"] == "ready" for e in events(log)) and time.time() < deadline: time.sleep(0.1)
    time.sleep(3)
    c0, t0 = cpu(proc.pid), time.monotonic()
    time.sleep(idle)
    doc["idle_cpu_percent"] = round(100 * (cpu(proc.pid) - c0) / (time.monotonic() - t0), 2)
    doc["idle_seconds"] = idle
    doc["rss_mib_idle"] = round(status_kb(proc.pid, "VmRSS") / 1024, 1)

    # 3. Typing: one character at a time (each like an IME commit), Esc between queries.
    qs = []
    for line in open(queries, encoding="utf-8"):
        if line.startswith("#") or not line.strip(): continue
        cols = line.rstrip("\n").split("\t")
        qs.append(cols[2] if len(cols) >= 3 else cols[0])  # bench "set qid text", or gold "query ids"
    qs = qs[:typed]
    subprocess.run(["xdotool", "key", "Escape"], env=env)
    n0 = len(events(log))
    t_typing = time.monotonic()
    c_typing = cpu(proc.pid)
    for q in qs:
        for ch in q:
            subprocess.run(["xdotool", "type", "--delay", "120", ch], env=env)
        time.sleep(0.3)
        subprocess.run(["xdotool", "key", "Escape"], env=env)
        time.sleep(0.2)
    doc["typing_cpu_percent"] = round(100 * (cpu(proc.pid) - c_typing) / (time.monotonic() - t_typing), 1)
    doc["rss_mib_after_typing"] = round(status_kb(proc.pid, "VmRSS") / 1024, 1)
    doc["peak_rss_mib"] = round(status_kb(proc.pid, "VmHWM") / 1024, 1)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=20)
    ev = events(log)
    searches = [e for e in ev[n0:] if e["event"] == "search"]
    doc["typed_queries"] = len(qs)
    doc["searches_while_typing"] = len(searches)
    took = sorted(e["took_ms"] for e in searches)
    if took:
        doc["search_ms_median"] = round(statistics.median(took), 2)
        doc["search_ms_p99"] = round(took[min(len(took) - 1, int(0.99 * (len(took) - 1) + 0.5))], 2)
    stats = next(e for e in ev if e["event"] == "stats")
    for k in ("frame_work_ms", "frame_total_ms", "frame_busy_ms"):
        doc[k] = {m: round(v, 2) if isinstance(v, float) else v for m, v in stats[k].items()}
finally:
    xvfb.terminate()
    xvfb.wait()

if out:
    json.dump(doc, open(out, "w"), ensure_ascii=False, indent=1)
print(json.dumps(doc, ensure_ascii=False, indent=1))
PY
