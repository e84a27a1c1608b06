"""Streaming reader for the cell values of one .xlsx worksheet.

Why not openpyxl alone: in read-only mode openpyxl spends about 20 µs of Python per cell,
25 s for 100,000 rows × 13 columns on our 2-core machine, which by itself breaks the 20 s
import target. openpyxl still opens the workbook and reads the parts that are small
(sheet list, shared strings, which styles are dates); only the per-cell loop over the
worksheet XML is replaced by regular expressions run over one <row> at a time.

Values match openpyxl's `data_only=True` reading (a formula gives the value its program
last saved), with one addition: a formula with no saved value (openpyxl-made files) comes
back as its text, e.g. "=1+1", because nothing here evaluates formulas. Whatever the
expressions do not recognise raises `Unsupported`, and the caller reads the sheet with
openpyxl instead.
"""

from __future__ import annotations

import gc
import os
import pickle
import re
import subprocess
import sys
import threading
import xml.parsers.expat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, BinaryIO

from . import files

CHUNK_BYTES = 4 * 1024 * 1024
# Bytes are looked for as ints: `b"&" in data` first tries to read b"&" as an int and
# formats the TypeError it gets, which cost more than the search itself.
_AMPERSAND, _LESS_THAN = ord("&"), ord("<")

_ATTR = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_COORD_BYTES = re.compile(rb"([A-Z]+)(\d+)")
_USUAL_ATTRS = re.compile(rb'(?:\s+r="([A-Z]+)(\d+)")?(?:\s+s="(\d+)")?(?:\s+t="(\w+)")?\s*')
_SHEET_DATA = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?sheetData[\s>/]")


@dataclass(frozen=True)
class _Patterns:
    """The expressions for one namespace prefix ("" usually, "x:" in .NET-made files).

    Element bodies are matched as runs of non-'<' bytes, each taken whole (atomically, so a
    truncated file cannot make the engine backtrack through every way of splitting a run),
    instead of a lazy `.*?`, which tried the closing tag at every byte.
    """

    prefix: bytes
    row_tag: re.Pattern[bytes]
    cell: re.Pattern[bytes]
    v: re.Pattern[bytes]
    f: re.Pattern[bytes]
    t: re.Pattern[bytes]
    phonetic: re.Pattern[bytes]
    si: re.Pattern[bytes]
    row_start: re.Pattern[bytes]
    usual_cell: re.Pattern[bytes]

    @classmethod
    def build(cls, prefix: bytes) -> _Patterns:
        p = re.escape(prefix)

        def container(tag: bytes) -> re.Pattern[bytes]:
            close = b"</" + p + tag + b">"
            other = rb"<(?!/" + p + tag + rb">)"  # any markup but the closing tag
            if sys.version_info >= (3, 11):
                body = rb"((?:[^<]++|" + other + rb")*+)"
            else:  # no possessive quantifiers: a lookahead and a backreference make each run atomic
                body = rb"((?:(?=(?P<run>[^<]+))(?P=run)|" + other + rb")*)"
            return re.compile(b"<" + p + tag + rb"\b([^>]*?)(?:/>|>" + body + close + b")")

        def text(tag: bytes) -> re.Pattern[bytes]:
            return re.compile(b"<" + p + tag + rb"\b[^>]*?(?:/>|>([^<]*)</" + p + tag + b">)")

        # A cell as writers usually put it, whole: r="B3" s="2" t="..." in this order, then nothing,
        # one <v> or one plain <is><t>; findall gives (letters, digits, style, type, v, t, other)
        # for each. Any other cell (a formula, rich text, other attributes) matches only the last
        # branch, which fills `other`, and its row is read by the general path instead.
        # Possessive where the language has them (nothing here is worth backtracking into):
        # a third fewer instructions than plain quantifiers, which match the same.
        o = b"+" if sys.version_info >= (3, 11) else b""
        usual_cell = re.compile(
            b"<" + p + rb'c(?: r="([A-Z]{1,3}' + o + rb")(\d+" + o + b')")?' + o + rb'(?: s="(\d+' + o + b')")?' + o
            + rb'(?: t="(\w+' + o + b')")?' + o + b"(?:/>|>(?:"
            + b"<" + p + rb"v>([^<]*" + o + b")</" + p + b"v>"
            + b"|<" + p + b"is><" + p + rb't(?: xml:space="preserve")?' + o + rb">([^<]*" + o + b")</" + p + b"t></"
            + p + b"is>)?" + o + b"</" + p + b"c>)|(<" + p + rb"c\b)")
        return cls(prefix, re.compile(b"<" + p + rb"row\b([^>]*?)(/?)>"), container(b"c"), text(b"v"),
                   text(b"f"), text(b"t"),
                   re.compile(b"<" + p + rb"rPh\b.*?</" + p + b"rPh>", re.DOTALL), container(b"si"),
                   re.compile(b"<" + p + rb"row\b"), usual_cell)


