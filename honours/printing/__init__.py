"""Printing: certificate summaries (荣誉证书摘要), the printed roll (名册), the results table as shown
and the 慰问金发放签领表 (sign_sheet.py).

Drawn with QPainter onto a QPdfWriter (PDF export, the CLI) or a QPrinter (printer,
preview), with text measured by QTextLayout on the output device, so nothing is clipped.
Reads records only through the registry; no SQL and no widgets here, so the GUI and the
CLI share every line of it.

    render_certificates(registry, ids, "out.pdf", CertificateOptions(page_size="Letter"))
    render_roll(registry, registry.all_ids(), printer, RollOptions(group_by="unit"))
    render_table([TableColumn("姓名"), TableColumn("单位", 2)], [["宋英杰", "衡阳市中心医院"]], "table.pdf")

All need a QGuiApplication (with the bundled fonts: honours.gui.fonts) and accept
`progress(done, total)` and `is_cancelled()` callbacks.
"""

from .batch import check_ids, render_certificates
from .certificate import DEED_SIZES, DEFAULT_ORGANISATION, CertificateOptions
from .document import PAGE_SIZES, PrintError, RenderResult
from .roll import RollOptions, render_roll
from .sign_sheet import SignSheetOptions, render_sign_sheet
from .table import TableColumn, TableOptions, render_table

__all__ = [
    "DEED_SIZES",
    "DEFAULT_ORGANISATION",
    "PAGE_SIZES",
    "CertificateOptions",
    "PrintError",
    "RenderResult",
    "RollOptions",
    "SignSheetOptions",
    "TableColumn",
    "TableOptions",
    "check_ids",
    "render_certificates",
    "render_roll",
    "render_sign_sheet",
    "render_table",
]
