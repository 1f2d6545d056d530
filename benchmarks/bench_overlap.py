"""Overlap matrix: the pattern-cached engine against a per-pair loop, same run.

``python -m benchmarks.bench_overlap [--full-baseline]``

The per-pair loop calls :func:`planner.overlap.overlap` for every pair,
converting both sides to instants each time. On the large sizes it would take
many minutes, so by default it is timed on an evenly spread sample of pairs and
scaled to the whole matrix (the per-pair cost does not depend on the matrix
size); ``--full-baseline`` times every pair instead. The sampled pairs are also
checked to give the same hours as the matrix.
"""

from __future__ import annotations

import argparse
import time

from planner import public_holidays, timezones
from planner.overlap import overlap, overlap_matrix

from .generate import generate

YEAR, WEEK = 2027, 11  # the US is on summer time, Europe not yet


def run(reps: int, markets: int, sample: int | None) -> dict:
    scenario = generate(reps, markets)
    rep_sides = [(r.name, r.side) for r in scenario.reps]
    market_sides = [(m.name, m.side) for m in scenario.markets]
    # Cold start: no zone conversion or holiday calendar cached from an earlier size.
    timezones.local_to_utc.cache_clear()
    public_holidays._year.cache_clear()
    start = time.perf_counter()
    matrix = overlap_matrix(rep_sides, market_sides, YEAR, WEEK)
    fast = time.perf_counter() - start

    pairs = [(i, j) for i in range(reps) for j in range(markets)]
    if sample and sample < len(pairs):
        step = len(pairs) / sample
        pairs = [pairs[int(k * step)] for k in range(sample)]
    start = time.perf_counter()
    for i, j in pairs:
        result = overlap(rep_sides[i][1], market_sides[j][1], YEAR, WEEK)
        if result.hours != matrix.hours[i][j]:
            raise SystemExit(f"mismatch at {rep_sides[i][0]} x {market_sides[j][0]}")
    per_pair = (time.perf_counter() - start) / len(pairs)
    loop = per_pair * reps * markets
    return {"size": f"{reps} x {markets}", "matrix_s": fast, "loop_s": loop, "pairs_timed": len(pairs),
            "ratio": loop / fast}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--full-baseline", action="store_true", help="time the per-pair loop on every pair")
    args = parser.parse_args()
    print(f"Overlap matrix, {YEAR}-W{WEEK:02d}, holidays on, caches cleared before each matrix")
    print(f"{'size':>12}  {'matrix':>8}  {'per-pair loop':>14}  {'pairs timed':>11}  {'speed-up':>8}")
    for reps, markets in ((100, 250), (500, 1000)):
        r = run(reps, markets, None if args.full_baseline else 2000)
        print(f"{r['size']:>12}  {r['matrix_s']:7.2f}s  {r['loop_s']:13.1f}s  {r['pairs_timed']:>11}  {r['ratio']:7.0f}x")


if __name__ == "__main__":
    main()
