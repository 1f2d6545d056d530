"""The main window: tabs over the scenario in the database."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHeaderView, QLabel, QMainWindow, QTableView, QTabWidget, QVBoxLayout, QWidget)

from planner.hours import format_hours
from planner.overlap import overlap_matrix
from planner.timezones import format_week

from .models import OverlapModel, RowsModel


class MainWindow(QMainWindow):
    VIEWS = ("team", "markets", "territories")

    def __init__(self, store, today: dt.date):
        super().__init__()
        self.store = store
        self.week = today.isocalendar()[:2]
        self.setWindowTitle(self.tr("Rep Planner"))
        self.resize(1200, 720)
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)

        self.team_model = RowsModel([
            (self.tr("Rep"), lambda r: r.name),
            (self.tr("Time zone"), lambda r: r.timezone),
            (self.tr("Country"), lambda r: r.country + (f"-{r.subdivision}" if r.subdivision else "")),
            (self.tr("Working hours"), lambda r: format_hours(r.hours)),
            (self.tr("Hours/week"), lambda r: f"{r.hours.weekly_hours:g}"),
            (self.tr("Max hours/week"), lambda r: f"{r.max_weekly_hours:g}"),
            (self.tr("Rules"), lambda r: r.rules),
        ])
        self.market_model = RowsModel([
            (self.tr("Market"), lambda m: m.name),
            (self.tr("Time zone"), lambda m: m.timezone),
            (self.tr("Business hours"), lambda m: format_hours(m.hours)),
            (self.tr("Tier"), lambda m: m.tier),
            (self.tr("Value"), lambda m: f"{m.value:,.0f}"),
            (self.tr("Live h/week"), lambda m: f"{self.scenario.workload(m).live_hours:g}"),
            (self.tr("Async h/week"), lambda m: f"{self.scenario.workload(m).async_hours:g}"),
            (self.tr("Rep"), lambda m: self.scenario.rep_of(m.name) or "\u2014"),
        ])
        self.overlap_model = OverlapModel()
        self.tabs.addTab(self._table(self.team_model), self.tr("Team"))
        self.tabs.addTab(self._table(self.market_model), self.tr("Markets"))
        self.overlap_caption = QLabel()
        self.tabs.addTab(self._table(self.overlap_model, self.overlap_caption), self.tr("Territories"))
        self.refresh()

    def _table(self, model, caption: QLabel | None = None) -> QWidget:
        view = QTableView()
        view.setModel(model)
        view.setAlternatingRowColors(caption is None)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.verticalHeader().setVisible(caption is not None)
        if caption is None:
            return view
        box = QWidget()
        layout = QVBoxLayout(box)
        caption.setWordWrap(True)
        layout.addWidget(caption)
        layout.addWidget(view)
        return box

    def refresh(self) -> None:
        self.scenario = self.store.load()
        self.team_model.set_rows(self.scenario.reps)
        self.market_model.set_rows(self.scenario.markets)
        year, week = self.week
        matrix = overlap_matrix([(r.name, r.side) for r in self.scenario.reps],
                                [(m.name, m.side) for m in self.scenario.markets], year, week)
        assigned = {a.market: a.rep for a in self.scenario.assignments}
        needed = {m.name: self.scenario.workload(m).live_hours for m in self.scenario.markets}
        self.overlap_model.set_matrix(matrix, assigned, needed)
        self.overlap_caption.setText(self.tr(
            "Hours per week in which each rep's working hours meet each market's business hours, {week}. "
            "Green: the market's live work fits; amber: too few shared hours; red: none. \u2713 = assigned."
        ).format(week=format_week(year, week)))
        self.statusBar().showMessage(self.tr("{name} \u2014 {path}").format(name=self.scenario.name, path=self.store.path))

    def show_view(self, name: str) -> None:
        self.tabs.setCurrentIndex(self.VIEWS.index(name))
