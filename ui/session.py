"""The open database as the app sees it: the scenario, the week, undo, one change signal.

Every edit goes through :meth:`Session.do`: the core command is applied and
saved in one transaction, then pushed on the ``QUndoStack`` so Undo and Redo
work everywhere. Views refresh from ``changed`` and never touch the store; the
figures several views share (each rep's week, the fit table) come from
``figures`` (:class:`ui.figures.Figures`), told of a change before the views.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.commands import Change
from planner.errors import PlannerError
from planner.storage import CalendarStore, Store
from planner.timezones import add_weeks, format_week, week_of

from .figures import Figures


class _ScenarioCommand(QUndoCommand):
    def __init__(self, session: "Session", before, change: Change, text: str):
        super().__init__(text)
        self.session, self.before, self.change = session, before, change
        self._first = True

    def redo(self):
        if self._first:  # already applied and saved by Session.do
            self._first = False
            return
        self.session._restore(self.change.scenario, self.change.renamed_reps, self.change.renamed_markets,
                              self.change.touched)

    def undo(self):
        reps = {new: old for old, new in self.change.renamed_reps.items()}
        markets = {new: old for old, new in self.change.renamed_markets.items()}
        self.session._restore(self.before, reps, markets, self.change.touched)


class _PinsCommand(QUndoCommand):
    def __init__(self, session: "Session", rep: str, week: str, before: dict, after: dict, text: str):
        super().__init__(text)
        self.session, self.rep, self.week, self.before, self.after = session, rep, week, before, after

    def redo(self):
        self.session._set_pins(self.rep, self.week, self.after)

    def undo(self):
        self.session._set_pins(self.rep, self.week, self.before)


class Session(QObject):
    changed = Signal(frozenset)   # what kinds of data changed: reps, markets, assignments, pins, busy, week
    failed = Signal(str)          # a change could not be made or saved; the message says why

    def __init__(self, store: Store, today: dt.date, parent=None):
        super().__init__(parent)
        self.store = store
        self.calendars = CalendarStore(store)
        self.today = today
        self.week = week_of(today)
        self.scenario = store.load()
        self.undo_stack = QUndoStack(self)
        self.figures = Figures(self)
        self.figures.failed.connect(self.failed)

    @property
    def week_name(self) -> str:
        return format_week(*self.week)

    def do(self, command) -> str | None:
        """Apply and save a core command; None on success, else the reason it was refused."""
        before = self.scenario
        try:
            change = command.apply(before)
            self.store.save(change.scenario, renamed_reps=change.renamed_reps,
                            renamed_markets=change.renamed_markets, previous=before)
        except PlannerError as exc:
            self.failed.emit(str(exc))
            return str(exc)
        self.scenario = change.scenario
        self.undo_stack.push(_ScenarioCommand(self, before, change, command.text))
        self._changed(change.touched)
        return None

    def set_pins(self, rep: str, pins: dict, text: str) -> None:
        """Pin blocks of the current week (undoable)."""
        before = self.calendars.pins(rep, self.week_name)
        self.undo_stack.push(_PinsCommand(self, rep, self.week_name, before, pins, text))

    def set_week(self, year: int, week: int) -> None:
        self.week = (year, week)
        self._changed(frozenset({"week"}))

    def move_week(self, delta: int) -> None:
        self.set_week(*add_weeks(*self.week, delta))

    def go_to_today(self) -> None:
        self.set_week(*week_of(self.today))

    def reload(self) -> None:
        """After something outside the undo stack changed the store (an import)."""
        self.scenario = self.store.load()
        self._changed(frozenset({"reps", "markets", "assignments", "busy", "pins"}))

    def close(self) -> None:
        """Stop the figures' work and close the database."""
        self.figures.stop()
        self.store.close()

    def _changed(self, touched, pins_of: str | None = None) -> None:
        self.figures.changed(touched, pins_of)
        self.changed.emit(touched)

    def _restore(self, scenario, renamed_reps, renamed_markets, touched) -> None:
        try:
            self.store.save(scenario, renamed_reps=renamed_reps, renamed_markets=renamed_markets,
                            previous=self.scenario)
        except PlannerError as exc:
            self.failed.emit(str(exc))
            return
        self.scenario = scenario
        self._changed(touched)

    def _set_pins(self, rep: str, week: str, pins: dict) -> None:
        try:
            self.calendars.replace_pins(rep, week, pins)
        except PlannerError as exc:
            self.failed.emit(str(exc))
            return
        self._changed(frozenset({"pins"}), pins_of=rep)
