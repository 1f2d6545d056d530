"""The scenario in a database: a SQLite file, or a PostgreSQL server's database for a team
(:mod:`planner.engines`: one code path here, what differs in the engine).

One database holds one scenario. Every write is one transaction (``db.atomic()``), so a crash leaves
either the old or the new scenario, never a mix. The schema is versioned by the migration steps of
:mod:`planner.schema`, the same on both engines; a database written by a newer version of the app is
refused rather than changed. What the calendar side remembers (busy
times, pinned blocks, export records) is read and written by :mod:`planner.calendar_store`.

:meth:`Store.save` writes only the rows that differ from what is stored, so
the same call serves a one-cell edit and a whole imported scenario.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
from pathlib import Path
from typing import Mapping

import platformdirs

from . import backups as backup_files
from . import history
from .engines import is_server
from .engines import sqlite as sqlite_engine
from .engines.sqlite import DamagedDatabase  # noqa: F401  (raised on opening a damaged file)
from .errors import PlannerError
from .i18n import _
from .hours import format_hours
from .model import ActivityType, Assignment, Market, Rep, Scenario, Settings, stored_data

APP_NAME = "rep-planner"
DEMO_PATH = Path(__file__).resolve().parent.parent / "resources" / "demo-scenario.json"

# Table name -> primary-key columns. Order matters for deletes (children first).
_TABLES = {
    "assignments": ("market",),
    "workload": ("market", "activity"),
    "reps": ("name",),
    "markets": ("name",),
    "activities": ("name",),
    "meta": ("key",),
}


def default_path() -> Path:
    """Where the app keeps its database unless told otherwise (``--db``)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "rep-planner.db"


def _meta_rows(scenario: Scenario) -> list[dict]:
    return [
        {"key": "name", "value": scenario.name},
        {"key": "settings", "value": json.dumps(dataclasses.asdict(scenario.settings), sort_keys=True)},
        {"key": "thresholds", "value": json.dumps(dict(scenario.thresholds), sort_keys=True)},
    ]


def _activity_row(a: ActivityType, i: int) -> dict:
    return {"name": a.name, "position": i, "minutes": a.minutes, "live": int(a.live)}


def _rep_row(r: Rep, i: int) -> dict:
    return {"name": r.name, "position": i, "timezone": r.timezone, "country": r.country,
            "subdivision": r.subdivision, "hours": format_hours(r.hours),
            "max_weekly_hours": float(r.max_weekly_hours), "rules": r.rules}


def _market_row(m: Market, i: int) -> dict:
    return {"name": m.name, "position": i, "timezone": m.timezone, "country": m.country,
            "subdivision": m.subdivision, "hours": format_hours(m.hours), "tier": m.tier, "value": float(m.value)}


def _workload_rows(m: Market) -> list[dict]:
    return [{"market": m.name, "activity": a, "position": j, "count": c} for j, (a, c) in enumerate(m.weekly.items())]


def _assignment_row(a: Assignment, i: int) -> dict:
    return {"market": a.market, "rep": a.rep, "position": i, "locked": int(a.locked)}


# Tables holding one row per object of a scenario list: (scenario attribute, row builder, key of an object).
_LISTS = {
    "activities": ("activities", _activity_row, lambda a: a.name),
    "reps": ("reps", _rep_row, lambda r: r.name),
    "markets": ("markets", _market_row, lambda m: m.name),
    "assignments": ("assignments", _assignment_row, lambda a: a.market),
}


def _rows(scenario: Scenario) -> dict[str, list[dict]]:
    rows = {"meta": _meta_rows(scenario),
            "workload": [row for m in scenario.markets for row in _workload_rows(m)]}
    for table, (attr, row_of, _key) in _LISTS.items():
        rows[table] = [row_of(item, i) for i, item in enumerate(getattr(scenario, attr))]
    return rows


