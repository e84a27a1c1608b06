"""`honours stats`: the statistics (统计) as text, JSON, an .xlsx workbook or an A4 PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import user_language
from ..core.i18n import Text, ptext
from ..core.statistics import DIMENSIONS, Report, report, yuan
from .base import UsageError, command
from .i18n import _, width
from .output import open_registry, print_json, say


def _pad(text: str, columns: int, right: bool = False) -> str:
    gap = " " * max(0, columns - width(text))
    return gap + text if right else text + gap


def _text_table(rows: list[list]) -> str:
    texts = [[f"{v:.1f}" if isinstance(v, float) else str(v) for v in row] for row in rows]
    widths = [max(width(row[i]) for row in texts) for i in range(len(texts[0]))]
    return "\n".join(
        "  ".join(_pad(cell, widths[i], right=i > 0) for i, cell in enumerate(row)) for row in texts
    )


def _print_text(stats: Report, language: str) -> None:
    from ..core.statistics_sheet import amount_rows, cross_rows

    people = ptext("statistics subject", "People")
    collectives = ptext("statistics subject", "Collectives")
    print(Text("{subject} ({count})", subject=people, count=stats.people.total.count).render(language))
    print(_text_table(cross_rows(stats.people, language)))
    print()
    print(
        Text("{subject} ({count})", subject=collectives, count=stats.collectives.total.count).render(language)
    )
    if stats.collectives.total.count:
        print(_text_table(cross_rows(stats.collectives, language)))
    for table in stats.shares.values():
        print()
        print(_text_table(cross_rows(table, language)))
    for amounts in [*stats.amounts.values(), *stats.care.values()]:
        print()
        rows = amount_rows(amounts, language)
        print(
            _text_table(
                [
                    [yuan(int(v * 100)) if i == 2 and r else v for i, v in enumerate(row)]
                    for r, row in enumerate(rows)
                ]
            )
        )


@command(
    "stats",
    "statistics of the roll: counts by level, region, year … as a cross table, donation and care totals",
)
def _stats(parser: argparse.ArgumentParser):
    choices = "|".join(DIMENSIONS)
    parser.add_argument(
        "--by",
        default="level",
        choices=list(DIMENSIONS),
        metavar=choices,
        help=_("count by this (default level)"),
    )
    parser.add_argument(
        "--by2", choices=list(DIMENSIONS), metavar=choices, help=_("and across by this (a cross table)")
    )
    parser.add_argument(
        "--query", default="", metavar=_("Q"), help=_("count only the honourees this search finds")
    )
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    out.add_argument("--xlsx", type=Path, metavar=_("FILE"), help=_("write the tables to an .xlsx workbook"))
    out.add_argument(
        "--pdf", type=Path, metavar=_("OUT.pdf"), help=_("print the tables and a chart to an A4 PDF")
    )
    parser.add_argument(
        "--organisation",
        metavar=_("NAME"),
        help=_("organisation printed in the header (default: the app's setting, 衡阳市总工会)"),
    )

    def run(args: argparse.Namespace) -> int:
        if args.by2 == args.by:
            raise UsageError(Text("--by2 must differ from --by"))
        language = user_language()
        registry = open_registry(args)
        stats = report(registry, args.by, args.by2, args.query)
        if args.json:
            print_json(stats.to_json(language))
        elif args.xlsx:
            from ..core.statistics_sheet import write_report_xlsx

            write_report_xlsx(stats, args.xlsx, language)
            say(Text("Wrote the statistics to {path}.", path=args.xlsx), err=True)
        elif args.pdf:
            from ..printing.statistics import StatisticsOptions, render_statistics
            from .print_commands import default_organisation, start_qt

            start_qt()
            options = StatisticsOptions(
                organisation=args.organisation or default_organisation(), language=language
            )
            result = render_statistics(stats, args.pdf, options)
            say(
                Text("Wrote the statistics on {pages} page(s) to {path}.", pages=result.pages, path=args.pdf),
                err=True,
            )
        else:
            _print_text(stats, language)
        return 0

    return run
