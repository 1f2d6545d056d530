"""Files in and out of the app, through its menus and dialogs: scenario and CSV imports, calendar export."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from planner.storage import open_store

from .interop_parsers import read_icaljs, read_libical, read_vobject
from .user_input import back_to, bring_to_front, choose, press, replace_text, undo, when_a_dialog_opens
from .user_input import open_window

TODAY = dt.date(2027, 3, 17)  # 2027-W11
CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture
def window(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path, open_store(tmp_path / "app.db"), TODAY, size=None)
    bring_to_front(qtbot, w)
    return w


def test_export_dialog_writes_a_file_the_parsers_accept(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)

    def fill(dialog):
        replace_text(qtbot, dialog.weeks, "2")
        replace_text(qtbot, dialog.path, str(tmp_path / "team.ics"))
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok), Qt.LeftButton)

    seen = when_a_dialog_opens(fill)
    press(qtbot, Qt.Key_E, Qt.ControlModifier)
    dialog, *errors = seen
    assert not errors and not dialog.isVisible(), errors
    (written,) = dialog.result_files
    assert written.events > 100
    for read in (read_vobject, read_libical, read_icaljs):
        events, _ = read([written.path])
        assert len(events[written.path]) == written.events


def _expected(path):
    return path.with_suffix(".expected").read_text(encoding="utf-8").strip()


def test_every_bad_scenario_file_shows_its_message_in_the_app(window, qtbot, monkeypatch):
    from .test_corpus import table_dump
    shown, chosen = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen[-1]), ""))
    before = table_dump(Path(window.session.store.path))
    files = sorted((CORPUS / "json").glob("*.json"))
    for path in files:
        chosen.append(path)
        press(qtbot, Qt.Key_I, Qt.ControlModifier)  # File > Import scenario, this file in the file dialog
        assert shown and _expected(path) in shown[-1], path.name
    assert len(shown) == len(files)
    assert table_dump(Path(window.session.store.path)) == before
    assert not window.session.undo_stack.canUndo()


def import_csv(qtbot, window, monkeypatch, kind, path):
    """File > Import reps/markets (CSV or Excel)..., this file in the file dialog: the preview it opens."""
    from ui.dialogs import SpreadsheetImportDialog
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    choose(qtbot, window, "&File", f"Import {kind} (CSV or Excel)...")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), SpreadsheetImportDialog))  # keys go to it
    return QApplication.activeWindow()


def test_every_bad_csv_is_previewed_with_its_problem_and_cannot_be_imported(window, qtbot, monkeypatch):
    from .test_corpus import table_dump
    before = table_dump(Path(window.session.store.path))
    for path in sorted((CORPUS / "csv").glob("*.csv")):
        kind = "markets" if path.stem.startswith("markets") else "reps"
        dialog = import_csv(qtbot, window, monkeypatch, kind, path)
        texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
        assert any(_expected(path) in t for t in texts), (path.name, texts)
        assert not dialog.import_button.isEnabled()
        press(qtbot, Qt.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible())
    assert table_dump(Path(window.session.store.path)) == before


def test_a_good_csv_imports_and_undo_takes_it_back(window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "reps.csv"
    path.write_text("\ufeffname;timezone;country;hours;max_weekly_hours\n"
                    "Kenji;Asia/Tokyo;JP;Mon-Fri 09:00-18:00;40\nLaura;Europe/Zurich;CH;Mon-Fri 08:00-16:00;40\n",
                    encoding="utf-8")
    dialog = import_csv(qtbot, window, monkeypatch, "reps", path)
    assert dialog.import_button.isEnabled()
    assert dialog.table.item(1, 3).text() == "replaces the existing one"
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    assert not dialog.isVisible()
    back_to(qtbot, window)
    scenario = window.session.store.load()
    assert scenario.rep("Kenji").timezone == "Asia/Tokyo"
    assert str(scenario.rep("Laura").hours) == "Mon-Fri 08:00-16:00"
    undo(qtbot, window)
    assert "Kenji" not in {r.name for r in window.session.store.load().reps}
