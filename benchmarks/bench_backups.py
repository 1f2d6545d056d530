"""What a backup and a restore cost, against writing the whole plan once.

``python -m benchmarks.bench_backups [--sizes demo,100x250,500x1000]``

For each size (the demo, then ``benchmarks.generate`` scenarios of reps x markets) the baseline,
measured in the same run, is saving the whole plan into an empty database (what ``import`` into a
new file does). Then: a backup (SQLite's online backup API), ``backups`` listing 20 backups with
what each holds, a restore (a backup of the current state, then the copy back), and opening the
database ``--read-only`` (immutable) against opening it normally. Best of 3, wall clock.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from planner import backups, scenario_file
from planner.storage import DEMO_PATH, Store


def best(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def scenario_of(size: str):
    if size == "demo":
        return scenario_file.load(DEMO_PATH)
    from benchmarks.generate import generate

    reps, markets = map(int, size.split("x"))
    return generate(reps, markets, seed=1)


def measure(size: str, folder: Path) -> dict:
    scenario = scenario_of(size)
    n = iter(range(10**6))

    def fresh_save():
        store = Store(folder / f"save-{next(n)}.db")
        store.save(scenario)
        store.close()

    baseline = best(fresh_save)
    db = folder / "plans.db"
    store = Store(db)
    store.save(scenario)
    clock = (dt.datetime(2027, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(seconds=s) for s in range(10**6))
    store.clock = lambda: next(clock)
    backup = best(lambda: store.backup("bench"))
    for _ in range(20):
        store.backup("bench")
    store.close()
    listing = best(lambda: [b.summary() for b in backups.listing(db)])
    restore = best(lambda: backups.restore(db, "latest", now=next(clock)))
    normal = best(lambda: Store(db, create=False).close())
    read_only = best(lambda: Store(db, read_only=True).close())
    return {"size": size, "bytes": db.stat().st_size, "save": baseline, "backup": backup, "listing": listing,
            "restore": restore, "open": normal, "open_ro": read_only}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="demo,100x250,500x1000")
    sizes = parser.parse_args().sizes.split(",")
    print(f"{'size':>9}  {'db':>8}  {'save (base)':>11}  {'backup':>15}  {'list 20':>15}  {'restore':>15}  "
          f"{'open':>7}  {'--read-only':>17}")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            r = measure(size, Path(tmp))
        ratio = lambda key: f"{r[key] * 1000:7.1f} ms {r[key] / r['save']:4.2f}x"  # noqa: E731
        print(f"{r['size']:>9}  {r['bytes'] / 1e6:6.2f}MB  {r['save'] * 1000:8.1f} ms  {ratio('backup')}  "
              f"{ratio('listing')}  {ratio('restore')}  {r['open'] * 1000:4.1f} ms  "
              f"{r['open_ro'] * 1000:5.1f} ms {r['open_ro'] / r['open']:4.2f}x")


if __name__ == "__main__":
    main()
