"""The SQLite backend's part of who is due care: its model-worker and retired conditions and
its dialect; the rules themselves are written once in core/due_sql.py (core/care.py says what
each means).

Who counts, declared in vocabulary.py: a model worker (劳模) is a live person, not a collective,
not deceased, with an honour whose title holds one of MODEL_WORKER_WORDS, or of the category
劳动模范 — an honour marked revoked does not count. Retired means the status 退休, or a
retirement date on or before the day reckoned at.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from .. import due_sql
from ..care import DueList, DuePeriods
from ..vocabulary import MODEL_WORKER_CATEGORY, MODEL_WORKER_WORDS


def model_worker_sql() -> tuple[str, list]:
    """A condition on honouree `h`: a model worker by the rules above."""
    titles = " OR ".join("instr(o.title, ?) > 0" for _ in MODEL_WORKER_WORDS)
    honour = f"EXISTS (SELECT 1 FROM honour o WHERE o.honouree_id = h.id AND ({titles}) AND o.revoked = 0)"
    params: list = list(MODEL_WORKER_WORDS)
    # the category alone does not outlast every model-worker honour revoked
    category = (
        f"h.category = ? AND NOT EXISTS (SELECT 1 FROM honour o WHERE o.honouree_id = h.id AND ({titles})"
        " AND o.revoked <> 0)"
    )
    params.append(MODEL_WORKER_CATEGORY)
    params.extend(MODEL_WORKER_WORDS)
    condition = (
        f"h.deleted_at IS NULL AND h.status <> 'deceased' AND h.category <> 'collective'"
        f" AND ({honour} OR ({category}))"
    )
    return condition, params


def retired_sql(day: date) -> tuple[str, list]:
    """A condition on `h`: retired by status, or by a retirement date reached."""
    return (
        "(h.status = 'retired' OR (h.retirement_date <> '' AND h.retirement_date <= ?))",
        [day.isoformat()],
    )


# The unary + keeps SQLite on the person's own care records (care_honouree) instead of walking
# every record of the kind (care_kind_date) for each person: 27 s → well under a second at 100,000.
DIALECT = due_sql.Dialect(mark="?", true="{} = 1", care_kind="+c.kind", order="h.sort_key, h.id")


def due(
    conn: sqlite3.Connection,
    kind: str,
    year: int | None = None,
    periods: DuePeriods | None = None,
    *,
    today: date | None = None,
    everyone: bool = False,
) -> DueList:
    """Who is due `kind` in `year` (default this year), in name order: the rules of
    core/due_sql.due in this backend's SQL."""

    def run(sql: str, params: list) -> list[tuple]:
        return conn.execute(sql, params).fetchall()

    return due_sql.due(
        DIALECT, run, model_worker_sql(), retired_sql, kind, year, periods, today=today, everyone=everyone
    )
