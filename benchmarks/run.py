"""`python -m benchmarks.run` (`make bench`): every figure of issue 7 at 10k and 100k, one table.

    python -m benchmarks.run [--sizes 10000,100000] [--repeat 30] [--heavy-repeat 5]
                             [--build-repeat 1] [--skip gui,import,add_json,bulk_insert,certificates,build,stats,postgres,soak]

Each figure is measured `repeat` times (long ones `heavy-repeat` or `build-repeat`
times) and reported as median and 95th percentile, sizes side by side, next to its
target, with the machine described (including its load, because this machine is shared
and a busy neighbour shows up in every figure). The table is printed and written to
benchmarks/results/latest.md. Search results are also checked against a slow reference
scan; any difference is printed in capitals and listed under the table.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import bench_statistics, generator, queries
from honours.core.sqlite.database import sqlite_library_version

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
BULK_FIGURES = {  # bench_bulk_insert's ways of writing an import's rows, by figure key
    "executemany (as the import)": "bulk_executemany",
    "insert_all": "bulk_insert_all",
    "insert_all, batch_size=999": "bulk_insert_all_batch",
    "insert_all of dicts": "bulk_insert_all_dicts",
}


# -- figures --------------------------------------------------------------------------------


@dataclass
class Figure:
    """One row of the table: samples per roll size, in milliseconds unless `unit` says otherwise."""

    label: str
    target: str
    limit: float | None  # the target in `unit`, compared with the largest size's p95 (or median)
    unit: str = "ms"
    by: str = "p95"  # which statistic the target is about
    samples: dict[int, list[float]] = field(default_factory=dict)
    note: str = ""

    def add(self, size: int, values: list[float]) -> None:
        self.samples.setdefault(size, []).extend(values)

    def stats(self, size: int) -> tuple[float, float] | None:
        values = sorted(self.samples.get(size, []))
        if not values:
            return None
        p95 = values[min(len(values) - 1, max(0, round(0.95 * len(values)) - 1))]
        return statistics.median(values), p95

    def verdict(self, size: int) -> str:
        stats = self.stats(size)
        if stats is None or self.limit is None:
            return ""
        value = stats[1] if self.by == "p95" else stats[0]
        return "met" if value <= self.limit else "**missed**"


def _fmt(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.2f}" if value < 10 else f"{value:.1f}" if value < 100 else f"{value:.0f}"
    if unit == "s":
        return f"{value:.2f}"
    return f"{value:.0f}"


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


# -- the machine ------------------------------------------------------------------------------


def machine() -> list[str]:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f"{kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    try:
        import PySide6

        qt = f"PySide6 {PySide6.__version__}"
    except ImportError:
        qt = "PySide6 not installed"
    system = (
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"SQLite {sqlite_library_version()}, {qt}"
    )
    return [f"{cpu}, {os.cpu_count()} cores, {ram}", system]


def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


# -- core figures -----------------------------------------------------------------------------


def core_search(
    registry,
    sets: dict[str, list[str]],
    repeat: int,
    size: int,
    pages: dict[str, Figure],
    counts: dict[str, Figure],
) -> None:
    """First page of 200 and the total count, each from a fresh SearchResult, per query kind."""
    for texts in sets.values():  # warm the page cache once, as a running app would be
        for text in texts:
            registry.search(text).ids(0, 200)
            registry.search(text).count()
    for _ in range(repeat):
        for kind, texts in sets.items():
            for text in texts:
                pages[kind].add(size, [_timed(lambda q=text: registry.search(q).ids(0, 200))])
                counts[kind].add(size, [_timed(lambda q=text: registry.search(q).count())])


def check_correctness(registry, records, sets: dict[str, list[str]]) -> list[queries.Check]:
    facts = queries.facts(records)
    checks = []
    for texts in sets.values():
        for text in texts:
            slow = queries.reference_ids(facts, text)
            if slow is None:
                continue
            checks.append(queries.compare(text, registry.search(text).all_ids(), slow))
    return checks


def detail_core(registry, ids: list[int], repeat: int) -> list[float]:
    """Registry.honouree plus decoding its display photo (what the detail pane needs)."""
    from PIL import Image

    def open_one(honouree_id: int) -> None:
        honouree = registry.honouree(honouree_id)
        photo = honouree.primary_photo
        if photo is not None:
            with Image.open(io.BytesIO(registry.photo_bytes(photo.id, "display"))) as image:
                image.load()

    return [_timed(lambda i=i: open_one(i)) for _ in range(repeat) for i in ids]


def big_photo() -> Path:
    """A 24-megapixel camera-like JPEG (6000×4000, ~8 MB), made once."""
    from PIL import Image, ImageFilter

    path = generator.DATA_DIR / "photo-24mp.jpg"
    if path.exists():
        return path
    generator.DATA_DIR.mkdir(parents=True, exist_ok=True)
    base = Image.effect_noise((600, 400), 60).convert("RGB").resize((6000, 4000), Image.Resampling.BICUBIC)
    grain = Image.effect_noise((6000, 4000), 18).convert("RGB")
    image = Image.blend(base.filter(ImageFilter.GaussianBlur(3)), grain, 0.25)
    image.save(path, "JPEG", quality=92)
    return path


def add_photo(registry, honouree_id: int, repeat: int) -> list[float]:
    from honours.core.photos import prepare_photo

    source = big_photo()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        registry.add_photo(honouree_id, prepare_photo(source), caption="基准测试")
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def index_build(source: Path, workdir: Path, repeat: int) -> tuple[list[float], int, list[float]]:
    """Seconds for honours.core.sqlite.indexing.reindex_all with progress, on a copy of the roll."""
    from honours.core import Registry
    from honours.core.sqlite.indexing import reindex_all

    samples: list[float] = []
    cpu_seconds: list[float] = []
    calls = [0]

    def progress(done: int, total: int) -> None:
        calls[0] += 1

    for _ in range(repeat):
        path = workdir / "build.sqlite"
        shutil.copy(source, path)
        registry = Registry.open(path)
        start, cpu = time.perf_counter(), time.process_time()
        with registry.atomic():
            reindex_all(registry.conn, progress)
        samples.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu)
        registry.close()
        path.unlink()
    return samples, calls[0], cpu_seconds


# -- GUI figures (each in its own process) -------------------------------------------------------

PROBE_FAILURES: list[str] = []


def _probe(args: list[str], timeout: float = 900, tries: int = 2) -> dict | None:
    """Run one GUI probe in a fresh process; a probe that dies is tried once more (and noted)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for attempt in range(tries):
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.gui_probe", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        for line in done.stdout.splitlines():
            if line.startswith("{"):
                return json.loads(line)
        detail = f"exit code {done.returncode}; {done.stderr.strip()[-300:]}"
        PROBE_FAILURES.append(f"GUI probe '{args[0]}' run {attempt + 1} produced no result ({detail})")
        print(f"  gui probe {args[0]} failed: {detail}", file=sys.stderr)
    return None


