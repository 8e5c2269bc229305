#!/usr/bin/env python3
"""Generates a synthetic Korean news corpus for scale tests and benchmarks.

Articles are built by recombining the sentences of the shipped articles (examples/seeds,
examples/wikinews and ../shared/corpus/wikinews-ko, read at run time; nothing is copied into
this file) with generated people (surname + given-name syllables), organizations from
data/gazetteers/*.json, and dates spread over the years. Each article also gets a few
template sentences that put a person, an organization and a relative date together
("배민준 과학기술정보통신부 장관은 오는 14일 … 발표회를 연다"), so that entity, relation, time
and event extraction all have work to do.

Output is the crawl layout (front matter + markdown body, one .md file per article, in
sub-folders of 1000) under --out, or JSON Lines (--jsonl) to --out (files of --shard-size
lines) or to standard output. Article i depends only on (--seed, i): the output is
deterministic, and slices made with --start can be generated in parallel. Memory stays
bounded for any N: articles are written as they are made.

    /usr/bin/python3 bench/gen_corpus.py -n 1000 --out /tmp/corpus
    /usr/bin/python3 bench/gen_corpus.py -n 1000000 --jsonl --out /tmp/corpus-jsonl
    /usr/bin/python3 bench/gen_corpus.py -n 50 --jsonl | sillok extract -

Standard library only. Exit status 0 on success, 1 on a problem with the inputs, 2 on
bad usage.
"""

import argparse
import datetime
import glob
import hashlib
import json
import os
import random
import re
import sys

PROJECT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SOURCES = [
    os.path.join(PROJECT_DIR, "examples", "seeds"),
    os.path.join(PROJECT_DIR, "examples", "wikinews"),
    os.path.join(PROJECT_DIR, "..", "shared", "corpus", "wikinews-ko"),
]
DEFAULT_GAZETTEERS = os.path.join(PROJECT_DIR, "data", "gazetteers")

# Common Korean surnames, most frequent first, and syllables given names are made of.
SURNAMES = list("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민")
GIVEN = list("민서준지현우예도하윤수진영재은성호유연동승태정희경원혜상석철용선미소나")
TITLES = {
    "government": ["장관", "차관", "부총리", "청장", "위원장", "실장", "국장"],
    "company": ["대표", "CEO", "사장", "회장", "부사장", "전무", "연구원장"],
    "organization": ["이사장", "회장", "원장", "사무총장", "교수", "연구위원"],
}
# Date expressions the time tagger resolves against published_at, by the tense they fit.
FUTURE_TIMES = ["오는 {d}일", "내년 {m}월 {d}일", "내달", "다음 주", "{d}일 오후 {h}시", "내일",
                "{d}일 오전 {h}시30분", "{m}월 중순", "연말", "내년 상반기", "{n}분기 중"]
PAST_TIMES = ["지난 {d}일", "지난달", "어제", "{y}년 {m}월", "지난해 {m}월 {d}일", "지난주",
              "{d}일 오후 {h}시", "올해 초"]
ANY_TIMES = ["{m}월 {d}일", "약 {n}개월간", "올해 상반기"]
HEADLINES = ["{o}, {w} 신사업 전략 공개", "{o}·{x} 업무협약 체결", "{o} \"{x}와 협력 확대\"",
             "{o}, {w} 발표회 개최", "{p} {o} {t} 취임"]
# Template clauses: {p} person, {t} title, {o} organization, {w} time, {x} another organization.
FUTURE_CLAUSES = [
    "{p} {o} {t}은 {w} 서울에서 기자간담회를 열 예정이다.",
    "{o}는 {w} {x}와 업무협약을 체결할 계획이라고 밝혔다.",
    "{o}는 {w} 신규 사업 계획을 발표한다.",
    "{p} {t}은 {w} {x} 관계자들과 만나 협력 방안을 논의할 예정이다.",
]
PAST_CLAUSES = [
    "{p} {o} {t}은 {w} 기자회견을 열고 이같이 밝혔다.",
    "{o}와 {x}는 {w} 공동 발표회를 개최했다.",
    "{p} {t}은 {w} {o} 본사에서 열린 행사에 참석했다.",
    "{o}는 {w} 실적을 발표했다.",
]
QUOTES = [
    "{p} {t}은 \"{o}의 경쟁력을 높이는 계기가 될 것\"이라고 말했다.",
    "{o} 관계자는 \"{x}와의 협력을 확대하겠다\"고 설명했다.",
]
ENTITY_ESCAPES = {"'": "&#x27;", '"': "&quot;"}


