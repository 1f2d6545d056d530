"""Excel in the app: File > Export reps/markets (Excel) writes a workbook, File > Import ... (CSV or
Excel) previews one like a CSV file (rows, statuses, every problem, the sheet read) and imports it
as one change that Undo takes back; a bad workbook shows its one line and imports nothing."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from planner.storage import open_store

from .test_corpus import table_dump
from .user_input import back_to, bring_to_front, choose, open_window, press, undo

openpyxl = pytest.importorskip("openpyxl")  # a dependency (pyproject.toml); CI installs it
TODAY = dt.date(2027, 3, 17)
CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture
def window(qtbot, tmp_path, demo):
    store = open_store(tmp_path / "app.db")
    store.save(demo)
    w = open_window(qtbot, tmp_path, store, TODAY, size=None)
    bring_to_front(qtbot, w)
    return w


def files_chosen(monkeypatch, path, offered: list):
    """The file dialogs answer ``path``; ``offered`` collects the file types each one offered."""
    def answer(*args, **kwargs):
        offered.append(args[3] if len(args) > 3 else kwargs.get("filter", ""))
        return str(path), ""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)


def preview(qtbot, window, kind, menu="&File", action=None):
    from ui.dialogs import SpreadsheetImportDialog

    choose(qtbot, window, menu, action or f"Import {kind} (CSV or Excel)...")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), SpreadsheetImportDialog))
    return QApplication.activeWindow()


def test_an_exported_workbook_imports_unchanged_and_leaves_nothing_to_undo(window, qtbot, tmp_path, monkeypatch):
    path, offered = tmp_path / "markets.xlsx", []
    files_chosen(monkeypatch, path, offered)
    before = window.session.store.load()
    choose(qtbot, window, "&File", "Export markets (Excel)...")
    qtbot.waitUntil(path.exists)
    assert offered == ["Excel workbooks (*.xlsx)"]
    dialog = preview(qtbot, window, "markets")
    assert offered[-1].startswith("Spreadsheets (*.csv *.xlsx);;")
    assert dialog.sheet.text() == "Rows from the sheet \u201cMarkets\u201d."
    n = len(before.markets)
    assert f"{n} row(s) ready to import: 0 added, 0 changed, {n} unchanged." == dialog.summary.text()
    assert {dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())} == {"unchanged"}
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.session.store.load() == before and not window.session.undo_stack.canUndo()


def test_an_edited_workbook_imports_as_one_change_that_undo_takes_back(window, qtbot, tmp_path, monkeypatch):
    before = window.session.store.load()
    book = openpyxl.load_workbook(_written(tmp_path, before))
    notes = book.create_sheet("Notes", 0)  # a first sheet that is not the reps: the one named Reps is read
    notes["A1"] = "Team for March"
    book["Reps"]["F2"] = 38.5  # hours a week, typed as a number
    book["Reps"].append(["Kenji", "Asia/Tokyo", "JP", None, "Mon-Fri 09:00-18:00", 40.0, "eu-wtd"])
    path = tmp_path / "team.xlsx"
    book.save(path)
    files_chosen(monkeypatch, path, [])
    dialog = preview(qtbot, window, "reps")
    assert dialog.sheet.text() == "Rows from the sheet \u201cReps\u201d."
    assert [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())] == [
        "replaces the existing one", "unchanged", "new"]
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    back_to(qtbot, window)
    after = window.session.store.load()
    assert after.rep(before.reps[0].name).max_weekly_hours == 38.5 and after.rep("Kenji").timezone == "Asia/Tokyo"
    undo(qtbot, window)
    assert window.session.store.load() == before


def _written(tmp_path, scenario) -> Path:
    from planner import xlsx_io

    path = tmp_path / "reps.xlsx"
    path.write_bytes(xlsx_io.write_reps(scenario))
    return path


def test_the_first_sheet_is_read_when_none_is_named_and_the_preview_says_so(window, qtbot, tmp_path, monkeypatch):
    book = openpyxl.load_workbook(_written(tmp_path, window.session.store.load()))
    book["Reps"].title = "Team"
    book.create_sheet("Notes")
    path = tmp_path / "team.xlsx"
    book.save(path)
    files_chosen(monkeypatch, path, [])
    dialog = preview(qtbot, window, "reps")
    assert dialog.sheet.text() == ("Rows from the sheet \u201cTeam\u201d, the first of 2: none is named "
                                   "\u201cReps\u201d.")
    assert dialog.import_button.isEnabled()
    press(qtbot, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_every_bad_workbook_is_previewed_with_its_problem_and_cannot_be_imported(window, qtbot, monkeypatch):
    before = table_dump(Path(window.session.store.path))
    for path in sorted((CORPUS / "xlsx").glob("*.xlsx")):
        kind = "markets" if path.stem.startswith("markets") else "reps"
        files_chosen(monkeypatch, path, [])
        dialog = preview(qtbot, window, kind)
        texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
        expected = path.with_suffix(".expected").read_text(encoding="utf-8").strip()
        assert any(expected in t for t in texts), (path.name, texts)
        assert not dialog.import_button.isEnabled()
        press(qtbot, Qt.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible())
    assert table_dump(Path(window.session.store.path)) == before


def test_in_french_the_menus_and_the_preview_speak_french(qapp, qtbot, tmp_path, monkeypatch, demo):
    from PySide6.QtCore import QLocale

    from ui.app import install_translator

    before = QLocale()
    translator = install_translator(qapp, "fr")
    try:
        store = open_store(tmp_path / "app.db")
        store.save(demo)
        window = open_window(qtbot, tmp_path, store, TODAY, size=None)
        bring_to_front(qtbot, window)
        path, offered = tmp_path / "equipe.xlsx", []
        files_chosen(monkeypatch, path, offered)
        choose(qtbot, window, "&Fichier", "Exporter les commerciaux (Excel)...")
        qtbot.waitUntil(path.exists)
        dialog = preview(qtbot, window, "reps", "&Fichier", "Importer des commerciaux (CSV ou Excel)...")
        assert offered == ["Classeurs Excel (*.xlsx)", "Feuilles de calcul (*.csv *.xlsx);;Fichiers CSV (*.csv);;"
                                                      "Classeurs Excel (*.xlsx)"]
        assert dialog.sheet.text() == "Lignes lues dans la feuille « Reps »."
        press(qtbot, Qt.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible())
    finally:
        qapp.removeTranslator(translator)
        QLocale.setDefault(before)
