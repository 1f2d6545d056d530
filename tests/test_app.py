import subprocess
import sys

import pytest

from planner.storage import open_store
from ui.main_window import MainWindow

import datetime as dt


@pytest.fixture
def window(qtbot, tmp_path):
    store = open_store(tmp_path / "app.db")
    w = MainWindow(store, dt.date(2027, 3, 17))
    qtbot.addWidget(w)
    return w


def test_window_lists_reps_and_markets(window, demo):
    assert window.team_model.rowCount() == len(demo.reps)
    assert window.market_model.rowCount() == len(demo.markets)
    names = {window.market_model.index(r, 0).data() for r in range(window.market_model.rowCount())}
    assert names == {m.name for m in demo.markets}


def test_territories_show_overlap_hours(window):
    model = window.overlap_model
    us_east = [model.headerData(r, 2) for r in range(model.rowCount())].index("US East")
    # 2027-W11: Laura 08:30-17:30 Zurich vs New York on EDT: 14:00-17:30 = 3.5 h a day.
    assert model.index(us_east, 0).data().startswith("17.5 h")


def test_screenshot_writes_a_png(tmp_path):
    out = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, "main.py", "--db", str(tmp_path / "s.db"), "--screenshot", str(out),
                             "--view", "territories"], capture_output=True, text=True, timeout=60,
                            cwd=__import__("pathlib").Path(__file__).parent.parent)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_broken_database_gives_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 50)
    result = subprocess.run([sys.executable, "main.py", "--db", str(bad), "--screenshot", str(tmp_path / "x.png")],
                            capture_output=True, text=True, timeout=60,
                            cwd=__import__("pathlib").Path(__file__).parent.parent)
    assert result.returncode == 2
    assert "cannot open the database" in result.stderr and "Traceback" not in result.stderr
