"""Territories: which rep covers which market, chosen by HiGHS and explained.

:func:`fit_table` says, for every rep and market in a planning week, how many
hours they share and whether the market's live work fits in them.
:func:`optimise` picks the assignment; its model, in words:

* a market goes to at most one rep, and only to a rep whose shared hours hold
  its live work; markets that share the same hours of a rep must not need more
  live time than those hours hold together (checked exactly on the minutes,
  added to the model as cuts when a plan breaks it);
* a rep's total workload stays within their capacity: the lower of their
  maximum weekly hours and their working hours that week;
* focus limits from the scenario settings: at most N markets per rep, and at
  most S hours between the UTC offsets of a rep's markets;
* locked assignments stay.

The objective is lexicographic: first the most value covered, then, among
plans of that value, the lowest utilisation of the busiest rep. The second
question is mostly answered by :mod:`planner.balance` (a lower bound and a
search that usually meets it); HiGHS searches on when it does not. Markets of
no value are covered when a rep can take them, and kept through balancing.
Every choice is explained in words with the numbers behind it.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from dataclasses import dataclass
from typing import Callable

import highspy
import numpy as np

from .balance import Spread, lower_bound, spread
from .errors import PlannerError
from .hours import WorkingHours, Shift, format_hours
from .model import Rep, Scenario
from .overlap import WeekMasks, spans_mask, week_masks
from .schedule import SLOT, lunch_spans
from .timezones import UTC, format_week, utc_offset_hours, week_monday

EPS = 1e-9
INF = highspy.kHighsInf
# A balance proven close to the best gets HiGHS only this long to prove it exactly, and only
# when its model (one column per rep and market that fit) builds in about a second.
GRACE_SECONDS = 2.0
SMALL_MODEL = 20_000
_banner_shown = False


def _new_highs() -> highspy.Highs:
    """A silent solver. HiGHS prints a banner to standard output when the first
    solver of a process is made, before any option can be set; that would
    corrupt ``--json`` output, so that one construction writes to /dev/null."""
    global _banner_shown
    if _banner_shown:
        h = highspy.Highs()
    else:
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "w") as null:
                os.dup2(null.fileno(), 1)
                h = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        _banner_shown = True
    h.setOptionValue("output_flag", False)
    return h


@dataclass(frozen=True, slots=True)
class Fit:
    """One rep against one market in the planning week."""

    rep: str
    market: str
    overlap_hours: float
    live_hours: float
    async_hours: float

    @property
    def load_hours(self) -> float:
        return self.live_hours + self.async_hours

    @property
    def fits(self) -> bool:
        """The market's live work fits inside the hours the two share."""
        return self.live_hours <= self.overlap_hours + EPS


@dataclass(frozen=True)
class FitTable:
    year: int
    week: int
    fits: dict[tuple[str, str], Fit]
    capacity: dict[str, float]      # hours a rep can take: min(max weekly hours, working hours)
    available: dict[str, float]     # the rep's working hours that week
    offsets: dict[str, float]       # each market's UTC offset mid-week, in hours
    shared: dict[tuple[str, str], int]  # minute masks of the shared hours (see WeekMasks)

    def get(self, rep: str, market: str) -> Fit:
        return self.fits[(rep, market)]


def fit_table(scenario: Scenario, year: int, week: int, *, holidays: bool = True) -> FitTable:
    rep_sides = [r.side for r in scenario.reps]
    market_sides = [m.side for m in scenario.markets]
    masks: WeekMasks = week_masks(rep_sides, market_sides, year, week, holidays=holidays)
    midweek = dt.datetime.combine(week_monday(year, week) + dt.timedelta(days=2), dt.time(12), UTC)
    # Number the distinct patterns once: hashing a Side walks all its shifts.
    rep_pattern = {side: i for i, side in enumerate(masks.reps)}
    market_pattern = {side: j for j, side in enumerate(masks.markets)}
    # The lunch break the scheduler keeps free is not working time to plan with.
    settings = scenario.settings
    rep_masks = []
    for side, mask in masks.reps.items():
        lunch = spans_mask(lunch_spans(side.timezone, year, week, settings.lunch_start_minute, settings.lunch_minutes),
                      masks.base)
        rep_masks.append(mask & ~(lunch & mask))
    market_masks = list(masks.markets.values())
    market_ix = [market_pattern[side] for side in market_sides]
    loads = [scenario.workload(m) for m in scenario.markets]
    fits, shared = {}, {}
    both_of: dict[tuple[int, int], int] = {}  # one AND per distinct pair of patterns
    for rep, side in zip(scenario.reps, rep_sides):
        i = rep_pattern[side]
        for market, j, load in zip(scenario.markets, market_ix, loads):
            both = both_of.get((i, j))
            if both is None:
                both = both_of[(i, j)] = rep_masks[i] & market_masks[j]
            shared[(rep.name, market.name)] = both
            fits[(rep.name, market.name)] = Fit(rep.name, market.name, both.bit_count() / 60,
                                                load.live_hours, load.async_hours)
    available = {r.name: WeekMasks.hours(rep_masks[rep_pattern[side]]) for r, side in zip(scenario.reps, rep_sides)}
    capacity = {r.name: min(float(r.max_weekly_hours), available[r.name]) for r in scenario.reps}
    offsets = {m.name: utc_offset_hours(m.timezone, midweek) for m in scenario.markets}
    return FitTable(year, week, fits, capacity, available, offsets, shared)


