"""The week planner: 7 days x 24 hours on the rep's wall clock, blocks you can drag.

The canvas only draws what :class:`WeekData` holds (computed by the core);
dropping a block asks the core whether the move is allowed
(:func:`planner.schedule.check_move`) and either emits ``moved`` or
``refused`` with the reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QToolTip, QWidget

from planner.schedule import Event, Schedule, check_move

PALETTE = ["#4285f4", "#db4437", "#0f9d58", "#f4b400", "#ab47bc", "#00acc1", "#ff7043", "#9e9d24",
           "#5c6bc0", "#f06292", "#26a69a", "#8d6e63"]
HOUR_H = 40
GUTTER = 48
RULER_W = 40
HEADER_H = 6     # top margin of the canvas; day names live in WeekHeader
DAY_HEADER_H = 46
SNAP = 15


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


@dataclass
class WeekData:
    """Everything the canvas draws, in the rep's local wall-clock terms."""

    scenario: object
    schedule: Schedule
    timezone: str
    monday: dt.date
    working: list[tuple[int, int, int]]            # (day, start minute, end minute) of the rep's hours
    market_hours: dict[str, list[tuple[int, int, int]]]  # market -> same, in the rep's wall clock
    holidays: dict[int, list[str]]                 # day -> names
    colours: dict[str, str]
    ruler_offsets: dict[str, int] = field(default_factory=dict)  # market -> minutes ahead of the rep
    now: dt.datetime | None = None


def local_date(date: dt.date, pattern: str) -> str:
    """A date in the app's language (``ddd d MMM``: Mon 15 Mar, lun. 15 mars)."""
    from PySide6.QtCore import QDate, QLocale

    return QLocale().toString(QDate(date.year, date.month, date.day), pattern)


def local_spans(spans, tz: str, monday: dt.date) -> list[tuple[int, int, int]]:
    """Epoch-minute spans as (day index, start, end) on ``tz``'s wall clock, split at midnight."""
    from planner.overlap import from_minute

    zone = ZoneInfo(tz)
    out = []
    for start, end in spans:
        a, b = from_minute(start).astimezone(zone), from_minute(end).astimezone(zone)
        day = (a.date() - monday).days
        first = a.hour * 60 + a.minute
        last = (b.date() - monday).days * 1440 + b.hour * 60 + b.minute - day * 1440
        while last > 0 and day < 7:
            if day >= 0:
                out.append((day, first, min(last, 1440)))
            day, first, last = day + 1, 0, last - 1440
    return out


class WeekHeader(QWidget):
    """Day names, holidays and the market rulers' titles: stays put while the hours scroll."""

    def __init__(self, canvas: "WeekCanvas", parent=None):
        super().__init__(parent)
        self.canvas = canvas
        self.setFixedHeight(DAY_HEADER_H)

    def paintEvent(self, _):
        d = self.canvas.data
        if not d:
            return
        painter = QPainter(self)
        palette = self.palette()
        left, col_w = self.canvas._left(), self.canvas._col_w()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(small)
        for r, market in enumerate(d.ruler_offsets):
            painter.setPen(QColor(d.colours[market]))
            painter.drawText(QRectF(GUTTER + r * RULER_W, 2, RULER_W - 2, DAY_HEADER_H - 4),
                             Qt.AlignCenter | Qt.TextWordWrap, market[:12])
        for day in range(7):
            x = left + day * col_w
            date = d.monday + dt.timedelta(days=day)
            painter.setFont(bold)
            painter.setPen(palette.text().color())
            painter.drawText(QRectF(x, 2, col_w, 20), Qt.AlignCenter, local_date(date, "ddd d MMM"))
            if day in d.holidays:
                painter.setFont(small)
                painter.setPen(QColor("#c5221f"))
                painter.drawText(QRectF(x + 2, 22, col_w - 4, DAY_HEADER_H - 22), Qt.AlignCenter | Qt.TextWordWrap,
                                 "; ".join(d.holidays[day])[:60])


