#!/usr/bin/env python3
"""Tests for bench/gen_corpus.py: deterministic output that `sillok extract` reads back.

    SILLOK_BINARY=build/sillok /usr/bin/python3 bench/test_gen_corpus.py

The sillok binary comes from $SILLOK_BINARY (ctest sets it); without it the extract tests fail
with a message rather than pass silently. Standard library only.
"""

import glob
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "gen_corpus.py")
PROJECT_DIR = os.path.dirname(HERE)
N = 50


def generate(*args):
    """Runs the generator; returns its standard output as bytes."""
    proc = subprocess.run([sys.executable, GEN] + list(args), capture_output=True, check=False)
    if proc.returncode != 0:
        raise AssertionError("gen_corpus.py %s failed: %s" % (" ".join(args), proc.stderr.decode()))
    return proc.stdout


def sillok_binary():
    path = os.environ.get("SILLOK_BINARY", "")
    if not path or not os.access(path, os.X_OK):
        raise AssertionError("set SILLOK_BINARY to the sillok executable (got %r)" % path)
    return path


def extract(paths, stdin=None):
    """`sillok extract PATHS` -> (list of JSON objects, stderr text)."""
    env = dict(os.environ, SILLOK_DATA_DIR=os.path.join(PROJECT_DIR, "data"))
    proc = subprocess.run([sillok_binary(), "extract"] + paths, input=stdin, capture_output=True,
                          env=env, check=False)
    if proc.returncode != 0:
        raise AssertionError("sillok extract exited %d: %s" % (proc.returncode,
                                                               proc.stderr.decode()[-2000:]))
    return [json.loads(line) for line in proc.stdout.decode().splitlines() if line.strip()], \
        proc.stderr.decode()


class GeneratorTest(unittest.TestCase):
    def test_same_seed_same_bytes_other_seed_other_bytes(self):
        a = generate("-n", "10", "--jsonl", "--seed", "7")
        self.assertEqual(a, generate("-n", "10", "--jsonl", "--seed", "7"))
        self.assertNotEqual(a, generate("-n", "10", "--jsonl", "--seed", "8"))

    def test_slices_concatenate_to_the_whole(self):
        whole = generate("-n", "12", "--jsonl")
        parts = generate("-n", "5", "--jsonl") + generate("-n", "7", "--start", "5", "--jsonl")
        self.assertEqual(whole, parts)

    def test_records_are_varied(self):
        records = [json.loads(l) for l in generate("-n", str(N), "--jsonl").decode().splitlines()]
        self.assertEqual(len(records), N)
        self.assertEqual(len({r["id"] for r in records}), N)
        years = {r["published_at"][:4] for r in records}
        self.assertGreaterEqual(len(years), 5, "published_at should spread over years")
        self.assertGreaterEqual(len({r["publisher"] for r in records}), 10)
        self.assertGreaterEqual(len({r["author"].split()[0] for r in records}), 40)
        for r in records:
            self.assertTrue(r["title"] and r["body"].strip(), r["id"])
            self.assertNotIn("\u2063", r["body"])  # the particle marker never leaks

    def test_crawl_needs_out_and_bad_usage_exits_2(self):
        proc = subprocess.run([sys.executable, GEN, "-n", "3"], capture_output=True, check=False)
        self.assertEqual(proc.returncode, 2)
        proc = subprocess.run([sys.executable, GEN, "-n", "3", "--jsonl", "--years", "2020-2010"],
                              capture_output=True, check=False)
        self.assertEqual(proc.returncode, 2)

    def test_jsonl_shards_under_out(self):
        with tempfile.TemporaryDirectory() as d:
            generate("-n", "25", "--jsonl", "--shard-size", "10", "--out", d)
            files = sorted(os.listdir(d))
            self.assertEqual(files, ["corpus-00000.jsonl", "corpus-00001.jsonl",
                                     "corpus-00002.jsonl"])
            with open(os.path.join(d, files[2]), encoding="utf-8") as f:
                self.assertEqual(len(f.readlines()), 5)


class ExtractTest(unittest.TestCase):
    """The generated articles parse with `sillok extract`, in both layouts."""

    def check_extractions(self, objects, stderr):
        self.assertEqual(len(objects), N, stderr[-2000:])
        self.assertEqual(len({o["id"] for o in objects}), N)
        for o in objects:
            self.assertTrue(o["published_at"], o["id"])  # dated: no missing-date fallback
            self.assertTrue(o["text"])
        # Rules must find something in realistic text: people from the generated names,
        # organizations from the gazetteers, resolved times.
        kinds = {e["type"] for o in objects for e in o["entities"]}
        self.assertTrue({"person", "government", "company"} <= kinds, kinds)
        self.assertGreater(sum(len(o["times"]) for o in objects), N)
        self.assertGreater(sum(len(o["events"]) for o in objects), N // 2)
        self.assertNotIn("failed", stderr)

    def test_crawl_files(self):
        with tempfile.TemporaryDirectory() as d:
            generate("-n", str(N), "--out", d, "--seed", "3")
            self.assertEqual(len(glob.glob(os.path.join(d, "*", "*.md"))), N)
            self.check_extractions(*extract([d]))

    def test_jsonl_on_stdin(self):
        corpus = generate("-n", str(N), "--jsonl", "--seed", "4")
        self.check_extractions(*extract(["-"], stdin=corpus))


if __name__ == "__main__":
    unittest.main()
