#!/usr/bin/python3
"""Validates the shipped data files; exits 1 and lists every problem when one is wrong.

    /usr/bin/python3 tools/gazetteer/check.py [DATA_DIR]     (default: the project's data/)
    /usr/bin/python3 tools/gazetteer/check.py FILE.json...   (your own gazetteer files)

Checks: gazetteers/*.json (format "sillok-gazetteer" version 1, header fields, unique ids,
known types, NFC trimmed names and aliases, valid dates with from <= to, successors that
exist in the same file without cycles, context only "strict", no stoplist name or alias),
rules/surnames.json, lexicon/common-words.json (sorted unique Hangul words of 2-4
syllables, none of them a surface of a non-strict gazetteer entry).
"""

import datetime
import glob
import json
import os
import re
import sys
import unicodedata

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gazlib  # noqa: E402  (path set just above)

HEADER_KEYS = ("format", "version", "id", "description", "source", "license", "entries")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Report:
    """Collects problems, each prefixed with the file (and entry) it concerns."""

    def __init__(self):
        self.problems = []

    def add(self, where, message):
        self.problems.append("%s: %s" % (where, message))


def load(path, report):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as err:
        report.add(path, "cannot read JSON: %s" % err)
        return None


def clean_text(s):
    """True for a non-empty string that is NFC, trimmed, with single inner spaces."""
    return isinstance(s, str) and s != "" and s == gazlib.nfc(s) and \
        s == unicodedata.normalize("NFC", s)


def parse_date(value):
    if not isinstance(value, str) or not DATE.match(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def check_entry(entry, where, stoplist, report):
    if not isinstance(entry, dict):
        report.add(where, "entry is not an object")
        return
    unknown = set(entry) - set(gazlib.ENTRY_KEYS)
    if unknown:
        report.add(where, "unknown keys %s" % sorted(unknown))
    if not isinstance(entry.get("id"), str) or not entry.get("id"):
        report.add(where, "missing id")
    if not clean_text(entry.get("name")):
        report.add(where, "name missing or not NFC/trimmed: %r" % entry.get("name"))
    elif entry["name"] in stoplist:
        report.add(where, "name '%s' is on the stoplist" % entry["name"])
    if entry.get("type") not in gazlib.ENTITY_TYPES:
        report.add(where, "unknown type %r" % entry.get("type"))
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list):
        report.add(where, "aliases is not a list")
        aliases = []
    for alias in aliases:
        if not clean_text(alias):
            report.add(where, "alias not NFC/trimmed: %r" % alias)
        elif alias in stoplist:
            report.add(where, "alias '%s' is on the stoplist" % alias)
        elif alias == entry.get("name"):
            report.add(where, "alias '%s' repeats the name" % alias)
    if len(set(aliases)) != len(aliases):
        report.add(where, "duplicate aliases")
    dates = {}
    for key in ("valid_from", "valid_to"):
        if key in entry:
            dates[key] = parse_date(entry[key])
            if dates[key] is None:
                report.add(where, "%s is not a date YYYY-MM-DD: %r" % (key, entry[key]))
    if dates.get("valid_from") and dates.get("valid_to") and \
            dates["valid_from"] > dates["valid_to"]:
        report.add(where, "valid_from is after valid_to")
    if "context" in entry and entry["context"] != "strict":
        report.add(where, "context must be \"strict\", got %r" % entry["context"])
    for key in ("parent", "successor"):
        if key in entry and not clean_text(entry[key]):
            report.add(where, "%s is empty or not NFC" % key)


def check_successors(entries, path, report):
    by_id = {e.get("id"): e for e in entries if isinstance(e, dict)}
    for entry in by_id.values():
        succ = entry.get("successor")
        if not succ:
            continue
        where = "%s: entry '%s'" % (path, entry.get("id"))
        if succ not in by_id:
            report.add(where, "successor '%s' is not an entry of this file" % succ)
            continue
        if "valid_to" not in entry:
            report.add(where, "has a successor but no valid_to")
        seen, current = {entry.get("id")}, by_id[succ]
        while current is not None:
            if current.get("id") in seen:
                report.add(where, "successor chain has a cycle")
                break
            seen.add(current.get("id"))
            current = by_id.get(current.get("successor"))


