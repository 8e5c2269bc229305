#!/usr/bin/env bash
# Scale benchmark (issue 6): for each corpus size N, generate N synthetic articles, ingest them
# into a fresh database with the Release `sillok ingest`, and report ingest throughput, peak RSS,
# database size per mention, and the latency of timeline / with queries.
#
#   bench/scale_bench.sh [-b build-rel/sillok] [-w /tmp/sillok-scale] [-j 2] [-r 7] [-k] [N ...]
#
#   -b BINARY   the sillok binary (default build-rel/sillok; build it Release)
#   -w DIR      work folder for the corpora and databases (default /tmp/sillok-scale)
#   -j JOBS     `ingest --jobs` (default 2)
#   -r RUNS     runs per query for median/p95 (default 7)
#   -k          keep the corpus after the ingest (default: deleted, it is ~2.8 KB per article)
#   N ...       corpus sizes (default 10000 100000)
#
# Run from the source root (gen_corpus.py reads examples/ and data/). Everything is printed to
# standard output as one block per N; the sillok ingest log goes to DIR/ingest-N.log.
# Needs /usr/bin/time (GNU time) and the sqlite3 shell.
set -euo pipefail

BIN=build-rel/sillok
WORK=/tmp/sillok-scale
JOBS=2
RUNS=7
KEEP=0
while getopts "b:w:j:r:kh" opt; do
  case "$opt" in
    b) BIN=$OPTARG ;;
    w) WORK=$OPTARG ;;
    j) JOBS=$OPTARG ;;
    r) RUNS=$OPTARG ;;
    k) KEEP=1 ;;
    *) sed -n '2,16p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000)

[ -x "$BIN" ] || { echo "scale_bench: $BIN: not an executable (build the sillok target)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "scale_bench: the sqlite3 shell is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "scale_bench: GNU time (/usr/bin/time) is needed" >&2; exit 2; }
BIN=$(realpath "$BIN")
PY=/usr/bin/python3
mkdir -p "$WORK"

# A field of GNU time -v output: `field LOG "Maximum resident set size"`.
field() { grep -F "$2" "$1" | head -1 | sed 's/.*: //'; }

# Generates N articles as JSON Lines in two parallel slices (the generator is deterministic per
# index, so the slices concatenate to exactly `-n N`). Prints the wall seconds.
generate() {
  local n=$1 dir=$2 half=$(($1 / 2))
  rm -rf "$dir"
  mkdir -p "$dir"
  local t0 t1
  t0=$(date +%s.%N)
  $PY bench/gen_corpus.py -n "$half" --start 0 --jsonl >"$dir/a.jsonl" &
  local pid=$!
  $PY bench/gen_corpus.py -n $((n - half)) --start "$half" --jsonl >"$dir/b.jsonl"
  wait "$pid"
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}

# Latency of one query command, as "median / p95 (ms)" for cold runs (the database's pages dropped
# from the OS page cache before each run with posix_fadvise, which touches this file only) and
# warm runs (same command repeated). Every run is a fresh process; its output is read and
# dropped. A query whose first run takes over 10 s is run once cold and once warm.
latency() {
  local db=$1
  shift
  $PY - "$db" "$RUNS" "$@" <<'EOF'
import os, statistics, subprocess, sys, time
db, runs, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def drop_cache(path):
    for p in (path, path + "-wal"):
        if os.path.exists(p):
            fd = os.open(p, os.O_RDONLY)
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            os.close(fd)

def once(cold):
    if cold:
        drop_cache(db)
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    ms = (time.perf_counter() - t) * 1000
    if r.returncode != 0:
        sys.exit("query failed: %s: %s" % (" ".join(cmd), r.stderr.decode()[:300]))
    return ms, len(r.stdout)

def stats(xs):
    xs = sorted(xs)
    p95 = xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]
    return "%.0f / %.0f" % (statistics.median(xs), p95)

cold = [once(True)[0]]
if cold[0] > 10000:
    runs = 1  # a query over most of a large corpus: one cold and one warm run are enough
cold += [once(True)[0] for _ in range(runs - 1)]
once(False)  # warm the cache
warm, size = [], 0
for _ in range(runs):
    ms, size = once(False)
    warm.append(ms)
print("cold %s ms | warm %s ms | output %d bytes" % (stats(cold), stats(warm), size))
EOF
}

# The entity with the most articles, and the first (by id) with exactly 2 articles and a name
# of 3+ code points (so that it also works as a trigram topic), as "name<TAB>type".
frequent_entity() {
  sqlite3 -separator $'\t' "$1" "SELECT e.name, e.type FROM entities e JOIN
    (SELECT entity_id, count(*) AS n FROM article_entities GROUP BY entity_id
     ORDER BY n DESC LIMIT 1) c ON c.entity_id = e.id"
}
rare_entity() {
  sqlite3 -separator $'\t' "$1" "SELECT e.name, e.type FROM entities e JOIN
    (SELECT entity_id FROM article_entities GROUP BY entity_id HAVING count(*) = 2) c
    ON c.entity_id = e.id WHERE length(e.name) >= 3 ORDER BY e.id LIMIT 1"
}
entity_articles() {
  sqlite3 "$1" "SELECT count(*) FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
    WHERE e.name = '$2' AND e.type = '$3'"
}

