#!/usr/bin/env python3
"""Compare the mentions of two `sillok extract` runs over the same articles.

A rule change is checked on text it was not written for: run the old and the new build over
a corpus nobody tuned on (the Wikinews articles, say), then read what changed:

    old/sillok extract /work/shared/corpus/wikinews-ko > before.jsonl
    new/sillok extract /work/shared/corpus/wikinews-ko > after.jsonl
    /usr/bin/python3 bench/entity_diff.py before.jsonl after.jsonl --show 30

A mention is (article id, start, end, type) with its surface text and rule; offsets are
code points into the article's `text`, as the extract contract gives them. Printed: counts of
mentions added, removed and retyped per entity type, then up to --show examples of each with
the sentence around them, so every change can be read and judged right or wrong.

--self-test runs the doctests (standard library only).
"""
import argparse
import collections
import json
import sys


def mentions(record):
    """Every mention of one extract record, keyed by (start, end).

    >>> r = {"id": "a", "text": "x", "entities": [
    ...   {"name": "서울", "type": "place", "mentions": [
    ...     {"start": 0, "end": 2, "text": "서울", "rule": "g", "sentence": 0}]},
    ...   {"name": "P", "type": "media", "mentions": [
    ...     {"start": 0, "end": 1, "text": "P", "rule": "m", "sentence": -1, "field": "x"}]}]}
    >>> mentions(r)
    {(0, 2): ('place', '서울', '서울', 'g')}
    """
    found = {}
    for entity in record.get("entities", []):
        for m in entity.get("mentions", []):
            if m.get("sentence", 0) < 0 or "field" in m:
                continue  # front-matter mentions: not in the text
            found[(m["start"], m["end"])] = (entity["type"], entity["name"], m["text"], m["rule"])
    return found


def compare(before, after):
    """Added, removed and retyped mentions of one article (lists of (span, old, new)).

    >>> a = {(0, 2): ("place", "서울", "서울", "g")}
    >>> b = {(0, 2): ("organization", "서울", "서울", "r"), (3, 5): ("person", "김", "김철", "p")}
    >>> compare(a, b)
    ([((3, 5), None, ('person', '김', '김철', 'p'))], [], [((0, 2), ('place', '서울', '서울', 'g'), ('organization', '서울', '서울', 'r'))])
    >>> compare(b, b)
    ([], [], [])
    """
    added = [(s, None, after[s]) for s in sorted(after) if s not in before]
    removed = [(s, before[s], None) for s in sorted(before) if s not in after]
    retyped = [(s, before[s], after[s]) for s in sorted(before)
               if s in after and before[s][0] != after[s][0]]
    return added, removed, retyped


def context(text, span, width=30):
    """The text around a span, the span in brackets.

    >>> context("가나다라마바사", (2, 4), width=1)
    '나[다라]마'
    """
    start, end = span
    return (text[max(0, start - width):start] + "[" + text[start:end] + "]" +
            text[end:end + width]).replace("\n", " ")


def load(path):
    with open(path, encoding="utf-8") as f:
        return {r["id"]: r for r in (json.loads(line) for line in f if line.strip())}


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", nargs="?")
    ap.add_argument("after", nargs="?")
    ap.add_argument("--show", type=int, default=20, help="examples per kind (default 20)")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args(argv)
    if args.self_test:
        import doctest
        failures, tests = doctest.testmod()
        print(f"{tests} doctests, {failures} failures")
        return 1 if failures or not tests else 0
    if not args.before or not args.after:
        ap.error("give two extract outputs (JSON Lines)")
    before, after = load(args.before), load(args.after)
    missing = sorted(set(before) ^ set(after))
    if missing:
        print(f"warning: {len(missing)} article ids are in one file only (e.g. {missing[0]})",
              file=sys.stderr)
    counts = collections.Counter()
    examples = collections.defaultdict(list)
    total = collections.Counter()
    for aid in sorted(set(before) & set(after)):
        old, new = mentions(before[aid]), mentions(after[aid])
        for m in new.values():
            total[m[0]] += 1
        for kind, rows in zip(("added", "removed", "retyped"), compare(old, new)):
            for span, was, now in rows:
                etype = (now or was)[0] if kind != "retyped" else f"{was[0]}->{now[0]}"
                counts[(kind, etype)] += 1
                examples[kind].append((aid, span, was, now, context(after[aid]["text"], span)))
    print("mentions after, by type: " + ", ".join(f"{t} {n}" for t, n in sorted(total.items())))
    for kind in ("added", "removed", "retyped"):
        rows = sorted((k[1], n) for k, n in counts.items() if k[0] == kind)
        print(f"\n{kind}: {sum(n for _, n in rows)}  " + ", ".join(f"{t} {n}" for t, n in rows))
        for aid, span, was, now, ctx in examples[kind][:args.show]:
            label = now or was
            rule = f"{was[3]} -> {now[3]}" if was and now else label[3]
            print(f"  {aid} {span[0]}-{span[1]} {label[0]:<12} {label[2]} ({rule}): {ctx}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
