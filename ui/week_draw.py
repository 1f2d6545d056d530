"""How the week is drawn: the grid with the working hours and the markets' strips, the blocks, the
labels and the now-line.

:class:`ui.week_canvas.WeekCanvas` keeps what is on screen and when to repaint it; these functions
draw it, onto the screen's cached pixmaps or a PDF page alike. Where things go and the words they
carry are decided in :mod:`ui.week_paint`.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPaintEngine, QPainter, QPalette, QPen

from planner.schedule import Event

from .palette import draw_mark
from .week_paint import Fonts, Label, WeekLayout, hour_labels, y_of
from .week_view import GUTTER, RULER_W, WeekData

VECTOR_ENGINES = (QPaintEngine.Pdf, QPaintEngine.Picture, QPaintEngine.SVG)
NOW = "#d93025"
OUTSIDE_HOURS = "#c5221f"


def draw_labels(painter: QPainter, labels: list[Label]) -> None:
    """Draw each label; on a clipped page, only those the clip shows (a PDF keeps clipped text, and
    a reader searching it would find hours that are not on the page)."""
    clip = painter.clipBoundingRect() if painter.hasClipping() else None
    for label in labels:
        if clip is not None and not clip.intersects(label.rect):
            continue
        painter.setFont(label.font)
        painter.setPen(label.colour)
        painter.drawText(label.rect, label.align | Qt.TextSingleLine, label.text)


def block_fill(event: Event, colours: dict[str, str], base: QColor) -> QColor:
    """Live work in the market's colour; async work pale, with a bar of it (see paint_blocks)."""
    colour = QColor(colours.get(event.market, "#888888"))
    if event.live:
        return colour
    mix = 0.3
    return QColor.fromRgbF(*(mix * a + (1 - mix) * b for a, b in
                             zip(colour.getRgbF()[:3], base.getRgbF()[:3])))


def paint_grid(painter: QPainter, data: WeekData, lay: WeekLayout, palette: QPalette, fonts: Fonts,
               width: float, height: float) -> None:
    """The background: the rulers' shading, the rep's working hours, the markets' business-hour
    strips, the hour and day lines and the hours down the side."""
    painter.fillRect(QRectF(0, 0, width, height), palette.base())
    text_colour = palette.text().color()
    grid = QColor(text_colour)
    grid.setAlpha(40)
    shade = QColor(text_colour)
    shade.setAlpha(10)
    for r in range(0, len(lay.rulers), 2):  # every other ruler shaded, so a column reads as one clock
        painter.fillRect(QRectF(GUTTER + r * RULER_W, 0, RULER_W, height), shade)
    work = QColor(palette.highlight().color())
    work.setAlpha(28)
    for day, start, end in data.working:
        painter.fillRect(lay.rect(day, start, end), work)
    markets = list(data.market_hours)
    for i, market in enumerate(markets):
        colour = QColor(data.colours[market])
        for day, start, end in data.market_hours[market]:
            painter.fillRect(lay.strip(day, start, end, i, len(markets)), colour)
    painter.setPen(QPen(grid))
    for hour in range(25):
        y = y_of(hour * 60)
        painter.drawLine(QPointF(GUTTER - 4, y), QPointF(lay.right, y))
    for day in range(8):
        x = lay.x[day] if day < 7 else lay.right
        painter.drawLine(QPointF(x, 0), QPointF(x, y_of(1440)))
    draw_labels(painter, hour_labels(fonts, text_colour))


def paint_blocks(painter: QPainter, blocks: list[tuple[QRectF, Event]], fill, colours: dict[str, str],
                 text_colour: QColor, labels: list[Label], marks: list[tuple[QRectF, int, QColor]]) -> None:
    """Each block in ``fill(event)``: async work with a bar of its market's colour, work outside the
    rep's hours outlined in red dashes, a block placed by hand outlined; then their texts and marks."""
    for rect, event in blocks:
        painter.fillRect(rect, fill(event))
        if not event.live:
            painter.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()), QColor(colours.get(event.market)))
        if event.outside_hours:
            painter.setPen(QPen(QColor(OUTSIDE_HOURS), 2, Qt.DashLine))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        if event.pinned:
            painter.setPen(QPen(text_colour, 1))
            painter.drawRect(rect)
    draw_labels(painter, labels)
    for rect, shape, colour in marks:
        draw_mark(painter, rect, shape, colour)


def paint_now_line(painter: QPainter, line: QLineF) -> None:
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(QPen(QColor(NOW), 2))
    painter.drawLine(line)
    painter.setBrush(QColor(NOW))
    painter.drawEllipse(line.p1(), 4, 4)
