"""Record commands: init, list, search, show, add, edit, delete."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import HonoursError, InvalidRecordError
from ..core.i18n import Text, quoted
from ..core.records import Honouree
from ..core.registry import ImportItem, Registry, validate_record
from .base import UsageError, command, localised
from .i18n import _
from .output import (
    describe,
    line,
    open_registry,
    print_json,
    read_json,
    record_json,
    records_from_json,
    say,
    say_notes,
    search,
    write_queued_search_rows,
)


@command("init", "create a registry file (seeded with the report's roll unless --empty)")
def _init(parser: argparse.ArgumentParser):
    parser.add_argument("--empty", action="store_true", help=_("create a blank registry"))

    def run(args: argparse.Namespace) -> int:
        path = Path(args.db)
        if path.exists() and path.stat().st_size > 0:
            registry = Registry.open(path)
            if registry.count():
                say(
                    Text(
                        "{path} already exists with {count} honourees; nothing changed.",
                        path=path,
                        count=registry.count(),
                    ),
                    err=True,
                )
                return 1
        registry = Registry.open(path)
        added = 0
        if not args.empty:
            from ..core.seed import seed

            added = seed(registry)
        say(Text("Created {path} with {added} honourees.", path=path, added=added))
        return 0

    return run


def _add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    add_reveal_flag(parser)


def add_reveal_flag(parser: argparse.ArgumentParser) -> None:
    """ID numbers are personal data: shown masked unless asked for."""
    parser.add_argument(
        "--reveal-id", action="store_true", help=_("show ID numbers in full (masked otherwise)")
    )


@command("list", "list every honouree")
def _list(parser: argparse.ArgumentParser):
    _add_json_flag(parser)

    def run(args: argparse.Namespace) -> int:
        registry = open_registry(args)
        ids = registry.all_ids()
        _print_ids(registry, ids, args.json, args.reveal_id)
        return 0

    return run


def _print_ids(registry: Registry, ids: list[int], as_json: bool, reveal_id: bool = False) -> None:
    if as_json:
        print_json([record_json(h, reveal_id) for h in registry.honourees(ids)])
        return
    for s in registry.summaries(ids):
        print(line(s.id, s.name, s.unit, s.honours))


@command("search", "search the roll with the search-box query language")
def _search(parser: argparse.ArgumentParser):
    parser.add_argument(
        "query",
        metavar=_("query"),
        nargs="+",
        help=_(
            "query terms, e.g. 五一 or level:provincial or level:national,provincial (either) or donation>=100000"
        ),
    )
    parser.add_argument(
        "--limit", type=_count, default=200, metavar=_("N"), help=_("at most this many results (default 200)")
    )
    _add_json_flag(parser)

    def run(args: argparse.Namespace) -> int:
        if args.limit < 1:
            raise UsageError(Text("--limit must be at least 1"))
        registry = open_registry(args)
        result = search(registry, " ".join(args.query))
        ids = result.ids(0, args.limit)
        _print_ids(registry, ids, args.json, args.reveal_id)
        if not args.json:
            total = result.count()
            say(Text("{ids_count} of {total} shown.", ids_count=len(ids), total=total), err=True)
        return 0

    return run


def _count(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            localised(Text("not a whole number: {value}", value=quoted(text)))
        ) from None


def _not_an_id(text: str) -> str:
    return localised(Text("not an ID: {value}", value=quoted(text)))


def _id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_not_an_id(text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_not_an_id(text))
    return value


@command("show", "show one honouree in full")
def _show(parser: argparse.ArgumentParser):
    parser.add_argument("id", metavar=_("id"), type=_id, help=_("honouree ID"))
    _add_json_flag(parser)

    def run(args: argparse.Namespace) -> int:
        registry = open_registry(args)
        honouree = registry.honouree(args.id)
        if args.json:
            print_json(record_json(honouree, args.reveal_id))
        else:
            print(describe(honouree, args.reveal_id))
        return 0

    return run


# From this many records `add` writes them as an import does (Registry.apply_import): one
# transaction with the ids reserved and the rows written with executemany, a backup first.
# Record by record (add_many) 100,000 took 130 s; as an import, 12 s plus their search index.
BULK_ADD_FROM = 1000


@command("add", "add honourees from JSON (one record or a list) on stdin or --json FILE")
def _add(parser: argparse.ArgumentParser):
    parser.add_argument(
        "--json", dest="json_file", metavar=_("FILE"), help=_("read JSON from FILE instead of stdin")
    )

    def run(args: argparse.Namespace) -> int:
        entered = records_from_json(read_json(args.json_file))
        records = [record for record, _notes in entered]
        _check_each(records)  # every record before anything is written, a bad one named by its number
        registry = open_registry(args)
        if len(records) >= BULK_ADD_FROM:
            ids = _add_as_an_import(registry, records)
        else:
            ids = [h.id for h in registry.add_many(records)]
        if ids:
            print("\n".join(str(i) for i in ids))
        for new_id, (record, notes) in zip(ids, entered, strict=False):
            say_notes(f"#{new_id} {record.name}", notes)  # what tidying a name did
        say(Text("Added {ids_count} honouree(s).", ids_count=len(ids)), err=True)
        return 0

    return run


def _check_each(records: list[Honouree]) -> None:
    """The checks of storing a record, named as `records_from_json` names a record it cannot read."""
    for number, record in enumerate(records, 1):
        try:
            validate_record(record)
        except InvalidRecordError as exc:
            if len(records) == 1:
                raise
            raise InvalidRecordError(
                Text("record {number}: {detail}", number=number, detail=exc.detail)
            ) from None


def _add_as_an_import(registry: Registry, records: list[Honouree]) -> list[int]:
    """New records written the way an import writes them, with the same checks and history.

    As `add_many` does, a record keeps a created_at it carries, starts at version 1 and is
    updated now; an import of an export would keep its version and updated_at instead.
    """
    for record in records:
        record.version, record.updated_at = 0, ""
    outcome = registry.apply_import(
        [ImportItem(record, checked=True) for record in records], keep_stamps=True
    )
    if outcome.queued:  # tens of thousands: their search rows are written now, after the records committed
        write_queued_search_rows(registry)
    return outcome.added


@command("edit", "change fields of an honouree from JSON on stdin or --json FILE")
def _edit(parser: argparse.ArgumentParser):
    parser.add_argument("id", metavar=_("id"), type=_id, help=_("honouree ID"))
    parser.add_argument(
        "--json", dest="json_file", metavar=_("FILE"), help=_("read JSON from FILE instead of stdin")
    )

    def run(args: argparse.Namespace) -> int:
        changes = read_json(args.json_file)
        if not isinstance(changes, dict):
            raise HonoursError(
                Text("edit takes one JSON object with the fields to change."),
            )
        registry = open_registry(args)
        notes: list = []
        honouree = registry.edit(args.id, changes, notes)
        say_notes(f"#{honouree.id} {honouree.name}", notes)
        say(Text("Saved #{id} {name}.", id=honouree.id, name=honouree.name), err=True)
        return 0

    return run


@command("delete", "move an honouree to the trash (restorable)")
def _delete(parser: argparse.ArgumentParser):
    parser.add_argument("id", metavar=_("id"), type=_id, help=_("honouree ID"))

    def run(args: argparse.Namespace) -> int:
        registry = open_registry(args)
        name = registry.honouree(args.id).name
        registry.delete(args.id)
        say(Text("Moved #{id} {name} to the trash.", id=args.id, name=name), err=True)
        return 0

    return run
