"""Where to hire next: candidate reps in the markets' own zones, and what each would take."""

from __future__ import annotations

import time
from typing import Callable

from ..errors import PlannerError
from ..hours import Shift, WorkingHours, format_hours
from ..model import Rep, Scenario
from .fit import FitTable
from .plan import HireOption


def _candidate_hours(market_hours: WorkingHours) -> WorkingHours:
    days = sorted(market_hours.workdays) or [0, 1, 2, 3, 4]
    return WorkingHours(tuple(Shift(d, 9 * 60, 18 * 60) for d in days))


def hire_options(scenario: Scenario, table: FitTable, covered: set[str], year: int, week: int,
                 holidays: bool, *, budget: float = 30.0,
                 should_stop: Callable[[], bool] | None = None) -> tuple[HireOption, ...]:
    """Up to three different hires, most value first: for each UTC offset of the markets, a
    rep on 09:00-18:00 in the zone of its most valuable open market, given the open markets
    by the same optimiser (and the same schedule check) as the team, within ``budget`` seconds
    in all."""
    from .optimiser import optimise

    open_markets = [m for m in scenario.markets if m.name not in covered]
    if not open_markets:
        return ()
    by_offset: dict[float, list] = {}
    for m in scenario.markets:
        by_offset.setdefault(table.offsets[m.name], []).append(m)
    options = []
    deadline = time.perf_counter() + budget
    for i, offset in enumerate(sorted(by_offset)):
        left = deadline - time.perf_counter()
        if left <= 0 or (should_stop and should_stop()):
            break
        candidates = sorted(by_offset[offset], key=lambda m: (m.name in covered, -m.value, m.name))
        home = candidates[0]
        rep = Rep(f"New rep ({home.timezone})", home.timezone, home.country,
                  _candidate_hours(home.hours), max_weekly_hours=40, subdivision=home.subdivision)
        sub = Scenario("hire", scenario.activities, (rep,), tuple(open_markets), (), scenario.settings)
        try:
            plan = optimise(sub, year, week, time_limit=min(5.0, left / (len(by_offset) - i)), hire=False,
                            holidays=holidays, should_stop=should_stop)
        except PlannerError:
            continue
        if plan.assignments:
            shared = sum(a.overlap_hours for a in plan.assignments)
            options.append((HireOption(home.timezone, format_hours(rep.hours),
                                       tuple(a.market for a in plan.assignments), plan.value), shared))
    # Several zones often win the same markets: keep, per set of markets, the zone that
    # shares the most hours with them, so the three suggestions are three different choices.
    options.sort(key=lambda o: (-o[0].value, -o[1], o[0].timezone))
    distinct, seen = [], set()
    for option, _ in options:
        if frozenset(option.markets) not in seen:
            seen.add(frozenset(option.markets))
            distinct.append(option)
    return tuple(distinct[:3])
