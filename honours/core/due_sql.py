"""Who is due care, as SQL written once for both backends (core/care.py says what each rule
means; sqlite/care.py and postgres/care.py give their dialect and their model-worker and
retired conditions, and run the query).

The SQL is plain enough to be shared: the backends differ only in the parameter mark, how a
true flag is tested, a planner hint on the care kind, and the order of names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from .care import DUE_KINDS, DueEntry, DueList, DuePeriods, as_of_date, months_before
from .i18n import Text

# A care date as its latest possible day, so that `2026` or `2026-02` counts as recent as it may be.
CARE_DAY = "CASE length(c.date) WHEN 4 THEN c.date || '-12-31' WHEN 7 THEN c.date || '-31' ELSE c.date END"

Run = Callable[[str, list], Sequence[tuple]]  # a backend's query: SQL and parameters → rows


@dataclass(frozen=True)
class Dialect:
    """What a backend's SQL writes its own way."""

    mark: str  # a parameter: "?" or "%s"
    true: str  # a flag column's test: "{} = 1" (SQLite's integers) or "{}" (a boolean)
    care_kind: str  # the care record's kind as compared (SQLite: "+c.kind", kept off the kind index)
    order: str  # the name order of the list


def due(
    dialect: Dialect,
    run: Run,
    worker: tuple[str, list],
    retired_at: Callable[[date], tuple[str, list]],
    kind: str,
    year: int | None = None,
    periods: DuePeriods | None = None,
    *,
    today: date | None = None,
    everyone: bool = False,
) -> DueList:
    """Who is due `kind` (one of DUE_KINDS) in `year` (default this year), in name order.

    visit: a model worker (`worker`; `everyone`: any living person) with no 慰问 in the year;
    checkup: a serving model worker with none in the last `checkup_serving_years` years
    (the year included), a retired one (`retired_at` the day reckoned at) in the last
    `checkup_retired_years`; recuperation: a serving model worker with none in the last
    `recuperation_years` years; aid: a 困难劳模 with no 困难帮扶 in the `aid_months` before the
    day reckoned at; stale: a living person whose file has not changed for `stale_months`.
    """
    if kind not in DUE_KINDS:
        raise ValueError(kind)
    m = dialect.mark
    hardship = dialect.true.format("h.hardship")  # marked 困难劳模
    periods = periods or DuePeriods()
    year, day = as_of_date(year, today)
    out = DueList(kind, year, day.isoformat())
    worker_sql, worker_params = worker
    retired, retired_params = retired_at(day)
    # No record of `kind` from the first parameter's day up to the second's (the day reckoned
    # at): later records do not count when an earlier year is asked about.
    own_kind = f"c.honouree_id = h.id AND {dialect.care_kind} = '{kind}'"
    none_since = f"NOT EXISTS (SELECT 1 FROM care c WHERE {own_kind} AND {CARE_DAY} >= {m} AND c.date <= {m})"
    where: list[str] = []
    params: list = []
    end = day.isoformat()
    if kind == "visit":
        if everyone:
            where.append("h.deleted_at IS NULL AND h.status <> 'deceased' AND h.category <> 'collective'")
        else:
            where.append(worker_sql)
            params += worker_params
        where.append(none_since)
        params += [f"{year}-01-01", end]
        reason = Text("no visit in {year}", year=year)
    elif kind == "checkup":
        where.append(worker_sql)
        params += worker_params
        serving_from = f"{year - periods.checkup_serving_years + 1}-01-01"
        retired_from = f"{year - periods.checkup_retired_years + 1}-01-01"
        where.append(none_since.replace(f">= {m}", f">= CASE WHEN {retired} THEN {m} ELSE {m} END"))
        params += [*retired_params, retired_from, serving_from, end]
        reason = Text("no check-up in its period")
    elif kind == "recuperation":
        where.append(worker_sql)
        params += worker_params
        where.append(f"NOT {retired}")
        params += retired_params
        where.append(none_since)
        params += [f"{year - periods.recuperation_years + 1}-01-01", end]
        reason = Text("no recuperation in {years} year(s)", years=periods.recuperation_years)
    elif kind == "aid":
        if not run(f"SELECT 1 FROM honouree h WHERE {hardship} AND h.deleted_at IS NULL LIMIT 1", []):
            out.notices.append(
                Text("Nobody in this registry is marked 困难劳模 (hardship): nobody is due aid.")
            )
            return out
        where.append(worker_sql)
        params += worker_params
        where.append(hardship)
        where.append(none_since)
        params += [months_before(day, periods.aid_months).isoformat(), end]
        reason = Text("no aid in {months} months", months=periods.aid_months)
    else:  # stale
        where.append("h.deleted_at IS NULL AND h.status <> 'deceased'")
        where.append(f"substr(h.updated_at, 1, 10) < {m}")
        params.append(months_before(day, periods.stale_months).isoformat())
        reason = Text("file not updated for {months} months", months=periods.stale_months)
    shown = "substr(h.updated_at, 1, 10)"
    if kind != "stale":  # the last record of the kind up to the day reckoned at
        shown = f"(SELECT max(c.date) FROM care c WHERE {own_kind} AND c.date <= {m})"
        params.insert(0, end)
    rows = run(
        f"SELECT h.id, h.name, h.unit, h.status, h.region, {shown} FROM honouree h"
        f" WHERE {' AND '.join(f'({w})' for w in where)} ORDER BY {dialect.order}",
        params,
    )
    out.entries = [
        DueEntry(i, name, unit, status, region, last_date or None, reason)
        for i, name, unit, status, region, last_date in rows
    ]
    return out
