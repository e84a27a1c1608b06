"""Benchmark: `honours add --json FILE` of N records into an empty registry.

    python -m benchmarks.bench_add_json [N ...]                  # the command as a user runs it
    python -m benchmarks.bench_add_json --record-by-record N     # the old path, Registry.add_many

The JSON is a list of N synthetic records (benchmarks.generator, the same roll as the import
benchmark) in `honours show --json`'s shape, made once per N and cached under
benchmarks/.data/. Timed: the command in a fresh process, as the user waits for it — reading
and checking the JSON and writing the records as an import does (Registry.apply_import),
until they are stored and committed; and, from 20,000 records, from there until the
command exits having written their queued search rows (as `honours import` does).
`--record-by-record` times `Registry.add_many` in this process instead: what `add` did with
any list before it used the import path (issue 14: 100,000 records took 130 s).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `honours` and `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = Path(__file__).resolve().parent / ".data"
JSON_VERSION = 1


def make_json(n: int, seed: int = 2024) -> Path:
    """The cached list of n records as JSON (made on first use; a few seconds for 100,000)."""
    from benchmarks.generator import RollGenerator

    path = DATA_DIR / f"add-{n}-s{seed}-v{JSON_VERSION}.json"
    if path.exists():
        return path
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    records = [h.to_dict() for h in RollGenerator(seed).roll(n)]
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)
    return path


def _empty_registry(path: Path) -> None:
    from honours.core import Registry

    Registry.open(path).close()


def add_json_timeline(n: int = 100_000) -> dict[str, float]:
    """Seconds for `honours --db EMPTY add --json FILE` of n records: until the records are
    stored and committed (the command then says it is building their search index, from
    20,000 records), and from there until it exits with every record searchable."""
    from honours.core import Registry

    source = make_json(n)
    with tempfile.TemporaryDirectory(prefix="honours-bench-add-") as folder:
        db = Path(folder) / "bench.sqlite"
        _empty_registry(db)
        env = {**os.environ, "HONOURS_LANG": "en"}
        with (Path(folder) / "ids.txt").open("w+", encoding="utf-8") as out:
            start = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-m", "honours", "--db", str(db), "add", "--json", str(source)],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
            stored, said = None, []
            assert child.stderr is not None
            for line in child.stderr:  # Python writes stderr a line at a time
                said.append(line)
                if stored is None and line.startswith("Building the search index"):
                    stored = time.perf_counter() - start
            child.wait()
            seconds = time.perf_counter() - start
            out.seek(0)
            added = len(out.read().split())
        if child.returncode != 0:
            raise AssertionError(f"honours add --json of {n} failed: {''.join(said)[-300:]}")
        registry = Registry.open(db)
        try:
            if added != n or registry.count() != n or registry.queued_for_index():
                raise AssertionError(
                    f"{n} records: {added} ids printed, {registry.count()} stored, "
                    f"{registry.queued_for_index()} not yet searchable"
                )
        finally:
            registry.close()
    if stored is None:  # fewer than 20,000: searchable when they commit
        return {"add_json": seconds}
    return {"add_json": stored, "add_json_index": seconds - stored}


def add_record_by_record(n: int) -> float:
    """Seconds for Registry.add_many of the same n records (reading the JSON not timed)."""
    from honours.cli.output import read_json, records_from_json
    from honours.core import Registry

    records = records_from_json(read_json(str(make_json(n))))
    with tempfile.TemporaryDirectory(prefix="honours-bench-add-") as folder:
        registry = Registry.open(Path(folder) / "bench.sqlite")
        start = time.perf_counter()
        registry.add_many(records)
        seconds = time.perf_counter() - start
        registry.close()
    return seconds


def main(argv: list[str]) -> None:
    old = "--record-by-record" in argv
    sizes = [int(a.replace("_", "").replace(",", "")) for a in argv if not a.startswith("--")] or [20_000]
    for n in sizes:
        make_json(n)
        if old:
            print(f"{n:>7} records, Registry.add_many: {add_record_by_record(n):.2f} s", flush=True)
        else:
            times = add_json_timeline(n)
            index = times.get("add_json_index")
            print(
                f"{n:>7} records, honours add --json: stored and committed {times['add_json']:.2f} s"
                + (
                    f", then their search index {index:.2f} s (exit at {times['add_json'] + index:.2f} s)"
                    if index is not None
                    else " (searchable)"
                ),
                flush=True,
            )


if __name__ == "__main__":
    main(sys.argv[1:])