# --- the plan ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlannedAssignment:
    rep: str
    market: str
    overlap_hours: float
    live_hours: float
    load_hours: float
    value: float
    locked: bool
    reason: str


@dataclass(frozen=True)
class LeftOut:
    market: str
    value: float
    code: str  # no_overlap | too_big | capacity | focus_count | focus_spread | shared_hours | no_value
    reason: str


@dataclass(frozen=True)
class RepLoad:
    rep: str
    load_hours: float
    capacity_hours: float
    markets: int

    @property
    def utilisation(self) -> float:
        return self.load_hours / self.capacity_hours if self.capacity_hours > 0 else 0.0


@dataclass(frozen=True)
class HireOption:
    timezone: str
    hours: str
    markets: tuple[str, ...]
    value: float


@dataclass(frozen=True)
class Plan:
    week: str
    status: str          # optimal (both objectives proven) | feasible | cancelled
    gap: float           # relative gap on covered value, the first objective (0: proven)
    balance_gap: float | None  # relative gap on the busiest rep's utilisation (None: not reached)
    value: float         # value covered
    total_value: float   # value of all markets
    assignments: tuple[PlannedAssignment, ...]
    unassigned: tuple[LeftOut, ...]
    reps: tuple[RepLoad, ...]
    hire: tuple[HireOption, ...]
    seconds: float

    @property
    def max_utilisation(self) -> float:
        return max((r.utilisation for r in self.reps), default=0.0)


@dataclass(frozen=True)
class Progress:
    """What a long optimisation has reached, for a progress bar."""

    phase: str            # "value" or "balance"
    value: float | None   # best covered value found so far (phase "value")
    gap: float            # relative gap of the current phase
    seconds: float


# --- the model ---------------------------------------------------------------------------------

@dataclass
class _Problem:
    scenario: Scenario
    table: FitTable
    pairs: list[tuple[str, str]]          # one column per pair
    locked: set[tuple[str, str]]
    by_rep: dict[str, list[int]]
    by_market: dict[str, list[int]]


def _check_inputs(scenario: Scenario, table: FitTable) -> None:
    if not scenario.reps:
        raise PlannerError("There are no reps to assign markets to: add a rep first")
    if not scenario.markets:
        raise PlannerError("There are no markets to assign: add a market first")
    limit = scenario.settings.max_markets_per_rep
    spread = scenario.settings.max_offset_spread_hours
    week = format_week(table.year, table.week)
    for rep in scenario.reps:
        locked = [a.market for a in scenario.assignments if a.rep == rep.name and a.locked]
        if not locked:
            continue
        load = sum(table.get(rep.name, m).load_hours for m in locked)
        if load > table.capacity[rep.name] + EPS:
            raise PlannerError(
                f"Locked markets give {rep.name} {load:g} h of work in {week}, but {rep.name} can take "
                f"{table.capacity[rep.name]:g} h (max {rep.max_weekly_hours:g} h/week, "
                f"{table.available[rep.name]:g} h of working hours): unlock some of {', '.join(locked)}")
        if len(locked) > limit:
            raise PlannerError(f"{rep.name} has {len(locked)} locked markets but the focus limit is {limit} "
                               f"markets per rep: unlock some of {', '.join(locked)} or raise the limit")
        offs = [table.offsets[m] for m in locked]
        if max(offs) - min(offs) > spread + EPS:
            raise PlannerError(f"{rep.name}'s locked markets span {max(offs) - min(offs):g} h of UTC offsets, "
                               f"more than the focus limit of {spread:g} h: unlock some of {', '.join(locked)}")


def _problem(scenario: Scenario, table: FitTable) -> _Problem:
    locked = {(a.rep, a.market) for a in scenario.assignments if a.locked}
    locked_markets = {m for _, m in locked}
    pairs = sorted(locked)
    for rep in scenario.reps:
        for market in scenario.markets:
            if market.name in locked_markets:
                continue
            fit = table.get(rep.name, market.name)
            if fit.fits and fit.load_hours <= table.capacity[rep.name] + EPS and table.capacity[rep.name] > 0:
                pairs.append((rep.name, market.name))
    by_rep: dict[str, list[int]] = {r.name: [] for r in scenario.reps}
    by_market: dict[str, list[int]] = {m.name: [] for m in scenario.markets}
    for k, (r, m) in enumerate(pairs):
        by_rep[r].append(k)
        by_market[m].append(k)
    return _Problem(scenario, table, pairs, locked, by_rep, by_market)


def _live_minutes(problem: _Problem, k: int) -> int:
    return round(problem.table.get(*problem.pairs[k]).live_hours * 60)


