"""The figures several views share, worked out once per change and off the GUI thread when slow.

Every rep's week (:func:`planner.team.rep_week`, with their busy times and pins as
:func:`planner.calendars.calendar_inputs` reads them) for Team (as planned) and Workload
(stretched), and the fit table for Territories. A view asks (:meth:`Figures.weeks`,
:meth:`Figures.fit`) and gets what is known at once; what is missing is worked out right away
when it is a few reps, else on a worker thread with progress, and the view hears of it through
``weeks_ready`` and ``fit_ready``. A change cancels the work under way (what is done is kept) and
the next request works out only what the change reached (:mod:`planner.incremental`).

The worker hands each piece (a rep's week, a group of reps' fit columns) to the GUI thread and
waits until it is taken in, so that the app stays as quick as it is alone (:mod:`ui.hand_over`).
"""

from __future__ import annotations

import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QProgressBar

from planner.incremental import KnownFit, KnownWeeks, fit_in_parts, fit_inputs, week_inputs, work_out

from .hand_over import HandOver, Job
from .view_parts import tr

WEEKS, FIT = "weeks", "fit"


class Figures(HandOver):
    """Each rep's week and the fit table for the session's scenario and week."""

    progress = Signal(str, bool, int, int)  # kind (WEEKS or FIT), stretch, done, total (0: nothing under way)
    weeks_ready = Signal(bool, object)      # stretch, names of the reps whose account arrived (all at once)
    fit_ready = Signal()
    failed = Signal(str)
    idle = Signal()                         # nothing is under way any more

    SYNC_REPS = 8        # as many reps' weeks as are worked out at once, in an edit's time
    SYNC_PAIRS = 5000    # a fit table this size (reps x markets) is worked out at once
    FIT_PART = 50        # reps' fit columns per piece of work
    READ_PART = 25       # reps' calendars read per piece of work

    def __init__(self, session):
        super().__init__(session)
        self.session = session
        self._known = {False: KnownWeeks(), True: KnownWeeks()}
        self._fit: KnownFit | None = None
        self._busy: dict[str, tuple] = {}   # the calendar inputs read so far, by rep (pins: this week's)
        self._pins: dict[str, dict] = {}
        self._calendar_version = 0          # changes whenever what was read may be out of date
        self._jobs: dict[tuple, Job] = {}  # (kind, stretch) -> the job under way
        self._arrived: dict[bool, list[str]] = {False: [], True: []}
        self._told: dict[tuple, float] = {}  # (kind, stretch) -> when progress was last told
        self._how_far: dict[tuple, tuple[int, int]] = {}  # (kind, stretch) -> (done, total) under way
        jobs = self._jobs  # not self: the slot outlives the object it is told about
        self.destroyed.connect(lambda *_: [job.cancel() for job in list(jobs.values())])

    # --- what views ask ---
    def weeks(self, stretch: bool = False) -> dict:
        """Each rep's :class:`planner.team.RepWeek` for the current data, by rep. Reps still being
        worked out are missing; ``weeks_ready`` follows as they arrive."""
        inputs = self._week_inputs(stretch)
        if inputs is None:
            return {}
        known = self._known[stretch]
        accounts, todo = known.split(inputs)
        if not todo or self.working(WEEKS, stretch):
            return accounts
        if len(todo) > self.SYNC_REPS:
            self._start_weeks(stretch, len(todo))
            return accounts
        scenario = self.session.scenario
        for name in todo:
            known.add(name, inputs[name], work_out(scenario, inputs[name]))
            accounts[name] = known.get(name, inputs[name])
        return accounts

    def complete(self, stretch: bool = False) -> bool:
        """Every rep's week is known for the current data."""
        inputs = self._week_inputs(stretch, start=False)
        return inputs is not None and not self._known[stretch].missing(inputs)

    def fit(self):
        """The fit table (:class:`planner.territories.FitTable`) of the current data, or None while it
        is worked out (``fit_ready`` follows)."""
        scenario, (year, week) = self.session.scenario, self.session.week
        if self._fit is not None and self._fit.holds(scenario, fit_inputs(scenario, year, week)):
            return self._fit.table
        if self.working(FIT):
            return None
        if len(scenario.reps) * len(scenario.markets) <= self.SYNC_PAIRS:
            self._fit = fit_in_parts(scenario, year, week, known=self._fit)
            return self._fit.table
        self._start_fit()
        return None

    @property
    def busy(self) -> bool:
        """Some figures are being worked out."""
        return bool(self._jobs)

    def working(self, kind: str, stretch: bool = False) -> bool:
        return (kind, stretch if kind == WEEKS else False) in self._jobs

    def how_far(self, kind: str, stretch: bool = False) -> tuple[int, int] | None:
        """(done, total) of the work under way, None when there is none."""
        return self._how_far.get((kind, stretch if kind == WEEKS else False))

    # --- what the session tells ---
    def changed(self, touched, pins_of: str | None = None) -> None:
        """The data changed (the session holds the new scenario; the views have not heard yet):
        forget what the change made out of date and stop the work it overtook."""
        if "busy" in touched:
            self._busy.clear()
            self._pins.clear()
        if "week" in touched or ("pins" in touched and pins_of is None):
            self._pins.clear()
        elif pins_of is not None:
            self._pins.pop(pins_of, None)
        if "reps" in touched:  # a rep removed (their calendar went with them) or renamed: read again
            names = {r.name for r in self.session.scenario.reps}
            for rep in [r for r in self._busy if r not in names]:
                del self._busy[rep]
            for rep in [r for r in self._pins if r not in names]:
                del self._pins[rep]
        self._calendar_version += 1
        for (kind, _stretch), job in list(self._jobs.items()):
            if kind == WEEKS or touched - {"assignments", "pins", "busy"}:
                self._stop(job)

    def stop(self) -> None:
        """Stop all work (the session is closing)."""
        for job in list(self._jobs.values()):
            self._stop(job)

    # --- the work ---
    def _week_inputs(self, stretch: bool, start: bool = True):
        """Every rep's inputs; None while many reps' calendars are still to be read (a worker reads
        them, with a connection of its own)."""
        scenario, (year, week) = self.session.scenario, self.session.week
        unread = [r.name for r in scenario.reps if r.name not in self._busy or r.name not in self._pins]
        if len(unread) > self.SYNC_REPS and self.session.store.path != ":memory:":
            if start and not self.working(WEEKS, stretch):
                self._start_weeks(stretch, len(scenario.reps))
            return None
        calendars, name = self.session.calendars, self.session.week_name
        for rep in unread:
            self._busy.setdefault(rep, tuple(calendars.busy(rep)))
            self._pins.setdefault(rep, calendars.pins(rep, name))
        return week_inputs(scenario, year, week, stretch=stretch, busy=self._busy, pins=self._pins)

    def _start_weeks(self, stretch: bool, total: int) -> None:
        """Work out the weeks missing (``total`` of them, as far as is known before the calendars are read)."""
        session = self.session
        scenario, (year, week), name = session.scenario, session.week, session.week_name
        busy, pins, version = dict(self._busy), dict(self._pins), self._calendar_version
        known, path = self._known[stretch].copy(), session.store.path

        def work(job: Job) -> None:
            unread = [r.name for r in scenario.reps if r.name not in busy or r.name not in pins]
            if unread and not job.read_calendars(path, unread, self.READ_PART,
                                                 lambda calendars, group: {r: calendars.pins(r, name) for r in group},
                                                 version, busy, pins):
                return
            inputs = week_inputs(scenario, year, week, stretch=stretch, busy=busy, pins=pins)
            todo = known.missing(inputs)
            for done, rep in enumerate(todo, 1):
                if job.stopped.is_set():
                    return
                job.hand_over("week", rep, inputs[rep], work_out(scenario, inputs[rep]), done, len(todo))

        self._run(Job(self, WEEKS, stretch, work), total)

    def _start_fit(self) -> None:
        scenario, (year, week), known = self.session.scenario, self.session.week, self._fit
        total = len(known.stale(scenario, fit_inputs(scenario, year, week)) if known else scenario.reps)

        def work(job: Job) -> None:
            result = fit_in_parts(scenario, year, week, known=known, part=self.FIT_PART,
                                  should_stop=job.stopped.is_set,
                                  progress=lambda done, total: job.hand_over("progress", done, total))
            if result is not None:
                job.hand_over("fit", result)

        self._run(Job(self, FIT, False, work), total)

    def _run(self, job: Job, total: int) -> None:
        self._jobs[(job.kind, job.stretch)] = job
        if job.kind == WEEKS:
            self._arrived[job.stretch] = []
        self._how_far[(job.kind, job.stretch)] = (0, max(total, 1))
        self._told.pop((job.kind, job.stretch), None)  # the first piece is told at once
        self.progress.emit(job.kind, job.stretch, 0, max(total, 1))
        job.start()

    def _stop(self, job: Job) -> None:
        job.cancel()
        if self._jobs.get((job.kind, job.stretch)) is job:
            self._ended(job)
            if not self._jobs:
                self.idle.emit()

    def _ended(self, job: Job) -> None:
        del self._jobs[(job.kind, job.stretch)]
        self._how_far.pop((job.kind, job.stretch), None)
        self.progress.emit(job.kind, job.stretch, 0, 0)

    def _use(self, job: Job, piece) -> None:
        what, current = piece[0], self._jobs.get((job.kind, job.stretch)) is job
        if what == "calendars":
            version, (busy, pins) = piece[1], piece[2]
            if version == self._calendar_version:
                for rep in busy:
                    self._busy.setdefault(rep, busy[rep])
                    self._pins.setdefault(rep, pins[rep])
        elif what == "week":
            _, rep, inputs, account, done, total = piece
            self._known[job.stretch].add(rep, inputs, account)  # right for its inputs, current or not
            if current:
                self._arrived[job.stretch].append(rep)
                self._tell_progress(WEEKS, job.stretch, done, total)
        elif what == "progress" and current:
            self._tell_progress(FIT, False, piece[1], piece[2])
        elif what == "fit" and current:
            self._fit = piece[1]
        elif what == "end" and current:
            self._ended(job)
            if piece[1]:
                self.failed.emit(tr("The figures could not be worked out: {reason}").format(reason=piece[1]))
            elif job.kind == FIT:
                self.fit_ready.emit()
            else:
                self._news(job.stretch)
            if not self._jobs:
                self.idle.emit()

    def _tell_progress(self, kind: str, stretch: bool, done: int, total: int) -> None:
        """A few times a second: a progress bar repainted for every rep would double the work."""
        self._how_far[(kind, stretch)] = (done, total)
        now = time.monotonic()
        if now - self._told.get((kind, stretch), 0.0) > 0.1 or done == total:
            self._told[(kind, stretch)] = now
            self.progress.emit(kind, stretch, done, total)

    def _news(self, stretch: bool) -> None:
        arrived, self._arrived[stretch] = self._arrived[stretch], []
        self.weeks_ready.emit(stretch, frozenset(arrived))


class FiguresProgress(QProgressBar):
    """How far the figures a view waits for have got; hidden when nothing is under way."""

    def __init__(self, figures: Figures, kind: str, stretch: bool = False, parent=None):
        super().__init__(parent)
        self.figures, self.kind = figures, kind
        self.setTextVisible(True)
        figures.progress.connect(self._progress)
        self.watch(stretch)

    def watch(self, stretch: bool) -> None:
        """Follow the work for ``stretch`` (Workload's check box)."""
        self.stretch = stretch
        self._progress(self.kind, stretch, *(self.figures.how_far(self.kind, stretch) or (0, 0)))

    def _progress(self, kind: str, stretch: bool, done: int, total: int) -> None:
        if kind != self.kind or stretch != self.stretch:
            return
        if total == 0:
            self.hide()
            return
        self.setRange(0, total)
        self.setValue(done)
        self.setFormat((tr("Working out each rep's week... {done} of {total}") if kind == WEEKS else
                        tr("Working out the hours each rep shares with each market... {done} of {total} reps"))
                       .format(done=done, total=total))
        self.show()
