"""The cell values of an .xlsx workbook, read by python-calamine (Rust), as spreadsheet.py wants them.

calamine gives every cell of a sheet's used range: text, floats, bools, dates (date,
datetime, time) and '' for an empty cell. What this adapter adds:
- a whole number comes back as an int (序号 1, 年龄 45, 年份 2020), as people typed it;
- an empty cell is None, and rows with nothing in them are left out, each row numbered as
  in the sheet;
- calamine reads an error value (#DIV/0!, #N/A …) and a formula with no saved result
  (files made by scripts, never opened in Excel or WPS) as '', indistinguishable from an
  empty cell. The sheet's XML is therefore searched for formulas and error values (two byte
  searches per block, about 1 s for openpyxl's 270 MB of XML for 100,000 rows, a tenth of
  that for Excel's shared-string files), in a thread while calamine parses the sheet;
  only where some are found are those cells read, and they come back as `CellError` or
  `UnsavedFormula` for the import to name.

Formulas are never evaluated: a formula cell gives the value its program last saved.
"""

from __future__ import annotations

import io
import posixpath
import re
import threading
import zipfile
from dataclasses import dataclass
from typing import Any, BinaryIO
from xml.etree import ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_WHOLE = 2.0**53  # floats this large or larger are not read as ints (their digits are not all kept)
CHUNK_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class CellError:
    """An Excel error value such as #DIV/0! or #REF! (shown to the user, never imported)."""

    code: str

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True)
class UnsavedFormula:
    """A formula whose result was never saved in the file."""

    def __str__(self) -> str:
        return "="


def damaged_errors() -> tuple[type[BaseException], ...]:
    """What reading a damaged workbook, or a file that is not one, raises."""
    from python_calamine import CalamineError

    return (
        CalamineError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        TypeError,
        OSError,
        EOFError,
        ElementTree.ParseError,
        IndexError,
    )


