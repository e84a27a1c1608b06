"""`honours certificate` and `honours roll`: certificate summaries and the printed roll as PDF.

Thin adapters over honours.printing. They need Qt for drawing but no display: without
DISPLAY or WAYLAND_DISPLAY (a server, ssh, a cron job) Qt's offscreen platform is used.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from ..core.i18n import Joined, Text, quoted, user_language
from .base import UsageError, command, localised
from .commands import _id, add_reveal_flag
from .i18n import _
from .output import open_registry, say, search

PAGE_SIZE_NAMES = ("A4", "Letter")
_app = None  # the QGuiApplication must outlive every render


def _page_size(text: str) -> str:
    for name in PAGE_SIZE_NAMES:
        if text.lower() == name.lower():
            return name
    raise argparse.ArgumentTypeError(
        localised(Text("unknown page size {value} (choose A4 or Letter)", value=quoted(text)))
    )


def _issue_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            localised(Text("not a date (YYYY-MM-DD): {value}", value=quoted(text)))
        ) from None


def start_qt() -> None:
    """A Qt application with the bundled fonts, offscreen when there is no display.

    A QApplication rather than a QGuiApplication: Qt allows one application object per
    process, and widgets (the desktop app, or tests run in the same process) need the
    widget kind.
    """
    global _app
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and not has_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ..gui.fonts import install_fonts

    _app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "honours"])
    install_fonts()


def default_organisation() -> str:
    """The organisation saved in the app's settings (Settings ▸ certificates), else the default."""
    from ..gui.settings import open_settings

    return open_settings().organisation_name


def _common_options(
    parser: argparse.ArgumentParser,
    *,
    pdf_flags: tuple[str, ...] = ("--pdf",),
    page_help: str | None = None,
    language_help: str | None = None,
) -> None:
    """--pdf, --page-size, --organisation and --language, as every printing command takes them."""
    parser.add_argument(
        *pdf_flags,
        dest="pdf",
        type=Path,
        required=True,
        metavar=_("OUT.pdf"),
        help=_("the PDF file to write"),
    )
    parser.add_argument(
        "--page-size",
        type=_page_size,
        default="A4",
        metavar=_("A4|Letter"),
        help=page_help or _("paper size (default A4)"),
    )
    parser.add_argument(
        "--organisation",
        metavar=_("NAME"),
        help=_("organisation printed in the header (default: the app's setting, 衡阳市总工会)"),
    )
    parser.add_argument(
        "--language",
        choices=("zh", "en"),
        default="zh",
        help=language_help or _("labels in Chinese (default) or English"),
    )


