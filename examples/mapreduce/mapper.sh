#!/usr/bin/env bash
# The map step: JSON Lines articles on stdin -> `sillok extract` JSON Lines on stdout.
#
# Used as the Hadoop Streaming -mapper, as the command of Spark's RDD.pipe, and by
# simulate.sh. It adds what a batch engine needs around `sillok extract -`:
#  * an empty input split yields no output and exit 0 (`sillok extract -` on empty stdin
#    reports "empty file" and exits 1, which would fail the task);
#  * SILLOK_DATA_DIR defaults to ./data next to this script, where the engine unpacks the
#    shipped data (Hadoop -archives data.tgz#data, spark-submit --archives data.tgz#data);
#  * SILLOK (the binary) defaults to ./sillok next to this script, else sillok on PATH;
#  * with SILLOK_MAP_TOLERANT=1, per-record problems (reported on stderr, exit 1) do not fail
#    the task; the good records are still written. Other failures (exit 2, signals) still do.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [[ -z ${SILLOK:-} ]]; then
  if [[ -x $here/sillok ]]; then SILLOK=$here/sillok; else SILLOK=sillok; fi
fi
if [[ -z ${SILLOK_DATA_DIR:-} && -d $here/data ]]; then export SILLOK_DATA_DIR=$here/data; fi

# Skip leading blank lines and stop quietly on an empty split.
first=
while IFS= read -r first; do
  [[ -n ${first//[[:space:]]/} ]] && break
  first=
done
if [[ -z $first ]]; then exit 0; fi

{ printf '%s\n' "$first"; cat; } | "$SILLOK" extract -
status=$?
if ((status == 1)) && [[ ${SILLOK_MAP_TOLERANT:-0} == 1 ]]; then exit 0; fi
exit $status