def fail(message, status=1):
    print("gen_corpus: " + message, file=sys.stderr)
    sys.exit(status)


def read_front_matter(text, path):
    """(fields, body lines) of a crawl-layout document; ValueError when it has none."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ValueError(path + ": no front matter")
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise ValueError(path + ": front matter never closes") from None
    fields = {}
    for line in lines[1:close]:
        key, sep, value = line.partition(":")
        if sep and not line[:1].isspace():
            fields[key.strip()] = value.strip().strip('"')
    return fields, lines[close + 1:]


def is_body_line(line):
    """False for the markdown furniture the reader drops: headings, rules, bylines, footers."""
    t = line.strip()
    return bool(t) and not (t.startswith("#") or t.startswith("---") or t.startswith("**")
                            or t.startswith("*Crawled") or t.startswith("*Source"))


SENTENCE_END = re.compile(r"(?<=[다요음함됨])\.\s*|(?<=[.?!])\s+")


def split_sentences(paragraph):
    """Sentences of one paragraph, including the glued "공개한다.발표는" kind."""
    parts = SENTENCE_END.split(paragraph)
    out = []
    for p in parts:
        p = p.strip()
        if len(p) >= 8:
            out.append(p if p[-1] in ".?!\"”'" else p + ".")
    return out


def load_sentences(source_dirs):
    """Every usable sentence and title of the source articles, in a stable order."""
    sentences, titles = [], []
    for d in source_dirs:
        for path in sorted(glob.glob(os.path.join(d, "*.md")) + glob.glob(os.path.join(d, "*.txt"))):
            if os.path.basename(path).lower().startswith("readme"):
                continue
            with open(path, encoding="utf-8") as f:
                text = f.read()
            try:
                fields, body = read_front_matter(text, path)
            except ValueError:
                continue
            if fields.get("title"):
                titles.append(fields["title"])
            for line in body:
                if is_body_line(line):
                    sentences.extend(split_sentences(line.strip()))
    if len(sentences) < 20:
        fail("too few source sentences (%d) in %s" % (len(sentences), ", ".join(source_dirs)))
    return sentences, titles


def load_organizations(gazetteer_dir):
    """{type: [canonical names]} for the organization-like gazetteer entries, sorted."""
    names = {"government": set(), "company": set(), "organization": set(), "media": set(),
             "place": set()}
    files = sorted(glob.glob(os.path.join(gazetteer_dir, "*.json")))
    if not files:
        fail("no gazetteers in " + gazetteer_dir)
    for path in files:
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError) as e:
            fail("%s: %s" % (path, e))
        for entry in data.get("entries", []):
            kind, name = entry.get("type"), entry.get("name", "")
            # Short names collide with ordinary words; long ones read badly in a headline.
            if kind in names and 2 <= len(name) <= 15 and "\n" not in name:
                names[kind].add(name)
    out = {k: sorted(v) for k, v in names.items()}
    for kind in ("government", "company", "organization", "media"):
        if not out[kind]:
            fail("no %s entries in %s" % (kind, gazetteer_dir))
    return out


def josa(word, with_final, without_final):
    """The particle form that fits `word`'s last syllable (은/는, 이/가, 와/과 ...)."""
    last = word[-1]
    if "가" <= last <= "힣":
        return with_final if (ord(last) - 0xAC00) % 28 else without_final
    return with_final if last.isdigit() or last.isalpha() and last.lower() in "lmnr" else without_final


def attach_particles(sentence):
    """Replaces the placeholder particles after names with the form that fits the name."""
    def fix(match):
        word, particle = match.group(1), match.group(2)
        pairs = {"은": ("은", "는"), "는": ("은", "는"), "와": ("과", "와"), "가": ("이", "가")}
        a, b = pairs[particle]
        return word + josa(word, a, b)
    return re.sub(r"(\S+)\u2063([은는와가])", fix, sentence)


