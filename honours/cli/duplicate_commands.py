"""`honours duplicates` and `honours merge`: finding and merging records of one person (档案合并)."""

from __future__ import annotations

import argparse

from ..core.duplicates import find_duplicates
from ..core.errors import user_language
from .base import command
from .commands import _id
from .i18n import _
from .output import open_registry, print_json, say


def _who(ref: int, name: str, unit: str, position: str) -> str:
    place = " ".join(p for p in (unit, position) if p)
    return f"#{ref} {name}" + (
        f"（{place}）" if place and user_language() == "zh" else f" ({place})" if place else ""
    )


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
                        "reasons": [en for en, _ in p.reasons],
                        "reasons_zh": [zh for _, zh in p.reasons],
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
                f"{len(pairs)} possible duplicate pair(s). Merge one with: honours merge KEEP_ID OTHER_ID",
                f"共 {len(pairs)} 对疑似重复。合并命令：honours merge 保留的编号 另一编号",
                err=True,
            )
        else:
            say("No possible duplicates found.", "未发现疑似重复的记录。", err=True)
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
            f"Merged #{args.other} into #{args.keep} {kept.name}: {len(kept.honours)} honour(s), {len(kept.deeds)} "
            f"deed(s), {len(kept.donations)} donation(s), {len(kept.photos)} photo(s) now; #{args.other} is in the "
            f"trash (honours trash --restore {args.other}).",
            f"已将 #{args.other} 合并到 #{args.keep} {kept.name}：现有荣誉 {len(kept.honours)} 项、事迹 "
            f"{len(kept.deeds)} 条、捐赠 {len(kept.donations)} 项、照片 {len(kept.photos)} 张；#{args.other} 已移入回收站"
            f"（honours trash --restore {args.other} 可恢复）。",
        )
        lang = user_language()
        for conflict in outcome.conflicts:
            print("  " + conflict.describe(lang, f"#{args.keep}", f"#{args.other}"))
        return 0

    return run
