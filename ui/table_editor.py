"""Team and Markets: an editable table of reps or markets, with add, duplicate, remove, a filter and sorting."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from planner import commands
from planner.model import Market, Rep

from .delegates import CellDelegate
from .models import NO_FLAGS
from .view_parts import Lazy, Notice, tr

NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


class TableFilter(QSortFilterProxyModel):
    """The rows whose cells contain the filter text (any column, any case), sorted by a column: numbers
    as numbers (150,000 after 50,000; "12.5 h" after "4 h"), text alphabetically, blanks last.

    The source's cells are read once per change of the source, not once per comparison: each row's
    text for the filter, each column's sort keys when it is sorted on. They are read as the source
    shows them, through its columns' ``read`` (a ScenarioTableModel), without a Qt call per cell.
    """

    def __init__(self, source, parent=None):
        super().__init__(parent)
        self._text = ""
        self._row_text: list[str] | None = None
        self._keys: dict[int, list] = {}
        # Connected before setSourceModel: the caches are dropped before the proxy re-sorts and re-filters.
        for signal in (source.modelAboutToBeReset, source.dataChanged, source.rowsInserted, source.rowsRemoved,
                       source.layoutChanged, source.columnsInserted, source.columnsRemoved):
            signal.connect(self._forget)
        self.setSourceModel(source)
        self.setFilterKeyColumn(-1)
        self._source_rows: dict[int, int] = {}
        # Whenever the rows shown move, Qt says so to the views with one of these: so does the row map.
        for signal in (self.modelReset, self.layoutChanged, self.rowsInserted, self.rowsRemoved, self.rowsMoved):
            signal.connect(self._rows_moved)

    def flags(self, index):
        # Asked for every cell at every paint: the source's column says it, without mapping the index.
        return self.sourceModel().column_flags(index.column()) if index.isValid() else NO_FLAGS

    def _rows_moved(self, *_args) -> None:
        self._source_rows.clear()

    def source_row(self, row: int) -> int:
        """The source's row shown at ``row``: asked once per row until the rows shown change, where
        ``mapToSource`` would ask the source two questions per call (a paint's cells each ask)."""
        source = self._source_rows.get(row)
        if source is None:
            source = self._source_rows[row] = self.mapToSource(self.index(row, 0)).row()
        return source

    def _forget(self, *_args) -> None:
        self._row_text, self._keys = None, {}

    def set_text(self, text: str) -> None:
        """Keep the rows containing ``text``."""
        if hasattr(self, "endFilterChange"):  # Qt 6.10 and later; invalidateRowsFilter is deprecated there
            self.beginFilterChange()
            self._text = text.strip().casefold()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._text = text.strip().casefold()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row, parent):
        if not self._text:
            return True
        if self._row_text is None:
            source = self.sourceModel()
            reads = [c.read for c in source.columns]
            self._row_text = ["\n".join(str(read(obj)) for read in reads).casefold()
                              for obj in map(source.row_object, range(source.rowCount()))]
        return row < len(self._row_text) and self._text in self._row_text[row]

    def lessThan(self, left, right):
        column = left.column()
        keys = self._keys.get(column)
        if keys is None:
            source = self.sourceModel()
            read = source.columns[column].read
            keys = self._keys[column] = [_sort_key(read(source.row_object(r))) for r in range(source.rowCount())]
        return keys[left.row()] < keys[right.row()]


def _sort_key(value) -> tuple:
    """Blanks last, then numbers by value (a leading number such as "150,000" or "12.5 h"), then text."""
    text = "" if value is None else str(value).strip()
    if not text:
        return (2, 0.0, "")
    number = NUMBER.match(text)
    if number:
        return (0, float(number.group().replace(",", "")), text.casefold())
    return (1, 0.0, text.casefold())


