"""The controls of a search that runs off the GUI thread (:class:`ui.workers.SearchWorker`): its
start button, its Stop button, its progress bar and the report it fills.

The optimiser (Territories) and the hiring search (Plan hires...) drive theirs the same way, so
each says only its own words: what the progress figure means and what the result reads as.
"""

from __future__ import annotations

import html
from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QProgressBar, QPushButton, QTextBrowser

from .view_parts import tr
from .workers import SearchWorker


class SearchRun(QObject):
    """One search at a time. While it runs the start button is off, Stop is on and the bar is busy
    until the first progress; Stop asks the search to end (its best result so far still arrives).
    ``describe(figure, gap, seconds)`` words the progress (None keeps the words shown);
    ``finish(result)`` returns the bar's last words and the report's HTML; a failure is shown in red
    in the report."""

    def __init__(self, start_button: QPushButton, stop_button: QPushButton, progress: QProgressBar,
                 report: QTextBrowser, describe: Callable[[float, float, float], str | None],
                 finish: Callable[[object], tuple[str, str]], parent=None):
        super().__init__(parent)
        self.start_button, self.stop_button, self.progress, self.report = start_button, stop_button, progress, report
        self.describe, self.finish = describe, finish
        self.worker: SearchWorker | None = None
        progress.setRange(0, 100)
        progress.setTextVisible(True)
        progress.setFormat(tr("Ready"))
        progress.setValue(0)
        stop_button.setEnabled(False)
        stop_button.clicked.connect(self.stop)

    def start(self, worker: SearchWorker, busy: str, waiting: str) -> bool:
        """Run ``worker``, the bar saying ``busy`` and the report ``waiting`` (HTML) until it reports;
        False (and ``worker`` not started) while another search runs."""
        if self.worker is not None:
            return False
        self.worker = worker
        self.start_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.progress.setRange(0, 0)  # busy until the first progress arrives
        self.progress.setFormat(busy)
        self.report.setHtml(waiting)
        worker.progress.connect(self._progress)
        worker.done.connect(self._done)
        worker.failed.connect(self._failed)
        worker.finished.connect(self._finished)
        worker.start()
        return True

    def stop(self) -> None:
        if self.worker:
            self.worker.cancel()
            self.progress.setFormat(tr("Stopping..."))

    def stop_and_wait(self, msecs: int | None = None) -> None:
        """Stop the search and wait for its thread (a thread destroyed while running takes the app down)."""
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait() if msecs is None else self.worker.wait(msecs)

    def _progress(self, figure: float, gap: float, seconds: float) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(int(100 * (1 - min(1.0, gap))))
        words = self.describe(figure, gap, seconds)
        if words is not None:
            self.progress.setFormat(words)

    def _done(self, result) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        words, report = self.finish(result)
        self.progress.setFormat(words)
        self.report.setHtml(report)

    def _failed(self, message: str) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setFormat(tr("Stopped"))
        self.report.setHtml(f"<p style='color:#c5221f'>{html.escape(message)}</p>")

    def _finished(self) -> None:
        self.worker.deleteLater()
        self.worker = None
        self.start_button.setEnabled(True)
        self.stop_button.setEnabled(False)