def _changes(previous: Scenario, scenario: Scenario) -> tuple[dict[str, list[tuple]], dict[str, list[dict]]]:
    """Per table, the keys of the rows to delete and the rows to write so that a database holding
    ``previous`` holds ``scenario``: what a full save finds by reading every table back.

    An object both scenarios share at the same position has the same row, so only the objects a
    change replaced, added, removed or moved are turned into rows.
    """
    gone: dict[str, list[tuple]] = {table: [] for table in _TABLES}
    write: dict[str, list[dict]] = {table: [] for table in _TABLES}

    def compare(table: str, keys, old: list[dict], new: list[dict]) -> None:
        before = {tuple(r[k] for k in keys): r for r in old}
        wanted = set()
        for row in new:
            key = tuple(row[k] for k in keys)
            wanted.add(key)
            if before.get(key) != row:
                write[table].append(row)
        gone[table] += [key for key in before if key not in wanted]

    compare("meta", _TABLES["meta"], _meta_rows(previous), _meta_rows(scenario))
    for table, (attr, row_of, key_of) in _LISTS.items():
        old = {key_of(item): (i, item) for i, item in enumerate(getattr(previous, attr))}
        kept = set()
        for i, item in enumerate(getattr(scenario, attr)):
            key = key_of(item)
            kept.add(key)
            was = old.get(key)
            if was is not None and was[0] == i and (was[1] is item or was[1] == item):
                continue  # equal objects make equal rows: no need to build them (a switch of alternatives)
            row = row_of(item, i)
            if was is None or row_of(was[1], was[0]) != row:
                write[table].append(row)
        gone[table] = [(key,) for key in old if key not in kept]
    old_markets = {m.name: m for m in previous.markets}
    for market in scenario.markets:
        was = old_markets.pop(market.name, None)
        if was is not market and was != market:
            compare("workload", _TABLES["workload"], _workload_rows(was) if was else [], _workload_rows(market))
    for market in old_markets.values():  # removed: its work goes with it
        gone["workload"] += [(market.name, activity) for activity in market.weekly]
    return gone, write


def _number(value: float):
    return int(value) if float(value).is_integer() else value


class NotWritable(PlannerError):
    """The database or its folder cannot be written: it can only be opened read-only."""


def check_file(path: str, *, create: bool, read_only: bool) -> None:
    """Refuse a missing file unless it may be created, and a file or folder that cannot be written unless
    it is only read; make the folder of a new file."""
    if path == ":memory:":
        return
    p = Path(path)
    if not p.exists() and (read_only or not create):
        raise PlannerError(_("{path}: no such database").format(path=p))
    if read_only:
        return
    if p.exists() and not os.access(p, os.W_OK):
        raise NotWritable(_("{path}: the file is read-only; open it read-only or save a copy elsewhere").format(path=p))
    if p.exists() and not os.access(p.parent, os.W_OK):
        raise NotWritable(_("{folder}: the folder is read-only, and a database writes its journal "
                            "beside it; open it read-only or copy it elsewhere").format(folder=p.parent))
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PlannerError(_("{folder}: cannot create the folder ({reason})").format(
            folder=p.parent, reason=exc.strerror)) from None


