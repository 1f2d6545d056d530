"""Market colours stay apart for colour-blind readers, and the text on them stays readable."""

import itertools
import math

import numpy as np
from PySide6.QtGui import QColor

from ui.palette import PALETTE, ink_on, market_styles

# Machado, Oliveira & Fernandes (2009), full severity, applied to linear RGB.
VISION = {
    "normal": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
OLD_PALETTE = ["#4285f4", "#db4437", "#0f9d58", "#f4b400", "#ab47bc", "#00acc1", "#ff7043", "#9e9d24",
               "#5c6bc0", "#f06292", "#26a69a", "#8d6e63"]  # before: 12 colours, cycled over all markets


def linear(hex_colour):
    c = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(rgb):
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ np.clip(rgb, 0, 1)
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def ciede2000(one, two):
    (l1, a1, b1), (l2, a2, b2) = one, two
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1, h2 = math.degrees(math.atan2(b1, a1)) % 360, math.degrees(math.atan2(b2, a2)) % 360
    dh = 0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    big_dh = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    l_bar, c_bar = (l1 + l2) / 2, (c1 + c2) / 2
    h_bar = h1 + h2 if c1 * c2 == 0 else (h1 + h2) / 2 + (180 if abs(h1 - h2) > 180 else 0)
    t = (1 - 0.17 * math.cos(math.radians(h_bar - 30)) + 0.24 * math.cos(math.radians(2 * h_bar))
         + 0.32 * math.cos(math.radians(3 * h_bar + 6)) - 0.20 * math.cos(math.radians(4 * h_bar - 63)))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_bar, 1 + 0.015 * c_bar * t
    r_t = (-2 * math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7))
           * math.sin(math.radians(60 * math.exp(-(((h_bar - 275) / 25) ** 2)))))
    return math.sqrt(((l2 - l1) / s_l) ** 2 + ((c2 - c1) / s_c) ** 2 + (big_dh / s_h) ** 2
                     + r_t * ((c2 - c1) / s_c) * (big_dh / s_h))


def closest_pair(palette, vision):
    colours = [lab(VISION[vision] @ linear(c)) for c in palette]
    return min(ciede2000(a, b) for a, b in itertools.combinations(colours, 2))


def test_ciede2000_matches_the_published_worked_example():
    # Sharma, Wu & Dalal (2005), test pair 1.
    assert round(ciede2000((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485)), 4) == 2.0425


def test_every_two_market_colours_stay_apart_for_every_kind_of_colour_vision():
    for vision in VISION:
        assert closest_pair(PALETTE, vision) >= 10, vision
    # The colours used before were not: two of them looked alike to a tritanope (and close to
    # protanopes and deuteranopes).
    assert min(closest_pair(OLD_PALETTE, v) for v in VISION) < 5


def contrast(a: QColor, b: QColor) -> float:
    def luminance(c):
        return float(np.array([0.2126, 0.7152, 0.0722]) @ linear(c.name()))
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_on_a_market_colour_is_black_or_white_whichever_reads_better():
    for colour in map(QColor, PALETTE):
        ink = ink_on(colour)
        other = QColor("#ffffff") if ink == QColor("#000000") else QColor("#000000")
        assert contrast(ink, colour) >= contrast(other, colour) and contrast(ink, colour) >= 4.5, colour.name()


def test_past_ten_markets_a_shape_tells_two_of_a_colour_apart():
    names = [f"Market {i:02d}" for i in range(25)]
    styles = market_styles(reversed(names))
    assert len({(s.colour, s.shape) for s in styles.values()}) == 25
    assert [styles[n].marked for n in names] == [False] * 10 + [True] * 15  # name order, whatever the input order
    assert len({s.colour for s in market_styles(names[:10]).values()}) == 10
