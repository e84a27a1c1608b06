"""The one query language of the search box and `honours search`: text in, terms and filters out.

A query is whitespace-separated terms, all of which must match (AND):

* plain text matches as a substring anywhere (names, units, positions, regions, honour
  titles, deeds, donation items), one character included; ASCII letters also match the
  pinyin of names and units as a prefix (`song`, `songyingjie`, `syj`);
* `"two words"` (or “…”) keeps a phrase with spaces together;
* `name:`, `unit:`, `position:`, `honour:`/`award:`, `region:`, `deed:`, `item:` narrow a
  term to one field; `level:`, `status:`, `category:`, `year:`, `posthumous:` and
  `donation` filter on values: `year:2019..2021`, `year>=2020`, `donation>=100000`,
  `donation:10万..50万`, `level:provincial` (or 省级).

Parsing never raises on user input: an unreadable value gives a notice (in English and
Chinese) and is searched as the literal text. `search.py` runs what is parsed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from .tokens import normalise, runs

TEXT_FIELDS = {
    "name": ("name", "pinyin"),
    "unit": ("unit", "unit_pinyin"),
    "position": ("position",),
    "honour": ("honours",),
    "award": ("honours",),
    "region": ("region",),
    "deed": ("deeds",),
    "item": ("donations",),
    # Chinese aliases, so the qualifiers can be typed without switching keyboards
    "姓名": ("name", "pinyin"),
    "单位": ("unit", "unit_pinyin"),
    "职务": ("position",),
    "荣誉": ("honours",),
    "地区": ("region",),
    "事迹": ("deeds",),
}
VALUE_FIELDS = {"level", "status", "category", "year", "donation", "posthumous",
                "级别", "状态", "类别", "年份", "捐赠"}
_VALUE_ALIASES = {"级别": "level", "状态": "status", "类别": "category", "年份": "year", "捐赠": "donation"}

LEVEL_VALUES = {
    "national": "national", "国家级": "national", "全国": "national", "国家": "national",
    "provincial": "provincial", "省级": "provincial", "省": "provincial",
    "municipal": "municipal", "市级": "municipal", "市": "municipal", "city": "municipal",
    "county": "county", "县级": "county", "县": "county",
    "other": "other", "其他": "other",
}
STATUS_VALUES = {
    "active": "active", "在职": "active",
    "retired": "retired", "退休": "retired",
    "deceased": "deceased", "已故": "deceased", "去世": "deceased", "逝世": "deceased",
}
CATEGORY_VALUES = {
    "medical": "medical", "医务": "medical", "医疗": "medical",
    "other": "other trades", "other trades": "other trades", "各行各业": "other trades",
    "model": "model worker", "model worker": "model worker", "劳模": "model worker",
    "劳动模范": "model worker", "donor": "donor", "捐赠": "donor",
    "collective": "collective", "集体": "collective",
}
YES = {"yes", "true", "1", "是", "y"}
NO = {"no", "false", "0", "否", "n"}

_TERM = re.compile(r'(?P<key>[^\s:<>=“”"]+?)(?P<op>:|>=|<=|>|<|=)(?P<value>.*)$', re.DOTALL)
_RANGE = re.compile(r"^(?P<lo>[^.]*)\.\.(?P<hi>[^.]*)$")


@dataclass
class TextTerm:
    text: str
    columns: tuple[str, ...] | None = None  # None: any field (ranked)

    @property
    def is_ascii(self) -> bool:
        """Letters and digits only: matched as pinyin prefixes and as whole words."""
        return "".join(runs(self.text)).isascii()


@dataclass
class Filter:
    """A value condition: SQL in which `{id}` stands for the honouree id being tested.

    A filter can be tested two ways. `sql` asks whether the id is in a set read once from
    an index (honours by level or year, honourees by status, category or donation); the
    unary `+` keeps SQLite from driving the query from the set, so it walks the name-order
    index or the search index in order and only tests membership, and a search never needs
    the honouree row at all. `probe_sql` asks the same with one index seek per candidate
    (EXISTS), which costs more per candidate but nothing up front. Reading a set of 70,000
    ids to fill a page of 200 is the wrong trade, and so is probing 100,000 candidates for
    a filter that 900 honourees meet (EXISTS took 0.2 s to count a level at 100,000), so
    SearchResult chooses per query from the size of the set (`size_sql`, counted only up
    to where the choice is made) and how many results the query must return. A filter on
    one value (`level:`, `year:2020`, `status:`, `category:`, `posthumous:yes`) can also
    list its ids in id order straight off an index (`ordered_sql`), which SQLite merges
    with the search index's ids (INTERSECT … ORDER BY), walking both only as far as a
    page needs: cheaper than a set, and than a probe per candidate.
    """

    sql: str
    params: list
    count_sql: str | None = None  # counts the live honourees it keeps, when it is the only condition
    row_sql: str | None = None  # the same test on the honourees row `h` (name-order index covers it)
    probe_sql: str | None = None  # the same test as one lookup for one id (EXISTS)
    size_sql: str | None = None  # the rows the set of `sql` is read from (to tell its size)
    honour_condition: str | None = None  # the condition on `honour`, for counting (see SearchResult.count)
    years: tuple[int | None, int | None] | None = None  # inclusive bounds of a year filter
    ordered_sql: str | None = None  # its ids above a first parameter, in id order (one value only)
    ordered_id: str | None = None  # the id column of `ordered_sql` (its table is `o`)

    @staticmethod
    def honours(condition: str, params: list, years: tuple[int | None, int | None] | None = None,
                one_value: bool = False) -> Filter:
        """Honourees with at least one honour meeting `condition` (a condition on `honour`);
        `one_value`: an equality, read from an index in honouree order."""
        return Filter(
            f"+{{id}} IN (SELECT honouree_id FROM honour WHERE {condition})", params,
            probe_sql=f"EXISTS (SELECT 1 FROM honour WHERE honouree_id = {{id}} AND {condition})",
            size_sql=f"SELECT 1 FROM honour WHERE {condition}",
            honour_condition=condition, years=years,
            ordered_sql=f"SELECT o.honouree_id FROM honour o WHERE o.honouree_id > ? AND {condition}"
            if one_value else None, ordered_id="o.honouree_id")

    @staticmethod
    def honourees(condition: str, params: list, one_value: bool = False) -> Filter:
        """Honourees whose own row meets `condition` (served by a partial index)."""
        return Filter(
            f"+{{id}} IN (SELECT id FROM honouree WHERE deleted_at IS NULL AND {condition})", params,
            f"SELECT count(*) FROM honouree WHERE deleted_at IS NULL AND {condition}",
            condition.replace("status", "h.status").replace("category", "h.category")
            .replace("donation_total_fen", "h.donation_total_fen"),
            probe_sql=f"EXISTS (SELECT 1 FROM honouree WHERE id = {{id}} AND deleted_at IS NULL AND {condition})",
            size_sql=f"SELECT 1 FROM honouree WHERE deleted_at IS NULL AND {condition}",
            ordered_sql=(f"SELECT o.id FROM honouree o WHERE o.id > ? AND o.deleted_at IS NULL AND {condition}"
                         if one_value else None), ordered_id="o.id")


@dataclass
class ParsedQuery:
    text_terms: list[TextTerm] = field(default_factory=list)
    filters: list[Filter] = field(default_factory=list)
    notices: list[tuple[str, str]] = field(default_factory=list)  # (en, zh)

    @property
    def is_empty(self) -> bool:
        return not self.text_terms and not self.filters


def searchable(text: str) -> bool:
    """True when the text holds something the index can match (a letter, digit, Chinese or
    other non-punctuation character)."""
    return bool(runs(text))


def split_terms(query: str) -> list[str]:
    """Whitespace split that respects "…" and “…”; an unbalanced quote runs to the end."""
    terms: list[str] = []
    buf: list[str] = []
    quote: str | None = None
    for ch in query:
        if quote:
            if ch == quote or (quote == "“" and ch == "”"):
                quote = None
            else:
                buf.append(ch)
        elif ch in "\"“":
            quote = ch
        elif ch.isspace():
            if buf:
                terms.append("".join(buf))
                buf = []
        else:
            buf.append(ch)
    if buf:
        terms.append("".join(buf))
    return terms


def parse(query: str) -> ParsedQuery:
    """Turn the search box's text into terms and filters; never raises on user input."""
    parsed = ParsedQuery()
    query = normalise(query or "")
    for raw in split_terms(query):
        match = _TERM.match(raw)
        if match:
            key = match["key"].lower()
            op, value = match["op"], match["value"].strip()
            if key in TEXT_FIELDS and op == ":":
                if searchable(value):
                    parsed.text_terms.append(TextTerm(value, TEXT_FIELDS[key]))
                continue
            if key in VALUE_FIELDS:
                key = _VALUE_ALIASES.get(key, key)
                flt = _value_filter(key, op, value, parsed)
                if flt:
                    parsed.filters.append(flt)
                    continue
                # Unreadable value (e.g. year:abc): a notice says so, and the term is then
                # searched as the literal text typed, so it narrows instead of matching everyone.
        if searchable(raw):
            parsed.text_terms.append(TextTerm(raw))
        else:
            parsed.notices.append(
                (f"Ignored {raw!r}: it has no letters, digits or Chinese characters.",
                 f"已忽略“{raw}”：其中没有文字或数字。")
            )
    return parsed