class Store:
    """A scenario database. Open with a path (``":memory:"`` for tests) or a ``postgresql://`` URL.

    ``create=False`` refuses a missing file (a server database without the plan's tables) instead of
    creating it. ``read_only=True`` never writes and creates nothing (:mod:`planner.engines.sqlite`
    says how for a file; on a server, every transaction is read-only). ``path`` is what messages show:
    a URL without its password.

    Every change is recorded in the change history (:mod:`planner.history`) with ``source`` ("cli",
    "app"...) unless the caller records it under another; ``clock`` gives its UTC time.
    """

    def __init__(self, path: str | Path, *, create: bool = True, read_only: bool = False,
                 clock=None, keep_backups: int = backup_files.KEEP, source: str = "cli"):
        self.read_only = read_only
        self.source = source
        self.clock = clock or (lambda: datetime.datetime.now(datetime.timezone.utc))
        self.keep_backups = keep_backups
        if is_server(path):
            from .engines import postgres

            self.path = postgres.redacted(path)  # what messages and the app show: never a password
            self.engine = postgres.ENGINE
            self.db = postgres.open_database(self, path, create=create, read_only=read_only)
        else:
            self.path = str(path)
            check_file(self.path, create=create, read_only=read_only)
            self.engine = sqlite_engine.ENGINE
            self.db = sqlite_engine.open_database(self, create=create, read_only=read_only)

    @property
    def on_server(self) -> bool:
        """The plan is on a PostgreSQL server (a team's), not in a file."""
        return self.engine.name != "sqlite"

    def _way_out(self) -> str:
        kept = self.backups() if self.path != ":memory:" and not self.on_server else []
        if kept:
            return _("; restore a backup (newest: {name}, {cause}) or open another database").format(
                name=kept[-1].name, cause=kept[-1].cause)
        return _("; open another database or import a scenario file")

    def backup_folder(self) -> Path:
        return backup_files.folder_of(self.path)

    def backups(self) -> list[backup_files.Backup]:
        """This database's backups, oldest first (:mod:`planner.backups`); none on a server."""
        return [] if self.on_server else backup_files.listing(self.path)

    def backup(self, cause: str, *, spare: Path | None = None) -> backup_files.Backup | None:
        """A consistent copy through SQLite's backup API, named by the time and ``cause``
        ("before import of plan.json"); only the newest ``keep_backups`` are kept. None on a server:
        there the server's own backups keep the database, and the history keeps every change."""
        if self.on_server:
            return None
        return backup_files.make(self.db.conn, self.path, cause, now=self.clock(), keep=self.keep_backups,
                                 spare=spare)

    def close(self) -> None:
        self.db.close()

    @property
    def is_empty(self) -> bool:
        return self.db["meta"].count == 0

    @property
    def holds_plan(self) -> bool:
        """A stored scenario with reps or markets: replacing it loses someone's work."""
        return not self.is_empty and bool(self.db["reps"].count or self.db["markets"].count)

    def load(self) -> Scenario:
        """The stored scenario (validated as any scenario is), as one moment of it: on a server, a change
        another planner commits while it is read is either all in it or not at all."""
        with self.engine.reading(self.db):
            return self._load()

    def _load(self) -> Scenario:
        db = self.db
        meta = {r["key"]: r["value"] for r in db["meta"].rows}
        if "name" not in meta:
            raise PlannerError(_("{path}: the database holds no scenario yet").format(path=self.path))
        workload: dict[str, dict[str, int]] = {}
        for row in db["workload"].rows_where(order_by="market, position"):
            workload.setdefault(row["market"], {})[row["activity"]] = row["count"]
        with stored_data():  # a value stored before a check was added still loads
            return self._scenario(meta, workload)

    def _scenario(self, meta, workload) -> Scenario:
        db = self.db
        return Scenario(
            name=meta["name"],
            activities=[ActivityType(r["name"], r["minutes"], bool(r["live"]))
                        for r in db["activities"].rows_where(order_by="position")],
            reps=[Rep(r["name"], r["timezone"], r["country"], r["hours"], _number(r["max_weekly_hours"]),
                      r["rules"], r["subdivision"]) for r in db["reps"].rows_where(order_by="position")],
            markets=[Market(r["name"], r["timezone"], r["country"], r["hours"], r["tier"], _number(r["value"]),
                            workload.get(r["name"], {}), r["subdivision"])
                     for r in db["markets"].rows_where(order_by="position")],
            assignments=[Assignment(r["rep"], r["market"], bool(r["locked"]))
                         for r in db["assignments"].rows_where(order_by="position")],
            settings=Settings(**json.loads(meta.get("settings", "{}"))),
            thresholds=json.loads(meta.get("thresholds", "{}")),
        )

    def save(self, scenario: Scenario, renamed_reps: Mapping[str, str] | None = None,
             renamed_markets: Mapping[str, str] | None = None, *, previous: Scenario | None = None,
             text: str = "Save the plan") -> int:
        """Make the database hold ``scenario``, in one transaction, recorded as one revision (``text``)
        unless a change being recorded includes it.

        ``renamed_reps`` (old name -> new name) carries a renamed rep's busy
        times, pinned blocks and export records along; ``renamed_markets`` a
        renamed market's pinned blocks. ``previous``, when the caller knows it,
        is the scenario the database holds now (its last save or load): the rows
        to write are then found by comparing the two scenarios instead of
        reading every table back, and the database ends up the same. Returns how
        many rows were written or deleted.
        """
        with history.recording(self, text):
            return self._save(scenario, renamed_reps, renamed_markets, previous)

    def _save(self, scenario, renamed_reps, renamed_markets, previous) -> int:
        try:
            with self.db.atomic():
                if renamed_reps:
                    # Checked at commit, when the renamed rep's row exists again.
                    self.engine.defer_foreign_keys(self.db)
                    for old, new_name in renamed_reps.items():
                        for table in ("busy", "pins", "exports", "published"):
                            self.db.execute(f'UPDATE "{table}" SET rep = ? WHERE rep = ?', [new_name, old])
                for old, new_name in (renamed_markets or {}).items():
                    self.db.execute("UPDATE pins SET market = ? WHERE market = ?", [new_name, old])
                gone, write = _changes(previous, scenario) if previous is not None else self._changes_read(scenario)
                changed = 0
                for table, keys in _TABLES.items():  # deletes, children first
                    for key in gone[table]:
                        self.db[table].delete(key if len(key) > 1 else key[0])
                    changed += len(gone[table])
                for table in reversed(list(_TABLES)):  # upserts, parents first
                    keys, rows = _TABLES[table], write[table]
                    if rows:
                        self.db[table].upsert_all(rows, pk=keys if len(keys) > 1 else keys[0])
                        changed += len(rows)
        except self.engine.errors as exc:
            raise PlannerError(_("{path}: the change was not saved ({reason}); the database is unchanged").format(
                path=self.path, reason=self.engine.explain(exc))) from None
        return changed

    def _changes_read(self, scenario: Scenario) -> tuple[dict[str, list[tuple]], dict[str, list[dict]]]:
        """:func:`_changes` against what every table holds now."""
        new = _rows(scenario)
        gone, write = {}, {}
        for table, keys in _TABLES.items():
            stored = {tuple(r[k] for k in keys): r for r in self.db[table].rows}
            wanted = {tuple(r[k] for k in keys) for r in new[table]}
            gone[table] = [key for key in stored if key not in wanted]
            write[table] = [r for r in new[table] if stored.get(tuple(r[k] for k in keys)) != r]
        return gone, write


