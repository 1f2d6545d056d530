"""The menus and the toolbar as a reader sees them, in English and in French.

A menu entry that asks for more before it acts (a file to pick, a choice, a dialog to fill) ends
with "...", and one that acts at once or only tells something (About) does not: the ellipsis is the
promise that nothing happens yet. A toolbar button shows its action's text without the "..." (Qt's
way), so its tooltip has to say what the button does to which plan.
"""

import datetime as dt

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from planner.storage import open_store
from ui.app import install_translator

from .user_input import back_to, bring_to_front, choose, open_window

TODAY = dt.date(2027, 3, 17)


@pytest.fixture(params=["en", "fr"])
def window(request, qapp, qtbot, tmp_path):
    before = QLocale()
    translator = install_translator(qapp, "fr") if request.param == "fr" else None
    assert translator is not None or request.param == "en"
    try:
        w = open_window(qtbot, tmp_path, open_store(tmp_path / "app.db"), TODAY)
        bring_to_front(qtbot, w)
        w.language = request.param
        yield w
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)


@pytest.fixture
def dialogs(monkeypatch):
    """What a menu entry opened: "asks" for a file dialog, a choice or a dialog; "tells" for a
    message that asks nothing. The dialogs are recorded, not shown."""
    opened = []

    def record(what, answer):
        return lambda *_args, **_kwargs: (opened.append(what), answer)[1]

    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, record("asks", ("", "")))
    for name in ("getItem", "getText"):
        monkeypatch.setattr(QInputDialog, name, record("asks", ("", False)))
    for cls in (QDialog, QFileDialog, QInputDialog, QMessageBox):
        monkeypatch.setattr(cls, "open", record("asks", None))
        monkeypatch.setattr(cls, "exec", record("asks", QDialog.Rejected))
    monkeypatch.setattr(QMessageBox, "about", record("tells", None))
    return opened


def entries(window):
    """(menu title, entry) for every entry of every menu in the menu bar, submenus left out; the
    File menu last, as its last entry (Quit) closes the window."""
    for opener in reversed(window.menuBar().actions()):
        for action in opener.menu().actions():
            if not action.isSeparator() and action.menu() is None:
                yield opener.text(), action


def test_a_menu_entry_ends_with_an_ellipsis_exactly_when_it_asks_for_more(window, dialogs, qtbot):
    checked = []
    for title, action in list(entries(window)):
        text = action.text()
        if not action.isEnabled():  # Undo and Redo, with nothing done yet
            continue
        dialogs.clear()
        choose(qtbot, window, title, text)
        asked = "asks" in dialogs
        assert text.endswith("...") == asked, f"{title} > {text}: {'asks' if asked else 'does not ask'} for more"
        checked.append((text, asked))
        if not window.isVisible():
            break  # Quit, at once
        back_to(qtbot, window)
    asking = [text for text, asked in checked if asked]
    assert len(asking) >= 16 and len(checked) - len(asking) >= 11, checked  # File; views, History, weeks, About, Quit
    assert not window.isVisible() and checked[-1] == (window.tr("&Quit"), False)
    if window.language == "fr":
        assert "&Publier sur un serveur de calendrier..." in asking


def test_each_toolbar_button_says_in_its_tooltip_what_it_does(window):
    picker = window.plan_picker
    english = ("Carry on under a new name", "Open the alternative chosen in the list",
               "Delete the alternative chosen in the list", "Two alternatives side by side",
               "Keep the plan open now, with an activity's work changed")
    tips = []
    for action in (picker.save_action, picker.switch_action, picker.delete_action, picker.compare_action,
                   picker.whatif_action):
        button = picker.widgetForAction(action)
        label, tip = button.text(), button.toolTip()
        assert not label.endswith("...")  # Qt's tool button label
        assert tip != label and len(tip) > len(label) + 20, (label, tip)
        tips.append(tip)
    starts = [any(tip.startswith(start) for start in english) for tip in tips]
    assert starts == ([True] * 5 if window.language == "en" else [False] * 5), tips
