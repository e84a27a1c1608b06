"""Shared pieces of the CLI: opening the registry, reading JSON input, printing records."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..core import files, session
from ..core.diffs import care_text
from ..core.entry import honouree_from_json
from ..core.errors import (
    DatabaseLockedError,
    HonoursError,
    InvalidRecordError,
    QueryError,
    json_problem,
    os_reason,
    user_language,
)
from ..core.fields import DETAIL_FIELDS
from ..core.names import Note
from ..core.records import Honouree
from ..core.registry import Registry
from ..core.storage import Results
from ..core.vocabulary import LEVELS


def say(en: str, zh: str, *, err: bool = False) -> None:
    print(zh if user_language() == "zh" else en, file=sys.stderr if err else sys.stdout)


def open_registry(args: argparse.Namespace, *, seed_if_new: bool = True, readonly: bool = False) -> Registry:
    """Open --db; a file that does not exist yet is created with the default roll."""
    registry = session.open_registry(
        args.db, readonly=readonly, fall_back_to_reading=True, seed_if_new=seed_if_new
    )  # a server URL is refused there, before anything is made of it as a file
    path = Path(args.db)
    if registry.opened_readonly and not readonly:  # reading still works; a write says why not
        readonly = True
        say(
            f"Note: {path} is read-only; opened for reading only.",
            f"注意：{path} 为只读，已以只读方式打开。",
            err=True,
        )
    if share := files.network_share(path):
        say(
            f"Warning: {path} is on a network share ({share}). SQLite cannot lock files reliably over the "
            "network: saving from two PCs at once can damage it or lose saves. Keep it on a local disk; "
            "a shared registry server for several offices is coming.",
            f"警告：{path} 位于网络共享（{share}）上。SQLite 无法在网络上可靠地锁定文件，两台电脑同时保存可能损坏"
            "文件或丢失数据。请把荣誉库放在本机磁盘上；供多个单位共用的共享荣誉库服务器即将推出。",
            err=True,
        )
    if not readonly:
        _daily_backup(registry)
        write_queued_search_rows(registry)
    elif waiting := registry.queued_for_index():
        say(
            f"Note: {waiting} newly imported honouree(s) are not in the search index yet; a search finds them"
            " once the file has been opened for writing.",
            f"注意：新导入的 {waiting} 人尚未建立搜索索引，以可写方式打开此文件后才能搜索到他们。",
            err=True,
        )
    return registry


def search(registry: Registry, query: str) -> Results:
    """The registry's result for `query`, its notices said on stderr; QueryError (exit 1, nothing
    searched) when a value in it cannot be read, such as year:abc or level:宇宙级."""
    result = registry.search(query)
    errors = result.parsed.errors
    if errors:
        raise QueryError(
            " ".join(en for en, _ in errors) + " Nothing was searched.",
            "".join(zh for _, zh in errors) + "未进行搜索。",
        )
    for en, zh in result.notices:
        say(en, zh, err=True)
    return result


def write_queued_search_rows(registry: Registry) -> None:
    """Write the search rows a very large import queued (its own steps, after the import
    committed), telling the user what is happening; Ctrl-C keeps what is done."""
    waiting = registry.queued_for_index()
    if not waiting:
        return
    say(
        f"Building the search index of {waiting} newly imported honouree(s)…",
        f"正在为新导入的 {waiting} 人建立搜索索引……",
        err=True,
    )
    live = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if live:
            print(f"\r{done * 100 // max(total, 1)}%", end="", file=sys.stderr, flush=True)

    try:
        registry.index_queued(progress)
    except DatabaseLockedError:  # the desktop app is writing them (or saving): leave it to that
        left = registry.queued_for_index()
        say(
            f"\nNote: the registry is busy with another write; {left} honouree(s) stay queued and are indexed"
            " by whichever program opens it next (a search does not find them until then).",
            f"\n注意：登记册正被另一程序写入；{left} 人仍在队列中，将由下次打开它的程序继续建立索引"
            "（在此之前搜索不到他们）。",
            err=True,
        )
        return
    except KeyboardInterrupt:
        left = registry.queued_for_index()
        say(
            f"\nInterrupted: the other {left} stay queued and are indexed the next time the registry is opened.",
            f"\n已中断：其余 {left} 人仍在队列中，下次打开登记册时继续建立索引。",
            err=True,
        )
        raise
    if live:
        print(file=sys.stderr)
    say("Search index complete.", "搜索索引已建好。", err=True)


def _daily_backup(registry: Registry) -> None:
    """The daily automatic backup, taken on open; failing to write it warns but never stops work."""
    from ..core.sqlite.backup import ensure_daily_backup

    try:
        ensure_daily_backup(registry)
    except HonoursError as exc:
        print(exc.message(), file=sys.stderr)


def read_json(source: str | None) -> Any:
    """JSON from a file path, or from stdin when the path is None or '-'."""
    label = source if source not in (None, "-") else "standard input"
    try:
        if source in (None, "-"):
            raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        else:
            raw = files.read_bytes(source)
        text = raw.decode("utf-8-sig")
    except OSError as exc:
        reason, reason_zh = os_reason(exc)
        raise HonoursError(f"Cannot read {source}: {reason}.", f"无法读取 {source}：{reason_zh}。") from exc
    except UnicodeDecodeError as exc:
        raise HonoursError(f"{label} is not UTF-8 text.", f"{label} 不是 UTF-8 编码的文本。") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidRecordError(*json_problem(exc)) from exc


def records_from_json(data: Any) -> list[tuple[Honouree, list[Note]]]:
    """Records from `add`'s JSON, tidied as every way in tidies them, with what was done to each."""
    items = data if isinstance(data, list) else [data]
    out = []
    for n, item in enumerate(items, 1):
        try:
            out.append(honouree_from_json(item))
        except (ValueError, TypeError) as exc:  # RecordValueError and AmountError carry their Chinese
            where = f"record {n}: " if len(items) > 1 else ""
            where_zh = f"第 {n} 条记录：" if len(items) > 1 else ""
            raise InvalidRecordError(f"{where}{exc}", f"{where_zh}{getattr(exc, 'zh', exc)}") from exc
    return out


