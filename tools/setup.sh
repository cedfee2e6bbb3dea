#!/usr/bin/env bash
# Installs every Debian package Madoguchi needs to build, test and run.
# Idempotent: prints nothing and changes nothing when all packages are present.
# Then tools/setup_npm.sh installs Sudachi's synonym dictionary, outside the repository.
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
# npm fetches Sudachi's synonym dictionary; a Node.js install may already bring its own.
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exec "$(dirname "$0")/setup_npm.sh"

echo "setup: installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
exec "$(dirname "$0")/setup_npm.sh"
