"""Shared pieces of the CLI: opening the registry, reading JSON input, printing records."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..core import files, session
from ..core.archive import masked_json, shown
from ..core.diffs import care_text
from ..core.entry import honouree_from_json
from ..core.errors import (
    DatabaseLockedError,
    HonoursError,
    InvalidRecordError,
    QueryError,
    error_text,
    json_problem_text,
    os_reason_text,
)
from ..core.fields import DETAIL_FIELDS
from ..core.i18n import Declared, Joined, Message, Text, as_message, user_language
from ..core.names import Note
from ..core.records import Honouree
from ..core.registry import Registry
from ..core.storage import Results
from ..core.vocabulary import LEVELS


def say(text: Message | str, zh: str | None = None, *, err: bool = False) -> None:
    """Print `text` (a Text; an (en, zh) pair from code not converted yet) in user_language()."""
    print(as_message(text, zh).render(user_language()), file=sys.stderr if err else sys.stdout)


def open_registry(args: argparse.Namespace, *, seed_if_new: bool = True, readonly: bool = False) -> Registry:
    """Open --db; a file that does not exist yet is created with the default roll."""
    registry = session.open_registry(
        args.db, readonly=readonly, fall_back_to_reading=True, seed_if_new=seed_if_new
    )  # a server URL is refused there, before anything is made of it as a file
    path = Path(args.db)
    if registry.opened_readonly and not readonly:  # reading still works; a write says why not
        readonly = True
        say(Text("Note: {path} is read-only; opened for reading only.", path=path), err=True)
    if share := files.network_share(path):
        say(
            Text(
                "Warning: {path} is on a network share ({share}). SQLite cannot lock files reliably over the "
                "network: saving from two PCs at once can damage it or lose saves. Keep it on a local disk; "
                "a shared registry server for several offices is coming.",
                path=path,
                share=share,
            ),
            err=True,
        )
    if not readonly:
        _daily_backup(registry)
        write_queued_search_rows(registry)
    elif waiting := registry.queued_for_index():
        say(
            Text(
                "Note: {waiting} newly imported honouree(s) are not in the search index yet; a search finds them"
                " once the file has been opened for writing.",
                waiting=waiting,
            ),
            err=True,
        )
    return registry


def search(registry: Registry, query: str) -> Results:
    """The registry's result for `query`, its notices said on stderr; QueryError (exit 1, nothing
    searched) when a value in it cannot be read, such as year:abc or level:宇宙级."""
    result = registry.search(query)
    errors = result.parsed.errors
    if errors:
        raise QueryError(Text("{errors} Nothing was searched.", errors=Joined(errors, "sentences")))
    for notice in result.notices:
        say(notice, err=True)
    return result


def write_queued_search_rows(registry: Registry) -> None:
    """Write the search rows a very large import queued (its own steps, after the import
    committed), telling the user what is happening; Ctrl-C keeps what is done."""
    waiting = registry.queued_for_index()
    if not waiting:
        return
    say(Text("Building the search index of {waiting} newly imported honouree(s)…", waiting=waiting), err=True)
    live = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if live:
            print(f"\r{done * 100 // max(total, 1)}%", end="", file=sys.stderr, flush=True)

    try:
        registry.index_queued(progress)
    except DatabaseLockedError:  # the desktop app is writing them (or saving): leave it to that
        left = registry.queued_for_index()
        say(
            Text(
                "\nNote: the registry is busy with another write; {left} honouree(s) stay queued and are indexed"
                " by whichever program opens it next (a search does not find them until then).",
                left=left,
            ),
            err=True,
        )
        return
    except KeyboardInterrupt:
        left = registry.queued_for_index()
        say(
            Text(
                "\nInterrupted: the other {left} stay queued and are indexed the next time the registry is opened.",
                left=left,
            ),
            err=True,
        )
        raise
    if live:
        print(file=sys.stderr)
    say(Text("Search index complete."), err=True)


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
        raise HonoursError(
            Text("Cannot read {source}: {reason}.", source=source, reason=os_reason_text(exc))
        ) from exc
    except UnicodeDecodeError as exc:
        raise HonoursError(Text("{label} is not UTF-8 text.", label=label)) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidRecordError(json_problem_text(exc)) from exc


def records_from_json(data: Any) -> list[tuple[Honouree, list[Note]]]:
    """Records from `add`'s JSON, tidied as every way in tidies them, with what was done to each."""
    items = data if isinstance(data, list) else [data]
    out = []
    for n, item in enumerate(items, 1):
        try:
            out.append(honouree_from_json(item))
        except (ValueError, TypeError) as exc:  # RecordValueError and AmountError carry their Chinese
            detail = error_text(exc)  # RecordValueError and AmountError carry their Chinese
            if len(items) > 1:
                detail = Text("record {number}: {detail}", number=n, detail=detail)
            raise InvalidRecordError(detail) from exc
    return out


