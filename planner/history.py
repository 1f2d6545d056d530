"""The change history: every change to a plan is one revision, recorded in the transaction that makes it.

A revision has a number that only grows, the UTC time, where it came from (``app``, ``cli``,
``import``, ``restore``, ``optimiser``), the operating-system user who made it, its text in the
user's words ("Assign Sydney to Laura"), and the rows it changed, each with its value before and
after. The rows are caught as the database writes them, by triggers (:mod:`planner.engines`),
so whatever a change does is caught, a cascade included (removing a rep removes their busy times):
no writer has to say what it wrote. An edit stores only its rows; a change that changes nothing
records no revision.

:func:`undo` writes the inverse of revision N's rows as a new revision, "Undo: <text>", so an undo
is in the history too, and undoing it redoes N. It refuses, changing nothing, when a row N changed
no longer holds what N left there, or when writing N's inverse would change rows N did not touch
(removing the rep N added, whose busy times were imported since); the message names the latest
revision that changed that row. The same check is the one a shared plan needs for a change made on
an older revision (see :func:`changed_since`).

Export and publish records follow a renamed rep back on undo, and nothing else of them is undone:
they say which events the calendars hold, which no undo takes back (left behind under the new name,
the next publish would add the rep's events again beside the ones the server holds). Writing them
(an export, a publish) is not a change to the plan and is not recorded.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import json
from contextlib import contextmanager
from dataclasses import dataclass, field

from .errors import PlannerError, ValidationError
from .i18n import N_, _, ngettext

# The tables a revision records, parents before children: the order rows are written back in
# (deletions go the other way).
RECORDED = ("meta", "activities", "reps", "markets", "workload", "assignments", "busy", "pins", "alternatives",
            "exports", "published")
# What the calendars hold (an export's records, a publish's records): they follow a rep's rename, nothing more.
CALENDAR_RECORDS = ("exports", "published")
PLAN = tuple(t for t in RECORDED if t not in CALENDAR_RECORDS)

SCHEMA = (
    """CREATE TABLE history (
        revision INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, source TEXT NOT NULL,
        author TEXT NOT NULL, text TEXT NOT NULL, undoes INTEGER)""",
    """CREATE TABLE history_rows (
        revision INTEGER NOT NULL REFERENCES history(revision) ON DELETE CASCADE,
        table_name TEXT NOT NULL, key TEXT NOT NULL, before TEXT, after TEXT,
        PRIMARY KEY (revision, table_name, key)) WITHOUT ROWID""",
    "CREATE INDEX history_rows_by_row ON history_rows (table_name, key, revision)",
)
# The same on PostgreSQL: numbers given under the change lock (planner.engines.postgres), not by a sequence.
SCHEMA_POSTGRES = (
    """CREATE TABLE history (
        revision BIGINT PRIMARY KEY, time TEXT NOT NULL, source TEXT NOT NULL,
        author TEXT NOT NULL, text TEXT NOT NULL, undoes BIGINT)""",
    """CREATE TABLE history_rows (
        revision BIGINT NOT NULL REFERENCES history(revision) ON DELETE CASCADE,
        table_name TEXT NOT NULL, key TEXT NOT NULL, before TEXT, after TEXT,
        PRIMARY KEY (revision, table_name, key))""",
    "CREATE INDEX history_rows_by_row ON history_rows (table_name, key, revision)",
)

# How many rows of a kind, in the sales director's words (in the reader's language).
NOUNS = {"meta": lambda n: ngettext("{n} setting", "{n} settings", n),
         "activities": lambda n: ngettext("{n} activity", "{n} activities", n),
         "reps": lambda n: ngettext("{n} rep", "{n} reps", n),
         "markets": lambda n: ngettext("{n} market", "{n} markets", n),
         "workload": lambda n: ngettext("{n} weekly count", "{n} weekly counts", n),
         "assignments": lambda n: ngettext("{n} assignment", "{n} assignments", n),
         "busy": lambda n: ngettext("{n} busy time", "{n} busy times", n),
         "pins": lambda n: ngettext("{n} pinned block", "{n} pinned blocks", n),
         "exports": lambda n: ngettext("{n} export record", "{n} export records", n),
         "published": lambda n: ngettext("{n} published record", "{n} published records", n),
         "alternatives": lambda n: ngettext("{n} alternative", "{n} alternatives", n)}
_META = {"name": N_("the plan's name"), "settings": N_("the settings"), "thresholds": N_("the workload thresholds")}
# A column as an undo line names it (English: the column's name with spaces).
COLUMNS = {"name": N_("name"), "position": N_("position"), "timezone": N_("timezone"), "country": N_("country"),
           "subdivision": N_("subdivision"), "hours": N_("hours"), "max_weekly_hours": N_("max weekly hours"),
           "rules": N_("rules"), "minutes": N_("minutes"), "live": N_("live"), "tier": N_("tier"),
           "value": N_("value"), "count": N_("count"), "rep": N_("rep"), "locked": N_("locked"),
           "market": N_("market"), "activity": N_("activity"), "plan": N_("plan")}


@dataclass(frozen=True)
class Row:
    """One row a revision changed: ``before`` None when it added the row, ``after`` None when it removed it."""

    table: str
    key: tuple
    before: dict | None
    after: dict | None

    def describe(self) -> str:
        """The row in words: "rep Laura", "the assignment of Brazil", "a busy time of Laura"."""
        row = self.after or self.before or {}
        key = self.key
        return {
            "meta": lambda: _(_META[key[0]]) if key[0] in _META else _("setting {name}").format(name=key[0]),
            "activities": lambda: _("activity {name}").format(name=key[0]),
            "reps": lambda: _("rep {name}").format(name=key[0]),
            "markets": lambda: _("market {name}").format(name=key[0]),
            "workload": lambda: _("{market}'s weekly {activity}").format(market=key[0], activity=key[1]),
            "assignments": lambda: _("the assignment of {market}").format(market=key[0]),
            "busy": lambda: _("a busy time of {rep}").format(rep=row.get('rep')),
            "pins": lambda: _("a pinned block of {rep} in {week}").format(rep=key[0], week=key[1]),
            "exports": lambda: _("an export record of {rep}").format(rep=row.get('rep')),
            "published": lambda: _("a published record of {rep}").format(rep=row.get('rep')),
            "alternatives": lambda: _("alternative {name}").format(name=key[0]),
        }.get(self.table, lambda: f"{self.table} {list(key)}")()

    def undo_line(self) -> str:
        """What undoing this row does, in words."""
        if self.before is None:
            return _("removed {row}").format(row=self.describe())
        if self.after is None:
            return _("brought back {row}").format(row=self.describe())
        changed = [c for c in self.before if self.before[c] != self.after.get(c)]
        return _("{row}: {changes}").format(row=self.describe(), changes=", ".join(
            f"{_(COLUMNS[c]) if c in COLUMNS else c.replace('_', ' ')} {_value(c, self.after.get(c))} -> "
            f"{_value(c, self.before[c])}" for c in changed))


def _value(column: str, value) -> str:
    if column == "plan":  # an alternative's plan, stored whole (planner.alternatives): not a line's worth
        return _("open") if value is None else _("stored")
    if column in ("locked", "live"):
        return _("yes") if value else _("no")
    if isinstance(value, float) and value.is_integer():
        return f"{value:g}"
    return _("none") if value is None else str(value)


@dataclass(frozen=True)
class Revision:
    number: int
    time: dt.datetime            # UTC
    source: str
    author: str
    text: str
    undoes: int | None           # the revision this one reverted (an undo, or a redo)
    counts: dict = field(default_factory=dict)   # table -> rows changed

    def counts_text(self) -> str:
        """ "1 assignment, 2 reps" """
        return ", ".join(NOUNS[t](n).format(n=n) if t in NOUNS else f"{n} {t}"
                         for t, n in self.counts.items()) or _("nothing")


@dataclass
class Recording:
    """A change being recorded; ``revision`` is its number once recorded (None: it changed nothing)."""

    text: str
    source: str
    undoes: int | None = None
    revision: int | None = None


# --- catching rows -------------------------------------------------------------------------------

def table_columns(db, table: str, engine=None) -> tuple[list[str], list[str]]:
    """The table's columns and its primary key's, in order."""
    from .engines.sqlite import ENGINE

    return (engine or ENGINE).table_columns(db, table)


def capture(store) -> None:
    """Catch, on this (writable) connection, every row a recorded change writes, into ``history_capture``
    (the engine says how: :mod:`planner.engines`)."""
    store.engine.capture(store)


def _not_saved(store, exc) -> PlannerError:
    return PlannerError(_("{path}: the change was not saved ({reason}); the database is unchanged").format(
        path=store.path, reason=store.engine.explain(exc)))


@contextmanager
def recording(store, text: str, *, source: str | None = None, undoes: int | None = None):
    """Record what the block writes to ``store`` as one revision, in the block's transaction.

    Outermost, the block is one transaction taken for writing at once (``BEGIN IMMEDIATE``: a
    change another program makes meanwhile is waited for, then built upon); inside a transaction
    it is a savepoint of it. Inside another recording it joins that one (whose text is the user's).
    On an error nothing is written, the revision included. ``source`` defaults to ``store.source``.
    """
    if getattr(store, "_recording", None) is not None:
        yield store._recording
        return
    if store.read_only:
        raise PlannerError(_("{path}: the change was not saved (attempt to write a readonly database: it was "
                             "opened read-only; save a copy to keep changes); the database is unchanged").format(
            path=store.path))
    rec = Recording(text, source or getattr(store, "source", "cli"), undoes)
    db, engine = store.db, store.engine
    nested = db.conn.in_transaction
    try:
        if not getattr(store, "_capturing", False):
            capture(store)
        engine.begin_change(db, nested)
    except engine.errors as exc:
        raise _not_saved(store, exc) from None
    store._recording = rec
    try:
        db.execute("DELETE FROM history_capture")
        engine.capture_on(db)
        yield rec
        engine.capture_off(db)
        rec.revision = _write_revision(store, rec)
        db.execute("RELEASE history_change" if nested else "COMMIT")
    except BaseException as exc:
        if db.conn.in_transaction:
            if nested:
                db.execute("ROLLBACK TO history_change")
                db.execute("RELEASE history_change")
            else:
                db.conn.rollback()
        rec.revision = None
        if isinstance(exc, engine.errors):
            raise _not_saved(store, exc) from None
        raise
    finally:
        store._recording = None


_AUTHOR: list[str] = []


def author() -> str:
    """Who is making changes here: the operating-system user ("" when the system cannot say)."""
    if not _AUTHOR:
        try:
            _AUTHOR.append(getpass.getuser())
        except (OSError, KeyError, ImportError):
            _AUTHOR.append("")
    return _AUTHOR[0]


def _write_revision(store, rec: Recording) -> int | None:
    db = store.db
    changed = f"FROM history_capture WHERE before {store.engine.differs} after"
    if not db.execute(f"SELECT EXISTS (SELECT 1 {changed})").fetchone()[0]:
        return None
    time = store.clock().astimezone(dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
    revision = store.engine.new_revision(db, [time, rec.source, author(), rec.text, rec.undoes])
    db.execute(f"INSERT INTO history_rows SELECT ?, table_name, key, before, after {changed}", [revision])
    db.execute("DELETE FROM history_capture")
    return revision


# --- reading -------------------------------------------------------------------------------------

def _revision(row, counts=None) -> Revision:
    number, time, source, who, text, undoes = row
    return Revision(number, dt.datetime.fromisoformat(time.replace("Z", "+00:00")), source, who, text, undoes,
                    counts or {})


def revisions(store, limit: int | None = None) -> list[Revision]:
    """The newest ``limit`` revisions (all when None), newest first, with how many rows of each kind
    they changed."""
    db = store.db
    found = db.execute("SELECT revision, time, source, author, text, undoes FROM history ORDER BY revision DESC"
                       + (" LIMIT ?" if limit is not None else ""), [limit] if limit is not None else []).fetchall()
    if not found:
        return []
    counts: dict[int, dict[str, int]] = {}
    for number, table, n in db.execute(
            "SELECT revision, table_name, count(*) FROM history_rows WHERE revision BETWEEN ? AND ? "
            "GROUP BY revision, table_name", [found[-1][0], found[0][0]]):
        counts.setdefault(number, {})[table] = n
    order = {t: i for i, t in enumerate(RECORDED)}
    return [_revision(r, dict(sorted(counts.get(r[0], {}).items(), key=lambda kv: order.get(kv[0], 99))))
            for r in found]


def latest(store) -> int | None:
    """The newest revision's number (None: no change recorded yet)."""
    return store.db.execute("SELECT max(revision) FROM history").fetchone()[0]


def revision(store, number: int) -> Revision | None:
    row = store.db.execute("SELECT revision, time, source, author, text, undoes FROM history WHERE revision = ?",
                           [number]).fetchone()
    return _revision(row) if row else None


def rows_of(store, number: int) -> list[Row]:
    """The rows revision ``number`` changed, parents first."""
    order = {t: i for i, t in enumerate(RECORDED)}
    rows = [Row(t, tuple(json.loads(k)), json.loads(b) if b else None, json.loads(a) if a else None)
            for t, k, b, a in store.db.execute(
                "SELECT table_name, key, before, after FROM history_rows WHERE revision = ?", [number])]
    return sorted(rows, key=lambda r: order.get(r.table, 99))


def changed_since(store, table: str, key: tuple, revision: int) -> int | None:
    """The latest revision after ``revision`` that changed this row (None: none did)."""
    spelled, params = store.engine.key_match(key)  # the key as the triggers spell it
    return store.db.execute(f"SELECT max(revision) FROM history_rows WHERE table_name = ? AND key = {spelled} "
                            "AND revision > ?", [table, *params, revision]).fetchone()[0]


# --- undo ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Undone:
    target: Revision       # the revision undone
    rows: list[Row]        # its rows, which the undo wrote back
    text: str              # "Undo: Assign Brazil to Ben"
    revision: int | None   # the undo's own revision (None on a dry run)


def _undo_text(target: Revision) -> str:
    if target.undoes is not None:
        for done, opposite in (("Undo: ", "Redo: "), ("Redo: ", "Undo: ")):
            if target.text.startswith(done):
                return opposite + target.text[len(done):]
    return "Undo: " + target.text


def _target(store, number: int | None) -> Revision:
    newest = latest(store)
    if newest is None:
        raise PlannerError(_("{path}: no change to undo: the history is empty (changes are recorded from "
                             "the first one made by this version of Rep Planner)").format(path=store.path))
    found = revision(store, newest if number is None else number)
    if found is None:
        raise ValidationError("revision", number, _("no such revision; 'history' lists them (latest: {n})").format(n=newest))
    return found


def _quoted(names) -> str:
    return ", ".join(f'"{n}"' for n in names)


def upsert_sql(table: str, columns: list[str], keys: list[str]) -> str:
    """SQL writing a row whole, by key, without deleting it first (a delete would cascade to its children)."""
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c not in keys)
    return (f'INSERT INTO "{table}" ({_quoted(columns)}) VALUES ({", ".join("?" * len(columns))}) '
            f"ON CONFLICT ({_quoted(keys)}) " + (f"DO UPDATE SET {updates}" if updates else "DO NOTHING"))


