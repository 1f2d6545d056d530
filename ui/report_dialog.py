"""File > Export report: where to write the PDF for the week on screen, and on which paper.

The paper is the file type chosen in the dialog (A4, or US Letter where the locale measures in
inches): no second dialog. The report is the CLI's (`rep-planner report`): planner.report's
content drawn by ui.report_pdf, written whole or not at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from planner.errors import PlannerError

from .report_pdf import default_page, write
from .view_parts import tr


class ReportDialog(QFileDialog):
    written = Signal(str)   # what was written, for the status bar

    def __init__(self, session, parent=None):
        super().__init__(parent, tr("Export report"))
        self.session = session
        if session.store.path != ":memory:":   # beside the plan it reports on
            self.setDirectory(str(Path(session.store.path).resolve().parent))
        self.selectFile(f"report-{session.week_name}.pdf")
        self.papers = {tr("PDF, A4 (*.pdf)"): "A4", tr("PDF, US Letter (*.pdf)"): "Letter"}
        self.setAcceptMode(QFileDialog.AcceptSave)
        self.setDefaultSuffix("pdf")
        self.setNameFilters(list(self.papers))
        self.selectNameFilter(next(f for f, p in self.papers.items() if p == default_page()))
        self.fileSelected.connect(self._write)

    @classmethod
    def ask(cls, session, window) -> "ReportDialog":
        """Open the dialog over ``window``; what was written goes to its status bar."""
        dialog = cls(session, window)
        dialog.written.connect(lambda text: window.statusBar().showMessage(text, 8000))
        dialog.open()
        return dialog

    def _write(self, path: str) -> None:
        from planner.report import build_report

        page = self.papers.get(self.selectedNameFilter(), "A4")
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            report = build_report(self.session.store, *self.session.week)
            pages = write(report, path, page, database=self.session.store.path)
        except PlannerError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self.parentWidget(), tr("Cannot export"), str(exc))
            return
        QApplication.restoreOverrideCursor()
        self.written.emit(tr("Wrote {path} ({pages} pages, {paper})").format(path=path, pages=pages, paper=page))
