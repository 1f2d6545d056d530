"""Filtering and sorting the Territories grid, and the Team and Markets tables, at scale.

``python -m benchmarks.bench_territories_ui [--sizes demo,500x1000] [--runs 5]``

The whole window at 1280 x 800, offscreen, week 2027-W11, the demo then generated scenarios
(``benchmarks.generate``, every market assigned as ``cover_everything`` assigns it). Each step is
what a user does (type into a filter box, pick a region, click a header section, drag) driven
through the same widgets and Qt events, timed from the action to the grid or table repainted;
best of ``--runs``, wall clock and this process's CPU time (the CPU time is the steadier figure on
a shared machine). The baseline, measured in the same run at the same size, is one repaint of
the same grid or table with nothing changed: a step's ratio says how many plain repaints it costs.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from pathlib import Path

TODAY = dt.date(2027, 3, 17)
SIZES = {"demo": None, "100x250": (100, 250), "500x1000": (500, 1000)}


def _window(folder: Path, size: str):
    from PySide6.QtCore import QSettings

    from planner import scenario_file
    from planner.storage import DEMO_PATH, Store
    from ui.main_window import MainWindow

    if SIZES[size] is None:
        scenario = scenario_file.load(DEMO_PATH)
    else:
        from benchmarks.generate import generate
        from planner.team import cover_everything

        scenario = cover_everything(generate(*SIZES[size]), 2027, 11)
    store = Store(folder / f"{size}.db")
    store.save(scenario)
    window = MainWindow(store, TODAY, settings=QSettings(str(folder / "bench.ini"), QSettings.IniFormat))
    window.resize(1280, 800)
    window.show()
    return window


def _timed(app, widget, action, runs: int, undo=None) -> tuple[float, float]:
    """Best wall and CPU seconds from ``action`` to ``widget`` repainted; ``undo`` runs untimed between."""
    wall, cpu = [], []
    for _ in range(runs):
        if undo:
            undo()
            app.processEvents()
        w0, c0 = time.perf_counter(), time.process_time()
        action()
        app.processEvents()
        widget.viewport().repaint()
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return min(wall), min(cpu)


def _click(header, section, modifier=None):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    along = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    across = (header.height() if header.orientation() == Qt.Horizontal else header.width()) // 2
    pos = QPoint(along, across) if header.orientation() == Qt.Horizontal else QPoint(across, along)
    QTest.mouseClick(header.viewport(), Qt.LeftButton, modifier or Qt.NoModifier, pos)


def territory_steps(app, window, runs: int) -> dict[str, tuple[float, float]]:
    """The Territories view: each filter, each sort, an assignment (saved, then the grid's share alone),
    the overview rebuilt and repainted."""
    from PySide6.QtCore import Qt

    from planner import commands

    window.show_view("territories")
    app.processEvents()
    view = window.territories
    bar, grid = view.filters, view.grid
    first_rep = view.model.rep_at(min(2, view.model.columnCount() - 1))
    name = view.model.headerData(0, Qt.Vertical)
    part = name[: max(1, len(name) - 2)]  # a part of the first market's name: a handful of markets
    results = {"repaint (baseline)": _timed(app, grid, lambda: None, runs)}
    results["type a name part"] = _timed(app, grid, lambda: bar.text.setText(part), runs,
                                         undo=lambda: bar.text.setText(""))
    results["clear the text"] = _timed(app, grid, lambda: bar.text.setText(""), runs,
                                       undo=lambda: bar.text.setText(part))
    region = bar.region.findData("EMEA")
    results["region EMEA"] = _timed(app, grid, lambda: bar.region.setCurrentIndex(region), runs,
                                    undo=lambda: bar.region.setCurrentIndex(0))
    bar.region.setCurrentIndex(0)
    results["tier A"] = _timed(app, grid, lambda: bar.tier.setCurrentIndex(1), runs,
                               undo=lambda: bar.tier.setCurrentIndex(0))
    bar.tier.setCurrentIndex(0)
    rep = bar.rep.findData(first_rep)

    def their_markets():
        bar.rep.setCurrentIndex(rep)
        bar.rep_markets_only.setChecked(True)

    def every_rep():
        bar.rep_markets_only.setChecked(False)
        bar.rep.setCurrentIndex(0)

    results["one rep, their markets"] = _timed(app, grid, their_markets, runs, undo=every_rep)
    every_rep()
    results["sort: shared hours (click)"] = _timed(app, grid, lambda: _click(grid.horizontalHeader(), 2), runs,
                                                   undo=lambda: bar.market_order.setCurrentIndex(0))
    results["sort: value (click)"] = _timed(app, grid, lambda: _click(grid.verticalHeader(), 0), runs,
                                            undo=lambda: bar.market_order.setCurrentIndex(0))
    results["reps by load (shift+click)"] = _timed(
        app, grid, lambda: _click(grid.horizontalHeader(), 0, Qt.ShiftModifier), runs,
        undo=lambda: bar.rep_order.setCurrentIndex(0))
    bar.rep_order.setCurrentIndex(0)
    bar.market_order.setCurrentIndex(0)
    scenario = window.session.scenario
    market = scenario.markets[0].name
    other = next(r.name for r in scenario.reps if r.name != scenario.rep_of(market))
    bar.text.setText(market[:-1])  # filtered and sorted: the edit still updates one row
    _click(grid.horizontalHeader(), 0)
    results["assign, filtered+sorted"] = _timed(app, grid, lambda: window.session.do(commands.Assign(market, other)),
                                                runs, undo=window.session.undo_stack.undo)
    after = commands.Assign(market, other).apply(scenario).scenario  # the grid's share, without saving
    results["  of which the grid and overview"] = _timed(app, grid, lambda: view.model.set_assignments(after), runs,
                                                         undo=lambda: view.model.set_assignments(scenario))
    bar.text.setText("")
    overview = view.overview
    results["overview: rebuild"] = _timed(app, grid, overview.rebuild, runs)
    wall, cpu = [], []
    for _ in range(runs):
        overview._composed = None  # as after a resize or an assignment
        w0, c0 = time.perf_counter(), time.process_time()
        overview.repaint()
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    results["overview: marks and paint"] = (min(wall), min(cpu))
    return results


def table_steps(app, window, name: str, runs: int) -> dict[str, tuple[float, float]]:
    """Team or Markets: a filter typed (its cells read once, then again after an edit), a title clicked."""
    from PySide6.QtCore import Qt

    window.show_view(name)
    app.processEvents()
    view = getattr(window, name)
    table = view.table
    results = {"repaint (baseline)": _timed(app, table, lambda: None, runs)}
    results["type a filter"] = _timed(app, table, lambda: view.filter_box.setText("europe/"), runs,
                                      undo=lambda: view.filter_box.setText(""))

    def fresh():  # the cells read anew, as after an edit
        view.filter_box.setText("")
        view.model.refresh()

    results["type a filter, after an edit"] = _timed(app, table, lambda: view.filter_box.setText("europe/"), runs,
                                                     undo=fresh)
    view.filter_box.setText("")
    header = table.horizontalHeader()
    results["sort a column (click)"] = _timed(app, table, lambda: _click(header, 1), runs,
                                              undo=lambda: (table.sortByColumn(-1, Qt.AscendingOrder),
                                                            view.model.refresh()))
    table.sortByColumn(-1, Qt.AscendingOrder)
    return results


def main() -> None:
    import argparse

    from benchmarks.bench_ui import _until_figures_are_in

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="demo,500x1000", help="comma-separated, from " + ", ".join(SIZES))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    for size in args.sizes.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            window = _window(Path(tmp), size)
            window.show_view("territories")
            app.processEvents()
            _until_figures_are_in(window.session)  # the fit table and the team's weeks, worked out off the GUI thread
            app.processEvents()
            model = window.territories.model
            print(f"\n{size}: {model.rowCount()} markets x {model.columnCount()} reps, window and Territories "
                  f"opened in {time.perf_counter() - start:.1f} s; best of {args.runs}")
            sections = [("Territories", territory_steps(app, window, args.runs))]
            sections += [(n.title(), table_steps(app, window, n, args.runs)) for n in ("team", "markets")]
            for title, results in sections:
                base_wall, base_cpu = results["repaint (baseline)"]
                print(f"  {title:<12} {'step':<30} {'wall ms':>8} {'cpu ms':>8} {'x repaint (cpu)':>16}")
                for step, (wall, cpu) in results.items():
                    print(f"  {'':<12} {step:<30} {wall * 1000:8.1f} {cpu * 1000:8.1f} {cpu / base_cpu:16.1f}")
            window.session.store.close()
            window.close()
            window.deleteLater()
            app.processEvents()


if __name__ == "__main__":
    main()
