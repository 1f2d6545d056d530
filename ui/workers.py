"""Slow work off the GUI thread: the optimiser and the hiring search, with progress and cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal

from planner import history
from planner.calendars import calendar_inputs
from planner.errors import PlannerError
from planner.storage import Store
from planner.territories import optimise


class SearchWorker(QThread):
    """A search over the plan of one week, with its own database connection.

    ``progress`` carries (the best plan's figure so far or -1, gap, seconds); ``done`` the
    result; ``failed`` a message; ``revision`` is the plan's revision the search read (a plan applied
    later is checked against it: another planner may have changed the plan meanwhile). :meth:`cancel` stops the search; the best result so far still
    arrives through ``done``, marked cancelled. A subclass says what to search (:meth:`search`)
    and how a failure is named (``WHAT``).
    """

    progress = Signal(float, float, float)
    done = Signal(object)
    failed = Signal(str)
    WHAT = "The search"

    def __init__(self, db_path: str, year: int, week: int, time_limit: float = 30.0, parent=None):
        super().__init__(parent)
        self.db_path, self.year, self.week, self.time_limit = db_path, year, week, time_limit
        self._stop = threading.Event()
        self.revision: int | None = None

    def cancel(self) -> None:
        self._stop.set()

    def search(self, scenario, busy, pins, should_stop, progress):
        raise NotImplementedError

    def _report(self, p) -> None:
        self.progress.emit(p.value if p.value is not None else -1.0, p.gap, p.seconds)

    def run(self) -> None:
        store = None
        try:
            store = Store(self.db_path, create=False)
            self.revision = history.latest(store) or 0  # before the plan: a change between the two is not missed
            scenario = store.load()
            # The reps' meetings and pinned blocks, so the plan's weeks are checked as the scheduler builds them.
            busy, pins = calendar_inputs(store, scenario, self.year, self.week)
            self.done.emit(self.search(scenario, busy, pins, self._stop.is_set, self._report))
        except PlannerError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # the app must survive a solver failure; say what happened
            self.failed.emit(f"{self.WHAT} failed: {exc}")
        finally:
            if store is not None:
                store.close()


class OptimiseWorker(SearchWorker):
    """:func:`planner.territories.optimise`; its progress figure is the value covered."""

    WHAT = "The optimiser"

    def search(self, scenario, busy, pins, should_stop, progress):
        return optimise(scenario, self.year, self.week, time_limit=self.time_limit, busy=busy, pins=pins,
                        progress=progress, should_stop=should_stop)


class HireWorker(SearchWorker):
    """:func:`planner.territories.hiring_plan.plan_hires`; its progress figure is the hires in the
    best plan so far."""

    WHAT = "The hiring search"

    def __init__(self, db_path: str, year: int, week: int, min_value: float, max_hires: int | None,
                 time_limit: float = 30.0, parent=None):
        super().__init__(db_path, year, week, time_limit, parent)
        self.min_value, self.max_hires = min_value, max_hires

    def search(self, scenario, busy, pins, should_stop, progress):
        from planner.territories.hiring_plan import plan_hires

        return plan_hires(scenario, self.year, self.week, self.min_value, max_hires=self.max_hires,
                          time_limit=self.time_limit, busy=busy, pins=pins, should_stop=should_stop,
                          progress=progress)
