"""Shared helpers for the gazetteer build (build.py) and validation (check.py).

Standard library only: the build must run on a bare /usr/bin/python3.
"""

import csv
import json
import os
import re
import unicodedata

TOOL_DIR = os.path.dirname(os.path.abspath(__file__))
PROJECT_DIR = os.path.dirname(os.path.dirname(TOOL_DIR))
CURATED_DIR = os.path.join(TOOL_DIR, "curated")
DATA_DIR = os.path.join(PROJECT_DIR, "data")

GAZETTEER_FORMAT = "sillok-gazetteer"
ENTITY_TYPES = ("person", "government", "company", "organization", "media", "place",
                "product")
# Field order of an entry in the written files (stable diffs).
ENTRY_KEYS = ("id", "name", "type", "aliases", "parent", "valid_from", "valid_to",
              "successor", "context")

_HANGUL = re.compile("[\uac00-\ud7a3]")
_SPACES = re.compile(r"\s+")
_ATTRIBUTE = re.compile(r"^(?:(?:id|type|parent|from|to|succ|krx)=|strict$)")


class BuildError(Exception):
    """A problem in a source or curated file; the message names the file and line."""


def nfc(text):
    """NFC, trimmed, inner whitespace collapsed to one space (what the loader matches)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def syllables(text):
    """Number of Hangul syllables in text."""
    return len(_HANGUL.findall(text))


def is_hangul_word(text):
    return bool(text) and all("\uac00" <= ch <= "\ud7a3" for ch in text)


def read_tsv(path):
    """Rows of a tab-separated file with a header line, as dicts of NFC strings."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [{k: nfc(v or "") for k, v in row.items()} for row in reader]


def read_lines(path):
    """Non-empty, non-comment lines of a text file, NFC."""
    out = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = nfc(line.split("#", 1)[0]) if not line.lstrip().startswith("#") else ""
            if line:
                out.append(line)
    return out


def read_curated(path):
    """Curated entries, one per line:  name <TAB> alias|alias <TAB> key=value <TAB> ...

    Keys: id, type, parent, from, to, succ (successor, by name), krx (the listed name a
    curated company replaces), and the bare flag `strict`. '#' starts a comment line.
    Returns dicts with keys name, aliases, and the given keys; raises BuildError on a
    malformed line.
    """
    entries = []
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            fields = raw.rstrip("\n").split("\t")
            where = "%s:%d" % (path, number)
            name = nfc(fields[0])
            if not name:
                raise BuildError(where + ": empty name")
            if len(fields) > 1 and _ATTRIBUTE.match(fields[1].strip()):
                fields.insert(1, "")  # no aliases: the second column is already a key
            aliases = [nfc(a) for a in fields[1].split("|")] if len(fields) > 1 else []
            entry = {"name": name, "aliases": [a for a in aliases if a], "where": where}
            for field in fields[2:]:
                field = field.strip()
                if not field:
                    continue
                if field == "strict":
                    entry["strict"] = True
                    continue
                key, sep, value = field.partition("=")
                if not sep or key not in ("id", "type", "parent", "from", "to", "succ", "krx"):
                    raise BuildError("%s: bad field '%s'" % (where, field))
                entry[key] = nfc(value)
            entries.append(entry)
    return entries


def load_stoplist():
    """Generic words that are never entity names: curated stoplist + rules/stopwords.json."""
    words = set(read_lines(os.path.join(CURATED_DIR, "stoplist.txt")))
    with open(os.path.join(DATA_DIR, "rules", "stopwords.json"), encoding="utf-8") as handle:
        words.update(nfc(w) for w in json.load(handle)["words"])
    return words


def local_id(name):
    """The id an entry gets from its name: spaces become '_' (ids stay readable)."""
    return name.replace(" ", "_")


def entry_surfaces(entry):
    return [entry["name"]] + list(entry.get("aliases", []))


def write_gazetteer(path, header, entries):
    """Writes a gazetteer file: header keys, then one entry per line, sorted by id."""
    lines = ["{"]
    for key in ("format", "version", "id", "description", "source", "license"):
        lines.append(" %s: %s," % (json.dumps(key), json.dumps(header[key], ensure_ascii=False)))
    lines.append(' "entries": [')
    ordered = sorted(entries, key=lambda e: e["id"])
    for i, entry in enumerate(ordered):
        clean = {k: entry[k] for k in ENTRY_KEYS if entry.get(k)}
        comma = "," if i + 1 < len(ordered) else ""
        lines.append("  " + json.dumps(clean, ensure_ascii=False) + comma)
    lines.append(" ]")
    lines.append("}")
    write_text(path, "\n".join(lines) + "\n")


def write_list(path, header, key, items):
    """Writes header keys, then `key` as a list of strings, one per line."""
    lines = ["{"]
    for name, value in header.items():
        lines.append(" %s: %s," % (json.dumps(name), json.dumps(value, ensure_ascii=False)))
    lines.append(" %s: [" % json.dumps(key))
    lines.append(",\n".join("  " + json.dumps(i, ensure_ascii=False) for i in items))
    lines.append(" ]")
    lines.append("}")
    write_text(path, "\n".join(lines) + "\n")


def write_json(path, obj):
    write_text(path, json.dumps(obj, ensure_ascii=False, indent=1) + "\n")


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
