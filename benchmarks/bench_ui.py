"""The app's responsiveness: cold start, a week repaint with 300 blocks, and every view at scale.

``python -m benchmarks.bench_ui [--views-only] [--sizes demo,100x250,500x1000]``

Cold start runs ``python main.py --screenshot`` on a database already holding
the demo (a user's second start and every start after it), timed from process
launch to the painted window saved; the baseline in the same run is a bare
PySide6 window with one label started and painted the same way: what Python
and Qt cost before Rep Planner does anything. Repaint paints the week canvas
with 300 blocks, offscreen, against a widget filling 300 plain rectangles.
Best of 5.

Views at scale: the demo, then generated scenarios (``benchmarks.generate``,
every market assigned as ``cover_everything`` assigns it), week 2027-W11, all in
one run. Opening a view is building it over a new session, showing it at
1280 x 800 and painting it (``grab``): "open" is the time to that first paint,
"ready" the time until the figures it shows (each rep's week, the fit table,
the quarter's 13 weeks of every rep, worked out off the GUI thread) have arrived and are painted. Best of 3; the
ratio is against the same view on the demo. The GUI thread's CPU time to open a view is printed too: on a
machine shared with other work the wall-clock times rise with its load, the CPU time barely. An edit is assigning a market to
another rep in the Territories view of the whole window (every view listening),
then Undo: the time from the command to the grid repainted, best of 3 markets.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("Rep Planner"); label.resize(1280, 800); label.show(); app.processEvents()
label.grab().save(sys.argv[1])
"""


def cold_start(runs: int = 5) -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        db, png = Path(tmp) / "demo.db", Path(tmp) / "shot.png"
        subprocess.run([sys.executable, "-m", "planner.cli", "--db", str(db), "demo"], cwd=ROOT, env=env,
                       check=True, capture_output=True)
        subprocess.run([sys.executable, "main.py", "--db", str(db), "--screenshot", str(png)], cwd=ROOT, env=env,
                       check=True, capture_output=True)  # the first start, once
        app, bare = [], []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "main.py", "--db", str(db), "--screenshot", str(png)], cwd=ROOT, env=env,
                           check=True, capture_output=True)
            app.append(time.perf_counter() - start)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", BARE, str(png)], env=env, check=True, capture_output=True)
            bare.append(time.perf_counter() - start)
    return min(app), min(bare)


