"""Compare...: two alternatives side by side, the figures ``rep-planner compare A B`` prints.

The figures come from planner.comparison (one function for the command line and the app), worked
out off the GUI thread with a connection of the worker's own; the tables only show them (a model
over precomputed text, O(1) a cell).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, QThread, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout)

from planner import alternatives
from planner.comparison import COLUMNS, SUMMARY, cell_text, cells, compare_alternatives, summary_text
from planner.errors import PlannerError
from planner.storage import Store

RAW = Qt.UserRole  # the figure itself, as ``compare --json`` gives it


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def summary_labels() -> dict:
    return dict(zip(SUMMARY, (tr("Value covered"), tr("Value of every market"), tr("Markets covered"), tr("Markets"),
                              tr("Work to do"), tr("Planned hours"), tr("Outside working hours"), tr("Work not placed"),
                              tr("Workload flags"))))


def column_labels() -> dict:
    return dict(zip(COLUMNS, (tr("planned h"), tr("day"), tr("outside h"), tr("not placed h"), tr("flags"))))


class FiguresTable(QAbstractTableModel):
    """Rows of figures made once: each cell's text (DisplayRole) and value (``RAW``)."""

    def __init__(self, headers=(), rows=(), raw=(), parent=None):
        super().__init__(parent)
        self.set(headers, rows, raw)

    def set(self, headers, rows, raw) -> None:
        self.beginResetModel()
        self.headers, self.rows, self.raw = list(headers), list(rows), list(raw)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == RAW:
            return self.raw[index.row()][index.column()]
        if role == Qt.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers[section]
        return None


class ComparisonWorker(QThread):
    """Works out the comparison with a connection of its own; ``done`` carries it, ``failed`` a message."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, path: str, a: str, b: str, week: tuple[int, int], parent=None):
        super().__init__(parent)
        self.path, self.a, self.b, self.week = path, a, b, week

    def run(self) -> None:
        store = None
        try:
            store = Store(self.path, create=False)
            sides = []
            for name in (self.a, self.b):
                stored = alternatives.stored_plan(store, name)
                sides.append((name, stored.scenario, alternatives.calendars_of(store, stored)))
            self.done.emit(compare_alternatives(sides[0], sides[1], *self.week))
        except PlannerError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # the app must survive; say what happened
            self.failed.emit(tr("The comparison failed: {error}").format(error=exc))
        finally:
            if store is not None:
                store.close()


class ComparisonDialog(QDialog):
    def __init__(self, session, names: list[str], a: str, b: str, parent=None):
        super().__init__(parent)
        self.session, self.worker, self.comparison = session, None, None
        self.setWindowTitle(tr("Compare alternatives"))
        self.resize(1000, 640)
        self.a_combo, self.b_combo = QComboBox(), QComboBox()
        for combo, picked in ((self.a_combo, a), (self.b_combo, b)):
            combo.addItems(names)
            combo.setCurrentText(picked)
        self.compare_button = QPushButton(tr("Compare"))
        self.compare_button.clicked.connect(self.run)
        top = QHBoxLayout()
        for widget in (QLabel(tr("Compare")), self.a_combo, QLabel(tr("with")), self.b_combo,
                       QLabel(tr("in {week}").format(week=session.week_name)), self.compare_button):
            top.addWidget(widget)
        top.addStretch(1)
        self.note = QLabel(tr("Work that does not fit a rep's hours is placed outside them, as the week would be "
                              "worked: the hours outside working hours are each plan's cost."))
        self.note.setWordWrap(True)
        self.summary, self.reps, self.differences = FiguresTable(), FiguresTable(), FiguresTable()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        self.views = []
        for model, stretch in ((self.summary, 0), (self.reps, 1), (self.differences, 1)):
            view = QTableView()
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
            layout.addWidget(view, stretch)
            self.views.append(view)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.run()

    def run(self) -> None:
        """Work out the comparison of the two picked (off the GUI thread)."""
        if self.worker is not None and self.worker.isRunning():
            return
        self.compare_button.setEnabled(False)
        self.note.setText(tr("Comparing..."))
        self.worker = ComparisonWorker(self.session.store.path, self.a_combo.currentText(),
                                       self.b_combo.currentText(), self.session.week, self)
        self.worker.done.connect(self.show_comparison)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def _failed(self, text: str) -> None:
        self.compare_button.setEnabled(True)
        self.note.setText(text)

    def show_comparison(self, c) -> None:
        self.comparison = c
        self.compare_button.setEnabled(True)
        self.note.setText(tr("{a} with {b} in {week}: work that does not fit a rep's hours is placed outside them, "
                             "as the week would be worked.").format(a=c.a.name, b=c.b.name, week=c.week))
        a, b = c.a.summary(), c.b.summary()
        labels = summary_labels()
        self.summary.set(("", c.a.name, c.b.name),
                         [(labels[k], summary_text(k, a[k]), summary_text(k, b[k])) for k in SUMMARY],
                         [(k, a[k], b[k]) for k in SUMMARY])
        view = self.views[0]  # the plans' figures whole, the reps and differences below scrolling
        view.setFixedHeight(view.horizontalHeader().sizeHint().height() + view.verticalHeader().length()
                            + 2 * view.frameWidth())
        heads = column_labels()
        headers = (tr("Rep"), *(f"{c.a.name}: {heads[k]}" if i == 0 else heads[k] for i, k in enumerate(COLUMNS)),
                   *(f"{c.b.name}: {heads[k]}" if i == 0 else heads[k] for i, k in enumerate(COLUMNS)))
        raw = [(r, *cells(c.a.weeks.get(r)), *cells(c.b.weeks.get(r))) for r in c.reps]
        self.reps.set(headers, [(row[0], *map(cell_text, row[1:])) for row in raw], raw)
        nobody = tr("nobody")
        self.differences.set((tr("Market"), c.a.name, c.b.name),
                             [(d.market, d.a or nobody, d.b or nobody) for d in c.differences],
                             [(d.market, d.a, d.b) for d in c.differences])

    def done(self, result) -> None:  # closing waits for the worker: it holds a connection to the database
        if self.worker is not None:
            self.worker.wait()
        super().done(result)
