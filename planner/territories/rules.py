"""The rules a rep's set of markets must keep, and the scheduler's word on it.

A set of markets fits a rep when their workload is within the rep's capacity,
the focus limits hold (how many markets, how far apart their UTC offsets), and
the scheduler (:func:`planner.schedule.build_week`, with the rep's busy times
and pinned blocks) places every block of the week inside the rep's hours. That
last test is the one `schedule` applies, so a plan that passes it is a plan
the week keeps. A cheaper necessary test runs first: by Hall's theorem the
markets' live minutes must fit in the union of the minutes they share with the
rep, for every subset.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from ..model import Scenario
from ..schedule import Unplaced, build_week
from .fit import EPS, FitTable


@dataclass
class WeekCheck:
    """Asks the scheduler whether a rep's week holds a set of markets, and remembers."""

    scenario: Scenario
    year: int
    week: int
    holidays: bool = True
    busy: Mapping[str, Sequence[tuple[dt.datetime, dt.datetime]]] = field(default_factory=dict)
    pins: Mapping[str, Mapping] = field(default_factory=dict)
    calls: int = 0
    _seen: dict = field(default_factory=dict)
    _refused: dict = field(default_factory=dict)   # rep -> sets the week did not hold

    def unplaced(self, rep: str, markets: frozenset[str]) -> tuple[Unplaced, ...]:
        """The blocks the scheduler cannot place when ``rep`` covers exactly ``markets``."""
        key = (rep, markets)
        found = self._seen.get(key)
        if found is None:
            self.calls += 1
            # The order `schedule` uses for the rep's own markets: most valuable first.
            ordered = sorted((self.scenario.market(m) for m in markets), key=lambda m: (-m.value, m.name))
            week = build_week(self.scenario, rep, self.year, self.week, busy=self.busy.get(rep, ()),
                              pins=self.pins.get(rep), holidays=self.holidays, markets=ordered)
            found = self._seen[key] = week.unplaced
        return found

    def keeps(self, rep: str, markets: frozenset[str]) -> bool:
        """Whether the week holds ``markets``: the scheduler places every block, and no subset of
        them was refused before. The scheduler is a heuristic and adding a market can, rarely,
        reorder a week so that it fits; treating a refused set's supersets as refused keeps the
        search and the model's cuts in step, so every claim is about one set of plans."""
        refused = self._refused.setdefault(rep, [])
        if any(r <= markets for r in refused):
            return False
        if self.unplaced(rep, markets):
            refused.append(markets)
            return False
        return True

    def refused(self, rep: str) -> list[frozenset[str]]:
        """The sets of markets the rep's week did not hold, so far."""
        return list(self._refused.get(rep, ()))

    def smallest_unkept(self, rep: str, markets: frozenset[str], keep: frozenset[str] = frozenset()) -> frozenset[str]:
        """A subset the week cannot hold from which no market can be dropped (a deletion
        filter, least valuable first); markets in ``keep`` are never dropped."""
        core = set(markets)
        for name in sorted(markets - keep, key=lambda m: (self.scenario.market(m).value, m)):
            trial = frozenset(core - {name})
            if trial and not self.keeps(rep, trial):
                core.discard(name)
        return frozenset(core)


