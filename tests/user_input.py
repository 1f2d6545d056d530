"""Driving the app as a person does: keys go to the widget with the focus, clicks land on a cell's pixels.

Nothing here calls a slot: a test that uses these fails when a shortcut, an editor or a signal is not wired.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

VIEW_KEYS = {"team": Qt.Key_1, "markets": Qt.Key_2, "territories": Qt.Key_3, "week": Qt.Key_4, "workload": Qt.Key_5}


def bring_to_front(qtbot, window) -> None:
    """Show and activate the window: shortcuts and focus only work in the active window."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def focused(window=None):
    """Where the keyboard's keys go now (the window itself when nothing in it has the focus)."""
    return QApplication.focusWidget() or window


def press(qtbot, key, modifiers=Qt.NoModifier, window=None) -> None:
    qtbot.keyClick(focused(window), key, modifiers)


def type_text(qtbot, text: str) -> None:
    """Each character to whatever has the focus at that moment, as a keyboard sends them."""
    for char in text:
        qtbot.keyClick(focused(), char)


def go_to(qtbot, window, view: str) -> None:
    """Ctrl+1..5, the View menu's shortcuts."""
    press(qtbot, VIEW_KEYS[view], Qt.ControlModifier, window)
    assert window.tabs.currentWidget() is getattr(window, view), f"Ctrl+{VIEW_KEYS[view] - Qt.Key_0} did not show {view}"


def undo(qtbot, window) -> None:
    press(qtbot, Qt.Key_Z, Qt.ControlModifier, window)


def redo(qtbot, window) -> None:
    press(qtbot, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier, window)


def cell(model, row_name, column_title):
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == row_name)
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Horizontal) == column_title)
    return model.index(row, column)


def click_cell(qtbot, view, index) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(index).center())
    assert view.currentIndex() == index


def type_into_cell(qtbot, table, index, text: str) -> None:
    """Click the cell, type over its value (the first key opens the editor), press Enter."""
    click_cell(qtbot, table, index)
    type_text(qtbot, text)
    editor = focused()
    assert editor is not table, f"typing into {index.data()!r} opened no editor"
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: focused() is table)  # the editor closed and gave the keyboard back


def drag(qtbot, view, start, end) -> None:
    """Press on one cell, move over another, release there: real mouse events on the viewport."""
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.LeftButton, pos=view.visualRect(start).center())
    qtbot.mouseMove(viewport, view.visualRect(end).center())
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=view.visualRect(end).center())
