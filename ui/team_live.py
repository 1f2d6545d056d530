"""A team's plan, live: other planners' changes appear within a second, and a lost server is said.

On a plan on a PostgreSQL server, :class:`LiveUpdates` listens for the revisions the server
announces (:mod:`planner.engines.pg_notify`) on a connection of its own, in a thread of its own,
so the window never waits on the network. A revision newer than the plan on screen is read through
the same path as a reload (:meth:`ui.session.Session.catch_up`), and the status bar says who changed
what ("claire (app): Assign Brazil to Marco"). When the listening connection is lost, the status bar
says the app is offline (an edit meanwhile is refused with one line and writes nothing: its
transaction never reaches the server); the thread tries again every second, and once the server
answers, the session reconnects and reads the plan again.

A plan in a file has nothing to listen to: another program's change to it is seen on the next
reload or edit (an edit made on an older plan is checked as on a server: :mod:`planner.conflicts`).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel

from planner.errors import PlannerError

from .history_panel import source_name

RETRY = 1.0    # seconds between attempts to reach a server that was lost
WAIT = 0.25    # seconds a wait for announcements lasts before the stop flag is looked at again


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def note(revisions) -> str:
    """Who changed what, in a line: "claire (app): Assign Brazil to Marco" (and how many more)."""
    last = revisions[-1]
    line = tr("{author} ({source}): {text}").format(author=last.author or tr("someone"),
                                                  source=source_name(last.source), text=last.text)
    if len(revisions) > 1:
        line = tr("{line} (and {n} more changes)").format(line=line, n=len(revisions) - 1)
    return line


class _Listening(QThread):
    """Waits for the server's announcements; says when the server is lost and when it is back."""

    arrived = Signal(int)    # the newest revision announced
    offline = Signal(str)    # why the server cannot be heard
    online = Signal()        # listening (again)

    def __init__(self, url: str, parent=None):
        super().__init__(parent)
        self.url, self._stop = url, threading.Event()

    def stop(self) -> None:
        self._stop.set()
        self.wait()

    def run(self) -> None:
        import psycopg  # only a team's plan needs the driver: a file's app starts without it

        from planner.engines.pg_notify import Listener

        listener, lost = Listener(self.url), None
        while not self._stop.is_set():
            try:
                if listener.conn is None:
                    listener.open()
                    lost = None
                    self.online.emit()
                got = listener.wait(WAIT)
                if got:
                    self.arrived.emit(max(got))
            except (PlannerError, psycopg.Error) as exc:
                listener.close()
                if lost is None:
                    lost = str(exc).splitlines()[0]
                    self.offline.emit(lost)
                self._stop.wait(RETRY)
        listener.close()


class LiveUpdates(QObject):
    """Keeps a window's session on a team's plan up to date (see the module)."""

    heard = Signal(str)      # the note shown for others' changes

    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window, self.thread, self.is_offline, self.listening = window, None, False, False
        self._waiting = False
        self.offline_label = QLabel()
        self.offline_label.hide()
        window.statusBar().addPermanentWidget(self.offline_label)

    def follow(self, session) -> None:
        """Listen for the plan ``session`` has open (nothing for a file's plan); say whose changes it
        reads into the plan, however they come (announced, or saved on top of by an edit)."""
        self.stop()
        self._offline(None)
        session.others.connect(self._say)
        if session.store.on_server:
            self.thread = _Listening(session.store.path, self)
            self.thread.arrived.connect(self._arrived)
            self.thread.offline.connect(self._offline)
            self.thread.online.connect(self._back)
            self.thread.start()

    def stop(self) -> None:
        self.listening = False
        if self.thread is not None:
            self.thread.stop()
            self.thread = None

    def _arrived(self, revision: int) -> None:
        if revision > self.window.session.seen and not self.is_offline:  # not this app's own change
            self._catch_up()

    def _catch_up(self) -> None:
        editing = any(v.state() == QAbstractItemView.EditingState for v in self.window.findChildren(QAbstractItemView))
        if editing:  # a cell being typed into keeps its text: the plan is read once it is saved or left
            if not self._waiting:
                self._waiting = True
                QTimer.singleShot(300, self._after_edit)
            return
        self.window.session.catch_up()

    def _after_edit(self) -> None:
        self._waiting = False
        self._catch_up()

    def _say(self, theirs) -> None:
        if theirs:
            line = note(theirs)
            self.window.statusBar().showMessage(line, 15000)
            self.heard.emit(line)

    def _offline(self, reason: str | None) -> None:
        self.is_offline = reason is not None
        self.listening = self.listening and not self.is_offline
        self.offline_label.setVisible(self.is_offline)
        if reason is not None:
            self.offline_label.setText(tr("Offline"))
            self.offline_label.setToolTip(reason)
            self.window.statusBar().showMessage(
                tr("Offline: the plan's server cannot be reached ({reason}); changes are refused until it is "
                   "back").format(reason=reason))

    def _back(self) -> None:
        """Listening. If the server was lost, it answers again: a new connection for the session and
        the plan as it is now; either way what landed before listening began is read."""
        if self.is_offline:
            problem = self.window.session.reconnect()
            if problem:
                self.window.statusBar().showMessage(problem, 15000)
                return
            self._offline(None)
            self.window.statusBar().showMessage(tr("Back online: the plan is read again from the server"), 15000)
        self.listening = True
        self._catch_up()
