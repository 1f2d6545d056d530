"""A throwaway PostgreSQL server for the tests, from Debian's packages, on 127.0.0.1.

One cluster per test session (:func:`cluster`), in a temporary folder: initdb, then pg_ctl start
listening on 127.0.0.1 only, on a free port, with its unix socket in that folder. As root, initdb
refuses to run, so the server runs as the ``postgres`` user. ``REP_PLANNER_PG_URL`` (a superuser's
URL, e.g. in CI with a server of its own) is used instead when set. Over TCP the server asks for a
password (SCRAM): the superuser's is made for the session and given to libpq in a password file
(``PGPASSFILE``, as a team member's ~/.pgpass), so no URL here holds it. One fresh database per test
(:func:`fresh_database`: CREATE DATABASE ... TEMPLATE template0).

Where no server can be had the PostgreSQL tests are skipped with the reason, except in CI
(``CI=true``), where that is a failure.
"""

from __future__ import annotations

import glob
import itertools
import os
import secrets
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.caldav_servers import free_port

SUPERUSER = "postgres"
_names = itertools.count(1)


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is needed in CI: {reason}")
    pytest.skip(f"no PostgreSQL server: {reason}")


def _bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


@dataclass
class Cluster:
    """A server the tests may create databases on: ``url(name)`` is a superuser's URL to database ``name``."""

    host: str
    port: int
    user: str
    folder: Path | None = None
    bin: Path | None = None
    password: str | None = None

    def url(self, dbname: str = "postgres") -> str:
        """No password in it: libpq finds it in the session's password file (:func:`pgpass`)."""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{dbname}"

    def pgpass(self, folder: Path) -> Path:
        """A libpq password file for this server (as a team member's ~/.pgpass), mode 0600."""
        path = folder / "pgpass"
        path.write_text(f"{self.host}:{self.port}:*:{self.user}:{self.password or ''}\n")
        path.chmod(0o600)
        return path

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)

    def stop(self) -> None:
        if self.folder is not None and self.bin is not None:
            _as_postgres([str(self.bin / "pg_ctl"), "stop", "-D", str(self.folder / "data"), "-m", "immediate",
                          "-w"], check=False)
            shutil.rmtree(self.folder, ignore_errors=True)


def _as_postgres(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    if os.geteuid() == 0:
        command = ["runuser", "-u", SUPERUSER, "--", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)


def start() -> Cluster:
    """A new cluster of our own (see the module); the caller stops it."""
    from urllib.parse import urlsplit

    given = os.environ.get("REP_PLANNER_PG_URL")
    if given:
        parts = urlsplit(given)
        return Cluster(parts.hostname or "127.0.0.1", parts.port or 5432, parts.username or SUPERUSER,
                       password=parts.password)
    bin_ = _bin()
    if bin_ is None:
        _unavailable("no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="rep-planner-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, SUPERUSER, SUPERUSER)
    os.chmod(folder, 0o700)
    data = folder / "data"
    # Over TCP a password is asked for (SCRAM), as on a team's server, so that the tests see where
    # Rep Planner takes it from; the superuser's is random, made here.
    password = secrets.token_urlsafe(16)
    (folder / "pwfile").write_text(password + "\n")
    if os.geteuid() == 0:
        shutil.chown(folder / "pwfile", SUPERUSER, SUPERUSER)
    made = _as_postgres([str(bin_ / "initdb"), "-D", str(data), "-U", SUPERUSER, "--pwfile", str(folder / "pwfile"),
                         "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C", "--no-sync"])
    if made.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        _unavailable(f"initdb failed: {made.stderr.strip().splitlines()[-1:]}")
    port = free_port()
    # fsync off: a test database is thrown away; nothing here measures durability
    options = (f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder} "
               "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
    started = _as_postgres([str(bin_ / "pg_ctl"), "start", "-D", str(data), "-w", "-t", "60", "-l",
                            str(folder / "server.log"), "-o", options])
    if started.returncode != 0:
        log = (folder / "server.log").read_text(errors="replace") if (folder / "server.log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        _unavailable(f"pg_ctl start failed: {started.stderr.strip() or log.strip()[-300:]}")
    return Cluster("127.0.0.1", port, SUPERUSER, folder, bin_, password)


def fresh_database(cluster: Cluster) -> str:
    """A new, empty database on ``cluster``; its URL."""
    name = f"plan_{os.getpid()}_{next(_names)}"
    cluster.admin(f'CREATE DATABASE "{name}" TEMPLATE template0')
    return cluster.url(name)
