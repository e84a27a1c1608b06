"""Reading honourees from the spreadsheets offices send: xlsx from Excel/WPS/LibreOffice and csv.

What the sheets look like in practice, and what this module does about it:
- a merged title row or two ("2020年衡阳市劳动模范名单") above the real header row: the header
  is the row among the first 30 whose cells best match known column names;
- headers in Chinese or English, with decorations ("姓  名", "*姓名（必填）", "捐款金额（万元）"):
  `guess_mapping` maps each column to a field; the app lets staff change the mapping;
- csv in UTF-8, UTF-8 with BOM, GB18030/GBK (what Chinese Excel saves) or Big5: decoded by a
  strict cascade, picking the decoding under which a 姓名 column is found;
- several honours in one cell ("全国劳动模范、湖南省五一劳动奖章"), level inferred from the title
  when there is no level column, money read exactly ("50万元", "1,000元") as integer fen;
- formulas are never evaluated: a cell gives the value its program last saved, and text
  that looks like a formula ("=1+1") is kept as text.

A row that cannot be read raises `RowError` with the reason in English and Chinese; the
import plan (import_plan.py) turns it into an error line naming the sheet row.
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import files
from .amounts import AmountError, parse_amount_fen, parse_donation
from .archive import ArchiveValueError, from_id_number, read_value
from .dates import FIRST_YEAR, LAST_YEAR, PartialDate, date_value, parse_date
from .errors import HonoursError, os_reason_text
from .fields import ARCHIVE_FIELDS, BOOL, DATE, HONOUR, SHEET_COLUMNS, FieldSpec
from .i18n import Declared, Joined, Message, Text, Worded, quoted
from .id_numbers import MASK
from .names import Note, normalise_name, tidy_name
from .records import Care, Deed, Donation, Honour, Honouree, RecordValueError, Source, Status
from .titles import infer_level, title_level
from .vocabulary import CARE_KINDS, CATEGORIES, GENDERS, LEVELS, STATUSES, YES_NO, Vocabulary

__all__ = ["infer_level"]  # where sheets have always found it
from .xlsx_input import CellError, SheetTooLarge, UnsavedFormula, Workbook, damaged_errors

HEADER_SEARCH_ROWS = 30
NAME_LIMIT = 100
SHORT_LIMIT = 500  # unit, position, region, honour titles ...
LONG_LIMIT = 100_000  # deeds, notes, donations: a 100,000-character cell is accepted whole


class SpreadsheetError(HonoursError):
    """The file as a whole cannot be read as a sheet of honourees; nothing was imported."""


class RowError(Worded, Exception):
    """One row cannot be imported; carries the reason (`.text`, `.en`, `.zh`)."""

    def __init__(self, text: Message | str, zh: str | None = None) -> None:
        super().__init__(self._word(text, zh))


class SkippedRow(RowError):
    """A row that is not a person: a totals row (合计) or a footer note (填表人：…)."""


_FOOTER = re.compile(
    r"^(?:填表人|填报人|制表人?|审核人?|联系人|联系电话|负责人|经办人|注|说明|备注|单位盖章)\s*[:：]"
)
TOTAL_WORDS = {"合计", "总计", "小计", "共计", "累计", "total", "sum", "合計", "總計"}


# -- fields and their column names -------------------------------------------------------


@dataclass(frozen=True)
class Field:
    key: str
    en: str
    zh: str
    aliases: tuple[str, ...]

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


# The header table, from the field spec (fields.py): its labels and the words sheets use.
FIELDS: list[Field] = [Field(c.sheet, c.en, c.sheet_zh, c.words) for c in SHEET_COLUMNS]
FIELD_BY_KEY = {f.key: f for f in FIELDS}
# Columns that are recognised as header cells but imported as nothing (row numbers, derived totals).
IGNORED_HEADERS = (
    "序号",
    "编号",
    "序",
    "id",
    "no",
    "no.",
    "number",
    "#",
    "捐赠合计",
    "照片数",
    "创建时间",
    "修改时间",
    "最高级别",
)

_ALIASES: dict[str, str] = {}
for _field in FIELDS:
    for _alias in _field.aliases:
        _ALIASES.setdefault(_alias.lower(), _field.key)
_CONTAINED = sorted(
    ((a, k) for a, k in _ALIASES.items() if len(a) >= 2 and not a.isascii()), key=lambda pair: -len(pair[0])
)
_HEADER_DECOR = re.compile(r"\((?:必填|选填|可选|必填项|选填项|required|optional)\)", re.IGNORECASE)
_HEADER_UNIT = re.compile(r"\(([^()]{1,6})\)$")


def header_key(text: str) -> tuple[str, str]:
    """Normalised header text and its unit in brackets: '捐款金额（万元）' → ('捐款金额', '万元')."""
    t = unicodedata.normalize("NFKC", text or "")
    t = re.sub(r"\s+", "", t).strip("*※★☆:：")
    t = _HEADER_DECOR.sub("", t)
    unit = ""
    m = _HEADER_UNIT.search(t)
    if m and m.start() > 0:
        unit, t = m.group(1), t[: m.start()]
    return t.lower(), unit


def match_header(text: str) -> tuple[str | None, bool]:
    """(field key or None, exact?) for one header cell; `ignore` for row numbers and totals."""
    key, _ = header_key(text)
    if not key:
        return None, False
    if key in _ALIASES:
        return _ALIASES[key], True
    if key in IGNORED_HEADERS:
        return "ignore", True
    if len(key) <= 12:
        for alias, field_key in _CONTAINED:
            if alias in key:
                return field_key, False
    return None, False


def guess_mapping(headers: list[str]) -> list[str | None]:
    """A field key (or None) for each column; each field is used by its best column only."""
    matches = [match_header(h) for h in headers]
    mapping: list[str | None] = [None] * len(headers)
    taken: set[str] = set()
    for want_exact in (True, False):
        for index, (key, exact) in enumerate(matches):
            if key and key != "ignore" and exact == want_exact and key not in taken:
                mapping[index] = key
                taken.add(key)
    return mapping


def _header_score(cells: list[Any]) -> tuple[int, bool]:
    texts = [c for c in cells if isinstance(c, str) and c.strip()]
    found = [match_header(t) for t in texts]
    exact = sum(1 for key, is_exact in found if key and is_exact)
    has_name = any(key == "name" for key, _ in found)
    return exact, has_name


def find_header_row(rows: list[tuple[int, list[Any]]]) -> int:
    """Index in `rows` of the header: the row best matching known column names.

    Title rows merged across the sheet hold one cell of text and never win; a row wins
    with a name column and at least one other, or with three recognised columns.
    """
    best, best_score = -1, (0, False)
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        exact, has_name = _header_score(cells)
        if ((has_name and exact >= 2) or exact >= 3) and (exact, has_name) > best_score:
            best, best_score = index, (exact, has_name)
    if best >= 0:
        return best
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if any(cell_text(c) for c in cells):
            return index
    return 0


# -- the table read from a file ---------------------------------------------------------------


@dataclass
class Table:
    """A sheet's header and data rows, with sheet row numbers as the user's program shows them."""

    path: Path
    kind: str  # "xlsx" or "csv"
    headers: list[str]
    header_row: int
    rows: list[tuple[int, list[Any]]]
    sheet: str = ""
    sheet_names: list[str] = field(default_factory=list)
    encoding: str = ""


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a bulk step builds many objects.

    A 100,000-row import creates millions of small objects that all live on; every full
    collection walks all of them again, which nearly doubled planning time (27 s → 14 s).
    Nothing a bulk step creates needs collecting before it ends.

    At the end the objects go straight to the oldest generation (freeze, then unfreeze):
    otherwise the first collection after the step walks all of them as young objects, and
    the next as middle-aged ones, about a second each per million objects, only to find
    them alive. Cycles among them are still collected, by the next full collection.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """Read an .xlsx or .csv sheet; SpreadsheetError with a clear reason if it cannot be read."""
    with gc_paused():
        return _read_table(Path(path), sheet)


def _read_table(path: Path, sheet: str | None) -> Table:
    try:
        head = files.head(path, 8)
    except OSError as exc:
        raise SpreadsheetError(
            Text("Cannot read {name}: {reason}.", name=path.name, reason=os_reason_text(exc))
        ) from exc
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetError(
            Text(
                "{name} is an old Excel 97-2003 (.xls) workbook. Open it in Excel or WPS and save it as .xlsx, then import that file.",
                name=path.name,
            ),
        )
    if head.startswith(b"PK\x03\x04"):
        return _read_xlsx(path, sheet)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise SpreadsheetError(
            Text(
                "{name} is not a valid .xlsx workbook (the file is damaged or of another kind).",
                name=path.name,
            ),
        )
    return _read_csv(path)


def _table(path: Path, kind: str, rows: list[tuple[int, list[Any]]], **extra: Any) -> Table:
    at = find_header_row(rows)
    header_number, header_cells = rows[at] if rows else (1, [])
    headers = [cell_text(c) if not isinstance(c, (CellError, UnsavedFormula)) else "" for c in header_cells]
    width = max([len(headers), *(len(r) for _, r in rows[at + 1 :])])
    headers += [""] * (width - len(headers))
    data = [(n, cells) for n, cells in rows[at + 1 :] if any(_present(c) for c in cells)]
    return Table(path=path, kind=kind, headers=headers, header_row=header_number, rows=data, **extra)


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


# -- xlsx ------------------------------------------------------------------------------------


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    damaged = damaged_errors()
    source = files.open_for_reading(path)
    try:
        workbook = Workbook(source)
    except damaged as exc:
        source.close()
        raise SpreadsheetError(
            Text(
                "{name} is not a workbook we can read ({name__}). Open it in Excel or WPS, save it again as .xlsx and retry.",
                name=path.name,
                name__=type(exc).__name__,
            ),
        ) from exc
    try:
        names = workbook.names
        if sheet is not None and sheet not in names:
            raise SpreadsheetError(
                Text(
                    "{name} has no sheet named “{sheet}”; its sheets are: {sheets}.",
                    name=path.name,
                    sheet=sheet,
                    sheets=Joined(names, "list"),
                )
            )
        chosen = sheet
        if chosen is None:
            visible = workbook.visible()
            chosen = next(
                (n for n in visible if _has_name_header(workbook, n)), visible[0] if visible else None
            )
        if chosen is None:
            raise SpreadsheetError(Text("{name} has no sheets.", name=path.name))
        try:
            rows = workbook.rows(chosen)
        except SheetTooLarge as exc:
            raise SpreadsheetError(
                Text(
                    "The sheet “{chosen}” of {name} uses cells up to {last_cell} ({cells:,} cells), too many to read. Delete the empty columns right of the table and the rows below it (something stray is typed far away), save and retry.",
                    chosen=chosen,
                    name=path.name,
                    last_cell=exc.last_cell,
                    cells=exc.cells,
                ),
            ) from exc
        except damaged as exc:
            raise SpreadsheetError(
                Text(
                    "The sheet “{chosen}” of {name} is damaged and cannot be read ({name__}). Open it in Excel or WPS, save it again as .xlsx and retry.",
                    chosen=chosen,
                    name=path.name,
                    name__=type(exc).__name__,
                ),
            ) from exc
        return _table(path, "xlsx", rows, sheet=chosen, sheet_names=names)
    finally:
        workbook.close()
        source.close()


def _has_name_header(workbook: Workbook, name: str) -> bool:
    try:
        head = workbook.rows(name, limit=HEADER_SEARCH_ROWS)
    except (SheetTooLarge, *damaged_errors()):
        return False  # reading it in full says what is wrong, if it is the sheet chosen
    return any(_header_score(cells)[1] for _, cells in head)


# -- csv ---------------------------------------------------------------------------------------

_ENCODINGS = ("utf-8", "gb18030", "big5")
_ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (BOM)",
    "gb18030": "GB18030/GBK",
    "big5": "Big5",
    "utf-16": "UTF-16",
}
_NEUTRALISED = re.compile(r"^'(?=[=+\-@\t\r])")


def _read_csv(path: Path) -> Table:
    data = files.read_bytes(path)
    candidates = _decodings(data, path)
    tables = []
    for encoding, text in candidates:
        rows = _csv_rows(text, path)
        table = _table(path, "csv", rows, encoding=_ENCODING_LABELS.get(encoding, encoding))
        if "name" in guess_mapping(table.headers):
            return table
        tables.append(table)
    return tables[0]


def _decodings(data: bytes, path: Path) -> list[tuple[str, str]]:
    """Every strict decoding of the bytes, most likely first; SpreadsheetError if none is text."""
    not_text = SpreadsheetError(
        Text(
            "{name} is not a text spreadsheet (csv) in UTF-8 or GBK, nor an .xlsx workbook. Check that you chose the right file; in Excel or WPS, save it as .xlsx or as CSV.",
            name=path.name,
        ),
    )
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return [(encoding, _checked_text(data.decode(encoding), not_text))]
            except UnicodeDecodeError:
                raise not_text from None
    if b"\x00" in data[:65536]:
        raise not_text
    found = []
    for encoding in _ENCODINGS:
        try:
            found.append((encoding, _checked_text(data.decode(encoding), not_text)))
        except UnicodeDecodeError:
            continue
    if not found:
        raise not_text
    return found


def _checked_text(text: str, error: SpreadsheetError) -> str:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    if sample and controls > max(2, len(sample) // 200):
        raise error
    return text


def _csv_rows(text: str, path: Path) -> list[tuple[int, list[Any]]]:
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for number, row in enumerate(reader, start=1):
            rows.append((number, [_NEUTRALISED.sub("", cell) for cell in row]))
    except csv.Error as exc:
        raise SpreadsheetError(
            Text(
                "{name} cannot be read as csv near record {value}: {exc}.",
                name=path.name,
                value=len(rows) + 1,
                exc=exc,
            ),
        ) from exc
    return rows


def _delimiter(text: str) -> str:
    """Comma, tab or semicolon: whichever splits the first lines into the most columns."""
    sample = text[:65536]
    best, best_width = ",", 0
    for candidate in (",", "\t", ";"):
        try:
            lines = list(
                itertools.islice(
                    csv.reader(io.StringIO(sample, newline=""), delimiter=candidate), HEADER_SEARCH_ROWS
                )
            )
        except csv.Error:
            continue
        width = max((len(line) for line in lines), default=0)
        if width > best_width:
            best, best_width = candidate, width
    return best


# -- cell values ----------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # invisible; never meant in a sheet


def cell_text(value: Any) -> str:
    """A cell as text: numbers without a trailing .0, dates as ISO, control characters dropped."""
    if value is None:
        return ""
    if type(value) is str:
        if value.isprintable():  # the usual cell: no line breaks or control characters to clean
            return value.strip()
        text = value
    elif isinstance(value, bool):
        text = YES_NO.label("yes" if value else "no")  # 是 / 否
    elif isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else format(Decimal(repr(value)), "f")
    elif isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    elif isinstance(value, (date, time)):
        text = value.isoformat()
    else:
        text = str(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


# -- rows → records -----------------------------------------------------------------------------


@dataclass
class ParsedRow:
    record: Honouree
    photo_refs: list[str]
    given: set[str] = field(
        default_factory=set
    )  # fields whose cells were filled in (an update changes only these)
    notes: list[Note] = field(
        default_factory=list
    )  # what was done to the cells as written (the name tidied …)
    written_name: str = ""  # the name cell as written, when tidying changed it


LIST_SPLIT = re.compile(r"[、；;，,\n]")
_PHOTO_SPLIT = re.compile(r"[、；;\n|]")
_QUOTES = " \t\"'“”‘’「」『』《》〈〉"
_POSTHUMOUS_MARK = re.compile(r"[(（]\s*追授\s*[)）]|^被?追授")
_YEAR_PREFIX = re.compile(r"^((?:19|20)\d\d)\s*年度?\s*(?:度|获|被授予|荣获|获得)?")
_YEAR_SUFFIX = re.compile(r"[(（]\s*((?:19|20)\d\d)\s*年?\s*[)）]$")
_TITLE_WORD = re.compile(r"(?:荣誉)?称号$")


@lru_cache(maxsize=4096)
def split_honours(cell: str) -> tuple[tuple[str, int | None, bool], ...]:
    """(title, year in the text, posthumous) for each honour named in a cell."""
    out = []
    for part in LIST_SPLIT.split(cell):
        title = part.strip(_QUOTES)
        if not title:
            continue
        posthumous = bool(_POSTHUMOUS_MARK.search(title))
        title = _POSTHUMOUS_MARK.sub("", title).strip(_QUOTES)
        year = None
        m = _YEAR_PREFIX.match(title) or _YEAR_SUFFIX.search(title)
        if m:
            year = int(m.group(1))
            title = (title[m.end() :] if m.re is _YEAR_PREFIX else title[: m.start()]).strip(_QUOTES)
        stripped = _TITLE_WORD.sub("", title).strip(_QUOTES)
        if len(stripped) >= 2:
            title = stripped
        if title:
            out.append((title, year, posthumous))
    return tuple(out)


_SPACES = re.compile(r"\s+")
_AGE = re.compile(r"\d{1,3}\s*(?:岁|周岁)?")
_LIMITS = {key: SHORT_LIMIT for key in FIELD_BY_KEY}  # the longest text each field takes
_LIMITS.update(
    name=NAME_LIMIT,
    notes=LONG_LIMIT,
    source_sentence=LONG_LIMIT,
    honours=LONG_LIMIT,
    deeds=LONG_LIMIT,
    donations=LONG_LIMIT,
    care=LONG_LIMIT,
    photo=LONG_LIMIT,
    age=1 << 62,
    birth_date=1 << 62,
    year=1 << 62,
)  # read from their values, not as text


# An honour's per-honour columns beyond level, year, body and posthumous: key → (English, Chinese).
_HONOUR_EXTRA = {
    spec.sheet: spec.key for spec in HONOUR.fields if spec.key.startswith(("document", "revoked"))
}


def _honour_extras(honour: Honour, texts: dict[str, str]) -> None:
    """An honour's document and revocation from its part of each per-honour column."""
    for spec in HONOUR.fields:
        text = texts.get(spec.sheet, "").strip()
        if spec.sheet not in texts or not text:
            continue
        if spec.type == BOOL:
            answer = YES_NO.lookup(text)
            if answer is None:
                raise RowError(Text("{field} “{text}” should be 是 or 否", field=_label(spec), text=text))
            setattr(honour, spec.key, answer == "yes")
        elif spec.type == DATE:
            parsed = _date_value(text)
            if parsed is None:
                raise RowError(
                    Text("{field} “{text}” is not a date such as 2023-05-01", field=_label(spec), text=text)
                )
            setattr(honour, spec.key, parsed.text)
        else:
            setattr(honour, spec.key, text)


