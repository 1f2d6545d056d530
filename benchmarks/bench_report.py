"""The PDF report: the demo, 100 reps x 250 markets and 500 x 1,000, against the demo in the same run.

``python -m benchmarks.bench_report``

Each plan is stored in a database first (generated scenarios, profile ``over``, get their markets from the greedy
planner, so some are left out and the summary has reasons and hires to give). Timed apart:
``content``, what planner.report computes (the plan explained, hires within their 10-second budget,
every rep's week scheduled and checked), and ``drawing``, what ui.report_pdf adds (every page laid
out and every rep's week drawn into the PDF). Best of 3 runs for the demo, one for the others.
"""

from __future__ import annotations

import gc
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from planner import scenario_file  # noqa: E402
from planner.model import Assignment  # noqa: E402
from planner.report import build_report  # noqa: E402
from planner.storage import DEMO_PATH, Store  # noqa: E402
from planner.territories import greedy_assignment  # noqa: E402

from .generate import generate  # noqa: E402

YEAR, WEEK = 2027, 11


def store_of(scenario, folder: Path, name: str) -> Store:
    store = Store(folder / f"{name}.db")
    store.save(scenario)
    return store


def timed(store: Store, runs: int) -> tuple[float, float, int, int, object]:
    from ui import report_pdf

    best = None
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            report = build_report(store, YEAR, WEEK)
            content = time.perf_counter() - start
            start = time.perf_counter()
            pdf, pages = report_pdf.render(report, "A4")
            drawing = time.perf_counter() - start
        finally:
            gc.enable()
        if best is None or content + drawing < best[0] + best[1]:
            best = (content, drawing, pages, len(pdf), report)
    return best


def main() -> None:
    from ui import report_pdf

    report_pdf.application()
    cases = [("demo", scenario_file.load(DEMO_PATH), 3)]
    for reps, markets in ((100, 250), (500, 1000)):
        scenario = generate(reps, markets, profile="over")   # more work than the team can do: markets left out
        pairs = greedy_assignment(scenario, YEAR, WEEK)
        cases.append((f"{reps}x{markets}", scenario.replace(assignments=[Assignment(*p) for p in pairs]), 1))
    with tempfile.TemporaryDirectory() as folder:
        rows = []
        for name, scenario, runs in cases:
            store = store_of(scenario, Path(folder), name)
            rows.append((name, scenario, *timed(store, runs)))
            store.close()
    demo_total = rows[0][2] + rows[0][3]
    print(f"Report for {YEAR}-W{WEEK:02d}, A4 (content: planner.report; drawing: ui.report_pdf)")
    for name, scenario, content, drawing, pages, size, report in rows:
        total = content + drawing
        print(f"  {name:9} {len(scenario.reps):4} reps {len(scenario.markets):5} markets "
              f"({len(report.plan.unassigned)} left out, {len(report.flags)} flags): {pages:4} pages, "
              f"{size / 2**20:5.1f} MB; content {content:6.2f} s, drawing {drawing:6.2f} s "
              f"({drawing / pages * 1000:5.1f} ms a page), total {total:6.2f} s = {total / demo_total:6.1f}x the demo")


if __name__ == "__main__":
    main()
