#!/usr/bin/env bash
# A local rehearsal of the map/reduce run: split a JSON Lines corpus into shards, run the
# mapper (mapper.sh = `sillok extract -`) on every shard as a separate process in parallel,
# concatenate the outputs (what `hdfs dfs -getmerge` does), load them with
# `sillok ingest --from-json` into one store, and check that the store holds exactly the
# input's articles (count and ids).
#
#   examples/mapreduce/simulate.sh --sillok build/sillok [--corpus FILE.jsonl] [--shards 4]
#                                  [--work DIR] [--keep]
#
# Without --corpus, 200 articles are generated with bench/gen_corpus.py. Exit 0 when the
# counts match, 1 when a mapper or the ingest failed or the store differs, 2 for bad usage.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
sillok=${SILLOK:-}
corpus=
shards=4
work=
keep=0
usage() { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while (($#)); do
  case $1 in
    --sillok) sillok=${2:?}; shift 2 ;;
    --corpus) corpus=${2:?}; shift 2 ;;
    --shards) shards=${2:?}; shift 2 ;;
    --work) work=${2:?}; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage ;;
    *) echo "simulate.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
[[ -n $sillok && -x $sillok ]] || { echo "simulate.sh: --sillok BINARY (or \$SILLOK) needed" >&2; exit 2; }
[[ $shards =~ ^[1-9][0-9]*$ ]] || { echo "simulate.sh: --shards must be a positive number" >&2; exit 2; }
sillok=$(cd "$(dirname "$sillok")" && pwd)/$(basename "$sillok")
export SILLOK="$sillok" SILLOK_DATA_DIR=${SILLOK_DATA_DIR:-$root/data}

if [[ -z $work ]]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/sillok-mapreduce.XXXXXX")
  ((keep)) || trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/shards" "$work/out"

if [[ -z $corpus ]]; then
  corpus=$work/corpus.jsonl
  /usr/bin/python3 "$root/bench/gen_corpus.py" -n 200 --seed 11 --jsonl >"$corpus"
fi
[[ -r $corpus ]] || { echo "simulate.sh: cannot read corpus '$corpus'" >&2; exit 2; }

# 1. Input splits: whole lines, `shards` pieces (like HDFS blocks cut at record boundaries).
split -n "l/$shards" -d -a 4 "$corpus" "$work/shards/part-"

# 2. Map: one process per split, all at once, each with its own stdout and stderr.
pids=()
for s in "$work"/shards/part-*; do
  name=$(basename "$s")
  "$here/mapper.sh" <"$s" >"$work/out/$name.jsonl" 2>"$work/out/$name.err" &
  pids+=("$!:$name")
done
failed=0
for entry in "${pids[@]}"; do
  if ! wait "${entry%%:*}"; then
    echo "simulate.sh: mapper for ${entry#*:} failed:" >&2
    cat "$work/out/${entry#*:}.err" >&2
    failed=1
  fi
done
((failed == 0)) || exit 1

# 3. Merge the map outputs and load them into one store, without extracting again.
cat "$work"/out/part-*.jsonl >"$work/extracted.jsonl"
rm -f "$work/sillok.db"
"$sillok" ingest --from-json --quiet --db "$work/sillok.db" "$work/extracted.jsonl"

# 4. The store holds exactly the input's articles.
"$sillok" articles --db "$work/sillok.db" --format json >"$work/articles.json"
/usr/bin/python3 - "$corpus" "$work/extracted.jsonl" "$work/articles.json" <<'PY'
import json, sys
corpus, extracted, stored = sys.argv[1:4]
want = [json.loads(l)["id"] for l in open(corpus, encoding="utf-8") if l.strip()]
mapped = [json.loads(l)["id"] for l in open(extracted, encoding="utf-8") if l.strip()]
have = [a["id"] for a in json.load(open(stored, encoding="utf-8"))]
print("simulate.sh: %d articles in, %d mapped, %d stored" % (len(want), len(mapped), len(have)),
      file=sys.stderr)
if len(have) != len(want) or set(have) != set(want) or sorted(mapped) != sorted(want):
    missing = sorted(set(want) - set(have))[:5]
    print("simulate.sh: store differs from the input; first missing: %s" % missing, file=sys.stderr)
    sys.exit(1)
PY
echo "simulate.sh: ok ($shards shards, work folder $work)" >&2
