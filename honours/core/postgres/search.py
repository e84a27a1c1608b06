"""Running a query (see `query.py` for its language) against the shared registry's search rows.

The meaning is the SQLite backend's (core/search.py), tier for tier: exact name, name
starting with the text (or its pinyin), names, then honours/unit/other fields, then deeds
and donations; each tier in id order, each excluding the tiers above it. FTS5 expressions
become tsquery conditions on the tsvectors of postgres/indexing.py: a term is a phrase of
the project's own tokens (`<->`), restricted to columns by weights or by the tsvector it
is matched in. What the user typed reaches SQL only as bound parameters: the tsquery text
is built here with every lexeme quoted, so quotes, `&`, `|`, `!`, `:*` and SQL fragments are
plain text.

Counting: an exact count of a common text reads every match (tens of ms to over a second
at 100,000 honourees); `count_capped` answers "at least N" at once, so a front end shows
"1,000+" straight away and the exact count when `count()` returns (from a worker).
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg

from ..i18n import Message
from ..names import tidy_spacing
from ..query import TEXT_FIELDS, ParsedQuery, TextTerm, parse
from ..sqlite.indexing import PINYIN_COLUMNS, PINYIN_PREFIX_MAX
from ..tokens import query_tokens, runs
from ..vocabulary import LEVELS
from .filters import Filter, sql_filter
from .indexing import FIELD_WEIGHTS, PINYIN_TAGS, START, TOKEN_WEIGHTS

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
NAME_COLUMNS = ("name", "pinyin")
_GROUP_B = frozenset(c for c, w in TOKEN_WEIGHTS.items() if w == "B")
_MAIN_WORDS = frozenset(c for c, w in TOKEN_WEIGHTS.items() if w in "AB")  # main_tokens' words
CAPPED_COUNT = 1000
SAMPLE = 256  # search rows a tier first tests in id order (see _walk_or_look_up)
WALK_MAX = 2048  # rows walked at a time: then the density is measured again (a first sample misleads)
LOOKUP_COST = 1.3  # a match looked up costs about as much as this many rows walked (measured at 100k)

# -- tsquery text ------------------------------------------------------------------------


def _lexeme(text: str, suffix: str = "") -> str:
    quoted = "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + (":" + suffix if suffix else "")


def _phrase(text: str, weights: str = "", initial: bool = False) -> str:
    """The text as a substring phrase (tokens.query_tokens); a last Chinese character is an
    exact lexeme (indexing.py stores each pair's first character), a last ASCII word after
    Chinese a prefix."""
    tokens, prefix = query_tokens(text)
    parts = []
    for number, token in enumerate(tokens):
        star = "*" if prefix and number == len(tokens) - 1 and token.isascii() else ""
        parts.append(_lexeme(token, star + weights))
    if initial:
        parts.insert(0, _lexeme(START))
    return "(" + " <-> ".join(parts) + ")"


def _pinyin(text: str, tag: str) -> str:
    """A pinyin prefix: one exact token, since every prefix up to PINYIN_PREFIX_MAX is indexed."""
    word = "".join(runs(text)).lower()
    return _lexeme(tag + word, "*" if len(word) > PINYIN_PREFIX_MAX else "")


@dataclass(frozen=True)
class Condition:
    """A boolean over one honouree's search row `s`: tsqueries on its tsvector columns, all
    of which must hold (those on one column are joined into one tsquery with `&`)."""

    queries: tuple[tuple[str, str], ...]  # (tsvector column, tsquery text)

    def sql(self) -> tuple[str, list]:
        merged: dict[str, list[str]] = {}
        for column, query in self.queries:
            merged.setdefault(column, []).append(query)
        parts = [f"s.{column} @@ %s::tsquery" for column in merged]
        params = [" & ".join(f"({q})" for q in queries) for queries in merged.values()]
        return " AND ".join(parts) or "true", params


def _term(term: TextTerm, columns: tuple[str, ...]) -> tuple[str, str] | None:
    """(tsvector column, tsquery) matching the term in these columns (as search._term_expr)."""
    if len(term.alternatives) > 1:
        parts = [_term(TextTerm(text, term.columns), columns) for text in term.alternatives]
        parts = [p for p in parts if p]
        if not parts:
            return None
        if len({column for column, _ in parts}) == 1:
            return parts[0][0], " | ".join(f"({q})" for _, q in parts)
        raise ValueError("alternatives over several search vectors")  # never: a qualifier's columns
    cols = tuple(c for c in columns if term.columns is None or c in term.columns)
    if not cols:
        return None
    pinyin = [c for c in cols if c in PINYIN_COLUMNS]
    words = [c for c in cols if c not in PINYIN_COLUMNS]
    if set(cols) <= set(NAME_COLUMNS):
        vector = "name_tokens"
        word_weights = ""
    elif words and set(words) <= set(FIELD_WEIGHTS) and not set(words) >= _GROUP_B:
        vector = "field_tokens"
        word_weights = "".join(sorted({FIELD_WEIGHTS[c] for c in words}))
    elif set(words) == _MAIN_WORDS:
        vector = "main_tokens"  # the tier above deeds: a small vector, no weights to check
        word_weights = ""
    else:
        vector = "tokens"
        weights = {TOKEN_WEIGHTS[c] for c in words}
        if "B" in weights and not set(words) >= _GROUP_B:
            raise ValueError(f"no search vector holds exactly {words}")  # never: see search.tiers
        word_weights = "" if weights == {"A", "B", "C", "D"} else "".join(sorted(weights))
    parts = []
    if pinyin and term.is_ascii:
        if vector == "field_tokens" and "pinyin" in pinyin:
            raise ValueError("name pinyin is not in field_tokens")  # never
        parts += [_pinyin(term.text, PINYIN_TAGS[c]) for c in pinyin]
    if words:
        parts.append(_phrase(term.text, word_weights))
    return (vector, " | ".join(parts)) if parts else None


def _all(terms: list[TextTerm], columns: tuple[str, ...]) -> Condition | None:
    """Every term in these columns (a qualified term in its own columns), as search._all_expr."""
    queries = []
    for term in terms:
        found = _term(term, columns if term.columns is None else term.columns)
        if found is None:
            return None
        queries.append(found)
    return Condition(tuple(queries))


def _padded_name(terms: list[TextTerm]) -> str | None:
    if len(terms) == 2 and all(t.columns is None and len(t.text) == 1 and not t.is_ascii for t in terms):
        joined = terms[0].text + terms[1].text
        return joined if tidy_spacing(f"{terms[0].text} {terms[1].text}") == joined else None
    return None


def _stored_name(text: str) -> str:
    return text if any(ch.isspace() for ch in text) else tidy_spacing(text)


@dataclass
class Tier:
    condition: Condition | None  # None: the exact-name tier
    exclude: tuple[Condition, ...] = ()
    exact_name: str | None = None


def tiers(parsed: ParsedQuery) -> list[Tier]:
    """Tiers in rank order, as search.tiers: each excludes the rows of the tiers above it."""
    terms = parsed.text_terms
    if not terms:
        return []
    out: list[Tier] = []
    raw: list[Condition] = []
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
            raw.append(Condition((("name_tokens", _phrase(term.text, initial=True)),)))
        else:
            raw.append(Condition((("name_tokens", _pinyin(term.text, PINYIN_TAGS["pinyin"])),)))
    elif padded:
        out.append(Tier(None, exact_name=padded))
        raw.append(Condition((("name_tokens", _phrase(padded, initial=True)),)))
    for condition in (
        _all(terms, NAME_COLUMNS),
        _all(terms, NAME_COLUMNS + MAIN_COLUMNS),
        _all(terms, ALL_COLUMNS),
    ):
        if condition and condition not in raw:
            raw.append(condition)
    for number, condition in enumerate(raw):
        out.append(Tier(condition, tuple(raw[:number])))
    return out


def any_condition(parsed: ParsedQuery) -> Condition | None:
    return _all(parsed.text_terms, ALL_COLUMNS) if parsed.text_terms else None


# -- running a query ----------------------------------------------------------------------

ORDERABLE = {
    "name": 'h.sort_key COLLATE "C"',
    "unit": 'h.unit COLLATE "C"',
    "position": 'h.position COLLATE "C"',
    "honours": 'h.honours_text COLLATE "C"',
    "level": "h.level_rank",
    "region": 'h.region COLLATE "C"',
    "status": 'h.status COLLATE "C"',
    "category": 'h.category COLLATE "C"',
    "year": "coalesce((SELECT max(year) FROM honour WHERE honouree_id = h.id), 0)",  # as the file's
    "donation": "h.donation_total_fen",
    "updated": 'h.updated_at COLLATE "C"',
    "id": "h.id",
}


class ServerSearchResult:
    """Ids matching a query in rank (or column) order, fetched a page at a time
    (core.storage.Results). Sequential pages continue where the last stopped (keyset paging)."""

    def __init__(self, conn, query: str, order: str | None = None, descending: bool = False) -> None:
        self.conn = conn
        self.query = query
        self.parsed = parse(query)
        self.filters: list[Filter] = [sql_filter(flt) for flt in self.parsed.filters]
        self.order = order if order in ORDERABLE else None
        self.descending = descending
        self._tiers = tiers(self.parsed)
        self._any = any_condition(self.parsed)
        self._count: int | None = None
        self._ordered_after: tuple | None = None
        self._largest: int | None = None
        self._reset()

    @property
    def notices(self) -> list[Message]:
        return self.parsed.notices

    def _rows(self, sql: str, params: list) -> list[tuple]:
        # Never prepared: a prepared statement soon runs a generic plan, made without the
        # tsquery, which walks the whole roll for a rare word (100 times slower).
        try:
            return self.conn.execute(sql, params, prepare=False).fetchall()
        except psycopg.errors.QueryCanceled:
            # A cancel meant for the worker's read on this shared connection (reader.py) can land
            # on the statement after it; outside a transaction, that one is simply sent again (a
            # reader interrupted on purpose refuses it again).
            if self.conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                raise
            return self.conn.execute(sql, params, prepare=False).fetchall()

    def _filters_on(self, column: str) -> tuple[str, list]:
        return (
            "".join(f" AND ({flt.on(column)})" for flt in self.filters),
            [p for flt in self.filters for p in flt.params],
        )

    def _row_filters(self) -> tuple[str, list]:
        return (
            "h.deleted_at IS NULL" + "".join(f" AND ({flt.on_row()})" for flt in self.filters),
            [p for flt in self.filters for p in flt.params],
        )

    def _reset(self) -> None:
        self._tier_index = 0
        self._last_id = 0
        self._offset = 0
        self._exact_ids: list[int] | None = None
        # the first SAMPLE search rows' matches by tier, and where the next window starts
        self._first: tuple[dict[int, list[int]], int | None] | None = None
        # a tier's first matches read with the tier above (its index, the ids, how many were asked)
        self._prefetched: tuple[int, list[int], int] | None = None

    # -- the matches, unordered ---------------------------------------------------------------

    def matching_ids_sql(self) -> tuple[str, list]:
        """A SELECT of every matching id, unordered (counting by facet in SQL)."""
        if self._any is None:
            where, params = self._row_filters()
            return f"SELECT h.id FROM honouree h WHERE {where}", params
        cond, params = self._any.sql()
        filters, filter_params = self._filters_on("s.honouree_id")
        return f"SELECT s.honouree_id FROM honouree_search s WHERE {cond}{filters}", [*params, *filter_params]

    # An exact count of a common word reads every match (up to a second at 100,000): the app
    # shows the first page at once and counts on its worker thread.
    counts_slowly = True

    def count(self) -> int:
        """Total matches, exact; computed once. Can take a second for a common word at
        100,000 honourees: show `count_capped` first."""
        if self._count is None:
            sql, params = self.matching_ids_sql()
            self._count = self._rows(f"SELECT count(*) FROM ({sql}) m", params)[0][0]
        return self._count

    def count_capped(self, limit: int = CAPPED_COUNT) -> tuple[int, bool]:
        """(matches, exact): the exact count when at most `limit` match, else (limit, False),
        which a front end shows as "1,000+". Reads at most limit + 1 matches."""
        if self._count is not None:
            return (self._count, True) if self._count <= limit else (limit, False)
        if self._any is None:
            sql, params = self.matching_ids_sql()
            found = self._rows(f"SELECT count(*) FROM ({sql} LIMIT %s) m", [*params, limit + 1])[0][0]
        else:  # the first limit + 1 matches, walked or looked up as a page is (see _walk_or_look_up)
            filters, filter_params = self._filters_on("s.honouree_id")
            narrower = self._narrower()
            if narrower is not None:  # more than `limit` there: as many anywhere, `tokens` never read
                cond, params = narrower.sql()
                if (
                    len(self._walk_or_look_up(cond + filters, [*params, *filter_params], 0, limit + 1))
                    > limit
                ):
                    return limit, False
            cond, params = self._any.sql()
            found = len(self._walk_or_look_up(cond + filters, [*params, *filter_params], 0, limit + 1))
        if found <= limit:
            self._count = found
            return found, True
        return limit, False

    def _narrower(self) -> Condition | None:
        """A tier's condition that implies the whole query's and never reads `tokens` (every
        field, deeds included: ~5 kB out of line, each match a TOAST read), if there is one:
        the widest such tier (a term in the names or the main fields)."""
        for tier in reversed(self._tiers):
            condition = tier.condition
            if condition is None or condition == self._any:
                continue
            if all(vector != "tokens" for vector, _ in condition.queries):
                return condition
        return None

    def contains(self, honouree_id: int) -> bool:
        """Whether this honouree is among the matches: one lookup."""
        if self._any is None:
            where, params = self._row_filters()
            sql = f"SELECT 1 FROM honouree h WHERE h.id = %s AND {where}"
            return bool(self._rows(sql, [honouree_id, *params]))
        cond, params = self._any.sql()
        filters, filter_params = self._filters_on("s.honouree_id")
        sql = f"SELECT 1 FROM honouree_search s WHERE s.honouree_id = %s AND {cond}{filters}"
        return bool(self._rows(sql, [honouree_id, *params, *filter_params]))

    # -- pages ------------------------------------------------------------------------------------

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
        if self._tier_index == 0 and self._last_id == 0 and self._first is None:
            self._first_window()
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

    def _exact_sql(self, exact_name: str) -> tuple[str, list]:
        where, params = self._row_filters()
        return f"SELECT h.id FROM honouree h WHERE h.name = %s AND {where}", [exact_name, *params]

    def _first_window(self) -> None:
        """The tiers' first windows in one round trip: the exact-name ids, and the first SAMPLE
        search rows with the tier each falls in (its first condition met), where the next
        window starts and the largest id (what each tier's first walk would have read, one
        statement per tier)."""
        conds = [(k, t.condition.sql()) for k, t in enumerate(self._tiers) if t.condition is not None]
        if not conds:
            return
        exact = next((t.exact_name for t in self._tiers if t.condition is None), None)
        case = "CASE " + " ".join(f"WHEN {sql} THEN {k}" for k, (sql, _) in conds) + " END"
        params: list = [p for _, (_, ps) in conds for p in ps]
        params.append(SAMPLE)
        where = ""
        if exact is not None:
            exact_sql, exact_params = self._exact_sql(exact)
            where += f" AND s.honouree_id NOT IN ({exact_sql})"
            params.extend(exact_params)
        filters, filter_params = self._filters_on("s.honouree_id")
        where += filters
        params.extend(filter_params)
        params.append(SAMPLE - 1)
        sql = (
            f"(SELECT w.honouree_id, w.tier FROM (SELECT s.honouree_id, {case} AS tier FROM (SELECT * FROM"
            f" honouree_search WHERE honouree_id > 0 ORDER BY honouree_id LIMIT %s) s WHERE true{where}) w"
            " WHERE w.tier IS NOT NULL ORDER BY w.honouree_id)"
            " UNION ALL (SELECT honouree_id, -1 FROM honouree_search ORDER BY honouree_id OFFSET %s LIMIT 1)"
            " UNION ALL (SELECT coalesce(max(honouree_id), 0), -2 FROM honouree_search)"
        )
        with self.conn.pipeline():  # both statements sent at once
            exact_rows = None
            if exact is not None and self._exact_ids is None:
                exact_sql, exact_params = self._exact_sql(exact)
                exact_rows = self.conn.execute(exact_sql + " ORDER BY h.id", exact_params, prepare=False)
            window = self.conn.execute(sql, params, prepare=False)
        if exact_rows is not None:
            self._exact_ids = [r[0] for r in exact_rows.fetchall()]
        by_tier: dict[int, list[int]] = {k: [] for k, _ in conds}
        end = None
        for honouree_id, tier in window.fetchall():
            if tier >= 0:
                by_tier[tier].append(honouree_id)
            elif tier == -1:
                end = honouree_id
            else:
                self._largest = honouree_id
        self._first = (by_tier, end)

    def _tier_rows(self, tier: Tier, limit: int) -> list[int]:
        if tier.condition is None:  # exact name: few rows, fetched whole
            if self._exact_ids is None:
                sql, params = self._exact_sql(tier.exact_name or "")
                self._exact_ids = [r[0] for r in self._rows(sql + " ORDER BY h.id", params)]
            return [i for i in self._exact_ids if i > self._last_id][:limit]
        prefetched = self._prefetched
        if prefetched is not None and prefetched[0] == self._tier_index and self._last_id == 0:
            self._prefetched = None
            _, rows, asked = prefetched
            if len(rows) < asked or limit <= len(rows):  # all of the tier, or all that is wanted
                return rows[:limit]
        where, params = self._tier_where(tier)
        first = None
        if self._first is not None and self._last_id == 0:
            first = (self._first[0][self._tier_index], self._first[1])
        return self._walk_or_look_up(where, params, self._last_id, limit, first, self._with_next(limit))

    def _tier_where(self, tier: Tier) -> tuple[str, list]:
        """A tier's condition on a search row `s`, the tiers above it excluded, with the filters."""
        assert tier.condition is not None
        cond, params = tier.condition.sql()
        where = f"{cond}"
        if self._exact_ids:
            where += " AND s.honouree_id <> ALL(%s)"
            params.append(self._exact_ids)
        if tier.exclude:
            excluded = [c.sql() for c in tier.exclude]
            where += " AND NOT (" + " OR ".join(f"({s})" for s, _ in excluded) + ")"
            params.extend(p for _, ps in excluded for p in ps)
        filters, filter_params = self._filters_on("s.honouree_id")
        return where + filters, [*params, *filter_params]

    def _with_next(self, limit: int) -> tuple[str, list] | None:
        """The next tier's condition, when a lookup of this tier should fetch its first matches
        too: both are names (`name_tokens`: "starts with", then "contains"), so their matches
        are the same GIN entries and the same rows, read once rather than twice, and the next
        tier's first window says it would be looked up too, not walked."""
        k = self._tier_index
        if self._first is None or self._last_id != 0 or k + 1 >= len(self._tiers):
            return None
        this, following = self._tiers[k].condition, self._tiers[k + 1].condition
        if this is None or following is None:
            return None
        if {v for v, _ in this.queries} != {"name_tokens"} or {v for v, _ in following.queries} != {
            "name_tokens"
        }:
            return None
        by_tier, end = self._first
        found = len(by_tier[k + 1])
        if end is None:
            return None
        left = max(1, self._max_id() - end)
        walk = found and limit * SAMPLE / found <= LOOKUP_COST * found * left / SAMPLE
        return None if walk else self._tier_where(self._tiers[k + 1])

    def _walk_or_look_up(
        self,
        where: str,
        params: list,
        after: int,
        limit: int,
        first: tuple[list[int], int | None] | None = None,
        with_next: tuple[str, list] | None = None,
    ) -> list[int]:
        """Up to `limit` ids above `after`, in id order, of the search rows meeting `where`.

        PostgreSQL cannot tell how many rows a phrase of character pairs matches (it takes
        the pairs for independent, and 五一劳动奖章's five pairs are anything but), so it
        walks the whole roll in id order for a rare text, or rechecks 17,000 matches of a
        common one to sort them. So the choice is made here, from what a walk finds: the
        next SAMPLE rows are tested in id order; a text common enough to fill the page soon
        is walked on, a rarer one is looked up in the GIN index and its matches sorted.
        `first`: the first window's matches and end, already read (_first_window).
        `with_next`: the next tier's condition (from id 0), whose first matches a lookup reads
        too, after this tier's, and keeps for it (_with_next)."""
        # one statement per window: the matches, the id `window` rows on (where the next
        # window starts; none: the roll ends in this one) and, the first time, the largest id
        walked_sql = (
            "(SELECT s.honouree_id, 0 FROM (SELECT * FROM honouree_search WHERE honouree_id > %s"
            f" ORDER BY honouree_id LIMIT %s) s WHERE {where} ORDER BY s.honouree_id LIMIT %s)"
            " UNION ALL (SELECT honouree_id, 1 FROM honouree_search WHERE honouree_id > %s"
            " ORDER BY honouree_id OFFSET %s LIMIT 1)"
        )
        largest = " UNION ALL (SELECT coalesce(max(honouree_id), 0), 2 FROM honouree_search)"
        found: list[int] = []
        window = SAMPLE
        walked = 0  # rows walked so far, and how many of them matched: the density measured
        while True:
            end: int | None = None
            rows = []
            if first is not None:
                rows, end = first[0][: limit - len(found)], first[1]
                first = None
            else:
                sql = walked_sql + (largest if self._largest is None else "")
                params_now = [after, window, *params, limit - len(found), after, window - 1]
                for honouree_id, what in self._rows(sql, params_now):
                    if what == 0:
                        rows.append(honouree_id)
                    elif what == 1:
                        end = honouree_id
                    else:
                        self._largest = honouree_id
            found.extend(rows)
            if len(found) >= limit or end is None:
                return found
            walked += window
            after = end
            remaining = limit - len(found)
            left = max(1, self._max_id() - after)  # rows not yet walked (ids are nearly dense)
            # walking on tests about remaining / density rows; a lookup tests every match left,
            # about density × left, each a random read costing LOOKUP_COST rows walked
            if found and remaining * walked / len(found) <= LOOKUP_COST * len(found) * left / walked:
                window = min(WALK_MAX, max(window, remaining * walked * 3 // (len(found) * 2)))
                continue
            if with_next is not None:
                next_where, next_params = with_next
                both = (
                    f"SELECT s.honouree_id, ({where} AND s.honouree_id > %s) IS TRUE FROM honouree_search s"
                    f" WHERE ({where} AND s.honouree_id > %s) OR ({next_where})"
                    " ORDER BY 2 DESC, s.honouree_id + 0 LIMIT %s"
                )
                rows = self._rows(both, [*params, after, *params, after, *next_params, remaining])
                mine = [r[0] for r in rows if r[1]]
                found.extend(mine)
                self._prefetched = (
                    self._tier_index + 1,
                    [r[0] for r in rows if not r[1]],
                    remaining - len(mine),
                )
                return found
            looked_up = (
                f"SELECT s.honouree_id FROM honouree_search s WHERE {where} AND s.honouree_id > %s"
                " ORDER BY s.honouree_id + 0 LIMIT %s"  # + 0: never the id index's walk
            )
            found.extend(r[0] for r in self._rows(looked_up, [*params, after, remaining]))
            return found

    def _max_id(self) -> int:
        if self._largest is None:
            self._largest = self._rows("SELECT coalesce(max(honouree_id), 0) FROM honouree_search", [])[0][0]
        return self._largest

    def _ordered_ids(self, offset: int, limit: int) -> list[int]:
        column = ORDERABLE[self.order or "name"]
        direction = "DESC" if self.descending else "ASC"
        after = self._ordered_after
        keyset = after is not None and after[0] == offset and offset > 0
        skip = 0 if keyset else offset
        where, params = self._row_filters()
        if self._any is not None:
            cond, cond_params = self._any.sql()
            where = f"h.id IN (SELECT s.honouree_id FROM honouree_search s WHERE {cond}) AND {where}"
            params = [*cond_params, *params]
        if keyset:
            where = f"({column}, h.id) {'<' if self.descending else '>'} (%s, %s) AND {where}"
            params = [after[1], after[2], *params]  # type: ignore[index]
        sql = (
            f"SELECT h.id, {column} FROM honouree h WHERE {where}"
            f" ORDER BY {column} {direction}, h.id {direction} LIMIT %s OFFSET %s"
        )
        rows = self._rows(sql, [*params, limit, skip])
        if rows:
            self._ordered_after = (offset + len(rows), rows[-1][1], rows[-1][0])
        return [r[0] for r in rows]

    def all_ids(self) -> list[int]:
        """Every matching id in order (printing or exporting a whole result)."""
        out: list[int] = []
        while True:
            page = self.ids(len(out), 5000)
            out.extend(page)
            if len(page) < 5000:
                return out


def facets(conn, query: str = "") -> dict[str, list[tuple[object, int]]]:
    """Counts of the result by level, region, status, category and year, as Registry.facets:
    a group's own terms are left out when its values are counted."""
    from ..query import facet_group, split_terms, without_group

    searches: dict[str, tuple[str, list]] = {}

    def matches(group: str) -> tuple[str, list]:
        narrowed = (
            without_group(query, group) if any(facet_group(t) == group for t in split_terms(query)) else query
        )
        if narrowed not in searches:
            sql, params = ServerSearchResult(conn, narrowed).matching_ids_sql()
            searches[narrowed] = (f"WITH m(id) AS ({sql}) ", params)
        return searches[narrowed]

    def rows(sql: str, params: list) -> list[tuple]:
        return [tuple(r) for r in conn.execute(sql, params, prepare=False).fetchall()]

    out: dict[str, list[tuple[object, int]]] = {}
    with_matches, params = matches("level")
    out["level"] = sorted(
        rows(
            with_matches + "SELECT level, count(DISTINCT honouree_id) FROM honour"
            " WHERE honouree_id IN (SELECT id FROM m) AND NOT revoked GROUP BY level",
            params,
        ),
        key=lambda row: LEVELS.rank(row[0]),
    )
    for column in ("region", "status", "category"):
        with_matches, params = matches(column)
        out[column] = rows(
            with_matches + f"SELECT {column}, count(*) FROM honouree WHERE id IN (SELECT id FROM m)"
            f" AND {column} <> '' GROUP BY {column} ORDER BY count(*) DESC, {column} COLLATE \"C\"",
            params,
        )
    with_matches, params = matches("year")
    out["year"] = rows(
        with_matches
        + "SELECT year, count(DISTINCT honouree_id) FROM honour WHERE year IS NOT NULL AND NOT revoked"
        " AND honouree_id IN (SELECT id FROM m) GROUP BY year ORDER BY year",
        params,
    )
    return out


def same_name_and_unit(conn, name: str, unit: str, exclude_id: int | None = None) -> list[int]:
    """Other live honourees with this name and unit (the duplicate warning, import 'update'),
    as Registry.same_name_and_unit."""
    rows = conn.execute(
        "SELECT id FROM honouree WHERE name = %s AND unit = %s AND deleted_at IS NULL"
        " AND id IS DISTINCT FROM %s ORDER BY id",
        (name.strip(), unit.strip(), exclude_id),
        prepare=False,
    ).fetchall()
    return [r[0] for r in rows]


def common_values(conn, column: str, limit: int = 500) -> list[str]:
    """Distinct non-empty values of a completed field, most used first (the edit dialog's
    completions), as Registry.common_values; ties in code-point order, as in the file."""
    from ..fields import COMPLETED_FIELDS

    if column not in COMPLETED_FIELDS:
        raise ValueError(f"no completions for {column!r}")
    rows = conn.execute(
        f"SELECT {column} FROM honouree WHERE deleted_at IS NULL AND {column} <> ''"
        f' GROUP BY {column} ORDER BY count(*) DESC, {column} COLLATE "C" LIMIT %s',
        (limit,),
    ).fetchall()
    return [r[0] for r in rows]