class TableEditor(Lazy, QWidget):
    """Team and Markets: an editable table with add, duplicate and remove, a filter (Ctrl+F) and sorting
    by a click on a column's title. The buttons and edits act on the rows as shown."""

    SIZED_ON_ROWS = 20  # rows measured, or the rows on screen if more: about a screenful, as Qt's fit measured

    def __init__(self, session, model_class, kind: str, parent=None):
        super().__init__(parent)
        self.session, self.kind = session, kind
        self.model = model_class(session, self)
        self.proxy = TableFilter(self.model, self)
        self.table = QTableView()
        # Rows of one height, set before the model: Qt then keeps no size per row (4 ms of opening at 1,000).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        # No row numbers: sorted or filtered, a row's place in the scenario is not where it is shown, and
        # sizing their column read 200 of them at every layout (a fifth of opening Team at 500 reps).
        self.table.verticalHeader().hide()
        self.table.setModel(self.proxy)
        self.delegate = CellDelegate(self.model, self.proxy, self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed |
                                   QAbstractItemView.AnyKeyPressed)
        header = self.table.horizontalHeader()
        # Fitted when the cells change, not at every sort or filter; never by Qt over every row (ResizeToContents).
        header.setSectionResizeMode(QHeaderView.Interactive)
        self.model.modelReset.connect(self.fit_columns)
        self.model.dataChanged.connect(self.fit_columns)
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.AscendingOrder)  # the scenario's order until a title is clicked
        header.setSortIndicatorClearable(True)
        header.setToolTip(tr("Click a column's title to sort by it; again to reverse; a third time for the "
                             "scenario's order."))
        self.table.setSortingEnabled(True)
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
        self.filter_box = QLineEdit()
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setPlaceholderText(tr("Filter (Ctrl+F)"))
        self.filter_box.setToolTip(tr("Shows the rows in which any cell contains this text"))
        self.filter_box.setMinimumWidth(260)
        self.filter_box.textChanged.connect(self._filter)
        self.count = QLabel()
        bar.addWidget(self.count)
        bar.addWidget(self.filter_box)
        find = QAction(tr("Filter the rows"), self)
        find.setShortcut(QKeySequence(QKeySequence.Find))  # a window shortcut, live while this view is on screen
        find.triggered.connect(self.focus_filter)
        self.addAction(find)
        self.proxy.modelReset.connect(self._count)
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.notice)
        self.fit_columns()
        self._stale = False  # the model was built just now
        self.watch(session)  # refreshed when on screen: an edit elsewhere does not recompute every rep's week

    def update_view(self, touched=frozenset()) -> None:
        self.model.refresh()

    def fit_columns(self, *_args) -> None:
        """Each column as wide as its title and the widest of its cells in the rows from the top shown, a
        screenful or ``SIZED_ON_ROWS`` (not all 1,000: the rest are elided with "..." and a drag widens them).
        The widths are those of the texts the cells paint, each laid out once for both."""
        table, header, proxy, model = self.table, self.table.horizontalHeader(), self.proxy, self.model
        top = max(0, table.rowAt(0))
        on_screen = table.viewport().height() // table.verticalHeader().defaultSectionSize() + 1 \
            if table.isVisible() else 0
        end = min(proxy.rowCount(), top + max(on_screen, self.SIZED_ON_ROWS))
        rows = [proxy.source_row(r) for r in range(top, end)]
        text_width, extra = self.delegate.text_width, 2 * self.delegate.margin() + int(table.showGrid())
        for column in range(len(model.columns)):
            cells = max((text_width(model.text(row, column)) for row in rows), default=0)
            header.resizeSection(column, max(cells + extra, header.sectionSizeHint(column)))

    def changeEvent(self, event):
        if event.type() in (QEvent.FontChange, QEvent.StyleChange):
            self.delegate.forget()  # the texts' widths were those of the old font
            self.fit_columns()
        super().changeEvent(event)

    def focus_filter(self) -> None:
        self.filter_box.setFocus(Qt.ShortcutFocusReason)
        self.filter_box.selectAll()

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._count()

    def _count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = tr("{shown} of {total} rows shown").format(shown=f"{shown:,}", total=f"{total:,}")
        self.count.setText(text if self.filter_box.text().strip() else "")

    def selected(self) -> str | None:
        """The name of the selected rep or market (the row as shown, whatever the sort and filter)."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(self.proxy.mapToSource(rows[0]).row()).name if rows else None

    def _do(self, command) -> bool:
        problem = self.session.do(command)
        if problem:
            self.notice.refuse(problem)
        else:
            self.notice.say(command.text)
        return problem is None

    def select(self, name: str) -> None:
        """Select the row of ``name``, clearing the filter if it hides that row."""
        rows = [r for r in range(self.model.rowCount()) if self.model.row_object(r).name == name]
        if not rows:
            return
        index = self.proxy.mapFromSource(self.model.index(rows[0], 0))
        if not index.isValid():
            self.filter_box.clear()
            index = self.proxy.mapFromSource(self.model.index(rows[0], 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)

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
            done = self._do(commands.AddRep(item))
        else:
            if not scenario.activities:
                self.notice.refuse(tr("Add an activity type to the scenario first."))
                return
            item = Market(tr("New market {n}").format(n=n), "UTC", "US", "Mon-Fri 09:00-17:00", "B", 0, {})
            done = self._do(commands.AddMarket(item))
        if done:
            self.select(item.name)

    def duplicate(self) -> None:
        name = self.selected()
        if name:
            self._do(commands.DuplicateRep(name) if self.kind == "rep" else commands.DuplicateMarket(name))

    def remove(self) -> None:
        name = self.selected()
        if name:
            self._do(commands.RemoveRep(name) if self.kind == "rep" else commands.RemoveMarket(name))