def _joint_violations(problem: _Problem, columns: list[int], limit: int = 16) -> list[list[int]]:
    """Sets of a rep's columns whose live work cannot fit in the hours they share.

    By Hall's theorem the live work of a set of markets fits in a rep's hours
    exactly when every subset needs no more minutes than the union of its
    shared minutes. Markets whose shared hours do not touch are independent,
    so subsets are enumerated per connected group (up to ``limit`` markets).
    """
    items = [(k, problem.table.shared[problem.pairs[k]], _live_minutes(problem, k)) for k in columns
             if problem.pairs[k] not in problem.locked or problem.table.get(*problem.pairs[k]).fits]
    items = [it for it in items if it[2] > 0]
    groups: list[list[tuple[int, int, int]]] = []
    for item in items:
        touching = [g for g in groups if any(item[1] & other[1] for other in g)]
        merged = [item] + [x for g in touching for x in g]
        groups = [g for g in groups if g not in touching] + [merged]
    found = []
    for group in groups:
        if len(group) < 2:
            continue
        group = group[:limit]
        n = len(group)
        union = [0] * (1 << n)
        need = [0] * (1 << n)
        worst, worst_set = 0, 0
        for subset in range(1, 1 << n):
            low = (subset & -subset).bit_length() - 1
            rest = subset & (subset - 1)
            union[subset] = union[rest] | group[low][1]
            need[subset] = need[rest] + group[low][2]
            excess = need[subset] - union[subset].bit_count()
            if excess > worst:
                worst, worst_set = excess, subset
        if worst_set:
            found.append([group[i][0] for i in range(n) if worst_set >> i & 1])
    return found