class Generator:
    """Article i from (seed, i) alone, so any slice can be made independently."""

    def __init__(self, seed, sentences, titles, orgs, start_year, end_year):
        self.seed = seed
        self.sentences = sentences
        self.titles = titles
        self.orgs = orgs
        self.first_day = datetime.date(start_year, 1, 1).toordinal()
        self.last_day = datetime.date(end_year, 12, 31).toordinal()

    def person(self, rng):
        given = rng.choice(GIVEN) + rng.choice(GIVEN)
        return rng.choice(SURNAMES) + given

    def time_form(self, rng, published, forms):
        form = rng.choice(forms + ANY_TIMES)
        return form.format(d=rng.randint(1, 28), m=rng.randint(1, 12), h=rng.randint(1, 11),
                           n=rng.randint(1, 4), y=published.year + rng.randint(-1, 1))

    def clause(self, rng, published):
        kind = rng.choice(("government", "company", "organization"))
        org = rng.choice(self.orgs[kind])
        other = rng.choice(self.orgs[rng.choice(("government", "company", "organization"))])
        templates, times = rng.choice(((FUTURE_CLAUSES, FUTURE_TIMES), (PAST_CLAUSES, PAST_TIMES),
                                       (QUOTES, PAST_TIMES)))
        mark = "\u2063"  # invisible separator: where a particle must agree with the name before
        text = rng.choice(templates).replace("}은", "}" + mark + "은").replace("}는", "}" + mark + "는")
        text = text.replace("}와", "}" + mark + "와")
        return attach_particles(text.format(p=self.person(rng), t=rng.choice(TITLES[kind]), o=org,
                                            x=other, w=self.time_form(rng, published, times)))

    def headline(self, rng, published):
        """A source article's title, or a headline made from a template."""
        if self.titles and rng.random() < 0.4:
            return rng.choice(self.titles)
        kind = rng.choice(("government", "company", "organization"))
        return rng.choice(HEADLINES).format(
            o=rng.choice(self.orgs[kind]), x=rng.choice(self.orgs["company"]), p=self.person(rng),
            t=rng.choice(TITLES[kind]), w=self.time_form(rng, published, FUTURE_TIMES))

    def paragraph(self, rng, published):
        parts = []
        for _ in range(rng.randint(1, 4)):
            if rng.random() < 0.35:
                parts.append(self.clause(rng, published))
            else:
                parts.append(rng.choice(self.sentences))
        # Crawled Korean news often glues sentences together ("공개한다.발표는").
        glue = "" if rng.random() < 0.3 else " "
        return glue.join(parts)

    def article(self, i):
        rng = random.Random("%d/%d" % (self.seed, i))
        day = datetime.date.fromordinal(rng.randint(self.first_day, self.last_day))
        published = datetime.datetime(day.year, day.month, day.day, rng.randint(0, 23),
                                      rng.choice((0, 10, 15, 30, 45)))
        media = rng.choice(self.orgs["media"])
        reporter = self.person(rng)
        paragraphs = [self.paragraph(rng, published) for _ in range(rng.randint(3, 10))]
        title = self.headline(rng, published)
        return {
            "id": "gen%d_%08d" % (self.seed, i),
            "title": title,
            "publisher": media,
            "author": "%s 기자 reporter%d@example.com" % (reporter, i),
            "published_at": published.strftime("%Y-%m-%d %H:%M"),
            "url": "https://news.example.com/article/%d/%08d" % (self.seed, i),
            "body": "\n\n".join(paragraphs),
        }


def escape_entities(text):
    """Crawled titles and bodies carry HTML entities; the reader decodes them."""
    return "".join(ENTITY_ESCAPES.get(c, c) for c in text)