def _bad(parsed: ParsedQuery, key: str, value: str, hint_en: str, hint_zh: str) -> None:
    parsed.notices.append(
        (f"Could not understand {key}:{value!r}; {hint_en}", f"无法理解“{key}:{value}”；{hint_zh}")
    )


def _value_filter(key: str, op: str, value: str, parsed: ParsedQuery) -> Filter | None:
    lowered = value.lower()
    if key == "level":
        level = LEVEL_VALUES.get(lowered)
        if not level or op != ":":
            _bad(parsed, key, value, "use national, provincial, municipal, county or other.",
                 "请用 国家级、省级、市级、县级 或 其他。")
            return None
        return Filter.honours("level = ?", [level], one_value=True)
    if key == "status":
        status = STATUS_VALUES.get(lowered)
        if not status or op != ":":
            _bad(parsed, key, value, "use active, retired or deceased.", "请用 在职、退休 或 已故。")
            return None
        return Filter.honourees("status = ?", [status], one_value=True)
    if key == "category":
        category = CATEGORY_VALUES.get(lowered, value)
        return Filter.honourees("category = ?", [category], one_value=True)
    if key == "posthumous":
        if lowered not in YES | NO:
            _bad(parsed, key, value, "use yes or no.", "请用 是 或 否。")
            return None
        if lowered in YES:
            return Filter.honours("posthumous = 1", [], one_value=True)
        return Filter("+{id} NOT IN (SELECT honouree_id FROM honour WHERE posthumous = 1)", [])
    if key == "year":
        bounds = _bounds(op, value, _parse_year)
        if bounds is None:
            _bad(parsed, key, value, "use a year such as 2020, 2019..2021 or >=2019.",
                 "请写年份，如 2020、2019..2021 或 >=2019。")
            return None
        lo, hi, lo_inc, hi_inc = bounds  # years are whole numbers: make both bounds inclusive
        lo = lo if lo is None or lo_inc else lo + 1
        hi = hi if hi is None or hi_inc else hi - 1
        if lo is not None and lo == hi:
            return Filter.honours("year = ?", [lo], (lo, hi), one_value=True)
        cond, params = _range_sql("year", (lo, hi, True, True))
        return Filter.honours(cond, params, (lo, hi))
    if key == "donation":
        bounds = _bounds(op, value, _parse_fen)
        if bounds is None:
            _bad(parsed, key, value, "use an amount in yuan such as 100000, 10万 or 1万..50万.",
                 "请写金额（元），如 100000、10万 或 1万..50万。")
            return None
        cond, params = _range_sql("donation_total_fen", bounds)
        return Filter.honourees(cond, params)
    return None


def _parse_year(text: str) -> int | None:
    text = text.strip().rstrip("年")
    return int(text) if text.isdigit() and 1900 <= int(text) <= 2200 else None


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


def _range_sql(column: str, bounds: tuple[int | None, int | None, bool, bool]) -> tuple[str, list]:
    lo, hi, lo_inc, hi_inc = bounds
    parts, params = [], []
    if lo is not None:
        parts.append(f"{column} {'>=' if lo_inc else '>'} ?")
        params.append(lo)
    if hi is not None:
        parts.append(f"{column} {'<=' if hi_inc else '<'} ?")
        params.append(hi)
    return " AND ".join(parts), params
