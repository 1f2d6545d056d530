"""The week on screen: 7 days x 24 hours on the rep's wall clock, blocks you can drag.

The canvas only draws what :class:`~ui.week_view.WeekData` holds (computed by the core), laid
out by :mod:`ui.week_paint`, drawn by :mod:`ui.week_draw`, its tooltips worded by
:mod:`ui.week_tips`; here is what is on screen, when it is repainted, and the pointer. Dropping
a block, or one dragged in from the tray of blocks that found no place, asks the core whether it
may go there (:func:`planner.schedule.check_move`) and emits ``moved`` or ``refused`` with the
reason.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QToolTip, QWidget

from planner.schedule import Event, check_move
from planner.timezones import zone as time_zone

from .palette import MarketStyle, draw_mark, ink_on
from .week_draw import VECTOR_ENGINES, block_fill, draw_labels, paint_blocks, paint_grid, paint_now_line
from .week_paint import Fonts, Label, WeekLayout, block_labels, header_labels, hour_labels, ruler_labels, y_of
from .week_tips import block_tip, ruler_tip
from .week_view import DAY_HEADER_H, GUTTER, HEADER_H, HOUR_H, RULER_W, SNAP, WeekData, tr


class WeekHeader(QWidget):
    """Day names, holidays and the market rulers' titles: stays put while the hours scroll."""

    def __init__(self, canvas: "WeekCanvas", parent=None):
        super().__init__(parent)
        self.canvas = canvas
        self.setFixedHeight(DAY_HEADER_H)
        self._labels: list[Label] = []
        self._marks: list[tuple[QRectF, MarketStyle]] = []
        canvas.ruler_day_changed.connect(self.update)

    def labels(self) -> list[Label]:
        """The texts the header draws, as laid out for its current size."""
        c = self.canvas
        if not c.data or not c.week_layout:
            return []
        self._labels, self._marks = header_labels(c.week_layout, c.ruler_day, Fonts.of(self.font()), self.palette(),
                                                  c.styles())
        return self._labels

    def paintEvent(self, _):
        labels = self.labels()
        if not labels:
            return
        painter = QPainter(self)
        draw_labels(painter, labels)
        for rect, style in self._marks:
            draw_mark(painter, rect, style.shape, QColor(style.colour))

    def event(self, event):
        if event.type() == QEvent.ToolTip:
            hit = next((lab for lab in self._labels if lab.tip and lab.rect.contains(QPointF(event.pos()))), None)
            if hit:
                QToolTip.showText(event.globalPos(), hit.tip, self, hit.rect.toAlignedRect())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


