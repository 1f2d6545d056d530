"""Quarter: reps x 13 weeks of planned hours as heat, each week's flags and work not placed, and the
busiest weeks on top. A click (or Enter) on a cell opens that rep's week in the Week view."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QProgressBar,
                               QTableView, QToolButton, QVBoxLayout, QWidget)

from planner.errors import PlannerError
from planner.i18n import number
from planner.quarter import CRITICAL, QUARTER_WEEKS, WARNING, Quarter
from planner.timezones import add_weeks, parse_week, week_monday
from planner.workload import severity_label

from .models import BACKGROUND, DISPLAY, FONT, FOREGROUND, HORIZONTAL, TOOLTIP, VERTICAL
from .palette import CIRCLE, HEAT, HEAT_FROM, TRIANGLE, draw_mark, heat_bin, ink_on
from .view_parts import Lazy, Notice, tr
from .week_view import local_date

DECORATION, ALIGN = Qt.DecorationRole, Qt.TextAlignmentRole
CENTRE = int(Qt.AlignCenter)


def _marker(shape: int, colour: str, size: int = 10) -> QPixmap:
    """A flag marker: a shape (it survives any colour vision and a grey printout) in ``colour``."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    draw_mark(painter, QRectF(0, 0, size, size), shape, QColor(colour))
    painter.end()
    return pixmap


