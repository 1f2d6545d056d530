"""The hiring plan against the assignment's optimisation of the same territory, same run.

``python -m benchmarks.bench_hire [--time-limit S] [--seed N] [--sizes 20x100] [--profiles default,tight,over]
[--min-values 0,100000]``

For each generated territory (benchmarks/generate.py) and value line, in ISO week 2027-W11:
``hire`` (:func:`planner.territories.hiring_plan.plan_hires`) with its proof status, and as the
baseline the assignment the team alone gets (:func:`planner.territories.optimise`, ``hire=False``,
the same time limit), with the value it leaves out. Ratio: the hiring plan's time / the
assignment's. Every hiring plan must come back within the time limit (plus 10% for building the
final weeks) with 0 blocks unplaced; the script exits with status 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
import time

from planner.territories import optimise
from planner.territories.hiring_plan import plan_hires

from .bench_assign import _profiles, _sizes
from .generate import generate

YEAR, WEEK = 2027, 11


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sizes", type=_sizes, default="20x100")
    parser.add_argument("--profiles", type=_profiles, default="default,tight,over")
    parser.add_argument("--min-values", default="0,100000", help="value lines, comma-separated (default %(default)s)")
    args = parser.parse_args()
    lines = [float(v) for v in args.min_values.split(",")]
    print(f"hire vs assign (the team alone), {YEAR}-W{WEEK:02d}, time limit {args.time_limit:g} s, seed {args.seed}")
    print(f"{'size':>8}  {'profile':<7}  {'assign':>8}  {'left out':>10}  {'min value':>9}  {'hire':>8}  "
          f"{'ratio':>6}  {'hires':>5}  {'fewest':>6}  {'unplaced':>8}  proof")
    failed = False
    for reps, markets in args.sizes:
        for profile in args.profiles:
            scenario = generate(reps, markets, args.seed, profile)
            started = time.perf_counter()
            plan = optimise(scenario, YEAR, WEEK, time_limit=args.time_limit, hire=False)
            t_assign = time.perf_counter() - started
            for line in lines:
                started = time.perf_counter()
                hiring = plan_hires(scenario, YEAR, WEEK, line, time_limit=args.time_limit)
                t_hire = time.perf_counter() - started
                late = t_hire > args.time_limit * 1.1
                failed |= late or hiring.unplaced_blocks > 0
                print(f"{reps}x{markets:<5}  {profile:<7}  {t_assign:7.2f}s  {plan.total_value - plan.value:>10,.0f}  "
                      f"{line:>9,.0f}  {t_hire:7.2f}s  {t_hire / t_assign:6.2f}  {len(hiring.hires):>5}  "
                      f"{hiring.fewest:>6}  {hiring.unplaced_blocks:>8}  {hiring.proof()}" + ("  LATE" if late else ""))
    if failed:
        print("\nFAILED: a hiring plan was late or left blocks unplaced")
        sys.exit(1)


if __name__ == "__main__":
    main()