def say_notes(who: str, notes: list[Note]) -> None:
    """What tidying did to a record entered (贺 彪 → 贺彪 …), one line on stderr."""
    if notes:
        say(
            f"{who}: " + "; ".join(n.en for n in notes), f"{who}：" + "；".join(n.zh for n in notes), err=True
        )


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def record_json(h: Honouree) -> dict[str, Any]:
    data = h.to_dict()
    data["highest_level"] = h.highest_level
    total = h.donation_total_fen
    data["donation_total_yuan"] = total // 100 if total % 100 == 0 else total / 100
    return data


def describe(h: Honouree) -> str:
    """A readable multi-line description (the `show` command)."""
    from ..core.amounts import format_quantity, format_yuan

    zh = user_language() == "zh"
    colon = "：" if zh else ": "
    lines = [f"#{h.id}  {h.name}"]
    for spec in DETAIL_FIELDS:
        value = getattr(h, spec.key)
        if spec.vocabulary is not None and zh:
            value = spec.vocabulary.label(value)
        if value:
            lines.append(f"  {spec.zh if zh else spec.name}{colon}{value}")
    if h.honours:
        lines.append("  荣誉：" if zh else "  honours:")
        for honour in h.honours:
            bits = [LEVELS.label(honour.level) if zh else honour.level]
            if honour.year:
                bits.append(str(honour.year))
            if honour.awarded_by:
                bits.append(honour.awarded_by)
            if honour.posthumous:
                bits.append("追授" if zh else "posthumous")
            lines.append(
                f"    - {honour.title}（{'，'.join(bits)}）"
                if zh
                else f"    - {honour.title} ({', '.join(bits)})"
            )
    if h.deeds:
        lines.append("  事迹：" if zh else "  deeds:")
        lines.extend(f"    - {(d.date + ' ') if d.date else ''}{d.text}" for d in h.deeds)
    if h.donations:
        lines.append("  捐赠：" if zh else "  donations:")
        for d in h.donations:
            parts = []
            if d.amount_fen is not None:
                parts.append(format_yuan(d.amount_fen))
            if d.item:
                parts.append(d.item + (format_quantity(d.quantity, d.quantity_unit) if d.quantity else ""))
            if d.recipient:
                parts.append(("受赠：" if zh else "→ ") + d.recipient)
            if d.note:
                parts.append(d.note)
            lines.append("    - " + " ".join(parts))
        if h.donation_total_fen:
            lines.append(("    合计：" if zh else "    total: ") + format_yuan(h.donation_total_fen))
    if h.care:
        lines.append("  关怀记录：" if zh else "  care:")
        lines.extend(f"    - {care_text(c, 'zh' if zh else 'en')}" for c in h.care)
    if h.photos:
        lines.append("  照片：" if zh else "  photos:")
        for p in h.photos:
            mark = "*" if p.primary else " "
            lines.append(f"   {mark}#{p.id} {p.width}×{p.height} {p.caption}")
    if h.source.sentence:
        lines.append(("  出处：" if zh else "  source: ") + f"{h.source.report} {h.source.sentence}")
    return "\n".join(lines)


def when(stamp: str) -> str:
    """'2025-03-01 14:05' from a stored ISO time (as the app shows it); unreadable text as stored."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return stamp


def line(h_id: int, name: str, unit: str, honours: str) -> str:
    return f"{h_id:>6}  {name}  {unit}  {honours}".rstrip()
