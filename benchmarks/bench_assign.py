"""Territory optimiser against a greedy baseline, same scenarios, same run.

``python -m benchmarks.bench_assign [--time-limit S] [--seed N]``

Greedy (:func:`planner.territories.greedy`): markets by value, highest first;
each goes to the rep with the most free hours among those who can take it
under the same rules the optimiser obeys.
"""

from __future__ import annotations

import argparse
import time

from planner.territories import _problem, fit_table, greedy, optimise

from .generate import generate

YEAR, WEEK = 2027, 11


def greedy_plan(scenario, table):
    problem = _problem(scenario, table)
    chosen = [problem.pairs[k] for k in greedy(problem)]
    value = sum(scenario.market(m).value for _, m in chosen)
    load = {r.name: 0.0 for r in scenario.reps}
    for rep, market in chosen:
        load[rep] += table.get(rep, market).load_hours
    util = max((load[r] / table.capacity[r] for r in load if table.capacity[r] > 0), default=0)
    return value, util


def _gap(gap: float | None) -> str:
    if gap is None:
        return "-"
    return "no bound" if gap >= 1.0 else f"{gap:.1%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0, help="which generated scenarios (default 0)")
    args = parser.parse_args()
    print(f"Territory optimiser vs greedy, {YEAR}-W{WEEK:02d}, time limit {args.time_limit:g} s, seed {args.seed}")
    print(f"{'size':>12}  {'optimiser':>9}  {'status':>8}  {'gap':>7}  {'greedy':>7}  "
          f"{'value ratio':>11}  {'max util opt':>12}  {'balance gap':>11}  {'max util greedy':>15}")
    for reps, markets in ((100, 250), (500, 1000)):
        scenario = generate(reps, markets, args.seed)
        table = fit_table(scenario, YEAR, WEEK)
        start = time.perf_counter()
        g_value, g_util = greedy_plan(scenario, table)
        g_time = time.perf_counter() - start
        start = time.perf_counter()
        plan = optimise(scenario, YEAR, WEEK, time_limit=args.time_limit, hire=False)
        o_time = time.perf_counter() - start
        print(f"{reps:>4} x {markets:<5}  {o_time:8.2f}s  {plan.status:>8}  {plan.gap:7.2%}  {g_time:6.2f}s  "
              f"{plan.value / g_value:11.4f}  {plan.max_utilisation:12.3f}  "
              f"{_gap(plan.balance_gap):>11}  {g_util:15.3f}")


if __name__ == "__main__":
    main()
