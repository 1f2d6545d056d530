"""When can a rep and a market talk? Exact UTC overlap of two weekly patterns.

The week is Monday 00:00 to the next Monday 00:00 on the rep's wall clock.
Each side's shifts become UTC instants through :mod:`planner.timezones`
(so DST gaps and folds follow RFC 5545). A public holiday of a side cancels
that side's shifts starting on that local date.

Instants are handled internally as whole minutes since the Unix epoch.
:func:`overlap_matrix` computes each distinct (zone, hours, holidays) pattern
once, as a bit mask with one bit per minute, so a pair costs one AND and one
bit count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from .hours import WorkingHours
from .public_holidays import holidays_between
from .timezones import UTC, local_to_utc, week_monday

EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)
DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Side:
    """One party's availability: hours on a zone's wall clock, and its holidays."""

    timezone: str
    hours: WorkingHours
    country: str | None = None
    subdivision: str | None = None


@dataclass(frozen=True)
class Interval:
    start: dt.datetime  # aware, UTC
    end: dt.datetime

    @property
    def hours(self) -> float:
        return (self.end - self.start).total_seconds() / 3600


@dataclass(frozen=True)
class Overlap:
    hours: float
    intervals: tuple[Interval, ...]


def to_minute(instant: dt.datetime) -> int:
    return int(instant.timestamp()) // 60


def from_minute(minute: int) -> dt.datetime:
    return EPOCH + dt.timedelta(minutes=minute)


def week_window(timezone: str, year: int, week: int) -> tuple[int, int]:
    """The ISO week on ``timezone``'s wall clock, as epoch minutes [start, end)."""
    monday = week_monday(year, week)
    return (to_minute(local_to_utc(monday, 0, timezone)), to_minute(local_to_utc(monday + 7 * DAY, 0, timezone)))


def side_minutes(side: Side, year: int, week: int, window: tuple[int, int], *, holidays: bool = True) -> list[tuple[int, int]]:
    """The side's working time inside ``window``, as sorted epoch-minute spans.

    Shifts of the weeks before and after are included, since a zone far from
    the window's own can reach into it, and so can a shift past midnight.
    """
    lo, hi = window
    monday = week_monday(year, week)
    first, last = monday - 8 * DAY, monday + 14 * DAY
    off = holidays_between(side.country, side.subdivision, first, last) if holidays else {}
    spans = []
    for offset in range(-8, 15):
        day = monday + offset * DAY
        if day in off:
            continue
        weekday = day.weekday()
        for shift in side.hours.shifts:
            if shift.day != weekday:
                continue
            start = to_minute(local_to_utc(day, shift.start, side.timezone))
            end = to_minute(local_to_utc(day, shift.end, side.timezone))
            start, end = max(start, lo), min(end, hi)
            if start < end:
                spans.append((start, end))
    return merge(spans)


def merge(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, with overlapping or touching spans joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def intersect(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Intersection of two sorted lists of disjoint spans."""
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start < end:
            out.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def overlap(rep: Side, market: Side, year: int, week: int, *, holidays: bool = True) -> Overlap:
    """The UTC intervals of ISO week ``year-Wweek`` in which both sides work."""
    window = week_window(rep.timezone, year, week)
    wide = (window[0] - 2 * 1440, window[1] + 2 * 1440)
    spans = intersect(
        side_minutes(rep, year, week, window, holidays=holidays),
        side_minutes(market, year, week, wide, holidays=holidays),
    )
    intervals = tuple(Interval(from_minute(s), from_minute(e)) for s, e in spans)
    return Overlap(sum(e - s for s, e in spans) / 60, intervals)


@dataclass(frozen=True)
class OverlapMatrix:
    """Weekly overlap hours, ``hours[i][j]`` for rep ``i`` and market ``j``."""

    reps: tuple[str, ...]
    markets: tuple[str, ...]
    hours: tuple[tuple[float, ...], ...]

    def get(self, rep: str, market: str) -> float:
        return self.hours[self.reps.index(rep)][self.markets.index(market)]


def spans_mask(spans: list[tuple[int, int]], base: int) -> int:
    mask = 0
    for start, end in spans:
        mask |= ((1 << (end - start)) - 1) << (start - base)
    return mask


@dataclass(frozen=True)
class WeekMasks:
    """Each distinct side's working minutes in one week, as bit masks.

    Bit ``k`` stands for the minute ``base + k`` (epoch minutes). A rep's mask
    is clipped to the rep's own week; a market's spans every zone's week.
    ``popcount(reps[a] & markets[b]) / 60`` is their overlap in hours.
    """

    base: int
    reps: dict[Side, int]
    markets: dict[Side, int]

    @staticmethod
    def hours(mask: int) -> float:
        return mask.bit_count() / 60


def week_masks(rep_sides, market_sides, year: int, week: int, *, holidays: bool = True) -> WeekMasks:
    """Masks for the distinct sides among ``rep_sides`` and ``market_sides``."""
    monday = to_minute(dt.datetime.combine(week_monday(year, week), dt.time(), UTC))
    # Every zone's week lies within two days of the UTC one.
    wide = (monday - 3 * 1440, monday + 10 * 1440)
    base = wide[0]
    reps = {}
    for side in rep_sides:
        if side not in reps:
            window = week_window(side.timezone, year, week)
            reps[side] = spans_mask(side_minutes(side, year, week, window, holidays=holidays), base)
    markets = {}
    for side in market_sides:
        if side not in markets:
            markets[side] = spans_mask(side_minutes(side, year, week, wide, holidays=holidays), base)
    return WeekMasks(base, reps, markets)


def overlap_matrix(
    reps: Sequence[tuple[str, Side]],
    markets: Sequence[tuple[str, Side]],
    year: int,
    week: int,
    *,
    holidays: bool = True,
) -> OverlapMatrix:
    """Overlap hours of every rep with every market in one week.

    Equal to calling :func:`overlap` per pair, but each distinct side is
    converted to instants once, and each distinct pair of sides counted once.
    """
    masks = week_masks([s for _, s in reps], [s for _, s in markets], year, week, holidays=holidays)
    distinct = list(masks.markets.values())
    column = {side: k for k, side in enumerate(masks.markets)}
    picks = [column[side] for _, side in markets]
    row_of: dict[Side, tuple[float, ...]] = {}
    for side, rep_mask in masks.reps.items():
        hours = [(rep_mask & m).bit_count() / 60 for m in distinct]
        row_of[side] = tuple(hours[k] for k in picks)
    rows = [row_of[side] for _, side in reps]
    return OverlapMatrix(tuple(n for n, _ in reps), tuple(n for n, _ in markets), tuple(rows))
