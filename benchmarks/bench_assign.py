"""Territory optimiser against greedy and against today's plan, same scenarios, same run.

``python -m benchmarks.bench_assign [--time-limit S] [--seed N] [--sizes 12x40,100x250] [--profiles tight,over]``

For each size and generator profile (default, tight, over capacity: see
benchmarks/generate.py), in ISO week 2027-W11 (the US has changed its clocks
and Europe has not), three plans are measured in the same run:

* optimised: :func:`planner.territories.optimise` (``hire=False``);
* greedy: :func:`planner.territories.greedy_assignment`;
* today: :func:`planner.team.cover_everything`, every market assigned the way
  a company does it today, to the rep who shares the most hours with it.

For each plan: the time it took, the market value covered, the mean time-zone
fit of its assignments (:func:`planner.territories.mean_fit`), the busiest
rep's work as a share of their capacity, and the blocks of work the scheduler
cannot place when it builds every rep's week (``build_week``). The optimised
plan must leave 0 blocks unplaced; the script exits with status 1 otherwise.
Ratios: optimised value / greedy value, optimised mean fit / greedy's and /
today's.
"""

from __future__ import annotations

import argparse
import sys
import time

from planner.model import Assignment
from planner.schedule import build_week
from planner.team import cover_everything
from planner.territories import fit_table, greedy_assignment, mean_fit, optimise

from .generate import PROFILES, generate

YEAR, WEEK = 2027, 11


def measure(scenario, table, pairs) -> dict:
    """Value, mean fit, busiest rep's utilisation and unplaced blocks of a list of (rep, market)."""
    load = dict.fromkeys(table.capacity, 0.0)
    for rep, market in pairs:
        load[rep] += scenario.workload(scenario.market(market)).total_hours
    planned = scenario.replace(assignments=[Assignment(rep, market) for rep, market in pairs])
    return {
        "value": sum(scenario.market(m).value for _, m in pairs),
        "markets": len(pairs),
        "fit": mean_fit(table, pairs) if pairs else 0.0,
        "util": max((load[r] / table.capacity[r] for r in load if table.capacity[r] > 0), default=0.0),
        "unplaced": sum(len(build_week(planned, r.name, YEAR, WEEK).unplaced) for r in scenario.reps),
    }


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def _gap(gap: float | None) -> str:
    if gap is None:
        return "-"
    return "no bound" if gap >= 1.0 else f"{gap:.2%}"


def _sizes(text: str) -> list[tuple[int, int]]:
    try:
        return [tuple(int(n) for n in size.lower().split("x", 1)) for size in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes are REPSxMARKETS separated by commas, not {text!r}") from None


def _profiles(text: str) -> list[str]:
    names = text.split(",")
    if any(n not in PROFILES for n in names):
        raise argparse.ArgumentTypeError(f"profiles are among {', '.join(PROFILES)}, not {text!r}")
    return names


HEADER = (f"{'size':>10}  {'profile':<7}  {'plan':<9}  {'time':>8}  {'status':<9}  {'value gap':>9}  {'fit gap':>8}  "
          f"{'value':>13}  {'markets':>7}  {'mean fit':>8}  {'max util':>8}  {'unplaced':>8}")


def row(size: str, profile: str, name: str, seconds: float, m: dict, status="-", gap="-", fit_gap="-") -> str:
    return (f"{size:>10}  {profile:<7}  {name:<9}  {seconds:7.2f}s  {status:<9}  {gap:>9}  {fit_gap:>8}  "
            f"{m['value']:>13,.0f}  {m['markets']:>7}  {m['fit']:8.3f}  {m['util']:8.2f}  {m['unplaced']:>8}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0, help="which generated scenarios (default 0)")
    parser.add_argument("--sizes", type=_sizes, default="100x250,500x1000", help="REPSxMARKETS,... (default %(default)s)")
    parser.add_argument("--profiles", type=_profiles, default=",".join(PROFILES), help="default %(default)s")
    args = parser.parse_args()
    print(f"Territory optimiser vs greedy and vs today's plan (cover_everything: every market to the rep sharing "
          f"the most hours), {YEAR}-W{WEEK:02d}, time limit {args.time_limit:g} s, seed {args.seed}")
    print(HEADER)
    ratios, failed = [], False
    for reps, markets in args.sizes:
        size = f"{reps}x{markets}"
        for profile in args.profiles:
            scenario = generate(reps, markets, args.seed, profile)
            table = fit_table(scenario, YEAR, WEEK)
            today, t_today = timed(cover_everything, scenario, YEAR, WEEK)
            greedy, t_greedy = timed(greedy_assignment, scenario, YEAR, WEEK)
            plan, t_opt = timed(optimise, scenario, YEAR, WEEK, time_limit=args.time_limit, hire=False)
            m_opt = measure(scenario, table, [(a.rep, a.market) for a in plan.assignments])
            m_greedy = measure(scenario, table, list(greedy))
            m_today = measure(scenario, table, [(a.rep, a.market) for a in today.assignments])
            print(row(size, profile, "optimised", t_opt, m_opt, plan.status, _gap(plan.gap), _gap(plan.fit_gap)))
            print(row("", "", "greedy", t_greedy, m_greedy))
            print(row("", "", "today", t_today, m_today))
            failed |= m_opt["unplaced"] > 0
            ratios.append((size, profile, m_opt["value"] / m_greedy["value"] if m_greedy["value"] else float("nan"),
                           m_opt["fit"] / m_greedy["fit"] if m_greedy["fit"] else float("nan"),
                           m_opt["fit"] / m_today["fit"] if m_today["fit"] else float("nan")))
    print()
    print(f"{'size':>10}  {'profile':<7}  {'value opt/greedy':>16}  {'mean fit opt/greedy':>19}  {'mean fit opt/today':>18}")
    for size, profile, value, fit_greedy, fit_today in ratios:
        print(f"{size:>10}  {profile:<7}  {value:16.4f}  {fit_greedy:19.4f}  {fit_today:18.4f}")
    if failed:
        print("\nFAILED: an optimised plan leaves blocks unplaced (see the 'unplaced' column)")
        sys.exit(1)


if __name__ == "__main__":
    main()
