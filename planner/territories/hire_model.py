"""The assignment model with hires in it: the fewest new reps that cover every market that must be.

It is the assignment's own model (:class:`.model.Model`: one column per rep and
market that fit, capacity, focus limits, Hall's live-time rows, the cuts from the
scheduler's refusals, solved round after round until every rep's week keeps its
markets) with a column per possible hire. A hire is a copy of a *kind* (a zone
with the team's usual hours); copies of one kind are interchangeable, so the week
check asks the scheduler once per kind (:class:`HireCheck`), a cut learned on one
copy holds for all, and copy 2 is hired only if copy 1 is.
"""

from __future__ import annotations

import itertools
import math
import time
from dataclasses import dataclass, field

import numpy as np

from .model import INF, Model
from .rules import Problem, WeekCheck

NOT_A_PLAN = 1e9  # the cost of a plan that leaves a market that must be covered without a rep


@dataclass
class HireCheck(WeekCheck):
    """The week check, with every copy of a hire asked as the first copy of its kind (the same
    zone, hours and holidays give the same week)."""

    alias: dict[str, str] = field(default_factory=dict)

    def unplaced(self, rep, markets):
        return super().unplaced(self.alias.get(rep, rep), markets)

    def keeps(self, rep, markets):
        return super().keeps(self.alias.get(rep, rep), markets)

    def refused(self, rep):
        return super().refused(self.alias.get(rep, rep))


class HireModel(Model):
    """Objective ``hires``: the fewest copies hired, every market in ``needed`` covered, at most
    ``max_hires`` copies (None: no limit)."""

    def __init__(self, p: Problem, kinds: dict[str, list[str]], needed: list[str], max_hires: int | None,
                 progress, should_stop, started: float):
        self.kinds = kinds
        self.kind_of = {copy: kind for kind, copies in kinds.items() for copy in copies}
        self.building = True  # each copy's known cuts come with it: no need to share them
        super().__init__(p, progress, should_stop, started)
        self.building = False
        self.phase = "hires"
        self.needed = needed
        self.max_hires = max_hires
        copies = list(self.kind_of)
        first = self._add_cols(len(copies), np.ones(len(copies)), np.zeros(len(copies)), np.ones(len(copies)),
                               integer=True)
        self.hired = {copy: first + i for i, copy in enumerate(copies)}
        self.h.changeColsCost(self.n, np.arange(self.n, dtype=np.int32), np.zeros(self.n))
        for copy, y in self.hired.items():
            cols = p.by_rep[copy]
            for k in cols:  # a copy takes a market only if hired (the strongest link for the relaxation)
                self.add_row(-INF, 0, [k, y], [1, -1])
            if cols:
                self.add_row(-INF, 0, cols + [y], [p.loads[k] for k in cols] + [-p.table.capacity[copy]])
        for names in kinds.values():
            for a, b in itertools.pairwise(names):
                self.add_row(0, INF, [self.hired[a], self.hired[b]], [1, -1])
        for market in needed:
            self.add_row(1, INF, p.by_market[market], [1] * len(p.by_market[market]))
        if max_hires is not None:
            self.add_row(-INF, max_hires, list(self.hired.values()), [1] * len(self.hired))
        # Hire counts are whole numbers: a plan less than one hire above the bound is proven minimal.
        self.h.setOptionValue("mip_abs_gap", 1 - 1e-6)

    def relax(self, deadline: float) -> None:
        """Start the bound at the linear relaxation's: whatever else the search reaches in time,
        no plan needs fewer hires than it (rounded up)."""
        self.h.setOptionValue("solve_relaxation", True)
        try:
            self.h.setOptionValue("time_limit", max(deadline - time.perf_counter(), 0.01))
            self.h.run()
            if str(self.h.getModelStatus()).endswith("kOptimal"):
                self.bound = self.h.getInfo().objective_function_value
        finally:
            self.h.setOptionValue("solve_relaxation", False)

    def hires_of(self, chosen) -> set[str]:
        return {self.p.pairs[k][0] for k in chosen if self.p.pairs[k][0] in self.kind_of}

    def cost(self, chosen) -> float:
        if self.phase != "hires":
            return super().cost(chosen)
        covered = {self.p.pairs[k][1] for k in chosen}
        count = len(self.hires_of(chosen))
        if any(m not in covered for m in self.needed) or (self.max_hires is not None and count > self.max_hires):
            return NOT_A_PLAN
        return float(count)

    def vector(self, chosen) -> list[float]:
        full = super().vector(chosen)
        for copy in self.hires_of(chosen):
            full[self.hired[copy]] = 1.0
        return full

    def reported(self, objective: float) -> float | None:
        return objective if self.phase == "hires" else super().reported(objective)

    def proven(self, best_cost: float) -> bool:
        if self.phase != "hires":
            return super().proven(best_cost)
        return self.bound is not None and best_cost <= self.fewest() + 1e-9

    def fewest(self) -> int:
        """The fewest hires any plan can have, as far as the solver has proven (0 when it has not)."""
        return max(0, math.ceil(self.bound - 1e-6)) if self.bound is not None else 0

    def add_cut(self, cols) -> None:
        """A refused set on one copy of a hire is refused on every copy of its kind."""
        kind = self.kind_of.get(self.p.pairs[cols[0]][0])
        if kind is None or self.building:
            return super().add_cut(cols)
        markets = [self.p.pairs[k][1] for k in cols]
        for copy in self.kinds[kind]:
            super().add_cut([self.p.column[(copy, m)] for m in markets])


def canonical(p: Problem, kinds: dict[str, list[str]], chosen) -> list[int]:
    """The same plan with each kind's hires on its first copies (what the symmetry rows allow)."""
    kind_of = {copy: kind for kind, copies in kinds.items() for copy in copies}
    by_copy: dict[str, list[int]] = {}
    plan = []
    for k in chosen:
        rep = p.pairs[k][0]
        (by_copy.setdefault(rep, []) if rep in kind_of else plan).append(k)
    for copies in kinds.values():
        used = [c for c in copies if c in by_copy]
        for target, source in zip(copies, used):
            plan += [p.column[(target, p.pairs[k][1])] for k in by_copy[source]]
    return sorted(plan)
