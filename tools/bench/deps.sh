#!/usr/bin/env bash
# Installs what the benchmark needs beyond tools/setup.sh (build and core dependencies): the peers
# (groonga-bin, groonga-tokenizer-mecab, sqlite3), /usr/bin/time, and the profilers used by
# tools/bench/profile.sh. Idempotent and quiet when everything is present, so CI pays only when it
# runs the benchmark smoke.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
"$root/tools/setup.sh"

packages=(groonga-bin groonga-tokenizer-mecab sqlite3 libsqlite3-dev time valgrind xvfb xdotool)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "bench: installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
