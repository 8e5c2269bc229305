#!/usr/bin/env bash
# Installs the Debian packages sillok needs to build, test and render (skips what is there).
# clang, libclang-rt-14-dev (libFuzzer) and llvm-14 (llvm-symbolizer) are for the fuzz
# targets (scripts/fuzz.sh); ccache only speeds up rebuilds.
# Runs apt-get as root, or through sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-graph-dev libicu-dev libsqlite3-dev libzstd-dev nlohmann-json3-dev catch2 libcli11-dev
  graphviz python3 python3-networkx chromium
  clang libclang-rt-14-dev llvm-14 ccache
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
as_root=()
if [[ $(id -u) -ne 0 ]]; then as_root=(sudo); fi
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
