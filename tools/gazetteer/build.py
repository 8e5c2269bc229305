#!/usr/bin/python3
"""Builds the shipped gazetteers and lexicons (data/gazetteers, data/rules/surnames.json,
data/lexicon/common-words.json) from the raw name lists and the curated lists.

    /usr/bin/python3 tools/gazetteer/build.py [--sources DIR] [--hunspell FILE] [--out DIR]

Deterministic: the same inputs give byte-identical outputs. Precedence, so that one
surface means one thing wherever possible:
  * curated lists (tools/gazetteer/curated) beat bulk lists; a bulk entry whose name is a
    curated surface of any file is dropped;
  * the stoplist (curated/stoplist.txt + data/rules/stopwords.json) removes names and
    aliases from every file;
  * the common-word lexicon (hunspell-ko nouns) drops bulk organization/place names that
    are everyday words and marks listed company and district names "strict" instead;
  * curated names are taken OUT of the lexicon, so the lexicon never rejects a known name.
"""

import argparse
import os
import re
import sys
import unicodedata

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gazlib  # noqa: E402  (path set just above)
from gazlib import BuildError, syllables  # noqa: E402

DEFAULT_SOURCES = "/work/shared/gazetteer-sources"
DEFAULT_HUNSPELL = "/usr/share/hunspell/ko.dic"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# hunspell-ko affix flags of noun-like stems (nouns by final consonant, counters, pronouns,
# and stems without flags) and of adverbs (67: 이미, 이제, 정말 — surname-like words a person
# rule would otherwise take for names); the other flags mark inflected verbs and adjectives.
NOUN_FLAGS = {"", "8", "9", "10", "21", "24", "25", "67"}

LICENSE_MECAB = "Apache-2.0 (mecab-ko-dic); curated additions: same license as sillok"
LICENSE_FACTS = "names are facts (public records); compilation: same license as sillok"


# Curated list files and the gazetteer each feeds.
CURATED_FILES = (("government", "government.tsv"), ("media", "media.tsv"),
                 ("products", "products.tsv"), ("companies", "companies.tsv"),
                 ("regions", "regions.tsv"), ("regions", "world.tsv"),
                 ("organizations", "organizations.tsv"), ("places", "places.tsv"))