@cache
def _letters() -> list[bytes]:
    """Column names by index (A, B, ... ZZZ): what the next cell of a row is called."""
    one = [bytes([code]) for code in range(65, 91)]
    return one + [a + b for a in one for b in one] + [a + b + c for a in one for b in one for c in one]


class Unsupported(Exception):
    """The worksheet XML has a shape this reader does not handle; use openpyxl."""


@dataclass(frozen=True)
class CellError:
    """An Excel error value such as #DIV/0! or #REF! (shown to the user, never imported)."""

    code: str

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True)
class UnsavedFormula:
    """A shared formula whose text and value are both absent from the file."""

    def __str__(self) -> str:
        return "="


def column_index(letters: bytes, _cache: dict[bytes, int] = {}) -> int:  # noqa: B006 - deliberate cache
    """b'A' → 1, b'AB' → 28."""
    found = _cache.get(letters)
    if found is None:
        found = 0
        for code in letters:
            found = found * 26 + code - 64
        _cache[letters] = found
    return found


def _attrs(raw: bytes) -> dict[bytes, bytes]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _ATTR.finditer(raw)}


def _number(raw: str) -> int | float:
    try:
        return int(raw)
    except ValueError:
        value = float(raw)
        return int(value) if value.is_integer() and abs(value) < 2**53 and "e" not in raw.lower() else value


