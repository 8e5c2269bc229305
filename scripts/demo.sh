#!/usr/bin/env bash
# The first README command: install dependencies, build, ingest examples/ into a fresh
# database and print the timeline for the topic "국가대표 AI".
#   scripts/demo.sh [TOPIC]
set -euo pipefail
cd "$(dirname "$0")/.."
topic=${1:-국가대표 AI}

scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target sillok

db=build/demo.db
rm -f "$db" "$db-wal" "$db-shm"
build/sillok ingest --db "$db" examples/
echo
echo "== timeline: $topic"
build/sillok timeline --db "$db" --topic "$topic"
