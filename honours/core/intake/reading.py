"""Reading a report file: .txt in whatever encoding Chinese offices save, or .docx.

Why detect instead of asking: reports arrive as UTF-8 from WeChat, UTF-8 with a BOM from
Notepad, and GBK/GB18030 from older Windows tools; staff cannot be expected to know which.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .. import files
from ..errors import HonoursError, os_reason_text
from ..i18n import Text

TEXT_SUFFIXES = {".txt", ".text", ".md", ".csv", ".htm", ".html", ""}
DOCX_SUFFIXES = {".docx", ".docm"}
MAX_FILE_BYTES = 20 * 1024 * 1024


class ReportError(HonoursError):
    """A report file that cannot be read; nothing was changed."""


def read_report(path: str | Path) -> str:
    """The text of a report file (.txt in UTF-8/UTF-8-BOM/UTF-16/GB18030, or .docx)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".doc", ".wps", ".pdf", ".rtf"):
        raise ReportError(
            Text(
                "{name}: {suffix} files cannot be read. Save the report as .docx or .txt and open that.",
                name=path.name,
                suffix=suffix,
            ),
        )
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReportError(Text("{path} does not exist.", path=path)) from None
    except OSError as exc:
        raise ReportError(
            Text("Cannot open {path}: {reason}.", path=path, reason=os_reason_text(exc))
        ) from exc
    if path.is_dir():
        raise ReportError(Text("{path} is a folder, not a report file.", path=path))
    if size > MAX_FILE_BYTES:
        raise ReportError(
            Text(
                "{name} is too large to be a news report ({value} MB).",
                name=path.name,
                value=size // 1024 // 1024,
            ),
        )
    if suffix in DOCX_SUFFIXES or _is_zip(path):
        return read_docx(path)
    try:
        data = files.read_bytes(path)
    except OSError as exc:
        raise ReportError(
            Text("Cannot read {path}: {reason}.", path=path, reason=os_reason_text(exc))
        ) from exc
    return decode_text(data, path.name)


def _is_zip(path: Path) -> bool:
    try:
        return files.head(path, 4) == b"PK\x03\x04"
    except OSError:
        return False


def decode_text(data: bytes, name: str = "") -> str:
    """Decode report bytes: BOMs first, then strict UTF-8, then GB18030 (a superset of GBK and GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096] and not _looks_utf16(data):
        raise ReportError(
            Text("{name} is not a text file.", name=name) if name else Text("The file is not a text file.")
        )
    if _looks_utf16(data):
        return data.decode("utf-16-le", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("gb18030", errors="replace")


def _looks_utf16(data: bytes) -> bool:
    sample = data[:2000]
    return (
        len(sample) >= 4
        and sample[1::2].count(0) > len(sample) // 4
        and sample[0::2].count(0) < len(sample) // 8
    )


def read_docx(path: Path) -> str:
    """Paragraphs and table cells of a Word document, in document order, one per line."""
    import docx
    from docx.opc.exceptions import OpcError

    try:
        with files.open_for_reading(path) as source:
            document = docx.Document(source)
    except (zipfile.BadZipFile, KeyError, ValueError, OpcError) as exc:
        raise ReportError(
            Text("{name} is not a Word (.docx) document or is damaged.", name=path.name),
        ) from exc
    except OSError as exc:
        raise ReportError(
            Text("Cannot read {path}: {reason}.", path=path, reason=os_reason_text(exc))
        ) from exc
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(node.text or "" for node in child.iter() if node.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row.iterchildren():
                        if cell.tag.endswith("}tc"):
                            cells.append("".join(n.text or "" for n in cell.iter() if n.tag.endswith("}t")))
                    lines.append("  ".join(c.strip() for c in cells if c.strip()))
    return "\n".join(lines)
