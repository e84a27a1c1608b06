"""Care of model workers on the command line: `honours care add` (one care event for everyone a
search finds, in one transaction), `honours due` (who is due a visit, check-up, recuperation or
aid, or has a stale file) and `honours care-sheet` (the 慰问金发放签领表 as a PDF)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..core.amounts import AmountError, parse_amount_fen
from ..core.care import DUE_KINDS, DuePeriods, sign_sheet
from ..core.dates import parse_date, parse_year
from ..core.i18n import Declared, Message, Text, quoted
from ..core.records import Care
from ..core.vocabulary import CARE_KINDS
from .base import UsageError, command, localised
from .i18n import _
from .output import open_registry, print_json, say, search


def _amount(text: str) -> int:
    try:
        return parse_amount_fen(text)
    except AmountError as exc:
        raise argparse.ArgumentTypeError(localised(exc.text)) from None


def _kind(text: str) -> str:
    key = CARE_KINDS.lookup(text)
    if key is None:
        choices = Declared(CARE_KINDS.choices("en"), CARE_KINDS.choices("zh"))
        raise argparse.ArgumentTypeError(
            localised(
                Text("unknown care kind {value} (choose {choices})", value=quoted(text), choices=choices)
            )
        )
    return key


def _day(text: str) -> str:
    found = parse_date(text)
    if found is None:
        raise argparse.ArgumentTypeError(
            localised(Text("not a date such as 2027-01-20: {value}", value=quoted(text)))
        )
    return found.text


def _year(text: str) -> int:
    year = parse_year(text)
    if year is None:
        raise argparse.ArgumentTypeError(localised(Text("not a year: {value}", value=quoted(text))))
    return year


def _whole(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            localised(Text("not a whole number of at least 1: {value}", value=quoted(text)))
        )
    return int(text)


def _ids_of(registry, args: argparse.Namespace) -> list[int]:
    """Everyone the search finds (--query), in its order; a query is required so nobody is
    given care by accident."""
    if not args.query.strip():
        raise UsageError(Text("--query is required: say whom (a search, e.g. --query 劳动模范)"))
    return search(registry, args.query).all_ids()


@command("care", "record care (visits, check-ups, recuperation, aid, allowances) for everyone a search finds")
def _care(parser: argparse.ArgumentParser):
    sub = parser.add_subparsers(dest="care_command", metavar=_("ACTION"), parser_class=type(parser))
    sub.required = True
    add = sub.add_parser(
        "add", help=_("record one care event for everyone a search finds, in one transaction")
    )
    add.add_argument("--query", "-q", default="", metavar=_("Q"), help=_("the search that finds the people"))
    add.add_argument(
        "--kind",
        type=_kind,
        default="visit",
        help=_("visit, checkup, recuperation, aid or allowance (or 慰问, 体检 …)"),
    )
    add.add_argument(
        "--occasion", default="", metavar=_("TEXT"), help=_("what for: 春节, 中秋, 生日, 住院 …")
    )
    add.add_argument(
        "--amount", type=_amount, metavar=_("YUAN"), help=_("money each person receives, e.g. 500 or 5千")
    )
    add.add_argument("--item", default="", metavar=_("TEXT"), help=_("goods each person receives"))
    add.add_argument("--quantity", type=_whole, metavar=_("N"), help=_("how many of the goods"))
    add.add_argument("--unit", default="", metavar=_("TEXT"), help=_("unit of the goods, e.g. 袋"))
    add.add_argument("--date", type=_day, metavar=_("YYYY-MM-DD"), help=_("the day (default today)"))
    add.add_argument("--by", default="", metavar=_("TEXT"), help=_("who gave it (经办)"))
    add.add_argument("--note", default="", metavar=_("TEXT"), help=_("a note on every record"))
    add.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))

    def run(args: argparse.Namespace) -> int:
        registry = open_registry(args)
        ids = _ids_of(registry, args)
        care = Care(  # in the order of the record's fields (fields.CARE)
            args.date or date.today().isoformat(),
            args.kind,
            args.occasion.strip(),
            args.amount,
            args.item.strip(),
            args.quantity,
            args.unit.strip(),
            args.by.strip(),
            args.note.strip(),
        )
        added = registry.add_care(ids, care)
        if args.json:
            print_json({"count": len(added), "ids": list(added), "care": _care_json(care)})
        else:
            print(len(added))
        kind = Declared(CARE_KINDS.label(care.kind, "en").lower(), CARE_KINDS.label(care.kind))
        say(
            Text(
                "Recorded {kind} {occasion} for {count} honouree(s).",
                kind=kind,
                occasion=care.occasion,
                count=len(added),
            ),
            err=True,
        )
        return 0

    return run


def _care_json(care: Care) -> dict:
    from ..core.records import Honouree

    return Honouree(name="-", care=[care]).to_dict()["care"][0]


def _periods(args: argparse.Namespace) -> DuePeriods:
    """The app's settings for the periods, a flag given here winning."""
    saved = _saved_periods()
    given = {
        "checkup_serving_years": args.checkup_every,
        "checkup_retired_years": args.retired_checkup_every,
        "recuperation_years": args.recuperation_every,
        "aid_months": args.aid_months,
        "stale_months": args.stale_months,
    }
    return DuePeriods(
        **{key: value if value is not None else getattr(saved, key) for key, value in given.items()}
    )