def cold_start(db: Path, settings: Path, repeat: int) -> tuple[list[float], bool]:
    """Seconds from launching a fresh interpreter to a shown main window whose table painted rows."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # An installed app starts from compiled bytecode; this sandbox sets PYTHONDONTWRITEBYTECODE,
    # which would charge every start ~0.3 s of compiling. Compile once, as an install does,
    # and start once untimed so the libraries are in the disk cache (a fresh process, warm disk).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "honours", "benchmarks"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=False,
    )
    subprocess.run(
        [sys.executable, "-m", "benchmarks.gui_probe", "start", str(db), str(settings)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    samples, pinyin = [], False
    for _ in range(repeat):
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.gui_probe", "start", str(db), str(settings)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        line = child.stdout.readline() if child.stdout else ""
        elapsed = time.perf_counter() - start
        child.wait(timeout=60)
        if line.startswith("{"):
            data = json.loads(line)
            if data.get("ready"):
                samples.append(elapsed)
            pinyin = pinyin or data.get("pypinyin_loaded", False)
    return samples, pinyin


# -- the run -----------------------------------------------------------------------------------


def build_figures() -> tuple[dict[str, Figure], dict[str, Figure], dict[str, Figure]]:
    pages = {k: Figure(f"search, first 200: {k}", "p95 ≤ 5 ms", 5) for k in queries.KINDS}
    counts = {k: Figure(f"match count: {k}", "p95 ≤ 10 ms", 10) for k in queries.KINDS}
    other = {
        "keystroke": Figure("GUI keystroke → table repainted (all kinds)", "p95 ≤ 50 ms", 50),
        "start": Figure("cold start to populated window", "median ≤ 0.8 s", 0.8, unit="s", by="median"),
        "memory": Figure(
            "resident memory, shown + scrolled to the end", "≤ 150 MiB", 150, unit="MiB", by="median"
        ),
        "detail": Figure("open detail with photo (core: record + decode)", "≤ 50 ms", 50, by="p95"),
        "detail_gui": Figure("open detail with photo (GUI detail pane)", "≤ 50 ms", 50, by="p95"),
        "photo": Figure("add a 24-megapixel JPEG as a photo", "≤ 0.5 s", 500, by="median"),
        "import": Figure("import of N rows from xlsx", "100k ≤ 20 s", 20, unit="s", by="median"),
        "import_index": Figure(
            "… then its queued search rows (background)", "—", None, unit="s", by="median"
        ),
        "add_json": Figure(
            "`honours add --json` of N records, stored and committed",
            "100k ≤ 20 s",
            20,
            unit="s",
            by="median",
        ),
        "add_json_index": Figure(
            "… then their search rows, before the command exits", "—", None, unit="s", by="median"
        ),
        "certificates": Figure("1,000 certificate summaries to one PDF", "≤ 30 s", 30, unit="s", by="median"),
        "build": Figure("index build, reindex_all with progress", "100k ≤ 30 s", 30, unit="s", by="median"),
        # An import's rows (N records, their honours, deeds, donations, history) written in one
        # transaction: the import's executemany against sqlite-utils' insert_all (bench_bulk_insert).
        **{
            key: Figure(f"import's rows written: {way}", "—", None, unit="s", by="median")
            for way, key in BULK_FIGURES.items()
        },
    }
    for label, _verb, _args in bench_statistics.TABLES:  # issue 15: every statistics table ≤ 200 ms
        other[f"stats:{label}"] = Figure(f"statistics table: {label}", "≤ 200 ms", 200, by="median")
    other["stats:whole report (9 tables)"] = Figure(
        "statistics window / `honours stats`: the whole report (9 tables)", "—", None, by="median"
    )
    return pages, counts, other


def run(sizes: list[int], repeat: int, heavy: int, build_repeat: int, skip: set[str]) -> str:
    from honours.core import Registry

    pages, counts, other = build_figures()
    notes: list[str] = []
    checks: dict[int, list[queries.Check]] = {}
    db_sizes: dict[int, float] = {}
    loads = [load()]
    started = time.perf_counter()
    for size in sizes:
        print(f"== {size:,} honourees", file=sys.stderr, flush=True)
        source = generator.ensure_roll(size)
        db_sizes[size] = source.stat().st_size / 1024 / 1024
        records = list(generator.RollGenerator().roll(size))
        sets = queries.query_sets(records)
        with tempfile.TemporaryDirectory(prefix="honours-bench-") as folder:
            work = Path(folder)
            db = work / "roll.sqlite"
            shutil.copy(source, db)
            settings = work / "settings.ini"
            registry = Registry.open(db)
            print("  core search", file=sys.stderr, flush=True)
            core_search(registry, sets, repeat, size, pages, counts)
            print("  correctness", file=sys.stderr, flush=True)
            checks[size] = check_correctness(registry, records, sets)
            photo_ids = [
                r[0]
                for r in registry.conn.execute("SELECT honouree_id FROM photo ORDER BY honouree_id LIMIT 10")
            ]  # benchmark set-up only
            other["detail"].add(size, detail_core(registry, photo_ids, heavy))
            if "stats" not in skip:
                print("  statistics", file=sys.stderr, flush=True)
                for label, samples in bench_statistics.measure(registry, max(3, heavy)).items():
                    other[f"stats:{label}"].add(size, samples)
            print("  photo", file=sys.stderr, flush=True)
            other["photo"].add(size, add_photo(registry, photo_ids[0], heavy))
            registry.close()
            shutil.copy(source, db)  # the GUI starts on the untouched roll
            for suffix in ("-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
            if "gui" not in skip:
                print("  gui", file=sys.stderr, flush=True)
                gui(size, db, settings, sets, photo_ids, repeat, heavy, other, notes)
            if "build" not in skip:
                print("  index build", file=sys.stderr, flush=True)
                seconds, calls, cpu = index_build(source, work, build_repeat)
                other["build"].add(size, seconds)
                notes.append(
                    f"{size:,}: index build reported progress {calls // max(1, build_repeat)} times; "
                    f"process CPU {statistics.median(cpu):.1f} s for {statistics.median(seconds):.1f} s "
                    "wall (this process: reading, SQLite's writing and merging; from 4,000 records the "
                    "pinyin and pairs are computed by two worker processes, not counted here)."
                )
        if "import" not in skip:
            extra(size, "import", "benchmarks.bench_import", "import_timeline", other, notes, heavy_runs=1)
        if "add_json" not in skip:
            extra(
                size, "add_json", "benchmarks.bench_add_json", "add_json_timeline", other, notes, heavy_runs=1
            )
        if "bulk_insert" not in skip:
            extra(
                size, "bulk_insert", "benchmarks.bench_bulk_insert", "bulk_insert_timeline", other, notes, 3
            )
        if "certificates" not in skip and size == sizes[-1]:
            extra(
                1000,
                "certificates",
                "benchmarks.bench_certificates",
                "bench_certificates",
                other,
                notes,
                heavy_runs=1,
                record_as=size,
            )
        loads.append(load())
    shared = shared_registry_search(sizes[-1], repeat, skip, notes)
    shared += shared_registry_live(sizes[-1], repeat, skip, notes)
    shared += shared_registry_gui(sizes[-1], repeat, skip, notes)
    text = report(
        sizes,
        pages,
        counts,
        other,
        checks,
        db_sizes,
        notes,
        loads,
        time.perf_counter() - started,
        repeat,
        heavy,
        build_repeat,
    )
    return text + ("\n" + shared if shared else "")


def _shared_section(what: str, bench, run, notes: list[str], size: int) -> str:
    """One section of shared registry (PostgreSQL) figures: `run()` gives its report; skipped,
    with a line saying why, without PostgreSQL; a failure is noted without losing the rest."""
    why = bench.missing()
    if why:
        notes.append(f"shared registry (PostgreSQL) {what}: skipped, {why}.")
        return ""
    print(f"  shared registry (PostgreSQL) {what}", file=sys.stderr, flush=True)
    try:
        return run()
    except Exception as exc:  # noqa: BLE001 - a failing server must not lose the table
        notes.append(f"shared registry (PostgreSQL) {what} at {size:,}: FAILED: {exc!r}")
        return ""


def shared_registry_search(size: int, repeat: int, skip: set[str], notes: list[str]) -> str:
    """The shared registry's search figures at the largest size (benchmarks/bench_pg_search.py)."""
    if "postgres" in skip:
        return ""
    from benchmarks import bench_pg_search as bench

    return _shared_section(
        "search", bench, lambda: bench.report(size, bench.measure(size, max(1, repeat // 3))), notes, size
    )


def shared_registry_gui(size: int, repeat: int, skip: set[str], notes: list[str]) -> str:
    """Keystroke → repaint in the app's window on the shared registry at the largest size
    (benchmarks/bench_pg_gui.py); skipped with the GUI figures too."""
    if "postgres" in skip or "gui" in skip:
        return ""
    from benchmarks import bench_pg_gui as bench

    return _shared_section(
        "in the app",
        bench,
        lambda: "\n" + bench.report(size, bench.measure(size, max(1, repeat // 6))),
        notes,
        size,
    )


def shared_registry_live(size: int, repeat: int, skip: set[str], notes: list[str]) -> str:
    """The shared registry's save, other-window and soak figures at the largest size
    (benchmarks/bench_pg_live.py: 20 client processes for 60 s); skipped with the soak too."""
    if "postgres" in skip or "soak" in skip:
        return ""
    from benchmarks import bench_pg_live as bench

    def run() -> str:
        return "\n" + bench.report(size, bench.measure(size, max(30, repeat * 3), 20, 60))

    return _shared_section("live figures", bench, run, notes, size)


def gui(
    size: int,
    db: Path,
    settings: Path,
    sets: dict[str, list[str]],
    photo_ids: list[int],
    repeat: int,
    heavy: int,
    other: dict[str, Figure],
    notes: list[str],
) -> None:
    try:
        from honours import app

        if not hasattr(app, "create_window"):
            notes.append("GUI figures skipped: honours.app.create_window does not exist yet.")
            return
    except ImportError as exc:
        notes.append(f"GUI figures skipped: {exc}")
        return
    work = db.parent
    seconds, pinyin = cold_start(db, settings, heavy)
    other["start"].add(size, seconds)
    notes.append(
        f"{size:,}: cold start = fresh interpreter, compiled bytecode, warm disk cache; "
        f"pypinyin imported during start-up: {'YES (it should not be)' if pinyin else 'no'}."
    )
    typed = {k: v for k, v in sets.items()}
    (work / "queries.json").write_text(json.dumps(typed, ensure_ascii=False), encoding="utf-8")
    keys = _probe(
        ["keystrokes", str(db), str(settings), str(work / "queries.json"), str(max(1, repeat // 3))]
    )
    if keys:
        other["keystroke"].add(size, [v for values in keys["samples"].values() for v in values])
        worst = max(keys["samples"], key=lambda k: statistics.median(keys["samples"][k] or [0]))
        notes.append(
            f"{size:,}: slowest keystroke kind: {worst} (median "
            f"{statistics.median(keys['samples'][worst] or [0]):.1f} ms); "
            f"{keys['failures']} keystrokes did not repaint within 5 s."
        )
    mem = _probe(["memory", str(db), str(settings)])
    if mem:
        other["memory"].add(size, [mem["scrolled_mib"]])
        notes.append(
            f"{size:,}: memory {mem['shown_mib']:.0f} MiB shown, {mem['scrolled_mib']:.0f} MiB after "
            f"scrolling {mem['rows']:,} rows in {mem['scroll_seconds']:.1f} s (peak {mem['peak_mib']:.0f})."
        )
    (work / "ids.json").write_text(json.dumps(photo_ids), encoding="utf-8")
    pane = _probe(["detail", str(db), str(settings), str(work / "ids.json"), str(heavy)])
    if pane and pane.get("samples"):
        other["detail_gui"].add(size, pane["samples"])


def extra(
    size: int,
    key: str,
    module: str,
    function: str,
    other: dict[str, Figure],
    notes: list[str],
    heavy_runs: int,
    record_as: int | None = None,
) -> None:
    """Figures measured by other parts' benchmark modules, when they exist."""
    try:
        measure = getattr(__import__(module, fromlist=[function]), function)
    except (ImportError, AttributeError):
        notes.append(f"{key}: {module}.{function} not available yet.")
        return
    print(f"  {key}", file=sys.stderr, flush=True)
    try:
        values = [measure(size) for _ in range(heavy_runs)]
    except Exception as exc:  # noqa: BLE001 - another part's benchmark failing must not lose the table
        notes.append(f"{key} at {size:,}: FAILED: {exc!r}")
        return
    for value in values:  # a number, or several figures by key (the import and its queue)
        for name, seconds in value.items() if isinstance(value, dict) else [(key, value)]:
            other[name].add(record_as or size, [float(seconds)])
    if key == "import":
        other[key].label = "import of N rows from xlsx (N = roll size), stored and committed"


def report(
    sizes, pages, counts, other, checks, db_sizes, notes, loads, elapsed, repeat, heavy, build_repeat
) -> str:
    head = ["figure", "target"]
    for size in sizes:
        head += [f"{size // 1000}k median", f"{size // 1000}k p95"]
    head.append(f"at {sizes[-1] // 1000}k")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    rows = [*pages.values(), *counts.values(), *other.values()]
    for figure in rows:
        if not any(figure.stats(s) for s in sizes):
            continue
        cells = [figure.label, figure.target]
        for size in sizes:
            stats = figure.stats(size)
            unit = "" if figure.unit == "ms" else f" {figure.unit}"
            cells += (
                [f"{_fmt(stats[0], figure.unit)}{unit}", f"{_fmt(stats[1], figure.unit)}{unit}"]
                if stats
                else ["—", "—"]
            )
        cells.append(figure.verdict(sizes[-1]))
        lines.append("| " + " | ".join(cells) + " |")
    out = ["# Honours benchmark", ""]
    out += [f"Machine: {m}" for m in machine()]
    out.append(f"Load average (1/5/15 min) at start and after each size: {' → '.join(loads)}")
    out.append(
        f"Repeats: {repeat} per search query, {heavy} for start/photo/detail, {build_repeat} per index "
        f"build; GUI keystrokes {max(1, repeat // 3)} rounds of every query. Times in ms unless marked."
    )
    out.append("Database size: " + ", ".join(f"{s:,} honourees {mb:.0f} MiB" for s, mb in db_sizes.items()))
    out.append("")
    out += lines
    out.append("")
    for size, results in checks.items():
        bad = [c for c in results if not c.ok]
        if bad:
            out.append(
                f"**SEARCH MISMATCHES at {size:,}: {len(bad)} of {len(results)} queries differ "
                "from the reference scan:**"
            )
            out += [
                f"- `{c.query}`: index {c.fast}, scan {c.slow}, missing {c.missing}, extra {c.extra}, "
                f"order {'same' if c.order_ok else 'DIFFERENT'}"
                for c in bad
            ]
        else:
            out.append(
                f"Correctness at {size:,}: all {len(results)} checked queries return exactly the "
                "reference scan's ids in the same order."
            )
    for figure in other.values():
        if figure.note:
            out.append(f"{figure.label}: {figure.note}.")
    out += [f"Note: {n}" for n in notes + PROBE_FAILURES]
    out.append(f"Whole run: {elapsed / 60:.1f} min.")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="roll sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=30, help="runs of every search query")
    parser.add_argument("--heavy-repeat", type=int, default=5, help="runs of start-up, photo and detail")
    parser.add_argument("--build-repeat", type=int, default=1, help="runs of the whole index build")
    parser.add_argument(
        "--skip",
        default="",
        help="comma-separated: gui, build, import, add_json, bulk_insert, certificates, stats, postgres, soak",
    )
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    text = run(
        sizes,
        args.repeat,
        args.heavy_repeat,
        args.build_repeat,
        {s.strip() for s in args.skip.split(",") if s.strip()},
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.md").write_text(text, encoding="utf-8")
    print(text)
    if "MISMATCHES" in text or "DIFFER FROM THE FILE" in text:
        print("SEARCH RESULTS DIFFER FROM THE REFERENCE SCAN — see above.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
