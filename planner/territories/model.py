"""The HiGHS model of the assignment, tightened by cuts until its plan is one the week keeps.

This is logic-based Benders decomposition: the model proposes a plan; each
rep's set of markets is checked (Hall's live-time test, then the scheduler);
a set that fails gives a cut (not all of these markets on this rep again,
shrunk to a smallest failing subset) and the model is solved again. When its
plan passes, it is optimal among the plans whose every rep's week the
scheduler keeps: the cuts remove only sets the scheduler refused.

Three objectives, one after the other, each keeping the previous one's answer:
``value`` (the most value covered), ``excess`` (how far the busiest rep is above
the balance band: the team's average utilisation plus a margin) and ``fit``
(the sum of the fits of the chosen pairs).
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from typing import Callable

import highspy
import numpy as np

from .fit import EPS
from .rules import Problem, live_minutes_in

INF = highspy.kHighsInf
_banner_shown = False


@dataclass(frozen=True)
class Progress:
    """What a long optimisation has reached, for a progress bar."""

    phase: str            # "value", "balance" or "fit"
    value: float | None   # best covered value found so far (phase "value")
    gap: float            # relative gap of the current phase
    seconds: float


def new_highs() -> highspy.Highs:
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


class Model:
    """The model, built once from arrays, then given cuts and new objectives."""

    def __init__(self, p: Problem, progress: Callable | None, should_stop: Callable | None, started: float):
        self.p = p
        self.h = new_highs()
        self.h.setOptionValue("mip_rel_gap", 0.0)
        self.h.setOptionValue("random_seed", 0)
        self.started = started
        self.phase = "value"
        self.cancelled = False
        self.bound: float | None = None   # best dual bound of the current phase (minimisation)
        self.windows: dict[str, list[tuple[int, float]]] = {}
        self.n = len(p.pairs)
        self.extra: dict[str, int] = {}   # the excess and average columns, once added
        self.values = np.array(p.values, dtype=float)
        self.value_scale = max(self.values.max(initial=0.0), 1.0)
        lower = np.array([1.0 if pair in p.locked else 0.0 for pair in p.pairs])
        self._add_cols(self.n, -self.values / self.value_scale, lower, np.ones(self.n), integer=True)
        self._rows()

        def on_improving(event):
            if progress:
                out = event.data_out
                value, gap = self.reported(out.objective_function_value), out.mip_gap
                progress(Progress(self.phase, value, max(0.0, min(1.0, gap)), time.perf_counter() - self.started))

        def on_interrupt(event):
            if should_stop and should_stop():
                self.cancelled = True
                event.data_in.user_interrupt = True

        self.h.cbMipImprovingSolution.subscribe(on_improving)
        self.h.cbMipInterrupt.subscribe(on_interrupt)

    def reported(self, objective: float) -> float | None:
        """What a progress report carries for a better plan of this objective: the value covered."""
        return -objective * self.value_scale if self.phase == "value" else None

    def proven(self, best_cost: float) -> bool:
        """Whether a plan of ``best_cost`` meets the bound the solver has proven."""
        return self.bound is not None and best_cost <= self.bound + 1e-7

    def _add_cols(self, count, costs, lower, upper, integer: bool) -> int:
        first = self.h.getNumCol()
        self.h.addCols(count, np.asarray(costs, dtype=float), np.asarray(lower, dtype=float),
                       np.asarray(upper, dtype=float), 0, np.array([], dtype=np.int32),
                       np.array([], dtype=np.int32), np.array([]))
        if integer and count:
            self.h.changeColsIntegrality(count, np.arange(first, first + count, dtype=np.int32),
                                         np.array([highspy.HighsVarType.kInteger] * count))
        return first

    def add_row(self, lower: float, upper: float, columns, coefficients) -> None:
        self.h.addRow(lower, upper, len(columns), np.asarray(columns, dtype=np.int32),
                      np.asarray(coefficients, dtype=float))

    def _rows(self) -> None:
        p, settings = self.p, self.p.scenario.settings
        for cols in p.by_market.values():
            if len(cols) > 1:
                self.add_row(-INF, 1, cols, [1] * len(cols))
        for rep, cols in p.by_rep.items():
            if not cols:
                continue
            loads = [p.loads[k] for k in cols]
            if sum(loads) > p.table.capacity[rep] + EPS:
                self.add_row(-INF, p.table.capacity[rep], cols, loads)
            if len(cols) > settings.max_markets_per_rep:
                self.add_row(-INF, settings.max_markets_per_rep, cols, [1] * len(cols))
            self._known_cuts(rep, cols)

    def _spread_broken(self, rep: str, cols: list[int]) -> bool:
        """The rep's markets span more UTC offsets than the focus limit. Its rows are added
        only then (few reps ever need them, and they are most of a full model's size), and
        with them those of every rep on the same zone and hours, whom the solver would try next."""
        spread = self.p.scenario.settings.max_offset_spread_hours
        offsets = [self.p.table.offsets[self.p.pairs[k][1]] for k in cols]
        if rep in self.windows or not offsets or max(offsets) - min(offsets) <= spread + EPS:
            return False
        side = self.p.scenario.rep(rep).side
        for twin in self.p.scenario.reps:
            if twin.name not in self.windows and self.p.by_rep[twin.name] and twin.side == side:
                self._spread_rows(twin.name, self.p.by_rep[twin.name], spread)
        return True

    def _spread_rows(self, rep: str, cols: list[int], spread: float) -> None:
        offsets = {k: self.p.table.offsets[self.p.pairs[k][1]] for k in cols}
        starts = sorted(set(offsets.values()))
        if starts[-1] - starts[0] <= spread + EPS:
            return
        # One window of offsets [w, w + spread] is chosen per rep; if it is, no market outside
        # it goes to the rep. One row per window keeps the model small.
        first = self._add_cols(len(starts), np.zeros(len(starts)), np.zeros(len(starts)), np.ones(len(starts)),
                               integer=True)
        windows = list(range(first, first + len(starts)))
        self.windows[rep] = list(zip(windows, starts))
        self.add_row(1, 1, windows, [1] * len(windows))
        limit = self.p.scenario.settings.max_markets_per_rep
        for w, start in zip(windows, starts):
            outside = [k for k in cols if not start - EPS <= offsets[k] <= start + spread + EPS]
            if outside:
                big = min(len(outside), limit)
                self.add_row(-INF, big, outside + [w], [1] * len(outside) + [big])

    def _known_cuts(self, rep: str, cols: list[int]) -> None:
        """Cuts known up front: markets with the very same shared hours, all of the rep's
        together, and every set the scheduler has already refused this rep."""
        same: dict[int, list[int]] = {}
        for k in cols:
            same.setdefault(self.p.table.shared[self.p.pairs[k]], []).append(k)
        for group in [g for g in same.values() if len(g) > 1] + [cols]:
            self.add_hall_cut(group)
        for markets in self.p.check.refused(rep):
            if all((rep, m) in self.p.column for m in markets):
                self.add_cut([self.p.column[(rep, m)] for m in markets])

    def add_hall_cut(self, cols: list[int]) -> None:
        union = 0
        for k in cols:
            union |= self.p.table.shared[self.p.pairs[k]]
        live = [self.p.live_minutes(k) for k in cols]
        room = live_minutes_in(union, self.p.scenario.settings.max_live_run_minutes)
        if sum(live) > room:
            self.add_row(-INF, room, cols, live)

    def add_cut(self, cols: list[int]) -> None:
        """Not all of these columns together (a no-good; one column: never that column)."""
        if not all(self.p.pairs[k] in self.p.locked for k in cols):
            self.add_row(-INF, len(cols) - 1, cols, [1] * len(cols))

    def vector(self, chosen: list[int]) -> list[float]:
        """A full start vector (windows and extra columns included) for the plan ``chosen``."""
        full = [0.0] * self.h.getNumCol()
        for k in chosen:
            full[k] = 1.0
        for rep, windows in self.windows.items():
            mine = [self.p.table.offsets[self.p.pairs[k][1]] for k in chosen if self.p.pairs[k][0] == rep]
            low = min(mine, default=windows[0][1])
            full[next(w for w, start in windows if start >= low - EPS)] = 1.0
        if self.extra:
            load = {r: 0.0 for r in self.p.by_rep}
            for k in chosen:
                load[self.p.pairs[k][0]] += self.p.loads[k]
            caps = {r: c for r, c in self.p.table.capacity.items() if c > 0}
            average = sum(load[r] for r in caps) / sum(caps.values()) if caps else 0.0
            full[self.extra["average"]] = average
            full[self.extra["excess"]] = max([0.0] + [load[r] / c - average - self.margin for r, c in caps.items()])
        return full

    def cost(self, chosen: list[int]) -> float:
        """The current phase's objective for a plan (lower is better)."""
        if self.phase == "value":
            return -sum(self.p.values[k] for k in chosen) / self.value_scale
        if self.phase == "balance":
            return self.vector(chosen)[self.extra["excess"]]
        return -sum(self.p.scores[k] for k in chosen)

    def solve(self, deadline: float, start: list[int], repair: Callable[[list[int]], list[int]] | None = None
              ) -> tuple[str, list[int]]:
        """Run to the deadline, adding cuts until the plan is one every rep's week keeps.

        ``start`` keeps every rule; it comes back (``feasible``) when time runs out
        before a better plan that keeps them. ``repair`` turns a solver plan that breaks
        a rule into one that keeps them all; the best such plan starts the next round
        and is optimal as soon as it meets the bound, which the cuts only raise."""
        if self.n == 0:
            return "optimal", []
        best, best_cost = start, self.cost(start)
        self._spread_from_relaxation(deadline)
        self.h.setSolution(self._as_solution(self.vector(start)))
        while True:
            self.h.setOptionValue("time_limit", max(deadline - time.perf_counter(), 0.01))
            self.h.run()
            bound = self.h.getInfo().mip_dual_bound
            if bound == bound and abs(bound) != INF:
                self.bound = bound if self.bound is None else max(self.bound, bound)
            status = self.h.getModelStatus()
            stopped = "cancelled" if self.cancelled else "feasible"
            values = list(self.h.getSolution().col_value) if self.h.getInfo().primal_solution_status else []
            if not values:
                return stopped, best
            chosen = [k for k in range(self.n) if values[k] > 0.5]
            mine = self._by_rep(chosen)
            spread = [rep for rep, cols in mine.items() if self._spread_broken(rep, cols)]
            cuts = [cut for rep, cols in mine.items() if rep not in spread for cut in self.p.unkept(rep, cols)]
            if not cuts and not spread:
                if self.cost(chosen) < best_cost - 1e-9:
                    best, best_cost = chosen, self.cost(chosen)
                if self.cancelled:
                    return "cancelled", best
                if status == highspy.HighsModelStatus.kOptimal:
                    return "optimal", best
                return "feasible", best
            for cut in cuts:
                self.add_cut(cut)
            if repair:
                mended = repair(chosen)
                if self.cost(mended) < best_cost - 1e-9:
                    best, best_cost = mended, self.cost(mended)
            if self.proven(best_cost):
                return ("cancelled" if self.cancelled else "optimal"), best
            if self.cancelled or time.perf_counter() >= deadline:
                return stopped, best
            self.h.setSolution(self._as_solution(self.vector(best)))

    def _spread_from_relaxation(self, deadline: float, rounds: int = 8) -> None:
        """Add the offset rows of every rep whose markets in the linear relaxation already lie
        too far apart: a relaxation solves in a fraction of a second, each integer round that
        finds one more such rep costs a whole solve."""
        self.h.setOptionValue("solve_relaxation", True)
        try:
            for _ in range(rounds):
                if time.perf_counter() >= deadline:
                    break
                self.h.setOptionValue("time_limit", max(deadline - time.perf_counter(), 0.01))
                self.h.run()
                if self.h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
                    break
                values = self.h.getSolution().col_value
                used = self._by_rep([k for k in range(self.n) if values[k] > 1e-6])
                if not [rep for rep, cols in used.items() if self._spread_broken(rep, cols)]:
                    break
        finally:
            self.h.setOptionValue("solve_relaxation", False)

    def _by_rep(self, chosen: list[int]) -> dict[str, list[int]]:
        mine: dict[str, list[int]] = {}
        for k in chosen:
            mine.setdefault(self.p.pairs[k][0], []).append(k)
        return mine

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

    def keep_value(self, value: float, full: list[str] | None) -> None:
        """Later objectives keep this value: each market in ``full`` covered when it is all
        the value there is (an easier LP than one dense row), else value at least ``value``."""
        if full is not None:
            for market in full:
                cols = self.p.by_market[market]
                self.add_row(1, 1, cols, [1] * len(cols))
        else:
            scaled = self.values / self.value_scale
            self.add_row(value / self.value_scale - 1e-7 * max(1.0, value / self.value_scale), INF,
                         list(range(self.n)), scaled)

    def balance(self, margin: float, average: float | None = None) -> None:
        """Objective ``excess``: how far the busiest rep is above the team's average plus ``margin``.

        ``average``, when the markets covered are settled (so the team's work is too), is the
        average utilisation as a number: each rep's band is then a plain load limit, which the
        solver handles far better than a row tying every rep to every market."""
        self.phase, self.bound, self.margin = "balance", None, margin
        caps = {r: c for r, c in self.p.table.capacity.items() if c > 0}
        low, high = (average, average) if average is not None else (0.0, INF)
        column = self._add_cols(1, [0.0], [low], [high], integer=False)
        excess = self._add_cols(1, [1.0], [0.0], [INF], integer=False)
        self.extra = {"average": column, "excess": excess}
        self.h.changeColsCost(self.n, np.arange(self.n, dtype=np.int32), np.zeros(self.n))
        total = sum(caps.values())
        if total and average is None:
            # average = the team's planned work / the team's capacity (one row, not one per rep)
            self.add_row(0, 0, list(range(self.n)) + [column], [load / total for load in self.p.loads] + [-1])
        for rep, cols in self.p.by_rep.items():
            if not cols or rep not in caps:
                continue
            if average is None:
                self.add_row(-INF, margin, cols + [column, excess],
                             [self.p.loads[k] / caps[rep] for k in cols] + [-1, -1])
            else:
                self.add_row(-INF, average + margin, cols + [excess], [self.p.loads[k] / caps[rep] for k in cols] + [-1])

    def fit(self, allowed_excess: float) -> None:
        """Objective ``fit``: the most fit, keeping the busiest rep within ``allowed_excess`` of the band."""
        self.phase, self.bound = "fit", None
        excess = self.extra["excess"]
        self.h.changeColBounds(excess, 0.0, allowed_excess + 1e-9)
        self.h.changeColCost(excess, 0.0)
        self.h.changeColsCost(self.n, np.arange(self.n, dtype=np.int32), -np.array(self.p.scores, dtype=float))
        # Scores come in whole steps: within less than one step of the bound, the plan is proven
        # best. Ties between plans of the best score are the search's to break (exact fit).
        self.h.setOptionValue("mip_abs_gap", 0.2)