class SheetValues:
    """Reads rows of values from a worksheet part of an open xlsx archive."""

    def __init__(self, archive: zipfile.ZipFile, part: str, shared_strings: list[Any],
                 date_styles: set[int], epoch: Any, chunk_bytes: int = CHUNK_BYTES) -> None:
        self.chunk_bytes = chunk_bytes
        self.archive = archive
        self.part = part
        self.shared_strings = shared_strings
        self.date_styles = date_styles
        self.epoch = epoch
        self._date_style_cache: dict[bytes, bool] = {}
        # Short escaped texts decoded already: a sheet repeats its genders, units, levels and
        # regions, three quarters of its escaped texts, which are then not decoded again.
        self._known: dict[bytes, str] = {}

    def rows(self, *, parallel: bool = False, start: int = 0) -> Iterator[tuple[int, list[Any]]]:
        """(sheet row number, values from column A) for every row present in the file.

        With `parallel`, the last blocks of a large part are read by a helper process
        (`_Helper`) while this one reads the first. `start` skips the first blocks (what the
        helper does); its rows must then carry their numbers, else `_Unnumbered`.
        """
        last_row: int | None = 0 if start == 0 else None
        helper = _Helper.start(self) if parallel and start == 0 else None
        try:
            with self.archive.open(self.part) as source:
                for index, (p, block) in enumerate(_blocks(source, _SHEET_DATA, b"row", self.chunk_bytes)):
                    if index < start:
                        continue
                    if helper is not None and index == helper.split:
                        tail = helper.result()
                        if tail is not None:
                            yield from tail
                            return
                        helper.close()
                        helper = None  # it could not: read the rest here
                    rows, last_row = self._block_rows(p, block, last_row)
                    yield from rows
        finally:
            if helper is not None:
                helper.close()

    def _block_rows(self, p: _Patterns, block: bytes, last_row: int | None
                    ) -> tuple[list[tuple[int, list[Any]]], int | None]:
        """The rows of one block, and the number of its last row."""
        self._p = p
        self._escaped: list[bytes] = []  # texts with XML escapes, decoded together below
        self._pending: list[tuple[list[Any], int, str]] = []  # where each of them goes
        rows = []
        usual_cells = p.usual_cell.findall
        row_tag = p.row_tag.search
        row_end = b"</" + p.prefix + b"row>"
        row_open = b"<" + p.prefix + b"row"
        at = 0
        # A row is its start tag and everything up to the next </row> (rows do not nest):
        # found with bytes.find, not a pattern stepping over every tag of the row.
        while (m := row_tag(block, at)) is not None:
            number = _row_number(m.group(1), last_row)
            last_row = number
            start = at = m.end()
            if m.group(2):  # <row .../>
                rows.append((number, []))
                continue
            end = block.find(row_end, start)
            if end < 0:
                break
            at = end + len(row_end)
            values = self._usual_cells(usual_cells(block, start, end), number)
            rows.append((number, values if values is not None else self._cells(block[start:end], number)))
        # A row that never closes: damaged. Every row read starts with <row, so when "<row"
        # occurs no more often than that (the usual case, and a quick count), neither does
        # the pattern.
        if block.count(row_open) != len(rows) and len(p.row_start.findall(block)) != len(rows):
            raise Unsupported("incomplete row")
        if self._escaped:
            known = self._known
            for (values, index, prefix), raw, text in zip(self._pending, self._escaped, unescape_all(self._escaped)):
                values[index] = prefix + text if prefix or text else None
                if len(raw) <= _KNOWN_BYTES and len(known) < _KNOWN_TEXTS:
                    known[raw] = text
        return rows, last_row

    def _text(self, raw: bytes, values: list[Any], prefix: str = "") -> str | None:
        """Decoded text; text with XML escapes is filled in later, decoded with the block's others in C."""
        if _AMPERSAND not in raw:
            return prefix + raw.decode("utf-8")
        self._escaped.append(raw)
        self._pending.append((values, len(values), prefix))
        return None

    def _usual_cells(self, cells: list[tuple[bytes, ...]], row_number: int) -> list[Any] | None:
        """The values of a row whose cells all have the usual shape (`_Patterns.usual_cell`), read
        as `_cells` reads them, with less work per cell; None (and nothing left pending) when a
        cell needs `_cells`."""
        values: list[Any] = []
        append = values.append
        escaped, pending, known = self._escaped, self._pending, self._known
        before = len(escaped)
        row_digits = str(row_number).encode()
        letters_at = _letters()
        try:
            for letters, digits, style, kind, v, t, other in cells:
                if other:
                    break
                if letters:
                    if digits != row_digits:
                        break
                    if letters != letters_at[len(values)]:  # a gap (or disorder: `_cells` says so)
                        column = column_index(letters)
                        if column <= len(values):
                            break
                        values.extend([None] * (column - 1 - len(values)))
                if kind == b"inlineStr":
                    if not t:
                        append(None)
                    elif _AMPERSAND in t:
                        if len(t) <= _KNOWN_BYTES and (text := known.get(t)) is not None:
                            append(text)
                        else:
                            escaped.append(t)
                            pending.append((values, len(values), ""))
                            append(None)
                    else:
                        append(t.decode("utf-8"))
                elif not v:  # no saved value, and no formula (the cell would not be usual)
                    append(None)
                elif kind == b"s":
                    append(self.shared_strings[int(v)])
                elif kind == b"n" or not kind:
                    try:
                        number: int | float = int(v)
                    except ValueError:
                        number = _number(v.decode("ascii"))
                    append(self._date(number) if style and self._is_date_style(style) else number)
                else:  # str, b, e, d and anything unknown: `_cells`
                    break
            else:
                return values
        except IndexError:  # past the last column there is
            pass
        del escaped[before:], pending[before:]
        return None

    def _is_date_style(self, style: bytes) -> bool:
        found = self._date_style_cache.get(style)
        if found is None:
            found = self._date_style_cache[style] = int(style) in self.date_styles
        return found

    def _date(self, number: float) -> Any:
        from openpyxl.utils.datetime import from_excel  # see _value's docstring

        try:
            return from_excel(number, self.epoch)
        except (OverflowError, ValueError):
            return CellError("#VALUE!")

    def _cells(self, body: bytes, row_number: int) -> list[Any]:
        values: list[Any] = []
        row_digits = str(row_number).encode()
        for m in self._p.cell.finditer(body):
            usual = _USUAL_ATTRS.fullmatch(m.group(1))
            if usual is not None:  # r="B3" s="2" t="s", the order every common writer uses
                letters, digits, style, kind = usual.groups()
            else:
                attrs = _attrs(m.group(1))
                ref, style, kind = attrs.get(b"r"), attrs.get(b"s"), attrs.get(b"t")
                coord = _COORD_BYTES.fullmatch(ref) if ref is not None else None
                if ref is not None and coord is None:
                    raise Unsupported(f"cell reference {ref!r}")
                letters, digits = coord.groups() if coord else (None, None)
            if letters is not None:
                if digits != row_digits:
                    raise Unsupported(f"cell {letters!r}{digits!r} in row {row_number}")
                column = column_index(letters)
            else:
                column = len(values) + 1
            if column <= len(values):
                raise Unsupported("cells out of order")
            if column - 1 > len(values):
                values.extend([None] * (column - 1 - len(values)))
            values.append(self._value(kind or b"n", style, m.group(2) or b"", values))
        return values

    def _value(self, kind: bytes, style: bytes | None, body: bytes, values: list[Any]) -> Any:
        """The value of a cell about to be appended to `values` (text may be filled in later).

        openpyxl's date helpers are imported where a date cell needs them: importing
        openpyxl loads the whole package (~0.2 s), and this module is on the app's start-up
        path (import dialog → import plan → spreadsheet)."""
        p = self._p
        if kind == b"inlineStr":
            if b"rPh" in body:
                body = p.phonetic.sub(b"", body)
            text = b"".join(p.t.findall(body))
            return self._text(text, values) if text else None
        v = p.v.search(body)
        raw = v.group(1) if v else None
        if not raw:  # no saved value: an empty cell, or a formula nobody has calculated
            f = p.f.search(body)
            if f is None:
                return None
            return self._text(f.group(1), values, "=") if f.group(1) else UnsavedFormula()
        if kind == b"s":
            return self.shared_strings[int(raw)]
        if kind == b"n":
            number = _number(raw.decode("ascii"))
            if style is not None and int(style) in self.date_styles:
                return self._date(number)
            return number
        if kind == b"str":
            return self._text(raw, values)
        if kind == b"b":
            return raw.strip() == b"1"
        if kind == b"e":
            return CellError(raw.decode("utf-8", "replace"))
        if kind == b"d":
            from openpyxl.utils.datetime import from_ISO8601

            return from_ISO8601(raw.decode("ascii", "replace"))
        raise Unsupported(f"cell type {kind!r}")


