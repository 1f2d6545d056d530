"""The app's responsiveness: cold start to first painted window, and a week repaint with 300 blocks.

``python -m benchmarks.bench_ui``

Cold start runs ``python main.py --screenshot`` on a database already holding
the demo (a user's second start and every start after it), timed from process
launch to the painted window saved; the baseline in the same run is a bare
PySide6 window with one label started and painted the same way: what Python
and Qt cost before Rep Planner does anything. Repaint paints the week canvas
with 300 blocks, offscreen, against a widget filling 300 plain rectangles.
Best of 5.
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
        subprocess.run([sys.executable, "main.py", "--db", str(db), "--screenshot", str(png)], cwd=ROOT, env=env,
                       check=True, capture_output=True)  # seeds the demo
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


def main() -> None:
    app, bare = cold_start()
    print(f"cold start to first painted window (demo data): {app:.2f} s   bare Qt window: {bare:.2f} s   "
          f"ratio {app / bare:.1f}x")
    week, plain = repaint()
    print(f"week view repaint, 300 blocks: {week * 1000:.1f} ms   300 plain rectangles: {plain * 1000:.1f} ms   "
          f"ratio {week / plain:.1f}x")


if __name__ == "__main__":
    main()
