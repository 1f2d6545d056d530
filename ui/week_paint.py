"""Where the week's parts go and the words they carry, every text fitted to its box.

:class:`WeekLayout` places the columns (days with no working hours and no work are narrower),
the blocks and the markets' business-hour strips on a canvas of a given width. The ``*_labels``
functions decide each text the canvas and its header draw, shortened with an ellipsis (the
whole text in ``tip``) so that none is wider than the box it is drawn in; :mod:`ui.week_draw`
draws them for the widgets (:mod:`ui.week_canvas`).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from planner.timezones import zone as time_zone

from .palette import MarketStyle, ink_on
from .week_view import DAY_HEADER_H, GUTTER, HEADER_H, HOUR_H, RULER_W, WeekData, local_date, tr

MIN_COL = 60.0
QUIET_DAY = 0.6   # width of a day with no working hours and no work, against a working day's
STRIP_W = 4.0     # a market's business-hours strip, at most
RULERS_SHARE = 0.3


@dataclass
class Label:
    """A text as drawn: ``text`` fits ``rect`` in ``font``; ``tip`` is the whole text when shortened."""

    rect: QRectF
    text: str
    font: QFont
    colour: QColor
    align: Qt.AlignmentFlag = Qt.AlignLeft | Qt.AlignTop
    tip: str = ""


@dataclass
class Fonts:
    normal: QFont
    small: QFont
    bold: QFont
    tiny: QFont    # one line in a 15-minute block
    small_bold: QFont
    tiny_bold: QFont

    @classmethod
    def of(cls, font: QFont) -> "Fonts":
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() - 1.5))
        bold = QFont(font)
        bold.setBold(True)
        tiny = QFont(font)
        tiny.setPixelSize(9)
        small_bold = QFont(small)
        small_bold.setBold(True)
        tiny_bold = QFont(tiny)
        tiny_bold.setBold(True)
        return cls(font, small, bold, tiny, small_bold, tiny_bold)


def line_height(font: QFont) -> float:
    return QFontMetricsF(font).height()


def elide(text: str, font: QFont, width: float) -> str:
    return QFontMetricsF(font).elidedText(text, Qt.ElideRight, max(0.0, width))


def wrap(text: str, font: QFont, width: float, lines: int) -> list[str]:
    """``text`` broken at spaces into at most ``lines`` lines no wider than ``width``, the last
    one shortened with an ellipsis if the text does not fit."""
    metrics = QFontMetricsF(font)
    words, out = text.split(), []
    while words and len(out) < lines:
        if len(out) == lines - 1:
            out.append(elide(" ".join(words), font, width))
            break
        line, k = words[0], 1
        while k < len(words) and metrics.horizontalAdvance(f"{line} {words[k]}") <= width:
            line, k = f"{line} {words[k]}", k + 1
        out.append(elide(line, font, width))
        words = words[k:]
    return [line for line in out if line]


class WeekLayout:
    """The geometry of the week on a canvas ``width`` pixels wide."""

    def __init__(self, data: WeekData, width: float):
        self.data = data
        # The rulers take at most about a third of the width; past that the clocks shared by the
        # fewest markets give way (their times stay in each block's tooltip).
        room = max(2, int(width * RULERS_SHARE // RULER_W))
        kept = sorted(sorted(range(len(data.rulers)), key=lambda r: -len(data.rulers[r].markets))[:room])
        self.rulers = [data.rulers[r] for r in kept]
        self.hidden = [m for r, ruler in enumerate(data.rulers) if r not in kept for m in ruler.markets]
        self.left = GUTTER + RULER_W * len(self.rulers)
        zone = time_zone(data.timezone)
        active = {day for day, _, _ in data.working}
        active |= {(e.start.astimezone(zone).date() - data.monday).days for e in data.schedule.events}
        weights = [1.0 if day in active or not active else QUIET_DAY for day in range(7)]
        unit = max(width - self.left - 4, 7 * MIN_COL) / sum(weights)
        self.x, self.w = [], []
        x = float(self.left)
        for weight in weights:
            self.x.append(x)
            self.w.append(weight * unit)
            x += weight * unit
        self.right = x
        markets = len(data.market_hours)
        self.lane = min(markets * STRIP_W, min(self.w) * 0.25) if markets else 0.0

    def day_at(self, x: float) -> int:
        return max(0, min(6, bisect.bisect_right(self.x, x) - 1))

    def column(self, day: int) -> QRectF:
        return QRectF(self.x[day], HEADER_H, self.w[day], 24 * HOUR_H)

    def rect(self, day: int, start: int, end: int) -> QRectF:
        """Minutes ``start``-``end`` of ``day``, left of the business-hour strips."""
        return QRectF(self.x[day] + 1, y_of(start), self.w[day] - self.lane - 3, (end - start) / 60 * HOUR_H)

    def strip(self, day: int, start: int, end: int, index: int, count: int) -> QRectF:
        width = self.lane / count
        return QRectF(self.x[day] + self.w[day] - self.lane - 1 + index * width, y_of(start),
                      max(1.0, width - 0.5), (end - start) / 60 * HOUR_H)


def y_of(minute: float) -> float:
    return HEADER_H + minute / 60 * HOUR_H


def block_labels(rect: QRectF, event, style: MarketStyle, fill: QColor, fonts: Fonts, zone: str
                 ) -> tuple[list[Label], QRectF | None]:
    """The words on a block, as many lines as its height holds (market, activity, times), and
    where its market's mark goes (None for an unmarked market)."""
    ink = ink_on(fill)
    box = rect.adjusted(3, 1, -2, -1)
    # The largest text that shows market and activity: two lines of the small font, else two of
    # the tiny one (a half hour), else one line (a quarter hour gets the block's whole height).
    font, bold, lines = fonts.small, fonts.small_bold, int(box.height() // line_height(fonts.small))
    if lines < 2 and box.height() >= 2 * line_height(fonts.tiny):
        font, bold, lines = fonts.tiny, fonts.tiny_bold, 2
    elif not lines and line_height(fonts.tiny) <= rect.height():
        box = QRectF(box.left(), rect.top(), box.width(), rect.height())
        font, lines = fonts.tiny, 1
    if not lines:
        return [], None
    height = line_height(font)
    mark = None
    first = QRectF(box.left(), box.top(), box.width(), height)
    if style.marked:
        side = min(height * 0.75, 8.0)
        mark = QRectF(box.left(), first.center().y() - side / 2, side, side)
        first.setLeft(box.left() + side + 3)
    a, b = event.start.astimezone(time_zone(zone)), event.end.astimezone(time_zone(zone))
    times = f"{a:%H:%M}\u2013{b:%H:%M}"
    if lines == 1:
        texts = [(first, f"{event.market} \u00b7 {event.activity}", font)]
    else:
        texts = [(first, event.market, bold),
                 (QRectF(box.left(), box.top() + height, box.width(), height), event.activity, font)]
        if lines >= 3:
            texts.append((QRectF(box.left(), box.top() + 2 * height, box.width(), height), times, font))
    out = []
    for where, text, f in texts:
        shown = elide(text, f, where.width())
        if shown:
            out.append(Label(where, shown, f, ink, tip=text if shown != text else ""))
    return out, mark


def hour_labels(fonts: Fonts, colour: QColor) -> list[Label]:
    """The rep's clock down the left edge."""
    return [Label(QRectF(0, y_of(h * 60) + 1, GUTTER - 8, line_height(fonts.small)), f"{h:02d}:00", fonts.small,
                  colour, Qt.AlignRight | Qt.AlignTop) for h in range(24)]


def ruler_labels(layout: WeekLayout, day: int, fonts: Fonts, colour: QColor) -> list[Label]:
    """The markets' clocks for the rep's hours of ``day``, naming their weekday where it is not the rep's."""
    out = []
    small_h = line_height(fonts.small)
    weekday_font = QFont(fonts.tiny)
    weekday_font.setItalic(True)
    for r, ruler in enumerate(layout.rulers):
        x = GUTTER + r * RULER_W + 2
        for hour, (time, weekday) in enumerate(ruler.labels[day]):
            y = y_of(hour * 60) + 1
            out.append(Label(QRectF(x, y, RULER_W - 6, small_h), time, fonts.small, colour, Qt.AlignRight | Qt.AlignTop))
            if weekday:
                shown = elide(weekday, weekday_font, RULER_W - 6)
                out.append(Label(QRectF(x, y + small_h, RULER_W - 6, line_height(weekday_font)), shown, weekday_font,
                                 colour, Qt.AlignRight | Qt.AlignTop, weekday if shown != weekday else ""))
    return out


def holiday_text(names: list[str]) -> str:
    """"Who: title" entries grouped by title: ``Good Friday (Laura, UK & Ireland)``."""
    by_title: dict[str, list[str]] = {}
    for entry in names:
        who, _, title = entry.partition(": ")
        by_title.setdefault(title or who, []).append(who if title else "")
    return "; ".join(f"{title} ({', '.join(w for w in who if w)})" if any(who) else title
                     for title, who in by_title.items())


def header_labels(layout: WeekLayout, ruler_day: int, fonts: Fonts, palette, styles: dict[str, MarketStyle]
                  ) -> tuple[list[Label], list[tuple[QRectF, MarketStyle]]]:
    """Above the canvas: the rep's clock and the day its rulers show, each ruler's markets (names
    and marks), each day's date and public holidays."""
    d = layout.data
    text, red = palette.text().color(), QColor("#c5221f")
    small_h, bold_h = line_height(fonts.small), line_height(fonts.bold)
    labels: list[Label] = []
    marks: list[tuple[QRectF, MarketStyle]] = []

    def add(rect: QRectF, value: str, font: QFont, colour: QColor, align=Qt.AlignLeft | Qt.AlignTop, tip: str = ""):
        shown = elide(value, font, rect.width())
        if shown:
            labels.append(Label(rect, shown, font, colour, align, tip or (value if shown != value else "")))

    ruler_date = d.monday + dt.timedelta(days=ruler_day)
    zone_name = dt.datetime.combine(ruler_date, dt.time(12)).replace(tzinfo=time_zone(d.timezone)).tzname()
    clock_tip = tr("Your clock ({zone}). The market clocks beside it are for {day}: point at another day "
                   "to see its times.").format(zone=d.timezone, day=local_date(ruler_date, "dddd d MMMM"))
    add(QRectF(2, 2, GUTTER - 6, bold_h), local_date(ruler_date, "ddd"), fonts.bold, text, Qt.AlignRight, clock_tip)
    add(QRectF(2, 2 + bold_h, GUTTER - 6, small_h), zone_name, fonts.small, text, Qt.AlignRight, clock_tip)
    if layout.hidden:
        add(QRectF(2, 2 + bold_h + small_h, GUTTER - 6, small_h), f"+{len(layout.hidden)}",
            fonts.small, text, Qt.AlignRight,
            tr("No room for the clocks of {markets}: their times are in each block's tooltip.").format(
                markets=", ".join(layout.hidden)))
    for r, ruler in enumerate(layout.rulers):
        x = GUTTER + r * RULER_W + 2
        names = ", ".join(ruler.markets)
        tip = "\n".join(ruler.markets) + (f"\n({ruler.timezone})" if ruler.timezone else "")
        for i, line in enumerate(wrap(names, fonts.small, RULER_W - 4, 2)):
            labels.append(Label(QRectF(x, 2 + i * small_h, RULER_W - 4, small_h), line, fonts.small, text,
                                Qt.AlignHCenter | Qt.AlignTop, tip))
        side, room = 8.0, int((RULER_W - 4) // 10)
        shown = ruler.markets[:room]
        left = x + (RULER_W - 4 - len(shown) * 10) / 2
        for i, market in enumerate(shown):
            if market in styles:
                marks.append((QRectF(left + i * 10 + 1, 4 + 2 * small_h, side, side), styles[market]))
    today = d.today()
    for day in range(7):
        x, w = layout.x[day], layout.w[day]
        date = d.monday + dt.timedelta(days=day)
        full = local_date(date, "ddd d MMM")
        title = next((local_date(date, p) for p in ("ddd d MMM", "ddd d", "ddd")
                      if QFontMetricsF(fonts.bold).horizontalAdvance(local_date(date, p)) <= w - 4), full)
        colour = palette.highlight().color() if day == today else text
        add(QRectF(x + 2, 2, w - 4, bold_h), title, fonts.bold, colour, Qt.AlignHCenter | Qt.AlignTop,
            full if title != full else "")
        if day in d.holidays:
            value = holiday_text(d.holidays[day])
            tip = "\n".join(d.holidays[day])
            lines = int((DAY_HEADER_H - 4 - bold_h) // small_h)
            for i, line in enumerate(wrap(value, fonts.small, w - 4, lines)):
                labels.append(Label(QRectF(x + 2, 2 + bold_h + i * small_h, w - 4, small_h), line, fonts.small, red,
                                    Qt.AlignHCenter | Qt.AlignTop, tip))
    return labels, marks
