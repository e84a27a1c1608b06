"""The statistics as an .xlsx workbook (`honours stats --xlsx`, the window's Export): numbers as numbers.

One sheet per table: the cross table of people (with 合计 row and column) and that of
collectives beneath it, the shares of people, donations by year and by region, and
care spending (关怀) by year, kind and region (money in 元 with two decimals, goods by unit). Labels a person typed (regions,
units) are written as text, never as a formula.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from .i18n import ptext
from .statistics import AmountTable, CrossTable, Report, share
from .transfer import replacing

_RISKY = ("=", "+", "-", "@", "\t", "\r")


# The sheet's own words (its headings and sheet names), in the language asked for.
_WORDS = {
    "total": ptext("statistics", "Total"),
    "count": ptext("statistics", "People"),
    "share": ptext("statistics", "Share (%)"),
    "donors": ptext("statistics", "Donors"),
    "cared": ptext("statistics", "People cared for"),
    "given": ptext("statistics", "Amount given (yuan)"),
    "money": ptext("statistics", "Money (yuan)"),
    "query": ptext("statistics", "Query"),
    "everyone": ptext("statistics", "everyone"),
    "collectives": ptext("statistics subject", "Collectives"),
    "people": ptext("statistics subject", "People"),
    "other": ptext("statistics", "other"),
    "statistics": ptext("statistics", "Statistics"),
    "shares": ptext("statistics", "Shares"),
    "donations": ptext("statistics", "Donations"),
    "care": ptext("statistics", "Care spending"),
}


def _words(language: str) -> dict[str, str]:
    return {key: text.render(language) for key, text in _WORDS.items()}


def _name(dimension: Any, language: str) -> str:
    return dimension.zh if language == "zh" else dimension.en


def cross_rows(table: CrossTable, language: str = "zh") -> list[list[Any]]:
    """The table as rows of values: a header, a row per value and the 合计 row; with two
    dimensions a 合计 column; with one a share column. Counts are ints."""
    w = _words(language)
    rows_by, columns_by = table.rows_by, table.columns_by
    if columns_by is None:
        out: list[list[Any]] = [[_name(rows_by, language), w["count"], w["share"]]]
        for value in table.rows:
            n = table.row_totals[value].count
            out.append([rows_by.label(value, language), n, float(share(n, table.total.count))])
        out.append([w["total"], table.total.count, 100.0 if table.total.count else 0.0])
        return out
    corner = f"{_name(rows_by, language)} \\ {_name(columns_by, language)}"
    out = [[corner, *(columns_by.label(c, language) for c in table.columns), w["total"]]]
    for value in table.rows:
        out.append(
            [
                rows_by.label(value, language),
                *(table.cell(value, c).count for c in table.columns),
                table.row_totals[value].count,
            ]
        )
    out.append([w["total"], *(table.column_totals[c].count for c in table.columns), table.total.count])
    return out


def amount_rows(table: AmountTable, language: str = "zh") -> list[list[Any]]:
    """A measure's totals as rows (donations, care): value, its people (donors, those cared
    for), money (Decimal yuan), then a column per goods unit; the 合计 row last."""
    w = _words(language)
    units = table.units
    by = _name(table.by, language)
    who, money = ("donors", "money") if table.measure.key == "donation" else ("cared", "given")
    out: list[list[Any]] = [[by, w[who], w[money], *(u or w["other"] for u in units)]]
    for row in [*table.rows, table.total]:
        label = w["total"] if row is table.total else table.label(row.value, language)
        out.append(
            [label, row.donors.count, Decimal(row.amount_fen) / 100, *(row.goods.get(u, 0) for u in units)]
        )
    return out


def write_report_xlsx(report: Report, path: Path, language: str = "zh") -> None:
    """Write the report's tables to `path` (replaced whole, or left as it was on failure)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    w = _words(language)
    workbook = Workbook()
    bold = Font(bold=True)

    def put(sheet: Any, rows: list[list[Any]], start: int, money_column: int | None = None) -> int:
        for r, values in enumerate(rows):
            for c, value in enumerate(values, 1):
                cell = sheet.cell(row=start + r, column=c)
                if isinstance(value, str) and value.startswith(_RISKY):
                    cell.value = value
                    cell.data_type = "s"
                    cell.quotePrefix = True
                else:
                    cell.value = value
                if isinstance(value, Decimal) or c == money_column and r:
                    cell.number_format = "0.00"
                elif isinstance(value, float):
                    cell.number_format = "0.0"
                if r == 0 or r == len(rows) - 1 or c == 1:
                    cell.font = bold
        return start + len(rows) + 1

    sheet = workbook.active
    sheet.title = w["statistics"]
    sheet.column_dimensions["A"].width = 22
    sheet.cell(row=1, column=1, value=f"{w['query']}: {report.query or w['everyone']}")
    sheet.cell(row=2, column=1, value=w["people"]).font = bold
    after = put(sheet, cross_rows(report.people, language), 3)
    sheet.cell(row=after, column=1, value=w["collectives"]).font = bold
    put(sheet, cross_rows(report.collectives, language), after + 1)

    shares = workbook.create_sheet(w["shares"])
    shares.column_dimensions["A"].width = 16
    row = 1
    for table in report.shares.values():
        row = put(shares, cross_rows(table, language), row)

    donations = workbook.create_sheet(w["donations"])
    donations.column_dimensions["A"].width = 16
    donations.column_dimensions["C"].width = 16
    row = 1
    for amounts in report.amounts.values():
        row = put(donations, amount_rows(amounts, language), row, money_column=3)

    care = workbook.create_sheet(w["care"])
    care.column_dimensions["A"].width = 16
    care.column_dimensions["C"].width = 16
    row = 1
    for amounts in report.care.values():
        row = put(care, amount_rows(amounts, language), row, money_column=3)
    with replacing(path) as out:
        workbook.save(out)