@dataclass
class Problem:
    """One column per (rep, market) pair the fit table allows, and the rules over them."""

    scenario: Scenario
    table: FitTable
    check: WeekCheck
    pairs: list[tuple[str, str]]
    locked: set[tuple[str, str]]
    by_rep: dict[str, list[int]]
    by_market: dict[str, list[int]]
    column: dict[tuple[str, str], int]
    values: list[float]
    loads: list[float]
    fits: list[float]      # what the search maximises: the score, ties broken by the exact fit
    scores: list[float]    # the fit score (see fit_score), what "optimal" is proven on
    locked_broken: dict[str, tuple[Unplaced, ...]] = field(default_factory=dict)  # rep -> blocks

    def live_minutes(self, k: int) -> int:
        return round(self.table.get(*self.pairs[k]).live_hours * 60)

    def markets(self, cols) -> frozenset[str]:
        return frozenset(self.pairs[k][1] for k in cols)

    def locked_of(self, rep: str) -> list[int]:
        return [k for k in self.by_rep[rep] if self.pairs[k] in self.locked]

    def fits_rep(self, rep: str, cols: Sequence[int], ceiling: float | None = None) -> bool:
        """Whether ``rep`` can take exactly these columns under every rule; ``ceiling``
        (hours) is a load limit below capacity (the balance tolerance)."""
        table, settings = self.table, self.scenario.settings
        # Locked markets alone always pass these three (optimise refuses them otherwise).
        limit = table.capacity[rep] if ceiling is None else min(table.capacity[rep], ceiling)
        if sum(self.loads[k] for k in cols) > limit + EPS or len(cols) > settings.max_markets_per_rep:
            return False
        offsets = [table.offsets[self.pairs[k][1]] for k in cols]
        if offsets and max(offsets) - min(offsets) > settings.max_offset_spread_hours + EPS:
            return False
        if rep in self.locked_broken:
            return self._no_worse(rep, cols)
        if joint_violations(self, cols):
            return False
        return not cols or self.check.keeps(rep, self.markets(cols))

    def _no_worse(self, rep: str, cols: Sequence[int]) -> bool:
        """For a rep whose locked markets alone do not fit: more markets are fine as long as
        nothing beyond those locked blocks is left unplaced."""
        got = self.check.unplaced(rep, self.markets(cols))
        if not all((rep, u.market) in self.locked for u in got):
            return False
        before: dict[str, int] = {}
        for u in self.locked_broken[rep]:
            before[u.market] = before.get(u.market, 0) + u.minutes
        after: dict[str, int] = {}
        for u in got:
            after[u.market] = after.get(u.market, 0) + u.minutes
        return all(minutes <= before.get(market, 0) for market, minutes in after.items())

    def unkept(self, rep: str, cols: Sequence[int]) -> list[list[int]]:
        """Sets of the rep's columns that break the offset limit or the live-time rule, or that the
        week cannot hold (each a cut for the model); empty when the rep keeps all of ``cols``.
        Capacity and the focus count are the model's own rows, not checked here."""
        if rep in self.locked_broken:
            extra = [k for k in cols if self.pairs[k] not in self.locked]
            return [] if self._no_worse(rep, cols) else [extra]
        spread = self.scenario.settings.max_offset_spread_hours
        offsets = [self.table.offsets[self.pairs[k][1]] for k in cols]
        if offsets and max(offsets) - min(offsets) > spread + EPS:
            return [list(cols)]
        found = joint_violations(self, cols)
        if found or not cols:
            return found
        names = self.markets(cols)
        if self.check.keeps(rep, names):
            return []
        locked = frozenset(self.pairs[k][1] for k in cols if self.pairs[k] in self.locked)
        core = self.check.smallest_unkept(rep, names, keep=locked)
        return [[self.column[(rep, m)] for m in sorted(core)]]


FIT_STEPS = 4


def fit_score(fit: float) -> float:
    """The fit as the optimiser weighs it: to the nearest quarter (a rep reaching 89% of a
    market's hours and one reaching 100% both fit it fully; 60% and 70% both by three
    quarters). Finer differences mean little to a director, and with whole quarters the
    solver proves its plan best in seconds instead of chasing hundredths for minutes."""
    return math.floor(fit * FIT_STEPS + 0.5) / FIT_STEPS  # half up (round() would go to even)


def _weights(scenario: Scenario, exact: list[float]) -> tuple[list[float], list[float]]:
    """(weights, scores): each pair's score plus its exact fit times a tie-break small enough that
    all the tie-breaks of a plan together (under 0.1) never outweigh one step of a score."""
    tie = 0.1 / (len(scenario.markets) + 1)
    scores = [fit_score(f) for f in exact]
    return [s + tie * f for s, f in zip(scores, exact)], scores


