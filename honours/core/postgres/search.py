"""Searching the shared registry (a stand-in until the search helper's module lands).

Same interface as the real one: `ServerSearchResult(conn, query, order, descending)` is a
core.storage.Results, `facets(conn, query)` the filter panel's counts. This stand-in
matches every text term as a substring of the record's own fields, honours, deeds and
donations (ILIKE, parameters only), applies the value filters of status, category and
level, and ranks exact names first, then names containing the terms, then the rest.
"""

from __future__ import annotations

from ..fields import HONOUREE_FIELDS, TEXT, WRITTEN_KINDS
from ..query import ParsedQuery, facet_group, parse, split_terms, without_group
from ..vocabulary import LEVELS

ORDERABLE = {
    "name": "h.sort_key",
    "unit": "h.unit",
    "position": "h.position",
    "honours": "h.honours_text",
    "level": "h.level_rank",
    "region": "h.region",
    "status": "h.status",
    "category": "h.category",
    "year": "coalesce((SELECT max(year) FROM honour WHERE honouree_id = h.id), 0)",
    "donation": "h.donation_total_fen",
}
# Every text the stand-in matches: an honouree's own text fields, the honours' titles, and
# the text fields of deeds and donations (from the field spec, core/fields.py).
_TEXT = (
    "concat_ws(' ', "
    + ", ".join(f"h.{f.column}" for f in HONOUREE_FIELDS if f.type == TEXT)
    + ", h.honours_text, "
    + ", ".join(
        f"(SELECT string_agg(concat_ws(' ', {', '.join('c.' + f.column for f in kind.fields if f.type == TEXT)}),"
        f" ' ') FROM {kind.table} c WHERE c.honouree_id = h.id)"
        for kind in WRITTEN_KINDS
        if kind.key != "honours"
    )
    + ")"
)


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _where(parsed: ParsedQuery) -> tuple[str, list]:
    sql, params = ["h.deleted_at IS NULL"], []
    for term in parsed.text_terms:
        texts = term.alternatives or (term.text,)
        sql.append("(" + " OR ".join(f"{_TEXT} ILIKE %s" for _ in texts) + ")")
        params += [_like(t) for t in texts]
    for flt in parsed.filters:
        if flt.field in ("status", "category") and flt.values:
            cond, args = f"h.{flt.field} = ANY(%s)", [list(flt.values)]
        elif flt.field == "level" and flt.values:
            cond = "EXISTS (SELECT 1 FROM honour o WHERE o.honouree_id = h.id AND o.level = ANY(%s))"
            args = [list(flt.values)]
        else:
            continue
        sql.append(f"NOT ({cond})" if flt.negated else cond)
        params += args
    return " AND ".join(sql), params


class ServerSearchResult:
    """The ids a query matches on the server, a page at a time (core.storage.Results)."""

    def __init__(self, conn, query: str, order: str | None = None, descending: bool = False) -> None:
        self.conn = conn
        self.query = query
        self.parsed = parse(query)
        self.order = order if order in ORDERABLE else None
        self.descending = descending
        self._where, self._params = _where(self.parsed)
        self._count: int | None = None

    @property
    def notices(self) -> list[tuple[str, str]]:
        return self.parsed.notices

    def _order_sql(self) -> tuple[str, list]:
        direction = " DESC" if self.descending else ""
        if self.order:
            return f"{ORDERABLE[self.order]}{direction}, h.id{direction}", []
        terms = self.parsed.text_terms
        if len(terms) == 1 and not terms[0].alternatives:
            text = terms[0].text
            return "(h.name = %s) DESC, (h.name ILIKE %s) DESC, h.sort_key, h.id", [text, _like(text)]
        return "h.sort_key, h.id", []

    def count(self) -> int:
        if self._count is None:
            self._count = self.conn.execute(
                f"SELECT count(*) FROM honouree h WHERE {self._where}", self._params
            ).fetchone()[0]
        return self._count

    def ids(self, offset: int = 0, limit: int = 200) -> list[int]:
        if limit <= 0:
            return []
        order, params = self._order_sql()
        return [
            r[0]
            for r in self.conn.execute(
                f"SELECT h.id FROM honouree h WHERE {self._where} ORDER BY {order} LIMIT %s OFFSET %s",
                [*self._params, *params, limit, offset],
            )
        ]

    def all_ids(self) -> list[int]:
        order, params = self._order_sql()
        return [
            r[0]
            for r in self.conn.execute(
                f"SELECT h.id FROM honouree h WHERE {self._where} ORDER BY {order}", [*self._params, *params]
            )
        ]

    def contains(self, honouree_id: int) -> bool:
        return (
            self.conn.execute(
                f"SELECT 1 FROM honouree h WHERE h.id = %s AND {self._where}", [honouree_id, *self._params]
            ).fetchone()
            is not None
        )

    def matching_ids_sql(self) -> tuple[str, list]:
        return f"SELECT h.id FROM honouree h WHERE {self._where}", list(self._params)


def facets(conn, query: str) -> dict[str, list[tuple[object, int]]]:
    """Counts by level, region, status, category and year; a group's own terms left out of its count."""

    def matches(group: str) -> tuple[str, list]:
        narrowed = (
            without_group(query, group) if any(facet_group(t) == group for t in split_terms(query)) else query
        )
        sql, params = ServerSearchResult(conn, narrowed).matching_ids_sql()
        return f"WITH m(id) AS ({sql}) ", params

    out: dict[str, list[tuple[object, int]]] = {}
    head, params = matches("level")
    out["level"] = sorted(
        (
            tuple(r)
            for r in conn.execute(
                head + "SELECT level, count(DISTINCT honouree_id) FROM honour"
                " WHERE honouree_id IN (SELECT id FROM m) GROUP BY level",
                params,
            )
        ),
        key=lambda row: LEVELS.rank(row[0]),
    )
    for column in ("region", "status", "category"):
        head, params = matches(column)
        out[column] = [
            tuple(r)
            for r in conn.execute(
                head + f"SELECT {column}, count(*) FROM honouree WHERE id IN (SELECT id FROM m)"
                f" AND {column} <> '' GROUP BY {column} ORDER BY count(*) DESC, {column}",
                params,
            )
        ]
    head, params = matches("year")
    out["year"] = [
        tuple(r)
        for r in conn.execute(
            head + "SELECT year, count(DISTINCT honouree_id) FROM honour WHERE year IS NOT NULL"
            " AND honouree_id IN (SELECT id FROM m) GROUP BY year ORDER BY year",
            params,
        )
    ]
    return out
