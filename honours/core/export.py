"""Exporting honourees: xlsx and csv for people, JSON and a .zip with photos for moving a registry.

Spreadsheets have one row per honouree under Chinese headers that the spreadsheet import
recognises, so an exported sheet can be edited and imported again. A spreadsheet cannot
hold everything (photos, deed dates, donation recipients), so the .zip (transfer.py) is
the lossless format.

Numbers are numbers, so that Excel can sort, filter and add them up: ids, ages, the
honours' year (年份, when the row's honours share one year) and photo counts as whole
numbers, the donation total in 元 with two decimals and thousands separators. The record's
times are this computer's local time to the minute (2026-12-05 16:29): date cells in xlsx,
text in csv.

Formula injection: a cell beginning with = + - @ (or tab/CR) could run as a formula when
the file is opened. In csv such a cell gets a leading apostrophe (the usual defence; the
import removes it again). In xlsx the cell is written as a text cell with Excel's
"quote prefix" flag, which is exactly what Excel stores when a person types '=1+1: it is
shown and kept as text and never evaluated, and the text itself is unchanged.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from operator import attrgetter
from pathlib import Path
from typing import Any

from .amounts import format_quantity, format_yuan
from .diffs import care_text
from .errors import HonoursError
from .fields import BOOL, CARE, DEED, DONATION, HONOUR, HONOUREE_FIELDS, PHOTO, SHEET_COLUMNS, FieldSpec
from .i18n import Message, Text
from .id_numbers import mask
from .records import Donation, Honouree
from .registry import Registry
from .spreadsheet import LIST_SPLIT
from .transfer import replacing, write_archive, write_json
from .vocabulary import LEVELS

Progress = Callable[[int, int], None]
FORMATS = (".xlsx", ".csv", ".json", ".zip")
XLSX_CELL_LIMIT = 32_767  # Excel refuses longer cells

_RISKY = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class ExportResult:
    path: Path
    count: int
    notices: list[Message] = field(default_factory=list)  # e.g. cells shortened


def _honour_title(title: str, posthumous: bool) -> str:
    return f"{title}（追授）" if posthumous else title


def _donation_text(d: Donation) -> str:
    goods = ""
    if d.item:
        goods = d.item + (format_quantity(d.quantity, d.quantity_unit) if d.quantity else "")
    if d.amount_fen is not None and goods:
        return f"{goods}（价值{format_yuan(d.amount_fen)}）"
    return goods or (format_yuan(d.amount_fen) if d.amount_fen is not None else "")


def _yuan_number(fen: int) -> int | float:
    return fen // 100 if fen % 100 == 0 else round(fen / 100, 2)


def _age(h: Honouree) -> int | str:
    """A plain number of years as a number; anything else ("58岁") as written, so it imports back."""
    age = (h.age or "").strip()
    return int(age) if age.isascii() and age.isdigit() and (age == "0" or not age.startswith("0")) else age


def _years(h: Honouree) -> int | str:
    """The honours' years: one number when every honour has the same year (the import gives a
    number to each honour of the row), else each honour's year or date, "、"-separated."""
    honours = h.honours
    if not any(x.year or x.date for x in honours):
        return ""
    years = {x.year for x in honours}
    if len(years) == 1 and honours[0].year and not any(x.date for x in honours):
        return honours[0].year
    return "、".join(x.date or (str(x.year) if x.year else "") for x in honours)


