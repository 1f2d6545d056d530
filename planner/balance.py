"""Balance: spread a fixed set of markets over reps so the busiest rep is as idle as possible.

The territory optimiser first decides which markets are covered (the most
value); this module then answers its second question, the one that decides
whether a territory is humane: who takes each of those markets so that the
highest utilisation (load / capacity) of any rep is lowest.

Two halves, both over plain numbers (minutes, rep and market indices):

* :func:`lower_bound`: no plan can do better than this. Loads come in whole
  multiples of a common step (15 minutes for the usual activities), so at a
  utilisation ``u`` rep ``r`` can carry at most ``step * floor(u * capacity_r /
  step)`` minutes, and no more than the markets it could take at all. The
  smallest ``u`` at which the reps together can carry every market is a bound;
  so is each market's load over the largest capacity among the reps who can
  take it, and each rep's locked load.
* :func:`spread`: a tabu search that asks "can every rep stay within ``u``?" for
  falling targets ``u``, starting at the bound. It moves one market or swaps two
  between reps, always keeping every rule (``fits`` is the judge), and takes
  the move that removes the most minutes over target. When it reaches the bound
  the plan is proven optimal; otherwise the caller knows how far it can be off.

Deterministic: the same inputs and iteration budget give the same plan.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass, field
from typing import Callable

EPS = 1e-9
TRIES = 24      # tries of a target in all
RESTARTS = 3    # extra tries of a target not reached, before the target is raised


@dataclass
class Spread:
    """Markets (by index) to spread over reps (by index).

    ``owner`` must be a plan that meets every rule; ``fits(rep, markets)`` says
    whether a rep may take exactly that set of markets (focus limits, shared
    hours; capacity is checked here).
    """

    capacity: list[float]          # minutes each rep can take in the week
    loads: list[int]               # minutes each market needs
    eligible: list[list[int]]      # the reps who could take each market
    owner: list[int]               # the rep of each market now
    fixed: set[int]                # markets that must stay with their rep (locked)
    max_markets: int               # focus limit: markets per rep
    fits: Callable[[int, frozenset[int]], bool]
    _cache: dict = field(default_factory=dict, repr=False)

    def allowed(self, rep: int, markets: frozenset[int]) -> bool:
        if len(markets) > self.max_markets:
            return False
        key = (rep, markets)
        known = self._cache.get(key)
        if known is None:
            known = self._cache[key] = self.fits(rep, markets)
        return known


def _step(loads: list[int]) -> int:
    step = 0
    for load in loads:
        step = math.gcd(step, load)
    return step or 1


def utilisation(problem: Spread, owner: list[int]) -> float:
    """The busiest rep's load over capacity under ``owner``."""
    load = [0] * len(problem.capacity)
    for market, rep in enumerate(owner):
        load[rep] += problem.loads[market]
    return max((l / c for l, c in zip(load, problem.capacity) if c > 0), default=0.0)


def lower_bound(problem: Spread) -> float:
    """A utilisation no plan covering all of ``problem``'s markets can beat (see module doc)."""
    loads, capacity = problem.loads, problem.capacity
    total = sum(loads)
    if total == 0:
        return 0.0
    step = _step(loads)
    # Each rep can carry at most what it could take at all: its N biggest eligible markets.
    takeable: list[list[int]] = [[] for _ in capacity]
    for market, reps in enumerate(problem.eligible):
        for rep in reps:
            takeable[rep].append(loads[market])
    reach = [sum(sorted(t, reverse=True)[:problem.max_markets]) for t in takeable]
    locked = [0] * len(capacity)
    for market in problem.fixed:
        locked[problem.owner[market]] += loads[market]
    bound = max((l / c for l, c in zip(locked, capacity) if c > 0), default=0.0)
    for market, reps in enumerate(problem.eligible):
        if market not in problem.fixed and reps:
            bound = max(bound, min((loads[market] + locked[r]) / capacity[r] for r in reps if capacity[r] > 0))

    def carried(u: float) -> int:
        return sum(min(step * math.floor(min(u, 1.0) * c / step + EPS), r)
                   for c, r in zip(capacity, reach) if c > 0)

    if carried(1.0) < total:
        return bound  # the rules alone make some markets impossible; the other bounds still hold
    low, high = 0.0, 1.0   # carried(low) < total <= carried(high)
    for _ in range(100):
        if high - low < 1e-13:
            break
        mid = (low + high) / 2
        if carried(mid) >= total:
            high = mid
        else:
            low = mid
    # The jump happens at a ratio step * j / capacity: the largest such ratio at or below ``high``.
    # Ratios of different reps lie further apart than ``high - low``, so nothing is skipped.
    jump = max(step * math.floor(high * c / step + EPS) / c for c in capacity if c > 0)
    return max(bound, jump)


