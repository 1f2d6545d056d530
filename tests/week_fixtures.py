"""Windows on the demo and on a generated 6-rep, 20-market plan, for the Week view's tests."""

import datetime as dt

import pytest
from PySide6.QtCore import QSettings

from benchmarks.generate import generate
from planner.model import Assignment
from planner.storage import open_store
from planner.team import cover_everything
from ui.main_window import MainWindow

TODAY = dt.date(2027, 3, 17)  # Wednesday of 2027-W11
NOW = dt.datetime(2027, 3, 17, 10, 30, tzinfo=dt.timezone.utc)


def open_window(qtbot, path, tmp_path, rep=None, now=NOW, size=(1280, 800)):
    store = open_store(path)
    w = MainWindow(store, TODAY, now=lambda: now,
                   settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    w.show_view("week")
    if rep:
        w.week.rep_box.setCurrentText(rep)
    qtbot.waitUntil(lambda: w.week.canvas.data is not None and w.week.canvas.data.schedule.rep ==
                    (rep or w.week.rep_box.currentText()))
    return w


@pytest.fixture
def demo_window(qtbot, tmp_path):
    return open_window(qtbot, tmp_path / "demo.db", tmp_path, "Laura")


@pytest.fixture(scope="session")
def plan_6x20(tmp_path_factory):
    """The generated 6 x 20 scenario with every market given to a rep (as "cover everything" does)."""
    path = tmp_path_factory.mktemp("plan") / "6x20.db"
    store = open_store(path, seed_demo=False)
    store.save(cover_everything(generate(6, 20), 2027, 11))
    store.close()
    return path


@pytest.fixture(scope="session")
def one_rep_20_markets(tmp_path_factory):
    """The same 20 markets all on one rep: more markets in one week than the palette has colours."""
    path = tmp_path_factory.mktemp("plan") / "1x20.db"
    scenario = generate(6, 20)
    store = open_store(path, seed_demo=False)
    store.save(scenario.replace(assignments=[Assignment("Rep 0001", m.name) for m in scenario.markets]))
    store.close()
    return path


def copy_db(path, tmp_path):
    target = tmp_path / path.name
    target.write_bytes(path.read_bytes())
    return target