def check_gazetteer(path, stoplist, report, shipped=True):
    doc = load(path, report)
    if doc is None:
        return []
    if not isinstance(doc, dict):
        report.add(path, "top level is not an object")
        return []
    for key in HEADER_KEYS if shipped else ("format", "version", "id", "entries"):
        if key not in doc:
            report.add(path, "missing key '%s'" % key)
    if doc.get("format") != gazlib.GAZETTEER_FORMAT or doc.get("version") != 1:
        report.add(path, "format must be %s version 1" % gazlib.GAZETTEER_FORMAT)
    stem = os.path.splitext(os.path.basename(path))[0]
    if shipped and doc.get("id") != stem:
        report.add(path, "id %r differs from the file name '%s'" % (doc.get("id"), stem))
    entries = doc.get("entries", [])
    if not isinstance(entries, list) or not entries:
        report.add(path, "entries must be a non-empty list")
        return []
    ids = set()
    for i, entry in enumerate(entries):
        where = "%s: entries[%d]" % (path, i)
        check_entry(entry, where, stoplist, report)
        if isinstance(entry, dict):
            if entry.get("id") in ids:
                report.add(where, "duplicate id '%s'" % entry.get("id"))
            ids.add(entry.get("id"))
    check_successors(entries, path, report)
    return [e for e in entries if isinstance(e, dict)]


def check_surnames(path, report):
    doc = load(path, report)
    if doc is None:
        return
    if doc.get("format") != "sillok-rules/surnames" or doc.get("version") != 1:
        report.add(path, "format must be sillok-rules/surnames version 1")
    items = doc.get("surnames")
    if not isinstance(items, list) or not items:
        report.add(path, "surnames must be a non-empty list")
        return
    seen, last_rank = set(), 0
    for i, item in enumerate(items):
        where = "%s: surnames[%d]" % (path, i)
        name = item.get("surname") if isinstance(item, dict) else None
        if not (isinstance(name, str) and gazlib.is_hangul_word(name) and 1 <= len(name) <= 2):
            report.add(where, "surname must be 1-2 Hangul syllables: %r" % name)
        if name in seen:
            report.add(where, "duplicate surname '%s'" % name)
        seen.add(name)
        rank = item.get("rank") if isinstance(item, dict) else None
        if not isinstance(rank, int) or rank <= last_rank:
            report.add(where, "rank must be an integer increasing down the list")
        else:
            last_rank = rank


def check_lexicon(path, gazetteer_entries, report):
    doc = load(path, report)
    if doc is None:
        return
    if doc.get("format") != "sillok-lexicon" or doc.get("version") != 1:
        report.add(path, "format must be sillok-lexicon version 1")
    words = doc.get("words")
    if not isinstance(words, list) or not words:
        report.add(path, "words must be a non-empty list")
        return
    if words != sorted(set(words)):
        report.add(path, "words must be sorted and unique")
    bad = [w for w in words if not (isinstance(w, str) and gazlib.is_hangul_word(w)
                                    and 2 <= len(w) <= 4)]
    if bad:
        report.add(path, "not Hangul words of 2-4 syllables: %s" % bad[:10])
    names = set()
    for entry in gazetteer_entries:
        if entry.get("context") != "strict":
            names.update(gazlib.entry_surfaces(entry))
    clash = sorted(names.intersection(w for w in words if isinstance(w, str)))
    if clash:
        report.add(path, "names of non-strict gazetteer entries listed as common words: %s"
                   % clash[:20])


def check_user_files(paths, stoplist, report):
    """A user's own gazetteer files: the same rules, any file id."""
    count = 0
    for path in paths:
        count += len(check_gazetteer(path, stoplist, report, shipped=False))
    return count


def main(argv):
    user_files = [a for a in argv if a.endswith(".json")]
    data_dir = gazlib.DATA_DIR if user_files or not argv else os.path.abspath(argv[0])
    report = Report()
    stoplist = set(gazlib.read_lines(os.path.join(gazlib.CURATED_DIR, "stoplist.txt")))
    stopwords = load(os.path.join(data_dir, "rules", "stopwords.json"), report) or {}
    stoplist.update(gazlib.nfc(w) for w in stopwords.get("words", []))
    if user_files:
        count = check_user_files(user_files, stoplist, report)
        for problem in report.problems:
            print(problem, file=sys.stderr)
        print("check.py: %d file(s), %d entries: %s" % (
            len(user_files), count, "problems" if report.problems else "OK"))
        return 1 if report.problems else 0
    paths = sorted(glob.glob(os.path.join(data_dir, "gazetteers", "*.json")))
    if not paths:
        report.add(data_dir, "no gazetteers/*.json")
    entries = []
    for path in paths:
        entries += check_gazetteer(path, stoplist, report)
    check_surnames(os.path.join(data_dir, "rules", "surnames.json"), report)
    check_lexicon(os.path.join(data_dir, "lexicon", "common-words.json"), entries, report)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if report.problems:
        print("check.py: %d problem(s)" % len(report.problems), file=sys.stderr)
        return 1
    print("check.py: %d gazetteer files, %d entries: OK" % (len(paths), len(entries)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
