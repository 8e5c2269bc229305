#!/usr/bin/env bash
# Extraction throughput: repeats the shipped examples (with fresh ids) into a JSON Lines
# corpus of about SIZE_MB megabytes, then times `sillok extract` and `sillok ingest` on it.
#   bench/extract_throughput.sh [SILLOK_BINARY] [SIZE_MB]
# Run on demand (not in CI); record results in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/sillok}
size_mb=${2:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" extract examples/seeds/*.txt examples/wikinews/wikinews_*.md 2>/dev/null |
  /usr/bin/python3 -c '
import json, sys
recs = [json.loads(l) for l in sys.stdin]
target = int(sys.argv[1]) * 1024 * 1024
out, n, size = open(sys.argv[2], "w"), 0, 0
while size < target:
    for r in recs:
        body = r["text"].split("\n", 2)[-1]
        line = json.dumps({"id": r["id"] + "-" + str(n), "title": r["title"], "body": body,
                           "published_at": r["published_at"], "publisher": r["publisher"]},
                          ensure_ascii=False)
        out.write(line + "\n"); size += len(line.encode()) + 1; n += 1
print(n, size)
' "$size_mb" "$work/corpus.jsonl" > "$work/info"
read -r articles bytes < "$work/info"
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
echo "corpus: $articles articles, $mb MB (JSON Lines)"

start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/rss" "$bin" extract "$work/corpus.jsonl" > /dev/null
end=$(date +%s.%N)
secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
echo "extract: ${secs}s, $(awk -v m="$mb" -v s="$secs" 'BEGIN { printf "%.2f", m / s }') MB/s (one core), peak RSS $(( $(cat "$work/rss") / 1024 )) MB"

start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/rss" "$bin" ingest -q --db "$work/bench.db" "$work/corpus.jsonl" 2>/dev/null
end=$(date +%s.%N)
secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
echo "ingest: ${secs}s, $(awk -v n="$articles" -v s="$secs" 'BEGIN { printf "%.0f", n / s }') articles/s, peak RSS $(( $(cat "$work/rss") / 1024 )) MB, database $(( $(stat -c %s "$work/bench.db") / 1048576 )) MB"

start=$(date +%s.%N)
"$bin" extract examples/seeds/000_5c0340f00aef317e.txt > /dev/null
end=$(date +%s.%N)
echo "start-up (load data, one article): $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')s"
