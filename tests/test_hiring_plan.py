"""The hiring plan (issue 15): as few new reps as an exhaustive search finds, and weeks the scheduler keeps.

The exhaustive search below shares nothing with the plan's search but the rules a rep's set
of markets must keep (``Problem.fits_rep``: capacity, focus limits, live time in shared hours,
the scheduler's week). It tries every multiset of candidate hires, smallest first, and every
way of giving the markets that must be covered to the team and those hires.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter

import pytest

from benchmarks.generate import generate
from planner.model import Assignment, Rep
from planner.territories.fit import fit_table
from planner.territories.hiring_plan import plan_hires
from planner.territories.rules import WeekCheck, problem

from .test_assign_properties import blocks_not_kept

YEAR, WEEK = 2027, 11


def exhaustive_fewest(scenario, min_value: float, most: int = 4) -> int | None:
    """The fewest hires (zones of the markets and the team, on the team's most common hours,
    maximum hours and rules) with whom every market worth ``min_value`` that any of them can take
    is covered; None if more than ``most`` are needed."""
    common = Counter(r.hours for r in scenario.reps).most_common(1)[0][0]
    hours = Counter(r.max_weekly_hours for r in scenario.reps).most_common(1)[0][0]
    rules = Counter(r.rules for r in scenario.reps).most_common(1)[0][0]
    zones = {}
    for place in [m for m in scenario.markets] + list(scenario.reps):
        zones.setdefault(place.timezone, Rep(f"Candidate {len(zones)}", place.timezone, place.country, common, hours,
                                             rules, place.subdivision))
    everyone = scenario.replace(reps=tuple(scenario.reps) + tuple(zones.values()), assignments=())
    p = problem(everyone, fit_table(everyone, YEAR, WEEK), WeekCheck(everyone, YEAR, WEEK))
    keeps: dict = {}

    def fits(rep: str, markets: tuple[str, ...]) -> bool:
        if not markets:
            return True
        key = (rep, frozenset(markets))
        if key not in keeps:
            cols = [p.column.get((rep, m)) for m in markets]
            keeps[key] = None not in cols and p.fits_rep(rep, cols)
        return keeps[key]

    reachable = [m.name for m in scenario.markets if m.value >= min_value and p.by_market[m.name]]
    team = [r.name for r in scenario.reps]
    for count in range(most + 1):
        for hires in itertools.combinations_with_replacement([r.name for r in zones.values()], count):
            reps = team + list(hires)
            for owners in itertools.product(range(len(reps)), repeat=len(reachable)):
                if all(fits(rep, tuple(m for m, o in zip(reachable, owners) if o == i)) for i, rep in enumerate(reps)):
                    return count
    return None


CASES = [(reps, markets, seed, profile) for reps, markets in ((1, 4), (2, 4)) for seed in range(3)
         for profile in ("over", "tight")]


@pytest.mark.parametrize("reps,markets,seed,profile", CASES)
def test_the_fewest_hires_equal_an_exhaustive_search(reps, markets, seed, profile):
    scenario = generate(reps, markets, seed=seed, profile=profile)
    for min_value in sorted({0.0, sorted(m.value for m in scenario.markets)[markets // 2]}):
        plan = plan_hires(scenario, YEAR, WEEK, min_value, time_limit=20)
        assert plan.status == "optimal", plan.proof()
        assert len(plan.hires) == exhaustive_fewest(scenario, min_value), (min_value, plan.hires)
        covered = {a.market for a in plan.scenario.assignments}
        assert set(plan.needed) <= covered
        assert not blocks_not_kept(plan.scenario, YEAR, WEEK)
        assert plan.unplaced_blocks == 0 and plan.outside_hours == 0


def test_each_hire_adds_the_value_of_the_markets_it_takes_and_works_the_teams_usual_hours():
    scenario = generate(2, 6, seed=1, profile="over")
    plan = plan_hires(scenario, YEAR, WEEK, 0, time_limit=20)
    assert plan.hires
    usual = Counter(str(r.hours) for r in scenario.reps).most_common(1)[0][0]
    zones = {m.timezone for m in scenario.markets} | {r.timezone for r in scenario.reps}
    for hire in plan.hires:
        assert hire.hours == usual and hire.timezone in zones
        mine = [a.market for a in plan.scenario.assignments if a.rep == hire.name]
        assert sorted(mine) == sorted(hire.markets)
        assert hire.value == sum(scenario.market(m).value for m in mine)
    assert plan.value == sum(scenario.market(a.market).value for a in plan.scenario.assignments)


def test_a_limit_below_the_fewest_hires_is_proven_impossible():
    scenario = generate(1, 4, seed=0, profile="over")
    fewest = len(plan_hires(scenario, YEAR, WEEK, 0, time_limit=20).hires)
    assert fewest >= 2
    plan = plan_hires(scenario, YEAR, WEEK, 0, max_hires=fewest - 1, time_limit=20)
    assert plan.status == "infeasible" and not plan.hires
    assert plan.proof() == f"proven: no plan with at most {fewest - 1} new rep{'s' if fewest != 2 else ''} covers them all"
    assert len(plan_hires(scenario, YEAR, WEEK, 0, max_hires=fewest, time_limit=20).hires) == fewest


def test_a_team_that_covers_everything_needs_no_one():
    scenario = generate(6, 12, seed=1)  # the default profile: `assign` covers every market
    plan = plan_hires(scenario, YEAR, WEEK, 0, time_limit=20)
    assert plan.status == "optimal" and plan.hires == ()
    assert {a.market for a in plan.scenario.assignments} == {m.name for m in scenario.markets}


def test_a_large_territory_answers_within_its_time_limit_with_its_proof_status():
    scenario = generate(8, 40, seed=0, profile="over")
    started = time.perf_counter()
    plan = plan_hires(scenario, YEAR, WEEK, 0, time_limit=8)
    assert time.perf_counter() - started <= 8 * 1.25 + 1
    assert plan.status in ("optimal", "feasible")
    assert plan.proof() == ("proven minimal" if plan.status == "optimal" else
                            f"best found in the time limit, at most {len(plan.hires) - plan.fewest} more than needed")
    assert plan.unplaced_blocks == 0 and not blocks_not_kept(plan.scenario, YEAR, WEEK)


def test_locked_markets_stay_with_their_rep_and_count_as_covered():
    scenario = generate(2, 5, seed=0, profile="over")
    team = {r.name for r in scenario.reps}
    # A market the team can hold, locked to the rep the plan gives it to.
    free = plan_hires(scenario, YEAR, WEEK, 0, time_limit=20)
    rep, market = next((a.rep, a.market) for a in free.scenario.assignments if a.rep in team)
    locked = scenario.replace(assignments=(Assignment(rep, market, True),))
    plan = plan_hires(locked, YEAR, WEEK, 0, time_limit=20)
    assert Assignment(rep, market, True) in plan.scenario.assignments
    assert [a.market for a in plan.scenario.assignments].count(market) == 1
    assert plan.status == "optimal" and not blocks_not_kept(plan.scenario, YEAR, WEEK)
