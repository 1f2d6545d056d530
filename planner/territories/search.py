"""Quick plans and local search: a first plan, repairs, and moves toward a better fit.

Every plan these functions return keeps every rule of
:meth:`~planner.territories.rules.Problem.fits_rep`, the scheduler's check
included: each change is made only after the rep's new set of markets passes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from .fit import EPS
from .rules import Problem


@dataclass
class State:
    """A plan being improved: each rep's columns and load."""

    p: Problem
    mine: dict[str, list[int]]
    load: dict[str, float]

    @classmethod
    def of(cls, p: Problem, chosen) -> "State":
        mine = {r.name: [] for r in p.scenario.reps}
        for k in chosen:
            mine[p.pairs[k][0]].append(k)
        return cls(p, mine, {r: sum(p.loads[k] for k in cols) for r, cols in mine.items()})

    def chosen(self) -> list[int]:
        return sorted(k for cols in self.mine.values() for k in cols)

    def owner(self) -> dict[str, int]:
        return {self.p.pairs[k][1]: k for cols in self.mine.values() for k in cols}

    def move(self, k_from: int | None, k_to: int | None) -> None:
        for k, sign in ((k_from, -1), (k_to, 1)):
            if k is None:
                continue
            rep = self.p.pairs[k][0]
            if sign < 0:
                self.mine[rep].remove(k)
            else:
                self.mine[rep].append(k)
            self.load[rep] += sign * self.p.loads[k]


def _capacities(p: Problem) -> dict[str, float]:
    return {r: c for r, c in p.table.capacity.items() if c > 0}


def band_of(p: Problem, load: dict[str, float], margin: float) -> float:
    """The utilisation no rep should exceed: the team's average plus ``margin``."""
    caps = _capacities(p)
    total = sum(caps.values())
    return (sum(load[r] for r in caps) / total if total else 0.0) + margin


def excess_of(p: Problem, load: dict[str, float], margin: float) -> float:
    """How far the busiest rep is above the band (0 when every rep is within it)."""
    caps = _capacities(p)
    band = band_of(p, load, margin)
    return max([0.0] + [load[r] / c - band for r, c in caps.items()])


def first_plan(p: Problem, margin: float, *, by_fit: bool = True, deadline: float = float("inf")) -> list[int]:
    """Markets by value, highest first, each to a rep who can take it under every rule.

    ``by_fit``: the rep with the best fit first, kept within the balance band
    estimated from all the work that could be covered (a second pass ignores the
    band so that no value is lost to it). Otherwise (the benchmark's baseline,
    the obvious plan) the rep with the most free hours first."""
    state = State.of(p, [k for r in p.by_rep for k in p.locked_of(r)])
    taken = set(state.owner())
    caps = _capacities(p)
    coverable = sum(p.loads[cols[0]] for cols in p.by_market.values() if cols)
    average = min(1.0, coverable / sum(caps.values())) if caps else 0.0
    for market in sorted(p.scenario.markets, key=lambda m: (-m.value, m.name)):
        if market.name in taken:
            continue
        if time.perf_counter() >= deadline:
            break  # out of time: the markets not reached stay out
        if by_fit:
            candidates = sorted(p.by_market[market.name], key=lambda k: (-p.fits[k], k))
            passes = ((average + margin), None)
        else:
            candidates = sorted(p.by_market[market.name],
                                key=lambda k: (-(p.table.capacity[p.pairs[k][0]] - state.load[p.pairs[k][0]]), k))
            passes = (None,)
        for band in passes:
            k = next((k for k in candidates if p.fits_rep(
                p.pairs[k][0], state.mine[p.pairs[k][0]] + [k],
                None if band is None else band * p.table.capacity[p.pairs[k][0]])), None)
            if k is not None:
                state.move(None, k)
                break
    return state.chosen()


def repair(p: Problem, chosen: list[int], deadline: float) -> list[int]:
    """A plan that keeps every rule, made from one that does not (a solver's plan before its cuts).

    From each rep whose markets break a rule, the least valuable market of the
    broken set leaves; then every market left out, most valuable first, goes where
    it can (see :func:`improve_value`)."""
    state = State.of(p, chosen)
    out = []
    for rep, cols in state.mine.items():
        while broken := p.unkept(rep, cols):
            drop = min((k for k in broken[0] if p.pairs[k] not in p.locked),
                       key=lambda k: (p.values[k], k), default=None)
            if drop is None:
                break  # only locked markets clash: kept as the user set them
            state.move(drop, None)
            out.append(drop)
    return improve_value(p, state.chosen(), deadline)


