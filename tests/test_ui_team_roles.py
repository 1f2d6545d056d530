"""The app on a team's plan with a member's own login (tests/team_plan.py): the status bar says who
they are; a change their role does not allow, made with the keys, is refused by the server in one
line, nothing of the plan changes and the app goes on working; a rep's territory cells are greyed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner.storage import Store
from tests import team_plan

from .user_input import (back_to, bring_to_front, cell, click_cell, focused, go_to, open_window, press,
                         type_into_cell, type_text, undo)

PLAN = ("meta", "activities", "reps", "markets", "workload", "assignments", "busy", "pins", "alternatives", "members")


@pytest.fixture
def team(pg_cluster, tmp_path, monkeypatch):
    made = team_plan.with_members(pg_cluster, tmp_path, monkeypatch)
    return made


def _plan(team) -> dict:
    return {t: rows for t, rows in team.snapshot().items() if t in PLAN}


def _window(qtbot, tmp_path, team, login):
    window = open_window(qtbot, tmp_path, Store(team.url(login), source="app"), team_plan.TODAY, size=None)
    bring_to_front(qtbot, window)
    return window


def _member_label(window) -> str:
    from PySide6.QtWidgets import QLabel

    return window.findChild(QLabel, "member").text()


def test_a_planner_s_edit_outside_their_region_is_refused_in_one_line_and_the_app_goes_on(qtbot, tmp_path, team):
    window = _window(qtbot, tmp_path, team, "pia")
    assert _member_label(window) == "pia: planner of EMEA"
    go_to(qtbot, window, "markets")
    table, model = window.markets.table, window.markets.model
    before = _plan(team)
    brazil = cell(model, "Brazil", "Value")
    shown = brazil.data()
    type_into_cell(qtbot, table, brazil, "777")
    said = window.markets.notice.text()
    assert "refused by the server: pia plans EMEA and may not change market Brazil (Americas)" in said
    assert "\n" not in said and "the database is unchanged" in said
    assert brazil.data() == shown and _plan(team) == before
    assert not window.session.undo_stack.canUndo()
    dach = cell(model, "DACH", "Value")   # EMEA: hers
    type_into_cell(qtbot, table, dach, "777")
    assert dach.data() == "777" and Store(team.url("ana")).load().market("DACH").value == 777
    undo(qtbot, window)
    back_to(qtbot, window)
    qtbot.waitUntil(lambda: _plan(team)["markets"] == before["markets"])


def test_a_rep_sees_who_they_are_cannot_type_into_a_market_and_the_server_refuses_an_undo(qtbot, tmp_path, team):
    window = _window(qtbot, tmp_path, team, "ray")
    assert _member_label(window) == "ray: rep (Laura)"
    go_to(qtbot, window, "markets")
    table, model = window.markets.table, window.markets.model
    before = _plan(team)
    brazil = cell(model, "Brazil", "Value")
    assert not model.flags(brazil) & Qt.ItemIsEditable   # greyed: a rep edits no territory
    click_cell(qtbot, table, brazil)
    type_text(qtbot, "777")
    press(qtbot, Qt.Key_F2)
    assert focused() is table   # no editor opened
    assert _plan(team) == before
    # the history's Undo this change is not greyed: the server refuses it
    press(qtbot, Qt.Key_H, Qt.ControlModifier)
    panel = window.history_panel
    qtbot.waitUntil(lambda: panel.isVisible() and panel.model.rowCount() > 0)
    row = next(r for r, rev in enumerate(panel.model.revisions) if rev.text == "Assign Brazil to Zoe")
    qtbot.mouseClick(panel.table.viewport(), Qt.LeftButton, pos=panel.table.visualRect(panel.model.index(row, 0)).center())
    qtbot.mouseClick(panel.undo_button, Qt.LeftButton)
    said = panel.notice.text()
    assert "refused by the server: permission denied for table assignments" in said and "\n" not in said
    assert _plan(team) == before
    # and the app goes on: Week view, the rep's own calendar
    go_to(qtbot, window, "week")