def new_scenario(name: str = "New scenario", activities=("Demo", "Call", "Follow-up")) -> Scenario:
    """What a new database holds when it is not the demo: a name and three activities to plan
    (a 45-minute live demo, a 30-minute live call, a 15-minute follow-up done alone); the app
    passes the names in the reader's language."""
    demo, call, follow_up = activities
    return Scenario(name, activities=[ActivityType(demo, 45, True), ActivityType(call, 30, True),
                                      ActivityType(follow_up, 15, False)])


def replace_scenario(store: Store, scenario: Scenario, cause: str, text: str) -> "backup_files.Backup | None":
    """Make the store hold ``scenario``, recorded as an import (``text``: "Import plan.json"); a
    different scenario stored there is backed up first (``cause`` names why: "before import of
    plan.json"). Returns the backup, if one was kept."""
    kept = store.backup(cause) if not store.is_empty and store.load() != scenario else None
    with history.recording(store, text, source="import"):
        store.save(scenario)
    return kept


def open_store(path: str | Path | None = None, *, seed_demo: bool = True, source: str = "cli") -> Store:
    """Open (creating if needed) the database; seed it with the demo on first use."""
    store = Store(path or default_path(), source=source)
    if seed_demo and store.is_empty:
        from .scenario_file import load

        store.save(load(DEMO_PATH), text="Demo scenario")
    return store
