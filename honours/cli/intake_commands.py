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
            raise UsageError("--min-confidence must be between 0 and 1", "--min-confidence 须在 0 到 1 之间")
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
            f"{len(proposals)} proposal(s) from {args.report.name}; nothing was saved.",
            f"从 {args.report.name} 识别出 {len(proposals)} 条建议；未保存任何内容。",
            err=True,
        )
        return 0

    return run


def _fraction(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(localised(f"not a number: {text!r}", f"“{text}”不是数字")) from None


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
    zh = lang == "zh"
    colon = "：" if zh else ": "
    h = proposal.honouree
    head = f"{number:>3}. {h.name}"
    bits = [x for x in (h.unit, h.position) if x]
    if bits:
        head += "  " + " ".join(bits)
    if h.status != "active":
        head += f"  [{STATUSES.label(h.status) if zh else h.status}]"
    if proposal.kind == "collective":
        head += "  [集体]" if zh else "  [collective]"
    lines = [head]
    for honour in h.honours:
        level = LEVELS.label(honour.level) if zh else honour.level
        extra = [level]
        if honour.year:
            extra.append(str(honour.year))
        if honour.posthumous:
            extra.append("追授" if zh else "posthumous")
        said = f"{honour.title}（{'，'.join(extra)}）" if zh else f"{honour.title} ({', '.join(extra)})"
        lines.append(f"     {'荣誉' if zh else 'honour'}{colon}{said}")
    for d in h.donations:
        parts = []
        if d.amount_fen is not None:
            parts.append(format_yuan(d.amount_fen))
        if d.item:
            parts.append(d.item + (format_quantity(d.quantity, d.quantity_unit) if d.quantity else ""))
        gift = " ".join(parts) + ((f"（{d.note}）" if zh else f" ({d.note})") if d.note else "")
        lines.append(f"     {'捐赠' if zh else 'donation'}{colon}{gift.strip()}")
    for deed in h.deeds:
        lines.append(f"     {'事迹' if zh else 'deed'}{colon}{deed.text}")
    lines.append(f"     {'出处' if zh else 'source'}{colon}{h.source.sentence}")
    why = ("；" if zh else "; ").join(r.text(lang) for r in proposal.reasons)
    lines.append(f"     {'依据' if zh else 'why'}{colon}{why}")
    certainty = f"{proposal.confidence:.2f}"
    existing = ("、" if zh else ", ").join(f"#{i}" for i in proposal.existing_ids)
    if zh:
        lines.append(f"     可信度 {certainty}" + (f"；库中已有 {existing}" if existing else ""))
    else:
        lines.append(
            f"     confidence {certainty}" + (f"; already in the registry as {existing}" if existing else "")
        )
    return "\n".join(lines)
