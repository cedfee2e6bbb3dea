#!/usr/bin/env bash
# Installs every Debian package Madoguchi needs to build, test and run.
# Idempotent: prints nothing and changes nothing when all packages are present.
# Also installs Sudachi's synonym dictionary from npm into a cache outside the repository.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config clang libclang-rt-14-dev
  # core
  libxapian-dev xapian-tools libmecab-dev mecab mecab-ipadic-utf8 libutf8proc-dev
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libtomlplusplus-dev libfmt-dev libdtl-dev
  libxxhash-dev libsqlite3-dev libcsv-dev
  # viewer
  libimgui-dev libglfw3-dev libfontconfig-dev libfreetype-dev libstb-dev libmd4c-dev
  fonts-noto-cjk
  # tests
  catch2 xvfb xauth xdotool xclip chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# npm fetches Sudachi's synonym dictionary (below); a Node.js install may already bring its own.
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Sudachi's synonym dictionary (npm sudachi-synonyms-dictionary, Apache-2.0), for index builds
# that add its groups (--sudachi-synonyms). Pinned with its integrity in tools/npm/'s lockfile,
# which `npm ci` checks; installed into a cache outside the repository, never vendored.
npm_dir="${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi/npm"
here=$(cd "$(dirname "$0")" && pwd)
if ! cmp -s "$here/npm/package-lock.json" "$npm_dir/package-lock.json" ||
   [ ! -f "$npm_dir/node_modules/sudachi-synonyms-dictionary/sudachi-synonyms-dictionary.json" ]; then
  echo "setup: installing Sudachi's synonym dictionary into $npm_dir" >&2
  mkdir -p "$npm_dir"
  cp "$here/npm/package.json" "$here/npm/package-lock.json" "$npm_dir/"
  (cd "$npm_dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
fi