def _progress(what: Text):
    """Progress on stderr when it is a terminal (a long batch should not look hung)."""
    if not sys.stderr.isatty():
        return None
    label = what.render(user_language())

    def report(done: int, total: int) -> None:
        print(f"\r{label} {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    return report


@command("certificate", "write certificate summaries (荣誉证书摘要), one page per honouree, to a PDF")
def _certificate(parser: argparse.ArgumentParser):
    parser.add_argument(
        "ids", type=_id, nargs="+", metavar=_("ID"), help=_("honouree IDs, printed in this order")
    )
    _common_options(parser)
    add_reveal_flag(parser)
    parser.add_argument(
        "--date",
        type=_issue_date,
        metavar=_("YYYY-MM-DD"),
        help=_("date of issue (default today); also fixes the serial numbers"),
    )

    def run(args: argparse.Namespace) -> int:
        from ..printing import CertificateOptions, check_ids, render_certificates

        registry = open_registry(args)
        check_ids(registry, args.ids)  # an unknown ID stops before Qt starts or a file is made
        start_qt()
        options = CertificateOptions(
            organisation=args.organisation or default_organisation(),
            page_size=args.page_size,
            issue_date=args.date,
            language=args.language,
            reveal_id=args.reveal_id,
        )
        result = render_certificates(
            registry, args.ids, args.pdf, options, progress=_progress(Text("certificates"))
        )
        say(
            Text(
                "Wrote {pages} page(s) for {records} honouree(s) to {pdf}.",
                pages=result.pages,
                records=result.records,
                pdf=args.pdf,
            ),
            err=True,
        )
        return 0

    return run


@command("roll", "write the roll (名册) of the whole registry or of a search, grouped, to a PDF")
def _roll(parser: argparse.ArgumentParser):
    parser.add_argument("--query", default="", metavar=_("Q"), help=_("only the honourees this search finds"))
    parser.add_argument(
        "--group-by",
        choices=("level", "unit"),
        default="level",
        help=_("group by highest honour level (default) or by work unit"),
    )
    parser.add_argument(
        "--title", default="", metavar=_("TEXT"), help=_("title printed on the roll (default 荣誉人物名册)")
    )
    _common_options(parser)

    def run(args: argparse.Namespace) -> int:
        from ..printing import RollOptions, render_roll

        registry = open_registry(args)
        ids = search(registry, args.query).all_ids() if args.query.strip() else registry.all_ids()
        start_qt()
        options = RollOptions(
            organisation=args.organisation or default_organisation(),
            title=args.title,
            page_size=args.page_size,
            group_by=args.group_by,
            query=args.query,
            language=args.language,
        )
        result = render_roll(registry, ids, args.pdf, options, progress=_progress(Text("roll")))
        say(
            Text(
                "Wrote a roll of {ids_count} honouree(s) on {pages} page(s) to {pdf}.",
                ids_count=len(ids),
                pages=result.pages,
                pdf=args.pdf,
            ),
            err=True,
        )
        return 0

    return run


def _table_columns() -> list[str]:
    """The results table's column keys that print (the photo does not)."""
    from ..gui.roll_model import COLUMNS

    return [column.key for column in COLUMNS if column.key != "photo"]


def _default_table_columns() -> str:
    """The columns the app's table shows on a first start (the photo does not print)."""
    from ..gui.roll_model import COLUMNS

    return ",".join(column.key for column in COLUMNS if column.shown and column.key != "photo")


def _column_list(text: str) -> list[str]:
    keys = [k.strip() for k in text.split(",") if k.strip()]
    known = _table_columns()
    unknown = [k for k in keys if k not in known]
    none_given = Text("(none given)")
    if unknown or not keys:
        raise argparse.ArgumentTypeError(
            localised(
                Text(
                    "unknown column(s) {columns}; choose from {known}",
                    columns=Joined(unknown, "list") if unknown else none_given,
                    known=",".join(known),
                )
            )
        )
    return keys


@command(
    "print-table",
    "write the results table of a search (the app's columns, in the order given) to a landscape PDF",
)
def _print_table(parser: argparse.ArgumentParser):
    parser.add_argument(
        "query",
        nargs="*",
        metavar=_("query"),
        help=_("search terms, as typed in the search box (default: everyone)"),
    )
    parser.add_argument(
        "--columns",
        type=_column_list,
        metavar=_("KEY,KEY,…"),
        default=_default_table_columns(),
        help=_(
            "the table's columns in order (default: those the app shows at first, "
            "%(default)s; a column it does not know is refused with the list of them)"
        ),
    )
    parser.add_argument(
        "--sort", metavar=_("KEY"), help=_("sort by this column (default: the search's own order)")
    )
    parser.add_argument("--descending", action="store_true", help=_("sort the --sort column descending"))
    parser.add_argument(
        "--title",
        default="",
        metavar=_("TEXT"),
        help=_("title printed on the table (default 荣誉人物一览表)"),
    )
    _common_options(
        parser,
        pdf_flags=("-o", "--pdf"),
        page_help=_("paper size, printed landscape (default A4)"),
        language_help=_("column titles and labels in Chinese (default) or English"),
    )

    def run(args: argparse.Namespace) -> int:
        from ..gui.roll_model import COLUMN_INDEX, COLUMNS

        order = next((c.order for c in COLUMNS if c.key == args.sort), None) if args.sort else None
        if args.sort and order is None:
            orderable = ",".join(c.key for c in COLUMNS if c.order)
            raise UsageError(
                Text(
                    "--sort: no column {column} to sort by; choose from {orderable}",
                    column=quoted(args.sort),
                    orderable=orderable,
                ),
            )
        registry = open_registry(args)
        start_qt()
        from PySide6.QtCore import Qt

        from ..gui.i18n import install_translations
        from ..gui.roll_model import RollModel
        from ..gui.store import Store
        from ..gui.table_print import model_rows
        from ..gui.thumbnails import Thumbnails
        from ..printing import TableColumn, TableOptions, render_table

        install_translations(args.language)  # the column titles are the app's own
        store = Store(registry)
        model = RollModel(store, Thumbnails(store))
        query = " ".join(args.query)
        model.search(query, order, args.descending and order is not None)
        for notice in model.result().notices:
            say(notice, err=True)

        def title(key: str) -> str:
            return str(model.headerData(COLUMN_INDEX[key], Qt.Orientation.Horizontal) or key)

        rows = model_rows(model, [COLUMN_INDEX[key] for key in args.columns])
        options = TableOptions(
            organisation=args.organisation or default_organisation(),
            title=args.title,
            query=query,
            sorted_by=title(args.sort) if order else "",
            descending=args.descending and order is not None,
            page_size=args.page_size,
            language=args.language,
        )
        columns = [TableColumn(title(key), COLUMNS[COLUMN_INDEX[key]].width) for key in args.columns]
        result = render_table(columns, rows, args.pdf, options, progress=_progress(Text("table")))
        say(
            Text(
                "Wrote a table of {rows_count} honouree(s) on {pages} page(s) to {pdf}.",
                rows_count=len(rows),
                pages=result.pages,
                pdf=args.pdf,
            ),
            err=True,
        )
        return 0

    return run
