"""`honours import` and `honours export`: spreadsheets and Honours exports in and out."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import user_language
from ..core.export import FORMATS, export
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
            raise UsageError(f"no such file: {args.file}", f"找不到文件：{args.file}")
        # A registry file that does not exist yet is created empty, not with the default roll:
        # importing into a new file is how a registry is moved or restored from an export.
        registry = open_registry(args, seed_if_new=False)
        plan = plan_import(registry, args.file, sheet=args.sheet, photos_zip=args.photos)
        try:
            if plan.duplicates and args.duplicates != MERGE:
                plan.set_all_duplicates(args.duplicates)
            lang = user_language()
            if plan.table is not None:
                where = f" ({plan.table.sheet})" if plan.table.sheet else ""
                where_zh = f"（{plan.table.sheet}）" if plan.table.sheet else ""
                say(
                    f"{args.file.name}{where}: header in row {plan.table.header_row}, "
                    f"{len(plan.table.rows)} data row(s)"
                    + (f", encoding {plan.table.encoding}" if plan.table.encoding else ""),
                    f"{args.file.name}{where_zh}：表头在第 {plan.table.header_row} 行，数据 {len(plan.table.rows)} 行"
                    + (f"，编码 {plan.table.encoding}" if plan.table.encoding else ""),
                )
                pairs = describe_mapping(plan.table.headers, plan.mapping or [], lang)
                shown = [f"{header or '?'}→{label}" for header, label in pairs if header or label != "—"]
                say(f"Columns: {', '.join(shown)}", f"列对应：{'，'.join(shown)}")
            for en, zh in plan.notices:
                say(en, zh, err=True)
            print(plan.summary(lang))
            listed = [r for r in plan.rows if r.action == ERROR or r.reason_en and r.action != UNCHANGED]
            listed.sort(key=lambda r: (r.action != ERROR, r.match is None, r.row))  # errors, then duplicates
            for row in listed[:SHOWN_ROWS]:
                action = _action_word(row.action, lang)
                if lang == "zh":
                    who = f"（{row.name}）" if row.name else ""
                    print(f"  第 {row.row} 行{who or ' '}{action}：{row.reason(lang)}")
                else:
                    who = f" {row.name}" if row.name else ""
                    print(f"  row {row.row} {action}{who}: {row.reason(lang)}")
            if len(listed) > SHOWN_ROWS:
                say(f"  ... and {len(listed) - SHOWN_ROWS} more", f"  ……另有 {len(listed) - SHOWN_ROWS} 行")
            _report_conflicts(plan)
            errors = len(plan.errors)
            if args.dry_run:
                say("Dry run: nothing was written.", "试运行：未写入任何内容。", err=True)
                return 1 if errors and not args.skip_errors else 0
            if errors and not args.skip_errors:
                say(
                    "Nothing was imported because of the errors above; fix them, or use --skip-errors.",
                    "因上述错误，未导入任何记录；请更正，或使用 --skip-errors 跳过有错误的行。",
                    err=True,
                )
                return 1
            outcome = plan.apply(registry, skip_errors=args.skip_errors)
            say(
                f"Imported: {len(outcome.added)} added, {len(outcome.updated)} updated"
                + (f", {errors} row(s) with errors skipped." if errors else "."),
                f"已导入：新增 {len(outcome.added)} 条，更新 {len(outcome.updated)} 条"
                + (f"，跳过有错误的 {errors} 行。" if errors else "。"),
                err=True,
            )
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
            f"Possible duplicates: {d[MERGE]} merged, {d[ADD]} added as new records, {d[SKIP]} skipped.",
            f"疑似重复：合并 {d[MERGE]} 行，作为新记录添加 {d[ADD]} 行，跳过 {d[SKIP]} 行。",
        )


def _report_conflicts(plan: ImportPlan) -> None:
    """Every field a merge or update finds filled differently, and which value it keeps."""
    conflicted = plan.conflicts()
    if not conflicted:
        return
    say(
        f"Fields that differ from the record in {len(conflicted)} row(s):",
        f"{len(conflicted)} 行与已有记录内容不一致：",
    )
    lang = user_language()
    this = "本行" if lang == "zh" else "this row"
    for row in conflicted[:SHOWN_ROWS]:
        if row.target_id is not None:
            kept_name = f"#{row.target_id}"
        else:
            kept_name = f"第 {row.same_as_row} 行" if lang == "zh" else f"row {row.same_as_row}"
        for conflict in row.conflicts:
            text = conflict.describe(lang, kept_name, this)
            print(
                f"  第 {row.row} 行（{row.name}）：{text}"
                if lang == "zh"
                else f"  row {row.row} ({row.name}): {text}"
            )
    if len(conflicted) > SHOWN_ROWS:
        say(
            f"  ... and {len(conflicted) - SHOWN_ROWS} more rows",
            f"  ……另有 {len(conflicted) - SHOWN_ROWS} 行",
        )


def _action_word(action: str, lang: str) -> str:
    words = {
        "add": ("add", "新增"),
        "update": ("update", "更新"),
        "unchanged": ("unchanged", "无变化"),
        "error": ("ERROR", "错误"),
        "merge": ("merge", "合并"),
        "skip": ("skip", "跳过"),
    }
    en, zh = words.get(action, (action, action))
    return zh if lang == "zh" else en


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
                f"the output file must end in {', '.join(FORMATS)}: {args.file}",
                f"输出文件的扩展名须为 {'、'.join(FORMATS)} 之一：{args.file}",
            )
        registry = open_registry(args)
        ids = search(registry, args.query).all_ids() if args.query.strip() else registry.all_ids()
        outcome = export(registry, ids, args.file, reveal_id=args.reveal_id)
        for en, zh in outcome.notices:
            say(en, zh, err=True)
        say(
            f"Exported {outcome.count} honouree(s) to {args.file}.",
            f"已将 {outcome.count} 人导出到 {args.file}。",
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
            raise UsageError(
                f"the template is an .xlsx file: {args.file}", f"导入模板须为 .xlsx 文件：{args.file}"
            )
        write_template(args.file)
        say(
            f"Wrote the import template to {args.file}: fill in a row per person, then `honours import`.",
            f"已写出导入模板 {args.file}：每人填一行，然后用 honours import 导入。",
            err=True,
        )
        return 0

    return run
