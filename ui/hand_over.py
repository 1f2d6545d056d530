"""Slow figures worked out on a plain thread and handed to the GUI thread a piece at a time.

The worker holds the GIL while it works, and the GUI thread waits for the GIL at every call into
or out of Qt: a view opened beside a worker that never paused took five times as long. So a
:class:`Job` does one piece (a rep's week, a group of reps' fit columns, a few weeks of a quarter)
and waits until the GUI thread has taken it in, after its own pending events: the app stays as
quick as it is alone. The worker is a plain Python thread (no QThread that Qt could delete while it
runs); it stops between pieces when cancelled and gives up waiting after a second if the GUI thread
is stuck. :class:`ui.figures.Figures` (one week) and :class:`ui.quarter_figures.QuarterFigures`
(a quarter) are the two owners (:class:`HandOver`).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal

from planner.calendar_store import CalendarStore
from planner.storage import Store

_GO_ON = QEvent.Type(QEvent.registerEventType())
_AFTER_PAINT = Qt.LowEventPriority.value - 1  # after the paint requests Qt posts at low priority


class _GoOn(QEvent):
    def __init__(self, job: Job):
        super().__init__(_GO_ON)
        self.job = job


class Job(threading.Thread):
    """One piece of slow work, ``work(job)``, for ``owner``; ``cancel`` stops it between pieces. The
    owner hears of each piece in :meth:`HandOver._use`, the last being ("end", None or the error)."""

    def __init__(self, owner: HandOver, kind: str, stretch: bool, work):
        super().__init__(daemon=True, name=f"figures-{kind}")
        self.owner, self.kind, self.stretch, self.work = owner, kind, stretch, work
        self.stopped = threading.Event()
        self.taken = threading.Event()

    def cancel(self) -> None:
        self.stopped.set()
        self.taken.set()

    def hand_over(self, *piece) -> None:
        """Give the GUI thread a piece and wait until it has been taken and the GUI's own events
        handled (a second at most, should the GUI be stuck)."""
        self.taken.clear()
        self.owner._piece.emit(self, piece)
        self.taken.wait(1.0)

    def read_calendars(self, path: str, reps: list[str], part: int, read_pins, version: int,
                       busy: dict, pins: dict) -> bool:
        """Read ``reps``' busy times, and their pinned blocks as ``read_pins(calendars, group)`` gives
        them, ``part`` reps at a time into ``busy`` and ``pins``, handing each group over as
        ("calendars", version, (busy times, pins)). The connection is the job's own, read-only (a
        connection is never shared across threads). False when cancelled before the end."""
        store = Store(path, read_only=True)
        try:
            calendars = CalendarStore(store)
            for start in range(0, len(reps), part):
                if self.stopped.is_set():
                    return False
                group = reps[start:start + part]
                read = ({r: tuple(calendars.busy(r)) for r in group}, read_pins(calendars, group))
                busy.update(read[0])
                pins.update(read[1])
                self.hand_over("calendars", version, read)
            return True
        finally:
            store.close()

    def run(self) -> None:
        try:
            self.hand_over("start")  # the GUI paints what it has first
            if not self.stopped.is_set():
                self.work(self)
            self.owner._piece.emit(self, ("end", None))
        except RuntimeError:  # the session went away while this worked
            pass
        except Exception as exc:  # the app must survive: say what happened
            try:
                self.owner._piece.emit(self, ("end", f"{exc}"))
            except RuntimeError:
                pass


class HandOver(QObject):
    """The GUI-thread side of its jobs: each piece is used (:meth:`_use`, on the GUI thread), then
    the job goes on once the GUI's pending events (paints included) are handled."""

    _piece = Signal(object, object)  # from a worker: (job, piece)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._piece.connect(self._take, Qt.QueuedConnection)

    def _use(self, job: Job, piece) -> None:
        raise NotImplementedError

    def _take(self, job: Job, piece) -> None:
        try:
            self._use(job, piece)
        finally:
            QCoreApplication.postEvent(self, _GoOn(job), _AFTER_PAINT)

    def customEvent(self, event) -> None:
        if event.type() == _GO_ON:
            event.job.taken.set()