def improve_value(p: Problem, chosen: list[int], deadline: float) -> list[int]:
    """More value: each market left out, most valuable first, goes to a rep who can take it,
    directly or in place of a less valuable market of theirs (which then goes elsewhere if it can)."""
    state = State.of(p, chosen)
    owner = state.owner()
    for market in sorted(p.scenario.markets, key=lambda m: (-m.value, m.name)):
        if time.perf_counter() >= deadline:
            break
        if market.name in owner or market.value <= 0:
            continue
        for k in sorted(p.by_market[market.name], key=lambda k: (-p.fits[k], k)):
            rep = p.pairs[k][0]
            if p.fits_rep(rep, state.mine[rep] + [k]):
                state.move(None, k)
                break
            swapped = False
            for out in sorted(state.mine[rep], key=lambda j: (p.values[j], j)):
                if p.values[out] >= p.values[k] or p.pairs[out] in p.locked:
                    continue
                state.move(out, k)
                if p.fits_rep(rep, state.mine[rep]):
                    for alt in sorted(p.by_market[p.pairs[out][1]], key=lambda j: (-p.fits[j], j)):
                        other = p.pairs[alt][0]
                        if other != rep and p.fits_rep(other, state.mine[other] + [alt]):
                            state.move(None, alt)
                            break
                    swapped = True
                    break
                state.move(k, out)
            if swapped:
                break
        owner = state.owner()
    return state.chosen()


def reduce_excess(p: Problem, chosen: list[int], margin: float, deadline: float) -> list[int]:
    """Move markets off the busiest rep while that brings it nearer the band."""
    state = State.of(p, chosen)
    caps = _capacities(p)
    while time.perf_counter() < deadline:
        excess = excess_of(p, state.load, margin)
        if excess <= EPS:
            break
        worst = max(caps, key=lambda r: (state.load[r] / caps[r], r))
        best = None
        for k in sorted(state.mine[worst]):
            if p.pairs[k] in p.locked:
                continue
            for k2 in p.by_market[p.pairs[k][1]]:
                rep = p.pairs[k2][0]
                if rep == worst:
                    continue
                state.move(k, k2)
                after = excess_of(p, state.load, margin)
                state.move(k2, k)
                if after < excess - EPS and (best is None or (after, -p.fits[k2]) < best[0]) \
                        and p.fits_rep(rep, state.mine[rep] + [k2]):
                    best = ((after, -p.fits[k2]), k, k2)
        if best is None:
            break
        state.move(best[1], best[2])
    return state.chosen()


def improve_fit(p: Problem, chosen: list[int], margin: float, allowed_excess: float, deadline: float) -> list[int]:
    """Moves toward a better fit that keep every rule and the band (plus ``allowed_excess``).

    Single moves of a market to a rep it fits better, uncovered markets of no
    value added where they fit, and two-step chains (a market makes room on the
    rep it fits best by moving one of that rep's markets elsewhere), until no
    such move helps or the deadline passes."""
    state = State.of(p, chosen)

    def within(*reps: str) -> bool:
        band = band_of(p, state.load, margin) + allowed_excess + EPS
        caps = p.table.capacity
        return all(caps[r] > 0 and state.load[r] / caps[r] <= band for r in reps) and \
            excess_of(p, state.load, margin) <= allowed_excess + EPS

    def try_moves(*moves: tuple[int | None, int]) -> bool:
        """Make the moves; keep them if every rep they touch keeps every rule, else undo."""
        for k_from, k_to in moves:
            state.move(k_from, k_to)
        touched = {p.pairs[k_to][0] for _, k_to in moves}
        if within(*touched) and all(p.fits_rep(rep, state.mine[rep]) for rep in touched):
            return True
        for k_from, k_to in reversed(moves):
            state.move(k_to, k_from)
        return False

    improved = True
    while improved and time.perf_counter() < deadline:
        improved = False
        owner = state.owner()
        for market in p.scenario.markets:
            if time.perf_counter() >= deadline:
                break
            k = owner.get(market.name)
            if k is not None and p.pairs[k] in p.locked:
                continue
            if k is None and market.value > 0:
                continue  # covering it would change the value: phase 1 settled that
            current = p.fits[k] if k is not None else -1.0
            better = sorted((j for j in p.by_market[market.name] if p.fits[j] > current + EPS),
                            key=lambda j: (-p.fits[j], j))
            for j in better:
                if try_moves((k, j)):
                    improved = True
                    break
                if k is not None and _chain(p, state, k, j, try_moves):
                    improved = True
                    break
            if improved:
                owner = state.owner()
    return state.chosen()


def _chain(p: Problem, state: State, k: int, j: int, try_moves) -> bool:
    """Make room for column ``j`` (the market of ``k``) on its rep by moving one of that rep's
    markets elsewhere, the market's own rep included (a swap)."""
    rep = p.pairs[j][0]
    gain = p.fits[j] - p.fits[k]
    for other in sorted(state.mine[rep]):
        if p.pairs[other] in p.locked:
            continue
        for alt in sorted(p.by_market[p.pairs[other][1]], key=lambda a: (-p.fits[a], a)):
            if alt == other or p.fits[alt] - p.fits[other] + gain <= EPS:
                continue
            if try_moves((k, j), (other, alt)):
                return True
    return False