def _element_started(_name: str, _attributes: dict) -> None:
    """Nothing to do: setting a handler makes expat hand over the text buffered so far."""


_KNOWN_BYTES = 160  # escaped texts this long or shorter are remembered (20 characters as references)
_KNOWN_TEXTS = 200_000
_SEPARATOR = "\ufdd0"  # a noncharacter, valid in XML: where one text ends and the next begins
_SEPARATOR_BYTES = _SEPARATOR.encode("utf-8")


def unescape_all(raws: list[bytes]) -> list[str]:
    """Decode the XML escapes (&#24180; &amp; ...) of many texts in one expat parse.

    openpyxl writes every Chinese character as a character reference; decoding them one
    by one in Python (html.unescape) costs about 3 µs each, 250 per row. Expat decodes
    them in C, and joining the texts makes it one parse per block. The texts are joined
    by U+FDD0, a noncharacter, and the decoded whole split at it: a handful of callbacks
    per block instead of two per text. A text that holds U+FDD0 itself (written out or as
    a reference) makes the count come out wrong, and then each text is parsed as its own
    element instead.
    """
    if not raws:
        return []
    joined = _SEPARATOR_BYTES.join(raws)
    if _LESS_THAN not in joined:  # markup in a text would vanish unseen; the other way refuses it
        out: list[str] = []
        parser = xml.parsers.expat.ParserCreate("utf-8")
        parser.buffer_text = True
        parser.buffer_size = 1 << 20
        parser.CharacterDataHandler = out.append
        try:
            parser.Parse(b"<x>" + joined + b"</x>", True)
        except xml.parsers.expat.ExpatError as exc:
            raise Unsupported(f"text that is not well-formed XML: {exc}") from exc
        texts = "".join(out).split(_SEPARATOR)
        if len(texts) == len(raws):
            return texts
    return _unescape_each(raws)