def repaint(blocks: int = 300, runs: int = 5) -> tuple[float, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication, QWidget

    from planner import scenario_file
    from planner.schedule import Event, Schedule
    from planner.storage import DEMO_PATH
    from planner.timezones import local_to_utc
    from ui.week_view import WeekCanvas, WeekData

    app = QApplication.instance() or QApplication([])
    scenario = scenario_file.load(DEMO_PATH)
    monday = dt.date(2027, 3, 15)
    markets = [m.name for m in scenario.markets]
    events = []
    for i in range(blocks):
        day, slot = divmod(i, blocks // 7 + 1)
        start = local_to_utc(monday + dt.timedelta(days=day), 6 * 60 + 15 * slot, "Europe/Zurich")
        events.append(Event("Laura", markets[i % len(markets)], "Demo", start, start + dt.timedelta(minutes=15),
                            i % 3 == 0, outside_hours=i % 5 == 0, n=i))
    working = [(d, 510, 1050) for d in range(5)]
    data = WeekData(scenario, Schedule("Laura", "2027-W11", tuple(events), ()), "Europe/Zurich", monday, working,
                    {m: [(d, 540, 1020) for d in range(5)] for m in markets[:6]}, {0: ["Laura: Holiday"]},
                    {m: "#4285f4" for m in markets}, {m: 60 * k for k, m in enumerate(markets[:4])},
                    dt.datetime(2027, 3, 17, 10, tzinfo=dt.timezone.utc))
    canvas = WeekCanvas()
    canvas.resize(1200, 1100)
    canvas.set_data(data)
    canvas.show()
    app.processEvents()

    class Rects(QWidget):
        def __init__(self, rects):
            super().__init__()
            self.rects = rects

        def paintEvent(self, _):
            p = QPainter(self)
            for rect in self.rects:
                p.fillRect(rect, QColor("#4285f4"))

    plain = Rects([rect for rect, _event in canvas._blocks])
    plain.resize(1200, 1100)
    plain.show()
    app.processEvents()

    def best(widget):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            widget.repaint()
            times.append(time.perf_counter() - start)
        return min(times)

    assert len(canvas._blocks) >= blocks
    result = best(canvas), best(plain)
    canvas.close()
    plain.close()
    del canvas, plain
    app.processEvents()
    return result


SIZES = {"demo": None, "100x250": (100, 250), "500x1000": (500, 1000)}
VIEW_NAMES = ("Team", "Markets", "Territories", "Week", "Workload", "Quarter")


def _database(folder: Path, size: str) -> Path:
    from planner import scenario_file
    from planner.storage import DEMO_PATH, Store
    from planner.team import cover_everything

    if SIZES[size] is None:
        scenario = scenario_file.load(DEMO_PATH)
    else:
        from benchmarks.generate import generate

        scenario = cover_everything(generate(*SIZES[size]), 2027, 11)
    path = folder / f"{size}.db"
    store = Store(path)
    store.save(scenario)
    store.close()
    return path


def _view_classes():
    from ui.markets_view import MarketsView
    from ui.quarter_view import QuarterView
    from ui.team_view import TeamView
    from ui.territories_view import TerritoriesView
    from ui.week_page import WeekView
    from ui.workload_view import WorkloadView

    return dict(zip(VIEW_NAMES, (TeamView, MarketsView, TerritoriesView, WeekView, WorkloadView, QuarterView)))


def _until_figures_are_in(session) -> None:
    """Run the event loop (idle, as a user waiting would leave it) until no figures are being worked out
    (a week's, or the quarter's)."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    session.figures.idle.connect(loop.quit)
    session.quarter.idle.connect(loop.quit)
    while session.figures.busy or session.quarter.busy:
        loop.exec()


def view_times(path: Path, runs: int = 3) -> dict[str, tuple[float, float, float]]:
    """Seconds to build, show and paint each view over a new session, and until its figures are in
    and painted, and the GUI thread's CPU seconds to open it (best of ``runs`` each)."""
    from PySide6.QtWidgets import QApplication

    from planner.storage import Store
    from ui.session import Session

    app = QApplication.instance()
    store = Store(path)
    times = {}
    for name, cls in _view_classes().items():
        opened = ready = cpu = float("inf")
        for _ in range(runs):
            session = Session(store, TODAY)
            start, cpu_start = time.perf_counter(), time.thread_time()
            view = cls(session)
            view.resize(1280, 800)
            view.show()
            app.processEvents()
            view.grab()
            opened = min(opened, time.perf_counter() - start)
            cpu = min(cpu, time.thread_time() - cpu_start)
            _until_figures_are_in(session)
            app.processEvents()
            view.grab()
            ready = min(ready, time.perf_counter() - start)
            view.close()
            view.deleteLater()
            session.deleteLater()
            app.processEvents()
        times[name] = (opened, ready, cpu)
    store.close()
    return times


def edit_times(path: Path, runs: int = 3) -> tuple[float, float]:
    """Seconds from an assignment in the Territories view (the whole window open) to the grid repainted,
    and the same for its Undo; best of ``runs``, each on another market."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from planner import commands
    from planner.storage import Store
    from ui.main_window import MainWindow

    app = QApplication.instance()
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "bench.ini"), QSettings.IniFormat)
        window = MainWindow(Store(path), TODAY, settings=settings)
        window.resize(1280, 800)
        window.show()
        window.tabs.setCurrentWidget(window.territories)
        app.processEvents()
        _until_figures_are_in(window.session)
        app.processEvents()
        scenario = window.session.scenario
        grid = window.territories.grid

        def timed(action) -> float:
            start = time.perf_counter()
            action()
            app.processEvents()
            grid.viewport().repaint()
            return time.perf_counter() - start

        edit = undo = float("inf")
        for market in scenario.markets[:runs]:
            other = next(r.name for r in scenario.reps if r.name != scenario.rep_of(market.name))
            edit = min(edit, timed(lambda: window.session.do(commands.Assign(market.name, other))))
            undo = min(undo, timed(window.session.undo_stack.undo))
        window.session.close()
        window.close()
        window.deleteLater()
        app.processEvents()
    return edit, undo


TODAY = dt.date(2027, 3, 17)


def views(sizes=tuple(SIZES)) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")  # the offscreen plugin's size-hint notices
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = _database(Path(tmp), size)
            results[size] = view_times(path), edit_times(path)
    base = results.get("demo", (None,))[0]
    for title, which in (("open: built, shown and painted", 0), ("ready: figures worked out and painted", 1),
                         ("open, CPU time of the GUI thread (not inflated by other programs' load)", 2)):
        print(f"Each view at 1280 x 800, {title}; best of 3; ratio against the demo; 2027-W11")
        print(f"{'size':>9}  " + "  ".join(f"{name:>17}" for name in VIEW_NAMES) +
              ("   edit (Territories)   undo" if which == 0 else ""))
        for size, (times, (edit, undo)) in results.items():
            cells = [f"{times[n][which]:7.3f}s" + (f" {times[n][which] / base[n][which]:6.1f}x" if base else "")
                     for n in VIEW_NAMES]
            print(f"{size:>9}  " + "  ".join(f"{c:>17}" for c in cells) +
                  (f"   {edit * 1000:12.0f} ms   {undo * 1000:4.0f} ms" if which == 0 else ""))


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--views-only", action="store_true", help="only the views at scale")
    parser.add_argument("--sizes", default=",".join(SIZES), help="comma-separated, from " + ", ".join(SIZES))
    args = parser.parse_args()
    views(tuple(args.sizes.split(",")))
    if args.views_only:
        return
    app, bare = cold_start()
    print(f"cold start to first painted window (demo data): {app:.2f} s   bare Qt window: {bare:.2f} s   "
          f"ratio {app / bare:.1f}x")
    week, plain = repaint()
    print(f"week view repaint, 300 blocks: {week * 1000:.1f} ms   300 plain rectangles: {plain * 1000:.1f} ms   "
          f"ratio {week / plain:.1f}x")


if __name__ == "__main__":
    main()
