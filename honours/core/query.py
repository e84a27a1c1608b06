"""The one query language of the search box and `honours search`: text in, terms and filters out.

A query is whitespace-separated terms, all of which must match (AND):

* plain text matches as a substring anywhere (names, units, positions, regions, honour
  titles, deeds, donation items), one character included; ASCII letters also match the
  pinyin of names and units as a prefix (`song`, `songyingjie`, `syj`);
* `"two words"` (or “…”) keeps a phrase with spaces together;
* `care:春节` finds care records (关怀记录) by their text, `kind:checkup` by their kind, and
  with either of them `year:2026` is the care record's year (all on one record);
* `name:`, `unit:`, `position:`, `honour:`/`award:`, `region:`, `deed:`, `item:` narrow a
  term to one field; `level:`, `status:`, `category:`, `year:`, `posthumous:` and
  `donation` filter on values: `year:2019..2021`, `year>=2020`, `donation>=100000`,
  `donation:10万..50万`, `level:provincial` (or 省级, or any other word of the vocabulary:
  vocabulary.py);
* several values of one qualifier, separated by commas (`,` `，` or `、`), mean any of them
  (OR): `level:national,provincial`, `级别:国家级、省级`, `year:2019,2021`, `region:衡阳,耒阳`.
  Separate qualifiers still all apply: `level:national level:provincial` is both.

Parsing never raises on user input: an unreadable value gives an error (in English and
Chinese, in `errors` and among the `notices`) and is searched as the literal text, so it
narrows instead of matching everyone; the command line refuses such a query.

This module only parses: text in, a backend-neutral structure out (`ParsedQuery`: text
terms with their fields and alternatives, `ValueFilter`s with values, ranges and
negation). It holds no SQL; the SQLite backend writes its own (sqlite/filters.py for the
value filters, search.py for the search index), and a second backend would write its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from .dates import FIRST_YEAR, LAST_YEAR, parse_year
from .fields import HONOUREE_FIELD, HONOUREE_FIELDS
from .i18n import Declared, Foreign, Message, Text
from .tokens import normalise, runs
from .vocabulary import (
    CARE_KINDS,
    CATEGORIES,
    EDUCATION_LEVELS,
    LEVELS,
    POLITICAL_STATUSES,
    STATUSES,
    TREATMENTS,
    YES_NO,
    Vocabulary,
)

TEXT_FIELDS = {
    "name": ("name", "pinyin"),
    "unit": ("unit", "unit_pinyin"),
    "position": ("position",),
    "honour": ("honours",),
    "award": ("honours",),
    "region": ("region",),
    "deed": ("deeds",),
    "item": ("donations",),
}
# The archive's value filters and the vocabulary of each (a word of it means its key), and the
# field each reads (`political:` is 政治面貌, the field political_status).
ARCHIVE_FILTERS = {"treatment": TREATMENTS, "political": POLITICAL_STATUSES, "education": EDUCATION_LEVELS}
ARCHIVE_FILTER_FIELDS = {"treatment": "treatment", "political": "political_status", "education": "education"}
_QUALIFIER_OF_FIELD = {key: qualifier for qualifier, key in ARCHIVE_FILTER_FIELDS.items()}


def qualifier_of(field_key: str) -> str:
    """The query term that names a field's values: its key, or the archive's shorter word."""
    return _QUALIFIER_OF_FIELD.get(field_key, field_key)


# Fields the statistics count by value (fields.py `counted`) that are no other qualifier yet:
# `gender:女`, `ethnicity:瑶族` match the stored value exactly (a vocabulary's words too).
EXACT_FIELDS = tuple(
    f.key
    for f in HONOUREE_FIELDS
    if f.counted in ("value", "share")
    and f.key not in TEXT_FIELDS
    and f.key not in ("status", "category")
    and f.key not in _QUALIFIER_OF_FIELD
)
VALUE_FIELDS = (
    "level",
    "status",
    "category",
    "year",
    "donation",
    "posthumous",
    # the archive (档案): `hardship:yes`, `treatment:全国`, `political:党员`, `education:本科`
    "hardship",
    "treatment",
    "political",
    "education",
    # care records (关怀记录): `care:春节`, `kind:checkup`
    "care",
    "kind",
    # the statistics' terms (a figure's people): `gender:女`, `ethnicity:瑶族`, `age:40..49` …
    *EXACT_FIELDS,
    "age",
    "collective",
    "donated",
    "cared",
)
# `donated:2020` / `cared:2026` (`…:yes`, `…:no`): has a record of this table (dated in those
# years); `cared:慰问` has a care record of that kind. The terms behind the summed measures' figures.
DATED_RECORDS = {"donated": "donation", "cared": "care"}
# Care records (关怀记录) are searched by their own conditions, all on one record: `care:春节` (its
# occasion, item, note, by whom, or a kind's word), `kind:checkup` (its kind), and — when either is
# in the query — `year:2026` means the record's year, not an honour's: `kind:checkup year:2026` is
# whoever had a check-up in 2026.
CARE_FIELDS = ("care", "kind")
# Chinese qualifiers, so they can be typed without switching keyboards (and are what the
# filter panel writes for a Chinese user).
ZH_QUALIFIERS = {
    "name": "姓名",
    "unit": "单位",
    "position": "职务",
    "honour": "荣誉",
    "region": "地区",
    "deed": "事迹",
    "level": "级别",
    "status": "状态",
    "category": "类别",
    "year": "年份",
    "donation": "捐赠",
    "hardship": "困难",
    "treatment": "待遇",
    "political": "政治面貌",
    "education": "文化程度",
    "care": "关怀",
    "kind": "关怀类别",
    **{key: HONOUREE_FIELD[key].zh for key in EXACT_FIELDS},
    "age": "年龄",
    "collective": "集体",
    "donated": "捐赠年份",
    "cared": "受关怀",
}
_QUALIFIERS = {
    **{key: key for key in (*TEXT_FIELDS, *VALUE_FIELDS)},
    **{zh: key for key, zh in ZH_QUALIFIERS.items()},
    "困难劳模": "hardship",
    "劳模待遇": "treatment",
    "学历": "education",
    "political_status": "political",
}
# Several values of one qualifier, separated by commas, mean any of them (`level:国家级,省级`).
# Amounts are the exception: 1,000 is one number.
VALUE_SEPARATORS = re.compile(r"[,，、]")
_ONE_VALUE_ONLY = ("donation", "posthumous", "hardship", "collective")

_TERM = re.compile(r'(?P<key>[^\s:<>=“”"]+?)(?P<op>:|>=|<=|>|<|=)(?P<value>.*)$', re.DOTALL)
_RANGE = re.compile(r"^(?P<lo>[^.]*)\.\.(?P<hi>[^.]*)$")


@dataclass
class TextTerm:
    text: str
    columns: tuple[str, ...] | None = None  # None: any field (ranked)
    alternatives: tuple[str, ...] = ()  # `region:衡阳市,耒阳市`: any of these texts (text is the first)

    @property
    def is_ascii(self) -> bool:
        """Letters and digits only: matched as pinyin prefixes and as whole words."""
        return "".join(runs(self.text)).isascii()


@dataclass(frozen=True)
class ValueFilter:
    """A condition on one value field, as the user meant it; the backend writes its SQL
    (sqlite/filters.py for SQLite).

    `field` is one of VALUE_FIELDS. `values` (level, status, category, kind: stored keys;
    posthumous: True; care: texts, a care kind's key after them when one is named) mean any of
    them; `within` (care) are the conditions one care record must meet together; `ranges` (year; donation in fen) are inclusive
    (low, high) bounds, either open (None), any of them; `negated` keeps the honourees the
    condition does NOT hold for (`posthumous:no`: no posthumous honour).
    """

    field: str
    values: tuple = ()
    ranges: tuple[tuple[int | None, int | None], ...] = ()
    negated: bool = False
    within: tuple[ValueFilter, ...] = ()


@dataclass
class ParsedQuery:
    text_terms: list[TextTerm] = field(default_factory=list)
    filters: list[ValueFilter] = field(default_factory=list)
    notices: list[Message] = field(default_factory=list)  # errors included
    errors: list[Message] = field(default_factory=list)  # values that could not be read

    @property
    def is_empty(self) -> bool:
        return not self.text_terms and not self.filters


def searchable(text: str) -> bool:
    """True when the text holds something the index can match (a letter, digit, Chinese or
    other non-punctuation character)."""
    return bool(runs(text))


def split_terms(query: str) -> list[str]:
    """Whitespace split that respects "…" and “…”; an unbalanced quote runs to the end; a
    qualifier whose values end in a comma goes on in the next term."""
    terms: list[str] = []
    buf: list[str] = []
    quote: str | None = None
    for ch in query:
        if quote:
            if ch == quote or (quote == "“" and ch == "”"):
                quote = None
            else:
                buf.append(ch)
        elif ch in '"“':
            quote = ch
        elif ch.isspace():
            if buf:
                terms.append("".join(buf))
                buf = []
        else:
            buf.append(ch)
    if buf:
        terms.append("".join(buf))
    # `level:national, provincial`: a qualifier's list goes on after a space that follows a comma
    merged: list[str] = []
    for term in terms:
        if merged and ":" in merged[-1] and VALUE_SEPARATORS.fullmatch(merged[-1][-1]):
            merged[-1] += term
        else:
            merged.append(term)
    return merged


def qualifier(term: str) -> tuple[str, str, str] | None:
    """(qualifier, operator, value) of a `key:value` term, the qualifier in English
    (`级别:省级` → ('level', ':', '省级')); None for plain text or an unknown key."""
    match = _TERM.match(term)
    if not match:
        return None
    key = _QUALIFIERS.get(match["key"].lower())
    return (key, match["op"], match["value"].strip()) if key else None


def values_of(value: str) -> list[str]:
    """The values of a qualifier, `国家级,省级` (or ，、) → ['国家级', '省级']."""
    return [v.strip() for v in VALUE_SEPARATORS.split(value) if v.strip()]


def quote_term(term: str) -> str:
    """A term as typed again: values with spaces are quoted so they stay one term."""
    key, sep, value = term.partition(":")
    if sep and any(ch.isspace() for ch in value):
        return f'{key}:"{value}"'
    return f'"{term}"' if any(ch.isspace() for ch in term) else term


# The groups the filter panel counts and narrows by; within one, values widen (OR).
FACET_GROUPS = ("level", "region", "status", "category", "year")


def facet_group(term: str) -> str | None:
    """The facet group a term narrows (`级别:省级` → 'level', `year>=2020` → 'year'), else None."""
    found = qualifier(term)
    return found[0] if found and found[0] in FACET_GROUPS else None


def without_group(query: str, group: str) -> str:
    """The query with the terms of one facet group taken out (to count that group's values)."""
    return " ".join(quote_term(t) for t in split_terms(query) if facet_group(t) != group)


def parse(query: str) -> ParsedQuery:
    """Turn the search box's text into terms and filters; never raises on user input."""
    parsed = ParsedQuery()
    query = normalise(query or "")
    for raw in split_terms(query):
        found = qualifier(raw)
        if found:
            key, op, value = found
            if key in TEXT_FIELDS and op == ":":
                texts = [v for v in values_of(value) if searchable(v)]
                if texts:
                    parsed.text_terms.append(TextTerm(texts[0], TEXT_FIELDS[key], tuple(texts)))
                continue
            if key in VALUE_FIELDS:
                flt = _value_filter(key, op, value, parsed)
                if flt:
                    parsed.filters.append(flt)
                    continue
                # Unreadable value (e.g. year:abc): an error says so, and the term is then
                # searched as the literal text typed, so it narrows instead of matching everyone.
        if searchable(raw):
            parsed.text_terms.append(TextTerm(_id_number_term(raw)))
        else:
            quoted = Foreign(repr(raw), Text("“{text}”", text=raw))
            parsed.notices.append(
                Text("Ignored {raw}: it has no letters, digits or Chinese characters.", raw=quoted)
            )
    return _care_together(parsed)


def _care_together(parsed: ParsedQuery) -> ParsedQuery:
    """`care:`, `kind:` and, with them, `year:` terms as one condition on a care record."""
    if not any(f.field in CARE_FIELDS for f in parsed.filters):
        return parsed
    inner = [f for f in parsed.filters if f.field in (*CARE_FIELDS, "year")]
    if any(f.field == "year" for f in inner):
        parsed.notices.append(
            (
                "year: applies to the care records here (with care: or kind:), not to the honours.",
                "此处“年份”指关怀记录的年份（与“关怀”“关怀类别”同用），而非荣誉年份。",
            )
        )
    parsed.filters = [f for f in parsed.filters if f not in inner]
    parsed.filters.append(ValueFilter("care", within=tuple(inner)))
    return parsed


def _id_number_term(raw: str) -> str:
    """An old 15-digit ID number is searched as the 18 characters it is stored as; other text as typed."""
    if len(raw) == 15 and raw.isdigit():
        from .id_numbers import search_key

        return search_key(raw) or raw
    return raw


def _bad(parsed: ParsedQuery, key: str, value: str, hint: Message) -> None:
    term = Foreign(f"{key}:{value!r}", Text("“{key}:{value}”", key=ZH_QUALIFIERS.get(key, key), value=value))
    message = Text("Could not understand {term}; {hint}", term=term, hint=hint)
    parsed.notices.append(message)
    parsed.errors.append(message)


def _choices(vocabulary: Vocabulary) -> Message:
    """A vocabulary's words as a hint lists them (its declared words in each language)."""
    return Declared(vocabulary.choices("en"), vocabulary.choices("zh"))


def _keys(vocabulary: Vocabulary, key: str, op: str, value: str, parsed: ParsedQuery) -> list[str] | None:
    """The stored keys a `level:` / `status:` term names (any word of the vocabulary, several
    separated by commas); None, with an error, when one is not a word of it."""
    words = values_of(value)
    keys = [vocabulary.lookup(w) for w in words]
    if op != ":" or not words or None in keys:
        _bad(
            parsed,
            key,
            value,
            Text("use {choices} (several separated by commas).", choices=_choices(vocabulary)),
        )
        return None
    return list(dict.fromkeys(k for k in keys if k))


def _value_filter(key: str, op: str, value: str, parsed: ParsedQuery) -> ValueFilter | None:
    if key in ("level", "status"):
        keys = _keys(LEVELS if key == "level" else STATUSES, key, op, value, parsed)
        return None if keys is None else ValueFilter(key, tuple(keys))
    if key == "category":
        # Categories are free text: a known word means its key, any other text itself.
        categories = list(dict.fromkeys(CATEGORIES.lookup(w) or w for w in values_of(value)))
        if op != ":" or not categories:
            _bad(parsed, key, value, Text("use {choices}.", choices=_choices(CATEGORIES)))
            return None
        return ValueFilter(key, tuple(categories))
    if key == "kind":
        keys = _keys(CARE_KINDS, key, op, value, parsed)
        return None if keys is None else ValueFilter(key, tuple(keys))
    if key == "care":
        texts = [v for v in values_of(value) if searchable(v)]
        if op != ":" or not texts:
            _bad(parsed, key, value, Text("write a word of the care records, such as 春节."))
            return None
        kinds = [k for k in (CARE_KINDS.lookup(t) for t in texts) if k]
        return ValueFilter(key, (*texts, *kinds))
    if key in EXACT_FIELDS:
        spec = HONOUREE_FIELD[key]
        vocabulary = spec.vocabulary
        words = [(vocabulary.lookup(w) if vocabulary else None) or w for w in values_of(value)]
        if op != ":" or not words:
            if vocabulary is not None:
                hint = Text("use {choices}.", choices=_choices(vocabulary))
            else:
                hint = Text("write the {field} as stored.", field=Declared(spec.name, spec.zh))
            _bad(parsed, key, value, hint)
            return None
        return ValueFilter(key, tuple(dict.fromkeys(words)))
    if key == "cared" and op == ":" and CARE_KINDS.lookup((values_of(value) or [""])[0]):  # cared:慰问
        keys = _keys(CARE_KINDS, key, op, value, parsed)
        return None if keys is None else ValueFilter(key, tuple(keys))
    if key in ("collective", "posthumous", "hardship") or (key in DATED_RECORDS and YES_NO.lookup(value)):
        answer = YES_NO.lookup(value)
        if answer is None or op != ":":
            _bad(parsed, key, value, Text("use yes or no."))
            return None
        return ValueFilter(key, (True,), negated=answer != "yes")
    if key in ARCHIVE_FILTERS:
        keys = _keys(ARCHIVE_FILTERS[key], key, op, value, parsed)
        return None if keys is None else ValueFilter(key, tuple(keys))
    if key in ("year", "age", *DATED_RECORDS):
        convert = _parse_age if key == "age" else parse_year
        ranges = [_bounds(op, part, convert) for part in (values_of(value) if op in (":", "=") else [value])]
        if (not ranges or None in ranges) and key == "age":
            _bad(parsed, key, value, Text("use whole years such as 40..49, <30 or >=70."))
            return None
        if not ranges or None in ranges:
            _bad(
                parsed,
                key,
                value,
                Text(
                    "use a year such as 2020, 2019..2021, 2019,2021 or >=2019 ({first}–{last}).",
                    first=FIRST_YEAR,
                    last=LAST_YEAR,
                ),
            )
            return None
        return ValueFilter(key, ranges=tuple(_inclusive(bounds) for bounds in ranges))  # type: ignore[arg-type]
    if key == "donation":
        bounds = _bounds(op, value, _parse_fen)
        if bounds is None:
            _bad(
                parsed,
                key,
                value,
                Text("use an amount in yuan such as 100000, 10万 or 1万..50万."),
            )
            return None
        return ValueFilter(key, ranges=(_inclusive(bounds),))
    return None


def _inclusive(bounds: tuple[int | None, int | None, bool, bool]) -> tuple[int | None, int | None]:
    """Whole numbers (years, fen) make every bound inclusive: >2019 is >=2020."""
    lo, hi, lo_inc, hi_inc = bounds
    return (lo if lo is None or lo_inc else lo + 1, hi if hi is None or hi_inc else hi - 1)


def _parse_age(text: str) -> int | None:
    """Whole years of age (40, 40岁)."""
    text = text.strip().removesuffix("岁").removesuffix("周岁").strip()
    return int(text) if text.isdigit() and int(text) < 200 else None


def _parse_fen(text: str) -> int | None:
    from .amounts import parse_amount_fen

    text = text.strip()
    if not text:
        return None
    try:
        return parse_amount_fen(text)
    except (ValueError, InvalidOperation):
        try:
            return int(Decimal(text) * 100)
        except (InvalidOperation, ValueError):
            return None


def _bounds(op: str, value: str, convert) -> tuple[int | None, int | None, bool, bool] | None:
    """(low, high, low_inclusive, high_inclusive) or None when unreadable."""
    if op == ":" or op == "=":
        if value.startswith((">=", "<=")):
            op, value = value[:2], value[2:]
        elif value.startswith((">", "<")):
            op, value = value[:1], value[1:]
    if op in (":", "="):
        match = _RANGE.match(value)
        if match:
            lo = convert(match["lo"]) if match["lo"].strip() else None
            hi = convert(match["hi"]) if match["hi"].strip() else None
            if (match["lo"].strip() and lo is None) or (match["hi"].strip() and hi is None):
                return None
            if lo is None and hi is None:
                return None
            return lo, hi, True, True
        exact = convert(value)
        return None if exact is None else (exact, exact, True, True)
    number = convert(value)
    if number is None:
        return None
    return {
        ">=": (number, None, True, True),
        ">": (number, None, False, True),
        "<=": (None, number, True, True),
        "<": (None, number, True, False),
    }[op]
