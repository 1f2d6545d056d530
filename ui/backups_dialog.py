"""File > Restore backup...: the open database's backups, newest first, and Restore."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from planner.backups import KEEP


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class RestoreDialog(QDialog):
    """Lists the backups (when, why, what each holds); Restore emits ``chosen`` with the selected one's name."""

    chosen = Signal(str)

    def __init__(self, backups, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Restore a backup"))
        self.backups = list(reversed(backups))
        self.table = QTableWidget(len(self.backups), 6)
        self.table.setHorizontalHeaderLabels([tr("Made"), tr("Why"), tr("Scenario"), tr("Reps"), tr("Markets"),
                                              tr("Assignments")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, backup in enumerate(self.backups):
            summary = backup.summary()
            made = backup.time.astimezone()  # the wall clock of whoever reads it
            cells = [f"{made:%Y-%m-%d %H:%M:%S}", backup.cause,
                     summary.scenario if summary else tr("(cannot be read)"),
                     *((str(summary.reps), str(summary.markets), str(summary.assignments)) if summary else ("-", "-", "-"))]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 3:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        note = QLabel(tr("Backups are kept before an import replaces the plan and before a restore, so a restore "
                         "can be restored away too. The newest {keep} are kept.").format(keep=KEEP) if self.backups else
                      tr("No backups yet: one is kept before an import replaces the plan, and before a restore."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.restore_button = self.buttons.addButton(tr("Restore"), QDialogButtonBox.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self._restore)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows())))
        if self.backups:
            self.table.selectRow(0)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(760, 360)

    def _restore(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.accept()
            self.chosen.emit(self.backups[rows[0].row()].name)
