"""A benchmark PostgreSQL server that outlives one run: the 100k roll loaded once, reused.

    python -m benchmarks.pg_keep start [--size 100000] [--shared-buffers 1GB]   # prints the roll's URL
    python -m benchmarks.pg_keep url [--size 100000]      # the URL of the running one
    python -m benchmarks.pg_keep stop

Copying the cached roll into a server and indexing it takes minutes; working on the search
SQL or a save, one wants to measure again in seconds. `start` starts a server the way the
tests do (tests/pg_server.py) but keeps it running after this process ends, loads the roll of
`--size` honourees into the database `roll_<size>` and writes what it made to
benchmarks/.data/pg_keep.json. The benches take that URL (`--url`): bench_pg_search reads it
as it is, bench_pg_live writes into a fresh copy of it (CREATE DATABASE … TEMPLATE, seconds).
`start` again brings the database's schema up to date (server.init_server's migrations) and
reloads nothing. `--shared-buffers` restarts the server with that much shared memory (PostgreSQL's
default is 128MB; the roll's search rows and indexes at 100,000 are about 700 MB).
"""

from __future__ import annotations

import argparse
import atexit
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import generator

ROOT = Path(__file__).resolve().parents[1]
STATE = ROOT / "benchmarks" / ".data" / "pg_keep.json"


def _pg_server_module():
    spec = importlib.util.spec_from_file_location("pg_server", ROOT / "tests" / "pg_server.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _state() -> dict | None:
    if not STATE.exists():
        return None
    state = json.loads(STATE.read_text(encoding="utf-8"))
    import psycopg

    try:
        with psycopg.connect(state["admin"], connect_timeout=3):
            return state
    except psycopg.OperationalError:
        return None


def roll_url(state: dict, size: int) -> str:
    return state["admin"].rsplit("/", 1)[0] + f"/roll_{size}"


def start(size: int, log=lambda text: print(text, file=sys.stderr, flush=True)) -> str:
    """The URL of a database holding the roll of `size`, on a kept server (started if needed)."""
    import psycopg

    from benchmarks.pg_roll import load_roll
    from honours.core.postgres.server import init_server

    state = _state()
    if state is None:
        pg = _pg_server_module()
        server = pg.ThrowawayServer(pg.server_binaries()).start()
        atexit.unregister(server.stop)  # kept: `stop` ends it
        state = {
            "admin": server.url(),
            "folder": str(server.folder),
            "data": str(server.data),
            "binaries": str(server.binaries),
            "as_root": os.geteuid() == 0,
        }
        STATE.parent.mkdir(parents=True, exist_ok=True)
        STATE.write_text(json.dumps(state), encoding="utf-8")
    url = roll_url(state, size)
    with psycopg.connect(state["admin"], autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (f"roll_{size}",)).fetchone()
        if not exists:
            conn.execute(
                f"CREATE DATABASE roll_{size} TEMPLATE template0 ENCODING 'UTF8'"
                " LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            )
    if exists:
        init_server(url)  # migrations this checkout added
    else:
        source = generator.ensure_roll(size, log=log)
        log(f"  loading {size:,} honourees into {url} …")
        started = time.perf_counter()
        try:
            load_roll(source, url)
        except BaseException:
            with psycopg.connect(state["admin"], autocommit=True) as conn:
                conn.execute(f"DROP DATABASE roll_{size}")
            raise
        log(f"  loaded in {time.perf_counter() - started:.0f} s")
    return url


def set_shared_buffers(size: str) -> None:
    """Restart the kept server with `size` of shared buffers ('' or 'default': PostgreSQL's own)."""
    import psycopg
    from psycopg import sql

    state = _state()
    if state is None:
        raise SystemExit("no kept server: python -m benchmarks.pg_keep start")
    with psycopg.connect(state["admin"], autocommit=True) as conn:
        if size in ("", "default"):
            conn.execute("ALTER SYSTEM RESET shared_buffers")
        else:
            conn.execute(sql.SQL("ALTER SYSTEM SET shared_buffers = {}").format(sql.Literal(size)))
    command = [str(Path(state["binaries"]) / "pg_ctl"), "-D", state["data"], "-m", "fast", "-w", "restart"]
    command += ["-l", str(Path(state["folder"]) / "server.log")]
    if state.get("as_root"):
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def copy_of(url: str, name: str) -> str:
    """A fresh database copied from the one at `url` (which must have no other sessions)."""
    import psycopg

    base, source = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    return f"{base}/{name}"


def stop() -> None:
    if not STATE.exists():
        return
    state = json.loads(STATE.read_text(encoding="utf-8"))
    command = [str(Path(state["binaries"]) / "pg_ctl"), "-D", state["data"], "-m", "fast", "-w", "stop"]
    if state.get("as_root"):
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=False, capture_output=True, timeout=60)
    shutil.rmtree(state["folder"], ignore_errors=True)
    STATE.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pg_keep")
    parser.add_argument("action", choices=("start", "url", "stop"))
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--shared-buffers", help="restart the kept server with this much (default: 128MB)")
    args = parser.parse_args(argv)
    if args.action == "stop":
        stop()
        return 0
    if args.action == "url":
        state = _state()
        if state is None:
            print("no kept server: python -m benchmarks.pg_keep start", file=sys.stderr)
            return 1
        print(roll_url(state, args.size))
        return 0
    url = start(args.size)
    if args.shared_buffers:
        set_shared_buffers(args.shared_buffers)
    print(url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
