"""Slow work off the GUI thread: the optimiser, with progress and cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal

from planner.calendars import calendar_inputs
from planner.errors import PlannerError
from planner.storage import Store
from planner.territories import optimise


class OptimiseWorker(QThread):
    """Runs :func:`planner.territories.optimise` with its own database connection.

    ``progress`` carries (covered value or -1, gap, seconds); ``done`` the plan;
    ``failed`` a message. :meth:`cancel` stops the search; the best plan so far
    still arrives through ``done``, marked cancelled.
    """

    progress = Signal(float, float, float)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: str, year: int, week: int, time_limit: float = 30.0, parent=None):
        super().__init__(parent)
        self.db_path, self.year, self.week, self.time_limit = db_path, year, week, time_limit
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        store = None
        try:
            store = Store(self.db_path, create=False)
            scenario = store.load()
            # The reps' meetings and pinned blocks, so the plan's weeks are checked as the scheduler builds them.
            busy, pins = calendar_inputs(store, scenario, self.year, self.week)
            plan = optimise(scenario, self.year, self.week, time_limit=self.time_limit, busy=busy, pins=pins,
                            progress=lambda p: self.progress.emit(p.value if p.value is not None else -1.0,
                                                                  p.gap, p.seconds),
                            should_stop=self._stop.is_set)
            self.done.emit(plan)
        except PlannerError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # the app must survive a solver failure; say what happened
            self.failed.emit(f"The optimiser failed: {exc}")
        finally:
            if store is not None:
                store.close()


class HireWorker(QThread):
    """Runs :func:`planner.territories.hiring_plan.plan_hires` with its own database connection.

    ``progress`` carries (hires in the best plan so far or -1, gap, seconds); ``done`` the
    hiring plan; ``failed`` a message. :meth:`cancel` stops the search; the best plan so far
    still arrives through ``done``, marked cancelled.
    """

    progress = Signal(float, float, float)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: str, year: int, week: int, min_value: float, max_hires: int | None,
                 time_limit: float = 30.0, parent=None):
        super().__init__(parent)
        self.db_path, self.year, self.week = db_path, year, week
        self.min_value, self.max_hires, self.time_limit = min_value, max_hires, time_limit
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        from planner.territories.hiring_plan import plan_hires

        store = None
        try:
            store = Store(self.db_path, create=False)
            scenario = store.load()
            busy, pins = calendar_inputs(store, scenario, self.year, self.week)
            plan = plan_hires(scenario, self.year, self.week, self.min_value, max_hires=self.max_hires,
                              time_limit=self.time_limit, busy=busy, pins=pins, should_stop=self._stop.is_set,
                              progress=lambda p: self.progress.emit(p.value if p.value is not None else -1.0,
                                                                    p.gap, p.seconds))
            self.done.emit(plan)
        except PlannerError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # the app must survive a solver failure; say what happened
            self.failed.emit(f"The hiring search failed: {exc}")
        finally:
            if store is not None:
                store.close()
