"""A rep's week, built from the weekly workload of their markets.

Work is placed on a 15-minute grid that starts at Monday 00:00 on the rep's
wall clock. Live work (demos, calls) goes only where the rep's working hours
meet the market's business hours, outside both sides' public holidays and the
rep's busy times; it is spread across the days (the least-loaded day first),
never runs longer than ``max_live_run`` minutes back to back, and leaves a
lunch break free. Async work fills what is left of the rep's hours. Blocks
pinned by hand stay where they were put. Slots whose local time happens twice
(the autumn change) are never used, so every block has one unambiguous local
start and end.

In *stretch* mode, work that does not fit is placed outside the rep's hours,
as close to them as possible (for live work: inside the market's hours), and
marked ``outside_hours``: what covering everything would cost the rep.

The slots and the search for a free run of them are :mod:`planner.slots`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from .i18n import _, number
from .model import Market, Rep, Scenario
from .overlap import Side, from_minute, side_minutes, to_minute, week_window
from .timezones import format_week, is_ambiguous
from .slots import SLOT, Placer, longest_run, stretch_slot, week_grid
from .working_time import lunch_spans  # noqa: F401  (one definition of lunch, re-exported)


@dataclass(frozen=True)
class ScheduleOptions:
    max_live_run: int = 120        # minutes of live work back to back, at most
    lunch_start: int = 12 * 60     # local minutes after midnight
    lunch_minutes: int = 60
    stretch: bool = False

    @classmethod
    def of(cls, settings, stretch: bool = False) -> "ScheduleOptions":
        return cls(settings.max_live_run_minutes, settings.lunch_start_minute, settings.lunch_minutes, stretch)


@dataclass(frozen=True)
class Event:
    """One block of work. ``key`` (market, activity, n) names it across rebuilds."""

    rep: str
    market: str
    activity: str
    start: dt.datetime  # UTC
    end: dt.datetime
    live: bool
    outside_hours: bool = False
    pinned: bool = False
    n: int = 0          # the n-th block of this activity for this market, this week

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.market, self.activity, self.n)

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


@dataclass(frozen=True)
class Unplaced:
    """A block the week has no room for. ``minutes`` is the activity's length;
    :attr:`block_minutes` is what it would take on the 15-minute grid."""

    rep: str
    market: str
    activity: str
    minutes: int
    reason: str
    live: bool = True
    n: int = 0          # as :attr:`Event.n`: pinning ``key`` puts this block in the week

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.market, self.activity, self.n)

    @property
    def block_minutes(self) -> int:
        return block_minutes(self.minutes)


def block_minutes(minutes: int) -> int:
    """A block of ``minutes`` on the grid: rounded up to whole 15-minute slots, as it is placed."""
    return -(-minutes // SLOT) * SLOT


@dataclass(frozen=True)
class Schedule:
    rep: str
    week: str
    events: tuple[Event, ...]
    unplaced: tuple[Unplaced, ...]

    # Hours of work, each block counted on the 15-minute grid (as placed, or as it would be).
    @property
    def live_hours(self) -> float:
        return sum(e.minutes for e in self.events if e.live) / 60

    @property
    def async_hours(self) -> float:
        return sum(e.minutes for e in self.events if not e.live) / 60

    @property
    def outside_hours(self) -> float:
        return sum(e.minutes for e in self.events if e.outside_hours) / 60

    @property
    def unplaced_live_hours(self) -> float:
        return unplaced_hours(self.unplaced, live=True)

    @property
    def unplaced_async_hours(self) -> float:
        return unplaced_hours(self.unplaced, live=False)


def unplaced_hours(unplaced: Iterable[Unplaced], *, live: bool) -> float:
    """Hours of the live (or async) blocks that found no place, each on the 15-minute grid."""
    return sum(u.block_minutes for u in unplaced if u.live == live) / 60


def _blocks(scenario: Scenario, markets: Sequence[Market], live: bool) -> list[tuple[Market, str, int, int]]:
    """(market, activity, n, minutes): longest blocks first (short ones fill the gaps the long ones
    leave, where the other way round a week of 15-minute follow-ups leaves no free hour for a
    proposal), and within a length in a fair order: the n-th block of every market in turn."""
    per_market = []
    for market in markets:
        items = []
        for activity in scenario.activities:
            if activity.live == live:
                items += [(market, activity.name, n, activity.minutes) for n in range(market.weekly.get(activity.name, 0))]
        per_market.append(items)
    ordered = []
    for i in range(max((len(x) for x in per_market), default=0)):
        ordered += [items[i] for items in per_market if i < len(items)]
    ordered.sort(key=lambda block: -block_minutes(block[3]))  # stable: fair within a length
    return ordered


def build_week(scenario: Scenario, rep_name: str, year: int, week: int, *,
               busy: Sequence[tuple[dt.datetime, dt.datetime]] = (),
               pins: Mapping[tuple[str, str, int], dt.datetime] | None = None,
               stretch: bool = False, holidays: bool = True,
               markets: Sequence[Market] | None = None) -> Schedule:
    """Place the weekly work of ``rep_name``'s markets (or of ``markets``) in ISO week ``year-Wweek``.

    Deterministic: the same inputs give the same week. ``busy`` are UTC
    intervals the rep is not free (imported meetings); ``pins`` fix blocks,
    by key, at a UTC start.
    """
    rep = scenario.rep(rep_name)
    options = ScheduleOptions.of(scenario.settings, stretch)
    if markets is None:
        markets = sorted(scenario.markets_of(rep_name), key=lambda m: (-m.value, m.name))
    grid = week_grid(rep, year, week, busy, options, holidays)
    placer = Placer(grid, options)
    lo, hi = grid.start, grid.start + grid.count * SLOT
    wide = (lo - 2 * 1440, hi + 2 * 1440)
    market_hours = {m.name: grid.mask_of(side_minutes(m.side, year, week, wide, holidays=holidays)) for m in markets}
    events: list[Event] = []
    unplaced: list[Unplaced] = []
    pins = dict(pins or {})

    def add(market: Market, activity: str, n: int, slot: int, length: int, live: bool, pinned: bool) -> None:
        block = ((1 << length) - 1) << slot
        start = from_minute(grid.start + slot * SLOT)
        event = Event(rep.name, market.name, activity, start, start + dt.timedelta(minutes=length * SLOT), live,
                      outside_hours=(block & grid.rep_hours) != block, pinned=pinned, n=n)
        events.append(event)

    live_blocks = _blocks(scenario, markets, True)
    async_blocks = _blocks(scenario, markets, False)
    live_left: dict[str, int] = {}
    for market, *_rest in live_blocks:
        live_left[market.name] = live_left.get(market.name, 0) + 1
    contested = len(live_left) > 1
    if contested:
        placer.want(grid.rep_hours & grid.usable & market_hours[name] for name in live_left)
    # Pinned blocks first: the rep put them there.
    for market, activity, n, minutes in live_blocks + async_blocks:
        at = pins.get((market.name, activity, n))
        if at is not None:
            slot = grid.slot_of(to_minute(at))
            length = -(-minutes // SLOT)
            block = ((1 << length) - 1) << max(slot, 0)
            if 0 <= slot and slot + length <= grid.count and not block & placer.used:
                live = scenario.activity(activity).live
                placer.take(slot, length, live)
                add(market, activity, n, slot, length, live, True)
            else:  # off the week, or on top of another pin: placed like any other block
                pins.pop((market.name, activity, n))
    for blocks, live in ((live_blocks, True), (async_blocks, False)):
        for market, activity, n, minutes in blocks:
            if live and contested:
                live_left[market.name] -= 1
                if not live_left[market.name]:  # its last live block: its slots are free for the rest
                    placer.want([grid.rep_hours & grid.usable & market_hours[market.name]], -1)
            if (market.name, activity, n) in pins:
                continue
            length = -(-minutes // SLOT)
            inside = grid.rep_hours & grid.usable & (market_hours[market.name] if live else ~0)
            slot = placer.find(inside, length, live)
            if slot is None and options.stretch:
                slot = stretch_slot(placer, grid, market_hours[market.name] if live else None, length, live)
            if slot is None:
                unplaced.append(Unplaced(rep.name, market.name, activity, minutes,
                                         _reason(placer, market_hours[market.name], live, market, rep,
                                                 activity, length, year, week), live, n))
                continue
            placer.take(slot, length, live)
            add(market, activity, n, slot, length, live, False)
    events.sort(key=lambda e: (e.start, e.market, e.activity, e.n))
    return Schedule(rep.name, format_week(year, week), tuple(events), tuple(unplaced))


def freeze(schedule: Schedule) -> dict[tuple[str, str, int], dt.datetime]:
    """Pins that keep every block of the week where it is."""
    return {e.key: e.start for e in schedule.events}


def check_move(scenario: Scenario, schedule: Schedule, key: tuple[str, str, int], start: dt.datetime, *,
               holidays: bool = True) -> str | None:
    """Why a block cannot be moved to ``start`` (a UTC instant), or None if it can.

    ``key`` names a block of the week or one that could not be placed (putting it in the week by
    hand). The start must be on the 15-minute grid of the rep's week, the block must not overlap
    another one, and live work must stay inside the prospect's business hours (outside the rep's
    own hours is allowed, and marked).
    """
    found = _block(schedule, key)
    if found is None:
        return "that block is not in this week"
    minutes, live = found
    rep = scenario.rep(schedule.rep)
    year, week = (int(x) for x in schedule.week.split("-W"))
    lo, hi = week_window(rep.timezone, year, week)
    begin = to_minute(start)
    end = begin + minutes
    if (begin - lo) % SLOT:
        return _("blocks start on a quarter hour")
    if begin < lo or end > hi:
        return _("that is outside this week")
    for other in schedule.events:
        if other.key != key and to_minute(other.start) < end and begin < to_minute(other.end):
            return _("it would overlap {activity} for {market}").format(activity=other.activity, market=other.market)
    if is_ambiguous(start, rep.timezone) or is_ambiguous(from_minute(end), rep.timezone):
        return _("that local time happens twice (the clocks go back)")
    if live:
        market = scenario.market(key[0])
        spans = side_minutes(market.side, year, week, (lo - 2880, hi + 2880), holidays=holidays)
        if not any(a <= begin and end <= b for a, b in spans):
            return _("live work must be inside {market}'s business hours").format(market=market.name)
    return None


def _block(schedule: Schedule, key: tuple[str, str, int]) -> tuple[int, bool] | None:
    """(minutes on the grid, live) of the placed or unplaced block ``key``."""
    for e in schedule.events:
        if e.key == key:
            return e.minutes, e.live
    for u in schedule.unplaced:
        if u.key == key:
            return u.block_minutes, u.live
    return None


def free_start(scenario: Scenario, schedule: Schedule, key: tuple[str, str, int], *,
               busy: Sequence[tuple[dt.datetime, dt.datetime]] = (), holidays: bool = True) -> dt.datetime | None:
    """Where the scheduler would put block ``key`` among the week's blocks as they stand (a UTC
    start), or None if no free time is left for it.

    As :func:`build_week` places a block, in stretch mode: in the rep's working hours (for live
    work, inside the market's business hours too) on the least-loaded day, clear of lunch, busy
    times and the back-to-back limit; failing that, outside the rep's hours as near to them as it
    can be. A start it gives is one :func:`check_move` accepts.
    """
    found = _block(schedule, key)
    if found is None:
        return None
    minutes, live = found
    rep = scenario.rep(schedule.rep)
    year, week = (int(x) for x in schedule.week.split("-W"))
    options = ScheduleOptions.of(scenario.settings, stretch=True)
    grid = week_grid(rep, year, week, busy, options, holidays)
    placer = Placer(grid, options)
    for e in schedule.events:
        if e.key != key:
            placer.take(grid.slot_of(to_minute(e.start)), e.minutes // SLOT, e.live)
    lo, hi = grid.start, grid.start + grid.count * SLOT
    market = scenario.market(key[0])
    market_mask = grid.mask_of(side_minutes(market.side, year, week, (lo - 2880, hi + 2880), holidays=holidays))
    length = minutes // SLOT
    slot = placer.find(grid.rep_hours & grid.usable & (market_mask if live else ~0), length, live)
    if slot is None:
        slot = stretch_slot(placer, grid, market_mask if live else None, length, live)
    return None if slot is None else from_minute(grid.start + slot * SLOT)


def _reason(placer: Placer, market_mask: int, live: bool, market: Market, rep: Rep, activity: str,
            length: int, year: int, week: int) -> str:
    """Why a block found no place, naming the real cause: hours that never were there, hours all
    taken ("no hours left"), or free time only in pieces too short ("no gap long enough left")."""
    grid = placer.grid
    minutes = length * SLOT
    if not live:
        free = grid.rep_hours & grid.usable & ~placer.used
        if not free:
            return _("no working hours left in {rep}'s week").format(rep=rep.name)
        return _("no free stretch of {minutes} min left in {rep}'s working hours (the longest is {longest} min)").format(
            minutes=minutes, rep=rep.name, longest=longest_run(free) * SLOT)
    shared = grid.rep_hours & market_mask
    if not shared:
        lo, hi = grid.start, grid.start + grid.count * SLOT
        without = grid.mask_of(side_minutes(Side(rep.timezone, rep.hours), year, week, (lo, hi), holidays=False)) & \
            grid.mask_of(side_minutes(Side(market.timezone, market.hours), year, week,
                                      (lo - 2880, hi + 2880), holidays=False))
        if without:
            return _("public holidays take all the hours {rep} shares with {market} this week").format(
                rep=rep.name, market=market.name)
        return _("{rep}'s working hours never meet {market}'s business hours").format(rep=rep.name, market=market.name)
    if not shared & ~grid.busy:
        return _("{rep}'s calendar is busy in all the hours shared with {market}").format(rep=rep.name,
                                                                                          market=market.name)
    longest = longest_run(shared & grid.usable) * SLOT
    if longest < minutes:
        return _("the longest stretch of hours {rep} shares with {market} is {longest} min, too short for a "
                 "{minutes}-min {activity}").format(rep=rep.name, market=market.name, longest=longest,
                                                    minutes=minutes, activity=activity)
    free = shared & grid.usable & ~placer.used
    if not free:
        return _("no hours left: other work takes all the hours {rep} shares with {market}").format(
            rep=rep.name, market=market.name)
    longest_free = longest_run(free) * SLOT
    if longest_free < minutes:
        return _("no gap long enough left: {hours} h of shared hours with {market} are free, in pieces of at most "
                 "{longest} min, too short for a {minutes}-min {activity}").format(
            hours=number(bin(free).count("1") * SLOT / 60), market=market.name, longest=longest_free,
            minutes=minutes, activity=activity)
    return _("no gap long enough left: every free stretch shared with {market} would make live work run past the "
             "{limit}-min back-to-back limit").format(market=market.name, limit=placer.options.max_live_run)
