"""Backups of a plan database, and bringing one back.

A backup is a whole SQLite database (the plan, busy times, pinned blocks, export records),
copied with SQLite's online backup API, so it is consistent even while the app has the
database open. One is kept before anything replaces a plan: ``demo --replace``, ``import
--replace``, File > Import over a plan, a restore, a schema upgrade.

Backups live next to the database, in a folder named after it (``plans.db`` keeps them in
``plans.db.backups``): they belong to that file and no other, travel with it when the folder
is copied or synced, and are on the same disk, so a copy is quick and a restore finds them
from the database's path alone. Each is named by the UTC time it was made and what caused it,
``20270317T103000Z before import of plan.json.db``; the time stamp (``20270317T103000Z``) is
the name ``restore`` takes. The newest :data:`KEEP` are kept; older ones are deleted when a
new one is made.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .errors import PlannerError, ValidationError
from .i18n import _

KEEP = 20
STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^(\d{8}T\d{6}Z)(?:-(\d+))? (.+)\.db$")
_OLDER = re.compile(r"-(\d{8})-(\d{6})-(.+?)\.db$")  # plans-20270101-090000-before-m002_calendars.db
_UNSAFE = re.compile(r"[^\w .,()'&+@=#%!~-]")


@dataclass(frozen=True)
class Summary:
    """What a backup holds, read from it without changing it."""

    scenario: str | None
    reps: int
    markets: int
    assignments: int


@dataclass(frozen=True)
class Backup:
    path: Path
    name: str             # what ``restore`` takes: the time stamp, with -2, -3... if one second made two
    time: dt.datetime     # UTC
    cause: str
    _order: tuple = ()

    def summary(self) -> Summary | None:
        """The scenario's name and counts, or None when the file cannot be read as a plan."""
        try:
            conn = sqlite3.connect(uri(self.path, immutable=True), uri=True)
        except sqlite3.Error:
            return None
        try:
            name = conn.execute("SELECT value FROM meta WHERE key = 'name'").fetchone()
            counts = [conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0]
                      for t in ("reps", "markets", "assignments")]
            return Summary(name[0] if name else None, *counts)
        except sqlite3.Error:
            return None
        finally:
            conn.close()


def uri(path: str | Path, *, immutable: bool) -> str:
    """A read-only SQLite URI. ``immutable`` reads the file alone: no -wal/-shm made or read."""
    return Path(path).resolve().as_uri() + ("?immutable=1" if immutable else "?mode=ro")


def folder_of(db: str | Path) -> Path:
    db = Path(db)
    return db.with_name(db.name + ".backups")