def crawl_document(a):
    """The article in the seeds' crawl layout: front matter, markdown body, footer."""
    body = escape_entities(a["body"])
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    oid, aid = a["id"][3:].split("_")
    title = escape_entities(a["title"])
    return (
        "---\n"
        "id: %s\n"
        "title: \"%s\"\n"
        "category: \n"
        "publisher: %s\n"
        "author: \n\t\t\n\t\t\t%s\n\t\t\n\t\n"
        "published_at: %s\n"
        "crawled_at: %s:00\n"
        "url: %s\n"
        "oid: %s\n"
        "aid: %s\n"
        "content_hash: %s\n"
        "---\n\n"
        "# %s\n\n"
        "**%s** | %s | \n\n"
        "---\n\n"
        "%s\n\n"
        "---\n\n"
        "*Crawled at: %s:00*\n"
        "*Source: [원문 보기](%s)*\n"
    ) % (a["id"], title.replace('"', '\\"'), a["publisher"], a["author"], a["published_at"],
         a["published_at"], a["url"], oid, aid, digest, title, a["publisher"], a["published_at"],
         body, a["published_at"], a["url"])


def write_crawl(gen, start, n, out_dir):
    for i in range(start, start + n):
        a = gen.article(i)
        folder = os.path.join(out_dir, "%05d" % (i // 1000))
        if i % 1000 == 0 or i == start:
            os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, a["id"] + ".md"), "w", encoding="utf-8") as f:
            f.write(crawl_document(a))


def write_jsonl(gen, start, n, out, shard_size):
    """To a stream (out is a file object) or to DIR/corpus-NNNNN.jsonl files of shard_size."""
    if not isinstance(out, str):
        for i in range(start, start + n):
            out.write(json.dumps(gen.article(i), ensure_ascii=False) + "\n")
        return
    os.makedirs(out, exist_ok=True)
    f = None
    try:
        for k, i in enumerate(range(start, start + n)):
            if k % shard_size == 0:
                if f:
                    f.close()
                f = open(os.path.join(out, "corpus-%05d.jsonl" % (i // shard_size)), "w",
                         encoding="utf-8")
            f.write(json.dumps(gen.article(i), ensure_ascii=False) + "\n")
    finally:
        if f:
            f.close()


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("-n", "--count", type=int, required=True, help="number of articles")
    p.add_argument("--start", type=int, default=0,
                   help="index of the first article (to generate slices in parallel)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--jsonl", action="store_true", help="JSON Lines instead of crawl files")
    p.add_argument("--out", help="output folder (default: standard output, --jsonl only)")
    p.add_argument("--shard-size", type=int, default=100000,
                   help="articles per .jsonl file under --out (default 100000)")
    p.add_argument("--source", action="append",
                   help="folder of crawl-layout articles to take sentences from (repeatable; "
                        "default: examples/seeds, examples/wikinews, ../shared/corpus/wikinews-ko)")
    p.add_argument("--gazetteers", default=DEFAULT_GAZETTEERS,
                   help="folder of sillok gazetteer JSON files (default: data/gazetteers)")
    p.add_argument("--years", default="2009-2026",
                   help="range of publication years, FIRST-LAST (default 2009-2026)")
    args = p.parse_args(argv)
    if args.count < 0 or args.start < 0 or args.shard_size < 1:
        p.error("--count and --start must be >= 0, --shard-size >= 1")
    if not args.out and not args.jsonl:
        p.error("crawl files need --out DIR; use --jsonl to write to standard output")
    m = re.fullmatch(r"(\d{4})-(\d{4})", args.years)
    if not m or int(m.group(1)) > int(m.group(2)):
        p.error("--years must look like 2009-2026")
    args.year_range = (int(m.group(1)), int(m.group(2)))
    return args


def main(argv):
    args = parse_args(argv)
    sources = [s for s in (args.source or DEFAULT_SOURCES) if os.path.isdir(s)]
    if not sources:
        fail("none of the source folders exists: " + ", ".join(args.source or DEFAULT_SOURCES))
    sentences, titles = load_sentences(sources)
    orgs = load_organizations(args.gazetteers)
    gen = Generator(args.seed, sentences, titles, orgs, *args.year_range)
    if args.jsonl:
        write_jsonl(gen, args.start, args.count, args.out or sys.stdout, args.shard_size)
    else:
        write_crawl(gen, args.start, args.count, args.out)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:
        # `gen_corpus.py ... | head`: the reader went away; not an error.
        sys.stderr.close()
        sys.exit(0)
