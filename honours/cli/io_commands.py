"""`honours import` and `honours export`: spreadsheets and Honours exports in and out."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import user_language
from ..core.export import FORMATS, export
from ..core.i18n import Joined, Text, ptext
from ..core.import_plan import ADD, DUPLICATE_CHOICES, ERROR, MERGE, SKIP, UNCHANGED, ImportPlan, plan_import
from ..core.spreadsheet import describe_mapping
from .base import UsageError, command
from .commands import add_reveal_flag
from .i18n import _
from .output import open_registry, say, search, write_queued_search_rows

SHOWN_ROWS = 50


@command(
    "import",
    "import honourees from an .xlsx/.csv sheet or an Honours .json/.zip export "
    "(previews, then writes all rows or none; a new --db file starts empty)",
)
def _import(parser: argparse.ArgumentParser):
    parser.add_argument(
        "file", metavar=_("file"), type=Path, help=_("sheet (.xlsx, .csv) or export (.json, .zip) to import")
    )
    parser.add_argument(
        "--dry-run", action="store_true", help=_("only show what would happen; write nothing")
    )
    parser.add_argument(
        "--skip-errors",
        action="store_true",
        help=_("import the good rows and leave out the rows with errors"),
    )
    parser.add_argument(
        "--sheet",
        metavar=_("NAME"),
        help=_("which sheet of a workbook (default: the one with a 姓名 column)"),
    )
    parser.add_argument(
        "--photos",
        metavar=_("ZIP"),
        type=Path,
        help=_("zip of the photos the sheet's 照片 column names (default: a zip beside the sheet)"),
    )
    parser.add_argument(
        "--duplicates",
        choices=DUPLICATE_CHOICES,
        default=MERGE,
        help=_(
            "rows that are probably someone already in the roll (same name, similar unit, same "
            "birth date) or an earlier row: merge them into that record (default), add them as "
            "new records, or skip them"
        ),
    )

    def run(args: argparse.Namespace) -> int:
        if not args.file.exists():
            raise UsageError(Text("no such file: {file}", file=args.file))
        # A registry file that does not exist yet is created empty, not with the default roll:
        # importing into a new file is how a registry is moved or restored from an export.
        registry = open_registry(args, seed_if_new=False)
        plan = plan_import(registry, args.file, sheet=args.sheet, photos_zip=args.photos)
        try:
            if plan.duplicates and args.duplicates != MERGE:
                plan.set_all_duplicates(args.duplicates)
            lang = user_language()
            if plan.table is not None:
                name = args.file.name
                where = (
                    Text("{file} ({sheet})", file=name, sheet=plan.table.sheet) if plan.table.sheet else name
                )
                table = Text(
                    "{where}: header in row {header_row}, {rows} data row(s)",
                    where=where,
                    header_row=plan.table.header_row,
                    rows=len(plan.table.rows),
                )
                if plan.table.encoding:
                    table = Text("{table}, encoding {encoding}", table=table, encoding=plan.table.encoding)
                say(table)
                pairs = describe_mapping(plan.table.headers, plan.mapping or [], lang)
                shown = [f"{header or '?'}→{label}" for header, label in pairs if header or label != "—"]
                say(Text("Columns: {columns}", columns=Joined(shown, "commas")))
            for notice in plan.notices:
                say(notice, err=True)
            print(plan.summary(lang))
            listed = [r for r in plan.rows if r.action == ERROR or r.reason_en and r.action != UNCHANGED]
            listed.sort(key=lambda r: (r.action != ERROR, r.match is None, r.row))  # errors, then duplicates
            for row in listed[:SHOWN_ROWS]:
                action = _action_word(row.action, lang)
                reason = row.reason(lang)
                if row.name:
                    line = Text(
                        "  row {row} {action} {name}: {reason}",
                        row=row.row,
                        action=action,
                        name=row.name,
                        reason=reason,
                    )
                else:
                    line = Text("  row {row} {action}: {reason}", row=row.row, action=action, reason=reason)
                print(line.render(lang))
            if len(listed) > SHOWN_ROWS:
                say(Text("  ... and {value} more", value=len(listed) - SHOWN_ROWS))
            _report_conflicts(plan)
            errors = len(plan.errors)
            if args.dry_run:
                say(Text("Dry run: nothing was written."), err=True)
                return 1 if errors and not args.skip_errors else 0
            if errors and not args.skip_errors:
                say(
                    Text("Nothing was imported because of the errors above; fix them, or use --skip-errors."),
                    err=True,
                )
                return 1
            outcome = plan.apply(registry, skip_errors=args.skip_errors)
            added, updated = len(outcome.added), len(outcome.updated)
            if errors:
                done = Text(
                    "Imported: {added} added, {updated} updated, {errors} row(s) with errors skipped.",
                    added=added,
                    updated=updated,
                    errors=errors,
                )
            else:
                done = Text("Imported: {added} added, {updated} updated.", added=added, updated=updated)
            say(done, err=True)
            _report_duplicates(plan)
            if outcome.queued:  # a very large import: its search rows are written now, after it committed
                write_queued_search_rows(registry)
            return 0
        finally:
            plan.close()

    return run


def _report_duplicates(plan: ImportPlan) -> None:
    """What became of the possible duplicates."""
    if plan.duplicates:
        d = plan.duplicate_counts()
        say(
            Text(
                "Possible duplicates: {merged} merged, {added} added as new records, {skipped} skipped.",
                merged=d[MERGE],
                added=d[ADD],
                skipped=d[SKIP],
            ),
        )


def _report_conflicts(plan: ImportPlan) -> None:
    """Every field a merge or update finds filled differently, and which value it keeps."""
    conflicted = plan.conflicts()
    if not conflicted:
        return
    say(
        Text(
            "Fields that differ from the record in {conflicted_count} row(s):",
            conflicted_count=len(conflicted),
        ),
    )
    lang = user_language()
    this = Text("this row").render(lang)
    for row in conflicted[:SHOWN_ROWS]:
        if row.target_id is not None:
            kept_name = f"#{row.target_id}"
        else:
            kept_name = Text("row {row}", row=row.same_as_row).render(lang)
        for conflict in row.conflicts:
            text = conflict.describe(lang, kept_name, this)
            print(Text("  row {row} ({name}): {text}", row=row.row, name=row.name, text=text).render(lang))
    if len(conflicted) > SHOWN_ROWS:
        say(
            Text("  ... and {value} more rows", value=len(conflicted) - SHOWN_ROWS),
        )


_ACTIONS = {
    "add": ptext("import action", "add"),
    "update": ptext("import action", "update"),
    "unchanged": ptext("import action", "unchanged"),
    "error": ptext("import action", "ERROR"),
    "merge": ptext("import action", "merge"),
    "skip": ptext("import action", "skip"),
}


def _action_word(action: str, lang: str) -> str:
    return _ACTIONS[action].render(lang) if action in _ACTIONS else action


@command("export", "export honourees to .xlsx, .csv, .json, or .zip (JSON with every photo, lossless)")
def _export(parser: argparse.ArgumentParser):
    parser.add_argument(
        "file", metavar=_("file"), type=Path, help=_("output file; its suffix chooses the format")
    )
    parser.add_argument(
        "--query", "-q", default="", metavar=_("Q"), help=_("export only the honourees this search finds")
    )
    add_reveal_flag(parser)

    def run(args: argparse.Namespace) -> int:
        if args.file.suffix.lower() not in FORMATS:
            raise UsageError(
                Text(
                    "the output file must end in {formats}: {file}",
                    formats=Joined(FORMATS, "list"),
                    file=args.file,
                )
            )
        registry = open_registry(args)
        ids = search(registry, args.query).all_ids() if args.query.strip() else registry.all_ids()
        outcome = export(registry, ids, args.file, reveal_id=args.reveal_id)
        for notice in outcome.notices:
            say(notice, err=True)
        say(
            Text("Exported {count} honouree(s) to {file}.", count=outcome.count, file=args.file),
            err=True,
        )
        return 0

    return run


@command("template", "write the import template (.xlsx): the headers, an example row and drop-down lists")
def _template(parser: argparse.ArgumentParser):
    parser.add_argument("file", metavar=_("file"), type=Path, help=_("the .xlsx file to write"))

    def run(args: argparse.Namespace) -> int:
        from ..core.template import write_template

        if args.file.suffix.lower() != ".xlsx":
            raise UsageError(Text("the template is an .xlsx file: {file}", file=args.file))
        write_template(args.file)
        say(
            Text(
                "Wrote the import template to {file}: fill in a row per person, then `honours import`.",
                file=args.file,
            ),
            err=True,
        )
        return 0

    return run
