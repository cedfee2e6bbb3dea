#!/usr/bin/env python3
"""Viewer figures under Xvfb: time to first frame, frame times while typing, idle CPU, RSS.

- first frame: wall time of `madoguchi-viewer --exit-after-frames 1` from spawn to exit (an upper
  bound: it includes exit), median of 3; or the viewer's own "first_frame_ms" when its event log
  has one. Since the window stopped waiting for the index, the first frame may come before the
  index is open: "first_ready_ms" (the first frame that can answer) is reported beside it.
- typing: xdotool types the first queries into the running viewer (80 ms per key, Esc between
  queries); frame times come from the viewer's event log ("frame" events with "ms", or a "stats"
  event with "frame_ms": [...]) when it writes them; the "search" events' took_ms are reported
  beside them (the search each keystroke cost inside the viewer).
- idle: CPU time (utime + stime from /proc) over N seconds with no input, after 3 s of settling.
- RSS: VmRSS after idling and VmHWM (peak) after typing.
Writes {"available": false, "note": ...} when the viewer is not built.
"""
import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from replay_stats import percentile  # noqa: E402

TODAY = os.environ.get("MADOGUCHI_TODAY", "2024-06-01")


def write(out, doc):
    with open(out, "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def status_kb(pid, key):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def events(path):
    out = []
    if os.path.exists(path):
        for line in open(path, encoding="utf-8", errors="replace"):
            try:
                out.append(json.loads(line))
            except ValueError:
                pass
    return out


def find_window(pid):
    """The viewer's X window: by _NET_WM_PID, else the only visible window of this Xvfb."""
    for query in (["--pid", str(pid)], ["--onlyvisible", "--name", ".*"]):
        try:
            ids = subprocess.run(["xdotool", "search", "--sync"] + query, capture_output=True, text=True,
                                 timeout=15).stdout.split()
            if ids:
                return ids
        except subprocess.TimeoutExpired:
            pass
    return []


def inner(args):
    base = [args.viewer, "--db", args.db, "--no-config", "--today", TODAY, "--size", "1280x800"]
    scratch = args.out + ".d"
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    doc = {"available": True, "display": os.environ.get("DISPLAY")}

    # 1. Time to first frame.
    walls, own, ready = [], [], []
    for i in range(3):
        log = f"{scratch}/first{i}.jsonl"
        t0 = time.monotonic()
        p = subprocess.run(base + ["--exit-after-frames", "1", "--event-log", log], capture_output=True, timeout=120)
        walls.append((time.monotonic() - t0) * 1000)
        if p.returncode != 0:
            doc.update({"available": False, "note": f"viewer exited {p.returncode}: {p.stderr.decode()[-300:]}"})
            return doc
        ev = events(log)
        own += [e["first_frame_ms"] for e in ev if e.get("event") == "ready" and "first_frame_ms" in e]
        ready += [e["first_ready_ms"] for e in ev if e.get("event") == "ready" and "first_ready_ms" in e]
    doc["first_frame_wall_ms"] = round(statistics.median(walls), 1)
    doc["first_frame_ms"] = round(statistics.median(own), 1) if own else doc["first_frame_wall_ms"]
    if ready:
        doc["first_ready_ms"] = round(statistics.median(ready), 1)
    doc["first_frame_source"] = "viewer event log" if own else "spawn to exit with --exit-after-frames 1 (upper bound)"

    # 2. Idle CPU and RSS of a running viewer.
    log = f"{scratch}/run.jsonl"
    proc = subprocess.Popen(base + ["--event-log", log], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        win = find_window(proc.pid)
        time.sleep(3)
        if proc.poll() is not None:
            return {"available": False, "note": f"the viewer exited at once (status {proc.returncode}) without --exit-after-frames"}
        c0, t0 = cpu_seconds(proc.pid), time.monotonic()
        time.sleep(args.idle_seconds)
        doc["idle_cpu_percent"] = round(100 * (cpu_seconds(proc.pid) - c0) / (time.monotonic() - t0), 2)
        doc["idle_seconds"] = args.idle_seconds
        doc["rss_mb"] = round(status_kb(proc.pid, "VmRSS") / 1024, 1)

        # 3. Typing the first queries.
        queries = [line.rstrip("\n").split("\t", 2)[2] for line in open(args.queries, encoding="utf-8")][:args.typed]
        if win:
            subprocess.run(["xdotool", "windowactivate", "--sync", win[0]], capture_output=True, timeout=10)
            c0, t0 = cpu_seconds(proc.pid), time.monotonic()
            for q in queries:
                subprocess.run(["xdotool", "type", "--delay", "80", q], capture_output=True, timeout=120)
                time.sleep(0.3)
                subprocess.run(["xdotool", "key", "Escape"], capture_output=True, timeout=10)
            doc["typing_cpu_percent"] = round(100 * (cpu_seconds(proc.pid) - c0) / (time.monotonic() - t0), 1)
        else:
            queries = []
            doc["note_typing"] = "no viewer window found under Xvfb: typing skipped"
        doc["peak_rss_mb"] = round(status_kb(proc.pid, "VmHWM") / 1024, 1)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    ev = events(log)
    frames = [e["ms"] for e in ev if e.get("event") == "frame" and "ms" in e]
    for e in ev:
        frames += e.get("frame_ms", [])
    searches = [e["took_ms"] for e in ev if e.get("event") == "search" and "took_ms" in e]
    doc["typed_queries"] = len(queries)
    doc["searches_while_typing"] = len(searches)
    if searches:
        doc["search_took_ms_p50"] = round(percentile(searches, 50), 2)
        doc["search_took_ms_p99"] = round(percentile(searches, 99), 2)
    if frames:
        doc["frame_p50_ms"] = round(percentile(frames, 50), 2)
        doc["frame_p99_ms"] = round(percentile(frames, 99), 2)
    else:
        doc["note"] = "frame times not measured: the viewer's event log has no frame timings"
    return doc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--viewer", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--queries", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--idle-seconds", type=float, default=10)
    ap.add_argument("--typed", type=int, default=5)
    ap.add_argument("--inner", action="store_true")
    args = ap.parse_args()
    if not os.access(args.viewer, os.X_OK):
        write(args.out, {"available": False, "note": "madoguchi-viewer is not built"})
        return
    if not args.inner:
        if not shutil.which("xvfb-run"):
            write(args.out, {"available": False, "note": "xvfb-run is not installed"})
            return
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable, os.path.abspath(__file__), "--inner"]
        cmd += sys.argv[1:]
        if subprocess.run(cmd).returncode != 0 and not os.path.exists(args.out):
            write(args.out, {"available": False, "note": "the viewer stage failed under Xvfb"})
        return
    try:
        write(args.out, inner(args))
    except Exception as e:  # a broken viewer must not stop the benchmark
        write(args.out, {"available": False, "note": f"viewer stage failed: {e}"})


if __name__ == "__main__":
    main()
