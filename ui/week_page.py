"""Week: a rep's week around the canvas (ui/week_view.py): rep, week navigation, stretch, the legend."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from planner.calendars import rep_schedule
from planner.overlap import side_minutes, week_window
from planner.public_holidays import holidays_between
from planner.timezones import week_monday

from .view_parts import Lazy, Notice, market_colours, tr
from .week_view import WeekCanvas, WeekData, WeekHeader, local_date, local_spans


class WeekView(Lazy, QWidget):
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
        self.notice = Notice()
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
