"""Benchmark: 1,000 certificate summaries to one PDF (issue 7 target: ≤ 30 s on 2 cores).

    python -m benchmarks.bench_certificates [N]      # or: python benchmarks/bench_certificates.py

Builds a temporary registry of N synthetic honourees from benchmarks.generator (Chinese
names, real units, honours at every level, 50–300-character deeds, donations for a share)
and gives every one a primary photo of phone size (the worst case: each photo is decoded,
resampled to print resolution and embedded). Only `render_certificates` is timed;
the registry set-up is not. `make bench` calls `bench_certificates(n)`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `honours` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PHOTO_PIXELS = (1500, 2000)  # a phone photo as the store keeps it (display copy ≤ 2000 px)


def build_registry(path: Path, n: int, with_photos: bool = True):
    """A registry file of n synthetic honourees (benchmarks.generator), each with a primary
    photo from a pool of prepared photos, so that set-up stays fast while every record still
    stores, and the batch still decodes and embeds, its own copy."""
    from benchmarks.generator import RollGenerator, portrait_jpeg
    from honours.core import Registry
    from honours.core.photos import NewPhoto, prepare_photo

    registry = Registry.open(path)
    pool = []
    if with_photos:
        pool = [prepare_photo(portrait_jpeg(i, PHOTO_PIXELS), f"p{i}.jpg") for i in range(8)]
    people = list(RollGenerator(2024).roll(n))
    photos = {i: [NewPhoto(pool[i % len(pool)], primary=True)] for i in range(n)} if pool else None
    registry.add_many(people, photos=photos)
    return registry


def _ensure_app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])
    from honours.gui.fonts import install_fonts

    install_fonts()
    return app


def bench_certificates(n: int = 1000, cpu: list[float] | None = None) -> float:
    """Seconds (wall clock) to render n certificate summaries, all with photos, into one PDF.

    On a shared machine the wall clock includes waiting for a core; pass a list as `cpu`
    to also get the process CPU seconds appended, which shows how much that was."""
    app = _ensure_app()  # noqa: F841 - must stay alive while rendering
    from honours.printing import render_certificates

    with tempfile.TemporaryDirectory() as folder:
        registry = build_registry(Path(folder) / "bench.sqlite", n)
        ids = registry.all_ids()
        start, start_cpu = time.perf_counter(), time.process_time()
        result = render_certificates(registry, ids, Path(folder) / "bench.pdf")
        seconds = time.perf_counter() - start
        if cpu is not None:
            cpu.append(time.process_time() - start_cpu)
        registry.close()
        assert result.records == n, result
    return seconds


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 1000
    cpu: list[float] = []
    seconds = bench_certificates(n, cpu)
    print(
        f"{n} certificate summaries to one PDF: {seconds:.2f} s ({seconds / n * 1000:.1f} ms each;"
        f" {cpu[0]:.2f} s of CPU; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
