"""The SQLite engine: a plan in one file, through sqlite-utils (see :mod:`planner.engines`).

Every connection turns foreign keys on and uses WAL. A read-only store never writes, and creates
nothing next to the file: a file with no -wal or -journal beside it is read as immutable (SQLite
would otherwise make -wal and -shm files to read a WAL database, and cannot in a read-only folder);
one with a -wal (the app has it open, or it was not closed) is read through SQLite's read-only mode,
which reads that -wal too.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import sqlite_utils

from ..errors import PlannerError
from ..i18n import _


class DamagedDatabase(PlannerError):
    """The file is not a database, or its pages are damaged: only a restore or another file helps."""


_AS_IS = contextlib.nullcontext()


class SqliteEngine:
    name = "sqlite"
    errors = sqlite3.DatabaseError
    differs = "IS NOT"

    @staticmethod
    def explain(exc: sqlite3.DatabaseError) -> str:
        text = str(exc)
        if "locked" in text or "busy" in text:
            return _("{error}: another program is writing to it; try again in a moment").format(error=text)
        if "readonly" in text:
            return _("{error}: it was opened read-only; save a copy to keep changes").format(error=text)
        if "full" in text:
            return _("{error}: free some disk space and try again").format(error=text)
        return text

    @staticmethod
    def begin_change(db, nested: bool) -> None:
        # BEGIN IMMEDIATE: a change another program makes meanwhile is waited for, then built upon
        db.execute("SAVEPOINT history_change" if nested else "BEGIN IMMEDIATE")

    @staticmethod
    def reading(db):
        """Reads that must see one moment: as they are (one writer at a time, and the app's own connection
        is the writer)."""
        return _AS_IS

    @staticmethod
    def capture_on(db) -> None:
        db.execute("INSERT INTO history_open VALUES (1)")

    @staticmethod
    def capture_off(db) -> None:
        db.execute("DELETE FROM history_open")

    @staticmethod
    def key_match(key: tuple) -> tuple[str, list]:
        return f"json_array({', '.join('?' * len(key))})", list(key)  # the key as the triggers spell it

    @staticmethod
    def new_revision(db, values: list) -> int:
        return db.execute("INSERT INTO history (time, source, author, text, undoes) VALUES (?, ?, ?, ?, ?)",
                          values).lastrowid

    @staticmethod
    def defer_foreign_keys(db) -> None:
        db.execute("PRAGMA defer_foreign_keys = ON")

    @staticmethod
    def rows_copied(db) -> None:
        """Rows were written with the keys another database gave them: nothing to do (SQLite's row ids
        follow the highest one there is)."""

    @staticmethod
    def table_columns(db, table: str) -> tuple[list[str], list[str]]:
        info = db.execute(f"PRAGMA main.table_info([{table}])").fetchall()
        columns = [r[1] for r in info]
        keys = [r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5])]
        return columns, keys

    def capture(self, store) -> None:
        """Catch, on this (writable) connection, every row a recorded change writes.

        Temporary triggers, so nothing is added to the file and another program writing it is not slowed;
        they fire only while a change is being recorded (a row in ``history_open``), so an export's records
        or a test's direct write are not caught.
        """
        from ..history import RECORDED

        db = store.db
        script = ["PRAGMA temp_store = MEMORY;",
                  """CREATE TEMP TABLE IF NOT EXISTS history_capture (table_name TEXT NOT NULL, key TEXT NOT NULL,
                     before TEXT, after TEXT, PRIMARY KEY (table_name, key));""",
                  "CREATE TEMP TABLE IF NOT EXISTS history_open (open INTEGER);"]
        for table in RECORDED:
            columns, keys = self.table_columns(db, table)
            if not columns:
                continue

            def row(of: str) -> str:
                return "json_object(" + ", ".join(f"'{c}', {of}.\"{c}\"" for c in columns) + ")"

            def key(of: str) -> str:
                return "json_array(" + ", ".join(f'{of}."{c}"' for c in keys) + ")"

            def caught(k: str, before: str, after: str) -> str:
                # The first write to a row keeps its value before the change; every write sets the value after.
                return (f"INSERT INTO history_capture VALUES ('{table}', {k}, {before}, {after}) "
                        "ON CONFLICT (table_name, key) DO UPDATE SET after = excluded.after;")

            when = "WHEN EXISTS (SELECT 1 FROM history_open)"
            for event, body in (("INSERT", caught(key("NEW"), "NULL", row("NEW"))),
                                ("DELETE", caught(key("OLD"), row("OLD"), "NULL")),
                                # a changed key is the old row gone and a new one added
                                ("UPDATE", caught(key("OLD"), row("OLD"), "NULL") + caught(key("NEW"), "NULL", row("NEW")))):
                script.append(f"CREATE TEMP TRIGGER IF NOT EXISTS history_{table}_{event.lower()} AFTER {event} "
                              f"ON main.[{table}] {when} BEGIN {body} END;")
        if db.conn.in_transaction:  # executescript would commit it first
            for statement in script:
                db.execute(statement)
        else:  # one call: opening a database stays quick
            db.conn.executescript("\n".join(script))
        store._capturing = True


ENGINE = SqliteEngine()


def open_database(store, *, create: bool, read_only: bool):
    """The sqlite-utils database of ``store.path`` (``":memory:"`` for tests), checked, upgraded and
    capturing its changes (the file itself was checked by :func:`planner.storage.check_file`)."""
    from .. import history
    from ..schema import check_version, migrations

    path = store.path
    try:
        db = sqlite_utils.Database(_read_only_connection(path) if read_only else path)
        store.db = db
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 5000")
        _check_health(store)
        check_version(db, path)
        pending = migrations.pending(db)
        if read_only:
            if pending:
                raise PlannerError(_("{path}: this database needs an upgrade, which a read-only database "
                                     "cannot get; open it normally or save a copy").format(path=path))
            return db
        if path != ":memory:":
            db.enable_wal()
            db.execute("PRAGMA synchronous = NORMAL")
        if pending and db.table_names():
            store.backup(f"before upgrade {pending[0].name}")
        migrations.apply(db)
        history.capture(store)
        return db
    except sqlite3.DatabaseError as exc:
        damaged = any(word in str(exc) for word in ("malformed", "not a database"))
        raise (DamagedDatabase if damaged else PlannerError)(
            _("{path}: cannot open the database ({reason})").format(path=path, reason=exc) + store._way_out()) from None


def _read_only_connection(path: str) -> sqlite3.Connection:
    from .. import backups as backup_files

    wal, shm, journal = (Path(path + s) for s in ("-wal", "-shm", "-journal"))
    live = (wal.exists() and wal.stat().st_size > 0) or shm.exists() or journal.exists()
    conn = sqlite3.connect(backup_files.uri(path, immutable=not live), uri=True)
    if live:  # reading a -wal needs its -shm, which a read-only folder cannot get
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            conn.close()
            if "unable to open" not in str(exc) and "readonly" not in str(exc):
                raise
            raise PlannerError(_("{path}: holds changes not yet written into the database, and reading them "
                                 "needs a folder that can be written; copy the files elsewhere").format(
                path=wal if wal.exists() else journal)) from None
    return conn


def _check_health(store) -> None:
    """Refuse a damaged file before anything is written to it."""
    if store.path == ":memory:":
        return
    problems = [row[0] for row in store.db.execute("PRAGMA quick_check").fetchall() if row[0] != "ok"]
    if problems:
        raise DamagedDatabase(_("{path}: the database is damaged ({problem})").format(
            path=store.path, problem=problems[0]) + store._way_out())