def _label(spec: FieldSpec) -> Message:
    """A field's label as declared (fields.py)."""
    return Declared(spec.en, spec.zh)


_HONOUR_FIELD = {spec.key: spec for spec in HONOUR.fields}


def _choices(vocabulary: Vocabulary) -> Message:
    """A vocabulary's choices as a person reads them, as declared (在职、退休或已故)."""
    return Declared(vocabulary.choices("en"), vocabulary.choices("zh"))


def _aligned(cell: str, count: int, key: str) -> Sequence[str]:
    """A per-honour column ('省级、市级', the honour field `key`) lined up with the honours of the row."""
    if not cell:
        return [""] * count
    parts = _parts(cell)
    if len(parts) == 1:
        return parts * count
    if len(parts) != count:
        raise RowError(
            Text(
                "{values} values in {field} for {count} honour(s)",
                values=len(parts),
                field=_label(_HONOUR_FIELD[key]),
                count=count,
            )
        )
    return parts


@lru_cache(maxsize=4096)
def _parts(cell: str) -> tuple[str, ...]:
    """The items of a per-honour column, quotes and spaces taken off (sheets repeat these cells).
    A quoted item keeps its separators: “中共中央、国务院”、湖南省人民政府 is two awarding bodies
    (the export quotes an item that holds one)."""
    return tuple(p.strip(_QUOTES) for p in split_outside_quotes(cell, LIST_SPLIT))


