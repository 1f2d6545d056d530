"""Week builder: 100 reps x 13 weeks, and the same weeks checked against the workload rules.

``python -m benchmarks.bench_schedule``

Markets are assigned by the greedy planner first, so each rep carries a
realistic load. The baseline measured in the same run is the bare cost of
converting each rep's and market's hours to instants for every week (what any
scheduler must do); the ratio says what placing the work adds on top.
"""

from __future__ import annotations

import time

from planner import timezones
from planner.model import Assignment
from planner.overlap import side_minutes, week_window
from planner.schedule import build_week
from planner.team import rep_week
from planner.territories import greedy_assignment
from planner.timezones import add_weeks

from .generate import generate

YEAR, WEEK, WEEKS = 2027, 10, 13  # March to June: both clock changes


def main() -> None:
    scenario = generate(100, 250)
    scenario = scenario.replace(assignments=[Assignment(*pair) for pair in greedy_assignment(scenario, YEAR, WEEK)])
    weeks = [add_weeks(YEAR, WEEK, d) for d in range(WEEKS)]

    timezones.local_to_utc.cache_clear()
    start = time.perf_counter()
    for y, w in weeks:
        for rep in scenario.reps:
            side_minutes(rep.side, y, w, week_window(rep.timezone, y, w))
            for market in scenario.markets_of(rep.name):
                side_minutes(market.side, y, w, week_window(rep.timezone, y, w))
    baseline = time.perf_counter() - start

    timezones.local_to_utc.cache_clear()
    start = time.perf_counter()
    blocks = unplaced = 0
    for y, w in weeks:
        for rep in scenario.reps:
            week = build_week(scenario, rep.name, y, w)
            blocks += len(week.events)
            unplaced += len(week.unplaced)
    scheduling = time.perf_counter() - start

    start = time.perf_counter()
    flags = 0
    for y, w in weeks:
        for rep in scenario.reps:
            flags += len(rep_week(scenario, rep.name, y, w).flags)
    checking = time.perf_counter() - start

    print(f"{len(scenario.reps)} reps x {WEEKS} weeks from {YEAR}-W{WEEK:02d}, "
          f"{len(scenario.assignments)} markets assigned")
    print(f"  hours to instants only (baseline): {baseline:6.2f} s")
    print(f"  schedules built:                   {scheduling:6.2f} s  ({scheduling / baseline:.1f}x baseline; "
          f"{blocks} blocks placed, {unplaced} not placed)")
    print(f"  schedules + workload rules:        {checking:6.2f} s  ({flags} flags)")


if __name__ == "__main__":
    main()
