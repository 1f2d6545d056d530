"""Planners working on one plan at once: no change overwrites one made meanwhile.

A change is made on the revision its author read (the app's plan on screen, ``Session.seen``; a
command line's own read, inside its transaction). :func:`change` records it as one revision and,
before committing, checks each row it wrote against the history: a row that a revision after the one
read changed too (the same rep, market, weekly count, assignment, pinned block: see below) makes
the whole change refused with :class:`Conflict`, naming that revision's author, source and
text; nothing of it is written. A change that touches other rows lands, applied to the plan as it is
now (:func:`apply`), so that a colleague's rows are kept as they wrote them, never written back from
the older plan the author read.

What is checked is what the change is about: for an edit of the plan, the rows of the plan it writes
(:data:`PLAN_ROWS`: reps, markets and their weekly counts, assignments, activities, settings); for a
move of pinned blocks, the pins. Rows a change carries along in SQL on their current values (a
renamed market's pinned blocks, a removed rep's busy times) overwrite nothing and are not checked,
and neither is a row whose only difference is its position: removing a rep renumbers the reps after
it, and those rows are written from the plan as it is now, so they keep a colleague's values.

The check runs inside the change's transaction, which holds the plan's write lock (SQLite's
``BEGIN IMMEDIATE``, PostgreSQL's advisory lock), so no revision can land between it and the commit;
the same code decides on both engines.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass

from . import history
from .errors import PlannerError
from .i18n import _

POSITION = "position"
PLAN_ROWS = ("meta", "activities", "reps", "markets", "workload", "assignments")   # what Store.save writes


class Conflict(PlannerError):
    """A change refused because a revision after the one it was made on changed the same row."""

    def __init__(self, message: str, revision: history.Revision, row: history.Row):
        super().__init__(message)
        self.revision, self.row = revision, row


def who(revision: history.Revision) -> str:
    """ "Claire (app)": who made a revision and where."""
    return f"{revision.author or 'someone'} ({revision.source})"


def _reordered_only(before: dict | None, after: dict | None) -> bool:
    if before is None or after is None:
        return False
    return {k: v for k, v in before.items() if k != POSITION} == {k: v for k, v in after.items() if k != POSITION}


def refuse_conflicts(store, base: int, newest: int | None = None, tables=PLAN_ROWS) -> None:
    """Raise :class:`Conflict` when a row of ``tables`` the change being recorded has written so far was
    changed by a revision after ``base``; call it inside :func:`planner.history.recording`, after the
    writes (``newest``: the latest revision, when the caller has read it in this transaction)."""
    db = store.db
    if (newest if newest is not None else history.latest(store) or 0) <= base:
        return  # nothing landed since the plan was read: the usual case, one query
    clashes = db.execute(
        "SELECT c.table_name, c.key, c.before, c.after, max(h.revision) FROM history_capture c "
        "JOIN history_rows h ON h.table_name = c.table_name AND h.key = c.key "
        f"WHERE h.revision > ? AND c.before {store.engine.differs} c.after "
        f"AND c.table_name IN ({', '.join('?' * len(tables))}) "
        "GROUP BY c.table_name, c.key, c.before, c.after ORDER BY max(h.revision)", [base, *tables]).fetchall()
    for table, key, before, after, number in clashes:
        before, after = (json.loads(before) if before else None), (json.loads(after) if after else None)
        if _reordered_only(before, after):
            continue
        row = history.Row(table, tuple(json.loads(key)), before, after)
        revision = history.revision(store, number)
        raise Conflict(_("{path}: not saved: {who} changed {row} meanwhile (revision {number}: {text}); the plan "
                         "you changed was at revision {base}").format(path=store.path, who=who(revision),
                                                                       row=row.describe(), number=number,
                                                                       text=revision.text, base=base),
                       revision, row)


@contextmanager
def change(store, text: str, base: int, *, source: str | None = None, tables=PLAN_ROWS):
    """Record the block's writes as one revision (:func:`planner.history.recording`), refused as a whole
    with :class:`Conflict` when they touch a row of ``tables`` changed after revision ``base``."""
    with history.recording(store, text, source=source) as rec:
        yield rec
        refuse_conflicts(store, base, tables=tables)


@dataclass(frozen=True)
class Applied:
    change: object          # planner.commands.Change: its scenario is the plan at ``at``
    revision: int | None    # the change's revision (None: it changed nothing)
    at: int                 # the revision the change's scenario is at
    before: object          # the plan the command was applied to (at ``base`` unless caught up)
    caught_up: bool         # others' revisions landed since ``base``: the scenario holds them too


def apply(store, command, base: int, *, previous=None, source: str | None = None,
          text: str | None = None) -> Applied:
    """Apply ``command``, made on revision ``base``, to the plan as it is now and save it as one
    revision, or refuse it with :class:`Conflict` (nothing written).

    ``previous`` is the plan at ``base`` when the caller holds it (the app): if nothing landed since,
    the rows to write are found from it without reading the plan back.
    """
    with history.recording(store, text or command.text, source=source) as rec:
        newest = history.latest(store) or 0
        caught_up = newest != base
        current = store.load() if caught_up or previous is None else previous
        done = command.apply(current)
        store.save(done.scenario, renamed_reps=done.renamed_reps, renamed_markets=done.renamed_markets,
                   previous=current)
        refuse_conflicts(store, base, newest)  # under the change's lock: nothing landed since newest
    return Applied(done, rec.revision, rec.revision or newest, current, caught_up)


def refuse_others(store, number: int) -> None:
    """On a team's plan, refuse to undo revision ``number`` when someone else made it: it is theirs to
    take back (an undo of it would silently revert a colleague's work); a file's plan is one planner's."""
    if not store.on_server:
        return
    found = history.revision(store, number)
    if found is not None and found.author != history.author():
        raise PlannerError(_("revision {number} ({text}) is {who}'s change; on a team's plan you undo your own "
                             "changes only: ask them, or make the change yourself").format(
            number=number, text=found.text, who=who(found)))


def since(store, base: int, *, before: int | None = None, limit: int = 50) -> list[history.Revision]:
    """The revisions after ``base`` (and before ``before``), oldest first: the newest ``limit`` of them."""
    found = store.db.execute("SELECT revision, time, source, author, text, undoes FROM history WHERE revision > ? "
                             "AND revision < ? ORDER BY revision DESC LIMIT ?",
                             [base, before if before is not None else 2 ** 62, limit]).fetchall()
    return [history._revision(row) for row in reversed(found)]
