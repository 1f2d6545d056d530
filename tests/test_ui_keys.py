"""The main window driven only by the keyboard and the mouse, as a sales director uses it."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from planner import commands
from planner.errors import PlannerError
from planner.storage import open_store

from .user_input import (bring_to_front, cell, click_cell, commit, drag, focused, go_to, on_screen, press, redo,
                         type_into_cell, type_text, undo)
from .user_input import open_window

TODAY = dt.date(2027, 3, 17)  # 2027-W11


@pytest.fixture
def window(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path, open_store(tmp_path / "app.db"), TODAY, size=None)
    bring_to_front(qtbot, w)
    return w


def saved_rep(window, name):
    return window.session.store.load().rep(name)


def test_ctrl_digits_and_the_tab_bar_show_every_view(window, qtbot):
    for view in ("quarter", "workload", "week", "territories", "markets", "team"):
        go_to(qtbot, window, view)
        assert getattr(window, view).isVisible()
    bar = window.tabs.tabBar()
    for i, view in enumerate(window.VIEWS):
        qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(i).center())
        assert window.tabs.currentWidget() is getattr(window, view) and getattr(window, view).isVisible()


def test_max_hours_typed_in_team_are_saved_and_undo_redo_keys_revert_and_restore(window, qtbot):
    go_to(qtbot, window, "team")
    table, model = window.team.table, window.team.model
    index = cell(model, "Laura", "Max h/week")
    before = index.data()
    assert before != "38"
    type_into_cell(qtbot, table, index, "38")
    assert index.data() == "38" and saved_rep(window, "Laura").max_weekly_hours == 38  # saved at once
    undo(qtbot, window)
    assert index.data() == before and f"{saved_rep(window, 'Laura').max_weekly_hours:g}" == before
    redo(qtbot, window)  # Ctrl+Shift+Z
    assert index.data() == "38" and saved_rep(window, "Laura").max_weekly_hours == 38
    undo(qtbot, window)
    press(qtbot, Qt.Key_Y, Qt.ControlModifier)  # the other usual Redo key
    assert index.data() == "38" and saved_rep(window, "Laura").max_weekly_hours == 38


def test_a_refused_value_shows_the_cores_reason_and_changes_nothing(window, qtbot):
    go_to(qtbot, window, "team")
    table, model = window.team.table, window.team.model
    index = cell(model, "Laura", "Max h/week")
    before, stored = index.data(), window.session.store.load()
    with pytest.raises(PlannerError) as refused:
        commands.EditRep("Laura", "max_weekly_hours", "banana").apply(stored)
    type_into_cell(qtbot, table, index, "banana")
    assert window.team.notice.text() == str(refused.value)
    assert index.data() == before
    assert window.session.store.load() == stored
    assert not window.session.undo_stack.canUndo()
    undo(qtbot, window)  # nothing to undo: the refused edit left no step behind
    assert window.session.store.load() == stored


def test_escape_abandons_a_typed_value(window, qtbot):
    go_to(qtbot, window, "team")
    table, model = window.team.table, window.team.model
    index = cell(model, "Marco", "Working hours")
    before, stored = index.data(), window.session.store.load()
    click_cell(qtbot, table, index)
    type_text(qtbot, "Mon-Fri 10:00-12:00")
    assert focused() is not table  # the editor is open with the typed text
    press(qtbot, Qt.Key_Escape)
    qtbot.waitUntil(lambda: focused() is table)
    assert index.data() == before and window.session.store.load() == stored


def test_team_keys_add_duplicate_and_remove_reps_and_undo_takes_each_back(window, qtbot):
    go_to(qtbot, window, "team")
    table, model = window.team.table, window.team.model
    names = lambda: [r.name for r in window.session.store.load().reps]  # noqa: E731
    start = names()
    click_cell(qtbot, table, cell(model, "Marco", "Rep"))
    press(qtbot, Qt.Key_N, Qt.ControlModifier | Qt.ShiftModifier)
    assert names() == start + ["New rep 1"] and model.rowCount() == len(start) + 1
    click_cell(qtbot, table, cell(model, "Laura", "Rep"))
    press(qtbot, Qt.Key_D, Qt.ControlModifier)
    (copy,) = set(names()) - set(start) - {"New rep 1"}
    assert saved_rep(window, copy).hours == saved_rep(window, "Laura").hours
    click_cell(qtbot, table, cell(model, "New rep 1", "Rep"))
    press(qtbot, Qt.Key_Delete)
    assert "New rep 1" not in names() and model.rowCount() == len(start) + 1
    for expected in (start + ["New rep 1", copy], start + ["New rep 1"], start):
        undo(qtbot, window)
        assert sorted(names()) == sorted(expected)
    assert model.rowCount() == len(start)


def test_dragging_along_a_row_reassigns_and_ctrl_z_puts_it_back_in_the_grid(window, qtbot):
    go_to(qtbot, window, "territories")
    grid, model = window.territories.grid, window.territories.model
    reps = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
    markets = [model.headerData(r, Qt.Vertical) for r in range(model.rowCount())]
    row = markets.index("US East")
    owner = reps.index(window.session.scenario.rep_of("US East"))
    other = 1 - owner
    mine, theirs = model.index(row, owner), model.index(row, other)
    assert mine.data().endswith("\u2713") and not theirs.data().endswith("\u2713")
    # Onto another market's row: not a move along the row, so nothing changes.
    stored = window.session.store.load()
    drag(qtbot, grid, mine, model.index((row + 1) % len(markets), other))
    assert window.session.store.load() == stored
    drag(qtbot, grid, mine, theirs)
    assert window.session.store.load().rep_of("US East") == reps[other]
    assert theirs.data().endswith("\u2713") and not mine.data().endswith("\u2713")
    assert "US East" in window.territories.notice.text()
    undo(qtbot, window)
    assert window.session.store.load().rep_of("US East") == reps[owner]
    assert mine.data().endswith("\u2713") and not theirs.data().endswith("\u2713")


def test_week_keys_move_between_weeks_in_every_view_that_shows_one(window, qtbot):
    go_to(qtbot, window, "week")
    week = window.week

    def shows(name):
        qtbot.waitUntil(lambda: window.session.week_name == name and week.week_label.text().startswith(name))

    for key, expected in ((Qt.Key_Right, "2027-W12"), (Qt.Key_Right, "2027-W13"), (Qt.Key_Left, "2027-W12"),
                          (Qt.Key_Home, "2027-W11")):
        press(qtbot, key, Qt.AltModifier)  # the buttons animate their click: the week changes just after
        shows(expected)
    go_to(qtbot, window, "territories")
    press(qtbot, Qt.Key_PageDown, Qt.AltModifier)
    assert window.session.week_name == "2027-W12" and "2027-W12" in window.territories.caption.text()
    press(qtbot, Qt.Key_PageUp, Qt.AltModifier)
    press(qtbot, Qt.Key_PageUp, Qt.AltModifier)
    assert "2027-W10" in window.territories.caption.text()
    go_to(qtbot, window, "week")
    shows("2027-W10")


def test_after_an_edit_the_keyboard_stays_on_the_edited_cell(window, qtbot):
    """Regression: each saved edit reset the table, so the keyboard went nowhere and the row was
    no longer selected: Down, a typed value or Delete right after Enter did nothing."""
    go_to(qtbot, window, "team")
    table, model = window.team.table, window.team.model
    laura, marco = cell(model, "Laura", "Max h/week"), cell(model, "Marco", "Max h/week")
    assert marco.row() == laura.row() + 1
    type_into_cell(qtbot, table, laura, "38")
    shown = on_screen(table, laura)
    assert focused() is table and table.currentIndex() == shown
    assert [i.row() for i in table.selectionModel().selectedRows()] == [shown.row()]
    press(qtbot, Qt.Key_Down)
    type_text(qtbot, "36")
    commit(qtbot, table)
    assert saved_rep(window, "Laura").max_weekly_hours == 38 and saved_rep(window, "Marco").max_weekly_hours == 36


def test_a_time_zone_typed_over_the_cell_replaces_it(window, qtbot):
    """Regression: the picker kept the cell's label and appended the typed text, then read the old
    zone back from it: typing a zone did nothing, and a misspelt one was not refused either."""
    go_to(qtbot, window, "team")
    table, model = window.team.table, window.team.model
    index = cell(model, "Laura", "Time zone")
    click_cell(qtbot, table, index)
    type_text(qtbot, "Asia/Tokyo")
    commit(qtbot, table)
    assert saved_rep(window, "Laura").timezone == "Asia/Tokyo" and index.data() == "Asia/Tokyo"


def test_ctrl_return_applies_the_optimised_plan_and_ctrl_z_takes_it_back(window, qtbot):
    """Keyboard only: Ctrl+R optimises, Ctrl+Return presses Apply plan (it had no key: a keyboard user
    could optimise but not apply)."""
    go_to(qtbot, window, "territories")
    view = window.territories
    before = window.session.store.load().assignments
    assert not view.apply_button.isEnabled()  # no plan yet: nothing to apply
    press(qtbot, Qt.Key_R, Qt.ControlModifier)
    qtbot.waitUntil(lambda: view.worker is not None, timeout=2000)
    qtbot.waitUntil(lambda: view.worker is None, timeout=60000)
    plan = {a.market: a.rep for a in view.plan.assignments}
    assert plan != {a.market: a.rep for a in before}  # applying it is a visible change
    press(qtbot, Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(lambda: {a.market: a.rep for a in window.session.store.load().assignments} == plan)
    undo(qtbot, window)
    assert window.session.store.load().assignments == before


def test_ctrl_z_undoes_the_last_change_wherever_the_keyboard_landed(window, qtbot):
    """Regression: after an edit in Team, Ctrl+3 put the keyboard in the Territories filter field,
    which took Ctrl+Z for itself with nothing to undo: the edit stayed. A field undoes its own typing
    first, then the plan's changes."""
    go_to(qtbot, window, "team")
    index = cell(window.team.model, "Laura", "Max h/week")
    before = index.data()
    type_into_cell(qtbot, window.team.table, index, "38")
    go_to(qtbot, window, "territories")
    undo(qtbot, window)
    assert f"{saved_rep(window, 'Laura').max_weekly_hours:g}" == before
    redo(qtbot, window)
    assert saved_rep(window, "Laura").max_weekly_hours == 38
    field = window.territories.filters.text
    qtbot.mouseClick(field, Qt.LeftButton)
    type_text(qtbot, "US")
    assert focused() is field and field.text() == "US"
    undo(qtbot, window)  # the typing first
    assert field.text() == "" and saved_rep(window, "Laura").max_weekly_hours == 38
    undo(qtbot, window)  # then the edit
    assert f"{saved_rep(window, 'Laura').max_weekly_hours:g}" == before