def _unescape_each(raws: list[bytes]) -> list[str]:
    """`unescape_all` with each text an element of its own. Every text here holds an escape,
    so none is empty, and with buffering each arrives in one callback (the buffer is flushed
    when an element starts, hence the do-nothing start handler)."""
    out: list[str] = []
    parser = xml.parsers.expat.ParserCreate("utf-8")
    parser.buffer_text = True
    parser.buffer_size = 1 << 20  # a cell holds at most 32,767 characters, under 100 KB
    parser.CharacterDataHandler = out.append
    parser.StartElementHandler = _element_started
    try:
        parser.Parse(b"<x>" + b"<s/>".join(raws) + b"</x>", True)
    except xml.parsers.expat.ExpatError as exc:
        raise Unsupported(f"text that is not well-formed XML: {exc}") from exc
    if len(out) != len(raws):
        raise Unsupported("escaped text with markup in it")
    return out


def _blocks(source: BinaryIO, opening: re.Pattern[bytes], tag: bytes,
            chunk_bytes: int) -> Iterator[tuple[_Patterns, bytes]]:
    """Pieces of a large XML part, each ending after a complete <tag> element, with the
    patterns for the part's namespace prefix (found from the `opening` element)."""
    buffer = b""
    patterns: _Patterns | None = None
    while True:
        chunk = source.read(chunk_bytes)
        buffer += chunk
        if patterns is None:
            found = opening.search(buffer)
            if found is None and chunk:
                continue
            patterns = _Patterns.build(found.group(1) + b":" if found and found.group(1) else b"")
        closing = b"</" + patterns.prefix + tag + b">"
        if chunk:  # cut after the last complete element; the rest waits for the next chunk
            end = buffer.rfind(closing)
            cut = end + len(closing) if end >= 0 else 0
        else:
            cut = len(buffer)
        if cut > 0:
            block, buffer = buffer[:cut], buffer[cut:]
            if b"<![CDATA[" in block:
                raise Unsupported("CDATA")
            yield patterns, block
        if not chunk:
            return


_SST = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?sst[\s>/]")


