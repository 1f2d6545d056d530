"""Excel against CSV for reps and markets, in the same run: writing, reading (every row checked),
and the command line's export and import end to end.

``python -m benchmarks.bench_xlsx [--size 500x1000] [--repeat 5]``

The plan is ``benchmarks.generate``'s (seed 1). Each measurement is the best of ``--repeat``
runs, CSV and Excel taking turns (the first of a pair finds caches cold), the garbage
collector held off while timing. Printed: seconds for CSV and for Excel, their ratio, and the
files' sizes. ``export`` and ``import`` are ``rep-planner export-csv/-xlsx`` and ``import-csv/-xlsx``
on a database holding the plan (the import finds every row unchanged and writes nothing).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import tempfile
import time
from pathlib import Path

from planner import csv_io, xlsx_io
from planner.cli import main
from planner.storage import Store

from .bench_backups import scenario_of


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


def quiet(*argv: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    if code:
        raise SystemExit(f"{' '.join(argv)} failed: {err.getvalue()}")


def measure(size: str, repeat: int, folder: Path) -> list[tuple]:
    scenario = scenario_of(size)
    db = folder / "plans.db"
    store = Store(db)
    store.save(scenario)
    store.close()
    rows = []
    for kind in ("reps", "markets"):
        data = {}
        for name, module in (("csv", csv_io), ("xlsx", xlsx_io)):
            written = module.write_reps(scenario) if kind == "reps" else module.write_markets(scenario)
            data[name] = written.encode("utf-8") if isinstance(written, str) else written
        sizes = {name: len(d) for name, d in data.items()}
        steps = {
            "write": {name: (lambda m=module: m.write_reps(scenario) if kind == "reps" else m.write_markets(scenario))
                      for name, module in (("csv", csv_io), ("xlsx", xlsx_io))},
            "read": {name: (lambda m=module, d=data[name]: m.read_reps(d) if kind == "reps"
                            else m.read_markets(d, scenario))
                     for name, module in (("csv", csv_io), ("xlsx", xlsx_io))},
            "export": {name: (lambda n=name: quiet("--db", str(db), f"export-{n}", kind, str(folder / f"{kind}.{n}")))
                       for name in ("csv", "xlsx")},
            "import": {name: (lambda n=name: quiet("--db", str(db), f"import-{n}", kind, str(folder / f"{kind}.{n}")))
                       for name in ("csv", "xlsx")},
        }
        for step, fns in steps.items():
            timed = {"csv": [], "xlsx": []}
            for turn in range(repeat):
                order = ("csv", "xlsx") if turn % 2 == 0 else ("xlsx", "csv")
                for name in order:
                    timed[name].append(best(fns[name], 1))
            csv_s, xlsx_s = min(timed["csv"]), min(timed["xlsx"])
            rows.append((kind, step, csv_s, xlsx_s, xlsx_s / csv_s, sizes))
    return rows


def main_(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="500x1000", help="reps x markets (default 500x1000)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        rows = measure(args.size, args.repeat, Path(folder))
    reps, markets = args.size.split("x")
    print(f"{reps} reps and {markets} markets, CSV against Excel (.xlsx), best of {args.repeat}, "
          "interleaved, GC paused while timing")
    print(f"{'':8} {'':7} {'CSV':>9} {'Excel':>9} {'ratio':>7}")
    for kind, step, csv_s, xlsx_s, ratio, _ in rows:
        print(f"{kind:8} {step:7} {csv_s:8.3f}s {xlsx_s:8.3f}s {ratio:6.1f}x")
    for kind in ("reps", "markets"):
        sizes = next(r[5] for r in rows if r[0] == kind)
        print(f"{kind} file: CSV {sizes['csv'] / 1024:,.0f} KB, Excel {sizes['xlsx'] / 1024:,.0f} KB")


if __name__ == "__main__":
    main_()
