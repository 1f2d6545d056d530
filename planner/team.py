"""The team's week: hours, flags and what-ifs per rep, built on schedules and rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence

from .i18n import _, number
from .model import Assignment, Scenario
from .overlap import from_minute, merge, to_minute, week_window
from .schedule import Schedule, build_week
from .timezones import add_weeks, format_week, in_zone
from .working_time import capacity_hours, working_hours, working_spans
from .workload import SEVERITY_ORDER, WorkloadFlag, average_flag, check_week, thresholds_for


Busy = Sequence[tuple[dt.datetime, dt.datetime]]
#: (busy per rep, pins per rep) for a week, as :func:`planner.calendars.calendar_inputs` gives them
CalendarInputs = Callable[[int, int], tuple[Mapping[str, Busy], Mapping[str, Mapping]]]


@dataclass(frozen=True)
class RepWeek:
    """One account of a rep's week: the figures ``check``, ``compare``, ``schedule``, ``export``
    and the Team and Workload views show all come from here.

    Hours of work count each block on the 15-minute grid, as the scheduler places it (a 20-minute
    activity takes 30 minutes), so ``load_hours`` (placed + unplaced) is the work assigned to the rep,
    the sum of their markets' weekly workload with each block rounded up to a quarter hour.
    """

    rep: str
    week: str
    working_hours: float        # working time: declared hours less holidays and lunch, plus blocks outside them
    capacity_hours: float       # planner.working_time.capacity_hours: what the optimiser plans against
    live_hours: float           # work placed, live
    async_hours: float          # work placed, async
    outside_hours: float        # hours of blocks outside the rep's hours
    unplaced_live_hours: float  # work that found no place
    unplaced_async_hours: float
    by_market: dict[str, float]
    flags: tuple[WorkloadFlag, ...]
    schedule: Schedule
    earliest_start: int | None  # local minutes after midnight, over the week's days
    latest_end: int | None      # may exceed 1440: the day ran past midnight

    @property
    def placed_hours(self) -> float:
        return self.live_hours + self.async_hours

    @property
    def unplaced_hours(self) -> float:
        return self.unplaced_live_hours + self.unplaced_async_hours

    @property
    def load_hours(self) -> float:
        """The work assigned: placed plus unplaced."""
        return self.placed_hours + self.unplaced_hours

    @property
    def flagged_rules(self) -> tuple[str, ...]:
        """The workload rules the week breaks, each once: what ``compare`` counts as a rep's flags."""
        return tuple(sorted({f.rule for f in self.flags}))

    @property
    def unplaced_blocks(self) -> int:
        return len(self.schedule.unplaced)

    @property
    def unplaced_reasons(self) -> tuple[str, ...]:
        """Each distinct reason once, as "Market Activity: reason", in the schedule's order."""
        return tuple(dict.fromkeys(f"{u.market} {u.activity}: {u.reason}" for u in self.schedule.unplaced))

    @property
    def risk(self) -> tuple:
        worst = min((SEVERITY_ORDER[f.severity] for f in self.flags), default=3)
        return (worst, -len(self.flags), -self.working_hours)

    def account(self) -> dict:
        """The figures, for JSON."""
        return {"working_hours": self.working_hours, "capacity_hours": self.capacity_hours,
                "placed_hours": self.placed_hours, "live_hours": self.live_hours, "async_hours": self.async_hours,
                "outside_hours": self.outside_hours, "unplaced_hours": self.unplaced_hours,
                "unplaced_live_hours": self.unplaced_live_hours, "unplaced_async_hours": self.unplaced_async_hours,
                "unplaced_blocks": self.unplaced_blocks, "unplaced_reasons": list(self.unplaced_reasons),
                "load_hours": self.load_hours}


def _span_of_days(spans, tz: str, lo: int, hi: int) -> tuple[int | None, int | None]:
    starts, ends = [], []
    for start, end in spans:
        if start >= hi or end <= lo:
            continue
        local = in_zone(from_minute(start), tz)
        midnight = to_minute(local.replace(hour=0, minute=0, second=0, microsecond=0))
        starts.append(start - midnight)
        ends.append(end - midnight)
    return (min(starts, default=None), max(ends, default=None))


