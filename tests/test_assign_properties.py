"""A plan the optimiser returns is a plan the scheduler keeps (issue 11).

Every market the optimiser assigns must fit the rep's week exactly as the
scheduler builds it: each block placed, none outside the rep's hours. The
territories are random (2-12 reps, 3-40 markets, Sun-Thu and Mon-Sat weeks,
half-hour and 45-minute zones, weeks when the clocks of the zones disagree)
or generated tight and over capacity (benchmarks/generate.py).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, note, settings, target

from benchmarks.generate import capacity_hours, generate, workload_hours
from planner import scenario_file
from planner.schedule import build_week
from planner.territories import apply_plan, optimise

from .strategies import territories, territory_weeks

EXAMPLES = int(os.environ.get("REP_PLANNER_EXAMPLES", "25"))


def blocks_not_kept(scenario, year: int, week: int) -> list[tuple]:
    """Each block the scheduler leaves unplaced or puts outside hours, as (rep, market, activity, why)."""
    found = []
    for rep in scenario.reps:
        schedule = build_week(scenario, rep.name, year, week)
        found += [(rep.name, u.market, u.activity, u.reason) for u in schedule.unplaced]
        found += [(rep.name, e.market, e.activity, f"outside hours at {e.start:%a %H:%M} UTC")
                  for e in schedule.events if e.outside_hours]
    return found


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(territories(), territory_weeks())
def test_every_plan_the_optimiser_returns_schedules_inside_hours(scenario, year_week):
    year, week = year_week
    note(f"week {year}-W{week:02d}; scenario file:\n{scenario_file.dumps(scenario)}")
    plan = optimise(scenario, year, week, time_limit=5.0, hire=False)
    assert plan.status in ("optimal", "feasible")
    target(float(len(plan.assignments)), label="markets assigned")  # steer towards full plans
    problems = blocks_not_kept(apply_plan(scenario, plan), year, week)
    assert not problems, problems


@pytest.mark.parametrize("week", [11, 13, 44])
@pytest.mark.parametrize("profile", ["tight", "over"])
def test_tight_and_over_capacity_territories_get_plans_the_week_keeps(profile, week):
    scenario = generate(12, 40, seed=0, profile=profile)
    plan = optimise(scenario, 2027, week, time_limit=10.0, hire=False)
    assert plan.status in ("optimal", "feasible")
    assert len(plan.assignments) >= len(scenario.reps)  # a real plan, not an empty one
    problems = blocks_not_kept(apply_plan(scenario, plan), 2027, week)
    assert not problems, problems


@pytest.mark.parametrize("profile, low, high", [("default", 0.0, 0.6), ("tight", 0.85, 0.95), ("over", 1.4, 1.6)])
def test_generated_profiles_load_the_team_as_documented(profile, low, high):
    scenario = generate(100, 250, seed=1, profile=profile)
    capacity = sum(capacity_hours(r, scenario.settings) for r in scenario.reps)
    assert low <= workload_hours(scenario) / capacity <= high
    assert scenario_file.dumps(generate(100, 250, seed=1, profile=profile)) == scenario_file.dumps(scenario)
