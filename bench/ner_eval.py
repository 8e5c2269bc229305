#!/usr/bin/python3
"""Measure sillok's named-entity recognition against KLUE-NER gold spans.

Usage:
    /usr/bin/python3 bench/ner_eval.py --sillok build/cli/sillok \
        [--eval /work/shared/eval/klue-ner-news.dev.jsonl] [--errors N]
    /usr/bin/python3 bench/ner_eval.py --self-test   # doctests of the scoring

Each eval sentence becomes one JSON Lines article (empty title, so the article
text is the sentence itself after sillok's normalization).  `sillok extract` runs
once over all of them; every mention offset is mapped from the article text back
into the original sentence, then compared with the gold spans.

Scoring:
  * types: person -> PS; government/company/organization/media -> OG;
    place -> LC; every other sillok type is ignored.  Gold labels other than
    PS/OG/LC (DT, TI, QT) are ignored.
  * roles: a place mention with role "agent" (a country acting as a state,
    government or team: "북한이 미사일을 발사했다", "한미 정상회담") is scored as OG.
    That is KLUE's convention (countries acting as organizations are OG), not
    sillok's entity type: the entity stays a place, only the mention is marked.
  * exact: a predicted span counts only if (start, end, type) equals a gold span.
  * overlap: a prediction is correct if it shares at least one code point with a
    gold span of the same type; a gold span is found if some same-type prediction
    overlaps it.
  * Precision/recall/F1 are micro-averaged per type and overall.

With --errors N, N sample false positives and false negatives per type are printed
(exact-span scoring), together with counts by error class:
  FP: boundary   - overlaps a gold span of the same type, but not exactly
      wrong-type - exactly or partly covers a gold span of another scored type
      other-gold - overlaps a gold DT/TI/QT span
      spurious   - overlaps no gold span at all
  FN: boundary   - a same-type prediction overlaps it, but not exactly
      wrong-type - a prediction of another scored type overlaps it
      missed     - no prediction overlaps it
"""

import argparse
import collections
import difflib
import json
import os
import subprocess
import sys
import tempfile

DEFAULT_EVAL = "/work/shared/eval/klue-ner-news.dev.jsonl"
TYPE_MAP = {
    "person": "PS",
    "government": "OG",
    "company": "OG",
    "organization": "OG",
    "media": "OG",
    "place": "LC",
}
# Mention roles that change the scored label of a place (KLUE convention, see above).
ROLE_MAP = {("place", "agent"): "OG"}
SCORED = ("PS", "OG", "LC")
GOALS = {"PS": (0.90, 0.75), "OG": (0.85, 0.65), "LC": (0.85, 0.70)}


def load_eval(path):
    """Read the gold file: list of dicts with id, text, entities."""
    records = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{lineno}: malformed JSON: {e}")
    return records


