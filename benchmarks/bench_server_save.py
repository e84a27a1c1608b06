"""How long one save takes on the shared registry (issue 16's target: a save ≤ 50 ms).

    python -m benchmarks.bench_server_save [--records 2000] [--saves 200] [--url postgresql://…]

Without --url it starts a throwaway PostgreSQL server (tests/pg_server.py) and sets up a
registry with `server init` and a city office, as the tests do. It adds --records honourees
(with an honour and a deed each, in one import) and then times --saves edits of random
people through ServerRegistry.update as an office login (row lock, version check,
children rewritten, derived columns, search rows, history, all in one transaction), and
the same number of whole-record reads. Prints median and 95th percentile in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from honours.core.import_verbs import ImportItem
from honours.core.postgres.registry import ServerRegistry
from honours.core.postgres.server import init_server
from honours.core.records import Deed, Honour, Honouree

REGIONS = ("耒阳市", "常宁市", "衡南县", "南岳区", "雁峰区")


def _percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]


def run(url: str, records: int, saves: int) -> None:
    init_server(url, city_office="衡阳市总工会", city_login="bench_city")
    parts = urlsplit(url)
    office_url = urlunsplit(parts._replace(netloc=f"bench_city@{parts.hostname}:{parts.port}"))
    with ServerRegistry.open(office_url) as registry:
        items = [
            ImportItem(
                Honouree(
                    name=f"测试{n:05d}",
                    unit=f"衡阳市第{n % 97}中学",
                    region=REGIONS[n % len(REGIONS)],
                    honours=[Honour(title="衡阳市劳动模范", level="municipal", year=2000 + n % 25)],
                    deeds=[Deed(text=f"扎根一线{n}年，攻坚克难")],
                )
            )
            for n in range(records)
        ]
        started = time.perf_counter()
        ids = registry.apply_import(items).added
        print(f"{records} honourees imported in {time.perf_counter() - started:.1f} s")
        rng = random.Random(16)
        save_ms, read_ms = [], []
        for n in range(saves):
            honouree_id = rng.choice(ids)
            t = time.perf_counter()
            person = registry.honouree(honouree_id)
            read_ms.append((time.perf_counter() - t) * 1000)
            person.position = f"岗位{n}"
            t = time.perf_counter()
            registry.update(person)
            save_ms.append((time.perf_counter() - t) * 1000)
        for label, values in (("save (update)", save_ms), ("read (honouree)", read_ms)):
            median, p95 = _percentiles(values)
            print(f"{label:<18} median {median:6.1f} ms   p95 {p95:6.1f} ms   ({len(values)} samples)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--url", help="an empty database on a running server (default: a throwaway server)")
    args = parser.parse_args()
    if args.url:
        run(args.url, args.records, args.saves)
        return
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from pg_server import ThrowawayServer, server_binaries

    binaries = server_binaries()
    if binaries is None:
        raise SystemExit("PostgreSQL is not installed (apt-get install postgresql)")
    server = ThrowawayServer(binaries).start()
    try:
        run(server.new_database(), args.records, args.saves)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
