#!/usr/bin/env bash
# Runs `sillok extract` as the map step of a Hadoop Streaming job (map-only), then loads the
# merged output into a local store. Not run by the tests (no Hadoop here); simulate.sh
# rehearses the same steps locally.
#
#   examples/mapreduce/hadoop_streaming.sh HDFS_INPUT HDFS_OUTPUT [DB]
#
# HDFS_INPUT: JSON Lines articles (bench/gen_corpus.py --jsonl makes some), one per line.
# Needs: $HADOOP_HOME, a sillok binary built for the cluster's OS (static enough to run on the
# workers: build on the same distribution), and this folder's mapper.sh.
set -euo pipefail

input=${1:?usage: hadoop_streaming.sh HDFS_INPUT HDFS_OUTPUT [DB]}
output=${2:?usage: hadoop_streaming.sh HDFS_INPUT HDFS_OUTPUT [DB]}
db=${3:-sillok.db}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
sillok=${SILLOK:-$(command -v sillok)}
jars=("$HADOOP_HOME"/share/hadoop/tools/lib/hadoop-streaming-*.jar)
streaming_jar=${jars[0]}

# The shipped data (gazetteers, rules) travels as an archive unpacked as ./data in each task.
tar -czf /tmp/sillok-data.tgz -C "$root/data" .

# -numReduceTasks 0: a map-only job; each mapper writes its own part-NNNNN file.
# TextInputFormat hands the mapper whole lines (the offset key is dropped). A mapper line with
# no tab (JSON escapes tabs) is a key with a null value, written back as the line itself; a
# trailing tab, should a configuration add one, is harmless: `ingest --from-json` accepts it.
# mapreduce.input.fileinputformat.split.maxsize sets how many articles one mapper gets.
hadoop jar "$streaming_jar" \
  -D mapreduce.job.name="sillok extract" \
  -D mapreduce.map.memory.mb=2048 \
  -D mapreduce.input.fileinputformat.split.maxsize=67108864 \
  -D mapreduce.map.env="SILLOK_MAP_TOLERANT=1" \
  -files "$sillok#sillok,$here/mapper.sh#mapper.sh" \
  -archives "/tmp/sillok-data.tgz#data" \
  -numReduceTasks 0 \
  -input "$input" \
  -output "$output" \
  -mapper "mapper.sh"

# Gather the map outputs and store them (one writer: SQLite is a single-file database).
hdfs dfs -getmerge "$output" /tmp/sillok-extracted.jsonl
"$sillok" ingest --from-json --db "$db" /tmp/sillok-extracted.jsonl
