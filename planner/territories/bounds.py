"""Upper bounds: how much value or fit any plan could reach, for the gaps a plan reports."""

from __future__ import annotations

import time
from typing import Sequence

import highspy
import numpy as np

from .model import INF, new_highs
from .rules import Problem


def relaxation_bound(p: Problem, weights: Sequence[float], ceilings: dict[str, float], *,
                     covered: list[str] | None = None, min_value: float | None = None,
                     deadline: float) -> float | None:
    """An upper bound on the total ``weights`` (one per column) of any plan: the linear
    relaxation with reps of the same zone and hours taken together (their loads limited by
    ``ceilings``, hours per rep, and the focus count), each market in ``covered`` wholly
    covered, the value at least ``min_value``. It leaves out the rules on offsets, shared
    minutes and the week's schedule, so it only over-estimates. None when it cannot be
    solved by ``deadline``."""
    group_of: dict[object, int] = {}
    capacity: list[float] = []
    count: list[int] = []
    rep_group = {}
    limit = p.scenario.settings.max_markets_per_rep
    for rep in p.scenario.reps:
        g = group_of.setdefault(rep.side, len(group_of))
        if g == len(capacity):
            capacity.append(0.0)
            count.append(0)
        capacity[g] += ceilings.get(rep.name, 0.0)
        count[g] += limit
        rep_group[rep.name] = g
    arcs: dict[tuple[int, str], float] = {}
    for k, (rep, market) in enumerate(p.pairs):
        key = (rep_group[rep], market)
        arcs[key] = max(arcs.get(key, -INF), weights[k])
    keys = list(arcs)
    n = len(keys)
    if n == 0:
        return 0.0
    h = new_highs()
    h.addCols(n, -np.array([arcs[key] for key in keys]), np.zeros(n), np.ones(n), 0,
              np.array([], dtype=np.int32), np.array([], dtype=np.int32), np.array([]))
    by_market: dict[str, list[int]] = {}
    by_group: dict[int, list[int]] = {}
    for i, (g, market) in enumerate(keys):
        by_market.setdefault(market, []).append(i)
        by_group.setdefault(g, []).append(i)
    must = set(covered or ())
    load_of = {market: p.loads[cols[0]] for market, cols in p.by_market.items() if cols}
    for market, cols in by_market.items():
        h.addRow(1.0 if market in must else 0.0, 1.0, len(cols), np.array(cols, dtype=np.int32), np.ones(len(cols)))
    for g, cols in by_group.items():
        index = np.array(cols, dtype=np.int32)
        h.addRow(-INF, capacity[g], len(cols), index, np.array([load_of[keys[i][1]] for i in cols]))
        h.addRow(-INF, count[g], len(cols), index, np.ones(len(cols)))
    if min_value:
        value = {m: p.values[cols[0]] for m, cols in p.by_market.items() if cols}
        scale = max(value.values(), default=1.0) or 1.0
        h.addRow(min_value / scale * (1 - 1e-9), INF, n, np.arange(n, dtype=np.int32),
                 np.array([value[market] / scale for _, market in keys]))
    h.setOptionValue("time_limit", max(deadline - time.perf_counter(), 0.01))
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    return -h.getInfo().objective_function_value
