"""The app on a team's PostgreSQL server against the same app on a SQLite file, in the same run.

``python -m benchmarks.bench_engines [--sizes demo,500x1000] [--runs 3]``

The same plan (the demo, then ``benchmarks.generate`` plans of reps x markets, every market assigned
as ``cover_everything`` assigns it, week 2027-W11) is put in a file and in a database on a server:
``REP_PLANNER_PG_URL`` (a superuser's URL; a database is made for each size) when set, else a
throwaway cluster on 127.0.0.1 started as the tests start theirs (tests/pg_server.py). The server is
local: what is measured is the engine, not a network.

Timed on each, best of ``--runs``:

``open``     the window built over the plan (``Store`` opened, plan read, every view made), shown and painted
``ready``    until the figures it shows (each rep's week, worked out by workers that open their own
             connections) are in and painted
``refresh``  ``Session.reload``: the plan read again after a change from outside (an import), the views
             told, the window painted
``edit``     an assignment made in the Territories view (one transaction recorded in the history) to the
             grid repainted, then its Undo

Printed: seconds on each engine and the ratio PostgreSQL / SQLite; the bound is 1.5x.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import bench_ui

BOUND = 1.5


def _server():
    """(a URL maker for a new database, a stop function)."""
    sys.path.insert(0, str(bench_ui.ROOT))
    from tests import pg_server

    cluster = pg_server.start()
    if cluster.password and not os.environ.get("PGPASSWORD"):
        os.environ["PGPASSFILE"] = str(cluster.pgpass(Path(tempfile.mkdtemp(prefix="bench-pgpass-"))))
    return (lambda: pg_server.fresh_database(cluster)), cluster.stop


def _plan(size: str):
    from planner import scenario_file
    from planner.storage import DEMO_PATH
    from planner.team import cover_everything

    if bench_ui.SIZES[size] is None:
        return scenario_file.load(DEMO_PATH)
    from benchmarks.generate import generate

    return cover_everything(generate(*bench_ui.SIZES[size]), 2027, 11)


def window_times(path: str, runs: int, first: int = 0) -> dict[str, float]:
    """open, ready, refresh and edit/undo seconds for the app's window over ``path``, best of ``runs``
    (the edits on the markets ``first``, ``first`` + 1...)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from planner import commands
    from planner.storage import Store
    from ui.main_window import MainWindow

    app = QApplication.instance()
    best = dict.fromkeys(("open", "ready", "refresh", "edit", "undo"), float("inf"))
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "bench.ini"), QSettings.IniFormat)
        for run in range(first, first + runs):
            start = time.perf_counter()
            window = MainWindow(Store(path, source="app"), bench_ui.TODAY, settings=settings)
            window.resize(1280, 800)
            window.tabs.setCurrentWidget(window.territories)
            window.show()
            app.processEvents()
            window.grab()
            best["open"] = min(best["open"], time.perf_counter() - start)
            bench_ui._until_figures_are_in(window.session)
            app.processEvents()
            window.grab()
            best["ready"] = min(best["ready"], time.perf_counter() - start)

            def timed(action) -> float:
                begin = time.perf_counter()
                action()
                app.processEvents()
                window.grab()
                return time.perf_counter() - begin

            best["refresh"] = min(best["refresh"], timed(window.session.reload))
            scenario = window.session.scenario
            market = scenario.markets[run % len(scenario.markets)]
            other = next(r.name for r in scenario.reps if r.name != scenario.rep_of(market.name))
            best["edit"] = min(best["edit"], timed(lambda: window.session.do(commands.Assign(market.name, other))))
            best["undo"] = min(best["undo"], timed(window.session.undo_stack.undo))
            bench_ui._until_figures_are_in(window.session)
            window.session.close()
            window.close()
            window.deleteLater()
            app.processEvents()
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="demo,500x1000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    from PySide6.QtWidgets import QApplication

    from planner.storage import Store

    QApplication.instance() or QApplication([])
    new_database, stop = _server()
    worst = 0.0
    try:
        print(f"The app's window on SQLite and on PostgreSQL (local server); best of {args.runs}; 2027-W11")
        print(f"{'size':>9}  {'what':>8}  {'SQLite':>9}  {'PostgreSQL':>10}  {'ratio':>6}")
        with tempfile.TemporaryDirectory() as tmp:
            for size in args.sizes.split(","):
                scenario = _plan(size)
                paths = {"sqlite": str(Path(tmp) / f"{size}.db"), "postgresql": new_database()}
                for path in paths.values():
                    store = Store(path)
                    store.save(scenario)
                    store.close()
                times = {engine: {} for engine in paths}
                for run in range(args.runs):  # in turn, the other engine first every other run (Qt's caches warm)
                    for engine in (list(paths) if run % 2 else list(paths)[::-1]):
                        for what, seconds in window_times(paths[engine], 1, run).items():
                            times[engine][what] = min(times[engine].get(what, seconds), seconds)
                for what in ("open", "ready", "refresh", "edit", "undo"):
                    a, b = times["sqlite"][what], times["postgresql"][what]
                    worst = max(worst, b / a) if what in ("open", "ready", "refresh") else worst
                    print(f"{size:>9}  {what:>8}  {a:8.3f}s  {b:9.3f}s  {b / a:5.2f}x")
    finally:
        stop()
    print(f"worst open/ready/refresh ratio {worst:.2f}x (bound {BOUND}x): {'within' if worst <= BOUND else 'OVER'}")


if __name__ == "__main__":
    main()