def say_notes(who: str, notes: list[Note]) -> None:
    """What tidying did to a record entered (贺 彪 → 贺彪 …), one line on stderr."""
    if notes:
        done = Joined([n.message for n in notes], "items")
        say(Text("{who}: {notes}", who=who, notes=done), err=True)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def record_json(h: Honouree, reveal_id: bool = False) -> dict[str, Any]:
    """A record's JSON as `show`/`list`/`search --json` print it: its ID number masked unless `reveal_id`."""
    data = masked_json(h.to_dict(), reveal_id)
    data["highest_level"] = h.highest_level
    total = h.donation_total_fen
    data["donation_total_yuan"] = total // 100 if total % 100 == 0 else total / 100
    return data


def revocation(honour) -> Message:
    """'REVOKED 2023-05-01: reason' for an honour withdrawn, in either language."""
    if honour.revoked_reason:
        return Text("REVOKED {date}: {reason}", date=honour.revoked_date or "", reason=honour.revoked_reason)
    return Text("REVOKED {date}", date=honour.revoked_date or "")


def describe(h: Honouree, reveal_id: bool = False) -> str:
    """A readable multi-line description (the `show` command), in user_language(); the ID number
    masked unless `reveal_id`."""
    from ..core.amounts import format_quantity, format_yuan

    lang = user_language()
    lines = [f"#{h.id}  {h.name}"]
    for spec in DETAIL_FIELDS:
        value = shown(spec, getattr(h, spec.key), reveal_id)
        if value is True:
            value = Text("yes")
        elif value and spec.vocabulary is not None:
            value = Declared(value, spec.vocabulary.label(value))
        if value:
            name = Declared(spec.name, spec.zh)
            lines.append(Text("  {field}: {value}", field=name, value=value).render(lang))
    if h.honours:
        lines.append(Text("  honours:").render(lang))
        for honour in h.honours:
            bits: list[Message | str] = [Declared(honour.level, LEVELS.label(honour.level))]
            if honour.year:
                bits.append(str(honour.year))
            if honour.awarded_by:
                bits.append(honour.awarded_by)
            if honour.posthumous:
                bits.append(Text("posthumous"))
            if honour.document:
                bits.append(honour.document)
            if honour.revoked:
                bits.append(revocation(honour))
            details = Joined(bits, "commas")
            lines.append(Text("    - {title} ({details})", title=honour.title, details=details).render(lang))
    if h.deeds:
        lines.append(Text("  deeds:").render(lang))
        lines.extend(f"    - {(d.date + ' ') if d.date else ''}{d.text}" for d in h.deeds)
    if h.donations:
        lines.append(Text("  donations:").render(lang))
        for d in h.donations:
            parts = []
            if d.amount_fen is not None:
                parts.append(format_yuan(d.amount_fen))
            if d.item:
                parts.append(d.item + (format_quantity(d.quantity, d.quantity_unit) if d.quantity else ""))
            if d.recipient:
                parts.append(Text("→ {recipient}", recipient=d.recipient).render(lang))
            if d.note:
                parts.append(d.note)
            lines.append("    - " + " ".join(parts))
        if h.donation_total_fen:
            lines.append(Text("    total: {amount}", amount=format_yuan(h.donation_total_fen)).render(lang))
    if h.care:
        lines.append(Text("  care:").render(lang))
        lines.extend(f"    - {care_text(c, lang)}" for c in h.care)
    if h.photos:
        lines.append(Text("  photos:").render(lang))
        for p in h.photos:
            mark = "*" if p.primary else " "
            lines.append(f"   {mark}#{p.id} {p.width}×{p.height} {p.caption}")
    if h.source.sentence:
        source = f"{h.source.report} {h.source.sentence}"
        lines.append(Text("  source: {source}", source=source).render(lang))
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