def read_shared_strings(archive: zipfile.ZipFile, part: str) -> list[str]:
    """The workbook's shared strings: the text of each <si>, rich-text runs joined, phonetic
    guides (<rPh>) left out, as openpyxl reads them.

    Why not openpyxl's reader: it builds a rich-text object per string through its
    descriptor machinery; LibreOffice writes CJK text as runs with font properties, and
    reading the 32,000 strings of a 10,000-row LibreOffice sheet took openpyxl 45 s.
    """
    strings: list[str] = []
    with archive.open(part) as source:
        for p, block in _blocks(source, _SST, b"si", CHUNK_BYTES):
            escaped: list[bytes] = []
            where: list[int] = []
            for m in p.si.finditer(block):
                body = m.group(2) or b""
                if b"rPh" in body:
                    body = p.phonetic.sub(b"", body)
                raw = b"".join(p.t.findall(body))
                if _AMPERSAND in raw:
                    where.append(len(strings))
                    escaped.append(raw)
                    strings.append("")
                else:
                    strings.append(raw.decode("utf-8"))
            if escaped:
                for index, text in zip(where, unescape_all(escaped)):
                    strings[index] = text
    return strings


_FIRST_R = re.compile(rb'\s+r="(\d+)"')


def _row_number(raw_attrs: bytes, last: int | None) -> int:
    first = _FIRST_R.match(raw_attrs)  # r="12" comes first as every common writer puts it
    ref = first.group(1) if first else _attrs(raw_attrs).get(b"r")
    if ref:
        return int(ref)
    if last is None:
        raise _Unnumbered
    return last + 1


class _Unnumbered(Exception):
    """A row without r="…" where the number of the row before it is not known."""


# A sheet part this large (uncompressed) is read by two processes: 100,000 rows written by
# openpyxl are 140 MB. The first blocks are read here, the rest by the helper, which also
# starts a process, decompresses what it skips and sends its rows back.
PARALLEL_BYTES = 32 * 1024 * 1024
HERE_SHARE = 0.6


class _Helper:
    """A process reading the last blocks of a large sheet part while this one reads the first.

    It only ever saves time: when it cannot start, fails in any way, finds the part changed
    or cannot number its first rows, `result` is None and the blocks are read here, which
    also says what is wrong with them, exactly as without it.

    A plain child interpreter that imports this module and nothing else (`_helper_main`),
    talking pickles over its stdin and stdout; not multiprocessing, whose spawned children
    run the parent's main script again (a script without an `if __name__ == "__main__"`
    guard would import its sheet twice), and never a fork, unsafe in a process running Qt.
    """

    def __init__(self, process: subprocess.Popen[bytes], split: int) -> None:
        self.process = process
        self.split = split  # the index of the helper's first block

    @classmethod
    def start(cls, values: SheetValues) -> _Helper | None:
        path = values.archive.filename
        if not path or (os.cpu_count() or 1) < 2 or getattr(sys, "frozen", False) or not sys.executable:
            return None  # a frozen app's executable is the app, not an interpreter
        try:
            info = values.archive.getinfo(values.part)
        except KeyError:
            return None
        blocks = info.file_size // values.chunk_bytes + 1
        if info.file_size < PARALLEL_BYTES or blocks < 2:
            return None
        split = min(blocks - 1, max(1, round(blocks * HERE_SHARE)))
        try:
            request = pickle.dumps((os.path.abspath(path), values.part, info.CRC, values.shared_strings,
                                    values.date_styles, values.epoch, values.chunk_bytes, split), protocol=5)
            process = subprocess.Popen([sys.executable, "-c", _HELPER_CODE, _PACKAGE_ROOT], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                       creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))  # no console on Windows
        except (OSError, ValueError, pickle.PicklingError):
            return None
        # Fed from a thread: a request larger than the pipe holds would wait for the child to start.
        threading.Thread(target=_feed, args=(process, request), daemon=True).start()
        return cls(process, split)

    def result(self) -> list[tuple[int, list[Any]]] | None:
        try:
            answer = self.process.stdout.read() if self.process.stdout else b""
            if self.process.wait() != 0 or not answer:
                return None
            return pickle.loads(answer)
        except Exception:  # noqa: BLE001 - any failure of the helper: the blocks are read here instead
            return None

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()


def _feed(process: subprocess.Popen[bytes], request: bytes) -> None:
    try:
        assert process.stdin is not None
        with process.stdin:
            process.stdin.write(request)
    except OSError:
        pass  # the helper is gone; its result says so


_PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_HELPER_CODE = "import sys; sys.path.insert(0, sys.argv[1]); from honours.core.xlsx_reader import _helper_main; _helper_main()"


def _helper_main() -> None:
    """The helper process: a request pickled on stdin, `_read_tail`'s rows pickled on stdout."""
    request = pickle.load(sys.stdin.buffer)
    rows = _read_tail(*request)
    sys.stdout.buffer.write(pickle.dumps(rows, protocol=5))
    sys.stdout.buffer.flush()


def _read_tail(path: str, part: str, crc: int, shared_strings: list[Any], date_styles: set[int], epoch: Any,
               chunk_bytes: int, start: int) -> list[tuple[int, list[Any]]] | None:
    """In the helper process: the rows of a sheet part from block `start` on; None when the
    part is not the one the caller read (the file changed) or its first rows are unnumbered."""
    collecting = gc.isenabled()
    gc.disable()  # millions of objects that all live until they are sent
    try:
        with files.open_zip(path) as archive:
            if archive.getinfo(part).CRC != crc:
                return None
            values = SheetValues(archive, part, shared_strings, date_styles, epoch, chunk_bytes)
            return list(values.rows(start=start))
    except _Unnumbered:
        return None
    finally:
        if collecting:
            gc.enable()


class Workbook:
    """The parts of an .xlsx that reading values needs, without touching the worksheets.

    openpyxl's load_workbook(read_only=True) builds a worksheet object per sheet, and each
    scans its XML for a <dimension> element, which openpyxl-written files put after the data:
    4.6 s of a 10,000-row import. This opens the package with openpyxl's own reader steps
    (content types, shared strings, workbook, styles for the date formats) and leaves the
    sheets to `rows`.
    """

    def __init__(self, source: BinaryIO) -> None:
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet

        self._reader = ExcelReader(source, read_only=True, data_only=True, keep_links=False)
        try:
            self._reader.read_manifest()
            self.shared_strings = self._strings()
            self._reader.read_workbook()
            apply_stylesheet(self._reader.archive, self._reader.wb)
            self.sheets: dict[str, tuple[str, str]] = {}  # name -> (state, part)
            for sheet, rel in self._reader.parser.find_sheets():
                if rel.target in self._reader.valid_files and "chartsheet" not in rel.Type:
                    self.sheets[sheet.name] = (sheet.state or "visible", rel.target)
        except BaseException:
            self._reader.archive.close()
            raise

    def _strings(self) -> list[str]:
        from openpyxl.xml.constants import SHARED_STRINGS

        found = self._reader.package.find(SHARED_STRINGS)
        if found is None:
            return []
        part = found.PartName[1:]
        try:
            return read_shared_strings(self._reader.archive, part)
        except Unsupported:
            from openpyxl.reader.strings import read_string_table

            with self._reader.archive.open(part) as src:
                return list(read_string_table(src))

    @property
    def names(self) -> list[str]:
        return list(self.sheets)

    def visible(self) -> list[str]:
        return [name for name, (state, _) in self.sheets.items() if state == "visible"] or self.names

    def rows(self, name: str, chunk_bytes: int = CHUNK_BYTES, *, parallel: bool = False
             ) -> Iterator[tuple[int, list[Any]]]:
        """(sheet row number, values) of one sheet: the fast reader (with a helper process for a
        large sheet when `parallel`), else openpyxl's own loop."""
        wb = self._reader.wb
        part = self.sheets[name][1]
        fast = SheetValues(self._reader.archive, part, self.shared_strings, wb._date_formats, wb.epoch,
                           chunk_bytes)
        last = 0
        try:
            for row in fast.rows(parallel=parallel):
                last = row[0]
                yield row
            return
        except Unsupported:
            pass
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet

        wb._archive = self._reader.archive
        sheet = ReadOnlyWorksheet(wb, name, part, self.shared_strings)
        for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            if number > last:
                yield number, list(values)

    def close(self) -> None:
        self._reader.archive.close()