class Builder:
    def __init__(self, sources, hunspell, out):
        self.sources = sources
        self.out = out        # data directory the outputs go to
        self.stoplist = gazlib.load_stoplist()
        self.raw_lexicon = read_hunspell_nouns(hunspell)
        self.files = {}       # file id -> list of entries
        self._built, self._surfaces = {}, set()
        self.curated = {}     # surface -> file id, for every curated name and alias
        for file_id, name in CURATED_FILES:
            for item in self.curated_list(name):
                for surface in [item["name"]] + item["aliases"]:
                    self.curated.setdefault(surface, file_id)

    # ---- helpers -------------------------------------------------------------------
    def source(self, name):
        return os.path.join(self.sources, name)

    def curated_list(self, name):
        return gazlib.read_curated(os.path.join(gazlib.CURATED_DIR, name))

    def claim(self, file_id, entries):
        """Records the surfaces of curated entries so bulk lists cannot reuse them."""
        for entry in entries:
            for surface in gazlib.entry_surfaces(entry):
                self.curated.setdefault(surface, file_id)

    def is_taken(self, surface):
        return surface in self.curated

    def from_curated(self, item, default_type):
        """A gazetteer entry from a curated line (successor still a name, resolved later)."""
        entry = {
            "id": item.get("id") or gazlib.local_id(item["name"]),
            "name": item["name"],
            "type": item.get("type", default_type),
            "aliases": item["aliases"],
            "parent": item.get("parent", ""),
            "valid_from": item.get("from", ""),
            "valid_to": item.get("to", ""),
            "successor": item.get("succ", ""),
            "context": "strict" if item.get("strict") else "",
            "curated": item["where"],
        }
        for key in ("valid_from", "valid_to"):
            if entry[key] and not DATE.match(entry[key]):
                raise BuildError("%s: bad date '%s'" % (item["where"], entry[key]))
        if entry["type"] not in gazlib.ENTITY_TYPES:
            raise BuildError("%s: unknown type '%s'" % (item["where"], entry["type"]))
        return entry

    def finish(self, file_id, entries):
        """Applies the stoplist, dedupes aliases and ids, resolves successor names."""
        out, ids = [], set()
        for entry in entries:
            if entry["name"] in self.stoplist:
                if entry.get("curated"):
                    raise BuildError("%s: '%s' is on the stoplist" % (entry["curated"],
                                                                      entry["name"]))
                continue
            aliases = []
            for alias in entry.get("aliases", []):
                if alias in self.stoplist and entry.get("curated"):
                    raise BuildError("%s: alias '%s' is on the stoplist" % (entry["curated"],
                                                                           alias))
                if alias and alias != entry["name"] and alias not in aliases \
                        and alias not in self.stoplist:
                    aliases.append(alias)
            entry["aliases"] = sorted(aliases)
            base, n = entry["id"], 2
            while entry["id"] in ids:
                entry["id"] = "%s~%d" % (base, n)
                n += 1
            ids.add(entry["id"])
            out.append(entry)
        by_name = {}
        for entry in out:
            by_name.setdefault(entry["name"], entry["id"])
        for entry in out:
            succ = entry.get("successor")
            if succ:
                if succ not in by_name:
                    raise BuildError("%s: successor '%s' is not in %s" % (
                        entry.get("curated", file_id), succ, file_id))
                entry["successor"] = by_name[succ]
        self.files[file_id] = out

    # ---- the files -------------------------------------------------------------------
    def build_government(self):
        curated = [self.from_curated(c, "government") for c in
                   self.curated_list("government.tsv")]
        surface_to_entry = {}
        for entry in curated:
            for surface in gazlib.entry_surfaces(entry):
                surface_to_entry[surface] = entry
        entries = list(curated)
        for row in gazlib.read_tsv(self.source("gov_agencies.tsv")):
            name, parent = row["name"], row["parent"]
            known = surface_to_entry.get(name) or surface_to_entry.get(name.replace(" ", ""))
            if known is not None:  # curated entry for a statutory body: keep its parent
                known["parent"] = known["parent"] or parent
                if name not in gazlib.entry_surfaces(known):
                    known["aliases"].append(name)
                continue
            entries.append({"id": gazlib.local_id(name), "name": name, "type": "government",
                            "aliases": [name.replace(" ", "")], "parent": parent})
        self.claim("government", entries)
        self.finish("government", entries)

    def build_simple(self, file_id, default_type):
        entries = [self.from_curated(c, default_type)
                   for c in self.curated_list(file_id + ".tsv")]
        self.claim(file_id, entries)
        self.finish(file_id, entries)

    def build_companies(self):
        items = self.curated_list("companies.tsv")
        curated = [self.from_curated(c, "company") for c in items]
        listed = {}  # listed name -> curated entry
        for item, entry in zip(items, curated):
            self.attach_listing(item, entry, listed)
        self.claim("companies", curated)
        entries = list(curated)
        towns = {r["name"][:-1] for r in gazlib.read_tsv(self.source("admin_regions.tsv"))
                 if r["level"] == "sigungu" and r["name"].endswith(("시", "군"))}
        for row in gazlib.read_tsv(self.source("krx_companies.tsv")):
            name = row["name"]
            if name in listed or self.is_taken(name) or is_spac(name):
                continue
            entry = {"id": "krx" + row["code"], "name": name, "type": "company", "aliases": []}
            squeezed = name.replace(" ", "")
            if squeezed != name:
                entry["aliases"].append(squeezed)
            if name in self.raw_lexicon or name in towns:  # 대상, 동원; 보령, 서산
                entry["context"] = "strict"
            entries.append(entry)
        self.finish("companies", entries)

    def attach_listing(self, item, entry, listed):
        """Gives a curated company its stock-code id when it is listed on the KRX."""
        names = [item["krx"]] if item.get("krx") else gazlib.entry_surfaces(entry)
        for name in names:
            code = self.krx_code(name)
            if code is not None:
                listed[name] = entry
                if name not in gazlib.entry_surfaces(entry):
                    entry["aliases"].append(name)
                entry["id"] = item.get("id") or "krx" + code
                return
        if item.get("krx"):
            raise BuildError("%s: krx name '%s' is not listed" % (item["where"], item["krx"]))

    def krx_code(self, name):
        if not hasattr(self, "_krx"):
            self._krx = {r["name"]: r["code"]
                         for r in gazlib.read_tsv(self.source("krx_companies.tsv"))}
        return self._krx.get(name)

    def build_organizations(self):
        curated = [self.from_curated(c, "organization")
                   for c in self.curated_list("organizations.tsv")]
        self.claim("organizations", curated)
        entries = list(curated)
        for row in gazlib.read_tsv(self.source("orgs_mecab.tsv")):
            name = row["surface"]
            if self.bulk_name_ok(name) and syllables(name) >= 3:
                entries.append({"id": gazlib.local_id(name), "name": name,
                                "type": org_type(name), "aliases": []})
        self.finish("organizations", entries)

    def bulk_name_ok(self, name):
        """A name from a bulk list is kept when it is not generic and not already known."""
        return (name and name not in self.stoplist and name not in self.raw_lexicon
                and not self.is_taken(name) and name not in self.built_surfaces()
                and not (name.endswith("사") and (self.is_taken(name[:-1])
                                                  or name[:-1] in self.built_surfaces()))
                and len(name) >= 2 and syllables(name) != 1
                and not any(ch.isdigit() for ch in name) and not self.is_compound(name))

    def is_compound(self, name):
        """Two everyday words glued together ('모바일게임', '구조특위'): a phrase, not a name."""
        return any(name[:i] in self.raw_lexicon and name[i:] in self.raw_lexicon
                   for i in range(2, len(name) - 1))

    def built_surfaces(self):
        """Every surface of the files built so far (bulk lists must not repeat them)."""
        if len(self._built) != len(self.files):
            self._surfaces = {s for entries in self.files.values() for e in entries
                              for s in gazlib.entry_surfaces(e)}
            self._built = dict(self.files)
        return self._surfaces

    def build_regions(self):
        regions = RegionBuilder(self).entries()
        world = [self.from_curated(c, "place") for c in self.curated_list("world.tsv")]
        kor = [self.from_curated(c, "place") for c in self.curated_list("regions.tsv")]
        entries = merge_by_name(kor, regions) + world
        self.claim("regions", entries)
        self.finish("regions", entries)

    def build_places(self):
        curated = [self.from_curated(c, "place") for c in self.curated_list("places.tsv")]
        self.claim("places", curated)
        entries = list(curated)
        for row in gazlib.read_tsv(self.source("places_mecab.tsv")):
            name = row["surface"]
            if not self.bulk_name_ok(name):
                continue
            entry = {"id": gazlib.local_id(name), "name": name, "type": "place", "aliases": []}
            if len(name) == 2 or (len(name) == 3 and name[:2] in self.raw_lexicon):
                entry["context"] = "strict"  # 2 syllables, or a word + 역/산/천 (청구역, 안정역)
            entries.append(entry)
        self.finish("places", entries)

    def build_surnames(self):
        rows = gazlib.read_tsv(self.source("surnames.tsv"))
        ranked = [r for r in rows if r["rank_in_kostat_top100_unique"]]
        items = [{"surname": r["surname"], "rank": int(r["rank_in_kostat_top100_unique"])}
                 for r in ranked]
        # Rarer surnames without a census rank come after, the better known ones first.
        extra = gazlib.read_lines(os.path.join(gazlib.CURATED_DIR, "surnames_extra.txt"))
        unranked = sorted((r["surname"] for r in rows if not r["rank_in_kostat_top100_unique"]),
                          key=lambda s: (extra.index(s) if s in extra else len(extra), s))
        known = {i["surname"] for i in items}
        rank = max(i["rank"] for i in items)
        for name in unranked + extra:
            if name not in known:
                rank += 1
                items.append({"surname": name, "rank": rank})
                known.add(name)
        items.sort(key=lambda i: i["rank"])
        gazlib.write_json(os.path.join(self.out, "rules", "surnames.json"), {
            "format": "sillok-rules/surnames", "version": 1,
            "description": "Korean surnames, most common first (rank). One- and two-syllable "
                           "surnames (남궁, 황보, 제갈, 선우, 독고); a person name is a surname plus "
                           "a one- or two-syllable given name.",
            "source": "KOSTAT 2015 census top 100 (surnames.tsv); rarer two-syllable "
                      "surnames appended after them (tools/gazetteer/curated/surnames_extra.txt)",
            "surnames": items})
        return len(items)

    def build_lexicon(self):
        """Common words minus every surface of a non-strict gazetteer entry."""
        known = set()
        for entries in self.files.values():
            for entry in entries:
                if entry.get("context") != "strict":
                    known.update(gazlib.entry_surfaces(entry))
        words = sorted(w for w in self.raw_lexicon if w not in known)
        path = os.path.join(self.out, "lexicon", "common-words.json")
        gazlib.write_list(path, {
            "format": "sillok-lexicon", "version": 1,
            "description": "Everyday Korean words (nouns and adverbs) of 2-4 syllables. A "
                           "candidate name that is one of these words is an everyday word, "
                           "not a name, unless a gazetteer entry says otherwise.",
            "source": "hunspell-ko 0.7.92 (ko.dic noun and adverb stems, NFC), minus the "
                      "names of the shipped gazetteers",
            "license": "MPL-1.1 OR GPL-2.0-or-later OR LGPL-2.1-or-later"}, "words", words)
        return len(words)

    def write_all(self):
        headers = {
            "government": ("Central government bodies (정부조직법 2025-10-01), former names "
                           "with validity and successors, public agencies, courts, the "
                           "National Assembly; common abbreviations as aliases.",
                           "gov_agencies.tsv (statute) + tools/gazetteer/curated/government.tsv",
                           LICENSE_FACTS),
            "regions": ("Korean provinces, cities, counties and districts (ambiguous district "
                        "names qualified by province), unambiguous towns, and countries and "
                        "world cities and regions.",
                        "행정안전부 administrative codes (admin_regions.tsv) + "
                        "curated/regions.tsv, curated/world.tsv", LICENSE_FACTS),
            "places": ("Place names (mountains, rivers, stations, foreign places) minus "
                       "everyday words, plus curated venues and districts.",
                       "mecab-ko-dic Place seed (places_mecab.tsv) + curated/places.tsv",
                       LICENSE_MECAB),
            "companies": ("Companies listed on the Korea Exchange (id krx<stock code>), with "
                          "the names news uses, plus well-known unlisted and foreign "
                          "companies.", "KRX KIND listing + curated/companies.tsv",
                          LICENSE_FACTS),
            "organizations": ("Parties, universities, unions, associations, research "
                              "institutes, international bodies, and mecab-ko-dic "
                              "organization names that are not everyday words.",
                              "curated/organizations.tsv + mecab-ko-dic (orgs_mecab.tsv)",
                              LICENSE_MECAB),
            "media": ("Korean and foreign news media.", "curated/media.tsv", LICENSE_FACTS),
            "products": ("Well-known products, models and services.", "curated/products.tsv",
                         LICENSE_FACTS),
        }
        counts = {}
        for file_id, entries in self.files.items():
            description, source, license_ = headers[file_id]
            for entry in entries:
                entry.pop("curated", None)
            gazlib.write_gazetteer(
                os.path.join(self.out, "gazetteers", file_id + ".json"),
                {"format": gazlib.GAZETTEER_FORMAT, "version": 1, "id": file_id,
                 "description": description, "source": source, "license": license_},
                entries)
            counts[file_id] = (len(entries), sum(len(e["aliases"]) for e in entries))
        return counts


