"""Running a query (see `query.py` for its language) against SQLite's search index.

Nothing the user types reaches SQL except as a bound parameter or inside a quoted FTS5
string, so quotes, `*`, `AND`, `NEAR(` and SQL fragments are plain text. Results are
ranked in tiers: exact name, name prefix (and pinyin), name substring, honours/unit/
other fields, then deeds and donations; each tier in id order so the first page of a
100,000-row roll comes straight off the index.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass

from .i18n import Message
from .names import tidy_spacing
from .query import TEXT_FIELDS, ParsedQuery, TextTerm, parse
from .sqlite.filters import Filter, sql_filter
from .sqlite.indexing import PINYIN_COLUMNS, PINYIN_PREFIX_MAX
from .tokens import query_tokens, runs

ALL_COLUMNS = (
    "name",
    "pinyin",
    "unit",
    "unit_pinyin",
    "position",
    "region",
    "honours",
    "other",
    "deeds",
    "donations",
)
MAIN_COLUMNS = ("unit", "unit_pinyin", "position", "region", "honours", "other")
DEED_COLUMNS = ("deeds", "donations")


# -- FTS5 expressions ----------------------------------------------------------------


def _phrase(term: TextTerm) -> str:
    """The term as a substring phrase over the indexed text (see tokens.query_tokens)."""
    tokens, prefix = query_tokens(term.text)
    body = " ".join(tokens).replace('"', '""')
    return f'"{body}"' + (" *" if prefix else "")


def _pinyin_phrase(term: TextTerm) -> str:
    """The term as a pinyin prefix: one exact token, since every prefix is indexed."""
    word = "".join(runs(term.text)).lower()
    return f'"{word}"' + (" *" if len(word) > PINYIN_PREFIX_MAX else "")


def _in(columns: tuple[str, ...], phrase: str, initial: bool = False) -> str:
    return "{" + " ".join(columns) + "} : " + ("^ " if initial else "") + phrase


def _term_expr(term: TextTerm, columns: tuple[str, ...]) -> str:
    """A term matched in the given columns; ASCII terms match pinyin as a prefix; a term
    with alternatives (`region:衡阳市,耒阳市`) matches any of them."""
    if len(term.alternatives) > 1:
        parts = [_term_expr(TextTerm(text, term.columns), columns) for text in term.alternatives]
        return " OR ".join(f"({p})" for p in parts if p)
    cols = tuple(c for c in columns if term.columns is None or c in term.columns)
    if not cols:
        return ""
    pinyin = tuple(c for c in cols if c in PINYIN_COLUMNS)
    words = tuple(c for c in cols if c not in PINYIN_COLUMNS)
    parts = []
    if pinyin and term.is_ascii:
        parts.append(_in(pinyin, _pinyin_phrase(term)))
    if words and not term.is_ascii and set(words) == TEXT_COLUMNS:
        # Chinese never matches the pinyin columns, so "every text column" is "anywhere",
        # and FTS5 then skips reading which column each hit is in (twice as fast to count).
        parts.append(_phrase(term))
    elif words:
        parts.append(_in(words, _phrase(term)))
    return " OR ".join(parts)


def _all_expr(terms: list[TextTerm], columns: tuple[str, ...]) -> str | None:
    parts = []
    for term in terms:
        expr = _term_expr(term, columns if term.columns is None else term.columns)
        if not expr:
            return None
        parts.append(f"({expr})")
    return " AND ".join(parts)


def _padded_name(terms: list[TextTerm]) -> str | None:
    """The name a query of two single Chinese characters spells when joined (贺 彪 → 贺彪)."""
    if len(terms) == 2 and all(t.columns is None and len(t.text) == 1 and not t.is_ascii for t in terms):
        joined = terms[0].text + terms[1].text
        return joined if tidy_spacing(f"{terms[0].text} {terms[1].text}") == joined else None
    return None


def _stored_name(text: str) -> str:
    """A one-term query as the name would be stored: 沙吾尔•芒力克 is 沙吾尔·芒力克. Only the dots:
    a quoted term with spaces keeps them (its phrase would not find the name without them)."""
    return text if any(ch.isspace() for ch in text) else tidy_spacing(text)


MAIN_INDEX = "honouree_fts"
NAME_INDEX = "honouree_name_fts"  # names and their pinyin only: name tiers never walk deeds' postings
TEXT_COLUMNS = frozenset(ALL_COLUMNS) - frozenset(PINYIN_COLUMNS)


@dataclass
class Tier:
    match: str | None  # FTS5 expression, or None for the exact-name tier
    exact_name: str | None = None
    table: str = MAIN_INDEX


def tiers(parsed: ParsedQuery) -> list[Tier]:
    """Tiers in rank order; each FTS tier excludes the documents of the tiers above it."""
    terms = parsed.text_terms
    if not terms:
        return []
    out: list[Tier] = []
    raw: list[tuple[str, str]] = []  # (expression, index it runs on)
    single = (
        len(terms) == 1
        and terms[0].columns in (None, TEXT_FIELDS["name"])
        and len(terms[0].alternatives) <= 1
    )
    padded = _padded_name(terms)
    if single:
        term = terms[0]
        if not term.is_ascii:
            out.append(Tier(None, exact_name=_stored_name(term.text)))
            raw.append((_in(("name",), _phrase(term), initial=True), NAME_INDEX))
        else:
            raw.append((_in(("pinyin",), _pinyin_phrase(term)), NAME_INDEX))
    elif padded:
        # 贺 彪 (copied from a roll that pads two-character names): still both characters
        # anywhere, but the person named 贺彪 first.
        out.append(Tier(None, exact_name=padded))
        raw.append((_in(("name",), _phrase(TextTerm(padded)), initial=True), NAME_INDEX))
    name_cols = ("name", "pinyin")
    names_only = all(t.columns is None or set(t.columns) <= set(name_cols) for t in terms)
    candidates = [
        (_all_expr(terms, name_cols), NAME_INDEX if names_only else MAIN_INDEX),
        (_all_expr(terms, name_cols + MAIN_COLUMNS), MAIN_INDEX),
        (_all_expr(terms, ALL_COLUMNS), MAIN_INDEX),
    ]
    for expr, table in candidates:
        if expr and all(expr != seen for seen, _ in raw):
            raw.append((expr, table))
    # Each tier excludes the tiers above it. The main index holds the name columns too,
    # so its tiers can exclude name tiers with the same expressions.
    seen: list[str] = []
    for expr, table in raw:
        match = expr if not seen else f"({expr}) NOT ({' OR '.join(f'({s})' for s in seen)})"
        out.append(Tier(match, table=table))
        seen.append(expr)
    return out


def any_expr(parsed: ParsedQuery) -> str | None:
    return _all_expr(parsed.text_terms, ALL_COLUMNS) if parsed.text_terms else None


# -- running a query --------------------------------------------------------------------

ORDERABLE = {
    "name": "h.sort_key",
    "unit": "h.unit",
    "position": "h.position",
    "honours": "h.honours_text",
    "level": "h.level_rank",
    "region": "h.region",
    "status": "h.status",
    "category": "h.category",
    # the latest year of an honour (0 when none has a year: keyset paging needs no NULLs),
    # one seek per honouree in the (honouree_id, year) index
    "year": "coalesce((SELECT max(year) FROM honour WHERE honouree_id = h.id), 0)",
    "donation": "h.donation_total_fen",
    "updated": "h.updated_at",
    "id": "h.id",
}


# One EXISTS probe costs about as much as putting this many ids into a set (measured at
# 100,000 honourees: ~1 µs a seek, ~0.3 µs an id). A filter is probed per candidate when
# its set would hold at least sqrt(PROBE_RATIO × results wanted × roll size) rows: a
# query wanting `w` results from a filter met by `s` of `n` honourees walks about w·n/s
# candidates, so probing them costs PROBE_RATIO·w·n/s against the set's s.
PROBE_RATIO = 3
# Orders in which a filter-only listing walks an index and can stop after a page; any
# other order sorts every match, for which a set is always cheaper.
WALKED_ORDERS = (None, "name", "id")
# Counting the honourees of a year range: one year is read in honouree order from the
# year index; a few years are merged in that order (UNION … ORDER BY, no sorting); beyond
# that the range is sorted, or, when it holds a large share of all honours, the whole
# honouree-order index is read instead, which costs the same whatever the range.
MERGE_YEARS_MAX = 3
FULL_SCAN_SHARE = 0.25
# A text (or a tier of it) with fewer matches than this has its filters probed one by one:
# reading a set, or merging with a filter's index, walks the filter's whole index when the
# text's few matches are spread over the roll (`王建国 level:municipal`). Telling costs a
# count of up to this many matches, well under 0.2 ms.
FEW_CANDIDATES = 256
# Filters without text that keep at most this many honourees are listed by sorting them
# (about 1.5 µs each) rather than by walking the roll in name order until a page is full,
# which for 1,000 of 100,000 means 20,000 rows walked for a page of 200.
FEW_MATCHES = 1000


class SearchResult:
    """Ids matching a query in rank (or column) order, fetched a page at a time.

    Sequential pages continue from where the last page stopped (keyset paging), so a
    lazy table that scrolls to the end costs one index walk, not a quadratic OFFSET.
    """

    def __init__(
        self, conn: sqlite3.Connection, query: str, order: str | None = None, descending: bool = False
    ) -> None:
        self.conn = conn
        self.query = query
        self.parsed = parse(query)
        self.filters = [sql_filter(flt) for flt in self.parsed.filters]  # this backend's SQL for them
        self.order = order if order in ORDERABLE else None
        self.descending = descending
        self._tiers = tiers(self.parsed)
        self._where, self._params = self._filter_sql()
        self._count: int | None = None
        self._roll_size: int | None = None
        self._set_sizes: dict[int, tuple[int, int]] = {}  # filter index: (counted up to, count)
        self._few: list[int] | None = None  # see _few_ordered_ids
        self._few_looked = False
        self._reset()

    @property
    def notices(self) -> list[Message]:
        return self.parsed.notices

    def _filter_sql(self) -> tuple[str, list]:
        clauses = ["h.deleted_at IS NULL"]
        params: list = []
        for flt in self.filters:
            clauses.append(f"({flt.row_sql or flt.sql.format(id='h.id')})")
            params.extend(flt.params)
        # The search index holds live records only (the trash is not indexed), so a
        # query driven by it needs the filters alone, tested on its rowid.
        self._index_where = " AND ".join(f"({flt.sql.format(id='f.rowid')})" for flt in self.filters) or "1"
        return " AND ".join(clauses), params

    def _probe(self, number: int, flt: Filter, wanted: int) -> bool:
        """Whether to test filter `number` by a lookup per candidate (EXISTS) rather than as
        a set, for a query that is to return `wanted` results (0: few candidates, such as
        the honourees of one exact name)."""
        if flt.probe_sql is None or flt.size_sql is None:
            return False
        if self._roll_size is None:
            self._roll_size = self.conn.execute("SELECT coalesce(max(id), 0) FROM honouree").fetchone()[0]
        bound = math.isqrt(int(PROBE_RATIO * wanted * self._roll_size))
        if bound <= 0:
            return True
        known = self._set_sizes.get(number)
        if known is not None:
            counted_to, size = known
            if size < counted_to or counted_to >= bound:  # exact, or already known to be big enough
                return size >= bound
        size = self.conn.execute(
            f"SELECT count(*) FROM ({flt.size_sql} LIMIT ?)", [*flt.params, bound]
        ).fetchone()[0]
        self._set_sizes[number] = (bound, size)
        return size >= bound

    def _filters_for(
        self, column: str, wanted: int | None, on_row: bool = False, after: int | None = None
    ) -> tuple[str, list, str, list]:
        """The filters as SQL on the candidate id `column`: conditions to append to its
        WHERE (" AND …" each) and their parameters, then arms to append to its SELECT
        (" INTERSECT …" each) and theirs.

        `wanted`: how many results the query is to return (None: all of them, 0: few
        candidates), which decides between a set and a probe (see `_probe`); sets come
        first, so that probes run only for candidates the sets let through. `on_row`: the
        candidate is an honouree row `h`, which tests its own columns. `after`: the query
        reads candidates in id order above this id, and one-value filters become arms
        (the caller ends the query with ORDER BY 1).
        """
        sets: list[tuple[str, list]] = []
        probes: list[tuple[str, list]] = []
        arms: list[tuple[str, list]] = []
        for number, flt in enumerate(self.filters):
            if on_row and flt.row_sql:
                sets.append((flt.row_sql, flt.params))
            elif after is not None and flt.ordered_sql:
                arms.append((flt.ordered_sql, [after, *flt.params]))
            elif wanted is not None and self._probe(number, flt, wanted):
                probes.append((flt.probe_sql.format(id=column), flt.params))  # type: ignore[union-attr]
            else:
                sets.append((flt.sql.format(id=column), flt.params))
        chosen = sets + probes
        return (
            "".join(f" AND ({sql})" for sql, _ in chosen),
            [p for _, params in chosen for p in params],
            "".join(f" INTERSECT {sql}" for sql, _ in arms),
            [p for _, params in arms for p in params],
        )

    def _few_candidates(self, table: str, condition: str, params: list) -> bool:
        """Whether the search index `table` has fewer than FEW_CANDIDATES rows matching
        (`params` start with the MATCH expression; `condition` narrows on `f`); counted only
        that far. Such rows are then tested against the filters one by one."""
        if FEW_CANDIDATES <= 0:
            return False
        sql = f"SELECT count(*) FROM (SELECT 1 FROM {table} f WHERE {table} MATCH ?{condition} LIMIT ?)"
        return self.conn.execute(sql, [*params, FEW_CANDIDATES]).fetchone()[0] < FEW_CANDIDATES

    def _reset(self) -> None:
        self._tier_index = 0
        self._last_id = 0
        self._offset = 0
        self._exact_ids: list[int] = []  # kept across pages: later tiers exclude them

    counts_slowly = False  # the index counts in milliseconds: the status bar asks on the keystroke

    def count_capped(self, limit: int = 1000) -> tuple[int, bool]:
        """(matches, exact): always exact here (see the server's, which may stop at `limit`)."""
        return self.count(), True

    def count(self) -> int:
        """Total matches (for the status bar); computed once per result."""
        if self._count is None:
            expr = any_expr(self.parsed)
            filters = self.filters
            if expr is None and len(filters) == 1 and filters[0].honour_condition:
                self._count = self._count_honours(filters[0])
                return self._count
            arms = [flt for flt in filters if flt.ordered_sql]
            if expr is None and len(filters) == 1 and filters[0].count_sql:
                sql, params = filters[0].count_sql, filters[0].params
            elif expr is None and arms:  # several filters (the filter panel's clicks add up)
                sql, params = self._merged_ids_sql()
                sql = f"SELECT count(*) FROM ({sql} ORDER BY 1)"
            elif expr is None:
                sql = f"SELECT count(*) FROM honouree h WHERE {self._where}"
                params = self._params
            elif self.filters and self._few_candidates(MAIN_INDEX, "", [expr]):
                probes, params, _, _ = self._filters_for("f.rowid", 0)  # a rare text: probed
                sql = f"SELECT count(*) FROM honouree_fts f WHERE honouree_fts MATCH ?{probes}"
                params = [expr, *params]
            elif self.filters:
                # One-value filters merged in id order with the index (see Filter), others as sets.
                where, where_params, arms, arm_params = self._filters_for("f.rowid", None, after=0)
                if arms:
                    sql = (
                        f"SELECT count(*) FROM (SELECT f.rowid FROM honouree_fts f"
                        f" WHERE honouree_fts MATCH ?{where}{arms} ORDER BY 1)"
                    )
                else:
                    sql = f"SELECT count(*) FROM honouree_fts f WHERE honouree_fts MATCH ?{where}"
                params = [expr, *where_params, *arm_params]
            else:
                sql = "SELECT count(*) FROM honouree_fts WHERE honouree_fts MATCH ?"
                params = [expr]
            self._count = self.conn.execute(sql, params).fetchone()[0]
        return self._count

    def _merged_ids_sql(self) -> tuple[str, list]:
        """The live ids meeting every filter (no text), unordered until the caller adds
        ORDER BY 1: one-value filters merged in id order, the others tested as sets on the
        first one's ids, the trash taken out at the end; never a walk of the whole roll."""
        filters = self.filters
        arms = [flt for flt in filters if flt.ordered_sql]
        first, others = arms[0], [flt for flt in filters if not flt.ordered_sql]
        sql = first.ordered_sql + "".join(  # type: ignore[operator]
            f" AND ({flt.sql.format(id=first.ordered_id)})" for flt in others
        )
        sql += "".join(f" INTERSECT {flt.ordered_sql}" for flt in arms[1:])
        sql += " EXCEPT SELECT id FROM honouree INDEXED BY honouree_sort WHERE deleted_at IS NOT NULL"
        return sql, [
            0,
            *first.params,
            *(p for flt in others for p in flt.params),
            *(p for flt in arms[1:] for p in (0, *flt.params)),
        ]

    def _few_ordered_ids(self) -> list[int] | None:
        """Every match in the result's order, when one-value filters without text keep so
        few honourees (up to FEW_MATCHES) that sorting them beats walking the roll in order
        until a page is full; None otherwise. Only when every filter is a one-value filter
        (merged in id order, read only as far as FEW_MATCHES matches) and one is on honours
        (a walk tests those by a probe or a set; filters on the honouree's own row cost the
        walk almost nothing)."""
        if not self._few_looked:
            self._few_looked = True
            filters = self.filters
            if all(flt.ordered_sql for flt in filters) and any(flt.honour_condition for flt in filters):
                sql, params = self._merged_ids_sql()
                params = [*params, FEW_MATCHES + 1]
                merged = f"{sql} ORDER BY 1 LIMIT ?"
                # One filter's index is cheap to count first; a merge of several is read once.
                if (
                    len(filters) > 1
                    or self.conn.execute(f"SELECT count(*) FROM ({merged})", params).fetchone()[0]
                    <= FEW_MATCHES
                ):
                    column = ORDERABLE.get(self.order or "name", "h.sort_key")
                    direction = "DESC" if self.descending else "ASC"
                    ids = [
                        r[0]
                        for r in self.conn.execute(
                            f"WITH m(id) AS ({merged}) SELECT h.id FROM m CROSS JOIN honouree h ON h.id = m.id"
                            f" WHERE h.deleted_at IS NULL ORDER BY {column} {direction}, h.id {direction}",
                            params,
                        )
                    ]
                    self._few = ids if len(ids) <= FEW_MATCHES else None
        return self._few

    def _count_honours(self, flt: Filter) -> int:
        """Live honourees with an honour meeting the filter's condition, counted from the
        honour indexes in honouree order, so that duplicates are dropped as they pass,
        without collecting a set; the few in the trash are then subtracted."""
        cond, params = flt.honour_condition, flt.params
        conn = self.conn
        trashed = conn.execute(
            "SELECT count(*) FROM honouree h WHERE h.deleted_at IS NOT NULL"
            f" AND EXISTS (SELECT 1 FROM honour WHERE honouree_id = h.id AND {cond})",
            params,
        ).fetchone()[0]
        if flt.years is None:  # level = ?, posthumous = 1: an index in honouree order per value
            sql = f"SELECT count(DISTINCT honouree_id) FROM honour WHERE {cond}"
            return conn.execute(sql, params).fetchone()[0] - trashed
        lo, hi = flt.years
        years: list[int] = []
        low, high = -(2**62) if lo is None else lo, 2**62 if hi is None else hi
        while len(years) <= max(1, MERGE_YEARS_MAX):  # the years present, one index seek each
            year = conn.execute(
                "SELECT min(year) FROM honour WHERE revoked = 0 AND year >= ? AND year <= ?", (low, high)
            ).fetchone()[0]
            if year is None:
                break
            years.append(year)
            low = year + 1
        if not years:
            return 0
        if len(years) == 1:
            sql, params = (
                "SELECT count(DISTINCT honouree_id) FROM honour WHERE revoked = 0 AND year = ?",
                years,
            )
        elif len(years) <= MERGE_YEARS_MAX:
            arms = " UNION ".join(
                ["SELECT honouree_id FROM honour WHERE revoked = 0 AND year = ?"] * len(years)
            )
            sql, params = f"SELECT count(*) FROM ({arms} ORDER BY 1)", years
        else:
            honours = conn.execute("SELECT coalesce(max(id), 0) FROM honour").fetchone()[0]
            bound = max(1, int(FULL_SCAN_SHARE * honours))
            size = conn.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM honour WHERE {cond} LIMIT ?)", [*params, bound]
            ).fetchone()[0]
            if size >= bound:
                sql = (
                    f"SELECT count(DISTINCT honouree_id) FROM honour INDEXED BY honour_honouree_year"
                    f" WHERE {cond}"
                )
            else:
                sql = (
                    f"SELECT count(*) FROM (SELECT honouree_id FROM honour WHERE {cond} GROUP BY honouree_id)"
                )
        return conn.execute(sql, params).fetchone()[0] - trashed

    def matching_ids_sql(self) -> tuple[str, list]:
        """A SELECT of every matching id, unordered: for counting by facet in SQL."""
        expr = any_expr(self.parsed)
        if expr is None:
            return f"SELECT h.id FROM honouree h WHERE {self._where}", list(self._params)
        return (
            f"SELECT f.rowid FROM honouree_fts f WHERE honouree_fts MATCH ? AND {self._index_where}",
            [expr, *self._params],
        )

    def contains(self, honouree_id: int) -> bool:
        """Whether this honouree is among the matches: one lookup, however large the result."""
        expr = any_expr(self.parsed)
        if expr is None:
            sql = f"SELECT 1 FROM honouree h WHERE h.id = ? AND {self._where}"
            params = [honouree_id, *self._params]
        else:
            sql = (
                f"SELECT 1 FROM honouree_fts f WHERE honouree_fts MATCH ? AND f.rowid = ?"
                f" AND {self._index_where}"
            )
            params = [expr, honouree_id, *self._params]
        return self.conn.execute(sql, params).fetchone() is not None

    def ids(self, offset: int = 0, limit: int = 200) -> list[int]:
        """Up to `limit` ids starting at `offset` in result order."""
        if limit <= 0:
            return []
        if self.order or not self._tiers:
            return self._ordered_ids(offset, limit)
        if offset != self._offset:
            self._reset()
            skip = offset
        else:
            skip = 0
        out: list[int] = []
        while len(out) < limit and self._tier_index < len(self._tiers):
            want = limit - len(out) + skip
            rows = self._tier_rows(self._tiers[self._tier_index], want)
            if len(rows) < want:
                self._tier_index += 1
                self._last_id = 0
            elif rows:
                self._last_id = rows[-1]
            take = rows[skip:]
            skip = max(0, skip - len(rows))
            out.extend(take)
        self._offset = offset + len(out)
        return out

    def _tier_rows(self, tier: Tier, limit: int) -> list[int]:
        if tier.match is None:  # exact name: few rows, fetched whole
            if not self._exact_ids:
                where, params, _, _ = self._filters_for("h.id", 0, on_row=True)
                self._exact_ids = [
                    r[0]
                    for r in self.conn.execute(
                        f"SELECT h.id FROM honouree h WHERE h.name = ? AND h.deleted_at IS NULL{where}"
                        " ORDER BY h.id",
                        [tier.exact_name, *params],
                    )
                ]
            return [i for i in self._exact_ids if i > self._last_id][:limit]
        exclude = ""
        params: list = [tier.match, self._last_id]
        if self._exact_ids:
            exclude = f" AND f.rowid NOT IN ({','.join('?' * len(self._exact_ids))})"
            params.extend(self._exact_ids)
        table = tier.table  # one of two constant table names, never user text
        if self.filters and self._few_candidates(table, f" AND f.rowid > ?{exclude}", params):
            # A tier of a few rows (a name) probes them one by one, instead of walking a
            # common filter's whole index to meet them.
            probes, probe_params, _, _ = self._filters_for("f.rowid", 0)
            sql = (
                f"SELECT f.rowid FROM {table} f WHERE {table} MATCH ? AND f.rowid > ?{exclude}{probes}"
                " ORDER BY f.rowid LIMIT ?"
            )
            params.extend([*probe_params, limit])
        elif self.filters:
            where, where_params, arms, arm_params = self._filters_for("f.rowid", limit, after=self._last_id)
            sql = (
                f"SELECT f.rowid FROM {table} f"
                f" WHERE {table} MATCH ? AND f.rowid > ?{exclude}{where}{arms}"
                f" ORDER BY 1 LIMIT ?"
            )
            params.extend([*where_params, *arm_params, limit])
        else:
            sql = (
                f"SELECT f.rowid FROM {table} f WHERE {table} MATCH ?"
                f" AND f.rowid > ?{exclude} ORDER BY f.rowid LIMIT ?"
            )
            params.append(limit)
        return [r[0] for r in self.conn.execute(sql, params)]

    def _ordered_ids(self, offset: int, limit: int) -> list[int]:
        column = ORDERABLE.get(self.order or "name", "h.sort_key")
        direction = "DESC" if self.descending else "ASC"
        expr = any_expr(self.parsed)
        params: list = []
        # The next page continues after the last row of the previous one (keyset paging):
        # OFFSET would walk every skipped row again, and scrolling a 100,000-row roll to
        # the end would cost 500 ever-longer walks. A jump elsewhere uses OFFSET once.
        after = getattr(self, "_ordered_after", None)
        keyset = after is not None and after[0] == offset and offset > 0
        skip = 0 if keyset else offset
        if expr is None and self.order in WALKED_ORDERS and self.filters:
            few = self._few_ordered_ids()
            if few is not None:
                return few[offset : offset + limit]
        if expr is None and self.order in WALKED_ORDERS:
            # An index walk that stops after the page: common filters are probed per row.
            filters, filter_params, _, _ = self._filters_for("h.id", skip + limit, on_row=True)
            where = f"h.deleted_at IS NULL{filters}"
        else:
            where, filter_params = self._where, self._params
        if expr is not None:
            where = f"h.id IN (SELECT rowid FROM honouree_fts WHERE honouree_fts MATCH ?) AND {where}"
            params.append(expr)
        params.extend(filter_params)
        if keyset:
            where = f"({column}, h.id) {'<' if self.descending else '>'} (?, ?) AND {where}"
            params = [after[1], after[2], *params]  # type: ignore[index]
        sql = (
            f"SELECT h.id, {column} FROM honouree h WHERE {where}"
            f" ORDER BY {column} {direction}, h.id {direction} LIMIT ? OFFSET ?"
        )
        rows = self.conn.execute(sql, [*params, limit, skip]).fetchall()
        if rows:
            self._ordered_after = (offset + len(rows), rows[-1][1], rows[-1][0])
        return [r[0] for r in rows]

    def all_ids(self) -> list[int]:
        """Every matching id in order (for printing or exporting a whole result)."""
        out: list[int] = []
        while True:
            page = self.ids(len(out), 5000)
            out.extend(page)
            if len(page) < 5000:
                return out
