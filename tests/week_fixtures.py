"""Windows on the demo and on a generated 6-rep, 20-market plan, for the Week view's tests
(each test module makes its fixtures from these)."""

import datetime as dt

from PySide6.QtCore import QSettings, Qt

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
        choose_rep(qtbot, w, rep)
    qtbot.waitUntil(lambda: w.week.canvas.data is not None and w.week.canvas.data.schedule.rep ==
                    (rep or w.week.rep_box.currentText()))
    return w


def choose_rep(qtbot, window, rep):
    """Pick ``rep`` in the Week's rep box with the arrow keys."""
    box = window.week.rep_box
    qtbot.keyClick(box, Qt.Key_Home)
    for _ in range(box.count()):
        if box.currentText() == rep:
            break
        qtbot.keyClick(box, Qt.Key_Down)
    assert box.currentText() == rep


def plan_6x20(folder):
    """The generated 6 x 20 scenario with every market given to a rep (as "cover everything" does)."""
    path = folder / "6x20.db"
    store = open_store(path, seed_demo=False)
    store.save(cover_everything(generate(6, 20), 2027, 11))
    store.close()
    return path


def one_rep_20_markets(folder):
    """The same 20 markets all on one rep: more markets in one week than the palette has colours."""
    path = folder / "1x20.db"
    scenario = generate(6, 20)
    store = open_store(path, seed_demo=False)
    store.save(scenario.replace(assignments=[Assignment("Rep 0001", m.name) for m in scenario.markets]))
    store.close()
    return path
