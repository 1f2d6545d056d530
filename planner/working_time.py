"""A rep's working time: the one definition every figure is built on.

Working time is the rep's declared hours (less public holidays) minus the
breaks the scheduler keeps free: the lunch break, on each day the rep works
through it. The optimiser's capacity, the shared hours of a rep and a market,
the week's hours that the workload rules check and the hours the Team view
shows all start from :func:`working_spans`, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt

from .model import Rep, Settings
from .overlap import Side, intersect, merge, side_minutes, to_minute, week_window
from .timezones import add_weeks, local_to_utc, week_monday


def lunch_spans(timezone: str, year: int, week: int, start: int, minutes: int) -> list[tuple[int, int]]:
    """The lunch break of each day of the week, as epoch-minute spans (none when ``minutes`` is 0)."""
    if not minutes:
        return []
    monday = week_monday(year, week)
    spans = []
    for d in range(7):
        begin = to_minute(local_to_utc(monday + dt.timedelta(days=d), start, timezone))
        spans.append((begin, begin + minutes))
    return spans


def _subtract(spans: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    holes = merge(holes)
    for start, end in spans:
        cursor = start
        for h_start, h_end in holes:
            if h_end <= cursor or h_start >= end:
                continue
            if h_start > cursor:
                out.append((cursor, h_start))
            cursor = max(cursor, h_end)
        if cursor < end:
            out.append((cursor, end))
    return out


def breaks(rep: Rep, settings: Settings, year: int, week: int, *, holidays: bool = True) -> list[tuple[int, int]]:
    """The breaks the scheduler keeps free in the rep's week: lunch, where the rep works through it."""
    window = week_window(rep.timezone, year, week)
    declared = side_minutes(rep.side, year, week, window, holidays=holidays)
    lunch = lunch_spans(rep.timezone, year, week, settings.lunch_start_minute, settings.lunch_minutes)
    return intersect(declared, merge(lunch))


def working_spans(rep: Rep, settings: Settings, year: int, week: int, *, holidays: bool = True,
                  around: int = 0) -> list[tuple[int, int]]:
    """The rep's working time in ISO week ``year-Wweek`` (and ``around`` weeks either side),
    as sorted epoch-minute spans: declared hours, less holidays and the lunch break."""
    spans = []
    for delta in range(-around, around + 1):
        y, w = add_weeks(year, week, delta)
        declared = side_minutes(rep.side, y, w, week_window(rep.timezone, y, w), holidays=holidays)
        spans += _subtract(declared, breaks(rep, settings, y, w, holidays=holidays))
    return merge(spans)


def working_hours(rep: Rep, settings: Settings, year: int, week: int, *, holidays: bool = True) -> float:
    """Hours of working time in the week."""
    return sum(e - s for s, e in working_spans(rep, settings, year, week, holidays=holidays)) / 60


def capacity_hours(rep: Rep, working: float) -> float:
    """The work a rep can take in a week: the lower of their maximum and their working time."""
    return min(float(rep.max_weekly_hours), working)


def shared_spans(rep: Rep, settings: Settings, market: Side, year: int, week: int, *,
                 holidays: bool = True) -> list[tuple[int, int]]:
    """The working time of ``rep`` that falls in ``market``'s business hours, in ISO week
    ``year-Wweek`` on the rep's clock: lunch taken out, as the optimiser and the scheduler see it.
    The market's hours are taken over the week widened by 2 days, as :func:`planner.overlap.overlap` does."""
    lo, hi = week_window(rep.timezone, year, week)
    market_spans = side_minutes(market, year, week, (lo - 2 * 1440, hi + 2 * 1440), holidays=holidays)
    return intersect(working_spans(rep, settings, year, week, holidays=holidays), market_spans)
