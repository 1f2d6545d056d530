"""Dialogs: calendar export; reps or markets imported from, or exported to, a CSV file or an Excel workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QRadioButton,
                               QSpinBox, QVBoxLayout)

from planner.calendars import export_files
from planner.errors import PlannerError
from planner.xlsx_io import SHEETS


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class ExportDialog(QDialog):
    """Choose reps, weeks, one file or one per rep, and where; then write and say where it went."""

    def __init__(self, session, parent=None, now=None):
        super().__init__(parent)
        self.session = session
        self.now = now or (lambda: dt.datetime.now(dt.timezone.utc))
        self.setWindowTitle(tr("Export to calendar (.ics)"))
        self.reps = QListWidget()
        for rep in session.scenario.reps:
            item = QListWidgetItem(rep.name)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.reps.addItem(item)
        self.weeks = QSpinBox()
        self.weeks.setRange(1, 104)
        self.weeks.setValue(4)
        self.one_file = QRadioButton(tr("One file for the team"))
        self.per_rep = QRadioButton(tr("One file per rep (in a folder)"))
        self.one_file.setChecked(True)
        self.stretch = QCheckBox(tr("Include work placed outside working hours (stretch)"))
        self.path = QLineEdit(str(Path.home() / "rep-planner.ics"))
        browse = QPushButton(tr("Browse..."))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow(tr("Reps:"), self.reps)
        form.addRow(tr("From week:"), QLabel(session.week_name))
        form.addRow(tr("Weeks:"), self.weeks)
        form.addRow(self.one_file)
        form.addRow(self.per_rep)
        form.addRow(self.stretch)
        form.addRow(tr("Save to:"), where)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(tr("Export"))
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.per_rep.toggled.connect(self._mode)
        self.result_files = []

    def _mode(self, per_rep: bool) -> None:
        path = Path(self.path.text())
        self.path.setText(str(path.with_suffix("")) if per_rep else str(path.with_suffix(".ics")))

    def _browse(self) -> None:
        if self.per_rep.isChecked():
            chosen = QFileDialog.getExistingDirectory(self, tr("Folder for the calendars"), self.path.text())
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, tr("Save calendar"), self.path.text(),
                                                    tr("iCalendar files (*.ics)"))
        if chosen:
            self.path.setText(chosen)

    def chosen_reps(self) -> list[str]:
        return [self.reps.item(i).text() for i in range(self.reps.count())
                if self.reps.item(i).checkState() == Qt.Checked]

    def export(self) -> None:
        try:
            self.result_files = export_files(self.session.store, self.chosen_reps(), *self.session.week,
                                             self.weeks.value(), self.path.text(), per_rep=self.per_rep.isChecked(),
                                             stretch=self.stretch.isChecked(), now=self.now())
        except PlannerError as exc:
            QMessageBox.warning(self, tr("Export failed"), str(exc))
            return
        lines = [tr("{events} events to {path} ({new} new, {changed} changed, {removed} removed)").format(
            events=f.events, path=f.path, new=f.new, changed=f.changed, removed=len(f.removed))
            for f in self.result_files]
        QMessageBox.information(self, tr("Exported"), tr("Wrote:") + "\n" + "\n".join(lines))
        self.accept()


class SpreadsheetImportDialog(QDialog):
    """Preview of a CSV file or an Excel workbook (.xlsx) of reps or markets: every row, and every
    problem with its row and column (and, in a workbook, its sheet and cell).

    Import is possible only when no row has a problem, so nothing is half imported.
    """

    def __init__(self, session, kind: str, path: str, parent=None):
        from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

        from planner import csv_io, xlsx_io

        super().__init__(parent)
        self.session, self.kind = session, kind
        self.setWindowTitle(tr("Import {kind} from {file}").format(kind=tr(kind), file=Path(path).name))
        self.result = None
        self.problem_text = ""
        reader = xlsx_io if Path(path).suffix.lower() == ".xlsx" else csv_io
        try:
            data = reader.read_file(path)
            if kind == "reps":
                self.result = reader.read_reps(data, Path(path).name)
            else:
                self.result = reader.read_markets(data, session.scenario, Path(path).name)
        except PlannerError as exc:
            self.problem_text = str(exc)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Name"), tr("Time zone"), tr("Hours"), tr("Status")])
        items = self.result.items if self.result else ()
        existing = session.scenario.reps if kind == "reps" else session.scenario.markets
        self.counts = csv_io.import_counts(existing, items)
        shown = {"added": tr("new"), "changed": tr("replaces the existing one"), "unchanged": tr("unchanged")}
        for item, status in zip(items, csv_io.row_statuses(existing, items)):
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, value in enumerate((item.name, item.timezone, str(item.hours), shown[status])):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        problems = [str(p) for p in self.result.problems] if self.result else [self.problem_text]
        self.problems = QListWidget()
        self.problems.addItems(problems)
        self.summary = QLabel()
        if problems:
            self.summary.setText(tr("{n} problem(s): fix the file and import it again; nothing is imported "
                                    "until every row is right.").format(n=len(problems)))
            self.summary.setStyleSheet("color: #c5221f;")
        else:
            self.summary.setText(tr("{n} row(s) ready to import: {added} added, {changed} changed, {unchanged} "
                                    "unchanged.").format(n=len(items), added=self.counts.added,
                                                         changed=self.counts.changed, unchanged=self.counts.unchanged))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.import_button = buttons.button(QDialogButtonBox.Ok)
        self.import_button.setText(tr("Import"))
        self.import_button.setEnabled(bool(items) and not problems)
        buttons.accepted.connect(self.do_import)
        buttons.rejected.connect(self.reject)
        self.sheet = QLabel(self._sheet_text(self.result.sheet if self.result else None))
        layout = QVBoxLayout(self)
        if self.sheet.text():
            layout.addWidget(self.sheet)
        layout.addWidget(self.table)
        layout.addWidget(self.summary)
        if problems:
            layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(760, 480)

    @staticmethod
    def _sheet_text(choice) -> str:
        """Which sheet of a workbook the rows come from, and why that one."""
        if choice is None:
            return ""
        if choice.named or choice.sheets == 1:
            return tr("Rows from the sheet “{sheet}”.").format(sheet=choice.title)
        return tr("Rows from the sheet “{sheet}”, the first of {n}: none is named “{name}”."
                  ).format(sheet=choice.title, n=choice.sheets, name=SHEETS[choice.kind])

    def do_import(self) -> None:
        from planner import commands

        if not (self.counts.added or self.counts.changed):  # nothing to change, nothing to undo
            self.accept()
            return
        command = (commands.UpsertReps(self.result.items) if self.kind == "reps"
                   else commands.UpsertMarkets(self.result.items))
        problem = self.session.do(command, source="import")
        if problem:
            QMessageBox.warning(self, tr("Cannot import"), problem)
            return
        self.accept()


def export_sheet(window, kind: str, form: str) -> None:
    """File > Export reps or markets as CSV (``form`` "csv") or as an Excel workbook ("xlsx")."""
    from planner import csv_io, xlsx_io
    from planner.files import write_whole

    title, files = ((tr("Export to CSV"), tr("CSV files (*.csv)")) if form == "csv" else
                    (tr("Export to Excel"), tr("Excel workbooks (*.xlsx)")))
    path, _ = QFileDialog.getSaveFileName(window, title, f"{kind}.{form}", files)
    if not path:
        return
    module = csv_io if form == "csv" else xlsx_io
    try:
        data = module.write_reps(window.session.scenario) if kind == "reps" else module.write_markets(
            window.session.scenario)
        write_whole(path, data.encode("utf-8") if isinstance(data, str) else data,
                    database=window.session.store.path)
    except PlannerError as exc:
        QMessageBox.warning(window, tr("Cannot export"), str(exc))
        return
    window.statusBar().showMessage(tr("Wrote {path}").format(path=path), 8000)
