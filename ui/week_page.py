"""Week: a rep's week around the canvas (ui/week_canvas.py): rep, week navigation, stretch, the legend,
the hours placed and not (from the core's account of the week), and the tray of blocks that found no place."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from planner.calendars import rep_account
from planner.overlap import side_minutes, week_window
from planner.public_holidays import holidays_between
from planner.schedule import free_start
from planner.timezones import week_monday

from .palette import MarketStyle, market_styles
from .unplaced_tray import UnplacedTray
from .view_parts import Lazy, Notice, tr
from .week_canvas import WeekCanvas, WeekHeader
from .week_view import HEADER_H, HOUR_H, WeekData, clock_rulers, local_date, local_spans


def week_data(scenario, account, year: int, week: int, now=None) -> tuple[WeekData, dict[str, MarketStyle]]:
    """What the canvas draws for the rep of ``account`` (a planner.team.RepWeek of ISO week
    ``year-Wweek``), and their markets' colours and marks: for the Week view and the report."""
    rep = scenario.rep(account.rep)
    monday = week_monday(year, week)
    lo, hi = week_window(rep.timezone, year, week)
    mine = scenario.markets_of(rep.name)
    styles = market_styles(m.name for m in mine)
    market_hours = {m.name: local_spans(side_minutes(m.side, year, week, (lo, hi)), rep.timezone, monday)
                    for m in sorted(mine, key=lambda m: m.name)}
    holidays: dict[int, list[str]] = {}
    for side_country, side_sub, who in [(rep.country, rep.subdivision, rep.name)] + \
            [(m.country, m.subdivision, m.name) for m in mine]:
        for date, title in holidays_between(side_country, side_sub, monday, monday + dt.timedelta(days=6)).items():
            entry = f"{who}: {title}"
            if entry not in holidays.setdefault((date - monday).days, []):
                holidays[(date - monday).days].append(entry)
    data = WeekData(scenario, account.schedule, rep.timezone, monday,
                    local_spans(side_minutes(rep.side, year, week, (lo, hi)), rep.timezone, monday),
                    market_hours, holidays, {m: s.colour for m, s in styles.items()}, now=now,
                    marks={m: s.shape for m, s in styles.items()},
                    rulers=clock_rulers(rep.timezone, monday, [(m.name, m.timezone) for m in mine]))
    return data, styles


def placed_summary(account) -> str:
    """The week's work placed and not, from the core's account of it (planner.team.RepWeek)."""
    return tr("Placed: {placed} h of work, {outside} h of it outside working hours. "
              "Not placed: {unplaced} h ({blocks} blocks).").format(
        placed=f"{account.placed_hours:g}", outside=f"{account.outside_hours:g}",
        unplaced=f"{account.unplaced_hours:g}", blocks=account.unplaced_blocks)


def legend_html(styles: dict[str, MarketStyle]) -> str:
    """Each market's mark in its colour, and its name."""
    return " &nbsp; ".join(f"<span style='color:{s.colour}'>{s.glyph}</span>&nbsp;"
                           + html.escape(m).replace(" ", "&nbsp;") for m, s in styles.items())


def legend_key() -> str:
    return tr("Solid: live work; pale: async work; dashed red outline: outside working hours; "
              "outlined: placed by hand; coloured strips: the markets' business hours.")


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
        self.account = None   # planner.team.RepWeek of the week on screen
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
        self.tray = UnplacedTray()
        self.tray.list.dragging.connect(self.canvas.show_drop)
        self.tray.list.dropped.connect(self.canvas.drop_from_tray)
        self.tray.list.place.connect(self.place)
        self.tray.hide()
        week = QVBoxLayout()
        week.setSpacing(0)
        week.addWidget(self.header)
        week.addWidget(self.scroll, 1)
        middle = QHBoxLayout()
        middle.addLayout(week, 1)
        middle.addWidget(self.tray)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.legend)
        layout.addLayout(middle, 1)
        layout.addWidget(self.notice)
        # The now-line moves with the clock; a minute is its resolution.
        self.clock = QTimer(self)
        self.clock.setInterval(60_000)
        self.clock.timeout.connect(lambda: self.canvas.set_now(self.now() if callable(self.now) else self.now))
        self.clock.start()
        self.watch(session)
        self._fill_reps()

    def showEvent(self, event):
        super().showEvent(event)
        if self.schedule is None:
            self.refresh()
        # Open on the working day, not on midnight.
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
            self.schedule = None
            self.canvas.set_data(None)
            self.tray.hide()
            return
        self.account = rep_account(self.session.store, scenario, name, year, week, self.stretch.isChecked())
        self.schedule = self.account.schedule
        data, styles = week_data(scenario, self.account, year, week, self.now() if callable(self.now) else self.now)
        self.canvas.set_data(data)
        self.header.update()
        self.legend.setText(f"{legend_html(styles)}<br><small>{html.escape(placed_summary(self.account))}<br>"
                            f"{html.escape(legend_key())}</small>")
        self.tray.show_week(self.account, styles)

    def _moved(self, key, start) -> None:
        from planner.schedule import freeze

        placed = any(e.key == key for e in self.schedule.events)
        pins = freeze(self.schedule) | {key: start}
        text = tr("Move {activity} for {market}") if placed else tr("Place {activity} for {market}")
        self.session.set_pins(self.rep_box.currentText(), pins, text.format(activity=key[1], market=key[0]))
        self.notice.say(tr("Moved; the week is now kept as you arranged it (Ctrl+Z to undo).") if placed else
                        tr("Placed; the week is now kept as you arranged it (Ctrl+Z to undo)."))

    def place(self, block) -> None:
        """Put a block that found no place where the core finds room for it, or say there is none."""
        if block is None or self.schedule is None:
            return
        start = free_start(self.session.scenario, self.schedule, block.key,
                           busy=self.session.calendars.busy(self.rep_box.currentText()))
        if start is None:
            self.notice.refuse(tr("No free time is left this week for {activity} for {market} ({minutes} min).").format(
                activity=block.activity, market=block.market, minutes=block.block_minutes))
            return
        self._moved(block.key, start)