def _saved_periods() -> DuePeriods:
    try:
        from ..gui.settings import open_settings
    except ImportError:  # no Qt: the usual periods
        return DuePeriods()
    return open_settings().due_periods()


def _due_kind(kind: str) -> Message:
    """A due list's kind as a person reads it: a care kind's declared words (慰问, 体检 …)."""
    if kind in CARE_KINDS:
        return Declared(CARE_KINDS.label(kind, "en"), CARE_KINDS.label(kind, "zh"))
    return Text("files not updated")


@command("due", "who is due care: visit, checkup, recuperation, aid, or a stale file")
def _due(parser: argparse.ArgumentParser):
    parser.add_argument(
        "kind", choices=DUE_KINDS, metavar=_("KIND"), help=_("visit, checkup, recuperation, aid or stale")
    )
    parser.add_argument(
        "--year", type=_year, metavar=_("YEAR"), help=_("the year asked about (default this year)")
    )
    parser.add_argument(
        "--everyone", action="store_true", help=_("visit: every living person, not only model workers")
    )
    parser.add_argument(
        "--checkup-every",
        type=_whole,
        metavar=_("N"),
        help=_("years between check-ups while serving (default 1)"),
    )
    parser.add_argument(
        "--retired-checkup-every",
        type=_whole,
        metavar=_("N"),
        help=_("years between check-ups once retired (default 2)"),
    )
    parser.add_argument(
        "--recuperation-every", type=_whole, metavar=_("N"), help=_("years between recuperations (default 2)")
    )
    parser.add_argument(
        "--aid-months", type=_whole, metavar=_("N"), help=_("months without aid (default 12)")
    )
    parser.add_argument(
        "--stale-months", type=_whole, metavar=_("N"), help=_("months without a change (default 12)")
    )
    parser.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))

    def run(args: argparse.Namespace) -> int:
        registry = open_registry(args)
        answer = registry.due(args.kind, args.year, _periods(args), everyone=args.everyone)
        for notice in answer.notices:
            say(notice, err=True)
        if args.json:
            print_json(answer.to_dict())
            return 0
        for e in answer.entries:
            print(f"{e.id:>6}  {e.name}  {e.unit}  {e.last or '—'}".rstrip())
        say(
            Text(
                "{count} due ({kind}, {year}, as of {day}).",
                count=len(answer.entries),
                kind=_due_kind(args.kind),
                year=answer.year,
                day=answer.as_of,
            ),
            err=True,
        )
        return 0

    return run


@command("care-sheet", "write the 慰问金发放签领表 (sign sheet) of everyone a search finds to a PDF")
def _care_sheet(parser: argparse.ArgumentParser):
    parser.add_argument(
        "--query", "-q", default="", metavar=_("Q"), help=_("the search that finds the people")
    )
    parser.add_argument(
        "--occasion", default="", metavar=_("TEXT"), help=_("what for: 春节, 中秋, 生日, 住院 …")
    )
    parser.add_argument(
        "--amount",
        type=_amount,
        required=True,
        metavar=_("YUAN"),
        help=_("money each person receives, e.g. 500 or 5千"),
    )
    parser.add_argument("--date", type=_day, metavar=_("YYYY-MM-DD"), help=_("the day (default today)"))
    parser.add_argument(
        "--title", default="", metavar=_("TEXT"), help=_("title (default 2027年春节慰问金发放签领表)")
    )
    parser.add_argument("--handled-by", default="", metavar=_("NAME"), help=_("经办人 printed on the sheet"))
    parser.add_argument("--checked-by", default="", metavar=_("NAME"), help=_("审核人 printed on the sheet"))
    parser.add_argument(
        "--organisation",
        metavar=_("NAME"),
        help=_("organisation printed in the header (default: the app's setting, 衡阳市总工会)"),
    )
    parser.add_argument(
        "--pdf", type=Path, required=True, metavar=_("OUT.pdf"), help=_("the PDF file to write")
    )
    parser.add_argument(
        "--record",
        action="store_true",
        help=_("also record the visit (慰问) for each person, in one transaction"),
    )
    parser.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))

    def run(args: argparse.Namespace) -> int:
        from ..printing import SignSheetOptions, render_sign_sheet
        from .print_commands import default_organisation, start_qt

        registry = open_registry(args)
        ids = _ids_of(registry, args)
        day = args.date or date.today().isoformat()
        organisation = args.organisation or default_organisation()
        sheet = sign_sheet(
            registry.honourees(ids),
            args.amount,
            occasion=args.occasion.strip(),
            day=day,
            title=args.title.strip(),
            organisation=organisation,
        )
        start_qt()
        result = render_sign_sheet(
            sheet,
            args.pdf,
            SignSheetOptions(
                organisation=organisation, handled_by=args.handled_by, checked_by=args.checked_by
            ),
        )
        if args.record:
            registry.add_care(
                ids, Care(day, "visit", args.occasion.strip(), args.amount, by=args.handled_by.strip())
            )
        if args.json:
            print_json({**sheet.to_dict(), "pages": result.pages, "pdf": str(args.pdf)})
        written = Text(
            "Wrote a sign sheet of {count} people, {total} in all ({capitals}), on {pages} page(s) to {path}.",
            count=len(sheet.rows),
            total=sheet.total_text,
            capitals=sheet.total_capitals,
            pages=result.pages,
            path=args.pdf,
        )
        say(written, err=True)
        return 0

    return run
