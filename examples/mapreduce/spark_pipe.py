"""Runs `sillok extract` over a JSON Lines corpus with Spark's RDD.pipe, then the driver
loads the result with `sillok ingest --from-json`. Not run by the tests (no Spark here);
simulate.sh rehearses the same steps locally.

    spark-submit --files build/sillok,examples/mapreduce/mapper.sh \
                 --archives sillok-data.tgz#data \
                 examples/mapreduce/spark_pipe.py INPUT OUTPUT [DB]

(sillok-data.tgz: `tar -czf sillok-data.tgz -C data .`). INPUT holds JSON Lines articles; each
partition is piped through mapper.sh (`sillok extract -`) as one process, one article per
line in, one extraction per line out. OUTPUT receives the extractions as text files; with a
local or NFS OUTPUT the driver ingests them into DB (default sillok.db).
"""
import glob
import os
import subprocess
import sys

from pyspark import SparkContext, SparkFiles


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    source, target = argv[0], argv[1]
    db = argv[2] if len(argv) > 2 else "sillok.db"
    sc = SparkContext(appName="sillok extract")
    # Files shipped with --files land in each executor's SparkFiles directory; the archive
    # with --archives is unpacked as ./data in the executor's working directory.
    mapper = SparkFiles.get("mapper.sh")
    env = {"SILLOK": SparkFiles.get("sillok"), "SILLOK_DATA_DIR": "data",
           "SILLOK_MAP_TOLERANT": "1"}
    articles = sc.textFile(source).filter(lambda line: line.strip())
    # One mapper process per partition; pipe() fails the task when the process exits non-zero.
    extracted = articles.pipe(mapper, env=env)
    extracted.saveAsTextFile(target)
    sc.stop()

    parts = sorted(glob.glob(os.path.join(target, "part-*")))
    if parts:
        subprocess.run(["sillok", "ingest", "--from-json", "--db", db] + parts, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
