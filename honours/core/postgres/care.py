"""The PostgreSQL backend's SQL for care of model workers: who is due a visit, a check-up,
recuperation or hardship aid, and whose file has not been updated for a year.

The same rules as sqlite/care.py (core/care.py says what each means), in PostgreSQL's SQL: a
shared registry always has the archive's columns (its migration 2), so nothing is looked up.
The roll is read through the row-level policies, which let every office read everyone.
"""

from __future__ import annotations

from datetime import date

from ..care import DUE_KINDS, DueEntry, DueList, DuePeriods, as_of_date, months_before
from ..i18n import Text
from ..vocabulary import MODEL_WORKER_CATEGORY, MODEL_WORKER_WORDS

# A care date as its latest possible day, so that `2026` or `2026-02` counts as recent as it may be.
_CARE_DAY = "CASE length(c.date) WHEN 4 THEN c.date || '-12-31' WHEN 7 THEN c.date || '-31' ELSE c.date END"


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


def _none_since(kind: str) -> str:
    """No record of `kind` from the first parameter's day up to the second's (the day reckoned at)."""
    return (
        f"NOT EXISTS (SELECT 1 FROM care c WHERE c.honouree_id = h.id AND c.kind = '{kind}'"
        f" AND {_CARE_DAY} >= %s AND c.date <= %s)"
    )


def due(
    conn,
    kind: str,
    year: int | None = None,
    periods: DuePeriods | None = None,
    *,
    today: date | None = None,
    everyone: bool = False,
) -> DueList:
    """Who is due `kind` (one of DUE_KINDS) in `year` (default this year), in name order, by the
    rules of sqlite/care.due."""
    if kind not in DUE_KINDS:
        raise ValueError(kind)
    periods = periods or DuePeriods()
    year, day = as_of_date(year, today)
    out = DueList(kind, year, day.isoformat())
    worker, worker_params = model_worker_sql()
    retired, retired_params = retired_sql(day)
    where: list[str] = []
    params: list = []
    none_since = _none_since(kind)
    end = day.isoformat()
    if kind == "visit":
        if everyone:
            where.append("h.deleted_at IS NULL AND h.status <> 'deceased' AND h.category <> 'collective'")
        else:
            where.append(worker)
            params += worker_params
        where.append(none_since)
        params += [f"{year}-01-01", end]
        reason = Text("no visit in {year}", year=year)
    elif kind == "checkup":
        where.append(worker)
        params += worker_params
        serving_from = f"{year - periods.checkup_serving_years + 1}-01-01"
        retired_from = f"{year - periods.checkup_retired_years + 1}-01-01"
        where.append(none_since.replace(">= %s", f">= CASE WHEN {retired} THEN %s ELSE %s END"))
        params += [*retired_params, retired_from, serving_from, end]
        reason = Text("no check-up in its period")
    elif kind == "recuperation":
        where.append(worker)
        params += worker_params
        where.append(f"NOT {retired}")
        params += retired_params
        where.append(none_since)
        params += [f"{year - periods.recuperation_years + 1}-01-01", end]
        reason = Text("no recuperation in {years} year(s)", years=periods.recuperation_years)
    elif kind == "aid":
        marked = conn.execute("SELECT 1 FROM honouree WHERE hardship AND deleted_at IS NULL LIMIT 1")
        if marked.fetchone() is None:
            out.notices.append(
                Text("Nobody in this registry is marked 困难劳模 (hardship): nobody is due aid.")
            )
            return out
        where.append(worker)
        params += worker_params
        where.append("h.hardship")
        where.append(none_since)
        params += [months_before(day, periods.aid_months).isoformat(), end]
        reason = Text("no aid in {months} months", months=periods.aid_months)
    else:  # stale
        where.append("h.deleted_at IS NULL AND h.status <> 'deceased'")
        where.append("substr(h.updated_at, 1, 10) < %s")
        params.append(months_before(day, periods.stale_months).isoformat())
        reason = Text("file not updated for {months} months", months=periods.stale_months)
    shown = "substr(h.updated_at, 1, 10)"
    if kind != "stale":  # the last record of the kind up to the day reckoned at
        shown = f"(SELECT max(c.date) FROM care c WHERE c.honouree_id = h.id AND c.kind = '{kind}' AND c.date <= %s)"
        params.insert(0, end)
    rows = conn.execute(
        f"SELECT h.id, h.name, h.unit, h.status, h.region, {shown} FROM honouree h"
        f' WHERE {" AND ".join(f"({w})" for w in where)} ORDER BY h.sort_key COLLATE "C", h.id',
        params,
        prepare=False,
    ).fetchall()
    out.entries = [
        DueEntry(i, name, unit, status, region, last_date or None, reason)
        for i, name, unit, status, region, last_date in rows
    ]
    return out