class _Model:
    """The HiGHS model, built once from arrays and then tightened."""

    def __init__(self, problem: _Problem, progress, should_stop, started: float):
        self.p = problem
        self.h = _new_highs()
        self.h.setOptionValue("mip_rel_gap", 0.0)
        self.h.setOptionValue("random_seed", 0)
        self.started = started
        self.phase = "value"
        self.cancelled = False
        self.rounds = 0
        self.bound: float | None = None  # best lower bound of the current phase
        self.floor = 0.0  # a lower bound known from elsewhere (phase 2)
        # Phase 2 ends early once ``goal_best`` (a plan that keeps every rule) is proven
        # within ``goal`` of the bound and HiGHS has had GRACE_SECONDS at an exact proof.
        self.goal: float | None = None
        self.goal_best = 0.0
        self.goal_slack = 0.0  # or within this much utilisation (one schedule slot of the busiest rep)
        self.good_enough = False
        self.phase_started = started
        self.windows: dict[str, list[tuple[int, float]]] = {}
        self.n = len(problem.pairs)
        scenario = problem.scenario
        values = np.array([scenario.market(m).value for _, m in problem.pairs], dtype=float)
        self.value_scale = max(values.max(initial=0.0), 1.0)
        self.values = values
        lower = np.array([1.0 if pair in problem.locked else 0.0 for pair in problem.pairs])
        self.h.addCols(self.n, -values / self.value_scale, lower, np.ones(self.n), 0,
                       np.array([], dtype=np.int32), np.array([], dtype=np.int32), np.array([]))
        if self.n:
            self.h.changeColsIntegrality(self.n, np.arange(self.n, dtype=np.int32),
                                         np.array([highspy.HighsVarType.kInteger] * self.n))
        self._rows(problem)

        def on_improving(event):
            out = event.data_out
            if self.phase == "balance" and self.goal is not None and out.objective_function_value < self.goal_best:
                taken = {k for k in range(self.n) if out.mip_solution[k] > 0.5}
                if not any(_joint_violations(self.p, [k for k in cols if k in taken])
                           for cols in self.p.by_rep.values()):
                    self.goal_best = out.objective_function_value  # a plan that keeps every rule
            if progress:
                if self.phase == "value":
                    value, gap = -out.objective_function_value * self.value_scale, out.mip_gap
                else:  # the gap against the better of HiGHS's bound and the balance module's
                    best = out.objective_function_value
                    value = None
                    gap = (best - max(out.mip_dual_bound, self.floor)) / best if best > 0 else 0.0
                progress(Progress(self.phase, value, max(0.0, gap), time.perf_counter() - self.started))

        def on_interrupt(event):
            if should_stop and should_stop():
                self.cancelled = True
                event.data_in.user_interrupt = True
            elif self.phase == "balance" and self.goal is not None and \
                    time.perf_counter() - self.phase_started >= GRACE_SECONDS:
                bound = max(event.data_out.mip_dual_bound, self.floor)
                if self.goal_best - bound <= max(self.goal * self.goal_best, self.goal_slack):
                    self.good_enough = True
                    event.data_in.user_interrupt = True

        self.h.cbMipImprovingSolution.subscribe(on_improving)
        self.h.cbMipInterrupt.subscribe(on_interrupt)

    def add_row(self, lower: float, upper: float, columns, coefficients) -> None:
        self.h.addRow(lower, upper, len(columns), np.asarray(columns, dtype=np.int32),
                      np.asarray(coefficients, dtype=float))

    def _rows(self, p: _Problem) -> None:
        settings = p.scenario.settings
        for market, cols in p.by_market.items():
            if len(cols) > 1:
                self.add_row(-INF, 1, cols, [1] * len(cols))
        for rep, cols in p.by_rep.items():
            if not cols:
                continue
            loads = [p.table.get(*p.pairs[k]).load_hours for k in cols]
            if sum(loads) > p.table.capacity[rep] + EPS:
                self.add_row(-INF, p.table.capacity[rep], cols, loads)
            if len(cols) > settings.max_markets_per_rep:
                self.add_row(-INF, settings.max_markets_per_rep, cols, [1] * len(cols))
            self._spread_rows(rep, cols, settings.max_offset_spread_hours)
            self._shared_hours_rows(cols)

    def _spread_rows(self, rep: str, cols: list[int], spread: float) -> None:
        offsets = {k: self.p.table.offsets[self.p.pairs[k][1]] for k in cols}
        starts = sorted(set(offsets.values()))
        if starts[-1] - starts[0] <= spread + EPS:
            return
        # One window of offsets [w, w + spread] is chosen per rep; if it is, no market outside
        # it goes to the rep. One row per window keeps the model small.
        first = self.h.getNumCol()
        self.h.addCols(len(starts), np.zeros(len(starts)), np.zeros(len(starts)), np.ones(len(starts)), 0,
                       np.array([], dtype=np.int32), np.array([], dtype=np.int32), np.array([]))
        windows = list(range(first, first + len(starts)))
        self.h.changeColsIntegrality(len(windows), np.array(windows, dtype=np.int32),
                                     np.array([highspy.HighsVarType.kInteger] * len(windows)))
        self.windows[rep] = list(zip(windows, starts))
        self.add_row(1, 1, windows, [1] * len(windows))
        limit = self.p.scenario.settings.max_markets_per_rep
        for w, start in zip(windows, starts):
            outside = [k for k in cols if not start - EPS <= offsets[k] <= start + spread + EPS]
            if outside:
                big = min(len(outside), limit)
                self.add_row(-INF, big, outside + [w], [1] * len(outside) + [big])

    def vector(self, chosen: list[int]) -> list[float]:
        """A full start vector (windows included) for the plan that takes columns ``chosen``."""
        full = [0.0] * self.h.getNumCol()
        for k in chosen:
            full[k] = 1.0
        for rep, windows in self.windows.items():
            mine = [self.p.table.offsets[self.p.pairs[k][1]] for k in chosen if self.p.pairs[k][0] == rep]
            low = min(mine, default=windows[0][1])
            full[next(w for w, start in windows if start >= low - EPS)] = 1.0
        return full

    def start_from(self, chosen: list[int]) -> None:
        self.h.setSolution(self._as_solution(self.vector(chosen)))

    def _shared_hours_rows(self, cols: list[int]) -> None:
        """Cuts known up front: markets with the very same shared hours, and all together."""
        same: dict[int, list[int]] = {}
        for k in cols:
            same.setdefault(self.p.table.shared[self.p.pairs[k]], []).append(k)
        for group in [g for g in same.values() if len(g) > 1] + [cols]:
            self.add_cut(group)

    def add_cut(self, cols: list[int]) -> None:
        union = 0
        for k in cols:
            union |= self.p.table.shared[self.p.pairs[k]]
        live = [_live_minutes(self.p, k) for k in cols]
        if sum(live) > union.bit_count():
            self.add_row(-INF, union.bit_count(), cols, live)

    def solve(self, deadline: float, fallback: list[float],
              repair: Callable[[list[int]], list[int]] | None = None) -> tuple[str, list[float]]:
        """Run to the deadline, adding cuts until the plan's live work fits jointly.

        ``fallback`` is a plan known to meet every rule; it is returned (as
        ``feasible``) if time runs out before the solver finds a better one.
        ``repair`` (phase 1) turns a solver plan whose live work does not fit
        jointly into one that keeps every rule: the best such plan is the next
        round's start, and is returned as optimal as soon as it meets the bound,
        which each round only raises (cuts cut off no plan that keeps the rules)."""
        if self.n == 0:  # no rep can take any market: the empty plan is the only one
            return "optimal", []
        best = fallback
        while True:
            left = deadline - time.perf_counter()
            self.h.setOptionValue("time_limit", max(left, 0.01))
            self.h.run()
            self.rounds += 1
            bound = self.h.getInfo().mip_dual_bound
            if bound == bound and abs(bound) != INF:  # cuts only raise it: the best one holds
                self.bound = bound if self.bound is None else max(self.bound, bound)
            status = self.h.getModelStatus()
            # All columns (the offset windows too): phase 2 starts from this vector.
            solution = list(self.h.getSolution().col_value) if self.h.getInfo().primal_solution_status else []
            stopped = "cancelled" if self.cancelled else "feasible"
            if not solution:
                return stopped, best
            cuts = []
            for cols in self.p.by_rep.values():
                cuts += _joint_violations(self.p, [k for k in cols if solution[k] > 0.5])
            if not cuts:
                break
            if repair:
                mended = self.vector(repair([k for k in range(self.n) if solution[k] > 0.5]))
                if self.cost(mended) < self.cost(best):
                    best = mended
                if self.bound is not None and self.cost(best) <= self.bound + 1e-6:
                    return ("cancelled" if self.cancelled else "optimal"), best
            for cut in cuts:
                self.add_cut(cut)
            if self.cancelled or self.good_enough or time.perf_counter() >= deadline:
                return stopped, best
            self.start_from([k for k in range(self.n) if best[k] > 0.5])
        if repair and self.cost(best) < self.cost(solution):
            return stopped, best  # a repaired plan of an earlier round beats the solver's last one
        if self.cancelled:
            return "cancelled", solution
        if status == highspy.HighsModelStatus.kOptimal:
            return "optimal", solution
        return "feasible", solution

    def cost(self, vector: list[float]) -> float:
        """Phase 1's objective (minus the scaled value covered) for a full vector."""
        return -sum(self.values[k] for k in range(self.n) if vector[k] > 0.5) / self.value_scale

    @staticmethod
    def _as_solution(vector: list[float]) -> highspy.HighsSolution:
        solution = highspy.HighsSolution()
        solution.col_value = vector
        return solution

    def value_gap(self, value: float) -> float:
        """How far ``value`` may be below the best value: 0 when proven, 1.0 (100%) with no bound."""
        if self.bound is None:
            return 1.0
        best = -self.bound * self.value_scale
        return max(0.0, min(1.0, (best - value) / best)) if best > 0 else 0.0

    def balance(self, value: float, start: list[float], keep: list[str] | None) -> None:
        """Switch to phase 2: keep ``value``, minimise the busiest rep's utilisation.

        ``keep``, when the plan covers all the value there is, names the markets that stay
        covered (every valued market a rep can take, and the unvalued ones already placed)."""
        self.phase = "balance"
        self.phase_started = time.perf_counter()
        self.bound = None
        u = self.h.getNumCol()
        self.h.addCol(1.0, 0.0, INF, 0, np.array([], dtype=np.int32), np.array([]))
        self.h.changeColsCost(self.n, np.arange(self.n, dtype=np.int32), np.zeros(self.n))
        for rep, cols in self.p.by_rep.items():
            capacity = self.p.table.capacity[rep]
            if cols and capacity > 0:
                loads = [self.p.table.get(*self.p.pairs[k]).load_hours / capacity for k in cols]
                self.add_row(-INF, 0, cols + [u], loads + [-1])
        if keep is not None:
            # Say "covered" market by market: the same plans as one dense "value >= V" row,
            # and a far easier LP.
            for market in keep:
                cols = self.p.by_market[market]
                self.add_row(1, 1, cols, [1] * len(cols))
        else:
            scaled = self.values / self.value_scale
            self.add_row(value / self.value_scale - 1e-7 * max(1.0, value / self.value_scale), INF,
                         list(range(self.n)), scaled)
        # Start from the phase-1 plan, which already meets every constraint.
        chosen = [k for k in range(self.n) if start[k] > 0.5]
        full = self.vector(chosen)
        loads = _loads(self.p.scenario, self.p.table, [self.p.pairs[k] for k in chosen])
        full[u] = max((loads[r] / c for r, c in self.p.table.capacity.items() if c > 0), default=0.0)
        self.h.setSolution(self._as_solution(full))


