"""A throwaway PostgreSQL server for the tests, started on first use and stopped at exit.

CI runs as root without systemd, and PostgreSQL refuses to run as root, so the cluster is
made and run as the `postgres` user (`runuser`) in a temporary folder: `initdb -E UTF8
--locale=C.UTF-8` (under the C locale pg_trgm sees no Chinese), trust authentication on a
loopback port and a private socket folder, fsync off. Each test that asks for a database gets
a new one from template0, so tests never see each other's rows. The server takes about a
second to start; no test pays for it unless it asks.
"""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

LOCALE = "C.UTF-8"
PASSWORD_GROUP = "honours_test_password_logins"


def server_binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian keeps them in /usr/lib/postgresql/N/bin)."""
    override = os.environ.get("HONOURS_PG_BIN")
    if override:
        return Path(override) if (Path(override) / "initdb").exists() else None
    root = Path("/usr/lib/postgresql")
    versions = sorted(
        (p for p in root.glob("*/bin") if (p / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    if versions:
        return versions[-1]
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ThrowawayServer:
    """One PostgreSQL cluster in a temporary folder, for this test run only."""

    def __init__(self, binaries: Path) -> None:
        self.binaries = binaries
        self.folder = Path(tempfile.mkdtemp(prefix="honours-pg-"))
        self.data = self.folder / "data"
        self.sockets = self.folder / "sockets"
        self.port = _free_port()
        self.user = "postgres"
        self._names = itertools.count(1)
        self.running = False

    def _as_server_user(self, *command: str) -> list[str]:
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *command]
        return list(command)

    def _run(self, *command: str) -> None:
        done = subprocess.run(
            self._as_server_user(*command), check=False, capture_output=True, text=True, timeout=120
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
            )

    def start(self) -> ThrowawayServer:
        self.sockets.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
            shutil.chown(self.sockets, "postgres")
        else:
            self.user = os.environ.get("USER") or "postgres"
        self._run(
            str(self.binaries / "initdb"),
            "-D",
            str(self.data),
            "-E",
            "UTF8",
            f"--locale={LOCALE}",
            "-A",
            "trust",
            "-U",
            self.user,
        )
        # Logins made members of PASSWORD_GROUP must give a password over TCP (the app's
        # password prompt is tested against them); every other login is trusted.
        hba = self.data / "pg_hba.conf"
        rules = hba.read_text(encoding="utf-8")
        hba.write_text(f"host all +{PASSWORD_GROUP} 127.0.0.1/32 scram-sha-256\n{rules}", encoding="utf-8")
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.sockets} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            str(self.binaries / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "start",
        )
        self.running = True
        atexit.register(self.stop)
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE ROLE {PASSWORD_GROUP} NOLOGIN")
        return self

    def stop(self) -> None:
        if self.running:
            self.running = False
            subprocess.run(
                self._as_server_user(
                    str(self.binaries / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"
                ),
                check=False,
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def new_database(self, prefix: str = "honours") -> str:
        """A new, empty UTF-8 database (C.UTF-8 collation and character classes); its URL."""
        import psycopg

        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(
                f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
                f"LC_COLLATE '{LOCALE}' LC_CTYPE '{LOCALE}'"
            )
        return self.url(name)