def split_outside_quotes(cell: str, separators: re.Pattern[str]) -> list[str]:
    """`cell` split at every separator that is not inside a pair of quotes (“…”, "…", 「…」, 『…』)."""
    if not any(mark in cell for mark in _OPENING):
        return separators.split(cell)
    parts, start, closing = [], 0, ""
    for at, char in enumerate(cell):
        if closing:
            closing = "" if char == closing else closing
        elif char in _OPENING:
            closing = _OPENING[char]
        elif separators.fullmatch(char):
            parts.append(cell[start:at])
            start = at + 1
    parts.append(cell[start:])
    return parts


_OPENING = {"“": "”", '"': '"', "「": "」", "『": "』"}


def _level(word: str, title: str) -> str:
    if not word:
        return infer_level(title)
    level = LEVELS.lookup(word)
    if level is None:
        raise RowError(Text("level “{word}” is not one of {choices}", word=word, choices=_choices(LEVELS)))
    return level


def _date_value(value: Any) -> PartialDate | None:
    """A cell as a date: a date, a whole number (a year), or text (1980.5 typed as a number
    is read as its text, May 1980)."""
    if isinstance(value, (date, int)) or isinstance(value, float) and value.is_integer():
        return date_value(value)
    return parse_date(cell_text(value))


def _year(value: Any) -> tuple[int | None, str | None]:
    parsed = _date_value(value)
    if parsed is None:
        raise RowError(
            Text(
                "year “{cell_text}” is not a year such as 2020 ({FIRST_YEAR}–{LAST_YEAR})",
                cell_text=cell_text(value),
                FIRST_YEAR=FIRST_YEAR,
                LAST_YEAR=LAST_YEAR,
            ),
        )
    return parsed.year, parsed.text if parsed.is_full else None


