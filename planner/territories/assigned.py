"""The plan as assigned, explained in the optimiser's words: what a report shows.

`assign` explains the plan it found; a report describes the plan the team works to (the
assignments in the database, by hand or applied from the optimiser). Both go through the
same :func:`~planner.territories.explain.explain` and :func:`~planner.territories.hiring.hire_options`,
so a market left out reads the same in the app, the CLI and the report.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Mapping, Sequence

from ..model import Scenario
from .explain import explain
from .fit import fit_table
from .hiring import hire_options
from .plan import Plan
from .rules import WeekCheck, problem


def explain_assigned(scenario: Scenario, year: int, week: int, *, busy: Mapping[str, Sequence] | None = None,
                     pins: Mapping[str, Mapping] | None = None, holidays: bool = True, hire: bool = True,
                     hire_budget: float = 10.0) -> Plan:
    """The scenario's assignments as a :class:`Plan` with status ``assigned``: the value they cover,
    why each market went to its rep, why each market nobody covers is left out (against the
    loads of this plan), and where to hire next (within ``hire_budget`` seconds).

    An assignment the optimiser's rules would not make (made by hand, or the plan changed since)
    is kept and explained as made by hand, with the optimiser's warning when the rep's hours do
    not hold the market's live work."""
    started = time.perf_counter()
    table = fit_table(scenario, year, week, holidays=holidays)
    check = WeekCheck(scenario, year, week, holidays, dict(busy or {}), dict(pins or {}))
    p = problem(scenario, table, check)
    by_hand = {(a.rep, a.market) for a in scenario.assignments if (a.rep, a.market) not in p.column}
    if by_hand:  # columns for them: the problem holds every locked pair whatever its fit
        forced = scenario.replace(assignments=[dataclasses.replace(a, locked=a.locked or (a.rep, a.market) in by_hand)
                                               for a in scenario.assignments])
        p = problem(forced, table, check)
    chosen = [p.column[(a.rep, a.market)] for a in scenario.assignments]
    covered = {a.market for a in scenario.assignments}
    hires = hire_options(scenario, table, covered, year, week, holidays, budget=hire_budget) if hire else ()
    return explain(p, chosen, status="assigned", gap=0.0, fit_gap=None,
                   margin=scenario.settings.balance_margin_points / 100, hire=hires,
                   seconds=time.perf_counter() - started, by_hand=frozenset(by_hand))
