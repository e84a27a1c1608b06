"""The shared registry live (issue 16's figures): a save, another window following it, and a soak.

    python -m benchmarks.bench_pg_live [--size 100000] [--saves 100] [--clients 20] [--seconds 60]
        [--url URL] [--no-report]

Starts a throwaway PostgreSQL server as the tests do (tests/pg_server.py), loads the cached roll
of `--size` honourees into it (benchmarks/pg_roll.py) and makes an office login of every region
(row-level security applying, as for the offices); with `--url` (a database holding the roll,
benchmarks/pg_keep.py) it writes into a fresh copy of that one instead. Then:

* save: `--saves` edits of random people through ServerRegistry.update (row lock, version check,
  children rewritten, derived columns, search rows, history; one transaction). Target ≤ 50 ms.
* other window: a second registry subscribed as an open window's store is (its own listening
  connection); the time from the save's return until the listener has been told and has read the
  saved version back through the policies, as the window does before it repaints. Target ≤ 1 s.
* soak: `--clients` processes for `--seconds`, each an app's connections (one working, one
  listening), searching (queries of benchmarks/queries.py) and saving: a third of the saves go to
  ten records every client edits, the rest to its own. Each save appends a token of its own to the
  person's notes on the version it read. Afterwards every record's notes must hold every token a
  client was told was saved, its version must be 1 + those saves, and its history must hold one
  update per save: any lost update fails the run. Every conflict must have reached the client as a
  ConflictError (counted), never as a silent overwrite or another error.
"""

from __future__ import annotations

import argparse
import importlib.util
import multiprocessing
import os
import queue
import random
import statistics
import sys
import threading
import time
from contextlib import suppress
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from benchmarks import generator, queries

ROOT = Path(__file__).resolve().parents[1]
HOT = 10  # records every soak client edits
LOGIN = "bench_everywhere"


