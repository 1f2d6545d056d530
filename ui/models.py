"""Table models that adapt core data for Qt views; no business rules here."""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor


def tr(text: str) -> str:
    return QCoreApplication.translate("models", text)


class RowsModel(QAbstractTableModel):
    """Read-only rows of plain objects, one column per (header, getter)."""

    def __init__(self, columns: Sequence[tuple[str, Callable]], rows: Sequence = (), parent=None):
        super().__init__(parent)
        self._columns = list(columns)
        self._rows = list(rows)

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_object(self, row: int):
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role == Qt.DisplayRole:
            return self._columns[index.column()][1](self._rows[index.row()])
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section][0]
        if orientation == Qt.Vertical:
            return section + 1
        return None


class OverlapModel(QAbstractTableModel):
    """Markets (rows) x reps (columns): weekly overlap hours as a heat colour."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._matrix = None
        self._assigned: dict[str, str] = {}
        self._needed: dict[str, float] = {}

    def set_matrix(self, matrix, assigned: dict[str, str], live_needed: dict[str, float]) -> None:
        self.beginResetModel()
        self._matrix, self._assigned, self._needed = matrix, assigned, live_needed
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or self._matrix is None else len(self._matrix.markets)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or self._matrix is None else len(self._matrix.reps)

    def data(self, index, role=Qt.DisplayRole):
        if self._matrix is None or not index.isValid():
            return None
        market = self._matrix.markets[index.row()]
        rep = self._matrix.reps[index.column()]
        hours = self._matrix.hours[index.column()][index.row()]
        assigned = self._assigned.get(market) == rep
        if role == Qt.DisplayRole:
            return f"{hours:g} h" + ("  \u2713" if assigned else "")
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role == Qt.BackgroundRole:
            needed = self._needed.get(market, 0)
            if hours == 0:
                return QColor("#f4c7c3")
            if hours < needed:
                return QColor("#fce8b2")
            return QColor("#b7e1cd")
        if role == Qt.ToolTipRole:
            return tr("{hours:g} h shared per week; {needed:g} h of live work needed").format(
                hours=hours, needed=self._needed.get(market, 0))
        if role == Qt.FontRole and assigned:
            from PySide6.QtGui import QFont
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole or self._matrix is None:
            return None
        if orientation == Qt.Horizontal:
            return self._matrix.reps[section]
        return self._matrix.markets[section]
