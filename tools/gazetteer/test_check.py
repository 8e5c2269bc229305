#!/usr/bin/python3
"""Tests of check.py: the shipped data passes, and each kind of broken file is caught.

    /usr/bin/python3 tools/gazetteer/test_check.py
"""

import contextlib
import io
import json
import os
import shutil
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build  # noqa: E402
import check  # noqa: E402
import gazlib  # noqa: E402


OUTPUTS = ["gazetteers/%s.json" % f for f in ("companies", "government", "media",
                                               "organizations", "places", "products",
                                               "regions")]
OUTPUTS += ["rules/surnames.json", "lexicon/common-words.json"]


def run_check(data_dir):
    """check.main on a data dir: (exit code, stderr text)."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = check.main([data_dir])
    return code, err.getvalue()


class ShippedData(unittest.TestCase):
    def test_shipped_data_passes(self):
        code, err = run_check(gazlib.DATA_DIR)
        self.assertEqual(code, 0, err)

    def test_well_known_names_are_present(self):
        def surfaces(file_id):
            with open(os.path.join(gazlib.DATA_DIR, "gazetteers", file_id + ".json"),
                      encoding="utf-8") as handle:
                entries = json.load(handle)["entries"]
            return {s: e for e in entries for s in gazlib.entry_surfaces(e)}
        gov = surfaces("government")
        self.assertEqual(gov["과기정통부"]["name"], "과학기술정보통신부")
        self.assertNotIn("valid_to", gov["과학기술정보통신부"])
        self.assertEqual(gov["미래창조과학부"]["successor"], "과학기술정보통신부")
        self.assertEqual(gov["NIPA"]["name"], "정보통신산업진흥원")
        self.assertEqual(surfaces("companies")["SK텔레콤"]["name"], "SKT")
        self.assertEqual(surfaces("companies")["NAVER"]["name"], "네이버")
        self.assertEqual(surfaces("regions")["서울특별시"]["name"], "서울")
        self.assertEqual(surfaces("places")["코엑스"]["type"], "place")
        self.assertNotIn("중구", surfaces("regions"))  # ambiguous: only "서울 중구" etc.


class Rebuild(unittest.TestCase):
    """The shipped files are what build.py makes from the curated lists (nobody edited the
    JSON by hand or forgot to rebuild), and building twice gives the same bytes."""

    @unittest.skipUnless(os.path.isdir(build.DEFAULT_SOURCES) and
                         os.path.exists(build.DEFAULT_HUNSPELL), "raw sources not here")
    def test_rebuild_matches_shipped_files(self):
        out = tempfile.mkdtemp(prefix="sillok-build-")
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                self.assertEqual(build.main(["--out", out]), 0)
            for relative in OUTPUTS:
                with open(os.path.join(out, relative), "rb") as fresh, \
                        open(os.path.join(gazlib.DATA_DIR, relative), "rb") as shipped:
                    self.assertTrue(fresh.read() == shipped.read(),
                                    relative + " is stale: run tools/gazetteer/build.py")
        finally:
            shutil.rmtree(out)


class BrokenData(unittest.TestCase):
    """Copies the shipped data, breaks one thing, expects check.py to name it."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="sillok-check-")
        for sub in ("gazetteers", "lexicon", "rules"):
            shutil.copytree(os.path.join(gazlib.DATA_DIR, sub), os.path.join(self.dir, sub))

    def tearDown(self):
        shutil.rmtree(self.dir)

    def edit(self, relative, change):
        path = os.path.join(self.dir, relative)
        with open(path, encoding="utf-8") as handle:
            doc = json.load(handle)
        change(doc)
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(doc, handle, ensure_ascii=False)

    def expect_problem(self, text):
        code, err = run_check(self.dir)
        self.assertEqual(code, 1)
        self.assertIn(text, err)

    def edit_entry(self, file_id, name, change):
        def apply(doc):
            entry = next(e for e in doc["entries"] if e["name"] == name)
            change(entry, doc)
        self.edit("gazetteers/%s.json" % file_id, apply)

    def test_duplicate_id(self):
        self.edit("gazetteers/media.json",
                  lambda d: d["entries"].append(dict(d["entries"][0])))
        self.expect_problem("duplicate id")

    def test_unknown_type(self):
        self.edit_entry("media", "연합뉴스", lambda e, d: e.update(type="newspaper"))
        self.expect_problem("unknown type 'newspaper'")

    def test_bad_date(self):
        self.edit_entry("government", "미래창조과학부",
                        lambda e, d: e.update(valid_to="2017-02-30"))
        self.expect_problem("valid_to is not a date")

    def test_dates_out_of_order(self):
        self.edit_entry("government", "미래창조과학부",
                        lambda e, d: e.update(valid_from="2018-01-01"))
        self.expect_problem("valid_from is after valid_to")

    def test_missing_successor(self):
        self.edit_entry("government", "미래창조과학부",
                        lambda e, d: e.update(successor="없는부"))
        self.expect_problem("successor '없는부' is not an entry")

    def test_stoplist_name(self):
        self.edit_entry("media", "연합뉴스", lambda e, d: e["aliases"].append("관계자"))
        self.expect_problem("alias '관계자' is on the stoplist")

    def test_not_nfc(self):
        self.edit_entry("media", "연합뉴스", lambda e, d: e.update(name=" 연합뉴스"))
        self.expect_problem("not NFC/trimmed")

    def test_wrong_format(self):
        self.edit("gazetteers/media.json", lambda d: d.update(version=2))
        self.expect_problem("format must be sillok-gazetteer version 1")

    def test_lexicon_clash(self):
        self.edit("lexicon/common-words.json",
                  lambda d: d.update(words=sorted(d["words"] + ["코엑스"])))
        self.expect_problem("listed as common words: ['코엑스']")

    def test_user_file(self):
        path = os.path.join(self.dir, "mine.json")
        entry = {"id": "a", "name": "우리동네협회", "type": "organization"}
        doc = {"format": "sillok-gazetteer", "version": 1, "id": "mine", "entries": [entry]}
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(doc, handle, ensure_ascii=False)
        self.assertEqual(run_check(path)[0], 0)
        doc["entries"].append(dict(entry, type="club"))
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(doc, handle, ensure_ascii=False)
        code, err = run_check(path)
        self.assertEqual(code, 1)
        self.assertIn("duplicate id 'a'", err)
        self.assertIn("unknown type 'club'", err)

    def test_surname_rank(self):
        self.edit("rules/surnames.json",
                  lambda d: d["surnames"].append({"surname": "김", "rank": 1}))
        self.expect_problem("duplicate surname '김'")


if __name__ == "__main__":
    unittest.main()