def greedy(problem: _Problem) -> list[int]:
    """The obvious plan: markets by value, highest first, each to the rep with the most free
    hours among those who can take it under the same rules the optimiser obeys.

    Returns the chosen columns. Used as the optimiser's first plan, and as the benchmark's
    baseline."""
    table = problem.table
    load = {r.name: 0.0 for r in problem.scenario.reps}
    mine: dict[str, list[int]] = {r.name: [] for r in problem.scenario.reps}
    for k in sorted(range(len(problem.pairs)), key=lambda k: problem.pairs[k] not in problem.locked):
        if problem.pairs[k] in problem.locked:
            rep, market = problem.pairs[k]
            mine[rep].append(k)
            load[rep] += table.get(rep, market).load_hours
    taken = {problem.pairs[k][1] for ks in mine.values() for k in ks}
    for market in sorted(problem.scenario.markets, key=lambda m: (-m.value, m.name)):
        if market.name in taken:
            continue
        # The rep with the most free hours first; the first who can take it gets it.
        candidates = sorted(problem.by_market[market.name],
                            key=lambda k: (-(table.capacity[problem.pairs[k][0]] - load[problem.pairs[k][0]]), k))
        for k in candidates:
            rep = problem.pairs[k][0]
            if _fits_rep(problem, rep, mine[rep] + [k]):
                mine[rep].append(k)
                load[rep] += table.get(rep, market.name).load_hours
                break
    return sorted(k for ks in mine.values() for k in ks)


def _repair(problem: _Problem, chosen: list[int]) -> list[int]:
    """A plan that keeps every rule, made from one whose live work does not fit jointly.

    In each clash the least valuable market leaves its rep; markets that left go,
    most valuable first, to another rep who can take them, or stay out."""
    values = {k: problem.scenario.market(problem.pairs[k][1]).value for k in chosen}
    mine: dict[str, list[int]] = {r.name: [] for r in problem.scenario.reps}
    for k in chosen:
        mine[problem.pairs[k][0]].append(k)
    out = []
    for cols in mine.values():
        while clashes := _joint_violations(problem, cols):
            drop = min((k for k in clashes[0] if problem.pairs[k] not in problem.locked),
                       key=lambda k: (values[k], k), default=None)
            if drop is None:
                break  # only locked markets clash: kept as the user set them
            cols.remove(drop)
            out.append(drop)
    for k in sorted(out, key=lambda k: (-values[k], k)):
        for other in problem.by_market[problem.pairs[k][1]]:
            rep = problem.pairs[other][0]
            if other != k and _fits_rep(problem, rep, mine[rep] + [other]):
                mine[rep].append(other)
                break
    return sorted(k for cols in mine.values() for k in cols)