def _pg_server_module():
    spec = importlib.util.spec_from_file_location("pg_server", ROOT / "tests" / "pg_server.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def missing() -> str | None:
    """Why the benchmark cannot run here, or None."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed"
    if _pg_server_module().server_binaries() is None:
        return "PostgreSQL is not installed (apt-get install postgresql)"
    return None


def stats(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


def _as(url: str, login: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{login}@{parts.hostname}:{parts.port}"))


def measure_saves(url: str, ids: list[int], saves: int) -> dict[str, list[float]]:
    """Save times and the other window's delay, in ms."""
    from honours.core.postgres.registry import ServerRegistry

    out: dict[str, list[float]] = {"save": [], "other window": []}
    rng = random.Random(16)
    with ServerRegistry.open(url) as saver, ServerRegistry.open(url) as window:
        arrived = threading.Event()
        wanted: dict[str, int] = {}

        def listener(change) -> None:  # on the window's listening thread, as the store's is
            relevant = wanted.get("id") in (change.ids or []) or change.kind == "reset"
            if relevant and window_read(wanted["id"]) >= wanted["version"]:
                arrived.set()

        lock = threading.Lock()

        def window_read(honouree_id: int) -> int:
            with lock:
                return window.honouree(honouree_id).version

        window.subscribe(listener)
        window.changed_elsewhere()  # starts listening
        time.sleep(0.5)
        for n in range(saves):
            person = saver.honouree(rng.choice(ids))
            person.position = f"岗位{n}"
            arrived.clear()
            wanted.update(id=person.id, version=person.version + 1)
            started = time.perf_counter()
            saver.update(person)
            saved = time.perf_counter()
            out["save"].append((saved - started) * 1000)
            if not arrived.wait(5):
                out["other window"].append(5000.0)
            else:
                out["other window"].append((time.perf_counter() - saved) * 1000)
        window.unsubscribe(listener)
    return out


def _soak_client(
    number: int, url: str, hot: list[int], own: list[int], texts: list[str], seconds: float, results
):
    """One soak client: search and save until the time is up; reports (saved, conflicts, others)."""
    from honours.core.errors import ConflictError, HonoursError
    from honours.core.postgres.registry import ServerRegistry

    rng = random.Random(number)
    saved: list[tuple[int, str]] = []
    conflicts = busy = searches = 0
    others: list[str] = []
    with ServerRegistry.open(url) as registry:
        registry.subscribe(lambda change: None)  # an app's window listens too
        registry.changed_elsewhere()
        deadline = time.monotonic() + seconds
        n = 0
        while time.monotonic() < deadline:
            n += 1
            registry.search(rng.choice(texts)).ids(0, 200)
            searches += 1
            honouree_id = rng.choice(hot) if rng.random() < 1 / 3 else rng.choice(own)
            person = registry.honouree(honouree_id)
            token = f"c{number}n{n}"
            person.notes = (person.notes + " " + token).strip()
            time.sleep(rng.random() * 0.02)  # a person editing: others may save meanwhile
            try:
                registry.update(person)
                saved.append((honouree_id, token))
            except ConflictError:
                conflicts += 1
            except HonoursError as error:  # busy: told plainly, nothing saved
                if "busy" in str(error):
                    busy += 1
                else:
                    others.append(str(error))
    results.put((number, saved, conflicts, busy, searches, others))


def soak(url: str, admin_url: str, ids: list[int], texts: list[str], clients: int, seconds: float) -> dict:
    """Run the soak and check it; a dict of counts and the lost updates found (must be none)."""
    import psycopg

    from honours.core.postgres.registry import ServerRegistry

    rng = random.Random(2016)
    chosen = rng.sample(ids, HOT + clients * 20)
    hot, rest = chosen[:HOT], chosen[HOT:]
    with ServerRegistry.open(url) as registry:  # every soaked record starts from empty notes
        for honouree_id in chosen:
            person = registry.honouree(honouree_id)
            person.notes = ""
            registry.update(person)
        start_versions = {i: registry.honouree(i).version for i in chosen}
        with psycopg.connect(admin_url, autocommit=True) as admin:
            start_history = dict(
                admin.execute(
                    "SELECT honouree_id, count(*) FROM history WHERE action = 'update' AND honouree_id = ANY(%s)"
                    " GROUP BY honouree_id",
                    (chosen,),
                ).fetchall()
            )
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    processes = [
        context.Process(
            target=_soak_client,
            args=(n, url, hot, rest[n * 20 : (n + 1) * 20], texts, seconds, results),
        )
        for n in range(clients)
    ]
    for p in processes:
        p.start()
    peak = 0
    with psycopg.connect(admin_url, autocommit=True) as admin:
        deadline = time.monotonic() + seconds + 60
        outcomes = []
        while len(outcomes) < clients and time.monotonic() < deadline:
            peak = max(
                peak,
                admin.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE usename = %s", (LOGIN,)
                ).fetchone()[0],
            )
            with suppress(queue.Empty):
                outcomes.append(results.get(timeout=0.5))
        for p in processes:
            p.join(30)
        saved_by_record: dict[int, list[str]] = {}
        conflicts = busy = searches = 0
        others: list[str] = []
        for _, saved, c, b, s, o in outcomes:
            conflicts += c
            busy += b
            searches += s
            others += o
            for honouree_id, token in saved:
                saved_by_record.setdefault(honouree_id, []).append(token)
        lost: list[str] = []
        with ServerRegistry.open(url) as registry:
            end_history = dict(
                admin.execute(
                    "SELECT honouree_id, count(*) FROM history WHERE action = 'update' AND honouree_id = ANY(%s)"
                    " GROUP BY honouree_id",
                    (chosen,),
                ).fetchall()
            )
            for honouree_id in chosen:
                person = registry.honouree(honouree_id)
                tokens = saved_by_record.get(honouree_id, [])
                missing_tokens = set(tokens) - set(person.notes.split())
                if missing_tokens:
                    lost.append(f"#{honouree_id} lost {sorted(missing_tokens)}")
                if person.version != start_versions[honouree_id] + len(tokens):
                    lost.append(
                        f"#{honouree_id} version {person.version}, expected {start_versions[honouree_id] + len(tokens)}"
                    )
                if end_history.get(honouree_id, 0) - start_history.get(honouree_id, 0) != len(tokens):
                    lost.append(f"#{honouree_id} history does not hold one update per save")
    return {
        "clients": clients,
        "finished": len(outcomes),
        "seconds": seconds,
        "saves": sum(len(t) for t in saved_by_record.values()),
        "hot saves": sum(len(saved_by_record.get(i, [])) for i in hot),
        "conflicts": conflicts,
        "busy": busy,
        "searches": searches,
        "other errors": others,
        "lost": lost,
        "peak connections": peak,
    }