def _parse(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if match:
        time = dt.datetime.strptime(match[1], STAMP).replace(tzinfo=dt.timezone.utc)
        n = int(match[2] or 1)
        name = match[1] + (f"-{n}" if n > 1 else "")
        return Backup(path, name, time, match[3], (time, n))
    match = _OLDER.search(path.name)
    if match:  # named before causes were written out: the name is the file's stem
        time = dt.datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S").replace(tzinfo=dt.timezone.utc)
        return Backup(path, path.stem, time, match[3].replace("-", " "), (time, 0))
    return None


def listing(db: str | Path) -> list[Backup]:
    """The database's backups, oldest first (files in the folder that are not backups are left out)."""
    folder = folder_of(db)
    if not folder.is_dir():
        return []
    found = [b for b in map(_parse, folder.glob("*.db")) if b is not None]
    return sorted(found, key=lambda b: (b._order, b.path.name))


def find(db: str | Path, name: str) -> Backup:
    """The backup called ``name`` (its time stamp or file name), or the newest for ``latest``."""
    backups = listing(db)
    if not backups:
        raise PlannerError(_("{path}: no backups yet (in {folder})").format(path=db, folder=folder_of(db)))
    if name == "latest":
        return backups[-1]
    for b in backups:
        if name in (b.name, b.path.name, b.path.stem):
            return b
    raise ValidationError("restore", name, _("no backup of {path} has this name; 'backups' lists them "
                                             "(newest: {newest})").format(path=db, newest=backups[-1].name))


def _file_name(time: dt.datetime, cause: str, n: int) -> str:
    safe = _UNSAFE.sub("_", cause).strip(" .")[:100] or "backup"
    return f"{time.strftime(STAMP)}{f'-{n}' if n > 1 else ''} {safe}.db"


def make(conn: sqlite3.Connection, db: str | Path, cause: str, *, now: dt.datetime, keep: int = KEEP,
         spare: Path | None = None) -> Backup:
    """Copy the open database ``conn`` (the file ``db``) into its backup folder; keep the newest ``keep``.

    ``spare`` is never deleted by the pruning (the backup a restore is about to read).
    Refused, with nothing changed, when the folder or the copy cannot be written.
    """
    folder = folder_of(db)
    time = now.astimezone(dt.timezone.utc).replace(microsecond=0)
    taken = {b.name for b in listing(db)}
    n = 1
    while time.strftime(STAMP) + (f"-{n}" if n > 1 else "") in taken:
        n += 1
    target = folder / _file_name(time, cause, n)
    partial = target.with_name(target.name + ".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(partial)
        try:
            conn.backup(copy)
        finally:
            copy.close()
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise PlannerError(_("{folder}: cannot keep a backup there ({reason}); nothing was changed").format(
            folder=folder, reason=reason)) from None
    found = listing(db)
    for old in [b for b in found if b.path != spare][:max(0, len(found) - keep)]:
        try:
            old.path.unlink()
        except OSError:
            pass  # an old backup we cannot delete is still a backup
    return _parse(target)


@dataclass(frozen=True)
class Restored:
    backup: Backup
    summary: Summary
    before: Backup | None     # the state the restore replaced, kept first (None: there was no database)
    set_aside: Path | None    # a damaged database moved out of the way, kept as it was


def restore(db: str | Path, name: str, *, now: dt.datetime, keep: int = KEEP) -> Restored:
    """Make ``db`` hold the backup ``name`` again; the state it replaces is backed up first.

    Into a database that opens, the backup's plan, busy times and pinned blocks are written as one
    revision of its change history (source "restore"), so ``undo`` reverts a restore too and the
    history goes on; its export records stay (they say what the calendars hold). A database too
    damaged to open is moved into the backup folder as it is (with its -wal and -shm files, which
    belong to it), never deleted, and the backup is copied whole in its place, its history with it.
    """
    from .storage import DamagedDatabase, Store

    db = Path(db)
    backup = find(db, name)
    summary = backup.summary()
    source = sqlite3.connect(uri(backup.path, immutable=True), uri=True)
    try:
        try:
            problems = [r[0] for r in source.execute("PRAGMA quick_check").fetchall() if r[0] != "ok"]
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
        if summary is None or problems:
            raise PlannerError((_("{path}: this backup cannot be read as a plan ({problem}); choose another")
                                if problems else _("{path}: this backup cannot be read as a plan; choose another"))
                               .format(path=backup.path, problem=problems[0] if problems else ""))
        before = set_aside = None
        store = None
        if db.exists():
            try:
                store = Store(db, create=False, keep_backups=keep, clock=lambda: now)
            except DamagedDatabase:
                set_aside = _set_aside(db, backup.name, now)
        if store is not None:
            try:
                plan = _at_current_schema(source, backup.path)
                before = store.backup(f"before restore of {backup.name}", spare=backup.path)
                _take_rows(store, plan, f"Restore backup {backup.name} ({backup.cause})")
            except sqlite3.Error as exc:
                raise PlannerError(_("{path}: the backup was not restored ({reason}); the database is unchanged").format(
                    path=db, reason=exc)) from None
            finally:
                store.close()
        else:
            _copy_to_new_file(source, db)
    finally:
        source.close()
    Store(db, create=False, keep_backups=keep, clock=lambda: now).close()  # opens as any database: checked, upgraded
    return Restored(backup, summary, before, set_aside)


def _at_current_schema(source: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """The backup in memory, upgraded as opening it would upgrade it (a newer one is refused)."""
    import sqlite_utils

    from .schema import check_version, migrations

    copy = sqlite3.connect(":memory:")
    source.backup(copy)
    check_version(sqlite_utils.Database(copy), path)
    migrations.apply(sqlite_utils.Database(copy))
    return copy


def _take_rows(store, source: sqlite3.Connection, text: str, *, source_name: str = "restore") -> None:
    """Make the plan, busy times and pinned blocks hold what ``source`` (a SQLite database at this
    schema) holds, as one revision of the history, on either engine. Export records stay as they are:
    they say what the calendars hold now, which a restore does not change."""
    from . import history

    db, engine = store.db, store.engine
    with history.recording(store, text, source=source_name):
        engine.defer_foreign_keys(db)
        wanted, stored = {}, {}
        for table in history.PLAN:  # parents first
            columns, keys = history.table_columns(db, table, engine)
            names = ", ".join(f'"{c}"' for c in columns)
            select = f'SELECT {names} FROM "{table}"'
            at = [columns.index(k) for k in keys]
            wanted[table] = {tuple(r[i] for i in at): tuple(r) for r in source.execute(select)}
            stored[table] = {tuple(r[i] for i in at): tuple(r) for r in db.execute(select)}
            db.conn.executemany(history.upsert_sql(table, columns, keys),
                                [r for k, r in wanted[table].items() if stored[table].get(k) != r])
        for table in reversed(history.PLAN):  # children first
            db.conn.executemany(history.delete_sql(table, history.table_columns(db, table, engine)[1]),
                                [k for k in stored[table] if k not in wanted[table]])


def _set_aside(db: Path, name: str, now: dt.datetime) -> Path:
    folder = folder_of(db)
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / f"{now.astimezone(dt.timezone.utc).strftime(STAMP)} damaged, set aside before restore of {name}.damaged"
    for suffix in ("-wal", "-shm", "-journal", ""):  # the database last: never a -wal without its file
        part = Path(str(db) + suffix)
        if part.exists():
            os.replace(part, Path(str(kept) + suffix))
    return kept


def _copy_to_new_file(source: sqlite3.Connection, db: Path) -> None:
    partial = db.with_name(db.name + ".partial")
    try:
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
        finally:
            target.close()
        os.replace(partial, db)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise PlannerError(_("{path}: the backup was not restored ({reason})").format(path=db, reason=exc)) from None
