"""Workload: the team by risk, working time against thresholds, flags with their sources, what-if."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHeaderView, QLabel, QListWidget, QListWidgetItem,
                               QSplitter, QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget)

from planner.calendars import inputs_of
from planner.team import format_clock, rep_week, team_week
from planner.workload import thresholds_for

from .view_parts import Lazy, stack, tr


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


class WorkloadView(Lazy, QWidget):
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
        split.addWidget(stack(self.stretch, self.team))
        lower = QSplitter()
        lower.addWidget(self.flags)
        lower.addWidget(stack(QLabel(tr("<b>What if</b> (untick a market, tick another):")), self.what_if,
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