class WeekCanvas(QWidget):
    moved = Signal(object, object)   # block key (placed or from the tray), new UTC start
    refused = Signal(str)
    ruler_day_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.data: WeekData | None = None
        self.week_layout: WeekLayout | None = None
        self.ruler_day = 0           # the day whose hours the market rulers show
        self._blocks: list[tuple[QRectF, Event]] = []
        self._block_labels: list[Label] = []
        self._block_marks: list[tuple[QRectF, int, QColor]] = []
        self._drag: tuple[Event, QRectF, QPointF] | None = None
        self._ghost: QRectF | None = None
        self._pixmaps: dict[object, QPixmap] = {}
        self.setMouseTracking(True)
        self.setMinimumSize(700, HEADER_H + 24 * HOUR_H)

    def sizeHint(self):
        return QSize(1100, HEADER_H + 24 * HOUR_H)

    def styles(self) -> dict[str, MarketStyle]:
        d = self.data
        return {m: MarketStyle(c, d.marks.get(m, 0)) for m, c in d.colours.items()} if d else {}

    # --- data and geometry ---
    def set_data(self, data: WeekData | None) -> None:
        """Show ``data``; the market clocks show today, or the rep's first working day, unless the
        same week of the same rep was on screen (after an edit they stay on the day looked at)."""
        same = self.data and data and (self.data.monday, self.data.schedule.rep) == (data.monday, data.schedule.rep)
        self.data = data
        if data and not same:
            today = data.today()
            self.ruler_day = today if today is not None else min((d for d, _, _ in data.working), default=0)
        self._relayout()
        self.ruler_day_changed.emit(self.ruler_day)

    def set_now(self, now: dt.datetime | None) -> None:
        if self.data:
            self.data.now = now
            self.update()

    def _relayout(self) -> None:
        self._pixmaps = {}
        self._blocks, self._block_labels, self._block_marks = [], [], []
        self.week_layout = WeekLayout(self.data, self.width()) if self.data else None
        if self.data:
            zone = time_zone(self.data.timezone)
            for event in self.data.schedule.events:
                start = event.start.astimezone(zone)
                day = (start.date() - self.data.monday).days
                first = start.hour * 60 + start.minute
                last = first + event.minutes
                while last > 0 and 0 <= day < 7:
                    self._blocks.append((self.week_layout.rect(day, first, min(last, 1440)).adjusted(0, 0.5, 0, -0.5),
                                         event))
                    day, first, last = day + 1, 0, last - 1440
            styles, fonts = self.styles(), Fonts.of(self.font())
            for rect, event in self._blocks:
                style = styles.get(event.market, MarketStyle("#888888", 0))
                labels, mark = block_labels(rect, event, style, self._fill(event), fonts, self.data.timezone)
                self._block_labels += labels
                if mark is not None:
                    self._block_marks.append((mark, style.shape, ink_on(self._fill(event))))
        self.update()

    def _fill(self, event: Event) -> QColor:
        return block_fill(event, self.data.colours, self.palette().base().color())

    def resizeEvent(self, event):
        self._relayout()
        super().resizeEvent(event)

    def labels(self) -> list[Label]:
        """Every text the canvas draws, as laid out now: the hours, the rulers for ``ruler_day``, the blocks."""
        if not self.data:
            return []
        fonts, text = Fonts.of(self.font()), self.palette().text().color()
        return hour_labels(fonts, text) + ruler_labels(self.week_layout, self.ruler_day, fonts, text) + self._block_labels

    def now_line(self) -> QLineF | None:
        """Where the current instant is drawn: across today's column, on the rep's clock."""
        d = self.data
        today = d.today() if d else None
        if today is None or d.now is None:
            return None
        local = d.now.astimezone(time_zone(d.timezone))
        y = y_of(local.hour * 60 + local.minute + local.second / 60)
        return QLineF(self.week_layout.x[today], y, self.week_layout.x[today] + self.week_layout.w[today], y)

    # --- painting ---
    def paintEvent(self, event):
        painter = QPainter(self)
        if not self.data:
            painter.fillRect(self.rect(), self.palette().base())
            return
        if painter.paintEngine().type() in VECTOR_ENGINES:  # a PDF or printer page: text stays text
            painter.setClipRegion(event.region())
            self._paint_week(painter)
            painter.translate(GUTTER, 0)
            self._paint_clocks(painter)
            return
        # The grid, strips and blocks change only with the data or the size, the market clocks with
        # the day they show: each is drawn once into a pixmap, so a repaint (each move of a drag)
        # copies two pixmaps and draws the outline and the now-line.
        painter.drawPixmap(0, 0, self._cached("week", self.size(), self._paint_week))
        lay = self.week_layout
        if lay.rulers:
            strip = QSize(int(lay.left - GUTTER), self.height())
            painter.drawPixmap(GUTTER, 0, self._cached(("clocks", self.ruler_day), strip, self._paint_clocks))
        if self._ghost is not None:
            painter.setPen(QPen(self.palette().text().color(), 1.5, Qt.DashLine))
            painter.drawRect(self._ghost)
        line = self.now_line()
        if line is not None:
            paint_now_line(painter, line)

    def _cached(self, key, size: QSize, paint) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = self._pixmaps.get(key)
        if pixmap is None or pixmap.size() != size * ratio:
            pixmap = QPixmap(size * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.transparent)
            painter = QPainter(pixmap)
            paint(painter)
            painter.end()
            self._pixmaps[key] = pixmap
        return pixmap

    def _paint_week(self, painter: QPainter) -> None:
        fonts, palette = Fonts.of(self.font()), self.palette()
        paint_grid(painter, self.data, self.week_layout, palette, fonts, self.width(), self.height())
        paint_blocks(painter, self._blocks, self._fill, self.data.colours, palette.text().color(),
                     self._block_labels, self._block_marks)

    def _paint_clocks(self, painter: QPainter) -> None:
        painter.translate(-GUTTER, 0)
        draw_labels(painter, ruler_labels(self.week_layout, self.ruler_day, Fonts.of(self.font()),
                                          self.palette().text().color()))

    def changeEvent(self, event):
        if event.type() in (QEvent.PaletteChange, QEvent.FontChange):
            self._relayout()
        super().changeEvent(event)

    # --- where the pointer is ---
    def block_at(self, pos) -> tuple[QRectF, Event] | None:
        for rect, event in reversed(self._blocks):
            if rect.contains(pos):
                return rect, event
        return None

    def _ruler_at(self, pos: QPointF) -> tuple[int, int] | None:
        """(ruler, hour) under ``pos``."""
        if not self.data or not GUTTER <= pos.x() < self.week_layout.left:
            return None
        hour = int((pos.y() - HEADER_H) // HOUR_H)
        return (int((pos.x() - GUTTER) // RULER_W), hour) if 0 <= hour < 24 else None

    def _slot(self, pos: QPointF, top: float) -> tuple[int, int]:
        """(day, minute) of a block whose top is at ``top`` when the pointer is at ``pos``."""
        minute = round((top - HEADER_H) / HOUR_H * 60 / SNAP) * SNAP
        return self.week_layout.day_at(pos.x()), max(0, min(1440 - SNAP, minute))

    def _snap(self, pos: QPointF, grab: QPointF, rect: QRectF) -> tuple[int, int]:
        """(day, minute) of the block's top after dropping at ``pos``."""
        return self._slot(pos, pos.y() - (grab.y() - rect.top()))

    def instant_at(self, day: int, minute: int) -> dt.datetime:
        from planner.timezones import local_to_utc

        return local_to_utc(self.data.monday + dt.timedelta(days=day), minute, self.data.timezone)

    def event(self, event):
        if event.type() == QEvent.ToolTip and self.data:
            tip = self._tip_at(QPointF(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _tip_at(self, pos: QPointF) -> str:
        hit = self.block_at(pos)
        if hit:
            return block_tip(self.data, hit[1])
        ruler = self._ruler_at(pos)
        if ruler:
            return ruler_tip(self.data, self.week_layout, self.ruler_day, *ruler)
        return ""

    # --- dragging a block of the week ---
    def mousePressEvent(self, event):
        hit = self.block_at(event.position())
        if hit and event.button() == Qt.LeftButton:
            self._drag = (hit[1], hit[0], event.position())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        pos = event.position()
        self._follow(pos)
        if self._drag:
            block, rect, grab = self._drag
            day, minute = self._snap(pos, grab, rect)
            self._ghost = self.week_layout.rect(day, minute, minute + block.minutes)
            self.update()
        super().mouseMoveEvent(event)

    def _follow(self, pos: QPointF) -> None:
        """The rulers show the hours of the day under the pointer."""
        if self.week_layout and pos.x() >= self.week_layout.left:
            day = self.week_layout.day_at(pos.x())
            if day != self.ruler_day:
                self.ruler_day = day
                self.ruler_day_changed.emit(day)
                self.update()

    def mouseReleaseEvent(self, event):
        if self._drag:
            block, rect, grab = self._drag
            self._drag, self._ghost = None, None
            day, minute = self._snap(event.position(), grab, rect)
            self.drop(block, self.instant_at(day, minute))
            self.update()
        super().mouseReleaseEvent(event)

    def drop(self, block, start: dt.datetime) -> None:
        """Ask the core whether ``block`` (of the week, or from the tray) may start at ``start``."""
        if start == getattr(block, "start", None):
            return
        reason = check_move(self.data.scenario, self.data.schedule, block.key, start)
        if reason:
            text = tr("Cannot move {activity} for {market} there: {reason}.") if isinstance(block, Event) else \
                tr("Cannot place {activity} for {market} there: {reason}.")
            self.refused.emit(text.format(activity=block.activity, market=block.market, reason=reason))
        else:
            self.moved.emit(block.key, start)

    # --- a block dragged in from the tray (the tray holds the mouse; positions are global) ---
    def _tray_slot(self, global_pos) -> tuple[int, int] | None:
        pos = QPointF(self.mapFromGlobal(global_pos))
        if not self.data or not self.rect().contains(pos.toPoint()) or pos.x() < self.week_layout.left:
            return None
        self._follow(pos)
        return self._slot(pos, pos.y() - HOUR_H / 8)  # the pointer just inside the block's top

    def show_drop(self, block, global_pos) -> None:
        """Outline where ``block`` (an unplaced one) would go if dropped at ``global_pos``."""
        slot = self._tray_slot(global_pos) if block is not None else None
        self._ghost = self.week_layout.rect(slot[0], slot[1], slot[1] + block.block_minutes) if slot else None
        self.update()

    def drop_from_tray(self, block, global_pos) -> None:
        slot = self._tray_slot(global_pos)
        self._ghost = None
        self.update()
        if slot:
            self.drop(block, self.instant_at(*slot))
