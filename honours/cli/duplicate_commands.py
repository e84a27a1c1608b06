"""`honours duplicates` and `honours merge`: finding and merging records of one person (档案合并)."""

from __future__ import annotations

import argparse

from ..core.duplicates import find_duplicates
from ..core.errors import user_language
from ..core.i18n import Text
from .base import command
from .commands import _id
from .i18n import _
from .output import open_registry, print_json, say


def _who(ref: int, name: str, unit: str, position: str) -> str:
    place = " ".join(p for p in (unit, position) if p)
    who = f"#{ref} {name}"
    return Text("{who} ({place})", who=who, place=place).render(user_language()) if place else who


@command(
    "duplicates",
    "list pairs of honourees that are probably one person (same name and a similar unit, "
    "birth date or ID number), to merge with `honours merge`",
)
def _duplicates(parser: argparse.ArgumentParser):
    parser.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))

    def run(args: argparse.Namespace) -> int:
        registry = open_registry(args)
        pairs = find_duplicates(registry)
        lang = user_language()
        if args.json:
            print_json(
                [
                    {
                        "ids": [p.first.ref, p.second.ref],
                        "name": p.first.name,
                        "units": [p.first.unit, p.second.unit],
                        "reasons": [r.en for r in p.reasons],
                        "reasons_zh": [r.zh for r in p.reasons],
                    }
                    for p in pairs
                ]
            )
            return 0
        for pair in pairs:
            a, b = pair.first, pair.second
            print(f"{_who(a.ref, a.name, a.unit, a.position)}  ⇄  {_who(b.ref, b.name, b.unit, b.position)}")
            print(f"    {pair.reason(lang)}")
        if pairs:
            say(
                Text(
                    "{pairs_count} possible duplicate pair(s). Merge one with: honours merge KEEP_ID OTHER_ID",
                    pairs_count=len(pairs),
                ),
                err=True,
            )
        else:
            say(Text("No possible duplicates found."), err=True)
        return 0

    return run


@command(
    "merge",
    "merge honouree OTHER_ID into KEEP_ID: its honours, deeds, donations and photos move to KEEP_ID, "
    "empty fields are filled, differing fields keep KEEP_ID's value (listed); OTHER_ID goes to the "
    "trash (`honours trash --restore OTHER_ID` brings it back, without the photos it gave KEEP_ID)",
)
def _merge(parser: argparse.ArgumentParser):
    parser.add_argument("keep", type=_id, metavar=_("KEEP_ID"), help=_("the record to keep"))
    parser.add_argument(
        "other", type=_id, metavar=_("OTHER_ID"), help=_("the record merged into it (moved to the trash)")
    )

    def run(args: argparse.Namespace) -> int:
        registry = open_registry(args)
        outcome = registry.merge(args.keep, args.other)
        kept = registry.honouree(args.keep)
        say(
            Text(
                "Merged #{other} into #{keep} {name}: {count} honour(s), {count2} deed(s), {count3} donation(s), {count4} photo(s) now; #{other} is in the trash (honours trash --restore {other}).",
                other=args.other,
                keep=args.keep,
                name=kept.name,
                count=len(kept.honours),
                count2=len(kept.deeds),
                count3=len(kept.donations),
                count4=len(kept.photos),
            ),
        )
        lang = user_language()
        for conflict in outcome.conflicts:
            print("  " + conflict.describe(lang, f"#{args.keep}", f"#{args.other}"))
        return 0

    return run