class Workbook:
    """An open .xlsx: its sheet names and, per sheet, rows of values."""

    def __init__(self, source: BinaryIO) -> None:
        from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

        # In memory once (an .xlsx is compressed: 24 MB for 100,000 rows): calamine and the
        # search for error values each read their own copy, at the same time.
        self._data = source.read()
        self._book = CalamineWorkbook.from_filelike(io.BytesIO(self._data))
        self._sheets: dict[str, Any] = {}  # parsed sheets, so that choosing one does not parse it twice
        self._marks: dict[str, _Search] = {}
        metadata = [m for m in self._book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        self.names = [m.name for m in metadata]
        self._visible = [m.name for m in metadata if m.visible == SheetVisibleEnum.Visible]

    def visible(self) -> list[str]:
        return self._visible or self.names

    def rows(self, name: str, limit: int | None = None) -> list[tuple[int, list[Any]]]:
        """(sheet row number, values from column A) for every row with something in it; with
        `limit`, of the first `limit` rows of the sheet only, and without error values."""
        sheet = self._sheets.get(name)
        if sheet is None:
            _check_extent(self._data, name)
            # calamine parses the whole sheet here, without Python's lock: meanwhile a thread
            # looks for error values and unsaved formulas in the same XML (on another core).
            self._marks[name] = _Search(self._data, name)
            sheet = self._sheets[name] = self._book.get_sheet_by_name(name)
        out = []
        for number, row in enumerate(sheet.to_python(skip_empty_area=False, nrows=limit), 1):
            values = [
                None
                if v == ""
                else int(v)
                if type(v) is float and v.is_integer() and -_WHOLE < v < _WHOLE
                else v
                for v in row
            ]
            if any(v is not None for v in values):
                out.append((number, values))
        if limit is None:
            marked = self._marks[name].result()
            if marked:
                _overlay(out, marked)
        return out

    def close(self) -> None:
        for search in self._marks.values():
            search.thread.join()
        self._sheets.clear()
        self._book.close()


# calamine holds a sheet's used range as a dense grid (24 bytes a cell, and a Python list of
# it after): one stray value in column XFD of a 2,000-row sheet is 33 million cells, 1.5 GB.
# 100,000 rows of 200 columns is the most read; a wider or longer range is refused, with
# where it ends, before calamine allocates it.
MAX_CELLS = 20_000_000


class SheetTooLarge(Exception):
    """A sheet's used range (its <dimension>) has more than MAX_CELLS cells."""

    def __init__(self, last_cell: str, cells: int) -> None:
        super().__init__(f"used range up to {last_cell}: {cells} cells")
        self.last_cell = last_cell
        self.cells = cells


_DIMENSION = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?dimension\s+ref="(?:[A-Z]{1,3}\d+:)?([A-Z]{1,3})(\d+)"')


def _check_extent(data: bytes, name: str) -> None:
    """Raise SheetTooLarge when the sheet says its used range is too large to read."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        part = _sheet_part(archive, name)
        if part is None:
            return
        with archive.open(part) as source:
            head = source.read(64 * 1024)
    found = _DIMENSION.search(head)
    if found:
        row, column = _position(found)
        if row * column > MAX_CELLS:
            raise SheetTooLarge(found.group(1).decode() + found.group(2).decode(), row * column)


class _Search:
    """`marked_cells` of one sheet, in a thread."""

    def __init__(self, data: bytes, name: str) -> None:
        self.found: dict[tuple[int, int], CellError | UnsavedFormula] = {}
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(data, name), daemon=True)
        self.thread.start()

    def _run(self, data: bytes, name: str) -> None:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                part = _sheet_part(archive, name)
                if part:
                    self.found = marked_cells(archive, part)
        except BaseException as exc:  # noqa: BLE001 - handed to the reader by `result`
            self.error = exc

    def result(self) -> dict[tuple[int, int], CellError | UnsavedFormula]:
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.found


def _overlay(rows: list[tuple[int, list[Any]]], marked: dict[tuple[int, int], Any]) -> None:
    """Put the error values and unsaved formulas (read as '' by calamine) in their cells."""
    by_number = {number: values for number, values in rows}
    for (row, column), value in sorted(marked.items()):
        values = by_number.get(row)
        if values is None:
            values = by_number[row] = []
            rows.append((row, values))
        if len(values) < column:
            values.extend([None] * (column - len(values)))
        if values[column - 1] is None:
            values[column - 1] = value
    rows.sort(key=lambda r: r[0])


def _sheet_part(archive: zipfile.ZipFile, name: str) -> str | None:
    """The zip member holding the worksheet called `name` (workbook.xml and its relationships)."""
    workbook_part = "xl/workbook.xml"
    for candidate in archive.namelist():
        if candidate.lower() == workbook_part:
            workbook_part = candidate
    rels_part = posixpath.join(
        posixpath.dirname(workbook_part), "_rels", posixpath.basename(workbook_part) + ".rels"
    )
    try:
        workbook = ElementTree.fromstring(archive.read(workbook_part))
        rels = ElementTree.fromstring(archive.read(rels_part))
    except (KeyError, ElementTree.ParseError):
        return None
    rel_id = next((s.get(_REL_ID) for s in workbook.iter(f"{_MAIN}sheet") if s.get("name") == name), None)
    target = next((r.get("Target") for r in rels.iter(f"{_RELS}Relationship") if r.get("Id") == rel_id), None)
    if not target:
        return None
    part = (
        target.lstrip("/")
        if target.startswith("/")
        else posixpath.normpath(posixpath.join(posixpath.dirname(workbook_part), target))
    )
    return part if part in archive.NameToInfo else None


_SHEET_DATA = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?sheetData[\s>/]")
_ATTR = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = re.compile(rb"([A-Z]{1,3})(\d+)")


def marked_cells(
    archive: zipfile.ZipFile, part: str, chunk_bytes: int = CHUNK_BYTES
) -> dict[tuple[int, int], CellError | UnsavedFormula]:
    """(row, column) → the error value or unsaved formula of each such cell of a worksheet part.

    A block of the XML without `<f` (a formula) and without `t="e"` (an error value), nearly
    every block of nearly every sheet, costs two byte searches; the cells of the others are
    read one by one around each mark."""
    found: dict[tuple[int, int], CellError | UnsavedFormula] = {}
    prefix: bytes | None = None
    buffer = b""
    with archive.open(part) as source:
        while True:
            chunk = source.read(chunk_bytes)
            buffer += chunk
            if prefix is None:
                opening = _SHEET_DATA.search(buffer)
                if opening is None and chunk:
                    continue
                prefix = opening.group(1) + b":" if opening and opening.group(1) else b""
                formula_mark = b"<" + prefix + b"f"
                row_end = b"</" + prefix + b"row>"
            if chunk:  # up to the end of the last complete row; the rest waits for the next chunk
                end = buffer.rfind(row_end)
                cut = end + len(row_end) if end >= 0 else 0
            else:
                cut = len(buffer)
            block, buffer = buffer[:cut], buffer[cut:]
            if formula_mark in block or b't="e"' in block:
                _read_marked(block, prefix, found)
            if not chunk:
                return found


def _cell_pattern(prefix: bytes) -> re.Pattern[bytes]:
    p = re.escape(prefix)
    return re.compile(b"<" + p + rb"c\b([^>]*?)(?:/>|>(.*?)</" + p + b"c>)", re.DOTALL)


def _read_marked(block: bytes, prefix: bytes, found: dict[tuple[int, int], Any]) -> None:
    p = re.escape(prefix)
    marks = re.compile(b"<" + p + rb"f[\s>/]|\st=\"e\"")
    value = re.compile(b"<" + p + rb"v\b[^>]*?(?:/>|>([^<]*)</" + p + b"v>)")
    formula = re.compile(b"<" + p + rb"f[\s>/]")
    cell = _cell_pattern(prefix)
    starts = (b"<" + prefix + b"c ", b"<" + prefix + b"c>")
    done = -1
    for mark in marks.finditer(block):
        if mark.start() < done:
            continue  # in a cell read already
        start = max(block.rfind(s, 0, mark.start() + 1) for s in starts)
        m = cell.match(block, start) if start >= 0 else None
        if m is None or m.end() <= mark.start():
            continue  # a mark outside any cell
        done = m.end()
        attrs = {
            a.group(1): a.group(2) if a.group(2) is not None else a.group(3)
            for a in _ATTR.finditer(m.group(1))
        }
        ref = _REF.fullmatch(attrs.get(b"r", b""))
        if ref is None:
            continue  # a cell without its reference cannot be placed; calamine read it as empty
        body = m.group(2) or b""
        v = value.search(body)
        saved = v.group(1) if v else None
        if attrs.get(b"t") == b"e":
            if saved:
                found[_position(ref)] = CellError(saved.decode("utf-8", "replace").strip())
        elif not saved and formula.search(body) and (v is None or attrs.get(b"t") != b"str"):
            found[_position(ref)] = UnsavedFormula()  # t="str" with an empty <v>: a formula giving ""


def _position(ref: re.Match[bytes]) -> tuple[int, int]:
    column = 0
    for code in ref.group(1):
        column = column * 26 + code - 64
    return int(ref.group(2)), column