def problem(scenario: Scenario, table: FitTable, check: WeekCheck) -> Problem:
    """The columns: locked pairs, and every pair whose shared hours hold the market's live work
    (with the breaks the back-to-back limit forces) and whose load fits the rep's capacity."""
    locked = {(a.rep, a.market) for a in scenario.assignments if a.locked}
    locked_markets = {m for _, m in locked}
    pairs = sorted(locked)
    limit = scenario.settings.max_live_run_minutes
    room: dict[int, int] = {}  # live minutes a shared mask holds, once per distinct mask
    for rep in scenario.reps:
        capacity = table.capacity[rep.name]
        for market in scenario.markets:
            if market.name in locked_markets:
                continue
            fit = table.get(rep.name, market.name)
            if fit.fits and fit.load_hours <= capacity + EPS and capacity > 0:
                live = round(fit.live_hours * 60)
                if live:
                    shared = table.shared[(rep.name, market.name)]
                    if shared not in room:
                        room[shared] = live_minutes_in(shared, limit)
                    if live > room[shared]:
                        continue
                pairs.append((rep.name, market.name))
    by_rep: dict[str, list[int]] = {r.name: [] for r in scenario.reps}
    by_market: dict[str, list[int]] = {m.name: [] for m in scenario.markets}
    for k, (r, m) in enumerate(pairs):
        by_rep[r].append(k)
        by_market[m].append(k)
    p = Problem(scenario, table, check, pairs, locked, by_rep, by_market, {pair: k for k, pair in enumerate(pairs)},
                [scenario.market(m).value for _, m in pairs], [table.get(*pair).load_hours for pair in pairs],
                *_weights(scenario, [table.get(*pair).fit for pair in pairs]))
    for rep in scenario.reps:
        mine = frozenset(m for r, m in locked if r == rep.name)
        if mine and not check.keeps(rep.name, mine):
            p.locked_broken[rep.name] = check.unplaced(rep.name, mine)
    return p


def live_minutes_in(mask: int, limit: int) -> int:
    """The most live work the minutes of ``mask`` can hold: a stretch longer than the back-to-back
    limit needs a 15-minute break after each ``limit`` minutes (the scheduler's rule)."""
    total = 0
    while mask:
        low = (mask & -mask).bit_length() - 1
        run_mask = mask >> low
        length = (~run_mask & (run_mask + 1)).bit_length() - 1  # trailing ones
        total += length - 15 * (length // (limit + 15))
        mask &= ~(((1 << length) - 1) << low)
    return total


def joint_violations(p: Problem, columns: Sequence[int], max_group: int = 12) -> list[list[int]]:
    """Sets of a rep's columns whose live work cannot fit in the hours they share.

    By Hall's theorem the live work of a set of markets fits in a rep's hours
    only when every subset needs no more minutes than the union of its shared
    minutes can hold (less the breaks the back-to-back limit forces). Markets whose shared hours do not touch are independent, so subsets
    are enumerated per connected group (its first ``max_group`` markets: 2^n subsets; a larger
    group is checked in part, which only misses cuts the scheduler's check then finds).
    """
    items = [(k, p.table.shared[p.pairs[k]], p.live_minutes(k)) for k in columns
             if p.pairs[k] not in p.locked or p.table.get(*p.pairs[k]).fits]
    items = [it for it in items if it[2] > 0]
    groups: list[list[tuple[int, int, int]]] = []
    for item in items:
        touching = [g for g in groups if any(item[1] & other[1] for other in g)]
        merged = [item] + [x for g in touching for x in g]
        groups = [g for g in groups if g not in touching] + [merged]
    limit = p.scenario.settings.max_live_run_minutes
    found = []
    for group in groups:
        if len(group) < 1 or (len(group) == 1 and group[0][2] <= live_minutes_in(group[0][1], limit)):
            continue
        group = group[:max_group]
        n = len(group)
        union = [0] * (1 << n)
        need = [0] * (1 << n)
        worst, worst_set = 0, 0
        for subset in range(1, 1 << n):
            low = (subset & -subset).bit_length() - 1
            rest = subset & (subset - 1)
            union[subset] = union[rest] | group[low][1]
            need[subset] = need[rest] + group[low][2]
            excess = need[subset] - live_minutes_in(union[subset], limit)
            if excess > worst:
                worst, worst_set = excess, subset
        if worst_set:
            found.append([group[i][0] for i in range(n) if worst_set >> i & 1])
    return found
