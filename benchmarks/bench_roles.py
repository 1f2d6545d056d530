"""What the team's row guard (planner/engines/pg_roles_sql.py) costs a write on a local PostgreSQL server.

``python -m benchmarks.bench_roles [--size 500x1000] [--runs 2]``

A plan of that size imported (one recorded save) by its director, a login that is not a superuser so
the guard judges every row, with the guard on, then off (the plan's owner disables it), in turn in one
run; the best of each and their ratio. A one-cell edit writes one row: the guard's cost there is one
row's, too small to see beside the round trip.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

GUARDED = ("meta", "activities", "reps", "markets", "workload", "assignments")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="500x1000")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    import psycopg

    from benchmarks.bench_engines import _plan
    from planner import history
    from planner.storage import Store
    from tests import pg_server, team_plan

    cluster = pg_server.start()
    try:
        team = team_plan.make(cluster, Path(tempfile.mkdtemp()), os.environ.__setitem__, seed=False)
        plan = _plan(args.size)
        rows = len(plan.reps) + len(plan.markets) + sum(len(m.weekly) for m in plan.markets) + len(plan.assignments)
        best: dict[str, float] = {}
        for _ in range(args.runs):
            for guard in ("on", "off"):
                store = Store(team.url("ana"))
                with psycopg.connect(team.url("ana"), autocommit=True) as conn:  # the owner: empty, guard on/off
                    conn.execute(f"TRUNCATE {', '.join(GUARDED)} CASCADE")
                    for table in GUARDED:
                        conn.execute(f"ALTER TABLE {table} {'ENABLE' if guard == 'on' else 'DISABLE'} "
                                     "TRIGGER rep_planner_guard")
                start = time.perf_counter()
                with history.recording(store, f"Import ({guard})", source="import"):
                    store.save(plan)
                best[guard] = min(best.get(guard, float("inf")), time.perf_counter() - start)
                store.close()
        print(f"{args.size}: {rows} rows imported by the director")
        print(f"guard on   {best['on']:.2f} s")
        print(f"guard off  {best['off']:.2f} s (baseline)")
        print(f"ratio      {best['on'] / best['off']:.2f}")
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