class WeekCanvas(QWidget):
    moved = Signal(object, object)   # event key, new UTC start
    refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.data: WeekData | None = None
        self._blocks: list[tuple[QRectF, Event]] = []
        self._drag: tuple[Event, QRectF, QPointF] | None = None
        self._ghost: QRectF | None = None
        self._background: QPixmap | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(760, HEADER_H + 24 * HOUR_H)

    def sizeHint(self):
        return QSize(1100, HEADER_H + 24 * HOUR_H)

    # --- geometry ---
    def _left(self) -> float:
        return GUTTER + RULER_W * len(self.data.ruler_offsets) if self.data else GUTTER

    def _col_w(self) -> float:
        return max(60.0, (self.width() - self._left() - 4) / 7)

    def _rect(self, day: int, start: int, end: int, inset: float = 0, band: tuple[int, int] | None = None) -> QRectF:
        x = self._left() + day * self._col_w()
        w = self._col_w()
        if band:  # a thin strip on the right of the column
            index, count = band
            bw = 5
            x = x + w - (count - index) * (bw + 1) - 2
            w = bw
        return QRectF(x + inset, HEADER_H + start / 60 * HOUR_H, w - 2 * inset - (0 if band else 14 if self.data and
                                                                                   self.data.market_hours else 0),
                      (end - start) / 60 * HOUR_H)

    def set_data(self, data: WeekData) -> None:
        self.data = data
        self._background = None
        self._layout()
        self.update()

    def _layout(self) -> None:
        self._blocks = []
        if not self.data:
            return
        zone = ZoneInfo(self.data.timezone)
        for event in self.data.schedule.events:
            start = event.start.astimezone(zone)
            day = (start.date() - self.data.monday).days
            first = start.hour * 60 + start.minute
            last = first + int((event.end - event.start).total_seconds() // 60)
            while last > 0 and 0 <= day < 7:
                self._blocks.append((self._rect(day, first, min(last, 1440), inset=2), event))
                day, first, last = day + 1, 0, last - 1440

    def resizeEvent(self, event):
        self._background = None
        self._layout()
        super().resizeEvent(event)

    # --- painting ---
    def paintEvent(self, _):
        painter = QPainter(self)
        if not self.data:
            painter.fillRect(self.rect(), self.palette().base())
            return
        # The grid, rulers and shading change only with the data or the size: drawn once.
        if self._background is None or self._background.size() != self.size() * self.devicePixelRatioF():
            self._background = QPixmap(self.size() * self.devicePixelRatioF())
            self._background.setDevicePixelRatio(self.devicePixelRatioF())
            self._paint_background(QPainter(self._background))
        painter.drawPixmap(0, 0, self._background)
        self._paint_blocks(painter)

    def _paint_background(self, painter: QPainter) -> None:
        palette = self.palette()
        painter.fillRect(QRectF(0, 0, self.width(), self.height()), palette.base())
        d, col_w, left = self.data, self._col_w(), self._left()
        text_colour = palette.text().color()
        grid = QColor(text_colour)
        grid.setAlpha(40)
        work = QColor(palette.highlight().color())
        work.setAlpha(28)
        for day, start, end in d.working:
            painter.fillRect(self._rect(day, start, end), work)
        markets = list(d.market_hours)
        for i, market in enumerate(markets):
            colour = QColor(d.colours[market])
            colour.setAlpha(150)
            for day, start, end in d.market_hours[market]:
                painter.fillRect(self._rect(day, start, end, band=(i, len(markets))), colour)
        painter.setPen(QPen(grid))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        painter.setFont(small)
        for hour in range(25):
            y = HEADER_H + hour * HOUR_H
            painter.drawLine(QPointF(GUTTER - 4, y), QPointF(left + 7 * col_w, y))
            if hour < 24:
                painter.setPen(text_colour)
                painter.drawText(QRectF(0, y, GUTTER - 8, HOUR_H), Qt.AlignRight | Qt.AlignTop, f"{hour:02d}:00")
                for r, (market, offset) in enumerate(d.ruler_offsets.items()):
                    minutes = (hour * 60 + offset) % 1440
                    painter.setPen(QColor(d.colours[market]))
                    painter.drawText(QRectF(GUTTER + r * RULER_W, y, RULER_W - 4, HOUR_H), Qt.AlignRight | Qt.AlignTop,
                                     f"{minutes // 60:02d}:{minutes % 60:02d}")
                painter.setPen(QPen(grid))
        for day in range(7):
            x = left + day * col_w
            painter.setPen(QPen(grid))
            painter.drawLine(QPointF(x, 0), QPointF(x, HEADER_H + 24 * HOUR_H))
        painter.end()

    def _paint_blocks(self, painter: QPainter) -> None:
        d, col_w, left = self.data, self._col_w(), self._left()
        palette = self.palette()
        text_colour = palette.text().color()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        painter.setFont(small)
        for rect, event in self._blocks:
            colour = QColor(d.colours.get(event.market, "#888888"))
            if not event.live:
                colour = colour.lighter(135)
            painter.fillRect(rect, colour)
            if event.outside_hours:
                painter.setPen(QPen(QColor("#c5221f"), 2, Qt.DashLine))
                painter.drawRect(rect.adjusted(1, 1, -1, -1))
            if event.pinned:
                painter.setPen(QPen(QColor("#202124"), 1))
                painter.drawRect(rect)
            if rect.height() >= 11:
                painter.setPen(QColor("#ffffff"))
                painter.drawText(rect.adjusted(3, 0, -2, 0), Qt.AlignLeft | Qt.AlignTop | Qt.TextSingleLine,
                                 f"{event.activity} \u00b7 {event.market}")
        if self._ghost is not None:
            painter.setPen(QPen(text_colour, 1, Qt.DashLine))
            painter.drawRect(self._ghost)
        if d.now is not None:
            local = d.now.astimezone(ZoneInfo(d.timezone))
            day = (local.date() - d.monday).days
            if 0 <= day < 7:
                y = HEADER_H + (local.hour * 60 + local.minute) / 60 * HOUR_H
                painter.setPen(QPen(QColor("#d93025"), 2))
                painter.drawLine(QPointF(left + day * col_w, y), QPointF(left + (day + 1) * col_w, y))

    # --- interaction ---
    def block_at(self, pos) -> tuple[QRectF, Event] | None:
        for rect, event in reversed(self._blocks):
            if rect.contains(pos):
                return rect, event
        return None

    def _snap(self, pos: QPointF, grab: QPointF, rect: QRectF) -> tuple[int, int]:
        """(day, minute) of the block's top after dropping at ``pos``."""
        top = pos.y() - (grab.y() - rect.top())
        minute = round((top - HEADER_H) / HOUR_H * 60 / SNAP) * SNAP
        day = int((pos.x() - self._left()) // self._col_w())
        return max(0, min(6, day)), max(0, min(1440 - SNAP, minute))

    def instant_at(self, day: int, minute: int) -> dt.datetime:
        from planner.timezones import local_to_utc

        return local_to_utc(self.data.monday + dt.timedelta(days=day), minute, self.data.timezone)

    def mousePressEvent(self, event):
        hit = self.block_at(event.position())
        if hit and event.button() == Qt.LeftButton:
            self._drag = (hit[1], hit[0], event.position())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        pos = event.position()
        if self._drag:
            block, rect, grab = self._drag
            day, minute = self._snap(pos, grab, rect)
            self._ghost = self._rect(day, minute, minute + block.minutes, inset=2)
            self.update()
        else:
            hit = self.block_at(pos)
            if hit:
                QToolTip.showText(event.globalPosition().toPoint(), self.describe(hit[1]), self)
            else:
                QToolTip.hideText()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        if self._drag:
            block, rect, grab = self._drag
            self._drag, self._ghost = None, None
            day, minute = self._snap(event.position(), grab, rect)
            self.drop(block, self.instant_at(day, minute))
            self.update()
        super().mouseReleaseEvent(event)

    def drop(self, block: Event, start: dt.datetime) -> None:
        if start == block.start:
            return
        reason = check_move(self.data.scenario, self.data.schedule, block.key, start)
        if reason:
            self.refused.emit(tr("Cannot move {activity} for {market} there: {reason}.").format(
                activity=block.activity, market=block.market, reason=reason))
        else:
            self.moved.emit(block.key, start)

    def describe(self, event: Event) -> str:
        d = self.data
        rep_zone = ZoneInfo(d.timezone)
        market = d.scenario.market(event.market)
        m_zone = ZoneInfo(market.timezone)
        a, b = event.start.astimezone(rep_zone), event.end.astimezone(rep_zone)
        c, e = event.start.astimezone(m_zone), event.end.astimezone(m_zone)
        lines = [f"<b>{event.activity}: {event.market}</b>",
                 tr("Your time: {day} {start}-{end} {zone}").format(
                     day=local_date(a.date(), "ddd"), start=a.strftime("%H:%M"), end=b.strftime("%H:%M"), zone=a.tzname()),
                 tr("Prospect's time: {day} {start}-{end} {zone} ({tz})").format(
                     day=local_date(c.date(), "ddd"), start=c.strftime("%H:%M"), end=e.strftime("%H:%M"), zone=c.tzname(),
                     tz=market.timezone)]
        if event.outside_hours:
            lines.append(tr("Outside your working hours"))
        if event.pinned:
            lines.append(tr("Placed by hand"))
        return "<br>".join(lines)
