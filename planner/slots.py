"""The rep's week as 15-minute slots, and the placer that finds where a block goes.

Sets of slots are Python ints used as bit masks (bit ``i`` = slot ``i``), so
finding where a block fits is a handful of shifts and ANDs. Used by
:mod:`planner.schedule`, which decides what to place and in which order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Sequence

from .model import Rep
from .overlap import from_minute, side_minutes, to_minute, week_window
from .timezones import is_ambiguous, local_to_utc, utc_offset_hours, week_monday
from .working_time import lunch_spans

if TYPE_CHECKING:
    from .schedule import ScheduleOptions

SLOT = 15  # minutes


@dataclass
class Grid:
    """The rep's week as slots, with the masks placement needs."""

    start: int          # epoch minute of slot 0
    count: int
    day_masks: list[int]
    rep_hours: int
    usable: int         # not ambiguous, not lunch, not busy
    lunch: int
    busy: int = 0

    def slot_of(self, minute: int) -> int:
        return (minute - self.start) // SLOT

    def mask_of(self, spans: Iterable[tuple[int, int]]) -> int:
        """Slots lying wholly inside the spans (epoch minutes)."""
        mask = 0
        for start, end in spans:
            first = max(0, -(-(start - self.start) // SLOT))
            last = min(self.count, (end - self.start) // SLOT)
            if last > first:
                mask |= ((1 << (last - first)) - 1) << first
        return mask

    def touching(self, spans: Iterable[tuple[int, int]]) -> int:
        """Slots that overlap the spans at all."""
        mask = 0
        for start, end in spans:
            first = max(0, (start - self.start) // SLOT)
            last = min(self.count, -(-(end - self.start) // SLOT))
            if last > first:
                mask |= ((1 << (last - first)) - 1) << first
        return mask


def runs_of(mask: int, length: int) -> int:
    """Start slots of ``length`` consecutive set bits."""
    starts = mask
    for i in range(1, length):
        starts &= mask >> i
    return starts


def dilate(mask: int, steps: int, count: int) -> int:
    for _ in range(steps):
        mask |= (mask << 1) | (mask >> 1)
    return mask & ((1 << count) - 1)


def week_grid(rep: Rep, year: int, week: int, busy: Sequence[tuple[dt.datetime, dt.datetime]],
          options: ScheduleOptions, holidays: bool) -> Grid:
    lo, hi = week_window(rep.timezone, year, week)
    count = (hi - lo) // SLOT
    grid = Grid(lo, count, [], 0, 0, 0, 0)
    monday = week_monday(year, week)
    midnights = [to_minute(local_to_utc(monday + dt.timedelta(days=d), 0, rep.timezone)) for d in range(8)]
    grid.day_masks = [grid.mask_of([(midnights[d], midnights[d + 1])]) for d in range(7)]
    grid.rep_hours = grid.mask_of(side_minutes(rep.side, year, week, (lo, hi), holidays=holidays))
    # Lunch is kept only on days the rep works through it.
    grid.lunch = grid.mask_of(lunch_spans(rep.timezone, year, week, options.lunch_start,
                                          options.lunch_minutes)) & grid.rep_hours
    ambiguous = 0
    if offset_changes(rep.timezone, lo, hi):  # only a week with a clock change has such slots
        for slot in range(count):
            start = from_minute(lo + slot * SLOT)
            if is_ambiguous(start, rep.timezone) or is_ambiguous(start + dt.timedelta(minutes=SLOT), rep.timezone):
                ambiguous |= 1 << slot
    busy_mask = grid.touching((to_minute(s), -(-int(e.timestamp()) // 60)) for s, e in busy)
    grid.usable = ((1 << count) - 1) & ~ambiguous & ~grid.lunch & ~busy_mask
    grid.busy = busy_mask
    return grid


def offset_changes(tz: str, lo: int, hi: int) -> bool:
    return utc_offset_hours(tz, from_minute(lo)) != utc_offset_hours(tz, from_minute(hi - 1))


@dataclass
class Placer:
    grid: Grid
    options: ScheduleOptions
    used: int = 0
    live_used: int = 0
    day_load: list[int] = field(default_factory=lambda: [0] * 7)
    # demand[i]: how many of the week's markets could hold live work in slots before i (a
    # prefix sum), so a live block goes where it takes the fewest slots other markets need.
    demand: list[int] = field(default_factory=list)
    day_of: list[int] = field(default_factory=list)
    per_slot: list[int] = field(default_factory=list)

    def want(self, masks: Iterable[int], sign: int = 1) -> None:
        """Count the slots where each market's live work could go (``sign`` -1: a market whose
        live work is all placed no longer needs them): the most contested are used last."""
        count = self.grid.count
        if not self.per_slot:
            self.per_slot = [0] * count
            self.day_of = [0] * count
            for day, mask in enumerate(self.grid.day_masks):
                while mask:
                    low = mask & -mask
                    self.day_of[low.bit_length() - 1] = day
                    mask ^= low
        for mask in masks:
            while mask:
                low = mask & -mask
                i = low.bit_length() - 1
                if i < count:
                    self.per_slot[i] += sign
                mask ^= low
        self.demand = [0] * (count + 1)
        for i, n in enumerate(self.per_slot):
            self.demand[i + 1] = self.demand[i] + n

    def _run_ok(self, slot: int, length: int) -> bool:
        """The block would not make live work run longer than allowed."""
        live = self.live_used | (((1 << length) - 1) << slot)
        left, right = slot, slot + length
        while left > 0 and live >> (left - 1) & 1:
            left -= 1
        while right < self.grid.count and live >> right & 1:
            right += 1
        return (right - left) * SLOT <= self.options.max_live_run

    def find(self, allowed: int, length: int, live: bool) -> int | None:
        """The start slot on the least-loaded day with room, earliest first; for live work, in
        the slots the week's other markets need least, then so."""
        starts = runs_of(allowed & ~self.used, length)
        if not starts:
            return None
        if live and self.demand:
            return self._least_contested(starts, length)
        for day in sorted(range(7), key=lambda d: (self.day_load[d], d)):
            candidates = starts & self.grid.day_masks[day]
            while candidates:
                slot = (candidates & -candidates).bit_length() - 1
                if not live or self._run_ok(slot, length):
                    return slot
                candidates &= candidates - 1
        return None

    def _least_contested(self, starts: int, length: int) -> int | None:
        demand, day_of, load = self.demand, self.day_of, self.day_load
        ranked = []
        while starts:
            low = starts & -starts
            slot = low.bit_length() - 1
            ranked.append((demand[slot + length] - demand[slot], load[day_of[slot]], slot))
            starts ^= low
        ranked.sort()
        return next((slot for _, _, slot in ranked if self._run_ok(slot, length)), None)

    def take(self, slot: int, length: int, live: bool) -> None:
        block = ((1 << length) - 1) << slot
        self.used |= block
        if live:
            self.live_used |= block
        for day, mask in enumerate(self.grid.day_masks):
            if mask >> slot & 1:
                self.day_load[day] += length * SLOT
                break


def stretch_slot(placer: Placer, grid: Grid, market_mask: int | None, length: int, live: bool) -> int | None:
    """Outside the rep's hours, as near to them as it can be."""
    allowed = grid.usable & (market_mask if live else (1 << grid.count) - 1)
    if not runs_of(allowed & ~placer.used, length):
        return None
    near = grid.rep_hours
    for steps in range(0, grid.count, 2):
        zone = dilate(near, steps, grid.count)
        slot = placer.find(allowed & zone, length, live)
        if slot is not None:
            return slot
    return placer.find(allowed, length, live)


def longest_run(mask: int) -> int:
    longest = 0
    while mask:
        longest += 1
        mask &= mask >> 1
    return longest