class _Search:
    def __init__(self, problem: Spread, seed: int, owner: list[int] | None = None):
        self.p = problem
        self.rng = random.Random(seed)
        self.owner = list(problem.owner if owner is None else owner)
        self.sets = [set() for _ in problem.capacity]
        self.load = [0] * len(problem.capacity)
        for market, rep in enumerate(self.owner):
            self.sets[rep].add(market)
            self.load[rep] += problem.loads[market]
        self.hard = [math.floor(c + EPS) for c in problem.capacity]
        self.eligible = [[r for r in reps if problem.capacity[r] > 0] for reps in problem.eligible]
        self.can_take = [set(reps) for reps in problem.eligible]
        self.tabu: dict[int, int] = {}

    def utilisation(self) -> float:
        return max((l / c for l, c in zip(self.load, self.p.capacity) if c > 0), default=0.0)

    def within(self, target: float, iterations: int, deadline: float) -> bool:
        """Try to bring every rep within ``target`` utilisation; True when done.

        Minutes over target are weighed per rep, and a rep the search leaves over
        target weighs more each time (a "breakout"): the cheapest way out of a dead
        end becomes pushing its excess on to reps that have been easy to fix."""
        p, w, load = self.p, self.p.loads, self.load
        step = _step(w)
        limit = [min(h, step * math.floor(target * c / step + EPS)) for h, c in zip(self.hard, p.capacity)]
        weight = [1] * len(load)

        def over(rep: int, minutes: int) -> int:
            return minutes - limit[rep] if minutes > limit[rep] else 0

        excess = sum(over(r, load[r]) for r in range(len(load)))
        tabu = self.tabu = {}
        for it in range(iterations):
            if excess == 0:
                return True
            if it % 16 == 0 and time.perf_counter() > deadline:
                return False
            rep = self.rng.choice([r for r in range(len(load)) if load[r] > limit[r]])
            here = over(rep, load[rep])
            moves = []
            for market in self.sets[rep]:
                if market in p.fixed:
                    continue
                for other in self.eligible[market]:
                    if other == rep:
                        continue
                    there = over(other, load[other])
                    if load[other] + w[market] <= self.hard[other]:
                        mine, theirs = over(rep, load[rep] - w[market]), over(other, load[other] + w[market])
                        moves.append((weight[rep] * (mine - here) + weight[other] * (theirs - there),
                                      self.rng.random(), mine - here + theirs - there, market, other, -1))
                    for back in self.sets[other]:
                        if w[back] >= w[market] or back in p.fixed or rep not in self.can_take[back]:
                            continue
                        new_other = load[other] - w[back] + w[market]
                        if new_other > self.hard[other]:
                            continue
                        mine, theirs = over(rep, load[rep] - w[market] + w[back]), over(other, new_other)
                        moves.append((weight[rep] * (mine - here) + weight[other] * (theirs - there),
                                      self.rng.random(), mine - here + theirs - there, market, other, back))
            moves.sort()
            for cost, _, gain, market, other, back in moves:
                if cost >= 0 and (tabu.get(market, -1) > it or tabu.get(back, -1) > it):
                    continue  # a tabu move is only taken when it makes things better
                mine = self.sets[rep] - {market}
                theirs = self.sets[other] | {market}
                if back >= 0:
                    mine, theirs = mine | {back}, theirs - {back}
                mine, theirs = frozenset(mine), frozenset(theirs)
                if not (p.allowed(rep, mine) and p.allowed(other, theirs)):
                    continue
                self._move(market, rep, other, it)
                if back >= 0:
                    self._move(back, other, rep, it)
                excess += gain
                if cost >= 0:
                    weight[rep] += 1
                break
        return excess == 0

    def _move(self, market: int, source: int, target: int, it: int) -> None:
        self.sets[source].discard(market)
        self.sets[target].add(market)
        self.load[source] -= self.p.loads[market]
        self.load[target] += self.p.loads[market]
        self.owner[market] = target
        # A market just moved stays put for a while, so the search does not undo its own steps.
        self.tabu[market] = it + 7 + self.rng.randint(0, 5)


def spread(problem: Spread, *, bound: float | None = None, deadline: float = math.inf,
           iterations: int | None = None, should_stop: Callable[[], bool] | None = None,
           progress: Callable[[float, float], None] | None = None, seed: int = 0) -> list[int]:
    """A plan (the rep of every market) whose busiest rep is as low as the search gets.

    Tries the lower bound first, a few times from fresh random choices, then
    halves the distance between the best utilisation reached and the lowest
    target not reached. ``iterations`` bounds each try (default: 100 + 4 per
    market); ``deadline`` (a ``time.perf_counter()`` value) and ``should_stop``
    the whole search. ``progress(best, bound)`` is called after every better plan.
    """
    bound = lower_bound(problem) if bound is None else bound
    search = _Search(problem, seed)
    best_owner, best = list(search.owner), search.utilisation()
    per_try = iterations if iterations is not None else 100 + 4 * len(problem.loads)
    low = target = bound  # ``low``: the lowest target the tries have not reached
    restarts = 0
    for attempt in range(1, TRIES + 1):
        if best <= bound + EPS or best - low <= 1e-3 * best:
            break
        if time.perf_counter() > deadline or (should_stop and should_stop()):
            break
        reached = search.within(target, per_try, deadline)
        now = search.utilisation()
        if now < best - EPS:
            best_owner, best = list(search.owner), now
            if progress:
                progress(best, bound)
        if reached:
            restarts = 0
        elif restarts < RESTARTS:
            restarts += 1  # the same target again, from the best plan, with other random choices
        else:
            restarts = 0
            low = target
        if not reached:
            # A failed try can leave a worse plan behind: go on from the best one.
            search = _Search(problem, seed + attempt, best_owner)
        if not restarts:
            target = (low + best) / 2
    return best_owner
