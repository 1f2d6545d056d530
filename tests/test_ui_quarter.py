"""The Quarter view: reps x 13 weeks of planned hours, flags and work not placed, the busiest weeks on
top, the figures `check --weeks 13` prints; a click or Enter on a cell opens that rep's week."""

import datetime as dt
import json

import pytest
from PySide6.QtCore import QSettings, Qt

from planner import commands
from planner.calendars import inputs_of
from planner.cli import main
from planner.quarter import quarter
from planner.storage import Store
from ui.main_window import MainWindow
from ui.palette import HEAT, heat_bin

from .generated_plans import plan_with_calendars
from .user_input import bring_to_front, go_to, press

TODAY = dt.date(2027, 3, 17)  # 2027-W11


def open_window(qtbot, tmp_path, path):
    w = MainWindow(Store(path), TODAY, settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    bring_to_front(qtbot, w)
    return w


@pytest.fixture
def window(qtbot, tmp_path, demo_db):
    return open_window(qtbot, tmp_path, demo_db)


@pytest.fixture
def generated_db(tmp_path):
    """20 reps, every market covered; one rep with a meeting, another with a block pinned in 2027-W12."""
    return plan_with_calendars(tmp_path / "big.db", 20, 2027, 12)


def cli_quarter(capsys, db, *extra):
    code = main(["--db", str(db), "check", "--week", "2027-W11", "--weeks", "13", "--json", *extra], today=TODAY)
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)["quarter"]


def shown(view):
    """What the heat map shows: each rep's planned hours by week, and each week's head."""
    model = view.model
    return ({model.headerData(r, Qt.Vertical): [model.index(r, w).data() for w in range(model.columnCount())]
             for r in range(model.rowCount())},
            [model.headerData(w, Qt.Horizontal) for w in range(model.columnCount())])


def assert_shows(view, expected):
    hours, heads = shown(view)
    assert hours == {r["rep"]: [f"{h:g}" for h in r["planned_hours"]] for r in expected["reps"]}
    for head, total in zip(heads, expected["totals"]):
        week = total["week"].split("-")[1]
        assert head.startswith(week) and head.endswith(f"\u25B2{total['critical']} \u25CF{total['warnings']}\n"
                                                       f"{total['unplaced_hours']:g} h")
    assert view.busiest.text().startswith(f"Busiest weeks: <b>{expected['busiest'][0]}</b>")


def test_ctrl_6_shows_the_quarter_the_command_line_prints(window, qtbot, capsys, demo_db):
    go_to(qtbot, window, "quarter")
    view = window.quarter
    expected = cli_quarter(capsys, demo_db)
    assert_shows(view, expected)
    assert expected["busiest"][0] in ("2027-W12", "2027-W13", "2027-W18", "2027-W20")  # Easter, May holidays
    # The heat is the palette's colour for the hours, and the worst flag has its marker.
    model = view.model
    index = model.index(0, 1)
    assert index.data(Qt.BackgroundRole).name().upper() == HEAT[heat_bin(expected["reps"][0]["planned_hours"][1])]
    assert index.data(Qt.DecorationRole) is not None  # unplaced live work: a critical flag
    # Stretched, it is `check --weeks 13 --stretch`.
    qtbot.mouseClick(view.stretch, Qt.LeftButton, pos=view.stretch.rect().center())
    assert view.stretch.isChecked()
    assert_shows(view, cli_quarter(capsys, demo_db, "--stretch"))


def cell_centre(view, row, column):
    return view.table.visualRect(view.model.index(row, column)).center()


def test_a_click_on_a_cell_opens_that_reps_week(window, qtbot):
    go_to(qtbot, window, "quarter")
    view = window.quarter
    marco = [view.model.headerData(r, Qt.Vertical) for r in range(view.model.rowCount())].index("Marco")
    qtbot.mouseClick(view.table.viewport(), Qt.LeftButton, pos=cell_centre(view, marco, 3))
    assert window.tabs.currentWidget() is window.week
    assert window.week.rep_box.currentText() == "Marco" and window.session.week == (2027, 14)
    assert window.week.account.week == "2027-W14" and window.week.account.rep == "Marco"
    # Back in the Quarter, the same 13 weeks (the week opened is one of them).
    go_to(qtbot, window, "quarter")
    assert view.model.quarter.weeks[0] == "2027-W11"