def rep_week(scenario: Scenario, rep_name: str, year: int, week: int, *, stretch: bool = False,
             busy: Busy = (), pins: Mapping | None = None, markets=None, holidays: bool = True) -> RepWeek:
    """Schedule the rep's week and account for it: working time, work placed and not, flags."""
    rep = scenario.rep(rep_name)
    schedule = build_week(scenario, rep_name, year, week, busy=busy, pins=pins, stretch=stretch,
                          holidays=holidays, markets=markets)
    events = [(to_minute(e.start), to_minute(e.end)) for e in schedule.events]
    working = merge(working_spans(rep, scenario.settings, year, week, holidays=holidays, around=1) + events)
    lo, hi = week_window(rep.timezone, year, week)
    thresholds = thresholds_for(rep.rules, scenario.thresholds)
    flags = check_week(working, rep.timezone, year, week, rep.rules, thresholds, unplaced=schedule.unplaced)
    by_market: dict[str, float] = {}
    for e in schedule.events:
        by_market[e.market] = by_market.get(e.market, 0) + e.minutes / 60
    earliest, latest = _span_of_days(working, rep.timezone, lo, hi)
    return RepWeek(
        rep=rep.name, week=format_week(year, week),
        working_hours=sum(max(0, min(e, hi) - max(s, lo)) for s, e in working) / 60,
        capacity_hours=capacity_hours(rep, working_hours(rep, scenario.settings, year, week, holidays=holidays)),
        live_hours=schedule.live_hours, async_hours=schedule.async_hours, outside_hours=schedule.outside_hours,
        unplaced_live_hours=schedule.unplaced_live_hours, unplaced_async_hours=schedule.unplaced_async_hours,
        by_market=by_market, flags=tuple(flags), schedule=schedule,
        earliest_start=earliest, latest_end=latest)


def _inputs(calendars: CalendarInputs | None, year: int, week: int):
    return calendars(year, week) if calendars else ({}, {})


def team_week(scenario: Scenario, year: int, week: int, *, stretch: bool = False,
              holidays: bool = True, calendars: CalendarInputs | None = None) -> list[RepWeek]:
    """Every rep's week, the most at risk first."""
    busy, pins = _inputs(calendars, year, week)
    return by_risk(rep_week(scenario, r.name, year, week, stretch=stretch, holidays=holidays,
                            busy=busy.get(r.name, ()), pins=pins.get(r.name)) for r in scenario.reps)


def by_risk(weeks: Iterable[RepWeek]) -> list[RepWeek]:
    """The most at risk first; reps at equal risk keep their order."""
    return sorted(weeks, key=lambda w: w.risk)


def check(scenario: Scenario, year: int, week: int, *, weeks: int = 1, stretch: bool = False,
          rep: str | None = None, calendars: CalendarInputs | None = None) -> list[dict]:
    """Flags for each rep over ``weeks`` weeks from ``week``, with the rolling average.

    Each item: ``rep``, ``accounts`` (a :class:`RepWeek` per week), ``weekly_hours``, ``weeks`` and
    ``flags`` (each flag names its week).
    """
    out = []
    per_week = [(y, w, _inputs(calendars, y, w)) for y, w in (add_weeks(year, week, d) for d in range(weeks))]
    for r in scenario.reps:
        if rep and r.name != rep:
            continue
        accounts, flags = [], []
        for y, w, (busy, pins) in per_week:
            result = rep_week(scenario, r.name, y, w, stretch=stretch, busy=busy.get(r.name, ()),
                              pins=pins.get(r.name))
            accounts.append(result)
            flags += result.flags
        hours = [a.working_hours for a in accounts]
        names = [a.week for a in accounts]
        average = average_flag(hours, names, r.rules, thresholds_for(r.rules, scenario.thresholds))
        if average:
            flags.append(average)
        out.append({"rep": r.name, "accounts": accounts, "weekly_hours": hours, "weeks": names, "flags": flags})
    return out


