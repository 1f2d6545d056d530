"""The optimiser: value first, then balance within a band, then time-zone fit.

1. **Value**: the most market value covered. A first plan (markets by value,
   each to the best-fitting rep who can take it) settles it when it covers every
   market some rep can take; otherwise the HiGHS model searches, with cuts.
2. **Balance** as a tolerance: no rep above the team's average utilisation plus
   a margin (``Settings.balance_margin_points``, 15 by default). Where no plan of
   that value keeps every rep within it, the smallest excess is sought.
3. **Fit**: among those plans, the largest total fit (each market's share of
   business hours its rep reaches). A market never stays with a rep half a
   world away while one who fits it better has room: the local search moves it,
   and the model proves it.

Every plan returned is one the scheduler keeps for the same week (with the
reps' busy times and pinned blocks), checked rep by rep: that is the rules'
last test (:mod:`.rules`), and the model learns each refusal as a cut
(:mod:`.model`). "Optimal" means optimal among the plans the scheduler keeps.
"""

from __future__ import annotations

import math
import time
from typing import Callable, Mapping, Sequence

from ..errors import PlannerError
from ..i18n import _, number
from ..model import Scenario
from ..timezones import format_week
from .explain import explain
from .fit import EPS, FitTable, fit_table
from .hiring import hire_options
from .bounds import relaxation_bound
from .model import Model, Progress
from .plan import Plan
from .rules import FIT_STEPS, Problem, WeekCheck, problem
from .search import State, excess_of, first_plan, improve_fit, improve_value, reduce_excess, repair

# HiGHS's model is built only when the quick answers leave a question open and the model
# (one column per rep and market that fit) builds in a few seconds.
SMALL_MODEL = 60_000


def _check_inputs(scenario: Scenario, table: FitTable) -> None:
    if not scenario.reps:
        raise PlannerError(_("There are no reps to assign markets to: add a rep first"))
    if not scenario.markets:
        raise PlannerError(_("There are no markets to assign: add a market first"))
    limit = scenario.settings.max_markets_per_rep
    spread = scenario.settings.max_offset_spread_hours
    week = format_week(table.year, table.week)
    for rep in scenario.reps:
        locked = [a.market for a in scenario.assignments if a.rep == rep.name and a.locked]
        if not locked:
            continue
        load = sum(table.get(rep.name, m).load_hours for m in locked)
        if load > table.capacity[rep.name] + EPS:
            raise PlannerError(_(
                "Locked markets give {rep} {load} h of work in {week}, but {rep} can take {capacity} h (max {max} "
                "h/week, {available} h of working time): unlock some of {markets}").format(
                rep=rep.name, load=number(load), week=week, capacity=number(table.capacity[rep.name]),
                max=number(rep.max_weekly_hours), available=number(table.available[rep.name]),
                markets=", ".join(locked)))
        if len(locked) > limit:
            raise PlannerError(_("{rep} has {n} locked markets but the focus limit is {limit} markets per rep: "
                                 "unlock some of {markets} or raise the limit").format(
                rep=rep.name, n=len(locked), limit=limit, markets=", ".join(locked)))
        offs = [table.offsets[m] for m in locked]
        if max(offs) - min(offs) > spread + EPS:
            raise PlannerError(_("{rep}'s locked markets span {hours} h of UTC offsets, more than the focus limit of "
                                 "{limit} h: unlock some of {markets}").format(
                rep=rep.name, hours=number(max(offs) - min(offs)), limit=number(spread), markets=", ".join(locked)))


def _problem_for(scenario, year, week, holidays, busy, pins) -> Problem:
    table = fit_table(scenario, year, week, holidays=holidays)
    _check_inputs(scenario, table)
    return problem(scenario, table, WeekCheck(scenario, year, week, holidays, dict(busy or {}), dict(pins or {})))


def greedy_assignment(scenario: Scenario, year: int, week: int, *, holidays: bool = True,
                      busy: Mapping | None = None, pins: Mapping | None = None) -> list[tuple[str, str]]:
    """The obvious plan, the benchmarks' baseline: markets by value, highest first, each to the
    rep with the most free hours who can take it under the optimiser's rules (the week check too)."""
    p = _problem_for(scenario, year, week, holidays, busy, pins)
    return [p.pairs[k] for k in first_plan(p, 0.0, by_fit=False)]


def fit_bound(p: Problem) -> float:
    """No plan's total fit exceeds this: each market a rep can take, at its best fit."""
    return sum(max(p.fits[k] for k in cols) for cols in p.by_market.values() if cols)


