"""The fit table: what each rep and market share in the planning week.

For every rep and market: the hours they share (the rep's working time, lunch
taken out, against the market's business hours), whether the market's live
work fits in them, and the *fit*: the share of the market's business week the
rep can reach. A rep in the market's own zone on the same hours reaches nearly
all of it; a rep half a world away, a sliver. The optimiser prefers the better
fit once the value covered is settled.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from ..model import Scenario, Workload
from ..overlap import WeekMasks, spans_mask, week_masks
from ..schedule import block_minutes
from ..timezones import UTC, utc_offset_hours, week_monday
from ..working_time import capacity_hours, working_spans

EPS = 1e-9


@dataclass(frozen=True, slots=True)
class Fit:
    """One rep against one market in the planning week."""

    rep: str
    market: str
    overlap_hours: float   # shared hours, the rep's lunch break taken out
    market_hours: float    # the market's business hours that week
    live_hours: float
    async_hours: float

    @property
    def load_hours(self) -> float:
        return self.live_hours + self.async_hours

    @property
    def fits(self) -> bool:
        """The market's live work fits inside the hours the two share."""
        return self.live_hours <= self.overlap_hours + EPS

    @property
    def fit(self) -> float:
        """The share (0 to 1) of the market's business hours in which the rep works too."""
        return min(1.0, self.overlap_hours / self.market_hours) if self.market_hours > 0 else 0.0


@dataclass(frozen=True)
class FitTable:
    year: int
    week: int
    fits: dict[tuple[str, str], Fit]
    capacity: dict[str, float]      # hours a rep can take: see planner.working_time.capacity_hours
    available: dict[str, float]     # the rep's working time that week, in hours
    offsets: dict[str, float]       # each market's UTC offset mid-week, in hours
    shared: dict[tuple[str, str], int]  # minute masks of the shared hours (see WeekMasks)

    def get(self, rep: str, market: str) -> Fit:
        return self.fits[(rep, market)]


def fit_table(scenario: Scenario, year: int, week: int, *, holidays: bool = True) -> FitTable:
    """The fit of every rep with every market in ISO week ``year-Wweek``."""
    rep_sides = [r.side for r in scenario.reps]
    market_sides = [m.side for m in scenario.markets]
    # Markets only: a rep's mask here is their working time (below), not their declared hours.
    masks: WeekMasks = week_masks([], market_sides, year, week, holidays=holidays)
    midweek = dt.datetime.combine(week_monday(year, week) + dt.timedelta(days=2), dt.time(12), UTC)
    # Working time depends on the rep's side (zone, hours, holidays) and the team's lunch setting.
    # Distinct sides are numbered once (hashing a Side walks all its shifts), and each distinct
    # pair of patterns costs one AND.
    rep_pattern: dict[object, int] = {}
    working: list[int] = []
    for rep, side in zip(scenario.reps, rep_sides):
        if side not in rep_pattern:
            rep_pattern[side] = len(working)
            working.append(spans_mask(working_spans(rep, scenario.settings, year, week, holidays=holidays),
                                      masks.base))
    rep_ix = [rep_pattern[side] for side in rep_sides]
    market_pattern = {side: j for j, side in enumerate(masks.markets)}
    market_masks = list(masks.markets.values())
    market_ix = [market_pattern[side] for side in market_sides]
    monday = masks.base + 3 * 1440
    week_bits = ((1 << (7 * 1440)) - 1) << (monday - masks.base)  # the UTC week, for the market's hours
    market_hours = [(mask & week_bits).bit_count() / 60 for mask in market_masks]
    loads = [_blocks_workload(scenario, m) for m in scenario.markets]
    fits, shared = {}, {}
    both_of: dict[tuple[int, int], int] = {}
    for rep, i in zip(scenario.reps, rep_ix):
        rep_mask = working[i]
        for market, j, load in zip(scenario.markets, market_ix, loads):
            both = both_of.get((i, j))
            if both is None:
                both = both_of[(i, j)] = rep_mask & market_masks[j]
            shared[(rep.name, market.name)] = both
            fits[(rep.name, market.name)] = Fit(rep.name, market.name, both.bit_count() / 60, market_hours[j],
                                                load.live_hours, load.async_hours)
    available = {r.name: WeekMasks.hours(working[i]) for r, i in zip(scenario.reps, rep_ix)}
    capacity = {r.name: capacity_hours(r, available[r.name]) for r in scenario.reps}
    offsets = {m.name: utc_offset_hours(m.timezone, midweek) for m in scenario.markets}
    return FitTable(year, week, fits, capacity, available, offsets, shared)


def _blocks_workload(scenario: Scenario, market) -> Workload:
    """The market's weekly work as the scheduler places it: each block rounded up to whole
    15-minute slots (so a rep's load here is the load `check` reports for the same week)."""
    live = async_ = 0
    for name, count in market.weekly.items():
        activity = scenario.activity(name)
        minutes = count * block_minutes(activity.minutes)
        if activity.live:
            live += minutes
        else:
            async_ += minutes
    return Workload(live / 60, async_ / 60)


def mean_fit(table: FitTable, pairs: Iterable[tuple[str, str]]) -> float:
    """The average fit of the (rep, market) pairs of a plan (0 for an empty plan)."""
    values = [table.get(rep, market).fit for rep, market in pairs]
    return sum(values) / len(values) if values else 0.0
