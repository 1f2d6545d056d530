"""What if...: the dialog next to the plan picker, pressed as a user does; it saves what
``rep-planner whatif`` saves, Compare shows its effect, and Undo takes it back."""

import shutil

from PySide6.QtCore import Qt

from planner import alternatives
from planner.cli import main
from planner.storage import Store
from tests.test_ui_alternatives import press, rows, save_as, undo, window  # noqa: F401  (window: the fixture)


def choose(qtbot, combo, text: str) -> None:
    """Pick ``text`` in ``combo`` with the keyboard: to the top, then down to it."""
    combo.setFocus()
    for _ in range(combo.count()):
        qtbot.keyClick(combo, Qt.Key_Up)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            break
        qtbot.keyClick(combo, Qt.Key_Down)
    assert combo.currentText() == text


def add(qtbot, dialog, activity: str, kind: int, value: str, per: str | None = None) -> None:
    choose(qtbot, dialog.activity_combo, activity)
    choose(qtbot, dialog.kind_combo, dialog.kind_combo.itemText(kind))
    if per:
        choose(qtbot, dialog.per_combo, per)
    qtbot.keyClicks(dialog.value_edit, value)
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)


def test_the_dialog_saves_what_the_command_line_saves_and_compare_shows_it(qtbot, window, demo_db, tmp_path):  # noqa: F811
    same = tmp_path / "cli.db"
    shutil.copyfile(demo_db, same)
    save_as(qtbot, window, "Optimised")
    assert main(["--db", str(same), "alternatives", "save", "Optimised"]) == 0
    assert main(["--db", str(same), "whatif", "Qualify first", "--activity", "Demo", "--change", "-40%",
                 "--activity", "Discovery call", "--add", "1", "--per", "Demo"]) == 0
    before = rows(demo_db)
    press(qtbot, window, window.plan_picker.whatif_action)
    dialog = window.plan_picker.last_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.name_edit, "Qualify first")
    add(qtbot, dialog, "Demo", 0, "-150%")  # refused: nothing listed, the reason shown
    assert dialog.listing.count() == 0 and "from -100% (none left) to +1000%" in dialog.note.text()
    dialog.value_edit.clear()
    add(qtbot, dialog, "Demo", 0, "-40%")
    add(qtbot, dialog, "Discovery call", 2, "1", per="Demo")
    assert [dialog.listing.item(i).text() for i in range(dialog.listing.count())] == [
        "Demo -40%", "Discovery call +1 per Demo"]
    assert rows(demo_db) == before  # nothing saved until Save what-if
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    store = window.session.store
    assert [(a.name, a.open) for a in alternatives.listing(store)] == [("Optimised", True), ("Qualify first", False)]
    cli_store = Store(str(same))
    assert alternatives.stored_plan(store, "Qualify first").scenario == \
        alternatives.stored_plan(cli_store, "Qualify first").scenario
    cli_store.close()
    assert window.plan_picker.combo.findData("Qualify first") >= 0  # the picker lists it
    qtbot.mouseClick(dialog.compare_button, Qt.LeftButton)
    comparing = dialog.comparison_dialog
    qtbot.waitUntil(lambda: comparing.comparison is not None, timeout=20000)
    c = comparing.comparison
    assert (c.a.name, c.b.name) == ("Optimised", "Qualify first")
    assert c.b.work_hours != c.a.work_hours and c.differences == ()
    comparing.reject()
    dialog.reject()
    undo(qtbot, window)
    qtbot.waitUntil(lambda: [a.name for a in alternatives.listing(store)] == ["Optimised"])
    assert rows(demo_db) == before


def test_a_refused_save_says_why_and_changes_nothing(qtbot, window, demo_db):  # noqa: F811
    before = rows(demo_db)  # the plan has no name yet
    press(qtbot, window, window.plan_picker.whatif_action)
    dialog = window.plan_picker.last_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.name_edit, "Lean")
    add(qtbot, dialog, "CRM admin", 0, "-80%")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert "the plan has no name yet" in dialog.note.text()
    assert not dialog.compare_button.isEnabled()
    assert rows(demo_db) == before
    dialog.reject()