def optimise(scenario: Scenario, year: int, week: int, *, time_limit: float = 30.0,
             progress: Callable[[Progress], None] | None = None,
             should_stop: Callable[[], bool] | None = None, hire: bool = True, holidays: bool = True,
             busy: Mapping[str, Sequence] | None = None, pins: Mapping[str, Mapping] | None = None) -> Plan:
    """The best assignment of markets to reps for ISO week ``year-Wweek``, explained.

    ``busy`` and ``pins`` (per rep: UTC busy intervals, pinned blocks of that week)
    are what `schedule` will place the week around; pass the same here. ``time_limit``
    (seconds) bounds the search: the best plan found by then comes back with status
    ``feasible`` and its gaps. ``progress`` is called with each better plan;
    ``should_stop`` is polled and ends the search early (status ``cancelled``, the best
    plan so far, which keeps every rule like any other).
    """
    if not (time_limit > 0 and time_limit < float("inf")):
        raise PlannerError(_("time limit: give a number of seconds above 0 (got {seconds})").format(seconds=time_limit))
    started = time.perf_counter()
    deadline = started + time_limit
    p = _problem_for(scenario, year, week, holidays, busy, pins)
    margin = scenario.settings.balance_margin_points / 100
    stop = should_stop or (lambda: False)

    def report(phase: str, gap: float, value: float | None = None) -> None:
        if progress:
            progress(Progress(phase, value, max(0.0, gap), time.perf_counter() - started))

    best_possible = sum(p.values[cols[0]] for cols in p.by_market.values() if cols)
    chosen = first_plan(p, margin, deadline=started + 0.5 * time_limit)
    value = sum(p.values[k] for k in chosen)
    report("value", 0.0 if best_possible <= 0 else (best_possible - value) / best_possible, value)
    model = None
    full = value >= best_possible - 1e-9 * max(1.0, best_possible)
    if full:
        status, gap = "optimal", 0.0
    else:
        chosen = improve_value(p, chosen, started + 0.2 * time_limit)
        status = "feasible"
        if len(p.pairs) <= SMALL_MODEL:
            model = Model(p, progress, should_stop, started)
            until = started + 0.6 * time_limit
            status, chosen = model.solve(until, chosen, repair=lambda cols: repair(p, cols, until))
        value = sum(p.values[k] for k in chosen)
        gap = 0.0 if status == "optimal" else _value_gap(p, model, value, started + 0.7 * time_limit)
        full = value >= best_possible - 1e-9 * max(1.0, best_possible)
    fit_gap = None
    if status != "cancelled" and not stop():
        # Balance and fit keep the value found; the solver joins in only when that value is proven
        # (else the model would chase a value the plan does not have).
        small = len(p.pairs) <= SMALL_MODEL and status == "optimal"
        keep = [m for m, cols in p.by_market.items() if cols and p.values[cols[0]] > 0] if full else None
        chosen, balance_proven, excess = _balance(p, model, chosen, value, keep, margin, started, deadline, small,
                                                  progress, should_stop, report)
        chosen, fit_gap, fit_proven, model = _fit(p, model, chosen, value, keep, margin, excess, started, deadline,
                                                  small, progress, should_stop, report)
        if status == "optimal" and not (balance_proven and fit_proven):
            status = "feasible"
    if stop():
        status = "cancelled"
    verified = _verified(p, chosen)
    if verified != chosen:
        chosen, status = verified, ("cancelled" if status == "cancelled" else "feasible")
    plan_hire = () if not hire or stop() else hire_options(
        scenario, p.table, {p.pairs[k][1] for k in chosen}, year, week, holidays,
        budget=max(deadline - time.perf_counter(), 2.0), should_stop=should_stop)
    return explain(p, chosen, status=status, gap=gap, fit_gap=fit_gap, margin=margin, hire=plan_hire,
                   seconds=time.perf_counter() - started)


def _value_gap(p: Problem, model: Model | None, value: float, deadline: float) -> float:
    """How far ``value`` may be from the best: against the solver's bound, or the relaxation's."""
    bounds = [relaxation_bound(p, p.values, dict(p.table.capacity), deadline=deadline)]
    if model is not None and model.bound is not None:
        bounds.append(-model.bound * model.value_scale)
    best = min((b for b in bounds if b is not None), default=None)
    if best is None:
        return 1.0
    return max(0.0, min(1.0, (best - value) / best)) if best > 0 else 0.0


