"""The app's side of the lifecycle: its first start, File > Import over a plan, File > Restore backup..."""

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from planner import backups, scenario_file
from planner.storage import Store
from ui.app import first_store
from ui.backups_dialog import RestoreDialog
from ui.main_window import MainWindow

TODAY = dt.date(2027, 3, 17)


@pytest.fixture
def window(qtbot, tmp_path, demo_db):
    w = MainWindow(Store(demo_db), TODAY, settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.show()
    return w


def file_action(window, text):
    return next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == text)


def button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text() == text)


@pytest.fixture
def small(tmp_path, demo):
    path = tmp_path / "small.json"
    scenario_file.save(demo.replace(name="Small", markets=demo.markets[:2], assignments=demo.assignments[:2]), path)
    return path


def test_import_over_a_plan_asks_first_and_cancel_changes_nothing(window, qtbot, small, demo):
    box = window.import_scenario(str(small))
    assert box.isVisible()
    assert box.text().startswith("Replace \u201cFive continents, two reps\u201d (2 reps, 12 markets, 12 assignments) "
                                 "with \u201cSmall\u201d from small.json?")
    assert "A backup of the current plan is kept first" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.Cancel), Qt.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert window.session.scenario == demo and window.session.store.load() == demo
    assert backups.listing(window.session.store.path) == []
    assert not window.session.undo_stack.canUndo()


def test_import_over_a_plan_keeps_a_backup_says_so_and_undo_reverts_it(window, qtbot, small, demo):
    box = window.import_scenario(str(small))
    qtbot.mouseClick(button(box, "Replace"), Qt.LeftButton)
    qtbot.waitUntil(lambda: window.session.scenario.name == "Small")
    assert window.session.store.load().name == "Small"
    (kept,) = backups.listing(window.session.store.path)
    assert kept.cause == "before import of small.json" and Store(kept.path).load() == demo
    assert window.statusBar().currentMessage() == f"Imported Small; the plan it replaced is kept as backup {kept.name}"
    window.undo_action.trigger()
    assert window.session.store.load() == demo


def test_import_into_a_new_plan_asks_nothing_and_still_keeps_what_was_there(qtbot, tmp_path, small):
    w = MainWindow(first_store(str(tmp_path / "new.db")), TODAY,
                   settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    assert w.import_scenario(str(small)) is None  # no reps, no markets: nothing to ask about
    assert w.session.store.load().name == "Small"
    (kept,) = backups.listing(w.session.store.path)  # its activities and settings, should they matter
    assert Store(kept.path).load().name == "New scenario"
    assert w.statusBar().currentMessage() == f"Imported Small; the plan it replaced is kept as backup {kept.name}"


def test_restore_backup_lists_them_and_brings_the_chosen_one_back(window, qtbot, small, demo):
    qtbot.mouseClick(button(window.import_scenario(str(small)), "Replace"), Qt.LeftButton)
    qtbot.waitUntil(lambda: window.session.scenario.name == "Small")
    (kept,) = backups.listing(window.session.store.path)
    file_action(window, "&Restore backup...").trigger()
    dialog = window.findChildren(RestoreDialog)[-1]
    assert dialog.isVisible()
    table = dialog.table
    assert [table.item(0, c).text() for c in range(1, 6)] == [
        "before import of small.json", "Five continents, two reps", "2", "12", "12"]
    assert table.item(0, 0).text() == f"{kept.time.astimezone():%Y-%m-%d %H:%M:%S}"
    qtbot.mouseClick(dialog.restore_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.session.scenario == demo)
    assert window.session.store.load() == demo and window.team.model.rowCount() == 2
    before = backups.listing(window.session.store.path)[-1]
    assert before.cause == f"before restore of {kept.name}" and Store(before.path).load().name == "Small"
    assert window.statusBar().currentMessage() == (
        f"Restored the backup {kept.name} (before import of small.json); the plan it replaced is kept as backup "
        f"{before.name}")
    assert not window.session.undo_stack.canUndo()  # the history belonged to the plan replaced


def test_restore_backup_with_none_says_how_one_is_made(window):
    file_action(window, "&Restore backup...").trigger()
    dialog = window.findChildren(RestoreDialog)[-1]
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()


def test_the_first_start_gives_the_default_database_the_demo_and_a_new_path_a_new_plan(tmp_path, monkeypatch, demo):
    default = tmp_path / "data" / "rep-planner.db"
    monkeypatch.setattr("planner.storage.default_path", lambda: default)
    assert first_store(None).load() == demo
    new = first_store(str(tmp_path / "mine.db")).load()
    assert (new.name, new.reps, new.markets) == ("New scenario", (), ())
    assert [(a.name, a.minutes, a.live) for a in new.activities] == [
        ("Demo", 45, True), ("Call", 30, True), ("Follow-up", 15, False)]
    assert first_store(str(default)).load() == demo  # an existing database opens as it is