def local_time(stamp: str) -> datetime | str:
    """A stored time (ISO 8601 with its offset) as this computer's local time, without the offset;
    text that is not such a time is kept as it is."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.replace(microsecond=0)


TIME_FORMAT = "%Y-%m-%d %H:%M"  # how a time reads in a csv cell; xlsx cells are dates with XLSX_TIME
XLSX_TIME = "yyyy-mm-dd hh:mm"
WHOLE = "0"  # a whole number without a thousands separator (years, ids)
YUAN = "#,##0.00"


@dataclass(frozen=True)
class Column:
    """One column of an exported sheet: its header (one the import maps back), the value of an
    honouree (a number, a time or text), its width in characters and an xlsx number format."""

    header: str
    value: Callable[[Honouree], Any]
    width: float
    number_format: str = ""
    masked: bool = False  # personal data (the ID number): masked unless the export reveals it


def _own(spec: FieldSpec) -> Column:
    """An honouree's own field under its Chinese label: its text, a vocabulary's value as its
    Chinese label (vocabulary.py), an age as a number when it is one."""
    if spec.key == "age":
        return Column(spec.zh, _age, spec.width, WHOLE)
    get = attrgetter(spec.key)
    if spec.vocabulary is not None:
        return Column(spec.zh, lambda h, vocabulary=spec.vocabulary: vocabulary.label(get(h)), spec.width)
    if spec.type == BOOL:
        return Column(spec.zh, lambda h: "是" if get(h) else "", spec.width)
    return Column(spec.zh, get, spec.width, masked=spec.masked)


def _honours_text(spec: FieldSpec) -> Callable[[Honouree], str]:
    """One field of every honour, "、"-separated; empty when none has it. A value that holds a
    separator itself (中共中央、国务院) is quoted, so the import reads it as one."""
    get = attrgetter(spec.key)

    def one(value: str) -> str:
        return f"“{value}”" if LIST_SPLIT.search(value) else value

    return lambda h: "、".join(one(get(x)) for x in h.honours) if any(get(x) for x in h.honours) else ""


# What a column of each kind of record, or of one of its fields, holds in a sheet; the spec
# (fields.py) gives the headers and the order, which the import reads back.
_LIST_COLUMNS: dict[str, tuple[Callable[[Honouree], Any], float, str]] = {
    HONOUR.sheet: (lambda h: "、".join(_honour_title(x.title, x.posthumous) for x in h.honours), 36, ""),
    HONOUR.field("level").sheet: (lambda h: "、".join(LEVELS.label(x.level) for x in h.honours), 14, ""),
    HONOUR.field("year").sheet: (_years, 10, WHOLE),
    HONOUR.field("awarded_by").sheet: (_honours_text(HONOUR.field("awarded_by")), 18, ""),
    HONOUR.field("document").sheet: (_honours_text(HONOUR.field("document")), 18, ""),
    HONOUR.field("revoked").sheet: (
        lambda h: (
            "、".join("是" if x.revoked else "否" for x in h.honours)
            if any(x.revoked for x in h.honours)
            else ""
        ),
        8,
        "",
    ),
    HONOUR.field("revoked_date").sheet: (
        lambda h: (
            "、".join(x.revoked_date or "" for x in h.honours)
            if any(x.revoked_date for x in h.honours)
            else ""
        ),
        11,
        "",
    ),
    HONOUR.field("revoked_reason").sheet: (_honours_text(HONOUR.field("revoked_reason")), 18, ""),
    DEED.sheet: (lambda h: "\n".join(d.text for d in h.deeds), 50, ""),
    DONATION.sheet: (lambda h: "、".join(_donation_text(d) for d in h.donations), 30, ""),
    CARE.sheet: (lambda h: "\n".join(care_text(c) for c in h.care), 40, ""),  # read back by the import
}


def _sheet_columns() -> list[Column]:
    columns = [Column("编号", lambda h: h.id, 6, WHOLE)]
    for spec in SHEET_COLUMNS:
        if spec in HONOUREE_FIELDS:
            columns.append(_own(spec))
        elif spec.sheet in _LIST_COLUMNS:
            columns.append(Column(spec.sheet_zh, *_LIST_COLUMNS[spec.sheet]))
        elif spec is DONATION.field("amount_fen"):  # a total, which the import leaves aside
            columns.append(
                Column(
                    "捐赠合计（元）",
                    lambda h: _yuan_number(h.donation_total_fen) if h.donation_total_fen else "",
                    14,
                    YUAN,
                )
            )
        elif spec is PHOTO:  # how many; the photos themselves travel in a .zip
            columns.append(Column("照片数", lambda h: len(h.photos) or "", 6, WHOLE))
    return [
        *columns,
        Column("创建时间", lambda h: local_time(h.created_at), 17, XLSX_TIME),
        Column("修改时间", lambda h: local_time(h.updated_at), 17, XLSX_TIME),
    ]


COLUMNS: list[Column] = _sheet_columns()


def export(
    registry: Registry,
    ids: Iterable[int],
    path: str | Path,
    progress: Progress | None = None,
    reveal_id: bool = False,
) -> ExportResult:
    """Write honourees to `path`; the format follows the suffix (.xlsx, .csv, .json, .zip).
    ID numbers are personal data: masked (430402********123X) unless `reveal_id`."""
    path = Path(path)
    ids = list(ids)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return write_xlsx(registry, ids, path, progress, reveal_id)
    if suffix == ".csv":
        return write_csv(registry, ids, path, progress, reveal_id)
    if suffix == ".json":
        return ExportResult(path, write_json(registry, ids, path, progress, reveal_id))
    if suffix == ".zip":
        return ExportResult(path, write_archive(registry, ids, path, progress, reveal_id))
    raise HonoursError(
        Text(
            "Cannot export to “{value}”: choose .xlsx, .csv, .json or .zip.", value=path.suffix or path.name
        ),
    )


def _rows(
    registry: Registry, ids: list[int], progress: Progress | None, reveal_id: bool = False
) -> Iterable[list[Any]]:
    for done, honouree_id in enumerate(ids, 1):
        honouree = registry.honouree(honouree_id)
        yield [
            mask(column.value(honouree)) if column.masked and not reveal_id else column.value(honouree)
            for column in COLUMNS
        ]
        if progress and (done % 100 == 0 or done == len(ids)):
            progress(done, len(ids))


def neutralise(value: Any) -> Any:
    """csv: text that a spreadsheet would run as a formula gets a leading apostrophe; a time
    is written as local time to the minute (2026-12-05 16:29)."""
    if isinstance(value, str) and value.startswith(_RISKY):
        return "'" + value
    if isinstance(value, datetime):
        return value.strftime(TIME_FORMAT)
    return value


def write_csv(
    registry: Registry, ids: list[int], path: Path, progress: Progress | None = None, reveal_id: bool = False
) -> ExportResult:
    """UTF-8 with a BOM, so that Excel on a Chinese Windows opens it without garbling."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([column.header for column in COLUMNS])
    for row in _rows(registry, ids, progress, reveal_id):
        writer.writerow([neutralise(v) for v in row])
    with replacing(path) as out:
        out.write(text.getvalue().encode("utf-8-sig"))
    return ExportResult(path, len(ids))