def what_if(scenario: Scenario, rep_name: str, year: int, week: int, *, drop: str | None = None,
            add: str | None = None, stretch: bool = False) -> tuple[RepWeek, RepWeek]:
    """The rep's week as planned, and with one market dropped or added."""
    before = rep_week(scenario, rep_name, year, week, stretch=stretch)
    markets = [m for m in scenario.markets_of(rep_name) if m.name != drop]
    if add:
        markets.append(scenario.market(add))
    markets.sort(key=lambda m: (-m.value, m.name))
    after = rep_week(scenario, rep_name, year, week, stretch=stretch, markets=markets)
    return before, after


@dataclass(frozen=True)
class CoverChoice:
    """How "cover everything" gave a market nobody covered to a rep."""

    market: str
    rep: str
    shared_hours: float   # the rep's working time in the market's hours (lunch out)
    reason: str


def cover_choices(scenario: Scenario, year: int, week: int) -> list[CoverChoice]:
    """Markets nobody covers, each to the rep who shares the most working hours with it (lunch out,
    as the optimiser counts them), then to the one with the least work already assigned."""
    assigned = {a.market for a in scenario.assignments}
    todo = [m for m in scenario.markets if m.name not in assigned]
    if not todo:
        return []
    from .territories import fit_table  # shared hours and loads as the optimiser counts them

    table = fit_table(scenario, year, week)
    load = {r.name: 0.0 for r in scenario.reps}
    for a in scenario.assignments:
        load[a.rep] += table.get(a.rep, a.market).load_hours
    order = {r.name: i for i, r in enumerate(scenario.reps)}
    choices = []
    for market in todo:
        shared = {r.name: table.get(r.name, market.name).overlap_hours for r in scenario.reps}
        rep = max(shared, key=lambda name: (shared[name], -load[name], -order[name]))
        tied = [name for name in shared if name != rep and shared[name] == shared[rep]]
        if not shared[rep]:
            reason = _("no rep shares any hours with it; least work already assigned: {load} h").format(
                load=number(load[rep]))
        elif tied:
            reason = _("most shared hours: {shared} h, as many as {tied}; least work already assigned: {load} h").format(
                shared=number(shared[rep]), tied=", ".join(tied), load=number(load[rep]))
        else:
            reason = _("most shared hours: {shared} h").format(shared=number(shared[rep]))
        choices.append(CoverChoice(market.name, rep, shared[rep], reason))
        load[rep] += table.get(rep, market.name).load_hours
    return choices


def cover_everything(scenario: Scenario, year: int, week: int) -> Scenario:
    """Every market assigned, ignoring hours, as the story's company did (see :func:`cover_choices`)."""
    choices = cover_choices(scenario, year, week)
    return scenario.replace(assignments=list(scenario.assignments) + [Assignment(c.rep, c.market) for c in choices])


@dataclass(frozen=True)
class PlanComparison:
    rep: str
    everything: RepWeek   # all markets covered, stretched outside hours where needed
    optimised: RepWeek    # the optimised plan, also allowed to stretch (it should not need to)


def compare_plans(scenario: Scenario, optimised: Scenario, year: int, week: int, *,
                  calendars: CalendarInputs | None = None) -> list[PlanComparison]:
    """Per rep: what "cover everything" would cost against the optimised plan."""
    everything = cover_everything(scenario, year, week)
    busy, pins = _inputs(calendars, year, week)

    def account(s: Scenario, rep: str) -> RepWeek:
        return rep_week(s, rep, year, week, stretch=True, busy=busy.get(rep, ()), pins=pins.get(rep))
    return [PlanComparison(r.name, account(everything, r.name), account(optimised, r.name)) for r in scenario.reps]


def format_clock(minutes: int | None) -> str:
    """Local minutes after midnight as ``HH:MM``, ``+1`` when past midnight."""
    if minutes is None:
        return "-"
    days, rest = divmod(minutes, 1440)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    return text + (f" (+{days})" if days else "")