_year_of_text = lru_cache(maxsize=4096)(
    _year
)  # a sheet repeats its years; text gives the same answer each time


@lru_cache(maxsize=8192)
def _donations(cell: str) -> tuple[Donation, ...]:
    try:
        return tuple(Donation(**d) for d in parse_donation(cell))
    except AmountError as exc:
        raise RowError(Text("donations: {reason}", reason=exc.text)) from None


@lru_cache(maxsize=8192)
def _amount(cell: str, unit: str) -> int:
    text = cell
    if unit in ("万元", "万") and re.fullmatch(r"[\d,.]+", cell):
        text = cell + "万元"
    try:
        return parse_amount_fen(text)
    except AmountError as exc:
        raise RowError(Text("donation amount: {reason}", reason=exc.text)) from None


class RowReader:
    """Turns the cells of one row into an Honouree under a column mapping."""

    def __init__(self, mapping: list[str | None], headers: list[str]) -> None:
        self.columns: dict[str, int] = {}
        for index, key in enumerate(mapping):
            if key and key != "ignore" and key in FIELD_BY_KEY:
                if key in self.columns:
                    raise SpreadsheetError(
                        Text(
                            "Two columns are mapped to {field}: “{first}” and “{second}”. Map one of them to nothing.",
                            field=_label(FIELD_BY_KEY[key]),
                            first=headers[self.columns[key]],
                            second=headers[index],
                        )
                    )
                self.columns[key] = index
        if "name" not in self.columns:
            named = [h for h in headers if h]
            no_names = Text("no names")
            raise SpreadsheetError(
                Text(
                    "No 姓名 (name) column: the header row has {headers}. Name a column 姓名, or map a column to Name.",
                    headers=Joined(named, "list") if named else no_names,
                )
            )
        self.units = [header_key(h)[1] for h in headers]
        self.headers = headers
        self._column_items = list(self.columns.items())

    def identity(self, cells: list[Any]) -> tuple[str, str]:
        """Name and unit as written (shortened), to label a row that could not be read."""
        out = []
        for key in ("name", "unit"):
            index = self.columns.get(key)
            value = cells[index] if index is not None and index < len(cells) else None
            out.append("" if isinstance(value, (CellError, UnsavedFormula)) else cell_text(value)[:60])
        return out[0], out[1]

    def _values(self, cells: list[Any]) -> dict[str, Any]:
        """The row's filled-in mapped cells by field; spreadsheet errors and unsaved formulas refused."""
        return self._values_and_texts(cells)[0]

    def _values_and_texts(self, cells: list[Any]) -> tuple[dict[str, Any], dict[str, str]]:
        """`_values`, and the `cell_text` of each of them."""
        values: dict[str, Any] = {}
        texts: dict[str, str] = {}
        width = len(cells)
        for key, index in self._column_items:
            if index < width:
                value = cells[index]
                if value is None:
                    continue
                if type(value) is str:
                    if value.isprintable():  # cell_text's usual case, inline
                        text = value.strip()
                        if not text:
                            continue
                    elif not value.strip():
                        continue
                    else:
                        text = cell_text(value)
                else:
                    if type(value) in (CellError, UnsavedFormula):
                        raise _bad_cell(key, value)
                    text = cell_text(value)
                values[key] = value
                texts[key] = text
        return values, texts

    @staticmethod
    def _text(values: dict[str, Any], key: str, limit: int = SHORT_LIMIT) -> str:
        value = values.get(key)
        if value is None:
            return ""
        text = cell_text(value)
        if len(text) > limit:
            f = FIELD_BY_KEY[key]
            raise RowError(
                Text(
                    "{field} is too long ({length:,} characters; at most {limit:,})",
                    field=_label(f),
                    length=len(text),
                    limit=limit,
                )
            )
        return text

    def read(self, cells: list[Any]) -> ParsedRow:
        """The row as a record; RowError (SkippedRow) with the first thing wrong with it.

        Each cell's text is made once, and when none is longer than its field allows (the
        usual row) the record is built from those texts in one pass; otherwise the row is
        read field by field (`_read_checked`), which names the first problem in the same
        order as for any other row.
        """
        values, texts = self._values_and_texts(cells)
        for key, text in texts.items():
            if len(text) > _LIMITS[key]:
                return self._read_checked(cells, values)
        get = texts.get
        name = get("name", "")
        self._not_a_person(name, cells)
        unit, position, region = get("unit", ""), get("position", ""), get("region", "")
        ethnicity, notes = get("ethnicity", ""), get("notes", "")
        source = Source(report=get("source_report", ""), sentence=get("source_sentence", ""))
        gender = self._gender(get("gender", ""))
        age = self._age_text(get("age", ""))
        born = values.get("birth_date")
        birth_date = _birth_date_of_text(born) if type(born) is str else self._birth_date(born)
        status = self._status(get("status", ""))
        category = self._category(get("category", ""))
        honours = self._honours_of(
            get("honours", ""),
            get("level", ""),
            values.get("year"),
            get("awarded_by", ""),
            get("posthumous", ""),
            {key: get(key, "") for key in _HONOUR_EXTRA},
        )
        archive = self._archive(values, texts) if self._has_archive else {}
        deeds = get("deeds")
        donations = self._donations_of(get("donations", ""), get("donation_amount", ""))
        photos = get("photo")
        record = Honouree(
            name=name,
            gender=gender,
            birth_date=birth_date,
            age=age,
            ethnicity=ethnicity,
            unit=unit,
            position=position,
            region=region,
            category=category,
            status=status,
            notes=notes,
            source=source,
            honours=honours,
            donations=donations,
            care=[replace(c) for c in _care_records(get("care"))] if get("care") else [],
            deeds=[Deed(text=line.strip()) for line in deeds.split("\n") if line.strip()] if deeds else [],
            **archive,
        )
        refs = [p.strip(_QUOTES) for p in _PHOTO_SPLIT.split(photos) if p.strip(_QUOTES)] if photos else []
        return self._tidied(ParsedRow(record, refs, set(values)))

    @property
    def _has_archive(self) -> bool:
        """Whether the sheet has a column of the archive (most sheets have none: nothing to read)."""
        found = getattr(self, "_archive_columns", None)
        if found is None:
            found = self._archive_columns = tuple(
                spec for spec in ARCHIVE_FIELDS if spec.sheet in dict(self._column_items)
            )
        return bool(found)

    def _archive(self, values: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
        """The archive's cells of a row as stored values (archive.read_value: 党员 → 中共党员, a
        15-digit ID number as its 18 characters, 是 → true); RowError naming the first that cannot be read."""
        out: dict[str, Any] = {}
        for spec in self._archive_columns:
            value = values.get(spec.sheet)
            if value is None:
                continue
            raw = value if spec.type == DATE and type(value) is not str else texts.get(spec.sheet, "")
            if spec.masked and MASK in str(raw):
                # a number exported masked (430402********1234): not given, so an update keeps the stored one
                values.pop(spec.sheet, None)
                continue
            try:
                out[spec.key] = read_value(spec, raw)
            except ArchiveValueError as exc:
                raise RowError(exc.text) from None
        return out

    def _not_a_person(self, name: str, cells: list[Any]) -> None:
        """SkippedRow for a footer note or a totals row, RowError for a row without a name."""
        if _FOOTER.match(name) and sum(1 for c in cells if _present(c)) <= 2:
            raise SkippedRow(Text("a note, not a person: “{name}”", name=name[:30]))
        if _SPACES.sub("", name).lower() in TOTAL_WORDS:
            raise SkippedRow(Text("a totals row ({name}), not a person", name=name))
        if not name:
            filled = [cell_text(c) for c in cells if _present(c)]
            total = next((t for t in filled if _SPACES.sub("", t).lower() in TOTAL_WORDS), None)
            if total:
                raise SkippedRow(Text("a totals row ({total}), not a person", total=total))
            if len(filled) == 1 and re.search(r"[:：]|^注", filled[0]):
                raise SkippedRow(Text("a note, not a person: “{filled}”", filled=filled[0][:30]))
            raise RowError(Text("the name (姓名) is empty"))

    def _read_checked(self, cells: list[Any], values: dict[str, Any]) -> ParsedRow:
        """`read` field by field, each text checked against its length as it is reached."""
        name = self._text(values, "name", NAME_LIMIT)
        self._not_a_person(name, cells)
        text = self._text
        record = Honouree(name=name)
        record.unit = text(values, "unit")
        record.position = text(values, "position")
        record.region = text(values, "region")
        record.ethnicity = text(values, "ethnicity")
        record.notes = text(values, "notes", LONG_LIMIT)
        record.source = Source(
            report=text(values, "source_report"), sentence=text(values, "source_sentence", LONG_LIMIT)
        )
        record.gender = self._gender(text(values, "gender"))
        record.age = self._age(values.get("age"))
        record.birth_date = self._birth_date(values.get("birth_date"))
        record.status = self._status(text(values, "status"))
        record.category = self._category(text(values, "category"))
        record.honours = self._honours(values)
        deeds = text(values, "deeds", LONG_LIMIT)
        record.deeds = [Deed(text=line.strip()) for line in deeds.split("\n") if line.strip()]
        record.donations = self._donation_list(values)
        if self._has_archive:
            texts = {spec.sheet: text(values, spec.sheet) for spec in ARCHIVE_FIELDS if spec.sheet in values}
            for key, value in self._archive(values, texts).items():
                setattr(record, key, value)
        care = text(values, "care", LONG_LIMIT)
        record.care = [replace(c) for c in _care_records(care)] if care else []
        photos = text(values, "photo", LONG_LIMIT)
        refs = [p.strip(_QUOTES) for p in _PHOTO_SPLIT.split(photos) if p.strip(_QUOTES)]
        return self._tidied(ParsedRow(record, refs, set(values)))

    @staticmethod
    def _tidied(row: ParsedRow) -> ParsedRow:
        """The name as the registry keeps it (names.py): 贺 彪 → 贺彪, 马红秋(女) → 马红秋 and gender 女.
        What the brackets say fills the row's empty cells (a filled-in cell wins), so an update
        changes those fields too; 已故 in them sets the status when the row has no status."""
        record = row.record
        written = record.name
        before = (record.gender, record.ethnicity, record.notes)
        name_notes = tidy_name(record)
        if record.id_number:  # an empty birth date and gender read from the ID number, a mismatch said
            before_id = (record.birth_date, record.gender)
            row.notes = [Note(said) for said in from_id_number(record)]
            for key, old in zip(("birth_date", "gender"), before_id, strict=True):
                if getattr(record, key) != old:
                    row.given.add(key)
        if not name_notes:
            return row
        row.notes = name_notes + row.notes
        row.written_name = written
        for key, old in zip(("gender", "ethnicity", "notes"), before, strict=False):
            if getattr(record, key) != old:
                row.given.add(key)
        if "status" not in row.given:
            remarks = normalise_name(written).remarks
            status = next((s for s in map(STATUSES.lookup, remarks) if s is not None), None)
            if status is not None and status != record.status:
                record.status = status
                row.given.add("status")
                row.notes.append(
                    Note(
                        Text(
                            "Status read from the name: {status}",
                            status=Declared(status, STATUSES.label(status)),
                        )
                    )
                )
        return row

    def all_errors(self, cells: list[Any]) -> list[RowError]:
        """Every problem of a row `read` refused, not only the first it met: each cell and each
        honour is read on its own (the preview lists them all, so one correction pass suffices)."""
        errors: list[RowError] = []

        def attempt(read: Any, *args: Any) -> Any:
            try:
                return read(*args)
            except SkippedRow:
                raise
            except RowError as exc:
                errors.append(exc)
                return None

        values: dict[str, Any] = {}
        for key, index in self._column_items:
            value = cells[index] if index < len(cells) else None
            if type(value) in (CellError, UnsavedFormula):
                errors.append(_bad_cell(key, value))
            elif _present(value):
                values[key] = value
        texts = {key: attempt(self._text, values, key, _LIMITS[key]) for key in values}
        get = {k: v for k, v in texts.items() if v is not None}.get
        attempt(self._not_a_person, get("name", ""), cells)
        attempt(self._gender, get("gender", ""))
        attempt(self._age, values.get("age"))
        attempt(self._birth_date, values.get("birth_date"))
        attempt(self._status, get("status", ""))
        if not ("honours" in values and get("honours") is None):  # else: too long, said already
            errors.extend(
                self._honour_errors(
                    get("honours", ""),
                    get("level", ""),
                    values.get("year"),
                    get("awarded_by", ""),
                    get("posthumous", ""),
                )
            )
        if self._has_archive:
            for spec in self._archive_columns:
                if spec.sheet in values and get(spec.sheet) is not None:
                    attempt(self._archive, {spec.sheet: values[spec.sheet]}, {spec.sheet: get(spec.sheet)})
        if get("donations"):
            attempt(_donations, get("donations"))
        if get("care"):
            attempt(_care_records, get("care"))
        if get("donation_amount"):
            attempt(self._amount_donation, get("donation_amount"))
        return errors

    def _honour_errors(
        self, cell: str, levels: str, years_raw: Any, awarded: str, posthumous: str
    ) -> list[RowError]:
        """`_honours_of`'s checks with every error collected: each per-honour column, then each honour."""
        found = split_honours(cell) if cell else ()
        if not found:
            try:
                self._honours_of(cell, levels, years_raw, awarded, posthumous)
            except RowError as exc:
                return [exc]
            return []
        errors: list[RowError] = []
        count = len(found)
        years_are_text = isinstance(years_raw, str) or years_raw is None

        def aligned(text: str, key: str) -> Sequence[str]:
            try:
                return _aligned(text, count, key)
            except RowError as exc:
                errors.append(exc)
                return [""] * count

        level_list = aligned(levels, "level")
        post_list = aligned(posthumous, "posthumous")
        aligned(awarded, "awarded_by")
        year_list: Sequence[Any] = (
            aligned(cell_text(years_raw), "year") if years_are_text else [years_raw] * count
        )
        for number, ((title, _, _), level, post, year) in enumerate(
            zip(found, level_list, post_list, year_list, strict=False), 1
        ):
            problems: list[RowError] = []
            if len(title) > SHORT_LIMIT:
                problems.append(
                    RowError(
                        Text("the title is too long ({title_count:,} characters)", title_count=len(title))
                    )
                )
            for check, value in (
                (lambda v, t=title: _level(v, t), level),
                (self._yes, post),
                (_year_of_text if years_are_text else _year, year),
            ):
                if value is None or cell_text(value) == "":
                    continue
                try:
                    check(value)
                except RowError as exc:
                    problems.append(exc)
            for exc in problems:
                if count > 1:
                    exc = RowError(
                        Text(
                            "honour {number} “{title}”: {reason}",
                            number=number,
                            title=title[:20],
                            reason=exc.text,
                        )
                    )
                if all(e.en != exc.en for e in errors):
                    errors.append(exc)
        return errors

    @staticmethod
    def _gender(text: str) -> str:
        if not text:
            return ""
        gender = GENDERS.lookup(text)
        if gender is None:
            raise RowError(Text("gender “{text}” is not {choices}", text=text, choices=_choices(GENDERS)))
        return gender

    @staticmethod
    def _age(value: Any) -> str:
        return RowReader._age_text(cell_text(value))

    @staticmethod
    def _age_text(text: str) -> str:
        if text and not _AGE.fullmatch(text):
            raise RowError(Text("age “{text}” is not a number of years", text=text[:20]))
        return text

    @staticmethod
    def _birth_date(value: Any) -> str:
        if value is None or cell_text(value) == "":
            return ""
        parsed = _date_value(value)
        if parsed is None:
            text = cell_text(value)[:30]
            raise RowError(
                Text(
                    "birth date “{text}” is not a date such as 1980-05-03 ({FIRST_YEAR}–{LAST_YEAR})",
                    text=text,
                    FIRST_YEAR=FIRST_YEAR,
                    LAST_YEAR=LAST_YEAR,
                ),
            )
        return parsed.text

    @staticmethod
    def _status(text: str) -> str:
        if not text:
            return Status.ACTIVE.value
        status = STATUSES.lookup(text)
        if status is None:
            raise RowError(Text("status “{text}” is not {choices}", text=text, choices=_choices(STATUSES)))
        return status

    @staticmethod
    def _category(text: str) -> str:
        return (CATEGORIES.lookup(text) or text) if text else ""

    def _honours(self, values: dict[str, Any]) -> list[Honour]:
        cell = self._text(values, "honours", LONG_LIMIT)
        levels = self._text(values, "level")
        awarded = self._text(values, "awarded_by")
        posthumous = self._text(values, "posthumous")
        extra = {key: self._text(values, key) for key in _HONOUR_EXTRA}
        return self._honours_of(cell, levels, values.get("year"), awarded, posthumous, extra)

    def _honours_of(
        self,
        cell: str,
        levels: str,
        years_raw: Any,
        awarded: str,
        posthumous: str,
        extra: dict[str, str] | None = None,
    ) -> list[Honour]:
        found = split_honours(cell) if cell else ()
        if not found:
            if levels or awarded or cell_text(years_raw):
                raise RowError(
                    Text("a level, year or awarding body is given but no honour title"),
                )
            return []
        count = len(found)
        level_list = _aligned(levels, count, "level")
        awarded_list = _aligned(awarded, count, "awarded_by")
        post_list = _aligned(posthumous, count, "posthumous")
        years_are_text = isinstance(years_raw, str) or years_raw is None
        if years_are_text:
            year_list: Sequence[Any] = _aligned(cell_text(years_raw), count, "year")
        else:
            year_list = [years_raw] * count
        # 表彰文件 and 取消称号 (document, revoked, its date and reason), one per honour like the level
        extras = {
            key: _aligned(text, count, _HONOUR_EXTRA[key]) for key, text in (extra or {}).items() if text
        }
        honours = []
        for number, ((title, year_in_title, post_in_title), level, year_value, by, post) in enumerate(
            zip(found, level_list, year_list, awarded_list, post_list, strict=False)
        ):
            if len(title) > SHORT_LIMIT:
                raise RowError(
                    Text("an honour title is too long ({title_count:,} characters)", title_count=len(title)),
                )
            if years_are_text:  # a part of cell text: its cell_text is itself, stripped
                year, on = _year_of_text(year_value) if year_value.strip() else (year_in_title, None)
            else:
                year, on = (year_in_title, None) if cell_text(year_value) == "" else _year(year_value)
            if not by and "awarded_by" not in self.columns:  # a sheet that names no bodies: a well-known
                by = title_level(title).awarded_by  # title's (an empty cell of its column says "not known")
            honours.append(
                Honour(
                    title=title,
                    level=_level(level, title),
                    year=year,
                    date=on,
                    awarded_by=by,
                    posthumous=post_in_title or self._yes(post),
                )
            )
            if extras:
                _honour_extras(honours[-1], {key: texts[number] for key, texts in extras.items()})
        return honours

    @staticmethod
    def _yes(text: str) -> bool:
        answer = YES_NO.lookup(text)
        if answer is not None or not text.strip():
            return answer == "yes"
        raise RowError(Text("posthumous “{text}” should be 是 or 否", text=text))

    def _donation_list(self, values: dict[str, Any]) -> list[Donation]:
        out: list[Donation] = []
        text = self._text(values, "donations", LONG_LIMIT)
        if text:
            out.extend(_copy(d) for d in _donations(text))
        amount = self._text(values, "donation_amount")
        if amount:
            out.append(self._amount_donation(amount))
        return out

    def _donations_of(self, text: str, amount: str) -> list[Donation]:
        """`_donation_list` from texts already checked for length."""
        out = [_copy(d) for d in _donations(text)] if text else []
        if amount:
            out.append(self._amount_donation(amount))
        return out

    def _amount_donation(self, amount: str) -> Donation:
        return Donation(amount_fen=_amount(amount, self.units[self.columns["donation_amount"]]))


def _bad_cell(key: str, value: CellError | UnsavedFormula) -> RowError:
    """The error for a cell holding a spreadsheet error (#N/A) or a formula never calculated."""
    if type(value) is CellError:
        return RowError(
            Text(
                "{field} holds the spreadsheet error {code}", field=_label(FIELD_BY_KEY[key]), code=value.code
            )
        )
    return RowError(
        Text(
            "{field} holds a formula with no saved result; open and save the sheet in Excel or WPS first",
            field=_label(FIELD_BY_KEY[key]),
        )
    )


# A sheet repeats its birth dates; text gives the same answer each time.
_birth_date_of_text = lru_cache(maxsize=4096)(RowReader._birth_date)


def _copy(donation: Donation) -> Donation:
    return Donation(
        amount_fen=donation.amount_fen,
        item=donation.item,
        quantity=donation.quantity,
        quantity_unit=donation.quantity_unit,
    )


# -- a 关怀记录 cell, as export.py writes it (diffs.care_text, one record a line) ------------------------

_LABELLED = re.compile(r"^(经办|备注|by|note)[:：](.*)$", re.IGNORECASE)
_GOODS = re.compile(r"^(?P<item>[^×*]+)[×*](?P<quantity>.+)$")
_ITEM = re.compile(r"^(?:物品|item)[:：](?P<item>.+)$", re.IGNORECASE)
_QUANTITY = re.compile(r"^(?P<number>[\d.,]+万?|[\d.,]+亿?)(?P<unit>\D*)$")


def parse_care_cell(text: str) -> list[Care]:
    """Read a 关怀记录 cell back: one record a line (or separated by ；), each `date kind
    [occasion] [amount] [item×quantity] [经办：…] [备注：…]` as `care_text` writes it.

    RecordValueError (English and Chinese) names the line that cannot be read."""
    out: list[Care] = []
    for line in re.split(r"[\n；;]+", text or ""):
        line = line.strip()
        if line:
            out.append(_care_line(line))
    return out


def _care_line(line: str) -> Care:
    words = line.split()
    found = parse_date(words[0]) if words else None
    if found is None or len(words) < 2:
        raise RecordValueError(
            Text(
                "care record {line}: start with a date and a kind, such as 2027-01-20 慰问 春节 500元",
                line=quoted(line),
            )
        )
    kind = CARE_KINDS.lookup(words[1])
    if kind is None:
        raise RecordValueError(
            Text(
                "care record {line}: the kind must be one of {choices}",
                line=quoted(line),
                choices=_choices(CARE_KINDS),
            )
        )
    care = Care(date=found.text, kind=kind)
    rest = words[2:]
    # 经办 and 备注 take the rest of the line once they start (a note may hold spaces).
    for i, word in enumerate(rest):
        labelled = _LABELLED.match(word)
        if labelled:
            tail = " ".join([labelled[2], *rest[i + 1 :]]).strip()
            if labelled[1].lower() in ("经办", "by"):
                parts = re.split(r"\s*(?:备注|note)[:：]", tail, maxsplit=1, flags=re.IGNORECASE)
                care.by = parts[0].strip()
                care.note = parts[1].strip() if len(parts) > 1 else ""
            else:
                care.note = tail
            rest = rest[:i]
            break
    for word in rest:
        goods = _GOODS.match(word)
        item = _ITEM.match(word)
        if item and not care.item:
            care.item = item["item"]
        elif care.amount_fen is None and _is_amount(word):
            care.amount_fen = parse_amount_fen(word)
        elif goods and not care.item:
            care.item = goods["item"]
            quantity = _QUANTITY.match(goods["quantity"])
            if quantity is None:
                raise RecordValueError(
                    Text(
                        "care record {line}: cannot read the quantity {quantity}",
                        line=quoted(line),
                        quantity=quoted(goods["quantity"]),
                    )
                )
            care.quantity = parse_amount_fen(quantity["number"]) // 100
            care.quantity_unit = quantity["unit"]
        elif not care.occasion:
            care.occasion = word
        elif not care.item:
            care.item = word
        else:
            care.note = f"{care.note} {word}".strip()
    return care


def _is_amount(word: str) -> bool:
    """A word that is a sum of money: ends in 元 (500元, 1.2万元) or is a plain number."""
    if not (word.endswith("元") or re.fullmatch(r"[\d.,]+", word)):
        return False
    try:
        parse_amount_fen(word)
    except AmountError:
        return False
    return True


@lru_cache(maxsize=4096)
def _care_records(cell: str) -> tuple[Care, ...]:
    try:
        return tuple(parse_care_cell(cell))
    except (RecordValueError, AmountError) as exc:
        raise RowError(Text("care: {reason}", reason=exc.text)) from None


def describe_mapping(headers: list[str], mapping: list[str | None], lang: str) -> list[tuple[str, str]]:
    """(header, field label) pairs, so that a person can check how the columns were read."""
    return [
        (h, FIELD_BY_KEY[m].label(lang) if m in FIELD_BY_KEY else "—")
        for h, m in zip(headers, mapping, strict=False)
    ]


def iter_records(
    table: Table, mapping: list[str | None] | None = None
) -> Iterable[tuple[int, ParsedRow | RowError]]:
    """(sheet row, parsed row or the reason it cannot be read) for every data row."""
    reader = RowReader(mapping if mapping is not None else guess_mapping(table.headers), table.headers)
    for number, cells in table.rows:
        try:
            yield number, reader.read(cells)
        except RowError as exc:
            yield number, exc
