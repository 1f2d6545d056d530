"""View > History (Ctrl+H): the change history in the app, the same as ``rep-planner history``, and
"Undo this change" reverting any change as ``rep-planner undo --revision N`` does."""

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from planner import history
from planner.cli import main
from planner.storage import Store

from .test_history import laura_calendar
from .test_undo_app import calendar_rows, cell_centre, copy_of
from .user_input import bring_to_front, choose, open_window, press, undo

TODAY = dt.date(2027, 3, 17)


@pytest.fixture
def window(qtbot, tmp_path, demo_db):
    laura_calendar(Store(demo_db))  # two changes from another program: Laura's busy times and a pinned block
    w = open_window(qtbot, tmp_path, Store(demo_db, source="app"), TODAY)
    bring_to_front(qtbot, w)
    return w


def listed(window) -> list[tuple[str, ...]]:
    model = window.history_panel.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def select_change(qtbot, window, text: str) -> None:
    table = window.history_panel.table
    row = [cells[1] for cells in listed(window)].index(text)
    index = table.model().index(row, 1)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=table.visualRect(index).center())


def undo_button(qtbot, window) -> None:
    button = window.history_panel.undo_button
    assert button.isEnabled(), "Undo this change is greyed out"
    qtbot.mouseClick(button, Qt.LeftButton)


def remove_laura(qtbot, window) -> None:
    press(qtbot, Qt.Key_1, Qt.ControlModifier, window)
    qtbot.mouseClick(window.team.table.viewport(), Qt.LeftButton, pos=cell_centre(window.team, "Laura", "Rep"))
    qtbot.keyClick(window.team.table, Qt.Key_Delete)
    assert [r.name for r in window.session.scenario.reps] == ["Marco"]


def test_ctrl_h_lists_every_change_as_the_command_line_does(qtbot, capsys, window, demo_db):
    assert not window.history_panel.isVisible()
    remove_laura(qtbot, window)
    press(qtbot, Qt.Key_H, Qt.ControlModifier, window)
    assert window.history_panel.isVisible()
    assert main(["--db", str(demo_db), "history", "--json", "--limit", "50"]) == 0
    from_cli = json.loads(capsys.readouterr().out)
    assert [(int(c[0]), c[1]) for c in listed(window)] == [(r["revision"], r["text"]) for r in from_cli]
    newest, pins, busy = listed(window)[:3]
    assert (newest[3], newest[1]) == ("app", "Remove rep Laura")
    assert (pins[3], busy[3]) == ("command line", "import")
    # A change made after it opened is listed at once.
    press(qtbot, Qt.Key_Z, Qt.ControlModifier, window)
    assert listed(window)[0][1] == "Undo: Remove rep Laura"


def test_undo_this_change_reverts_an_older_change_as_the_cli_does_and_ctrl_z_takes_it_back(
        qtbot, capsys, window, demo_db, tmp_path):
    db = Path(demo_db)
    choose(qtbot, window, "&View", "&History")
    assert window.history_panel.isVisible()
    # An app change after the one to revert, touching other rows: Brazil goes to Marco.
    before = calendar_rows(db)
    target = history.revisions(window.session.store)[1]  # the busy times imported before the pin
    assert target.text.startswith("Import busy times for Laura")
    other = copy_of(db, tmp_path / "cli.db")
    select_change(qtbot, window, target.text)
    undo_button(qtbot, window)
    assert calendar_rows(db)["busy"] == [] and calendar_rows(db)["pins"] == before["pins"]
    assert window.history_panel.notice.text().startswith(f"Undid revision {target.number}")
    assert listed(window)[0][1] == f"Undo: {target.text}"
    # The command line's undo of the same revision leaves the same plan and calendars.
    assert main(["--db", str(other), "undo", "--revision", str(target.number)]) == 0
    capsys.readouterr()
    assert calendar_rows(other) == calendar_rows(db)
    assert Store(other).load() == window.session.store.load()
    # Ctrl+Z takes the undo back: the busy times return.
    undo(qtbot, window)
    assert calendar_rows(db) == before


def test_a_change_a_later_one_touched_is_refused_with_the_reason_and_nothing_changes(qtbot, window, demo_db):
    remove_laura(qtbot, window)  # her busy times went with her
    press(qtbot, Qt.Key_H, Qt.ControlModifier, window)
    kept = sqlite3.connect(demo_db).execute("SELECT count(*) FROM history").fetchone()[0]
    busy = history.revisions(window.session.store)[2]
    select_change(qtbot, window, busy.text)
    undo_button(qtbot, window)
    text = window.history_panel.notice.text()
    assert f"revision {busy.number}" in text and "cannot be undone" in text and "Remove rep Laura" in text
    assert sqlite3.connect(demo_db).execute("SELECT count(*) FROM history").fetchone()[0] == kept
    assert [r.name for r in window.session.scenario.reps] == ["Marco"]


def test_the_plan_that_made_the_database_cannot_be_undone_and_says_so(qtbot, window):
    press(qtbot, Qt.Key_H, Qt.ControlModifier, window)
    first = listed(window)[-1]
    select_change(qtbot, window, first[1])
    undo_button(qtbot, window)
    assert "made the plan" in window.history_panel.notice.text()


def test_the_panel_is_where_it_was_left_at_the_next_start(qtbot, tmp_path, demo_db):
    first = open_window(qtbot, tmp_path, Store(demo_db, source="app"), TODAY)
    bring_to_front(qtbot, first)
    press(qtbot, Qt.Key_H, Qt.ControlModifier, first)
    assert first.history_panel.isVisible()
    first.close()
    again = open_window(qtbot, tmp_path, Store(demo_db, source="app"), TODAY)  # the same settings file
    shown = again.history_panel.model.rowCount()
    assert again.history_panel.isVisible() and shown == len(history.revisions(again.session.store)) >= 1
