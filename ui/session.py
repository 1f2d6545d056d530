"""The open database as the app sees it: the scenario, the week, undo, one change signal.

Every edit goes through :meth:`Session.do`: the core command is applied and
saved in one transaction, recorded in the change history (source "app"), then
pushed on the ``QUndoStack`` so Undo and Redo work everywhere. Undo reverts the
change's revision exactly as ``rep-planner undo`` does (:func:`planner.history.undo`),
so the two leave the same database. On a plan others change too (a team's), an edit carries the
revision the plan on screen was read at (``seen``): one touching a row changed since is refused
(:mod:`planner.conflicts`), the plan is read again and the reason shown, and nothing is pushed on
the undo stack; one touching other rows lands on top of the newer plan, which the views then show.
Views refresh from ``changed`` and never
touch the store; the figures several views share (each rep's week, the fit
table) come from ``figures`` (:class:`ui.figures.Figures`), told of a change
before the views, and the quarter's from ``quarter`` (:class:`ui.quarter_figures.QuarterFigures`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner import conflicts, history
from planner.calendar_store import CalendarStore
from planner.engines.pg_roles import me as member_of
from planner.errors import PlannerError
from planner.storage import Store
from planner.timezones import add_weeks, format_week, week_of

from .figures import Figures
from .quarter_figures import QuarterFigures


# The history's tables as the kinds of data ``changed`` names.
_KINDS = {"reps": "reps", "markets": "markets", "workload": "markets", "assignments": "assignments",
          "activities": "activities", "meta": "settings", "busy": "busy", "pins": "pins",
          "alternatives": "alternatives"}
EVERYTHING = frozenset({"reps", "markets", "assignments", "activities", "settings", "busy", "pins", "alternatives"})


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class _Recorded(QUndoCommand):
    """A change the history recorded as ``revision``: Undo reverts that revision as a new one, Redo
    reverts the undo. ``before``/``after``: the scenario each leaves (None: pins only, unchanged);
    ``pins_of``: the rep whose pinned blocks it moved."""

    def __init__(self, session: "Session", text: str, revision: int | None, before, after, touched,
                 pins_of: str | None = None):
        super().__init__(text)
        self.session, self.revision, self.undone_by = session, revision, None
        self.before, self.after, self.touched, self.pins_of = before, after, touched, pins_of

    def redo(self):
        if self.undone_by is None:  # the push itself (Session made the change), or after a refused undo
            return
        done = self.session._revert(self.undone_by, self.after, self.touched, self.pins_of)
        if done is not None:
            self.revision, self.undone_by = done, None

    def undo(self):
        if self.revision is None:  # it changed nothing, or its redo was refused
            return
        done = self.session._revert(self.revision, self.before, self.touched, self.pins_of)
        if done is not None:
            self.revision, self.undone_by = None, done


class Session(QObject):
    changed = Signal(frozenset)   # what kinds of data changed: reps, markets, assignments, pins, busy, week
    failed = Signal(str)          # a change could not be made or saved; the message says why
    others = Signal(list)         # others' revisions now in the plan (read again, or saved on top of), oldest first

    def __init__(self, store: Store, today: dt.date, parent=None):
        super().__init__(parent)
        self.store = store
        self.calendars = CalendarStore(store)
        self.today = today
        self.week = week_of(today)
        self.seen = history.latest(store) or 0  # the revision self.scenario is at (read first: see reload)
        self.scenario = store.load()
        self.member = member_of(store)  # who this is on a team's plan (None: a file, one planner's)
        # the reps' and markets' cells are greyed for a rep or a read-only member; the server refuses anyway
        self.edits_territory = self.member is None or self.member.may_edit_territory()
        self.undo_stack = QUndoStack(self)
        self.figures = Figures(self)
        self.figures.failed.connect(self.failed)
        self.quarter = QuarterFigures(self)  # before any view listens: it hears of a change first
        self.quarter.failed.connect(self.failed)

    @property
    def week_name(self) -> str:
        return format_week(*self.week)

    def do(self, command, source: str = "app") -> str | None:
        """Apply and save a core command; None on success, else the reason it was refused.
        ``source`` is what the history records it as ("import" for a file, "optimiser")."""
        before = self.scenario
        try:
            done = conflicts.apply(self.store, command, self.seen, previous=before, source=source)
        except conflicts.Conflict as exc:
            return self._refused(exc)
        except PlannerError as exc:
            self.failed.emit(str(exc))
            return str(exc)
        change, base = done.change, self.seen
        self.scenario, self.seen = change.scenario, done.at
        touched = EVERYTHING if done.caught_up else change.touched
        self.undo_stack.push(_Recorded(self, command.text, done.revision, done.before, change.scenario, touched))
        self._changed(touched)
        if done.caught_up:
            self.others.emit(conflicts.since(self.store, base, before=done.revision))
        return None

    def set_pins(self, rep: str, pins: dict, text: str) -> None:
        """Pin blocks of the current week (undoable)."""
        try:
            with conflicts.change(self.store, text, self.seen, source="app", tables=("pins",)) as recorded:
                self.calendars.replace_pins(rep, self.week_name, pins)
        except conflicts.Conflict as exc:
            self._refused(exc)
            return
        except PlannerError as exc:
            self.failed.emit(str(exc))
            return
        if recorded.revision is not None and recorded.revision != self.seen + 1:  # others' changes landed before
            self.reload()
        self.seen = recorded.revision or self.seen
        self.undo_stack.push(_Recorded(self, text, recorded.revision, None, None, frozenset({"pins"}), pins_of=rep))
        self._changed(frozenset({"pins"}), pins_of=rep)

    def undo_revision(self, number: int) -> str | None:
        """Revert revision ``number`` (any change in the history, wherever it was made) as a new
        revision, as ``rep-planner undo --revision N`` does, pushed on the undo stack so Ctrl+Z takes
        it back. None on success, else the history's reason for refusing."""
        before = self.scenario
        try:
            conflicts.refuse_others(self.store, number)
            done = history.undo(self.store, number, source="app")
        except PlannerError as exc:
            self.failed.emit(str(exc))
            return str(exc)
        self.scenario, self.seen = self.store.load(), done.revision
        touched = frozenset({_KINDS[r.table] for r in done.rows if r.table in _KINDS})
        self.undo_stack.push(_Recorded(self, done.text, done.revision, before, self.scenario, touched))
        self._changed(touched)
        return None

    def change_alternatives(self, text: str, run) -> str | None:
        """Save, switch to, delete or rename an alternative: ``run(store)`` is the core operation
        (planner.alternatives), one recorded revision; pushed on the undo stack like any edit.
        None on success, else the reason it was refused."""
        before = self.scenario
        try:
            revision = run(self.store)
            after = self.store.load()
        except PlannerError as exc:
            self.failed.emit(str(exc))
            return str(exc)
        if revision is None:  # it changed nothing (the alternative was open already)
            return None
        # A switch brings another plan, in which anything may differ; a save, delete or rename only names.
        touched = frozenset({"alternatives"}) if after == before else frozenset(_KINDS.values())
        self.scenario, self.seen = after, revision
        self.undo_stack.push(_Recorded(self, text, revision, before, after, touched))
        self._changed(touched)
        return None

    def set_week(self, year: int, week: int) -> None:
        self.week = (year, week)
        self._changed(frozenset({"week"}))

    def move_week(self, delta: int) -> None:
        self.set_week(*add_weeks(*self.week, delta))

    def go_to_today(self) -> None:
        self.set_week(*week_of(self.today))

    def reload(self) -> None:
        """After something outside the undo stack changed the store (an import, another planner)."""
        # The revision first: one landing between the two reads is then in the plan read, and an edit
        # made on it is checked against it again (at worst refused), never let through unchecked.
        self.seen = history.latest(self.store) or 0
        self.scenario = self.store.load()
        self._changed(frozenset({"reps", "markets", "assignments", "busy", "pins"}))

    def catch_up(self) -> list[history.Revision]:
        """Read the plan again if others changed it since it was read; their revisions, oldest first."""
        try:
            theirs = conflicts.since(self.store, self.seen)
        except self.store.engine.errors:
            # the plan's own connection was lost while the server answers others (it was restarted, or
            # ended this connection): a new one, and the plan read again on it
            seen, problem = self.seen, self.reconnect()
            if problem:
                self.failed.emit(problem)
                return []
            theirs = conflicts.since(self.store, seen)
            self.others.emit(theirs)
            return theirs
        if theirs:
            self.reload()
            self.others.emit(theirs)
        return theirs

    def _refused(self, exc: conflicts.Conflict) -> str:
        """A change refused for one landed meanwhile: show the plan as it is now, then say why."""
        self.reload()
        text = tr("{reason}. The plan now shows their change; make yours again if it still applies.").format(
            reason=exc)
        self.failed.emit(text)
        return text

    def reconnect(self) -> str | None:
        """A new connection to the plan (its server was lost and is back), and the plan read again;
        None on success, else why not (the old connection is kept)."""
        try:
            store = Store(self.store.path, create=False, source=self.store.source, clock=self.store.clock)
        except PlannerError as exc:
            return str(exc)
        old, self.store, self.calendars = self.store, store, CalendarStore(store)
        try:
            old.close()
        except old.engine.errors:  # a connection the server dropped: nothing left to close cleanly
            pass
        self.reload()
        return None

    def close(self) -> None:
        """Stop the figures' work and close the database."""
        self.figures.stop()
        self.quarter.stop()
        self.store.close()

    def _changed(self, touched, pins_of: str | None = None) -> None:
        self.figures.changed(touched, pins_of)
        self.changed.emit(touched)

    def _revert(self, revision: int, scenario, touched, pins_of: str | None = None) -> int | None:
        """Revert ``revision`` as ``rep-planner undo`` does (a removed rep's busy times and pins come
        back too); the plan is then ``scenario`` (None: unchanged). Returns the new revision, or None
        when refused (a later change touched the same rows: ``failed`` says which)."""
        try:
            done = history.undo(self.store, revision, source="app")
        except PlannerError as exc:
            self.failed.emit(str(exc))
            return None
        # What the undo wrote back, besides what the change said it touched: a removed rep's busy times...
        touched = touched | {_KINDS[r.table] for r in done.rows if r.table in _KINDS}
        if {r.key[0] for r in done.rows if r.table == "pins"} - {pins_of}:
            pins_of = None
        if done.revision != self.seen + 1:  # another program changed the plan meanwhile: read it all
            self.scenario = self.store.load()
            touched, pins_of = touched | set(_KINDS.values()), None
        elif scenario is not None:
            self.scenario = scenario
        self.seen = done.revision
        self._changed(frozenset(touched), pins_of)
        return done.revision