def measure(
    size: int,
    saves: int,
    clients: int,
    seconds: float,
    url: str | None = None,
    log=lambda text: print(text, file=sys.stderr, flush=True),
) -> dict:
    """Save and other-window samples in ms and the soak's outcome. With `url` (a database
    holding the roll, benchmarks/pg_keep.py) the run writes into a fresh copy of it."""
    from benchmarks.pg_keep import copy_of
    from benchmarks.pg_roll import load_roll
    from honours.core.postgres.registry import ServerRegistry
    from honours.core.postgres.server import add_office

    records = list(generator.RollGenerator().roll(min(size, 20000)))
    texts = [t for group in queries.query_sets(records).values() for t in group]
    server = None
    if url is None:
        pg = _pg_server_module()
        server = pg.ThrowawayServer(pg.server_binaries()).start()
    try:
        if server is None:
            admin_url = copy_of(url, "live_bench")  # type: ignore[arg-type]
        else:
            source = generator.ensure_roll(size, log=log)
            admin_url = server.new_database("live")
            log(f"  loading {size:,} honourees into PostgreSQL …")
            load_roll(source, admin_url)
        add_office(admin_url, "全市（基准测试）", [], login=LOGIN, all_regions=True)
        url = _as(admin_url, LOGIN)
        with ServerRegistry.open(url) as registry:
            ids = registry.all_ids()
        log(f"  {saves} saves, each followed by another window …")
        out: dict = measure_saves(url, ids, saves)
        log(f"  soak: {clients} client processes for {seconds:.0f} s …")
        out["soak"] = soak(url, admin_url, ids, texts, clients, seconds)
        out["load average"] = os.getloadavg()
        import psycopg

        with psycopg.connect(admin_url) as conn:
            out["shared_buffers"] = conn.execute("SHOW shared_buffers").fetchone()[0]
        return out
    finally:
        if server is not None:
            server.stop()


def report(size: int, result: dict) -> str:
    lines = [
        f"## Shared registry (PostgreSQL) live at {size:,} honourees",
        "",
        "| figure | median ms | p95 ms | target |",
        "|---|---|---|---|",
    ]
    for label, target, limit in (("save", "≤ 50 ms", 50.0), ("other window", "≤ 1 s", 1000.0)):
        median, p95 = stats(result[label])
        verdict = "met" if p95 <= limit else "**missed**"
        lines.append(
            f"| {label} ({len(result[label])}) | {median:.1f} | {p95:.1f} | p95 {target} ({verdict}) |"
        )
    s = result["soak"]
    ok = not s["lost"] and not s["other errors"] and s["finished"] == s["clients"]
    soaked = (
        f"Soak: {s['clients']} client processes for {s['seconds']:.0f} s ({s['finished']} finished): "
        f"{s['searches']:,} searches, {s['saves']:,} saves ({s['hot saves']:,} on the {HOT} records all edit), "
        f"{s['conflicts']:,} conflicts reported, {s['busy']} told busy, {len(s['other errors'])} other errors; "
        f"lost updates: {len(s['lost'])} ({'met' if ok else '**FAILED**'}). "
        f"Peak connections of the login the clients share: {s['peak connections']} (each client: one working, one listening)."
    )
    lines += ["", soaked]
    lines += [
        "",
        f"PostgreSQL shared_buffers {result['shared_buffers']}; load average after the run "
        + ", ".join(f"{x:.2f}" for x in result["load average"])
        + f" ({os.cpu_count()} cores).",
    ]
    for problem in (s["lost"] + s["other errors"])[:20]:
        lines.append(f"- {problem}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=100)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--url", help="a database already holding the roll (python -m benchmarks.pg_keep start)"
    )
    parser.add_argument("--no-report", action="store_true", help="print only; leave results/pg_live.md")
    args = parser.parse_args(argv)
    why = missing()
    if why:
        print(f"shared registry live figures skipped: {why}")
        return 0
    result = measure(args.size, args.saves, args.clients, args.seconds, args.url)
    text = report(args.size, result)
    if not args.no_report:
        results = ROOT / "benchmarks" / "results"
        results.mkdir(parents=True, exist_ok=True)
        (results / "pg_live.md").write_text(text, encoding="utf-8")
    print(text)
    s = result["soak"]
    return 1 if s["lost"] or s["other errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