class QuarterModel(QAbstractTableModel):
    """Rows are reps, columns weeks; each cell reads the precomputed :class:`planner.quarter.Quarter`
    (planned hours, the worst flag, the heat colour), so a paint costs the same at 500 reps as at 2."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.quarter: Quarter | None = None
        self._heat = [QColor(c) for c in HEAT]
        self._ink = [ink_on(c) for c in self._heat]
        # Info flags stay unmarked: only warnings and critical flags ask for attention.
        self._marks = {CRITICAL: _marker(TRIANGLE, "#000000"), WARNING: _marker(CIRCLE, "#444444")}
        self._headers: list[str] = []
        self._header_tips: list[str] = []
        self._busiest: set[int] = set()
        self._bold = QFont()
        self._bold.setBold(True)

    def show(self, quarter: Quarter | None) -> None:
        self.beginResetModel()
        self.quarter = quarter
        self._headers, self._header_tips, self._busiest = [], [], set()
        if quarter is not None:
            for t in quarter.totals:
                year, week = parse_week(t.week)
                self._headers.append(tr("W{week} {date}\n\u25B2{critical} \u25CF{warnings}\n{unplaced} h")
                                     .format(week=f"{week:02d}", date=local_date(week_monday(year, week), "d MMM"),
                                             critical=t.critical, warnings=t.warnings,
                                             unplaced=f"{t.unplaced_hours:g}"))
                self._header_tips.append(tr(
                    "{week}: {planned} h planned for the team, {unplaced} h of work not placed, {outside} h "
                    "outside working hours; {flags} flags ({critical} critical) on {reps} reps").format(
                    week=t.week, planned=f"{t.planned_hours:g}", unplaced=f"{t.unplaced_hours:g}",
                    outside=f"{t.outside_hours:g}", flags=t.flags, critical=t.critical, reps=t.reps_flagged))
            self._busiest = set(quarter.busiest[:3])
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or self.quarter is None else len(self.quarter.reps)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or self.quarter is None else len(self.quarter.weeks)

    def headerData(self, section, orientation, role=DISPLAY):
        q = self.quarter
        if q is None:
            return None
        if orientation == HORIZONTAL and 0 <= section < len(self._headers):
            if role == DISPLAY:
                return self._headers[section]
            if role == TOOLTIP:
                return self._header_tips[section]
            if role == FONT and section in self._busiest:
                return self._bold
        if orientation == VERTICAL and role == DISPLAY and 0 <= section < len(q.reps):
            return q.reps[section]
        return None

    def data(self, index, role=DISPLAY):
        q = self.quarter
        if q is None or not index.isValid():
            return None
        r, w = index.row(), index.column()
        if role == DISPLAY:
            return f"{q.accounts[r][w].working_hours:g}"
        if role == BACKGROUND:
            return self._heat[heat_bin(q.accounts[r][w].working_hours)]
        if role == FOREGROUND:
            return self._ink[heat_bin(q.accounts[r][w].working_hours)]
        if role == DECORATION:
            return self._marks.get(q.worst[r][w])
        if role == ALIGN:
            return CENTRE
        if role == TOOLTIP:
            return self._tip(r, w)
        return None

    def _tip(self, r: int, w: int) -> str:
        a = self.quarter.accounts[r][w]
        lines = [tr("{rep}, {week}: {planned} h planned, {unplaced} h of work not placed, {outside} h outside "
                    "working hours").format(rep=a.rep, week=a.week, planned=number(a.working_hours),
                                            unplaced=number(a.unplaced_hours), outside=number(a.outside_hours))]
        lines += [f"{severity_label(f.severity)}: {f.message}" for f in a.flags[:5]]
        if len(a.flags) > 5:
            lines.append(tr("and {n} more flags").format(n=len(a.flags) - 5))
        lines.append(tr("Click or press Enter to open this week"))
        return "\n".join(lines)


class QuarterTable(QTableView):
    """The heat map; Enter opens the current cell's week as a click does."""

    open_cell = Signal(QModelIndex)

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.currentIndex().isValid():
            self.open_cell.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class QuarterView(Lazy, QWidget):
    """Reps x weeks from the session's week, the busiest weeks first."""

    open_week = Signal(str, int, int)   # rep, year, week: open it in the Week view

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.first = session.week
        self.weeks = QUARTER_WEEKS
        self.busiest = QLabel()
        self.busiest.setWordWrap(True)
        font = self.busiest.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.busiest.setFont(font)
        self.busiest.setTextFormat(Qt.RichText)
        self.range_label = QLabel()
        self.stretch = QCheckBox(tr("Stretch (place everything)"))
        self.stretch.setToolTip(tr("Place all the work, outside working hours if need be, to see what it costs"))
        self.stretch.toggled.connect(lambda _: self.refresh())
        bar = QHBoxLayout()
        for text, tip, key, delta in (("\u25C0", tr("The 13 weeks before"), "Alt+Shift+Left", -self.weeks),
                                      ("\u25B6", tr("The 13 weeks after"), "Alt+Shift+Right", self.weeks)):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(f"{tip} ({key})")
            button.setShortcut(QKeySequence(key))
            button.clicked.connect(lambda _=False, d=delta: self.move(d))
            bar.addWidget(button)
        bar.addWidget(self.range_label)
        bar.addStretch()
        bar.addWidget(self.stretch)
        self.model = QuarterModel(self)
        self.table = QuarterTable()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(False)
        # Fixed section sizes: nothing measures 6,500 cells.
        rows, columns = self.table.verticalHeader(), self.table.horizontalHeader()
        rows.setSectionResizeMode(QHeaderView.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        columns.setSectionResizeMode(QHeaderView.Fixed)
        bold = QFont(self.table.font())
        bold.setBold(True)
        widest = max(QFontMetrics(bold).horizontalAdvance(line) for line in ("W00 00 May", "000.25 h"))
        columns.setDefaultSectionSize(widest + 8)
        columns.setFixedHeight(self.table.fontMetrics().lineSpacing() * 3 + 12)
        self.table.clicked.connect(self._open)
        self.table.open_cell.connect(self._open)
        self.progress = QProgressBar()
        self.progress.hide()
        session.quarter.progress.connect(self._progress)
        session.quarter.ready.connect(self._ready)
        self.legend = QLabel(self._legend())
        self.legend.setTextFormat(Qt.RichText)
        self.legend.setWordWrap(True)
        self.notice = Notice()
        layout = QVBoxLayout(self)
        layout.addWidget(self.busiest)
        layout.addLayout(bar)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.notice)
        self.watch(session)

    def _legend(self) -> str:
        bins = [f"{lo}-{hi}" for lo, hi in zip(HEAT_FROM, HEAT_FROM[1:])] + [f"{HEAT_FROM[-1]}+"]
        cells = " ".join(f"<span style='background:{c}; color:{ink_on(QColor(c)).name()}'>&nbsp;{b}&nbsp;</span>"
                         for c, b in zip(HEAT, bins))
        return tr("Planned hours a week: {cells} &nbsp; \u25B2 a critical flag &nbsp; \u25CF a warning. "
                  "Each week's head: the team's critical \u25B2 and warning \u25CF flags and its hours of work "
                  "not placed.").format(cells=cells)

    def move(self, delta: int) -> None:
        self.first = add_weeks(*self.first, delta)
        self.refresh()

    def update_view(self, touched=frozenset()) -> None:
        # The quarter shown always holds the session's week: it moves only when that week leaves it.
        if "week" in touched:
            shown = [add_weeks(*self.first, n) for n in range(self.weeks)]
            if self.session.week not in shown:
                self.first = self.session.week
        self.refresh()

    def refresh(self) -> None:
        try:
            q = self.session.quarter.quarter(self.first, self.weeks, self.stretch.isChecked())
        except PlannerError as exc:  # weeks past 2099: say so, keep the app
            self.notice.refuse(str(exc))
            return
        self.notice.say("")
        last = add_weeks(*self.first, self.weeks - 1)
        self.range_label.setText(tr("{count} weeks from {first} to {last}").format(
            count=self.weeks, first=local_date(week_monday(*self.first), "d MMM yyyy"),
            last=local_date(week_monday(*last) + dt.timedelta(days=6), "d MMM yyyy")))
        if q is None:  # being worked out: the progress bar says how far; ready brings it
            self.model.show(None)  # the figures shown would be out of date
            self.busiest.setText(tr("Working out the quarter..."))
            return
        self.model.show(q)
        self.busiest.setText(self._busiest_text(q))

    def _ready(self) -> None:
        """The quarter is worked out: shown now, or when the view is next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _busiest_text(self, q: Quarter) -> str:
        if not q.reps:
            return tr("No reps yet: add reps in Team to see their quarter.")
        parts = [tr("<b>{week}</b> ({planned} h planned, {overflow} h of work that does not fit, "
                    "{critical} critical flags)").format(week=t.week, planned=f"{t.planned_hours:g}",
                                                        overflow=f"{t.overflow_hours:g}", critical=t.critical)
                 for t in q.top()]
        return tr("Busiest weeks: {weeks}").format(weeks="; ".join(parts))

    def _progress(self, done: int, total: int) -> None:
        if total == 0:
            self.progress.hide()
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(tr("Working out each rep's 13 weeks... {done} of {total}").format(
            done=done, total=total))
        self.progress.show()

    def _open(self, index: QModelIndex) -> None:
        q = self.model.quarter
        if q is None or not index.isValid():
            return
        year, week = parse_week(q.weeks[index.column()])
        self.open_week.emit(q.reps[index.row()], year, week)