def _balance(p, model, chosen, value, keep, margin, started, deadline, small, progress, should_stop, report):
    """Phase 2: bring every rep within the band; returns (plan, excess proven smallest, excess)."""
    now = time.perf_counter()
    chosen = reduce_excess(p, chosen, margin, now + (deadline - now) / 3)
    state = State.of(p, chosen)
    excess = excess_of(p, state.load, margin)
    report("balance", excess)
    if excess <= EPS:
        return chosen, True, 0.0
    if not small or (should_stop and should_stop()):
        return chosen, False, excess
    model = model or Model(p, progress, should_stop, started)
    model.keep_value(value, keep)
    model.balance(margin, _settled_average(p, keep))
    now = time.perf_counter()
    status, found = model.solve(now + (deadline - now) / 2, chosen)
    found_excess = excess_of(p, State.of(p, found).load, margin)
    if found_excess < excess - EPS:
        chosen, excess = found, found_excess
    proven = status == "optimal" or (model.bound is not None and excess <= model.bound + 1e-7)
    return chosen, proven, excess


def _fit(p, model, chosen, value, keep, margin, excess, started, deadline, small, progress, should_stop, report):
    """Phase 3: the most fit within the band (plus the excess phase 2 could not avoid).

    Proven on the fit score (whole steps); the search breaks ties by the exact fit."""
    now = time.perf_counter()
    chosen = improve_fit(p, chosen, margin, excess, now + (deadline - now) / 2)
    score = sum(p.scores[k] for k in chosen)
    bound = _fit_bound(p, keep, value, margin, excess, deadline)
    gap = (bound - score) / bound if bound > EPS else 0.0
    report("fit", gap)
    if gap <= 1e-9:
        return chosen, 0.0, True, model
    if not small or (should_stop and should_stop()) or time.perf_counter() >= deadline:
        return chosen, gap, False, model
    if model is None or model.phase == "value":
        model = model or Model(p, progress, should_stop, started)
        model.keep_value(value, keep)
        model.balance(margin, _settled_average(p, keep))
    model.fit(excess)
    status, found = model.solve(deadline, chosen)
    if sum(p.scores[k] for k in found) > score + 1e-9:
        # The solver's plan has the better score; the search then breaks its ties by exact fit.
        chosen = improve_fit(p, found, margin, excess, min(deadline, time.perf_counter() + 2.0))
        score = sum(p.scores[k] for k in chosen)
    if model.bound is not None:
        bound = min(bound, _whole_steps(-model.bound))
    if status == "optimal" or score >= bound - 1e-7:
        return chosen, 0.0, True, model
    return chosen, max(0.0, (bound - score) / bound), False, model


def _whole_steps(total: float) -> float:
    """A bound on the total weight, as a bound on the total score: down to a whole step (every
    total score is one, and the tie-breaks add less than one)."""
    return math.floor(total * FIT_STEPS + 1e-6) / FIT_STEPS


def _fit_bound(p: Problem, keep, value: float, margin: float, excess: float, deadline: float) -> float:
    """The better of two upper bounds on the total fit: every market at its best fit, and the
    linear relaxation (keeping the value, with the band as each rep's load limit when the
    team's work is settled)."""
    bound = fit_bound(p)
    average = _settled_average(p, keep)
    caps = p.table.capacity
    ceilings = {r: c if average is None else min(c, (average + margin + excess) * c) for r, c in caps.items()}
    relaxed = relaxation_bound(p, p.fits, ceilings, covered=keep, min_value=None if keep else value,
                               deadline=deadline)
    if relaxed is not None:
        bound = min(bound, relaxed)
    return _whole_steps(bound)


def _settled_average(p: Problem, keep: list[str] | None) -> float | None:
    """The team's average utilisation when the plan's markets are settled: every market a rep
    can take is kept covered (and none of them is worth nothing, or it could come and go)."""
    if keep is None or len(keep) != sum(1 for cols in p.by_market.values() if cols):
        return None
    caps = [c for c in p.table.capacity.values() if c > 0]
    return sum(p.loads[p.by_market[m][0]] for m in keep) / sum(caps) if caps else None


def _verified(p: Problem, chosen: list[int]) -> list[int]:
    """The plan, once more through the week check of every rep (a search step that only
    removed markets is not re-checked as it goes); a rep that fails is repaired."""
    state = State.of(p, chosen)
    if any(p.unkept(rep, cols) for rep, cols in state.mine.items() if cols):
        return repair(p, chosen, time.perf_counter() + 1.0)
    return chosen