def _fits_rep(problem: _Problem, rep: str, cols: list[int]) -> bool:
    """Whether a rep can take exactly these columns under every rule."""
    table, settings = problem.table, problem.scenario.settings
    offsets = [table.offsets[problem.pairs[k][1]] for k in cols]
    load = sum(table.get(*problem.pairs[k]).load_hours for k in cols)
    return (load <= table.capacity[rep] + EPS and len(cols) <= settings.max_markets_per_rep
            and (not offsets or max(offsets) - min(offsets) <= settings.max_offset_spread_hours + EPS)
            and not _joint_violations(problem, cols))


def _spread_problem(problem: _Problem, chosen: list[int]) -> tuple[Spread, list[str], list[str]]:
    """The plan's markets as a :class:`~planner.balance.Spread` over all reps."""
    table, settings = problem.table, problem.scenario.settings
    reps = [r.name for r in problem.scenario.reps]
    rep_index = {name: i for i, name in enumerate(reps)}
    markets = sorted({problem.pairs[k][1] for k in chosen})
    column = {problem.pairs[k]: k for m in markets for k in problem.by_market[m]}
    owner = {problem.pairs[k][1]: rep_index[problem.pairs[k][0]] for k in chosen}

    def fits(rep: int, taken: frozenset[int]) -> bool:
        cols = [column[(reps[rep], markets[j])] for j in taken]
        offsets = [table.offsets[markets[j]] for j in taken]
        return ((not offsets or max(offsets) - min(offsets) <= settings.max_offset_spread_hours + EPS)
                and not _joint_violations(problem, cols))

    spread_problem = Spread(
        capacity=[table.capacity[r] * 60 for r in reps],
        loads=[round(table.get(problem.pairs[problem.by_market[m][0]][0], m).load_hours * 60) for m in markets],
        eligible=[[rep_index[problem.pairs[k][0]] for k in problem.by_market[m]] for m in markets],
        owner=[owner[m] for m in markets],
        fixed={j for j, m in enumerate(markets) if (reps[owner[m]], m) in problem.locked},
        max_markets=settings.max_markets_per_rep, fits=fits)
    return spread_problem, reps, markets


def optimise(scenario: Scenario, year: int, week: int, *, time_limit: float = 30.0,
             progress: Callable[[Progress], None] | None = None,
             should_stop: Callable[[], bool] | None = None, hire: bool = True,
             holidays: bool = True, balance_goal: float = 0.01) -> Plan:
    """The best assignment of markets to reps for the week, explained.

    ``time_limit`` (seconds) bounds the search; the best plan found by then is
    returned with status ``feasible`` and its gaps. ``progress`` is called with
    each better plan; ``should_stop`` is polled and ends the search early
    (status ``cancelled``, the best plan so far: at worst the greedy one).
    The value covered is always searched to a proof; the balance search stops
    early, status ``feasible``, once its plan is proven within ``balance_goal``
    (a fraction: 0.01 is 1%) of the best balance, or within a 15-minute slot of
    the busiest rep's week, and a short exact try fails.
    """
    started = time.perf_counter()
    deadline = started + time_limit
    table = fit_table(scenario, year, week, holidays=holidays)
    _check_inputs(scenario, table)
    problem = _problem(scenario, table)
    values = [scenario.market(m).value for _, m in problem.pairs]
    first = greedy(problem)
    best_possible = sum(values[cols[0]] for cols in problem.by_market.values() if cols)
    model = None  # HiGHS's model is built only when the quick answers do not settle the question
    if sum(values[k] for k in first) >= best_possible - 1e-9 * max(1.0, best_possible):
        # The greedy plan covers every market any rep can take: no plan can cover more.
        status, chosen, gap = "optimal", first, 0.0
    else:
        model = _Model(problem, progress, should_stop, started)
        model.start_from(first)
        status, solution = model.solve(deadline, model.vector(first), repair=lambda cols: _repair(problem, cols))
        chosen = [k for k in range(model.n) if solution[k] > 0.5]
        gap = 0.0 if status == "optimal" else model.value_gap(float(sum(values[k] for k in chosen)))
    value = float(sum(values[k] for k in chosen))
    balance_gap = None
    if should_stop and should_stop():
        status = "cancelled"
    if status == "optimal" and problem.pairs:
        chosen, status, balance_gap = _balance(problem, model, chosen, value, best_possible, deadline,
                                               progress, should_stop, started, balance_goal)
    chosen = [problem.pairs[k] for k in chosen]
    plan_hire = _hire(scenario, table, chosen, year, week, holidays) if hire else ()
    return _explain(scenario, table, problem, chosen, status, gap, balance_gap, plan_hire,
                    time.perf_counter() - started)


