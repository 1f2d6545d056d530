"""The week planner's data: a rep's week on their wall clock, as the canvas draws it.

:class:`WeekData` holds what the core computed, turned into the rep's wall-clock terms
(day index, minutes after midnight); :func:`clock_rulers` gives each market's clock beside
the rep's. The widgets are :mod:`ui.week_canvas` (the canvas and its header, drawn by
:mod:`ui.week_paint`) and :mod:`ui.week_page` (the view around them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from planner.schedule import Schedule
from planner.timezones import local_to_utc, zone as time_zone

HOUR_H = 48      # a 15-minute block is 12 px: room for one line of text
GUTTER = 48
RULER_W = 46
HEADER_H = 6     # top margin of the canvas; day names live in WeekHeader
DAY_HEADER_H = 50
SNAP = 15


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


@dataclass(frozen=True)
class Ruler:
    """A clock beside the rep's: the markets whose wall clock reads the same all week.

    ``labels[day][hour]`` is (``HH:MM`` on their clock when the rep's clock reads ``hour``:00 on
    ``day``, their weekday when it is not the rep's, else "").
    """

    markets: tuple[str, ...]
    timezone: str
    labels: tuple[tuple[tuple[str, str], ...], ...]


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
    marks: dict[str, int] = field(default_factory=dict)  # market -> shape (ui.palette), the second cue
    rulers: list[Ruler] = field(default_factory=list)  # from ruler_offsets when not given

    def __post_init__(self):
        if not self.rulers and self.ruler_offsets:
            self.rulers = [offset_ruler(m, offset, self.monday) for m, offset in self.ruler_offsets.items()]

    def today(self) -> int | None:
        """The day index of ``now`` on the rep's clock, if it is in this week."""
        if self.now is None:
            return None
        day = (self.now.astimezone(time_zone(self.timezone)).date() - self.monday).days
        return day if 0 <= day < 7 else None


def local_date(date: dt.date, pattern: str) -> str:
    """A date in the app's language (``ddd d MMM``: Mon 15 Mar, lun. 15 mars)."""
    from PySide6.QtCore import QDate, QLocale

    return QLocale().toString(QDate(date.year, date.month, date.day), pattern)


def local_spans(spans, tz: str, monday: dt.date) -> list[tuple[int, int, int]]:
    """Epoch-minute spans as (day index, start, end) on ``tz``'s wall clock, split at midnight."""
    from planner.overlap import from_minute

    zone = time_zone(tz)
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


def _label(local: dt.datetime, rep_date: dt.date) -> tuple[str, str]:
    return (f"{local.hour:02d}:{local.minute:02d}", "" if local.date() == rep_date else local_date(local.date(), "ddd"))


def clock_rulers(rep_zone: str, monday: dt.date, markets: list[tuple[str, str]]) -> list[Ruler]:
    """One ruler per distinct clock among ``markets`` ((name, time zone) pairs), in the order of
    their clocks (furthest behind first); markets whose wall clock reads the same at every hour
    of the week share one, so twenty markets in four zones take four rulers, not twenty."""
    tables: dict[tuple, list[str]] = {}
    zones: dict[tuple, str] = {}
    instants = [[local_to_utc(monday + dt.timedelta(days=d), h * 60, rep_zone) for h in range(24)] for d in range(7)]
    for name, zone_name in markets:
        zone = time_zone(zone_name)
        table = tuple(tuple(_label(at.astimezone(zone), monday + dt.timedelta(days=d)) for at in hours)
                      for d, hours in enumerate(instants))
        tables.setdefault(table, []).append(name)
        zones.setdefault(table, zone_name)
    noon = dt.datetime.combine(monday + dt.timedelta(days=2), dt.time(12), dt.timezone.utc)
    order = sorted(tables, key=lambda t: (noon.astimezone(time_zone(zones[t])).utcoffset(), zones[t]))
    return [Ruler(tuple(sorted(tables[t])), zones[t], t) for t in order]


def offset_ruler(market: str, offset: int, monday: dt.date) -> Ruler:
    """A ruler for a clock a fixed ``offset`` minutes ahead of the rep's."""
    labels = []
    for d in range(7):
        row = []
        for h in range(24):
            shift, minutes = divmod(h * 60 + offset, 1440)
            weekday = local_date(monday + dt.timedelta(days=d + shift), "ddd") if shift else ""
            row.append((f"{minutes // 60:02d}:{minutes % 60:02d}", weekday))
        labels.append(tuple(row))
    return Ruler((market,), "", tuple(labels))


def __getattr__(name):
    # The widgets live in ui.week_canvas; older imports name them from here.
    if name in ("WeekCanvas", "WeekHeader"):
        from . import week_canvas
        return getattr(week_canvas, name)
    raise AttributeError(name)
