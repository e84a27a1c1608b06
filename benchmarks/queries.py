"""The queries a benchmark times, by kind, and a slow scan that says what each must return.

The reference scan works on the generator's own records (not on the database), with
plain Python: substring tests on every field, pinyin from pypinyin, ranks by the rules
of issue 2 (exact name, name prefix and pinyin, name, honours/unit/other fields, then
deeds and donations; id order inside a rank). If the index and the scan disagree, the
benchmark says so loudly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from honours.core.pinyin import pinyin_tokens
from honours.core.records import Honouree
from honours.core.sqlite.indexing import CATEGORY_WORDS, LEVEL_WORDS, STATUS_WORDS, UNIT_PINYIN_VARIANTS

KINDS = (
    "1-char Chinese",
    "2-char Chinese",
    "3+-char Chinese",
    "full name",
    "pinyin full",
    "pinyin initials",
    "honour title",
    "field-qualified",
    "no match",
)


def query_sets(records: Sequence[Honouree]) -> dict[str, list[str]]:
    """Queries of every kind for a roll; names are picked from the roll itself."""
    n = len(records)
    picks = [records[i] for i in (n // 7, n // 3, n // 2, (2 * n) // 3, n - 1)]
    picks = [h for h in picks if h.category != "collective"][:4]
    spelled = [pinyin_tokens(h.name) for h in picks]
    return {
        "1-char Chinese": ["市", "王", "医", "天", "华"],
        "2-char Chinese": ["医院", "五一", "衡阳", "抗疫", "技术"],
        "3+-char Chinese": ["劳动模范", "人民医院", "五一劳动奖章", "防护服", "南华大学附属第一医院"],
        "full name": [h.name for h in picks],
        "pinyin full": [full[0] for full, _ in spelled],
        "pinyin initials": [initials[0] for _, initials in spelled] + ["wf", "zh"],
        "honour title": ["全国劳动模范", "湖南省五一劳动奖章", "衡阳市先进工作者", "耒阳市劳动模范"],
        "field-qualified": [
            "name:王",
            "unit:中心医院",
            "honour:五一",
            "region:耒阳",
            "level:provincial",
            "year:2019..2021",
            "donation>=100000",
            "status:deceased 护士",
        ],
        "no match": ["火星基地", "xyzq", "量子纠缠"],
    }


# -- the reference scan ------------------------------------------------------------------


class Unsupported(Exception):
    """The reference scan does not model this query (it is then not checked)."""


@dataclass
class _Facts:
    """One honouree's searchable text, field by field, as plain strings."""

    id: int
    name: str
    name_spellings: list[str]
    unit: str
    unit_spellings: list[str]
    main: dict[str, list[str]]  # unit, position, region, honours, other
    deeds: list[str]
    donations: list[str]
    levels: set[str]
    years: set[int]
    donation_fen: int
    status: str
    words: dict[str, set[str]] = field(default_factory=dict)  # ASCII words per field group


_WORD = re.compile(r"[0-9A-Za-z]+")
_spellings_cache: dict[tuple[str, int], list[str]] = {}


def _spellings(text: str, variants: int) -> list[str]:
    key = (text, variants)
    if key not in _spellings_cache:
        full, initials = pinyin_tokens(text)
        _spellings_cache[key] = full[:variants] + initials[:variants]
    return _spellings_cache[key]


def facts(records: Sequence[Honouree]) -> list[_Facts]:
    """Searchable facts of records whose ids are 1..n in order (as the generator writes them)."""
    out = []
    for number, h in enumerate(records, 1):
        other = [
            STATUS_WORDS.get(h.status, ""),
            CATEGORY_WORDS.get(h.category, h.category),
            h.ethnicity,
            h.notes,
            *(LEVEL_WORDS.get(x.level, "") for x in h.honours),
            *(x.awarded_by for x in h.honours),
            "追授" if any(x.posthumous for x in h.honours) else "",
        ]
        main = {
            "unit": [h.unit],
            "position": [h.position],
            "region": [h.region],
            "honours": [x.title for x in h.honours],
            "other": [t for t in other if t],
        }
        donations = [" ".join(p for p in (d.item, d.recipient, d.note) if p) for d in h.donations]
        f = _Facts(
            id=number,
            name=h.name,
            name_spellings=_spellings(h.name, 10_000),
            unit=h.unit,
            unit_spellings=_spellings(h.unit, UNIT_PINYIN_VARIANTS),
            main=main,
            deeds=[d.text for d in h.deeds],
            donations=donations,
            levels={x.level for x in h.honours},
            years={x.year for x in h.honours if x.year},
            donation_fen=sum(d.amount_fen or 0 for d in h.donations),
            status=h.status,
        )
        out.append(f)
    return out