def _balance(problem, model, chosen, value, best_possible, deadline, progress, should_stop, started, goal):
    """Phase 2: among plans of ``value``, the lowest utilisation of the busiest rep.

    When the plan covers all the value there is, its markets are fixed and
    :mod:`planner.balance` spreads them, proving the result optimal when it meets
    that module's lower bound. Otherwise (or when the bound is not met) HiGHS
    searches on from the spread plan with the time left; the gap is measured
    against the better of the two bounds, and HiGHS stops after a short try at
    an exact proof once the plan is within ``goal`` of it, or within one
    schedule slot (15 minutes) of the busiest rep's week. Returns (columns,
    status, gap)."""
    full = value >= best_possible - 1e-9 * max(1.0, best_possible)
    packing, reps, markets = _spread_problem(problem, chosen)
    bound = lower_bound(packing)  # for these markets; for every plan of this value only when ``full``

    def report(best: float, low: float) -> None:
        if progress:
            progress(Progress("balance", None, (best - low) / best if best > 0 else 0.0,
                              time.perf_counter() - started))

    now = time.perf_counter()
    owner = spread(packing, bound=bound, deadline=now + (deadline - now) / 2, should_stop=should_stop,
                   progress=report)
    chosen = sorted(next(k for k in problem.by_market[m] if problem.pairs[k][0] == reps[owner[j]])
                    for j, m in enumerate(markets))
    best = _max_utilisation(problem, chosen)
    proven = bound if full else 0.0
    if best <= proven + EPS:
        return chosen, "optimal", 0.0
    if should_stop and should_stop():
        return chosen, "cancelled", (best - proven) / best
    # Close enough: within ``goal``, or within one schedule slot of the busiest rep's week.
    loads = _loads(problem.scenario, problem.table, [problem.pairs[k] for k in chosen])
    capacity = problem.table.capacity
    busiest = max((r for r, c in capacity.items() if c > 0), key=lambda r: loads[r] / capacity[r])
    slack = max(goal * best, SLOT / 60 / capacity[busiest])
    if best - proven <= slack and len(problem.pairs) > SMALL_MODEL:
        return chosen, "feasible", (best - proven) / best  # and HiGHS's model is slow to build
    model = model or _Model(problem, progress, should_stop, started)
    model.floor, model.goal, model.goal_best, model.goal_slack = proven, goal, best, slack
    model.balance(value, model.vector(chosen), markets if full else None)
    status, found = model.solve(deadline, model.vector(chosen))
    if found and status != "cancelled":
        mine = [k for k in range(model.n) if found[k] > 0.5]
        if _max_utilisation(problem, mine) < best - EPS:
            chosen, best = mine, _max_utilisation(problem, mine)
    if status == "optimal":
        return chosen, "optimal", 0.0
    proven = max(proven, model.bound or 0.0)
    if best <= proven + EPS:
        return chosen, "optimal", 0.0
    return chosen, status, max(0.0, min(1.0, (best - proven) / best))


def apply_plan(scenario: Scenario, plan: Plan) -> Scenario:
    """The scenario with the plan's assignments (locked ones kept as they were)."""
    from .model import Assignment
    return scenario.replace(assignments=[Assignment(a.rep, a.market, a.locked) for a in plan.assignments])


def plan_to_dict(plan: Plan) -> dict:
    """The plan as the CLI prints it with ``--json``."""
    return {
        "week": plan.week, "status": plan.status, "gap": plan.gap, "balance_gap": plan.balance_gap,
        "value": plan.value, "total_value": plan.total_value, "max_utilisation": plan.max_utilisation,
        "seconds": round(plan.seconds, 3),
        "assignments": [{"rep": a.rep, "market": a.market, "overlap_hours": a.overlap_hours,
                         "live_hours": a.live_hours, "load_hours": a.load_hours, "value": a.value,
                         "locked": a.locked, "reason": a.reason} for a in plan.assignments],
        "unassigned": [{"market": u.market, "value": u.value, "code": u.code, "reason": u.reason}
                       for u in plan.unassigned],
        "reps": [{"rep": r.rep, "load_hours": r.load_hours, "capacity_hours": r.capacity_hours,
                  "utilisation": r.utilisation, "markets": r.markets} for r in plan.reps],
        "hire": [{"timezone": h.timezone, "hours": h.hours, "markets": list(h.markets), "value": h.value}
                 for h in plan.hire],
    }


# --- explanations ------------------------------------------------------------------------------

def _max_utilisation(problem: _Problem, cols: list[int]) -> float:
    loads = _loads(problem.scenario, problem.table, [problem.pairs[k] for k in cols])
    return max((loads[r] / c for r, c in problem.table.capacity.items() if c > 0), default=0.0)


def _loads(scenario: Scenario, table: FitTable, chosen) -> dict[str, float]:
    loads = {r.name: 0.0 for r in scenario.reps}
    for rep, market in chosen:
        loads[rep] += table.get(rep, market).load_hours
    return loads


