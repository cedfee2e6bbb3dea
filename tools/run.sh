#!/usr/bin/env bash
# Installs dependencies, builds, indexes the bundled sample corpus and opens the viewer.
# Without a display (or a viewer), runs a sample search in the terminal instead. Idempotent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/setup.sh"
"$root/tools/build.sh" "$root/build"
db="$root/build/sample-db"
"$root/build/indexer/madoguchi" index "$root/corpus" --db "$db" >/dev/null
viewer="$root/build/viewer/madoguchi-viewer"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$viewer" ]; then
  exec "$viewer" --db "$db" "$@"
fi
echo "(no display: a search in the terminal instead of the viewer)"
"$root/build/indexer/madoguchi" search --db "$db" --limit 5 "${@:-発熱 相談}"
