"""`honours intake REPORT`: propose the honourees a news report names, without saving anything.

A thin adapter over ``honours.core.intake``. With ``--json`` the proposals are records in the
core's JSON shape (``honours add`` accepts them as they are), each with its ``source`` sentence
and the evidence under ``intake``; otherwise a readable summary for checking by eye.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.amounts import format_quantity, format_yuan
from ..core.errors import user_language
from ..core.i18n import Declared, Joined, Message, Text, Verbatim, quoted
from ..core.intake import Proposal, analyse_file, match_existing
from ..core.registry import Registry
from ..core.vocabulary import LEVELS, STATUSES
from .base import UsageError, command, localised
from .i18n import _
from .output import print_json, say


@command("intake", "propose the honourees named in a news report (.txt or .docx); nothing is saved")
def _intake(parser: argparse.ArgumentParser):
    parser.add_argument(
        "report", metavar=_("report"), type=Path, help=_("the report: .txt (UTF-8, GBK/GB18030) or .docx")
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help=_("print the proposals as JSON records (pipe to `honours add` to save them)"),
    )
    parser.add_argument(
        "--min-confidence",
        type=_fraction,
        default=0.0,
        metavar=_("X"),
        help=_("leave out proposals less certain than X (0 to 1; default 0: show all)"),
    )

    def run(args: argparse.Namespace) -> int:
        if not 0.0 <= args.min_confidence <= 1.0:
            raise UsageError(Text("--min-confidence must be between 0 and 1"))
        result = analyse_file(args.report)
        proposals = [p for p in result.proposals if p.confidence >= args.min_confidence]
        _match_registry(args, proposals)
        lang = user_language()
        if args.json:
            print_json([p.to_dict(lang) for p in proposals])
        else:
            for number, proposal in enumerate(proposals, 1):
                print(describe_proposal(number, proposal, lang))
        say(
            Text(
                "{proposals_count} proposal(s) from {name}; nothing was saved.",
                proposals_count=len(proposals),
                name=args.report.name,
            ),
            err=True,
        )
        return 0

    return run


def _fraction(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            localised(Text("not a number: {value}", value=quoted(text)))
        ) from None


def _match_registry(args: argparse.Namespace, proposals: list[Proposal]) -> None:
    """Mark proposals that match records in an existing registry (never creates one)."""
    path = Path(args.db)
    if not path.exists() or not proposals:
        return
    registry = Registry.open(path, readonly=True)
    try:
        match_existing(registry, proposals)
    finally:
        registry.close()


def describe_proposal(number: int, proposal: Proposal, lang: str) -> str:
    """A few readable lines per proposal, in the user's language."""
    h = proposal.honouree
    head = f"{number:>3}. {h.name}"
    bits = [x for x in (h.unit, h.position) if x]
    if bits:
        head += "  " + " ".join(bits)
    if h.status != "active":
        head += f"  [{Declared(h.status, STATUSES.label(h.status)).render(lang)}]"
    if proposal.kind == "collective":
        head += Text("  [collective]").render(lang)
    lines = [head]
    for honour in h.honours:
        extra: list[Message | str] = [Declared(honour.level, LEVELS.label(honour.level))]
        if honour.year:
            extra.append(str(honour.year))
        if honour.posthumous:
            extra.append(Text("posthumous"))
        said = Text("{title} ({details})", title=honour.title, details=Joined(extra, "commas"))
        lines.append(Text("     honour: {honour}", honour=said).render(lang))
    for d in h.donations:
        parts = []
        if d.amount_fen is not None:
            parts.append(format_yuan(d.amount_fen))
        if d.item:
            parts.append(d.item + (format_quantity(d.quantity, d.quantity_unit) if d.quantity else ""))
        gift = " ".join(parts) + (Text(" ({note})", note=d.note).render(lang) if d.note else "")
        lines.append(Text("     donation: {gift}", gift=gift.strip()).render(lang))
    for deed in h.deeds:
        lines.append(Text("     deed: {deed}", deed=deed.text).render(lang))
    lines.append(Text("     source: {sentence}", sentence=h.source.sentence).render(lang))
    why = Joined([Verbatim(r.text(lang)) for r in proposal.reasons], "items")
    lines.append(Text("     why: {why}", why=why).render(lang))
    certainty = f"{proposal.confidence:.2f}"
    existing = Joined([f"#{i}" for i in proposal.existing_ids], "list")
    if proposal.existing_ids:
        line = Text(
            "     confidence {certainty}; already in the registry as {existing}",
            certainty=certainty,
            existing=existing,
        )
    else:
        line = Text("     confidence {certainty}", certainty=certainty)
    lines.append(line.render(lang))
    return "\n".join(lines)
