"""Team and Markets: an editable table of reps or markets, with add, duplicate and remove."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget

from planner import commands
from planner.model import Market, Rep

from .delegates import CellDelegate
from .view_parts import Lazy, Notice, tr


class TableEditor(Lazy, QWidget):
    """Team and Markets: an editable table with add, duplicate and remove."""

    SIZED_ON_ROWS = 100

    def __init__(self, session, model_class, kind: str, parent=None):
        super().__init__(parent)
        self.session, self.kind = session, kind
        self.model = model_class(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellDelegate(self.model, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed |
                                   QAbstractItemView.AnyKeyPressed)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(self.SIZED_ON_ROWS)  # columns fit the first rows, not all 1,000
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.notice = Notice()
        self.notice.say(tr("Double-click a cell to change it. Every change is saved at once; Ctrl+Z undoes it."))
        self.model.refused.connect(self.notice.refuse)
        bar = QHBoxLayout()
        noun = tr("rep") if kind == "rep" else tr("market")
        for text, slot, key in ((tr("Add {noun}").format(noun=noun), self.add, "Ctrl+Shift+N"),
                                (tr("Duplicate"), self.duplicate, "Ctrl+D"),
                                (tr("Remove"), self.remove, QKeySequence.Delete)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            bar.addWidget(button)
        bar.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.notice)
        self._stale = False  # the model was built just now
        self.watch(session)  # refreshed when on screen: an edit elsewhere does not recompute every rep's week

    def update_view(self, touched=frozenset()) -> None:
        self.model.refresh()

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()).name if rows else None

    def _do(self, command) -> None:
        problem = self.session.do(command)
        if problem:
            self.notice.refuse(problem)
        else:
            self.notice.say(command.text)

    def add(self) -> None:
        scenario = self.session.scenario
        names = {r.name for r in scenario.reps} | {m.name for m in scenario.markets}
        n = 1
        while f"{'New rep' if self.kind == 'rep' else 'New market'} {n}" in names:
            n += 1
        if self.kind == "rep":
            template = scenario.reps[0] if scenario.reps else None
            item = Rep(tr("New rep {n}").format(n=n), template.timezone if template else "UTC",
                       template.country if template else "CH", "Mon-Fri 09:00-17:00", 40)
            self._do(commands.AddRep(item))
        else:
            if not scenario.activities:
                self.notice.refuse(tr("Add an activity type to the scenario first."))
                return
            item = Market(tr("New market {n}").format(n=n), "UTC", "US", "Mon-Fri 09:00-17:00", "B", 0, {})
            self._do(commands.AddMarket(item))
        self.table.selectRow(self.model.rowCount() - 1)

    def duplicate(self) -> None:
        name = self.selected()
        if name:
            self._do(commands.DuplicateRep(name) if self.kind == "rep" else commands.DuplicateMarket(name))

    def remove(self) -> None:
        name = self.selected()
        if name:
            self._do(commands.RemoveRep(name) if self.kind == "rep" else commands.RemoveMarket(name))