def test_arrow_keys_then_enter_open_the_week_under_the_cursor(window, qtbot):
    go_to(qtbot, window, "quarter")
    view = window.quarter
    view.table.setFocus()
    qtbot.mouseClick(view.table.viewport(), Qt.LeftButton, pos=cell_centre(view, 0, 0))
    go_to(qtbot, window, "quarter")
    view.table.setFocus()
    for key in (Qt.Key_Down, Qt.Key_Right, Qt.Key_Right):
        press(qtbot, key)
    rep = view.model.headerData(view.table.currentIndex().row(), Qt.Vertical)
    press(qtbot, Qt.Key_Return)
    assert window.tabs.currentWidget() is window.week
    assert window.week.rep_box.currentText() == rep and window.session.week == (2027, 13)


def test_the_next_13_weeks_button_moves_the_quarter(window, qtbot, capsys, demo_db):
    go_to(qtbot, window, "quarter")
    view = window.quarter
    press(qtbot, Qt.Key_Right, Qt.AltModifier | Qt.ShiftModifier, window)  # the "13 weeks after" button
    qtbot.waitUntil(lambda: view.model.quarter.weeks[0] == "2027-W24")  # a button animates its click first
    code = main(["--db", str(demo_db), "check", "--week", "2027-W24", "--weeks", "13", "--json"], today=TODAY)
    out, _ = capsys.readouterr()
    assert code == 0
    assert_shows(view, json.loads(out)["quarter"])


def test_at_scale_the_quarter_is_worked_out_in_the_background_then_equals_the_core(tmp_path, qtbot, generated_db):
    window = open_window(qtbot, tmp_path, generated_db)
    go_to(qtbot, window, "quarter")
    view, figures = window.quarter, window.session.quarter
    assert view.progress.isVisible() and view.model.rowCount() == 0  # up at once, the weeks still to come
    qtbot.waitUntil(lambda: view.model.rowCount() == 20, timeout=120_000)
    store = window.session.store
    scenario = store.load()
    truth = quarter(scenario, 2027, 11, calendars=inputs_of(store, scenario))
    assert view.model.quarter.to_dict() == truth.to_dict()  # busy times and pins in their weeks included
    assert not view.progress.isVisible()
    # An edit: only the two reps it reached are scheduled again, and the figures follow it.
    market = scenario.markets[0].name
    was = scenario.rep_of(market)
    other = next(r.name for r in scenario.reps if r.name != was)
    before = {(r, w): view.model.quarter.accounts[r][w] for r in range(20) for w in range(13)}
    window.session.do(commands.Assign(market, other))
    qtbot.waitUntil(lambda: not figures.busy, timeout=60_000)
    scenario = store.load()
    assert view.model.quarter.to_dict() == quarter(scenario, 2027, 11,
                                                   calendars=inputs_of(store, scenario)).to_dict()
    again = {view.model.quarter.reps[r] for r in range(20) for w in range(13)
             if view.model.quarter.accounts[r][w] is not before[(r, w)]}
    assert again == {was, other}
    # Undo finds the weeks worked out before.
    press(qtbot, Qt.Key_Z, Qt.ControlModifier, window)
    qtbot.waitUntil(lambda: not figures.busy, timeout=60_000)
    assert all(view.model.quarter.accounts[r][w] is before[(r, w)] for r in range(20) for w in range(13))


def test_a_quarter_worked_out_while_another_view_is_shown_is_there_on_return(tmp_path, qtbot, generated_db):
    window = open_window(qtbot, tmp_path, generated_db)
    go_to(qtbot, window, "quarter")
    figures = window.session.quarter
    assert figures.busy
    go_to(qtbot, window, "team")  # away before the weeks are in
    qtbot.waitUntil(lambda: not figures.busy, timeout=120_000)
    go_to(qtbot, window, "quarter")
    assert window.quarter.model.rowCount() == 20 and not window.quarter.progress.isVisible()
    assert window.quarter.busiest.text().startswith("Busiest weeks: ")
