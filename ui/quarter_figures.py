"""The quarter's figures (:mod:`planner.quarter`), worked out off the GUI thread when slow.

Thirteen weeks of every rep are scheduled: 6,500 weeks at 500 reps, some seconds of work. As
:class:`ui.figures.Figures` does for one week, a few weeks are worked out at once and more on a
worker thread (with a read-only connection of its own to read the reps' calendars), handing them
over a few at a time so that the app stays responsive, with progress. Each week is remembered with
the inputs it came from (:class:`planner.incremental.KnownWeeks`, one per week), so after an edit only
the reps the edit reached are scheduled again, and Undo finds the earlier weeks. A change stops the
work under way (what is done is kept); moving the session's week alone does not.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Signal

from planner.incremental import KnownWeeks, week_inputs, work_out
from planner.quarter import Quarter, quarter_of, weeks_from
from planner.timezones import format_week

from .hand_over import HandOver, Job
from .view_parts import tr

QUARTER = "quarter"


class QuarterFigures(HandOver):
    """Each rep's weeks of a quarter for the session's scenario."""

    progress = Signal(int, int)   # done, total (total 0: nothing under way)
    ready = Signal()              # the quarter asked for is worked out
    failed = Signal(str)
    idle = Signal()

    SYNC = 40          # rep-weeks worked out at once, in an edit's time
    READ_PART = 25     # reps whose calendars are read per piece
    HAND_OVER = 0.03   # seconds of scheduling per piece handed to the GUI thread

    def __init__(self, session):
        super().__init__(session)
        self.session = session
        self._known: dict[tuple, KnownWeeks] = {}   # (stretch, year, week) -> accounts
        self._days: list = []                       # the weeks of the quarter asked for last...
        self._before: list = []                     # ...and of the one before it
        self._busy: dict[str, tuple] = {}           # rep -> busy times
        self._pins: dict[tuple[str, str], dict] = {}  # (rep, week name) -> pinned blocks
        self._version = 0                           # changes whenever the calendars read may be out of date
        self._job: Job | None = None
        self._last: tuple | None = None             # (key, accounts) of the last quarter built
        self._built: Quarter | None = None
        self._told = 0.0
        session.changed.connect(self._changed)
        running = self._running = []  # not self: the slot outlives the object it is told about
        self.destroyed.connect(lambda *_: [job.cancel() for job in running])

    # --- what the view asks ---
    def quarter(self, first: tuple[int, int], weeks: int, stretch: bool) -> Quarter | None:
        """The quarter of ``weeks`` weeks from ``first`` for the current data, or None while it is
        worked out (``ready`` follows)."""
        days = weeks_from(*first, weeks)
        self._forget_all_but(days)
        if self._job is not None:
            if self._job.key == (first, weeks, stretch):
                return None
            self._stop()
        inputs = self._inputs(days, stretch)
        if inputs is None:
            self._start(first, days, stretch)
            return None
        todo = [(day, name) for day in days for name in self._known_for(stretch, day).missing(inputs[day])]
        if len(todo) > self.SYNC:
            self._start(first, days, stretch)
            return None
        scenario = self.session.scenario
        for day, name in todo:
            self._known_for(stretch, day).add(name, inputs[day][name], work_out(scenario, inputs[day][name]))
        return self._build(first, days, stretch, inputs)

    @property
    def busy(self) -> bool:
        return self._job is not None

    def stop(self) -> None:
        if self._job is not None:
            self._stop()

    # --- the work ---
    def _forget_all_but(self, days) -> None:
        """Keep the weeks of this quarter and of the one shown before it (the way back), no more:
        a director paging through a year would otherwise keep every week of every rep."""
        if days != self._days:
            self._before, self._days = self._days, list(days)
        keep = set(self._days) | set(self._before)
        for key in [k for k in self._known if (k[1], k[2]) not in keep]:
            del self._known[key]

    def _known_for(self, stretch: bool, day: tuple[int, int]) -> KnownWeeks:
        return self._known.setdefault((stretch, *day), KnownWeeks())

    def _inputs(self, days, stretch: bool):
        """Each week's inputs by rep; None while many reps' calendars are still to be read."""
        scenario, calendars = self.session.scenario, self.session.calendars
        names = [format_week(*d) for d in days]
        unread = [r.name for r in scenario.reps
                  if r.name not in self._busy or any((r.name, n) not in self._pins for n in names)]
        if len(unread) > self.SYNC // len(days) + 1 and self.session.store.path != ":memory:":
            return None
        for rep in unread:
            self._busy.setdefault(rep, tuple(calendars.busy(rep)))
            for name in names:
                self._pins.setdefault((rep, name), calendars.pins(rep, name))
        return {day: week_inputs(scenario, *day, stretch=stretch, busy=self._busy,
                                 pins={r.name: self._pins[(r.name, name)] for r in scenario.reps})
                for day, name in zip(days, names)}

    def _build(self, first, days, stretch, inputs) -> Quarter:
        scenario = self.session.scenario
        rows = [[self._known_for(stretch, day).get(r.name, inputs[day][r.name]) for day in days]
                for r in scenario.reps]
        key = (first, tuple(days), stretch)
        if self._last is not None and self._last[0] == key and all(
                a is b for row, known in zip(rows, self._last[1]) for a, b in zip(row, known)) \
                and len(rows) == len(self._last[1]):
            return self._built  # nothing changed since: the same figures, not worked out again
        self._last, self._built = (key, rows), quarter_of(scenario, first, rows)
        return self._built

    def _start(self, first, days, stretch: bool) -> None:
        scenario, path, version = self.session.scenario, self.session.store.path, self._version
        busy, pins = dict(self._busy), dict(self._pins)
        known = {day: self._known_for(stretch, day).copy() for day in days}
        names = [format_week(*d) for d in days]

        def work(job: Job) -> None:
            unread = [r.name for r in scenario.reps
                      if r.name not in busy or any((r.name, n) not in pins for n in names)]
            if unread and not job.read_calendars(
                    path, unread, self.READ_PART,
                    lambda calendars, group: {(r, n): calendars.pins(r, n) for r in group for n in names},
                    version, busy, pins):
                return
            inputs = {day: week_inputs(scenario, *day, stretch=stretch, busy=busy,
                                       pins={r.name: pins[(r.name, n)] for r in scenario.reps})
                      for day, n in zip(days, names)}
            todo = [(day, name) for day in days for name in known[day].missing(inputs[day])]
            done, batch, since = 0, [], time.perf_counter()
            for day, name in todo:
                if job.stopped.is_set():
                    return
                batch.append((day, name, inputs[day][name], work_out(scenario, inputs[day][name])))
                done += 1
                if time.perf_counter() - since > self.HAND_OVER or done == len(todo):
                    job.hand_over("weeks", batch, done, len(todo))
                    batch, since = [], time.perf_counter()

        job = Job(self, QUARTER, stretch, work)
        job.key = (first, len(days), stretch)
        self._job = job
        self._running[:] = [job]
        self._tell(0, len(scenario.reps) * len(days), force=True)
        job.start()

    def _stop(self) -> None:
        job, self._job = self._job, None
        job.cancel()
        self._tell(0, 0, force=True)
        self.idle.emit()

    def _changed(self, touched) -> None:
        if touched & {"busy", "reps"}:
            self._busy.clear()
            self._pins.clear()
        elif "pins" in touched:
            self._pins.clear()
        if touched - {"week"}:
            self._version += 1
            if self._job is not None:
                self._stop()

    def _use(self, job: Job, piece) -> None:
        what, current = piece[0], job is self._job
        if what == "calendars":
            version, (busy, pins) = piece[1], piece[2]
            if version == self._version:
                for rep, times in busy.items():
                    self._busy.setdefault(rep, times)
                for key, pinned in pins.items():
                    self._pins.setdefault(key, pinned)
        elif what == "weeks":
            for day, name, inputs, account in piece[1]:
                self._known_for(job.stretch, day).add(name, inputs, account)  # right for its inputs
            if current:
                self._tell(piece[2], piece[3])
        elif what == "end" and current:
            self._job = None
            self._tell(0, 0, force=True)
            if piece[1]:
                self.failed.emit(tr("The figures could not be worked out: {reason}").format(reason=piece[1]))
            else:
                self.ready.emit()
            self.idle.emit()

    def _tell(self, done: int, total: int, force: bool = False) -> None:
        """A few times a second: a progress bar repainted for every piece would slow the work."""
        now = time.monotonic()
        if force or now - self._told > 0.1 or done == total:
            self._told = now
            self.progress.emit(done, total)
