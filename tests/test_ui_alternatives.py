"""The plan picker: Save as alternative..., Switch, Delete and Compare... pressed as a user does, undone
by the app's Undo, and compared with the same figures as ``rep-planner compare A B``."""

import datetime as dt
import json

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from planner import alternatives, commands
from planner.cli import main
from planner.storage import Store
from ui.main_window import MainWindow

from .test_alternatives import rows

TODAY = dt.date(2027, 3, 17)


@pytest.fixture
def window(qtbot, tmp_path, demo_db):
    w = MainWindow(Store(demo_db, source="app"), TODAY,
                   settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    w.session.set_week(2027, 11)
    return w


def press(qtbot, window, action):
    qtbot.mouseClick(window.plan_picker.widgetForAction(action), Qt.LeftButton)


def save_as(qtbot, window, name: str) -> None:
    press(qtbot, window, window.plan_picker.save_action)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    field = QApplication.focusWidget()
    qtbot.keyClicks(field, name)
    qtbot.keyClick(field, Qt.Key_Return)
    qtbot.waitUntil(lambda: alternatives.open_name(window.session.store) == name)


def pick(qtbot, window, name: str) -> None:
    """Choose ``name`` in the combo box with the keyboard: to the top, then down to it."""
    combo = window.plan_picker.combo
    for _ in range(combo.count()):
        qtbot.keyClick(combo, Qt.Key_Up)
    for _ in range(combo.count()):
        if combo.currentData() == name:
            break
        qtbot.keyClick(combo, Qt.Key_Down)
    assert combo.currentData() == name


def undo(qtbot, window) -> None:
    """Ctrl+Z in the Team table, the main window active again after a dialog."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.team.table, Qt.Key_Z, Qt.ControlModifier)


def two_alternatives(qtbot, window) -> None:
    save_as(qtbot, window, "Cover all")
    save_as(qtbot, window, "Lean")
    assert window.session.do(commands.Assign("US West", None)) is None  # an edit of Lean's
    assert window.session.do(commands.Assign("India", None)) is None


def test_save_switch_and_undo_with_the_buttons_and_keys(qtbot, window, demo_db):
    before_save = rows(demo_db)
    two_alternatives(qtbot, window)
    combo = window.plan_picker.combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Cover all", "Lean (open)"]
    assert not window.plan_picker.switch_action.isEnabled()  # Lean is open already
    lean = window.session.scenario
    before_switch = rows(demo_db)
    pick(qtbot, window, "Cover all")
    press(qtbot, window, window.plan_picker.switch_action)
    qtbot.waitUntil(lambda: alternatives.open_name(window.session.store) == "Cover all")
    assert len(window.session.scenario.assignments) == 12
    assert window.session.scenario == window.session.store.load()
    assert combo.currentData() == "Cover all"
    undo(qtbot, window)  # the switch, undone: Lean open again, exactly as it was
    qtbot.waitUntil(lambda: alternatives.open_name(window.session.store) == "Lean")
    assert rows(demo_db) == before_switch
    assert window.session.scenario == lean
    assert combo.currentData() == "Lean"
    for _ in range(4):  # the two edits and the two saves
        undo(qtbot, window)
    qtbot.waitUntil(lambda: rows(demo_db) == before_save)
    assert [combo.itemText(i) for i in range(combo.count())] == ["(no name yet)"]


def test_delete_with_the_button_and_undo(qtbot, window, demo_db):
    two_alternatives(qtbot, window)
    before = rows(demo_db)
    pick(qtbot, window, "Cover all")
    press(qtbot, window, window.plan_picker.delete_action)
    qtbot.waitUntil(lambda: [a.name for a in alternatives.listing(window.session.store)] == ["Lean"])
    assert window.plan_picker.combo.count() == 1
    undo(qtbot, window)
    qtbot.waitUntil(lambda: rows(demo_db) == before)
    assert window.plan_picker.combo.count() == 2


def test_a_name_taken_is_refused_and_changes_nothing(qtbot, window, demo_db, monkeypatch):
    save_as(qtbot, window, "Cover all")
    before = rows(demo_db)
    warned = []
    monkeypatch.setattr("ui.alternatives_bar.QMessageBox.warning", lambda *a: warned.append(a[2]))
    press(qtbot, window, window.plan_picker.save_action)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    qtbot.keyClicks(QApplication.focusWidget(), "Cover all")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    qtbot.waitUntil(lambda: bool(warned))
    assert warned == ["alternative: an alternative has this name already; pick another or delete that one "
                      "first (got 'Cover all')"]
    assert rows(demo_db) == before


def test_compare_shows_the_figures_the_command_line_prints(qtbot, window, demo_db, capsys):
    two_alternatives(qtbot, window)
    pick(qtbot, window, "Cover all")
    press(qtbot, window, window.plan_picker.compare_action)
    dialog = window.plan_picker.last_dialog
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=20000)
    assert (dialog.a_combo.currentText(), dialog.b_combo.currentText()) == ("Cover all", "Lean")
    assert main(["--db", demo_db, "compare", "Cover all", "Lean", "--week", "2027-W11", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    raw = lambda model: [[model.index(r, c).data(Qt.UserRole) for c in range(model.columnCount())]  # noqa: E731
                         for r in range(model.rowCount())]
    assert raw(dialog.summary) == [[k, data["a"][k], data["b"][k]] for k in
                                   ("value", "total_value", "markets_covered", "markets", "work_hours", "hours", "outside_hours",
                                    "unplaced_hours", "flags")]
    columns = ("hours", "day", "outside", "unplaced", "flags")
    assert raw(dialog.reps) == [[r["rep"], *(r["a"][c] for c in columns), *(r["b"][c] for c in columns)]
                                for r in data["reps"]]
    assert raw(dialog.differences) == [[d["market"], d["a"], d["b"]] for d in data["differences"]]
    # And as text: the command line's table rows are the app's cells.
    assert main(["--db", demo_db, "compare", "Cover all", "Lean", "--week", "2027-W11"]) == 0
    printed = capsys.readouterr().out.splitlines()
    shown = [[dialog.reps.index(r, c).data() for c in range(dialog.reps.columnCount())]
             for r in range(dialog.reps.rowCount())]
    for row in shown:
        assert any(line.split() == " ".join(row).split() for line in printed), row
    assert dialog.differences.rowCount() == 2 and dialog.differences.index(0, 2).data() == "nobody"
    dialog.b_combo.setFocus()
    qtbot.keyClick(dialog.b_combo, Qt.Key_Up)  # Cover all against itself
    qtbot.mouseClick(dialog.compare_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.comparison.b.name == "Cover all", timeout=20000)
    assert dialog.differences.rowCount() == 0
    dialog.reject()