def delete_sql(table: str, keys: list[str]) -> str:
    return f'DELETE FROM "{table}" WHERE ' + " AND ".join(f'"{k}" = ?' for k in keys)


def _write_back(store, rows: list[Row]) -> None:
    """Make every row of ``rows`` hold its value before: parents first, removals children first."""
    db = store.db
    keys = {table: table_columns(db, table, store.engine)[1] for table in {r.table for r in rows}}
    store.engine.defer_foreign_keys(db)  # a child and its parent come back in one transaction
    for row in rows:
        if row.table in CALENDAR_RECORDS:  # the records follow a rename back, nothing more
            if row.before and row.after:
                db.execute(f"UPDATE {row.table} SET rep = ? WHERE " + " AND ".join(f'"{k}" = ?' for k in keys[row.table]),
                           [row.before["rep"], *row.key])
        elif row.before is not None:
            db.execute(upsert_sql(row.table, list(row.before), keys[row.table]), list(row.before.values()))
    for row in reversed(rows):
        if row.before is None and row.table not in CALENDAR_RECORDS:
            db.execute(delete_sql(row.table, keys[row.table]), list(row.key))


def _conflict(store, target: Revision, rows: list[Row]) -> Row | None:
    """A row the undo cannot write back without overwriting a later change: one of ``rows`` that does
    not hold what the target left there, or a row the undo changed beyond them (a cascade)."""
    captured = {(t, tuple(json.loads(k))): json.loads(b) if b else None
                for t, k, b, a in store.db.execute("SELECT table_name, key, before, after FROM history_capture "
                                                   f"WHERE before {store.engine.differs} after")}
    for row in rows:
        if row.table in CALENDAR_RECORDS:
            continue
        now = captured.pop((row.table, row.key), row.before)  # not written: it held the value before already
        if now != row.after:
            return dataclasses.replace(row, after=now)
    for (table, key), now in captured.items():
        if table not in CALENDAR_RECORDS:
            return Row(table, key, now, None)
    return None


