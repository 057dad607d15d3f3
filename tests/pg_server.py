"""A throwaway PostgreSQL cluster for the store tests and benchmarks: Debian's server binaries, a temp folder,
a Unix socket only (no TCP port to collide with), stopped and deleted at the end.

initdb refuses root, so as root the cluster runs as the `postgres` user (Debian's package creates it).
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

USER = "checker"
TEMPLATE = "checker_template"


def server_binaries() -> Path | None:
    """The newest /usr/lib/postgresql/*/bin holding initdb, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def missing_reason() -> str | None:
    """Why the PostgreSQL tests cannot run here (one line), or None when they can."""
    if server_binaries() is None:
        return "PostgreSQL server binaries not installed (apt-get install postgresql)"
    try:
        import psycopg  # noqa: F401
        import psycopg_pool  # noqa: F401
    except ImportError:
        return "psycopg not installed (make install-scale)"
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and no postgres user to run the server as"
    return None


class Cluster:
    """A running server; `new_database()` gives each test an empty, migrated store of its own."""

    def __init__(self) -> None:
        self.bin = server_binaries()
        assert self.bin is not None
        self.root = Path(tempfile.mkdtemp(prefix="checker-pg-"))
        self.data, self.socket = self.root / "data", self.root / "sock"
        self.socket.mkdir()
        self.port = 5432 + os.getpid() % 1000
        self._as_postgres = os.geteuid() == 0
        self._counter = itertools.count(1)
        if self._as_postgres:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8",
                  "--no-sync")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-o",
                  f"-k {self.socket} -p {self.port} -c listen_addresses='' -c fsync=off -c max_connections=300 "
                  "-c synchronous_commit=off -c full_page_writes=off", "start")
        self.template_ready = False

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}@/{database}?host={self.socket}&port={self.port}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)

    def new_database(self) -> str:
        """A fresh database cloned from a migrated template (migrating costs more than cloning)."""
        from checker.store.db import open_db
        from checker.store.pg import close_pool

        if not self.template_ready:
            self.admin(f"CREATE DATABASE {TEMPLATE}")
            open_db(self.url(TEMPLATE))
            close_pool(self.url(TEMPLATE))
            self.template_ready = True
        name = f"t{next(self._counter)}"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def empty_database(self) -> str:
        """A database with no checker schema at all (to test creating and refusing)."""
        name = f"e{next(self._counter)}"
        self.admin(f"CREATE DATABASE {name}")
        return self.url(name)

    def drop(self, url: str) -> None:
        from checker.store.pg import close_pool

        close_pool(url)
        name = url.split("/")[3].split("?")[0]
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        from checker.store.pg import close_pools

        close_pools()
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, cwd=self.root)
        if result.returncode != 0:
            raise RuntimeError(f"{program} failed: {result.stderr.strip() or result.stdout.strip()}")