def _has(texts: list[str], term: str) -> bool:
    if term.isascii():
        return any(term.lower() in {w.lower() for w in _WORD.findall(t)} for t in texts)
    return any(term in t for t in texts)


_FIELDS = {
    "name": "name",
    "unit": "unit",
    "position": "position",
    "honour": "honours",
    "award": "honours",
    "region": "region",
    "deed": "deeds",
    "item": "donations",
}


def _term_in(f: _Facts, term: str, group: str, only: str | None) -> bool:
    """Does `term` occur in the field group ('name', 'main', 'deeds'), limited to field `only`?"""
    ascii_term = term.isascii()
    if group == "name":
        if only not in (None, "name"):
            return False
        return _has([f.name], term) or (
            ascii_term and any(s.startswith(term.lower()) for s in f.name_spellings)
        )
    if group == "main":
        fields = [only] if only else list(f.main)
        if only and only not in f.main:
            return False
        texts = [t for k in fields for t in f.main[k]]
        unit_pinyin = (
            ascii_term and "unit" in fields and any(s.startswith(term.lower()) for s in f.unit_spellings)
        )
        return _has(texts, term) or unit_pinyin
    if only not in (None, "deeds", "donations"):
        return False
    texts = (f.deeds if only in (None, "deeds") else []) + (
        f.donations if only in (None, "donations") else []
    )
    return _has(texts, term)


@dataclass
class Query:
    terms: list[tuple[str, str | None]]  # (text, field or None)
    filters: list  # callables on _Facts


def parse_reference(query: str) -> Query:
    terms: list[tuple[str, str | None]] = []
    filters = []
    for raw in query.split():
        key, sep, value = raw.partition(":")
        if sep and key in _FIELDS:
            terms.append((value, _FIELDS[key]))
        elif sep and key == "level":
            filters.append(lambda f, v=value: v in f.levels)
        elif sep and key == "status":
            filters.append(lambda f, v=value: f.status == v)
        elif sep and key == "year":
            low, _, high = value.partition("..")
            filters.append(lambda f, lo=int(low), hi=int(high or low): any(lo <= y <= hi for y in f.years))
        elif raw.startswith("donation>="):
            yuan = int(raw.removeprefix("donation>="))
            filters.append(lambda f, fen=yuan * 100: f.donation_fen >= fen)
        elif sep or not re.fullmatch(r"[0-9A-Za-z]+|[\u4e00-\u9fff]+", raw):
            raise Unsupported(raw)
        else:
            terms.append((raw, None))
    return Query(terms, filters)


def _rank(f: _Facts, q: Query) -> int | None:
    if not all(flt(f) for flt in q.filters):
        return None
    if not q.terms:
        return 5
    single = len(q.terms) == 1 and q.terms[0][1] in (None, "name")
    if single:
        text = q.terms[0][0]
        if not text.isascii() and f.name == text:
            return 0
        if (not text.isascii() and f.name.startswith(text)) or (
            text.isascii() and any(s.startswith(text.lower()) for s in f.name_spellings)
        ):
            return 1
    if all(_term_in(f, t, "name", only) for t, only in q.terms):
        return 2
    if all(_term_in(f, t, "name", only) or _term_in(f, t, "main", only) for t, only in q.terms):
        return 3
    if all(any(_term_in(f, t, g, only) for g in ("name", "main", "deeds")) for t, only in q.terms):
        return 4
    return None


def reference_ids(all_facts: list[_Facts], query: str) -> list[int] | None:
    """Ids the query must return, best first; None when the scan does not model the query."""
    try:
        q = parse_reference(query)
    except (Unsupported, ValueError):
        return None
    if not q.terms:
        return None  # filters alone are listed in name order, not by rank
    ranked = [(rank, f.id) for f in all_facts if (rank := _rank(f, q)) is not None]
    return [i for _, i in sorted(ranked)]


@dataclass
class Check:
    query: str
    fast: int
    slow: int
    missing: int
    extra: int
    order_ok: bool

    @property
    def ok(self) -> bool:
        return self.missing == 0 and self.extra == 0 and self.order_ok


def compare(query: str, fast: list[int], slow: list[int]) -> Check:
    fast_set, slow_set = set(fast), set(slow)
    return Check(
        query, len(fast), len(slow), len(slow_set - fast_set), len(fast_set - slow_set), fast == slow
    )
