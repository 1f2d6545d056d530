"""The app's views. They draw what the core computes and send edits through the session."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QListWidget, QListWidgetItem, QMenu, QProgressBar, QPushButton, QScrollArea,
                               QSplitter, QTableView, QTableWidget, QTableWidgetItem, QTextBrowser, QToolButton,
                               QVBoxLayout, QWidget)

from planner import commands
from planner.model import Market, Rep
from planner.overlap import side_minutes, week_window
from planner.public_holidays import holidays_between
from planner.calendars import inputs_of, rep_schedule
from planner.team import format_clock, rep_week, team_week
from planner.territories import apply_plan, fit_table
from planner.timezones import week_monday
from planner.workload import thresholds_for

from .delegates import CellDelegate
from .models import TerritoryModel
from .week_view import PALETTE, WeekCanvas, WeekData, WeekHeader, local_date, local_spans
from .workers import OptimiseWorker


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def market_colours(scenario) -> dict[str, str]:
    return {m.name: PALETTE[i % len(PALETTE)] for i, m in enumerate(scenario.markets)}


def _stack(*parts) -> QWidget:
    """A widget holding widgets and layouts one above the other."""
    box = QWidget()
    layout = QVBoxLayout(box)
    for part in parts:
        (layout.addLayout if isinstance(part, QHBoxLayout) else layout.addWidget)(part)
    return box


class _Lazy:
    """A view that recomputes only when it is on screen: a change to a hidden view marks it stale."""

    _stale = True

    def watch(self, session) -> None:
        session.changed.connect(self._on_change)

    def _on_change(self, touched) -> None:
        self._stale = True
        self.touched = getattr(self, "touched", frozenset()) | touched
        if self.isVisible():
            self.bring_up_to_date()

    def bring_up_to_date(self) -> None:
        if self._stale:
            self._stale = False
            touched, self.touched = getattr(self, "touched", frozenset()), frozenset()
            self.update_view(touched)

    def showEvent(self, event):
        self.bring_up_to_date()
        super().showEvent(event)


class _Notice(QLabel):
    """A one-line message under a view: why an edit was refused, what just happened."""

    def __init__(self):
        super().__init__()
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)

    def refuse(self, text: str) -> None:
        self.setStyleSheet("color: #c5221f;")
        self.setText(text)

    def say(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)


class TableEditor(QWidget):
    """Team and Markets: an editable table with add, duplicate and remove."""

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
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.notice = _Notice()
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
        session.changed.connect(lambda touched: self.model.refresh())

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


class TerritoryGrid(QTableView):
    """The reps x markets grid: drag along a market's row from one rep to another to reassign it."""

    dropped = Signal(object, object)  # from index, to index

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pressed = None
        self.setMouseTracking(True)

    def mousePressEvent(self, event):
        self._pressed = self.indexAt(event.position().toPoint()) if event.button() == Qt.LeftButton else None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        if self._pressed is not None and self._pressed.isValid() and event.buttons() & Qt.LeftButton:
            self.viewport().setCursor(Qt.ClosedHandCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        self.viewport().unsetCursor()
        start, self._pressed = self._pressed, None
        end = self.indexAt(event.position().toPoint())
        if start is not None and start.isValid() and end.isValid() and start.row() == end.row() \
                and start.column() != end.column():
            self.dropped.emit(start, end)
        super().mouseReleaseEvent(event)


class TerritoriesView(_Lazy, QWidget):
    """Reps x markets: shared hours as heat, assignment by menu or double-click, and the optimiser."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.worker: OptimiseWorker | None = None
        self.plan = None
        self.model = TerritoryModel(self)
        self.grid = TerritoryGrid()
        self.grid.setModel(self.model)
        self.grid.dropped.connect(self._dragged)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.grid.setContextMenuPolicy(Qt.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._menu)
        self.grid.doubleClicked.connect(self._toggle)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.notice = _Notice()
        self.optimise_button = QPushButton(tr("Optimise"))
        self.optimise_button.setShortcut(QKeySequence("Ctrl+R"))
        self.optimise_button.setToolTip(tr("Find the assignment that covers the most value in humane hours (Ctrl+R)"))
        self.optimise_button.clicked.connect(lambda: self.optimise())  # not clicked(checked) as the time limit
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.apply_button = QPushButton(tr("Apply plan"))
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply_plan)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(True)
        self.progress.setFormat(tr("Ready"))
        self.progress.setValue(0)
        self.report = QTextBrowser()
        self.report.setOpenLinks(False)
        self.report.setHtml(tr("<p><b>Optimise</b> (Ctrl+R) finds who should cover which market: the most market "
                               "value your team can serve inside their working hours, with the load spread "
                               "evenly. Locked assignments stay. Every choice comes with its reasons, and so "
                               "does every market left out; the plan also says where to hire next.</p>"
                               "<p>Nothing changes until you press <b>Apply plan</b>, and Undo reverts it.</p>"))
        controls = QHBoxLayout()
        for w in (self.optimise_button, self.cancel_button, self.apply_button):
            controls.addWidget(w)
        split = QSplitter()
        split.addWidget(_stack(self.caption, self.grid, self.notice))
        split.addWidget(_stack(controls, self.progress, self.report))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.watch(session)

    def update_view(self, touched=frozenset()) -> None:
        scenario = self.session.scenario
        year, week = self.session.week
        table = fit_table(scenario, year, week)
        self.model.set_fit(scenario, table)
        self.caption.setText(tr(
            "Hours a week in which each rep's working hours meet each market's business hours, {week}. "
            "Green: its live work fits; amber: too few shared hours; red: none. \u2713 assigned. "
            "Drag a market along its row to another rep, or double-click; right-click to lock or unassign.").format(week=self.session.week_name))

    def _menu(self, pos) -> None:
        index = self.grid.indexAt(pos)
        if not index.isValid():
            return
        rep, market = self.model.cell(index)
        current = self.session.scenario.rep_of(market.name)
        menu = QMenu(self)
        menu.addAction(tr("Assign {market} to {rep}").format(market=market.name, rep=rep.name),
                       lambda: self._do(commands.Assign(market.name, rep.name)))
        if current:
            menu.addAction(tr("Unassign {market}").format(market=market.name),
                           lambda: self._do(commands.Assign(market.name, None)))
            locked = any(a.locked for a in self.session.scenario.assignments if a.market == market.name)
            menu.addAction(tr("Unlock") if locked else tr("Lock (the optimiser keeps it)"),
                           lambda: self._do(commands.SetLocked(market.name, not locked)))
        menu.exec(self.grid.viewport().mapToGlobal(pos))

    def _dragged(self, start, end) -> None:
        rep, market = self.model.cell(end)
        self._do(commands.Assign(market.name, rep.name))

    def _toggle(self, index) -> None:
        rep, market = self.model.cell(index)
        mine = self.session.scenario.rep_of(market.name) == rep.name
        self._do(commands.Assign(market.name, None if mine else rep.name))

    def _do(self, command) -> None:
        problem = self.session.do(command)
        (self.notice.refuse(problem) if problem else self.notice.say(command.text))

    # --- the optimiser ---
    def optimise(self, time_limit: float = 30.0) -> None:
        if self.worker is not None:
            return
        self.plan = None
        self.apply_button.setEnabled(False)
        self.optimise_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)  # busy until the first plan arrives
        self.progress.setFormat(tr("Optimising..."))
        self.report.setHtml(tr("<p>Looking for the best assignment...</p>"))
        self.worker = OptimiseWorker(self.session.store.path, *self.session.week, time_limit=time_limit)
        self.worker.progress.connect(self._progress)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self._finished)
        self.worker.start()

    def cancel(self) -> None:
        if self.worker:
            self.worker.cancel()
            self.progress.setFormat(tr("Stopping..."))

    def _progress(self, value: float, gap: float, seconds: float) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(int(100 * (1 - min(1.0, gap))))
        if value >= 0:
            self.progress.setFormat(tr("Best so far covers {value} ({seconds:.0f} s)").format(
                value=f"{value:,.0f}", seconds=seconds))
        else:  # the value is settled; the markets are being fitted to the reps' time zones
            self.progress.setFormat(tr("Fitting markets to time zones: within {gap:.1%} of the best "
                                       "({seconds:.0f} s)").format(gap=gap, seconds=seconds))

    def _done(self, plan) -> None:
        self.plan = plan
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        status = {"optimal": tr("Optimal"), "feasible": tr("Best found in the time"),
                  "cancelled": tr("Cancelled: best plan so far")}.get(plan.status, plan.status)
        self.progress.setFormat(status)
        self.apply_button.setEnabled(bool(plan.assignments))
        self.report.setHtml(self.plan_html(plan))

    def _failed(self, message: str) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setFormat(tr("Stopped"))
        self.report.setHtml(f"<p style='color:#c5221f'>{html.escape(message)}</p>")

    def _finished(self) -> None:
        self.worker.deleteLater()
        self.worker = None
        self.optimise_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def apply_plan(self) -> None:
        if self.plan:
            self._do(commands.SetAssignments(apply_plan(self.session.scenario, self.plan).assignments,
                                             tr("Apply optimised plan")))

    @staticmethod
    def plan_html(plan) -> str:
        e = html.escape
        title = tr("Plan for {week}").format(week=plan.week)
        left_out, hire = tr("Left out"), tr("Where to hire next")
        parts = [f"<h3>{e(title)}</h3>",
                 "<p>" + e(tr("Covers {value} of {total} in market value; the busiest rep is at {util:.0%} of "
                              "capacity.").format(value=f"{plan.value:,.0f}", total=f"{plan.total_value:,.0f}",
                                                  util=plan.max_utilisation)) + " " + e(_proof(plan)) + "</p><ul>"]
        parts += [f"<li><b>{e(a.market)} \u2192 {e(a.rep)}</b>: {e(a.reason)}</li>" for a in plan.assignments]
        parts.append("</ul>")
        if plan.unassigned:
            parts.append(f"<h4>{e(left_out)}</h4><ul>")
            parts += [f"<li><b>{e(u.market)}</b>: {e(u.reason)}</li>" for u in plan.unassigned]
            parts.append("</ul>")
        if plan.hire:
            parts.append(f"<h4>{e(hire)}</h4><ul>")
            parts += ["<li>" + e(tr("A rep in {zone} ({hours}) would take {markets}: {value}").format(
                zone=h.timezone, hours=h.hours, markets=", ".join(h.markets), value=f"{h.value:,.0f}")) + "</li>"
                for h in plan.hire]
            parts.append("</ul>")
        return "".join(parts)


def _proof(plan) -> str:
    """How sure the plan is, in words."""
    if plan.status == "optimal":
        return tr("Proven best: no plan covers more value, and none of that value fits the markets' time zones "
                  "better within the balance band.")
    if plan.gap > 0:
        return tr("The value covered is within {gap:.1%} of the best possible.").format(gap=plan.gap)
    if plan.fit_gap:
        return tr("No plan covers more value; the time-zone fit is within {gap:.1%} of the best "
                  "possible.").format(gap=plan.fit_gap)
    return tr("No plan covers more value.")


class WeekView(_Lazy, QWidget):
    """A rep's week: navigation, the canvas, and what could not be placed."""

    def __init__(self, session, now=None, parent=None):
        super().__init__(parent)
        self.session = session
        self.now = now
        self.rep_box = QComboBox()
        self.rep_box.currentTextChanged.connect(lambda _: self.isVisible() and self.refresh())
        self.week_label = QLabel()
        self.stretch = QCheckBox(tr("Stretch (place everything)"))
        self.stretch.setToolTip(tr("Place all the work, outside working hours if need be, to see what it costs"))
        self.stretch.toggled.connect(lambda _: self.refresh())
        self.schedule = None
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Rep:")))
        bar.addWidget(self.rep_box)
        for text, tip, key, slot in (("\u25C0", tr("Previous week"), "Alt+Left", lambda: session.move_week(-1)),
                                     (tr("Today"), tr("This week"), "Alt+Home", session.go_to_today),
                                     ("\u25B6", tr("Next week"), "Alt+Right", lambda: session.move_week(1))):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(f"{tip} ({key})")
            button.setShortcut(QKeySequence(key))
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addWidget(self.week_label)
        bar.addStretch()
        bar.addWidget(self.stretch)
        self.canvas = WeekCanvas()
        self.canvas.moved.connect(self._moved)
        self.canvas.refused.connect(lambda text: self.notice.refuse(text))
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.canvas)
        self.header = WeekHeader(self.canvas)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.notice = _Notice()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.legend)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.notice)
        self.watch(session)
        self._fill_reps()

    def showEvent(self, event):
        super().showEvent(event)
        if self.schedule is None:
            self.refresh()
        # Open on the working day, not on midnight.
        from .week_view import HEADER_H, HOUR_H
        QTimer.singleShot(0, lambda: self.scroll.verticalScrollBar().setValue(HEADER_H + 6 * HOUR_H))

    def _fill_reps(self) -> None:
        current = self.rep_box.currentText()
        self.rep_box.blockSignals(True)
        self.rep_box.clear()
        self.rep_box.addItems([r.name for r in self.session.scenario.reps])
        if current in [r.name for r in self.session.scenario.reps]:
            self.rep_box.setCurrentText(current)
        self.rep_box.blockSignals(False)

    def update_view(self, touched=frozenset()) -> None:
        if "reps" in touched:
            self._fill_reps()
        self.refresh()

    def refresh(self) -> None:
        scenario, (year, week) = self.session.scenario, self.session.week
        name = self.rep_box.currentText()
        monday = week_monday(year, week)
        self.week_label.setText(tr("{week}: {first} to {last}").format(
            week=self.session.week_name, first=local_date(monday, "d MMM"),
            last=local_date(monday + dt.timedelta(days=6), "d MMM yyyy")))
        if not name:
            self.canvas.data = None
            self.canvas.update()
            return
        rep = scenario.rep(name)
        self.schedule = rep_schedule(self.session.store, scenario, name, year, week, self.stretch.isChecked())
        lo, hi = week_window(rep.timezone, year, week)
        colours = market_colours(scenario)
        mine = scenario.markets_of(name)
        market_hours = {m.name: local_spans(side_minutes(m.side, year, week, (lo, hi)), rep.timezone, monday)
                        for m in mine}
        holidays: dict[int, list[str]] = {}
        for side_country, side_sub, who in [(rep.country, rep.subdivision, rep.name)] + \
                [(m.country, m.subdivision, m.name) for m in mine]:
            for date, title in holidays_between(side_country, side_sub, monday, monday + dt.timedelta(days=6)).items():
                entry = f"{who}: {title}"
                if entry not in holidays.setdefault((date - monday).days, []):
                    holidays[(date - monday).days].append(entry)
        from zoneinfo import ZoneInfo
        midweek = dt.datetime.combine(monday + dt.timedelta(days=2), dt.time(12), dt.timezone.utc)
        rep_offset = midweek.astimezone(ZoneInfo(rep.timezone)).utcoffset()
        rulers = {m.name: int((midweek.astimezone(ZoneInfo(m.timezone)).utcoffset() - rep_offset).total_seconds() // 60)
                  for m in mine}
        self.canvas.set_data(WeekData(scenario, self.schedule, rep.timezone, monday,
                                      local_spans(side_minutes(rep.side, year, week, (lo, hi)), rep.timezone, monday),
                                      market_hours, holidays, colours, rulers,
                                      self.now() if callable(self.now) else self.now))
        self.header.update()
        legend = " ".join(f"<span style='color:{colours[m.name]}'>\u25A0</span> {html.escape(m.name)}" for m in mine)
        unplaced = len(self.schedule.unplaced)
        outside = sum(e.outside_hours for e in self.schedule.events)
        summary = tr("{blocks} blocks, {outside} outside working hours, {unplaced} could not be placed").format(
            blocks=len(self.schedule.events), outside=outside, unplaced=unplaced)
        self.legend.setText(f"{legend}<br><small>{html.escape(summary)}</small>")
        if unplaced:
            reasons = sorted({f"{u.market} {u.activity}: {u.reason}" for u in self.schedule.unplaced})
            self.legend.setToolTip("\n".join(reasons[:20]))

    def _moved(self, key, start) -> None:
        from planner.schedule import freeze

        pins = freeze(self.schedule) | {key: start}
        self.session.set_pins(self.rep_box.currentText(), pins,
                              tr("Move {activity} for {market}").format(activity=key[1], market=key[0]))
        self.notice.say(tr("Moved; the week is now kept as you arranged it (Ctrl+Z to undo)."))


class _LoadBar(QWidget):
    """Planned hours against the rep's thresholds."""

    def __init__(self, hours: float, warning: float, critical: float):
        super().__init__()
        self.hours, self.warning, self.critical = hours, warning, critical
        self.setMinimumHeight(18)

    def paintEvent(self, _):
        p = QPainter(self)
        scale = max(self.critical * 1.4, self.hours, 1)
        w = self.width()
        colour = "#0f9d58" if self.hours <= self.warning else "#f4b400" if self.hours < self.critical else "#db4437"
        p.fillRect(0, 3, int(w * self.hours / scale), self.height() - 6, QColor(colour))
        for mark, c in ((self.warning, "#f4b400"), (self.critical, "#db4437")):
            x = int(w * mark / scale)
            p.setPen(QPen(QColor(c), 2))
            p.drawLine(x, 0, x, self.height())
        p.setPen(self.palette().text().color())
        p.drawText(self.rect().adjusted(4, 0, 0, 0), Qt.AlignVCenter | Qt.AlignLeft, f"{self.hours:g} h")


class WorkloadView(_Lazy, QWidget):
    """The team by risk: hours against thresholds, flags with sources, and what-if."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.weeks = {}
        self.stretch = QCheckBox(tr("Stretch (everything placed, as if all of it had to be done)"))
        self.stretch.setChecked(True)
        self.stretch.toggled.connect(lambda _: self.isVisible() and self.refresh())
        self.team = QTableWidget(0, 6)
        self.team.setHorizontalHeaderLabels([tr("Rep"), tr("Working time"), tr("Flags"), tr("Day"),
                                             tr("Outside hours"), tr("Not placed")])
        self.team.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.team.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.team.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.team.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.team.itemSelectionChanged.connect(self._selected)
        self.flags = QTextBrowser()
        self.what_if = QListWidget()
        self.what_if.itemChanged.connect(lambda _: self._what_if())
        self.what_if_result = QLabel()
        self.what_if_result.setWordWrap(True)
        split = QSplitter(Qt.Vertical)
        split.addWidget(_stack(self.stretch, self.team))
        lower = QSplitter()
        lower.addWidget(self.flags)
        lower.addWidget(_stack(QLabel(tr("<b>What if</b> (untick a market, tick another):")), self.what_if,
                               self.what_if_result))
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.watch(session)

    def update_view(self, touched=frozenset()) -> None:
        self.refresh()

    def refresh(self) -> None:
        scenario, (year, week) = self.session.scenario, self.session.week
        stretch = self.stretch.isChecked()
        weeks = team_week(scenario, year, week, stretch=stretch, calendars=inputs_of(self.session.store, scenario))
        self.weeks = {w.rep: w for w in weeks}
        selected = self._current()
        self.team.setRowCount(len(weeks))
        for row, w in enumerate(weeks):
            rep = scenario.rep(w.rep)
            t = thresholds_for(rep.rules, scenario.thresholds)
            self.team.setItem(row, 0, QTableWidgetItem(w.rep))
            self.team.setCellWidget(row, 1, _LoadBar(w.working_hours, t.weekly_warning, t.weekly_critical))
            worst = min((f.severity for f in w.flags), key=lambda s: {"critical": 0, "warning": 1, "info": 2}[s],
                        default=None)
            flags = QTableWidgetItem(tr("{n} ({worst})").format(n=len(w.flags), worst=worst) if worst else tr("none"))
            if worst == "critical":
                flags.setForeground(QColor("#c5221f"))
            self.team.setItem(row, 2, flags)
            self.team.setItem(row, 3, QTableWidgetItem(f"{format_clock(w.earliest_start)}-{format_clock(w.latest_end)}"))
            self.team.setItem(row, 4, QTableWidgetItem(f"{w.outside_hours:g} h"))
            unplaced = QTableWidgetItem(tr("{hours:g} h ({blocks} blocks)").format(
                hours=w.unplaced_hours, blocks=w.unplaced_blocks) if w.unplaced_blocks else tr("none"))
            if w.unplaced_live_hours:
                unplaced.setForeground(QColor("#c5221f"))
            self.team.setItem(row, 5, unplaced)
        names = [w.rep for w in weeks]
        self.team.selectRow(names.index(selected) if selected in names else 0)
        self._selected()

    def _current(self) -> str | None:
        rows = self.team.selectionModel().selectedRows() if self.team.selectionModel() else []
        item = self.team.item(rows[0].row(), 0) if rows else None
        return item.text() if item else None

    def _selected(self) -> None:
        name = self._current()
        if not name or name not in self.weeks:
            self.flags.clear()
            return
        w = self.weeks[name]
        e = html.escape
        if w.unplaced_blocks:
            summary = tr("{rep}: {hours:g} h of working time, {unplaced:g} h of work not placed").format(
                rep=name, hours=w.working_hours, unplaced=w.unplaced_hours)
        else:
            summary = tr("{rep}: {hours:g} h of working time, all work placed").format(rep=name, hours=w.working_hours)
        if not w.flags:
            text = f"<p>{e(summary)}; {e(tr('no flags.'))}</p>"
        else:
            colour = {"critical": "#c5221f", "warning": "#b06000", "info": "#1967d2"}
            items = "".join(f"<li><b style='color:{colour[f.severity]}'>{e(f.severity.upper())}</b> "
                            f"<b>{e(f.rule)}</b>: {e(f.message)}<br><small>{e(f.source)}</small></li>" for f in w.flags)
            text = f"<h3>{e(summary)}</h3><ul>{items}</ul>"
        self.flags.setHtml(text)
        self.what_if.blockSignals(True)
        self.what_if.clear()
        scenario = self.session.scenario
        mine = {m.name for m in scenario.markets_of(name)}
        for market in scenario.markets:
            if market.name in mine or scenario.rep_of(market.name) is None:
                item = QListWidgetItem(market.name)
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Checked if market.name in mine else Qt.Unchecked)
                self.what_if.addItem(item)
        self.what_if.blockSignals(False)
        self.what_if_result.clear()

    def _what_if(self) -> None:
        name = self._current()
        if not name:
            return
        scenario, (year, week) = self.session.scenario, self.session.week
        chosen = [scenario.market(self.what_if.item(i).text()) for i in range(self.what_if.count())
                  if self.what_if.item(i).checkState() == Qt.Checked]
        chosen.sort(key=lambda m: (-m.value, m.name))
        before = self.weeks[name]
        after = rep_week(scenario, name, year, week, stretch=self.stretch.isChecked(), markets=chosen,
                         busy=self.session.calendars.busy(name),
                         pins=self.session.calendars.pins(name, self.session.week_name))
        self.what_if_result.setText(tr("{before:g} h and {nb} flags now; {after:g} h and {na} flags with these "
                                       "markets.").format(before=before.working_hours, nb=len(before.flags),
                                                          after=after.working_hours, na=len(after.flags)))
        self.last_what_if = after
