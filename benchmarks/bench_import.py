"""Benchmark: importing N rows from an .xlsx into an empty registry (issue 7 target: 100,000 rows ≤ 20 s).

    python -m benchmarks.bench_import [N ...]      # or: python benchmarks/bench_import.py 1000 10000

The sheet is made once per N (cached under benchmarks/.data/) from benchmarks.generator's
synthetic roll, laid out as county unions send them: a merged title row, then 序号, 姓名,
性别, 年龄, 出生日期, 民族, 工作单位, 职务, 地区, 类别, 状态, 荣誉称号 (several per cell),
级别, 年份, 授予单位, 事迹 (50–300 characters), 捐赠, 备注. It is written by openpyxl, the
worst case for reading: openpyxl stores every string inline with each Chinese character as
an XML character reference (about 1.4 KB of XML per row), where Excel and WPS write a
compact shared-string table.

Timed, as a user waits for it: reading the sheet, planning (parsing every row, finding
existing records) and applying the plan in one transaction, which includes the search
index (pinyin and FTS rows, `honours.core.sqlite.indexing.reindex_many`) and history — or, for
20,000 rows and more, the roll's derived columns and a queue of search rows, which are
written after the import commits (timed separately). `stages(n)` splits the same run into
those parts; `import_timeline(n)` returns the import's seconds and the queue's.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `honours` and `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DATA_DIR = Path(__file__).resolve().parent / ".data"
SHEET_VERSION = 2  # 2: categories under the vocabulary's labels
HEADER = [
    "序号",
    "姓名",
    "性别",
    "年龄",
    "出生日期",
    "民族",
    "工作单位",
    "职务",
    "地区",
    "类别",
    "状态",
    "荣誉称号",
    "级别",
    "年份",
    "授予单位",
    "事迹",
    "捐赠",
    "备注",
]


def make_sheet(n: int, seed: int = 2024) -> Path:
    """The cached benchmark workbook of n rows (made on first use; ~40 s for 100,000)."""
    from openpyxl import Workbook

    from benchmarks.generator import RollGenerator
    from honours.core.export import _donation_text
    from honours.core.vocabulary import CATEGORIES, LEVELS, STATUSES

    path = DATA_DIR / f"import-{n}-s{seed}-v{SHEET_VERSION}.xlsx"
    if path.exists():
        return path
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("名单")
    sheet.merged_cells.add(f"A1:{chr(ord('A') + len(HEADER) - 1)}1")
    sheet.append([f"{n}名先进人物名单（基准测试）"])
    sheet.append(HEADER)
    for number, h in enumerate(RollGenerator(seed).roll(n), 1):
        sheet.append(
            [
                number,
                h.name,
                h.gender,
                h.age,
                h.birth_date,
                h.ethnicity,
                h.unit,
                h.position,
                h.region,
                CATEGORIES.label(h.category),
                STATUSES.label(h.status),
                "、".join(x.title + ("（追授）" if x.posthumous else "") for x in h.honours),
                "、".join(LEVELS.label(x.level) for x in h.honours),
                "、".join(str(x.year or "") for x in h.honours) if any(x.year for x in h.honours) else "",
                "、".join(x.awarded_by for x in h.honours) if any(x.awarded_by for x in h.honours) else "",
                "\n".join(d.text for d in h.deeds),
                "、".join(_donation_text(d) for d in h.donations),
                h.notes,
            ]
        )
    temporary = path.with_suffix(".tmp")
    workbook.save(temporary)
    temporary.replace(path)
    return path


def stages(n: int = 100_000) -> dict[str, float]:
    """Seconds spent reading, planning, applying (of which search indexing), and in total."""
    import honours.core.import_verbs as import_verbs_module
    from honours.core import Registry
    from honours.core.import_plan import plan_table
    from honours.core.spreadsheet import read_table

    sheet = make_sheet(n)
    indexing = [0.0]
    real_reindex = import_verbs_module.reindex_many

    def timed_reindex(conn, ids, *args, **kwargs):
        start = time.perf_counter()
        real_reindex(conn, ids, *args, **kwargs)
        indexing[0] += time.perf_counter() - start

    with tempfile.TemporaryDirectory() as folder:
        registry = Registry.open(Path(folder) / "bench.sqlite")
        import_verbs_module.reindex_many = timed_reindex
        try:
            t0 = time.perf_counter()
            table = read_table(sheet)
            t1 = time.perf_counter()
            plan = plan_table(registry, table)
            t2 = time.perf_counter()
            outcome = plan.apply(registry)
            t3 = time.perf_counter()
            registry.index_queued()
            t4 = time.perf_counter()
        finally:
            import_verbs_module.reindex_many = real_reindex
        _check(plan, outcome, n)
        registry.close()
    return {
        "read": t1 - t0,
        "plan": t2 - t1,
        "apply": t3 - t2,
        "of which indexing": indexing[0],
        "total": t3 - t0,
        "then queued search rows": t4 - t3,
    }


def bench_import_xlsx(n: int = 100_000) -> float:
    """Seconds to import n rows from an .xlsx into an empty registry (read + plan + apply)."""
    return import_timeline(n)["import"]


def import_timeline(n: int = 100_000) -> dict[str, float]:
    """Seconds to import n rows from an .xlsx into an empty registry (read + plan + apply,
    committed: every record stored, listed and found by filters and exact name), and then
    to write the search rows an import of 20,000 or more records queues (what the desktop
    app does in the background with progress; absent for a smaller import, which writes
    them before it commits)."""
    from honours.core import Registry
    from honours.core.import_plan import plan_import

    sheet = make_sheet(n)
    with tempfile.TemporaryDirectory() as folder:
        registry = Registry.open(Path(folder) / "bench.sqlite")
        start = time.perf_counter()
        plan = plan_import(registry, sheet)
        outcome = plan.apply(registry)
        stored = time.perf_counter()
        registry.index_queued()
        indexed = time.perf_counter()
        if registry.queued_for_index() or registry.search("劳动模范").count() == 0:
            raise AssertionError("the queued search rows were not all written")
        registry.close()
    _check(plan, outcome, n)
    times = {"import": stored - start}
    if outcome.queued:  # a smaller import wrote its search rows before it committed
        times["import_index"] = indexed - stored
    return times


def _check(plan, outcome, n: int) -> None:
    """Every row must be read and added (rows of one name and unit are one person, merged)."""
    if plan.errors or len(plan.rows) != n or len(outcome.added) != plan.counts()["add"]:
        raise AssertionError(
            f"{n} rows: {len(plan.rows)} planned, {len(plan.errors)} errors "
            f"{[(e.row, e.reason_en) for e in plan.errors[:3]]}, {len(outcome.added)} added"
        )


def main(argv: list[str]) -> None:
    sizes = [int(a.replace("_", "").replace(",", "")) for a in argv] or [1000, 10_000, 100_000]
    for n in sizes:
        make_sheet(n)
        parts = stages(n)
        print(
            f"{n:>7} rows: "
            + ", ".join(f"{k} {v:.2f} s" for k, v in parts.items())
            + f"  ({parts['total'] / n * 1e6:.0f} µs/row)",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