_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _discard(sheet: Any) -> None:
    """Close a write-only sheet that will not be saved, so its half-written rows are dropped
    quietly instead of complaining on stderr when they are garbage-collected."""
    with contextlib.suppress(Exception):  # the save has failed already; that error is the one to report
        sheet.close()


def write_xlsx(
    registry: Registry, ids: list[int], path: Path, progress: Progress | None = None, reveal_id: bool = False
) -> ExportResult:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    rows = list(
        _rows(registry, ids, progress, reveal_id)
    )  # read first: a failure then leaves no half-made workbook
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("荣誉人物")
    sheet.freeze_panes = "C2"
    for index, column in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    formats = [column.number_format for column in COLUMNS]
    bold = Font(bold=True)
    header = []
    for column in COLUMNS:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = bold
        cell.alignment = Alignment(vertical="center")
        header.append(cell)
    sheet.append(header)
    shortened = 0
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        cells: list[Any] = []
        for value, number_format in zip(row, formats, strict=False):
            if number_format and isinstance(value, (int, float, datetime)):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = number_format
                value = cell
            elif isinstance(value, str):
                value = _ILLEGAL_XML.sub("", value)
                if len(value) > XLSX_CELL_LIMIT:
                    shortened += 1
                    value = value[: XLSX_CELL_LIMIT - 1] + "…"
                if value.startswith(_RISKY) or "\n" in value:
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.data_type = "s"  # text, never a formula
                    if value.startswith(_RISKY):
                        cell.quotePrefix = True
                    if "\n" in value:
                        cell.alignment = wrap
                    value = cell
            cells.append(value)
        sheet.append(cells)
    try:
        with replacing(path) as out:
            workbook.save(out)
    except BaseException:
        _discard(sheet)
        raise
    notices = []
    if shortened:
        notices.append(
            Text(
                "{shortened} cell(s) were longer than Excel allows ({limit:,} characters) "
                "and were shortened; the .zip export keeps everything.",
                shortened=shortened,
                limit=XLSX_CELL_LIMIT,
            )
        )
    return ExportResult(path, len(ids), notices)
