#!/usr/bin/env bash
# Regenerates docs/viewer.png: indexes the sample corpus, runs the viewer's own --screenshot under
# a private Xvfb, and re-encodes the PNG with a 256-color palette (text screenshots lose nothing
# visible and shrink to well under the 300 KB the repository accepts).
#
#   tools/viewer-screenshot.sh [--build DIR] [--query Q] [--today YYYY-MM-DD] [--out docs/viewer.png]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build"
query="はつねつ そうだん"
today=2026-11-25
out="$root/docs/viewer.png"
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --query) query="$2"; shift 2 ;;
    --today) today="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "viewer-screenshot: unknown option $1" >&2; exit 2 ;;
  esac
done
cli="$build/indexer/madoguchi"
viewer="$build/viewer/madoguchi-viewer"
[ -x "$cli" ] && [ -x "$viewer" ] || { echo "viewer-screenshot: build madoguchi and madoguchi-viewer in $build first" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$cli" index "$root/corpus" --db "$work/sample" >/dev/null
xvfb-run -a -s "-screen 0 1280x800x24" env LANG=C.UTF-8 LC_ALL=C.UTF-8 \
  "$viewer" --no-config --db "$work/sample" --today "$today" --query "$query" --size 1280x800 \
  --screenshot "$work/raw.png" --event-log "$work/events.jsonl"
grep '"screenshot"' "$work/events.jsonl" >&2
python3 - "$work/raw.png" "$out" <<'PY'
import struct, sys, zlib
src, dst = sys.argv[1], sys.argv[2]
data = open(src, "rb").read()
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and ctype in (2, 6), "expected 8-bit RGB(A)"
        bpp = 3 if ctype == 2 else 4
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
stride = w * bpp
rows, prev = [], bytearray(stride)
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + ((a + b) >> 1)) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line))
    prev = line
# Popularity palette: the 256 most frequent colors; every other color maps to its nearest.
counts = {}
pixels = []
for line in rows:
    px = [line[i:i + 3] for i in range(0, stride, bpp)]
    pixels.append(px)
    for p in px:
        counts[p] = counts.get(p, 0) + 1
palette = sorted(counts, key=counts.get, reverse=True)[:256]
index = {c: i for i, c in enumerate(palette)}
def nearest(c):
    best, bd = 0, 1 << 30
    for i, p in enumerate(palette):
        d = (c[0] - p[0]) ** 2 + (c[1] - p[1]) ** 2 + (c[2] - p[2]) ** 2
        if d < bd: best, bd = i, d
    return best
for c in counts:
    if c not in index: index[c] = nearest(c)
out = b"".join(b"\x00" + bytes(index[p] for p in px) for px in pixels)
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 3, 0, 0, 0)) +
       chunk(b"PLTE", b"".join(palette)) + chunk(b"IDAT", zlib.compress(out, 9)) + chunk(b"IEND", b""))
open(dst, "wb").write(png)
print(f"{dst}: {w}x{h}, {len(counts)} colors -> {len(palette)}, {len(png) // 1024} KiB", file=sys.stderr)
PY
