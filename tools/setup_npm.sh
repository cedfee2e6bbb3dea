#!/usr/bin/env bash
# Sudachi's synonym dictionary (npm sudachi-synonyms-dictionary, Apache-2.0), for index builds
# that add its groups (--sudachi-synonyms). Pinned with its integrity in tools/npm/'s lockfile,
# which `npm ci` checks; installed into a cache outside the repository, never vendored.
# Idempotent: prints nothing when the pinned version is installed. Called by tools/setup.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
npm_dir="${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi/npm"
if ! cmp -s "$here/npm/package-lock.json" "$npm_dir/package-lock.json" ||
   [ ! -f "$npm_dir/node_modules/sudachi-synonyms-dictionary/sudachi-synonyms-dictionary.json" ]; then
  echo "setup: installing Sudachi's synonym dictionary into $npm_dir" >&2
  mkdir -p "$npm_dir"
  cp "$here/npm/package.json" "$here/npm/package-lock.json" "$npm_dir/"
  (cd "$npm_dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
fi