class RegionBuilder:
    """Korean administrative regions from admin_regions.tsv."""

    BASELINE = "19880423"  # first date of the code table: not a real founding date

    def __init__(self, builder):
        self.b = builder
        self.rows = gazlib.read_tsv(builder.source("admin_regions.tsv"))
        self.sido = {}  # full name -> entry
        self.canonical = {}  # (sido, sigungu as in the table) -> entry name
        self.short_forms = set(gazlib.read_lines(
            os.path.join(gazlib.CURATED_DIR, "region_short_forms.txt")))

    def entries(self):
        out = self.sido_entries()
        out += self.sigungu_entries()
        out += self.emd_entries()
        return out

    def dates(self, row):
        out = {}
        if row["created"] and row["created"] != self.BASELINE:
            out["valid_from"] = iso(row["created"])
        if row["abolished"]:
            out["valid_to"] = iso(row["abolished"])
        return out

    def sido_entries(self):
        out = []
        for row in self.rows:
            name = row["name"]
            if row["level"] != "sido" or not name.endswith(("시", "도")) or name in self.sido:
                continue
            aliases = sido_aliases(name)
            canonical = name
            if name.endswith(("특별시", "광역시", "특별자치시")):
                # News names a city by its name ("서울"), not its administrative title.
                canonical = aliases[0]
                aliases = [name] + aliases[1:]
            entry = {"id": gazlib.local_id(name), "name": canonical, "type": "place",
                     "aliases": aliases, **self.dates(row)}
            self.sido[name] = entry
            out.append(entry)
        return out

    def sigungu_entries(self):
        rows = [r for r in self.rows if r["level"] == "sigungu"]
        bare_count = {}
        for r in rows:
            bare = r["name"].split(" ")[-1]
            bare_count[bare] = bare_count.get(bare, 0) + 1
        for entry in self.sido.values():  # 광주시 is also 광주광역시's short name
            for alias in entry["aliases"]:
                if alias in bare_count:
                    bare_count[alias] += 1
        out, cities = [], {}
        for r in rows:
            name, sido = r["name"], r["sido"]
            parts = name.split(" ")
            if len(parts) == 2:  # "수원시 장안구": a district of a city
                cities.setdefault((sido, parts[0]), r)
            out.append(self.sigungu_entry(r, parts, bare_count))
            self.canonical[(sido, name)] = out[-1]["name"]
        for (sido, city), r in sorted(cities.items()):
            if not any(e["name"] == city or e["name"].endswith(" " + city) for e in out):
                fake = dict(r, name=city, created=self.BASELINE)
                out.append(self.sigungu_entry(fake, [city], bare_count))
        return out

    def sigungu_entry(self, row, parts, bare_count):
        sido = row["sido"]
        bare = parts[-1]
        short_sido = sido_aliases(sido)[0]
        aliases = []
        if len(parts) == 2:
            name = row["name"]
            aliases.append(row["name"].replace(" ", ""))
            if bare_count.get(bare, 0) == 1:
                aliases.append(bare)
        elif bare_count.get(bare, 0) > 1:
            # 중구, 동구, 고성군: one per province, named with it ("서울특별시 중구").
            name = sido + " " + bare
            aliases += [short_sido + " " + bare, short_sido + bare]
            if sido.endswith("시"):
                aliases.append(short_sido + "시 " + bare)
        else:
            name = bare
            stem = bare[:-1]
            if bare.endswith(("시", "군")) and syllables(stem) >= 2 and self.short_ok(stem):
                aliases.append(stem)
        # Official district names (…시, …군, …구) are names even when hunspell lists them.
        return {"id": gazlib.local_id(name), "name": name, "type": "place",
                "aliases": aliases, "parent": sido, **self.dates(row)}

    def short_ok(self, stem):
        """'수원' for 수원시 — unless an everyday word (화성, 영광) or a province's short name."""
        taken = {a for e in self.sido.values() for a in e["aliases"]}
        return ((stem not in self.b.raw_lexicon or stem in self.short_forms)
                and stem not in self.b.stoplist
                and stem not in taken and not self.b.is_taken(stem))

    def emd_entries(self):
        """Towns: only names unique in the country, of 3+ syllables, not everyday words."""
        rows = [r for r in self.rows if r["level"] == "emd"]
        count = {}
        for r in rows:
            count[r["name"]] = count.get(r["name"], 0) + 1
        out = []
        for r in rows:
            name = r["name"]
            if (count[name] == 1 and gazlib.is_hangul_word(name) and syllables(name) >= 3
                    and name not in self.b.raw_lexicon and not self.b.is_taken(name)
                    and "제" not in name[-3:-1]):
                parent = self.canonical.get((r["sido"], r["sigungu"]), r["sido"])
                out.append({"id": gazlib.local_id(name), "name": name, "type": "place",
                            "aliases": [], "parent": parent, **self.dates(r)})
        return out


