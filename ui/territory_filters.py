"""The Territories filter bar: which markets and reps the grid shows, and in which order.

Filters: a name text (Ctrl+F), a region, a tier, one rep (optionally only their markets). Sorting
is by clicking the grid's headers, mirrored in two "by" boxes that also work from the keyboard:
clicking a market's name cycles the markets through name, value and tier; clicking a rep's name
sorts the markets by the hours they share with that rep; Shift+clicking a rep's name switches the
reps between name and load. A line says how many markets and reps are shown of how many.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from planner.model import TIERS

from .territory_model import MARKET_ORDERS, GridFilter, GridOrder, region_label, tr, with_shared_hours


class _ClickModifiers(QObject):
    """Remembers the keyboard modifiers of the last mouse press on a header (Shift+click sorts the reps)."""

    def __init__(self, header):
        super().__init__(header)
        self.modifiers = Qt.NoModifier
        header.viewport().installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.MouseButtonPress:
            self.modifiers = event.modifiers()
        return False


class TerritoryFilters(QWidget):
    """The bar above the grid. ``scope`` is the widget in which Ctrl+F reaches the text filter."""

    def __init__(self, model, grid, scope: QWidget, parent=None):
        super().__init__(parent)
        self.model, self.grid = model, grid
        self.order = GridOrder()
        self._shared_rep: str | None = None  # the rep whose column was clicked last
        self.text = QLineEdit()
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(tr("Market or rep name contains... (Ctrl+F)"))
        self.text.setToolTip(tr("Shows the markets and reps whose name contains this text. A text found only in "
                                "market names keeps every rep, and the other way round."))
        self.region = QComboBox()
        self.region.setToolTip(tr("The markets and reps whose time zone lies in this region: the Americas, EMEA "
                                  "(Europe, the Middle East and Africa) or APAC (Asia and the Pacific)."))
        self.tier = QComboBox()
        self.tier.addItem(tr("All tiers"), None)
        for tier in TIERS:
            self.tier.addItem(tr("Tier {tier}").format(tier=tier), tier)
        self.tier.setToolTip(tr("Only the markets of this tier"))
        self.rep = QComboBox()
        self.rep.setEditable(True)  # 500 reps: type any part of a name
        self.rep.setInsertPolicy(QComboBox.NoInsert)
        self.rep.completer().setFilterMode(Qt.MatchContains)
        self.rep.completer().setCompletionMode(QCompleter.PopupCompletion)
        self.rep.lineEdit().editingFinished.connect(self._rep_typed)
        self.rep.setToolTip(tr("Only this rep's column; type any part of a name"))
        self.rep_markets_only = QCheckBox(tr("Only their markets"))
        self.rep_markets_only.setToolTip(tr("Only the markets assigned to the chosen rep"))
        self.clear_button = QPushButton(tr("Clear filters"))
        self.clear_button.setToolTip(tr("Show every market and rep again; the sort stays"))
        self.market_order = QComboBox()
        for text, key in ((tr("Name"), "name"), (tr("Value"), "value"), (tr("Tier"), "tier")):
            self.market_order.addItem(text, key)
        self.market_order.setToolTip(tr("Markets by name (A to Z), value (highest first), tier (A first) or the "
                                        "hours they share with a rep (most first). Clicking a market's name "
                                        "cycles name, value and tier; clicking a rep's name sorts by the hours "
                                        "shared with that rep."))
        self.rep_order = QComboBox()
        self.rep_order.addItem(tr("Name"), "name")
        self.rep_order.addItem(tr("Load"), "load")
        self.rep_order.setToolTip(tr("Reps by name (A to Z) or by load, busiest first: the weekly work of their "
                                     "markets against the hours they can take. Shift+click a rep's name to switch."))
        for box in (self.region, self.tier, self.rep, self.market_order, self.rep_order):
            box.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.count = QLabel()
        top, bottom = QHBoxLayout(), QHBoxLayout()
        for w in (self.text, self.region, self.tier, self.rep, self.rep_markets_only, self.clear_button):
            top.addWidget(w)
        top.setStretch(0, 1)
        for w in (QLabel(tr("Markets by")), self.market_order, QLabel(tr("Reps by")), self.rep_order, self.count):
            bottom.addWidget(w)
        bottom.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bottom)
        find = QAction(tr("Find a market or rep"), scope)
        find.setShortcut(QKeySequence(QKeySequence.Find))
        find.triggered.connect(self.focus_text)
        scope.addAction(find)  # a window shortcut, live while the view is on screen
        self._modifiers = _ClickModifiers(grid.horizontalHeader())
        grid.horizontalHeader().sectionClicked.connect(self._rep_clicked)
        grid.verticalHeader().sectionClicked.connect(self._market_clicked)
        self.text.textChanged.connect(self.apply)
        for box in (self.region, self.tier, self.rep, self.market_order, self.rep_order):
            box.currentIndexChanged.connect(self.apply)
        self.rep_markets_only.toggled.connect(self.apply)
        self.clear_button.clicked.connect(self.clear)
        model.lookups_changed.connect(self._refill)
        model.shown_changed.connect(self._count)
        self._refill()

    # --- reading the bar ---
    def grid_filter(self) -> GridFilter:
        rep = self.rep.currentData()
        return GridFilter(self.text.text(), self.region.currentData(), self.tier.currentData(), rep,
                          rep is not None and self.rep_markets_only.isChecked())

    def apply(self) -> None:
        """Show what the bar says."""
        self.rep_markets_only.setEnabled(self.rep.currentData() is not None)
        key = self.market_order.currentData()
        self.order = GridOrder(key, self._shared_rep if key == "shared" else None, self.rep_order.currentData())
        self.model.show(self.grid_filter(), self.order)

    def clear(self) -> None:
        """Every market and rep shown again, in the same order."""
        with _Quiet(self.text, self.region, self.tier, self.rep, self.rep_markets_only):
            self.text.clear()
            self.region.setCurrentIndex(0)
            self.tier.setCurrentIndex(0)
            self.rep.setCurrentIndex(0)
            self.rep_markets_only.setChecked(False)
        self.apply()

    def _rep_typed(self) -> None:
        """A name typed but not taken (no such rep, or left empty) gives way to the rep chosen."""
        if not self.rep.currentText().strip():
            self.rep.setCurrentIndex(0)
        self.rep.setEditText(self.rep.itemText(self.rep.currentIndex()))

    def focus_text(self) -> None:
        self.text.setFocus(Qt.ShortcutFocusReason)
        self.text.selectAll()

    # --- header clicks ---
    def _rep_clicked(self, column: int) -> None:
        if self._modifiers.modifiers & Qt.ShiftModifier:
            self._set_rep_order("load" if self.order.reps == "name" else "name")
        else:
            self._set_market_order(with_shared_hours(self.order, self.model.rep_at(column)))

    def _market_clicked(self, _row: int) -> None:
        cycle = MARKET_ORDERS[:3]
        now = self.order.markets
        following = cycle[(cycle.index(now) + 1) % len(cycle)] if now in cycle else cycle[0]
        self._set_market_order(GridOrder(following, None, self.order.reps))

    def _set_market_order(self, order: GridOrder) -> None:
        with _Quiet(self.market_order):
            if order.shared_with is not None:
                self._shared_item(order.shared_with)
            self.market_order.setCurrentIndex(self.market_order.findData(order.markets))
        self.apply()

    def _set_rep_order(self, key: str) -> None:
        self.rep_order.setCurrentIndex(self.rep_order.findData(key))  # applies

    def _shared_item(self, rep: str | None) -> None:
        """The "Shared hours with <rep>" choice, for the rep last clicked (none before a click)."""
        self._shared_rep = rep
        index = self.market_order.findData("shared")
        if rep is None:
            if index >= 0:
                self.market_order.removeItem(index)
            return
        text = tr("Shared hours with {rep}").format(rep=rep)
        if index < 0:
            self.market_order.addItem(text, "shared")
        else:
            self.market_order.setItemText(index, text)

    # --- following the model ---
    def _refill(self) -> None:
        """Reps, markets or the week changed: offer the regions and reps there are now, keep the choices
        that still exist."""
        region, rep = self.region.currentData(), self.rep.currentData()
        names = self.model.rep_names()
        with _Quiet(self.region, self.rep, self.market_order):
            self.region.clear()
            self.region.addItem(tr("All regions"), None)
            for code in self.model.regions():
                self.region.addItem(region_label(code), code)
            self.region.setCurrentIndex(max(0, self.region.findData(region)))
            self.rep.clear()
            self.rep.addItem(tr("All reps"), None)
            for name in names:
                self.rep.addItem(name, name)
            self.rep.setCurrentIndex(max(0, self.rep.findData(rep)) if rep in names else 0)
            if self._shared_rep is not None and self._shared_rep not in names:
                if self.market_order.currentData() == "shared":
                    self.market_order.setCurrentIndex(0)
                self._shared_item(None)
        key = self.market_order.currentData()
        if self.grid_filter() != self.model.filter or key != self.order.markets:
            self.apply()

    def _count(self) -> None:
        shown, markets, shown_reps, reps = self.model.counts()
        self.count.setText(tr("{shown} of {markets} markets, {shown_reps} of {reps} reps shown").format(
            shown=f"{shown:,}", markets=f"{markets:,}", shown_reps=f"{shown_reps:,}", reps=f"{reps:,}"))
        self.clear_button.setEnabled(self.model.filter.active)


class _Quiet:
    """Changes several boxes without each one re-filtering the grid."""

    def __init__(self, *widgets):
        self.widgets = widgets

    def __enter__(self):
        self.before = [w.blockSignals(True) for w in self.widgets]

    def __exit__(self, *exc):
        for w, before in zip(self.widgets, self.before):
            w.blockSignals(before)