# Topics: a word of the generator's templates (frequent) and, unless SCALE_TOPIC_RARE says
# otherwise, the rare entity's name (a generated person name, in a couple of articles).
TOPIC_FREQ=${SCALE_TOPIC_FREQUENT:-기자간담회}

echo "# scale_bench $(date -u +%FT%TZ) binary $BIN jobs $JOBS runs $RUNS"
echo "# $(uname -srm), $(nproc) cores; sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
for N in "${SIZES[@]}"; do
  corpus="$WORK/corpus-$N"
  db="$WORK/scale-$N.db"
  log="$WORK/ingest-$N.log"
  echo
  echo "## N = $N"
  echo "uptime before generate: $(uptime)"
  gen_s=$(generate "$N" "$corpus")
  bytes=$(cat "$corpus"/*.jsonl | wc -c)
  echo "generate: ${gen_s} s wall, $bytes bytes of JSON Lines"

  rm -f "$db" "$db-wal" "$db-shm"
  echo "uptime before ingest: $(uptime)"
  /usr/bin/time -v -o "$WORK/time-$N.txt" \
    "$BIN" ingest --db "$db" --jobs "$JOBS" --quiet "$corpus"/a.jsonl "$corpus"/b.jsonl \
    2>"$log" || { echo "ingest failed, see $log"; tail -5 "$log"; exit 1; }
  echo "uptime after ingest: $(uptime)"
  tail -1 "$log"
  wall=$(field "$WORK/time-$N.txt" "Elapsed (wall clock)")
  user=$(field "$WORK/time-$N.txt" "User time")
  sys=$(field "$WORK/time-$N.txt" "System time")
  rss=$(field "$WORK/time-$N.txt" "Maximum resident set size")
  wall_s=$($PY -c "import sys; p=[float(x) for x in sys.argv[1].split(':')]; \
print(sum(v * 60 ** (len(p) - 1 - i) for i, v in enumerate(p)))" "$wall")
  cpu_s=$(echo "$user + $sys" | bc)
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  db_bytes=$(stat -c %s "$db")
  read -r articles mentions < <(sqlite3 -separator ' ' "$db" \
    "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions)")
  $PY - <<EOF
n, wall, cpu, text = $articles, $wall_s, $cpu_s, $bytes
print("ingest: %d articles in %.1f s wall = %.0f articles/s; CPU %.1f s (user $user + sys $sys)"
      " = %.0f articles per CPU second; %.2f MB/s of JSON per CPU second"
      % (n, wall, n / wall, cpu, n / cpu, text / 1e6 / cpu))
print("peak RSS: %.0f MB" % ($rss / 1024))
print("database: %d bytes (%.1f MB), %d mentions, %.1f bytes per mention, %.0f bytes per article"
      % ($db_bytes, $db_bytes / 1e6, $mentions, $db_bytes / max($mentions, 1), $db_bytes / n))
EOF
  echo "bytes by table/index (dbstat):"
  sqlite3 -separator ' ' "$db" "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name
    ORDER BY 2 DESC LIMIT 12" | sed 's/^/  /'

  IFS=$'\t' read -r freq_name freq_type < <(frequent_entity "$db")
  IFS=$'\t' read -r rare_name rare_type < <(rare_entity "$db")
  topic_rare=${SCALE_TOPIC_RARE:-$rare_name}
  topic_n() { sqlite3 "$db" "SELECT count(*) FROM articles WHERE title LIKE '%$1%' OR text LIKE '%$1%'"; }
  echo "queries (median / p95 of $RUNS runs, each a fresh process; uptime $(uptime | sed 's/.*load/load/')):"
  echo "  timeline --topic $TOPIC_FREQ (frequent, $(topic_n "$TOPIC_FREQ") articles): $(latency "$db" "$BIN" timeline --db "$db" --topic "$TOPIC_FREQ")"
  echo "  timeline --topic $topic_rare (rare, $(topic_n "$topic_rare") articles): $(latency "$db" "$BIN" timeline --db "$db" --topic "$topic_rare")"
  echo "  timeline --entity $freq_name ($freq_type, $(entity_articles "$db" "$freq_name" "$freq_type") articles): $(latency "$db" "$BIN" timeline --db "$db" --entity "$freq_name" --type "$freq_type")"
  echo "  timeline --entity $rare_name ($rare_type, 2 articles): $(latency "$db" "$BIN" timeline --db "$db" --entity "$rare_name" --type "$rare_type")"
  echo "  with $freq_name (frequent): $(latency "$db" "$BIN" with --db "$db" "$freq_name" --type "$freq_type")"
  echo "  with $freq_name --top 20 (frequent): $(latency "$db" "$BIN" with --db "$db" "$freq_name" --type "$freq_type" --top 20)"
  echo "  with $rare_name (rare): $(latency "$db" "$BIN" with --db "$db" "$rare_name" --type "$rare_type")"
  [ "$KEEP" -eq 1 ] || rm -rf "$corpus"
done