def run_sillok(sillok, records):
    """Run `sillok extract` once over all sentences; return {our id: output object}."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8",
                                     delete=False) as tmp:
        for i, r in enumerate(records):
            # Our own ids: sillok may rewrite odd ids, and a plain index is easy to map back.
            tmp.write(json.dumps({"id": f"s{i:05d}", "title": "", "text": r["text"],
                                  "published_at": "2020-01-01"}, ensure_ascii=False) + "\n")
        input_path = tmp.name
    try:
        proc = subprocess.run([sillok, "extract", "--date", "2020-01-01", input_path],
                              capture_output=True, text=True, encoding="utf-8")
    finally:
        os.unlink(input_path)
    if proc.returncode != 0 and not proc.stdout.strip():
        sys.exit(f"sillok extract failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    outputs = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            obj = json.loads(line)
            outputs[obj["id"]] = obj
    return outputs, proc.stderr


def offset_map(text, sentence):
    """Map each code-point index of sillok's `text` (plus the end) to one in `sentence`.

    Normally the sentence is found verbatim inside text.  Normalization (whitespace
    collapsing, NFC, entity decoding) may change it, so fall back to a character
    alignment; unaligned positions take the nearest preceding aligned position.

    >>> offset_map("제목 경찰은", "경찰은")[3:7]
    [0, 1, 2, 3]
    >>> offset_map("A 씨가 왔다", "A  씨가 왔다")[2]   # collapsed double space
    3
    """
    pos = text.find(sentence)
    if pos >= 0:
        return [min(max(i - pos, 0), len(sentence)) for i in range(len(text) + 1)]
    mapping = [None] * (len(text) + 1)
    matcher = difflib.SequenceMatcher(None, text, sentence, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size + 1):
            if a + k <= len(text) and mapping[a + k] is None:
                mapping[a + k] = b + k
    last = 0
    for i, m in enumerate(mapping):
        if m is None:
            mapping[i] = last
        else:
            last = m
    return mapping


def predicted_spans(output, sentence):
    """Set of (start, end, type, surface) spans in sentence coordinates.

    >>> out = {"text": "북한이 한국에", "entities": [
    ...     {"type": "place", "mentions": [{"start": 0, "end": 2, "role": "agent"}]},
    ...     {"type": "place", "mentions": [{"start": 4, "end": 6}]}]}
    >>> sorted(predicted_spans(out, "북한이 한국에"))
    [(0, 2, 'OG', '북한'), (4, 6, 'LC', '한국')]
    """
    text = output["text"]
    mapping = offset_map(text, sentence)
    spans = set()
    for entity in output.get("entities", []):
        for m in entity.get("mentions", []):
            label = ROLE_MAP.get((entity["type"], m.get("role")), TYPE_MAP.get(entity["type"]))
            if label is None:
                continue
            start, end = mapping[m["start"]], mapping[m["end"]]
            if end > start:
                spans.add((start, end, label, sentence[start:end]))
    return spans


def gold_spans(record, labels):
    return {(e["start"], e["end"], e["type"], record["text"][e["start"]:e["end"]])
            for e in record["entities"] if e["type"] in labels}


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def prf(tp_p, n_p, tp_g, n_g):
    """Precision, recall, F1 from (correct predictions, predictions, found gold, gold).

    >>> [round(x, 3) for x in prf(3, 4, 3, 6)]
    [0.75, 0.5, 0.6]
    >>> prf(0, 0, 0, 5)
    (0.0, 0.0, 0.0)
    """
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def classify_fp(span, gold_all):
    """Why a predicted span is not an exact match.

    >>> gold = {(0, 5, "LC", ""), (7, 9, "OG", ""), (10, 12, "QT", "")}
    >>> [classify_fp(s, gold) for s in [(0, 2, "LC", ""), (7, 9, "LC", ""),
    ...                                 (10, 11, "PS", ""), (13, 14, "PS", "")]]
    ['boundary', 'wrong-type', 'other-gold', 'spurious']
    """
    hits = [g for g in gold_all if overlaps(span, g)]
    if any(g[2] == span[2] for g in hits):
        return "boundary"
    if any(g[2] in SCORED for g in hits):
        return "wrong-type"
    if hits:
        return "other-gold"
    return "spurious"


def classify_fn(span, pred):
    """Why a gold span was not predicted exactly.

    >>> pred = {(0, 2, "LC", ""), (7, 9, "LC", "")}
    >>> [classify_fn(g, pred) for g in [(0, 5, "LC", ""), (7, 9, "OG", ""), (20, 22, "PS", "")]]
    ['boundary', 'wrong-type', 'missed']
    """
    hits = [p for p in pred if overlaps(span, p)]
    if any(p[2] == span[2] for p in hits):
        return "boundary"
    if hits:
        return "wrong-type"
    return "missed"


def evaluate(records, outputs):
    """Return exact and overlap counts [tp_pred, pred, tp_gold, gold] per type, error
    samples keyed by (type, "FP"/"FN"), and how many sentences had no output.

    >>> rec = {"text": "한빛 동부경찰서는", "entities": [
    ...     {"start": 0, "end": 8, "type": "OG"}]}
    >>> out = {"text": "한빛 동부경찰서는", "entities": [
    ...     {"type": "place", "mentions": [{"start": 0, "end": 2}]},
    ...     {"type": "government", "mentions": [{"start": 3, "end": 8}]}]}
    >>> ex, ov, err, missing = evaluate([rec], {"s00000": out})
    >>> ex["OG"], ov["OG"], ex["LC"], missing
    ([0, 1, 0, 1], [1, 1, 1, 1], [0, 1, 0, 0], 0)
    >>> [(c, s[3]) for c, s, _ in err[("OG", "FP")] + err[("OG", "FN")]]
    [('boundary', '동부경찰서'), ('boundary', '한빛 동부경찰서')]
    """
    exact = collections.defaultdict(lambda: [0, 0, 0, 0])    # tp_p, n_p, tp_g, n_g
    overlap = collections.defaultdict(lambda: [0, 0, 0, 0])
    errors = collections.defaultdict(list)                 # (type, "FP"/"FN") -> items
    missing = 0
    for i, rec in enumerate(records):
        out = outputs.get(f"s{i:05d}")
        if out is None:
            missing += 1
        pred = predicted_spans(out, rec["text"]) if out else set()
        gold = gold_spans(rec, SCORED)
        gold_all = gold_spans(rec, {e["type"] for e in rec["entities"]})
        gold_keys = {g[:3] for g in gold}
        pred_keys = {p[:3] for p in pred}
        for t in SCORED:
            p_t = [p for p in pred if p[2] == t]
            g_t = [g for g in gold if g[2] == t]
            ex, ov = exact[t], overlap[t]
            ex[1] += len(p_t); ov[1] += len(p_t)
            ex[3] += len(g_t); ov[3] += len(g_t)
            for p in p_t:
                if p[:3] in gold_keys:
                    ex[0] += 1
                else:
                    errors[(t, "FP")].append((classify_fp(p, gold_all), p, rec["text"]))
                if any(overlaps(p, g) for g in g_t):
                    ov[0] += 1
            for g in g_t:
                if g[:3] in pred_keys:
                    ex[2] += 1
                else:
                    errors[(t, "FN")].append((classify_fn(g, pred), g, rec["text"]))
                if any(overlaps(g, p) for p in p_t):
                    ov[2] += 1
    return exact, overlap, errors, missing


def total(counts):
    return [sum(counts[t][k] for t in SCORED) for k in range(4)]


def print_table(exact, overlap):
    print("| type | gold | pred | exact P | exact R | exact F1 | overlap P | overlap R "
          "| overlap F1 | goal (exact P/R) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for t in SCORED + ("all",):
        ex = total(exact) if t == "all" else exact[t]
        ov = total(overlap) if t == "all" else overlap[t]
        ep, er, ef = prf(*ex)
        op, orr, of = prf(*ov)
        goal = ""
        if t in GOALS:
            gp, gr = GOALS[t]
            ok = "met" if ep >= gp and er >= gr else "not met"
            goal = f"P≥{gp:.2f} R≥{gr:.2f}: {ok}"
        print(f"| {t} | {ex[3]} | {ex[1]} | {ep:.3f} | {er:.3f} | {ef:.3f} | "
              f"{op:.3f} | {orr:.3f} | {of:.3f} | {goal} |")


def show(span):
    return f"[{span[3]}]@{span[0]}-{span[1]}"


def context(text, span, width=25):
    a, b = max(span[0] - width, 0), min(span[1] + width, len(text))
    return text[a:span[0]] + "⟦" + text[span[0]:span[1]] + "⟧" + text[span[1]:b]


def print_errors(errors, n):
    for t in SCORED:
        for kind in ("FP", "FN"):
            items = errors[(t, kind)]
            counts = collections.Counter(c for c, _, _ in items)
            summary = ", ".join(f"{c} {k}" for k, c in counts.most_common())
            print(f"\n## {t} {kind}: {len(items)} ({summary})")
            # Spread the samples over the error classes so rare classes are visible too.
            by_class = collections.defaultdict(list)
            for item in items:
                by_class[item[0]].append(item)
            shown = 0
            while shown < n and any(by_class.values()):
                for cls in list(by_class):
                    if by_class[cls] and shown < n:
                        c, span, text = by_class[cls].pop(0)
                        print(f"- {c}: {show(span)}  …{context(text, span)}…")
                        shown += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    if sys.argv[1:] == ["--self-test"]:
        import doctest
        failed, tried = doctest.testmod()
        print(f"{tried - failed}/{tried} doctests passed")
        sys.exit(1 if failed or not tried else 0)
    ap.add_argument("--sillok", required=True, help="path to the sillok binary")
    ap.add_argument("--eval", default=DEFAULT_EVAL, help="gold JSON Lines file")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print N sample false positives and negatives per type")
    args = ap.parse_args()
    if not os.access(args.sillok, os.X_OK):
        sys.exit(f"{args.sillok}: not an executable sillok binary")
    records = load_eval(args.eval)
    outputs, stderr = run_sillok(args.sillok, records)
    exact, overlap, errors, missing = evaluate(records, outputs)
    print(f"{len(records)} sentences from {args.eval}; sillok returned {len(outputs)}"
          + (f" ({missing} missing, scored as no predictions)" if missing else ""))
    if missing and stderr.strip():
        print("sillok stderr (tail):\n" + stderr.strip()[-1000:])
    print()
    print_table(exact, overlap)
    if args.errors > 0:
        print_errors(errors, args.errors)


if __name__ == "__main__":
    main()
