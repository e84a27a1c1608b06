"""`honours import` and `honours export`: spreadsheets and Honours exports in and out."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import user_language
from ..core.export import FORMATS, export
from ..core.import_plan import ERROR, UNCHANGED, plan_import
from ..core.spreadsheet import describe_mapping
from . import UsageError, command
from .output import open_registry, say, write_queued_search_rows

SHOWN_ROWS = 50


@command("import", "import honourees from an .xlsx/.csv sheet or an Honours .json/.zip export "
                   "(previews, then writes all rows or none; a new --db file starts empty)")
def _import(parser: argparse.ArgumentParser):
    parser.add_argument("file", type=Path, help="sheet (.xlsx, .csv) or export (.json, .zip) to import")
    parser.add_argument("--dry-run", action="store_true", help="only show what would happen; write nothing")
    parser.add_argument("--skip-errors", action="store_true",
                        help="import the good rows and leave out the rows with errors")
    parser.add_argument("--sheet", metavar="NAME", help="which sheet of a workbook (default: the one with a 姓名 column)")
    parser.add_argument("--photos", metavar="ZIP", type=Path,
                        help="zip of the photos the sheet's 照片 column names (default: a zip beside the sheet)")

    def run(args: argparse.Namespace) -> int:
        if not args.file.exists():
            raise UsageError(f"no such file: {args.file}", f"找不到文件：{args.file}")
        # A registry file that does not exist yet is created empty, not with the default roll:
        # importing into a new file is how a registry is moved or restored from an export.
        registry = open_registry(args, seed_if_new=False)
        plan = plan_import(registry, args.file, sheet=args.sheet, photos_zip=args.photos)
        try:
            lang = user_language()
            if plan.table is not None:
                where = f" ({plan.table.sheet})" if plan.table.sheet else ""
                where_zh = f"（{plan.table.sheet}）" if plan.table.sheet else ""
                say(f"{args.file.name}{where}: header in row {plan.table.header_row}, "
                    f"{len(plan.table.rows)} data row(s)"
                    + (f", encoding {plan.table.encoding}" if plan.table.encoding else ""),
                    f"{args.file.name}{where_zh}：表头在第 {plan.table.header_row} 行，数据 {len(plan.table.rows)} 行"
                    + (f"，编码 {plan.table.encoding}" if plan.table.encoding else ""))
                pairs = describe_mapping(plan.table.headers, plan.mapping or [], lang)
                shown = [f"{header or '?'}→{label}" for header, label in pairs if header or label != "—"]
                say(f"Columns: {', '.join(shown)}", f"列对应：{'，'.join(shown)}")
            for en, zh in plan.notices:
                say(en, zh, err=True)
            print(plan.summary(lang))
            listed = [r for r in plan.rows if r.action == ERROR or r.reason_en and r.action != UNCHANGED]
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
            errors = len(plan.errors)
            if args.dry_run:
                say("Dry run: nothing was written.", "试运行：未写入任何内容。", err=True)
                return 1 if errors and not args.skip_errors else 0
            if errors and not args.skip_errors:
                say("Nothing was imported because of the errors above; fix them, or use --skip-errors.",
                    "因上述错误，未导入任何记录；请更正，或使用 --skip-errors 跳过有错误的行。", err=True)
                return 1
            outcome = plan.apply(registry, skip_errors=args.skip_errors)
            say(f"Imported: {len(outcome.added)} added, {len(outcome.updated)} updated"
                + (f", {errors} row(s) with errors skipped." if errors else "."),
                f"已导入：新增 {len(outcome.added)} 条，更新 {len(outcome.updated)} 条"
                + (f"，跳过有错误的 {errors} 行。" if errors else "。"), err=True)
            if outcome.queued:  # a very large import: its search rows are written now, after it committed
                write_queued_search_rows(registry)
            return 0
        finally:
            plan.close()

    return run


def _action_word(action: str, lang: str) -> str:
    words = {"add": ("add", "新增"), "update": ("update", "更新"), "unchanged": ("unchanged", "无变化"),
             "error": ("ERROR", "错误")}
    en, zh = words.get(action, (action, action))
    return zh if lang == "zh" else en


@command("export", "export honourees to .xlsx, .csv, .json, or .zip (JSON with every photo, lossless)")
def _export(parser: argparse.ArgumentParser):
    parser.add_argument("file", type=Path, help="output file; its suffix chooses the format")
    parser.add_argument("--query", "-q", default="", help="export only the honourees this search finds")

    def run(args: argparse.Namespace) -> int:
        if args.file.suffix.lower() not in FORMATS:
            raise UsageError(f"the output file must end in {', '.join(FORMATS)}: {args.file}",
                             f"输出文件的扩展名须为 {'、'.join(FORMATS)} 之一：{args.file}")
        registry = open_registry(args)
        result = registry.search(args.query)
        for en, zh in result.notices:
            say(en, zh, err=True)
        ids = result.all_ids() if args.query.strip() else registry.all_ids()
        outcome = export(registry, ids, args.file)
        for en, zh in outcome.notices:
            say(en, zh, err=True)
        say(f"Exported {outcome.count} honouree(s) to {args.file}.",
            f"已将 {outcome.count} 人导出到 {args.file}。", err=True)
        return 0

    return run
