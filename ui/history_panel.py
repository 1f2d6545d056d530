"""View > History: the plan's change history (:mod:`planner.history`) beside the views.

Every change, wherever it was made (this app, the CLI, an import, a restore, the optimiser), newest
first, with its time on the reader's clock; "Undo this change" reverts the selected one as a new
revision, exactly as ``rep-planner undo --revision N`` does, and Ctrl+Z takes that undo back. A change
that a later one touched is refused with the history's own reason, shown under the list.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDockWidget, QHBoxLayout, QHeaderView, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from planner import history
from planner.timezones import in_zone, reader_zone

from .view_parts import Notice

SHOWN = 200  # the newest changes listed; `rep-planner history --limit N` reads further back


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def source_name(source: str) -> str:
    """Where a change came from, in the reader's words."""
    return {"app": tr("app"), "cli": tr("command line"), "import": tr("import"), "restore": tr("restore"),
            "optimiser": tr("optimiser")}.get(source, source)


class HistoryModel(QAbstractTableModel):
    """The newest revisions, each row's texts made once when the history is read."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.revisions: list[history.Revision] = []
        self._cells: list[tuple[str, ...]] = []
        # What changed first: the panel is narrow beside the views.
        self.titles = (tr("Revision"), tr("Change"), tr("Time"), tr("Source"), tr("Rows changed"))

    def read(self, store) -> None:
        zone = reader_zone()
        self.beginResetModel()
        self.revisions = history.revisions(store, SHOWN)
        self._cells = [(str(r.number), r.text, f"{in_zone(r.time, zone):%a %d %b %H:%M}", source_name(r.source),
                        r.counts_text()) for r in self.revisions]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.titles)

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ToolTipRole:
            r = self.revisions[index.row()]
            return tr("Revision {n}, {time} UTC, by {author}").format(n=r.number, time=f"{r.time:%Y-%m-%d %H:%M:%S}",
                                                                      author=r.author)
        if role == Qt.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.titles[section]
        return None


class HistoryPanel(QDockWidget):
    """The history as a dock; read again when the plan changes while it is shown."""

    def __init__(self, parent=None):
        super().__init__(tr("History"), parent)
        self.setObjectName("history")  # saveState/restoreState find it by name
        self.session = None
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.undo_button = QPushButton(tr("&Undo this change"))
        self.undo_button.setToolTip(tr("Reverts the selected change as a new one; Ctrl+Z takes that back"))
        self.undo_button.clicked.connect(self.undo_selected)
        self.undo_button.setEnabled(False)
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.table.activated.connect(lambda _index: self.undo_button.setFocus())
        self.notice = Notice()
        bar = QHBoxLayout()
        bar.addWidget(self.undo_button)
        bar.addStretch()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        self.setWidget(body)
        self.visibilityChanged.connect(lambda shown: shown and self.refresh())

    def attach(self, session) -> None:
        """Follow ``session`` (a database opened in the window)."""
        self.session = session
        session.changed.connect(lambda _touched: self.isVisible() and self.refresh())
        self.notice.say(tr("Every change to the plan, newest first. Select one and Undo this change to revert it."))
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if self.session is None:
            return
        self.model.read(self.session.store)
        self.table.resizeColumnsToContents()
        self._selection()

    def selected(self) -> history.Revision | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.revisions[rows[0].row()] if rows else None

    def _selection(self, *_args) -> None:
        self.undo_button.setEnabled(self.selected() is not None)

    def undo_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        problem = self.session.undo_revision(chosen.number)
        if problem:
            self.notice.refuse(problem)
        else:
            self.notice.say(tr("Undid revision {n} ({text}); Ctrl+Z takes it back.").format(n=chosen.number,
                                                                                          text=chosen.text))