def sido_aliases(name):
    """서울특별시 -> 서울, 서울시; 경상남도 -> 경남; 제주특별자치도 -> 제주, 제주도."""
    fixed = {
        "충청북도": ["충북"], "충청남도": ["충남"], "전라북도": ["전북"], "전라남도": ["전남"],
        "경상북도": ["경북"], "경상남도": ["경남"], "경기도": [],
        "강원특별자치도": ["강원", "강원도"], "제주특별자치도": ["제주", "제주도"],
        "세종특별자치시": ["세종", "세종시"], "전북특별자치도": ["전북", "전라북도"],
    }
    if name in fixed:
        return fixed[name] or [name]
    for suffix in ("특별시", "광역시"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            return [stem, stem + "시"]
    return [name]


def merge_by_name(curated, generated):
    """Curated regions override generated ones of the same name (aliases are merged)."""
    by_name = {e["name"]: e for e in generated}
    out = list(generated)
    for entry in curated:
        known = by_name.get(entry["name"])
        if known is None:
            out.append(entry)
            continue
        known["aliases"] = list(dict.fromkeys(known["aliases"] + entry["aliases"]))
        for key in ("valid_from", "valid_to", "successor", "parent", "context"):
            if entry.get(key):
                known[key] = entry[key]
        known["curated"] = entry["curated"]
    return out


def read_hunspell_nouns(path):
    """Pure-Hangul noun stems of 2-4 syllables from hunspell-ko (NFD on disk)."""
    words = set()
    with open(path, encoding="utf-8") as handle:
        next(handle)  # the first line is the entry count
        for line in handle:
            stem, _, flags = unicodedata.normalize("NFC", line.strip()).partition("/")
            if flags in NOUN_FLAGS and gazlib.is_hangul_word(stem) and 2 <= len(stem) <= 4:
                words.add(stem)
    return words


# mecab-ko-dic files companies and newspapers under organizations; their endings tell.
COMPANY_ENDINGS = ("건설", "운수", "여객", "공업", "상사", "산업", "전자", "통신", "제약",
                   "증권", "은행", "보험", "화학", "물산", "금융", "정밀", "식품", "유통",
                   "홀딩스", "닷컴", "컴퍼니", "텔레콤", "엔터테인먼트", "정보기술", "테크",
                   "시스템", "시스템즈", "소프트", "제지", "중공업", "해운", "항공", "백화점",
                   "주식회사", "기업", "제과", "건영", "개발", "반도체", "약품", "생명",
                   "화재", "카드", "캐피탈", "투자신탁", "종금", "자동차", "모터스", "실업")
MEDIA_ENDINGS = ("일보", "일보사", "신문", "신문사", "방송", "통신사", "닷컴뉴스", "뉴스")


def org_type(name):
    if name.endswith(MEDIA_ENDINGS):
        return "media"
    if name.endswith(COMPANY_ENDINGS):
        return "company"
    return "organization"


def is_spac(name):
    """Special-purpose acquisition companies ("…스팩12호"): shells, never in the news."""
    return "스팩" in name or re.search(r"제?\d+호$", name) is not None


def iso(yyyymmdd):
    return "%s-%s-%s" % (yyyymmdd[:4], yyyymmdd[4:6], yyyymmdd[6:8])


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", default=DEFAULT_SOURCES)
    parser.add_argument("--hunspell", default=DEFAULT_HUNSPELL)
    parser.add_argument("--out", default=gazlib.DATA_DIR,
                        help="data directory to write to (default: the project's data/)")
    args = parser.parse_args(argv)
    try:
        b = Builder(args.sources, args.hunspell, args.out)
        # Order matters: curated surfaces of earlier files are claimed before bulk lists.
        b.build_government()
        b.build_simple("media", "media")
        b.build_simple("products", "product")
        b.build_companies()
        b.build_regions()
        b.build_organizations()
        b.build_places()
        counts = b.write_all()
        surnames = b.build_surnames()
        words = b.build_lexicon()
    except (BuildError, OSError, KeyError, ValueError) as err:
        print("build.py: error: %s" % err, file=sys.stderr)
        return 1
    total = 0
    for file_id, (n, aliases) in sorted(counts.items()):
        print("%-14s %6d entries %6d aliases" % (file_id, n, aliases))
        total += n + aliases
    print("surfaces (names + aliases): %d" % total)
    print("surnames: %d, common words: %d" % (surnames, words))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