def _explain(scenario, table, problem, chosen, status, gap, balance_gap, hire, seconds) -> Plan:
    loads = _loads(scenario, table, chosen)
    counts = {r.name: sum(1 for rep, _ in chosen if rep == r.name) for r in scenario.reps}
    assignments = []
    for rep, market in chosen:
        fit = table.get(rep, market)
        m = scenario.market(market)
        others = sorted((f for f in (table.get(r.name, market) for r in scenario.reps)
                         if f.rep != rep and f.fits), key=lambda f: -f.overlap_hours)
        if (rep, market) in problem.locked:
            reason = f"Locked to {rep} by hand."
            if not fit.fits:
                reason += (f" Warning: they share only {fit.overlap_hours:g} h a week, "
                           f"less than its {fit.live_hours:g} h of live work.")
        else:
            reason = (f"{rep} shares {fit.overlap_hours:g} h a week with {market}'s business hours, enough for "
                      f"its {fit.live_hours:g} h of live work; it adds {fit.load_hours:g} h to {rep}'s week "
                      f"({loads[rep]:g} of {table.capacity[rep]:g} h in all).")
            if others:
                reason += " Also possible: " + ", ".join(
                    f"{f.rep} ({f.overlap_hours:g} h shared)" for f in others[:2]) + "."
            else:
                reason += " No other rep's hours fit it."
        assignments.append(PlannedAssignment(rep, market, fit.overlap_hours, fit.live_hours, fit.load_hours,
                                             m.value, (rep, market) in problem.locked, reason))
    covered = {m for _, m in chosen}
    unassigned = [_left_out(scenario, table, m, loads, counts, chosen)
                  for m in scenario.markets if m.name not in covered]
    reps = tuple(RepLoad(r.name, loads[r.name], table.capacity[r.name], counts[r.name]) for r in scenario.reps)
    value = sum(a.value for a in assignments)
    order = {m.name: i for i, m in enumerate(scenario.markets)}
    return Plan(format_week(table.year, table.week), status, gap, balance_gap, value,
                sum(m.value for m in scenario.markets),
                tuple(sorted(assignments, key=lambda a: order[a.market])), tuple(unassigned), reps,
                tuple(hire), seconds)


def _left_out(scenario, table, market, loads, counts, chosen) -> LeftOut:
    name = market.name
    fits = [table.get(r.name, name) for r in scenario.reps]
    live = fits[0].live_hours
    best = max(fits, key=lambda f: f.overlap_hours)
    fitting = [f for f in fits if f.fits and table.capacity[f.rep] > 0]
    if not fitting:
        return LeftOut(name, market.value, "no_overlap",
                       f"No rep's working hours meet {name}'s business hours long enough: it needs "
                       f"{live:g} h of live work a week; the most any rep shares with it is "
                       f"{best.overlap_hours:g} h ({best.rep}).")
    if all(f.load_hours > table.capacity[f.rep] + EPS for f in fitting):
        return LeftOut(name, market.value, "too_big",
                       f"{name} needs {fitting[0].load_hours:g} h a week, more than any fitting rep can take "
                       f"(at most {max(table.capacity[f.rep] for f in fitting):g} h).")
    if market.value <= 0:
        return LeftOut(name, market.value, "no_value", f"{name} has no value in the scenario, so no rep's "
                       "hours are spent on it.")
    settings = scenario.settings
    blocked = []
    for f in sorted(fitting, key=lambda f: -f.overlap_hours):
        free = table.capacity[f.rep] - loads[f.rep]
        mine = [m for r, m in chosen if r == f.rep]
        offsets = [table.offsets[m] for m in mine] + [table.offsets[name]]
        if f.load_hours > free + EPS:
            blocked.append(("capacity", f"{f.rep} has {loads[f.rep]:g} of {table.capacity[f.rep]:g} h planned "
                                        f"and {name} needs {f.load_hours:g} h"))
        elif counts[f.rep] >= settings.max_markets_per_rep:
            blocked.append(("focus_count", f"{f.rep} already covers {counts[f.rep]} markets, the focus limit"))
        elif max(offsets) - min(offsets) > settings.max_offset_spread_hours + EPS:
            blocked.append(("focus_spread", f"{f.rep}'s markets would span {max(offsets) - min(offsets):g} h of "
                                            f"UTC offsets, over the limit of {settings.max_offset_spread_hours:g} h"))
        else:
            blocked.append(("shared_hours", f"{f.rep}'s hours shared with {name} are already taken by the live "
                                            f"work of other markets"))
    code = blocked[0][0]
    details = "; ".join(text for _, text in blocked[:3])
    lead = {"capacity": "Every rep whose hours fit it is full",
            "focus_count": "The reps whose hours fit it are at their focus limit",
            "focus_spread": "Covering it would stretch a rep across too many time zones",
            "shared_hours": "The hours it could use are taken by higher-value markets"}[code]
    return LeftOut(name, market.value, code, f"{lead}: {details}. Markets of higher value come first.")


# --- where to hire next ------------------------------------------------------------------------

def _candidate_hours(market_hours: WorkingHours) -> WorkingHours:
    days = sorted(market_hours.workdays) or [0, 1, 2, 3, 4]
    return WorkingHours(tuple(Shift(d, 9 * 60, 18 * 60) for d in days))


def _hire(scenario, table, chosen, year, week, holidays) -> tuple[HireOption, ...]:
    covered = {m for _, m in chosen}
    open_markets = [m for m in scenario.markets if m.name not in covered]
    if not open_markets:
        return ()
    by_offset: dict[float, list] = {}
    for m in scenario.markets:
        by_offset.setdefault(table.offsets[m.name], []).append(m)
    options = []
    for offset in sorted(by_offset):
        # A home zone for the candidate: the most valuable open market at that offset, if any.
        candidates = sorted(by_offset[offset], key=lambda m: (m.name in covered, -m.value, m.name))
        home = candidates[0]
        rep = Rep(f"New rep ({home.timezone})", home.timezone, home.country,
                  _candidate_hours(home.hours), max_weekly_hours=40, subdivision=home.subdivision)
        sub = Scenario("hire", scenario.activities, (rep,), tuple(open_markets), (), scenario.settings)
        try:
            plan = optimise(sub, year, week, time_limit=5.0, hire=False, holidays=holidays)
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
