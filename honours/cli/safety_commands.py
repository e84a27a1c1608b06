"""Keeping the registry safe from the command line: backup, restore, check, trash, history, revert.

Like the other commands these are thin adapters over the core (`honours.core.sqlite.backup`,
`honours.core.sqlite.check`, the Registry's trash and history verbs). Commands that read an
existing registry refuse a missing file rather than creating an empty one.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.archive import masked_json
from ..core.copying import snapshot_to_file
from ..core.diffs import differences, field_label
from ..core.errors import HonoursError, user_language
from ..core.i18n import Text, ptext
from ..core.postgres.connection import is_server_url
from ..core.registry import HistoryEntry, Registry
from ..core.sqlite import backup as backups
from ..core.sqlite.check import check, rebuild_search_index
from .base import command
from .commands import _id, add_reveal_flag
from .i18n import _
from .output import line, print_json, say, when

# a history entry's action, shown as stored in English
ACTIONS = {
    "create": ptext("history action", "create"),
    "update": ptext("history action", "update"),
    "delete": ptext("history action", "delete"),
    "restore": ptext("history action", "restore"),
    "purge": ptext("history action", "purge"),
}


def _existing(args: argparse.Namespace) -> Registry:
    """Open --db without creating it: checking or backing up nothing is a mistake to report."""
    path = Path(args.db)
    if not path.is_file():
        raise HonoursError(Text("There is no registry file at {path}.", path=path))
    return Registry.open(path, create=False)


@command("backup", "copy the registry, photos included, to a backup file")
def _backup(parser: argparse.ArgumentParser):
    parser.add_argument(
        "out", metavar=_("out"), type=Path, help=_("backup file to write (or a folder to write it in)")
    )
    parser.add_argument("--force", action="store_true", help=_("replace OUT if it already exists"))

    def run(args: argparse.Namespace) -> int:
        if is_server_url(args.db):  # a shared registry: an offline snapshot into a registry file
            target = snapshot_to_file(str(args.db).strip(), args.out, overwrite=args.force)
        else:
            with _existing(args) as registry:
                target = backups.backup_to(registry, args.out, overwrite=args.force)
        info = backups.verify_backup(target)
        say(
            Text(
                "Backed up {honourees} honourees and {photos} photos to {target}.",
                honourees=info.honourees,
                photos=info.photos,
                target=target,
            ),
        )
        return 0

    return run


@command("restore", "replace the registry with a backup (verified first; the current file is kept aside)")
def _restore(parser: argparse.ArgumentParser):
    parser.add_argument("backup", type=Path, metavar=_("IN"), help=_("backup file to restore"))

    def run(args: argparse.Namespace) -> int:
        info = backups.verify_backup(args.backup)
        aside = backups.restore(args.db, args.backup)
        say(
            Text(
                "Restored {db} from {backup} ({honourees} honourees, {photos} photos).",
                db=args.db,
                backup=args.backup,
                honourees=info.honourees,
                photos=info.photos,
            ),
        )
        if aside is not None:
            say(Text("The file it replaced is kept as {aside}.", aside=aside))
        return 0

    return run


@command("check", "check the registry for damage, orphaned rows, broken photos and search-index gaps")
def _check(parser: argparse.ArgumentParser):
    parser.add_argument(
        "--rebuild-index",
        action="store_true",
        help=_("rebuild the search index first (fixes search-index problems)"),
    )

    def run(args: argparse.Namespace) -> int:
        with _existing(args) as registry:
            if args.rebuild_index:
                rebuild_search_index(registry)
                say(Text("Search index rebuilt."), err=True)
            problems = check(registry)
        for problem in problems:
            print(problem.message())
        if problems:
            say(Text("{problems_count} problem(s) found.", problems_count=len(problems)), err=True)
            return 1
        say(Text("No problems found."))
        return 0

    return run


@command("trash", "list the trash, restore an honouree from it, or empty it")
def _trash(parser: argparse.ArgumentParser):
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--restore", type=_id, metavar=_("ID"), help=_("bring honouree ID back from the trash")
    )
    group.add_argument(
        "--empty",
        action="store_true",
        help=_("delete everything in the trash for good (an automatic backup is made first)"),
    )

    def run(args: argparse.Namespace) -> int:
        with _existing(args) as registry:
            if args.restore:
                honouree = registry.restore(args.restore)
                say(
                    Text("Restored #{id} {name} from the trash.", id=honouree.id, name=honouree.name),
                )
            elif args.empty:
                if registry.trash():
                    where = backups.backup_now(registry, "before-empty-trash")
                    count = registry.empty_trash()
                    say(
                        Text(
                            "Emptied the trash ({count} honourees). A backup from before is at {where}.",
                            count=count,
                            where=where,
                        ),
                    )
                else:
                    say(Text("The trash is already empty."))
            else:
                entries = registry.trash()
                for honouree_id, name, unit, deleted_at in entries:
                    print(line(honouree_id, name, unit, when(deleted_at)))
                if entries:
                    say(
                        Text("{entries_count} honouree(s) in the trash.", entries_count=len(entries)),
                        err=True,
                    )
                else:
                    say(Text("The trash is empty."), err=True)
        return 0

    return run


def _history_json(entry: HistoryEntry, reveal_id: bool = False) -> dict:
    """One history entry; the versions' ID numbers masked unless `reveal_id` (personal data)."""
    return {
        "id": entry.id,
        "honouree_id": entry.honouree_id,
        "at": entry.at,
        "os_user": entry.os_user,
        "action": entry.action,
        "before": masked_json(entry.before, reveal_id) if entry.before else entry.before,
        "after": masked_json(entry.after, reveal_id) if entry.after else entry.after,
    }


@command("history", "show every recorded change to an honouree (who, when, what)")
def _history(parser: argparse.ArgumentParser):
    parser.add_argument("id", metavar=_("id"), type=_id, help=_("honouree ID"))
    parser.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    add_reveal_flag(parser)

    def run(args: argparse.Namespace) -> int:
        with _existing(args) as registry:
            entries = registry.history(args.id)
        if not entries:
            raise HonoursError(Text("No history for honouree {id}.", id=args.id))
        if args.json:
            print_json([_history_json(e, args.reveal_id) for e in entries])
            return 0
        lang = user_language()
        for entry in entries:
            action = ACTIONS[entry.action].render(lang) if entry.action in ACTIONS else entry.action
            print(f"[{entry.id}] {when(entry.at)}  {entry.os_user or '?'}  {action}")
            if entry.action not in ("create", "update"):
                continue  # the whole record went to or came from the trash: no field changed
            for change in differences(entry.before, entry.after, lang, reveal_id=args.reveal_id):
                before = change.before.replace("\n", "; ") or "—"
                after = change.after.replace("\n", "; ") or "—"
                line = Text(
                    "{field}: {before} → {after}",
                    field=field_label(change.field, lang),
                    before=before,
                    after=after,
                )
                print("      " + line.render(lang))
        return 0

    return run


@command("revert", "make the version saved in a history entry current again (see `honours history`)")
def _revert(parser: argparse.ArgumentParser):
    parser.add_argument("history_id", metavar=_("history_id"), type=_id, help=_("history entry ID"))

    def run(args: argparse.Namespace) -> int:
        with _existing(args) as registry:
            honouree = registry.revert_to(args.history_id)
        say(
            Text(
                "Reverted #{id} {name} to history entry {history_id}.",
                id=honouree.id,
                name=honouree.name,
                history_id=args.history_id,
            ),
        )
        return 0

    return run
