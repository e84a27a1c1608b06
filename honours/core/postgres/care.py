"""The PostgreSQL backend's part of who is due care: its model-worker and retired conditions
and its dialect; the rules are written once in core/due_sql.py (core/care.py says what each
means). A shared registry always has the archive's columns (its migration 2). The roll is read through the row-level policies, which let every office read everyone.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .. import due_sql
from ..care import DueList, DuePeriods
from ..vocabulary import MODEL_WORKER_CATEGORY, MODEL_WORKER_WORDS


def model_worker_sql() -> tuple[str, list]:
    """A condition on honouree `h`: a model worker (a revoked honour does not count)."""
    titles = " OR ".join("strpos(o.title, %s) > 0" for _ in MODEL_WORKER_WORDS)
    honour = f"EXISTS (SELECT 1 FROM honour o WHERE o.honouree_id = h.id AND ({titles}) AND NOT o.revoked)"
    category = (
        "h.category = %s AND NOT EXISTS (SELECT 1 FROM honour o WHERE o.honouree_id = h.id"
        f" AND ({titles}) AND o.revoked)"
    )
    params: list = [*MODEL_WORKER_WORDS, MODEL_WORKER_CATEGORY, *MODEL_WORKER_WORDS]
    condition = (
        "h.deleted_at IS NULL AND h.status <> 'deceased' AND h.category <> 'collective'"
        f" AND ({honour} OR ({category}))"
    )
    return condition, params


def retired_sql(day: date) -> tuple[str, list]:
    """A condition on `h`: retired by status, or by a retirement date reached."""
    return "(h.status = 'retired' OR (h.retirement_date <> '' AND h.retirement_date <= %s))", [
        day.isoformat()
    ]


DIALECT = due_sql.Dialect(mark="%s", true="{}", care_kind="c.kind", order='h.sort_key COLLATE "C", h.id')


def due(
    conn: Any,
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
        return conn.execute(sql, params, prepare=False).fetchall()

    return due_sql.due(
        DIALECT, run, model_worker_sql(), retired_sql, kind, year, periods, today=today, everyone=everyone
    )
