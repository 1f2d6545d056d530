"""The team's week: hours, flags and what-ifs per rep, built on schedules and rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Mapping, Sequence

from .model import Assignment, Scenario
from .overlap import from_minute, to_minute
from .schedule import Schedule, build_week
from .timezones import add_weeks, format_week, in_zone
from .overlap import merge
from .workload import SEVERITY_ORDER, WorkloadFlag, average_flag, check_week, declared_spans, thresholds_for


@dataclass(frozen=True)
class RepWeek:
    rep: str
    week: str
    planned_hours: float     # declared hours plus blocks outside them
    live_hours: float
    async_hours: float
    outside_hours: float     # hours of blocks outside the rep's hours
    by_market: dict[str, float]
    flags: tuple[WorkloadFlag, ...]
    schedule: Schedule
    earliest_start: int | None  # local minutes after midnight, over the week's days
    latest_end: int | None      # may exceed 1440: the day ran past midnight

    @property
    def risk(self) -> tuple:
        worst = min((SEVERITY_ORDER[f.severity] for f in self.flags), default=3)
        return (worst, -len(self.flags), -self.planned_hours)


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
             busy: Sequence[tuple[dt.datetime, dt.datetime]] = (), pins: Mapping | None = None,
             markets=None, holidays: bool = True) -> RepWeek:
    """Schedule the rep's week and check it against their workload rules."""
    rep = scenario.rep(rep_name)
    schedule = build_week(scenario, rep_name, year, week, busy=busy, pins=pins, stretch=stretch,
                          holidays=holidays, markets=markets)
    events = [(to_minute(e.start), to_minute(e.end)) for e in schedule.events]
    planned = merge(declared_spans(rep, year, week, holidays=holidays) + events)
    from .overlap import week_window
    lo, hi = week_window(rep.timezone, year, week)
    thresholds = thresholds_for(rep.rules, scenario.thresholds)
    flags = check_week(planned, rep.timezone, year, week, rep.rules, thresholds)
    by_market: dict[str, float] = {}
    for e in schedule.events:
        by_market[e.market] = by_market.get(e.market, 0) + e.minutes / 60
    earliest, latest = _span_of_days(planned, rep.timezone, lo, hi)
    return RepWeek(
        rep=rep.name, week=format_week(year, week),
        planned_hours=sum(max(0, min(e, hi) - max(s, lo)) for s, e in planned) / 60,
        live_hours=sum(e.minutes for e in schedule.events if e.live) / 60,
        async_hours=sum(e.minutes for e in schedule.events if not e.live) / 60,
        outside_hours=sum(e.minutes for e in schedule.events if e.outside_hours) / 60,
        by_market=by_market, flags=tuple(flags), schedule=schedule,
        earliest_start=earliest, latest_end=latest)


def team_week(scenario: Scenario, year: int, week: int, *, stretch: bool = False,
              holidays: bool = True) -> list[RepWeek]:
    """Every rep's week, the most at risk first."""
    weeks = [rep_week(scenario, r.name, year, week, stretch=stretch, holidays=holidays) for r in scenario.reps]
    return sorted(weeks, key=lambda w: w.risk)


def check(scenario: Scenario, year: int, week: int, *, weeks: int = 1, stretch: bool = False,
          rep: str | None = None) -> list[dict]:
    """Flags for each rep over ``weeks`` weeks from ``week``, with the rolling average."""
    out = []
    for r in scenario.reps:
        if rep and r.name != rep:
            continue
        hours, names, flags = [], [], []
        for delta in range(weeks):
            y, w = add_weeks(year, week, delta)
            result = rep_week(scenario, r.name, y, w, stretch=stretch)
            hours.append(result.planned_hours)
            names.append(result.week)
            flags += result.flags
        average = average_flag(hours, names, r.rules, thresholds_for(r.rules, scenario.thresholds))
        if average:
            flags.append(average)
        out.append({"rep": r.name, "hours": hours[0], "weekly_hours": hours, "weeks": names, "flags": flags})
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


def cover_everything(scenario: Scenario, year: int, week: int) -> Scenario:
    """Every market assigned, ignoring hours, as the story's company did: markets nobody
    covers go to the rep who shares the most hours with them (then the least loaded)."""
    from .overlap import overlap_matrix

    matrix = overlap_matrix([(r.name, r.side) for r in scenario.reps],
                            [(m.name, m.side) for m in scenario.markets], year, week)
    assignments = list(scenario.assignments)
    covered = {a.market for a in assignments}
    load = {r.name: 0.0 for r in scenario.reps}
    for a in assignments:
        load[a.rep] += scenario.workload(scenario.market(a.market)).total_hours
    for j, market in enumerate(scenario.markets):
        if market.name in covered:
            continue
        best = max(range(len(scenario.reps)), key=lambda i: (matrix.hours[i][j], -load[scenario.reps[i].name], -i))
        rep = scenario.reps[best].name
        assignments.append(Assignment(rep, market.name))
        load[rep] += scenario.workload(market).total_hours
    return scenario.replace(assignments=assignments)


@dataclass(frozen=True)
class PlanComparison:
    rep: str
    everything: RepWeek   # all markets covered, stretched outside hours where needed
    optimised: RepWeek    # the optimised plan, also allowed to stretch (it should not need to)


def compare_plans(scenario: Scenario, optimised: Scenario, year: int, week: int) -> list[PlanComparison]:
    """Per rep: what "cover everything" would cost against the optimised plan."""
    everything = cover_everything(scenario, year, week)
    return [PlanComparison(r.name, rep_week(everything, r.name, year, week, stretch=True),
                           rep_week(optimised, r.name, year, week, stretch=True)) for r in scenario.reps]


def format_clock(minutes: int | None) -> str:
    """Local minutes after midnight as ``HH:MM``, ``+1`` when past midnight."""
    if minutes is None:
        return "-"
    days, rest = divmod(minutes, 1440)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    return text + (f" (+{days})" if days else "")
