"""Moving a plan from a file to a team's server: ``rep-planner push --to postgresql://...``.

Everything of the plan goes: the scenario, the busy times and pinned blocks, the alternatives, and
the export and publish records (so that a publish from the server updates the events a publish from
the file made, instead of adding them again). The server's history starts with one revision, "Push
from plans.db", holding every row pushed: the file's own history stays in the file. Its revision
numbers, times and rows belong to that file (a rename there, busy times imported there); copied to
the server they would let ``undo`` take the team's plan back to states it never had there, and
merging two histories has no one right answer. Undoing the push on a server that held a plan
brings that plan back, as an undone import does.

A server that holds a different plan is only replaced with ``replace=True``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import backups, history
from .errors import PlannerError
from .i18n import _
from .storage import Store


@dataclass(frozen=True)
class Pushed:
    target: str            # the server's URL, without a password
    scenario: str
    reps: int
    markets: int
    alternatives: int
    busy: int
    revision: int | None   # the push's revision on the server (None: it held this plan already)


def push(source: Store, url: str, *, replace: bool = False) -> Pushed:
    """Copy ``source``'s plan (a file's) to the database at ``url``, as one revision there."""
    if source.on_server:
        raise PlannerError(_("{path}: push copies a plan from a file to a server; this plan is on a server already")
                           .format(path=source.path))
    scenario = source.load()
    target = Store(url, clock=source.clock)  # the push's time as the file's own changes tell it
    try:
        if target.holds_plan and not replace and not _same(source, target):
            current = target.load()
            raise PlannerError(_(
                "{url} already holds {name!r} ({reps} reps, {markets} markets, {assignments} assignments); add "
                "--replace to replace it (its history keeps it: 'undo' on the server brings it back)").format(
                url=target.path, name=current.name, reps=len(current.reps), markets=len(current.markets),
                assignments=len(current.assignments)))
        text = f"Push from {Path(source.path).name}"
        with history.recording(target, text, source="push") as rec:
            backups._take_rows(target, source.db.conn, text, source_name="push")
            for table, keys in (("exports", ("uid",)), ("published", ("calendar", "uid"))):
                rows = list(source.db[table].rows)
                if rows:
                    target.db[table].upsert_all(rows, pk=keys if len(keys) > 1 else keys[0])
            target.engine.rows_copied(target.db)
        counted = {t: target.db[t].count for t in ("alternatives", "busy")}
        return Pushed(target.path, scenario.name, len(scenario.reps), len(scenario.markets),
                      counted["alternatives"], counted["busy"], rec.revision)
    finally:
        target.close()


def _same(source: Store, target: Store) -> bool:
    """Both hold the same plan, busy times, pins and alternatives (a push again changes nothing)."""
    if source.load() != target.load():
        return False
    for table in ("busy", "pins", "alternatives"):
        columns = [c for c in history.table_columns(target.db, table, target.engine)[0] if c != "id"]
        names = ", ".join(f'"{c}"' for c in columns)
        select = f'SELECT {names} FROM "{table}" ORDER BY {names}'
        if [tuple(r) for r in source.db.execute(select)] != [tuple(r) for r in target.db.execute(select)]:
            return False
    return True
