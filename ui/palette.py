"""Market colours that stay apart for colour-blind readers, and a shape once the colours run out.

Why these ten colours: Okabe & Ito's set ("Color Universal Design", 2008), less its black,
plus two of Paul Tol's (bright purple #AA3377 and muted indigo #332288, from
https://personal.sron.nl/~pault/) and a dark grey standing in for Okabe-Ito's black (the black
stays free for text and the outline of a block placed by hand). Simulating protanopia,
deuteranopia and tritanopia (Machado et al. 2009, full severity), every pair of the ten keeps a
CIEDE2000 difference of at least 10.9, as with normal vision; the twelve colours used before
fell to 3.4 (tests/test_ui_week_palette.py checks both). No set of more than about ten colours
stays that far apart for every reader, so past ten markets a second cue takes over: the
eleventh to twentieth market get a circle mark, the next ten a triangle, and so on. The mark is
drawn in the blocks and shown in the legend, the ruler titles and the tray, so two markets of
the same colour are told apart by shape, which survives any colour vision and a grey printout.

Colours go to the markets of the view in name order, so a rep's week with up to ten markets
has ten different colours whatever the markets are called or how many the scenario holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPixmap

# Ordered so that markets next to each other in name order differ most (blue, orange, green...).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#332288", "#F0E442",
           "#AA3377", "#444444"]

# The Quarter's heat: Paul Tol's sequential YlOrBr (https://personal.sron.nl/~pault/, "sequential
# colour schemes"). Its lightness falls steadily from the first colour to the last, so the order of
# the bins reads the same for every colour vision and in grey; hue only adds to it.
HEAT = ["#FFFFE5", "#FFF7BC", "#FEE391", "#FEC44F", "#FB9A29", "#EC7014", "#CC4C02", "#993404", "#662506"]
#: The planned hours at which each heat colour starts. The darkest three start at the workload rules'
#: lines (planner.workload): 45 h (the Swiss maximum week), 48 h and 55 h (the default preset's warning
#: and critical), so a dark cell is a long week by the rules, not just the longest on screen; a
#: full 40-h week and one a holiday shortened (32 h) fall in different colours.
HEAT_FROM = (0, 16, 24, 32, 38, 42, 45, 48, 55)


def heat_bin(hours: float) -> int:
    """Which heat colour ``hours`` of planned work a week fall in (0 to len(HEAT) - 1)."""
    return max(i for i, lowest in enumerate(HEAT_FROM) if hours >= lowest) if hours > 0 else 0


SQUARE, CIRCLE, TRIANGLE, DIAMOND, DOWN = range(5)
#: The legend's glyph for each shape (DejaVu and the platform fonts have all five).
GLYPHS = ("\u25A0", "\u25CF", "\u25B2", "\u25C6", "\u25BC")


@dataclass(frozen=True)
class MarketStyle:
    colour: str
    shape: int   # SQUARE for the first ten markets: a plain colour, no mark drawn in the blocks

    @property
    def glyph(self) -> str:
        return GLYPHS[self.shape]

    @property
    def marked(self) -> bool:
        return self.shape != SQUARE


def market_styles(names: Iterable[str]) -> dict[str, MarketStyle]:
    """A colour and shape per market, in name order: ten colours, then the ten again with a mark."""
    ordered = sorted(set(names))
    return {name: MarketStyle(PALETTE[i % len(PALETTE)], (i // len(PALETTE)) % len(GLYPHS))
            for i, name in enumerate(ordered)}


def ink_on(colour: QColor) -> QColor:
    """Black or white, whichever reads better on ``colour`` (WCAG relative luminance)."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    luminance = 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())
    # Contrast with black (L + 0.05) / 0.05 against with white 1.05 / (L + 0.05): equal at L = 0.179.
    return QColor("#000000") if luminance > 0.179 else QColor("#ffffff")


def draw_mark(painter: QPainter, rect: QRectF, shape: int, colour: QColor) -> None:
    """The market's shape filled with ``colour``, centred in ``rect``."""
    side = min(rect.width(), rect.height())
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    path = QPainterPath()
    if shape == CIRCLE:
        path.addEllipse(box)
    elif shape == TRIANGLE:
        path.moveTo(QPointF(box.center().x(), box.top()))
        path.lineTo(box.bottomRight())
        path.lineTo(box.bottomLeft())
        path.closeSubpath()
    elif shape == DIAMOND:
        c = box.center()
        path.moveTo(QPointF(c.x(), box.top()))
        path.lineTo(QPointF(box.right(), c.y()))
        path.lineTo(QPointF(c.x(), box.bottom()))
        path.lineTo(QPointF(box.left(), c.y()))
        path.closeSubpath()
    elif shape == DOWN:
        path.moveTo(box.topLeft())
        path.lineTo(box.topRight())
        path.lineTo(QPointF(box.center().x(), box.bottom()))
        path.closeSubpath()
    else:
        path.addRect(box)
    painter.save()
    painter.setRenderHint(QPainter.Antialiasing)
    painter.fillPath(path, colour)
    painter.restore()


def swatch(style: MarketStyle, size: int = 14) -> QPixmap:
    """The market's colour with its mark, for lists and menus."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    colour = QColor(style.colour)
    painter.fillRect(QRectF(1, 1, size - 2, size - 2), colour)
    if style.marked:
        draw_mark(painter, QRectF(3, 3, size - 6, size - 6), style.shape, ink_on(colour))
    painter.end()
    return pixmap
