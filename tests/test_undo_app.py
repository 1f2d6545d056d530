"""The app's Undo and ``rep-planner undo`` agree: both revert a revision of the change history, the
same way, and the app's Undo reverts the app's own change only."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from planner import history
from planner.calendar_store import CalendarStore
from planner.cli import main
from planner.storage import Store
from ui.main_window import MainWindow

from .test_history import laura_calendar

TODAY = dt.date(2027, 3, 17)


@pytest.fixture
def window(qtbot, tmp_path, demo_db):
    laura_calendar(Store(demo_db))  # Laura's busy times and a pinned block, recorded from the command line
    w = MainWindow(Store(demo_db, source="app"), TODAY,
                   settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    return w


def cli(capsys, db, *argv) -> str:
    code = main(["--db", str(db), *map(str, argv)])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def calendar_rows(db) -> dict:
    conn = sqlite3.connect(db)
    rows = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3").fetchall() for t in ("busy", "pins")}
    conn.close()
    return rows


def copy_of(db: Path, to: Path) -> Path:
    """A consistent copy of a database the app has open (its last change may be in the -wal only)."""
    source, target = sqlite3.connect(db), sqlite3.connect(to)
    source.backup(target)
    source.close()
    target.close()
    return to


def cell_centre(view, name: str, title: str):
    table, model = view.table, view.table.model()
    row = [model.index(r, 0).data() for r in range(model.rowCount())].index(name)
    column = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())].index(title)
    table.scrollTo(model.index(row, column))
    return table.visualRect(model.index(row, column)).center()


def press(qtbot, window, key) -> None:
    """Ctrl+Z / Ctrl+Y in the Team table."""
    qtbot.keyClick(window.team.table, key, Qt.ControlModifier)


def test_the_apps_undo_and_the_clis_undo_leave_the_same_database(qtbot, capsys, window, demo_db, tmp_path):
    db = Path(demo_db)
    with_laura = calendar_rows(db)
    window.show_view("team")
    qtbot.mouseClick(window.team.table.viewport(), Qt.LeftButton, pos=cell_centre(window.team, "Laura", "Rep"))
    remove = next(b for b in window.team.findChildren(QPushButton) if b.text() == "Remove")
    qtbot.mouseClick(remove, Qt.LeftButton)
    assert [r.name for r in window.session.store.load().reps] == ["Marco"]
    assert calendar_rows(db) == {"busy": [], "pins": []}  # her busy times and pins went with her
    other = copy_of(db, tmp_path / "cli.db")

    press(qtbot, window, Qt.Key_Z)  # Edit > Undo in the app
    out = cli(capsys, other, "undo")  # and on the copy, from the command line
    assert out.startswith("Undid revision 4 (app, ") and "Remove rep Laura" in out

    cli(capsys, db, "export-scenario", tmp_path / "app.json")
    cli(capsys, other, "export-scenario", tmp_path / "cli.json")
    assert (tmp_path / "app.json").read_text() == (tmp_path / "cli.json").read_text()
    assert calendar_rows(db) == calendar_rows(other) == with_laura  # the old Undo lost them
    assert [(r.source, r.text) for r in history.revisions(Store(db), 2)] == [
        ("app", "Undo: Remove rep Laura"), ("app", "Remove rep Laura")]
    assert [(r.source, r.text) for r in history.revisions(Store(other), 1)] == [("cli", "Undo: Remove rep Laura")]
    assert window.session.scenario == Store(db).load()
    press(qtbot, window, Qt.Key_Y)  # Redo: the undo undone
    assert history.revisions(Store(db), 1)[0].text == "Redo: Remove rep Laura" and calendar_rows(db)["busy"] == []


def type_into(qtbot, view, name: str, title: str, text: str) -> None:
    qtbot.mouseClick(view.table.viewport(), Qt.LeftButton, pos=cell_centre(view, name, title))
    qtbot.mouseDClick(view.table.viewport(), Qt.LeftButton, pos=cell_centre(view, name, title))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key_Return)  # the delegate commits on the next turn of the event loop


def test_the_apps_undo_reverts_its_own_change_only_and_refuses_to_overwrite(qtbot, capsys, window, demo_db):
    window.show_view("team")
    type_into(qtbot, window.team, "Laura", "Max h/week", "38")
    qtbot.waitUntil(lambda: window.session.scenario.rep("Laura").max_weekly_hours == 38)
    cli(capsys, demo_db, "market", "assign", "Brazil", "Marco")  # someone else, on other rows

    press(qtbot, window, Qt.Key_Z)
    plan = Store(demo_db).load()
    assert plan.rep("Laura").max_weekly_hours == 45 and plan.rep_of("Brazil") == "Marco"
    assert window.session.scenario == plan  # the app sees the other change too

    cli(capsys, demo_db, "rep", "set", "Laura", "max-hours", "41")  # now the same row
    press(qtbot, window, Qt.Key_Y)  # Redo would overwrite it: refused, and said why
    newest = history.latest(Store(demo_db))
    assert window.statusBar().currentMessage() == (
        f"revision {newest - 1} (Undo: Change Laura's max weekly hours) cannot be undone: revision {newest} "
        f"(cli: Change Laura's max weekly hours) changed rep Laura since; undo revision {newest} first")
    assert Store(demo_db).load().rep("Laura").max_weekly_hours == 41


def test_moving_a_block_is_recorded_and_undone_like_any_change(qtbot, window, demo_db):
    calendars = CalendarStore(window.session.store)
    start = dt.datetime(2027, 3, 16, 15, tzinfo=dt.timezone.utc)
    window.session.set_pins("Marco", {("Brazil", "Demo", 0): start}, "Move Demo of Brazil")
    newest = history.revisions(window.session.store, 1)[0]
    assert (newest.source, newest.text, newest.counts) == ("app", "Move Demo of Brazil", {"pins": 1})
    press(qtbot, window, Qt.Key_Z)
    assert calendars.pins("Marco", "2027-W11") == {}
    assert history.revisions(window.session.store, 1)[0].text == "Undo: Move Demo of Brazil"