class _DryRun(Exception):
    pass


def undo(store, number: int | None = None, *, source: str | None = None, dry_run: bool = False) -> Undone:
    """Undo revision ``number`` (default: the latest) as a new revision; see the module's docstring.

    ``dry_run`` checks and describes the undo without writing anything.
    """
    result: Undone | None = None
    try:
        with recording(store, "", source=source) as rec:
            target = _target(store, number)
            rows = rows_of(store, target.number)
            if any(r.table == "meta" and r.key == ("name",) and r.before is None for r in rows):
                raise PlannerError(_("revision {n} ({text}) made the plan; there is no earlier state to go back "
                                     "to").format(n=target.number, text=target.text))
            rec.text, rec.undoes = _undo_text(target), target.number
            _write_back(store, rows)
            clash = _conflict(store, target, rows)
            if clash is not None:
                raise PlannerError(_("revision {n} ({text}) cannot be undone: {why}").format(
                    n=target.number, text=target.text, why=_why(store, target, clash)))
            result = Undone(target, rows, rec.text, None)
            if dry_run:
                raise _DryRun
    except _DryRun:
        return result
    return dataclasses.replace(result, revision=rec.revision)


def _why(store, target: Revision, clash: Row) -> str:
    later = changed_since(store, clash.table, clash.key, target.number)
    if later is None:
        return _("{row} was changed since by a program that does not record its changes").format(row=clash.describe())
    found = revision(store, later)
    if found.undoes == target.number:
        return _("revision {n} undid it already ('undo --revision {n}' redoes it)").format(n=later)
    return _("revision {n} ({source}: {text}) changed {row} since; undo revision {n} first").format(
        n=later, source=found.source, text=found.text, row=clash.describe())
