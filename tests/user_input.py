"""Driving the app as a person does: keys go to the widget with the focus, clicks land on a cell's pixels.

Nothing here calls a slot: a test that uses these fails when a shortcut, an editor or a signal is not wired.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication

VIEW_KEYS = {"team": Qt.Key_1, "markets": Qt.Key_2, "territories": Qt.Key_3, "week": Qt.Key_4, "workload": Qt.Key_5,
            "quarter": Qt.Key_6}


def open_window(qtbot, tmp_path, store, today, size=(1280, 800)):
    """The main window over ``store``, its settings kept in ``tmp_path`` (never the user's), shown."""
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow

    window = MainWindow(store, today, settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    if size:
        window.resize(*size)
    window.show()
    return window


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
    """Ctrl+1..6, the View menu's shortcuts."""
    press(qtbot, VIEW_KEYS[view], Qt.ControlModifier, window)
    shortcut = VIEW_KEYS[view] - Qt.Key_0
    assert window.tabs.currentWidget() is getattr(window, view), f"Ctrl+{shortcut} did not show {view}"


def undo(qtbot, window) -> None:
    press(qtbot, Qt.Key_Z, Qt.ControlModifier, window)


def redo(qtbot, window) -> None:
    press(qtbot, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier, window)


def cell(model, row_name, column_title):
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == row_name)
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Horizontal) == column_title)
    return model.index(row, column)


def on_screen(view, index):
    """The index as the view shows it: through the view's filter and sort (a proxy) when it has one."""
    model = view.model()
    return index if index.model() is model else model.mapFromSource(index)


def click_cell(qtbot, view, index) -> None:
    index = on_screen(view, index)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(index).center())
    assert view.currentIndex() == index


def type_into_cell(qtbot, table, index, text: str) -> None:
    """Click the cell, type over its value (the first key opens the editor), press Enter."""
    click_cell(qtbot, table, index)
    type_text(qtbot, text)
    assert focused() is not table, f"typing into {index.data()!r} opened no editor"
    commit(qtbot, table)


def commit(qtbot, table) -> None:
    """Enter in a cell's editor; the value is saved once the editor has closed (Qt queues it)."""
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.EditingState)
    back_to(qtbot, table.window())
    qtbot.waitUntil(lambda: focused() is table)  # the editor gave the keyboard back


def back_to(qtbot, window) -> None:
    """Wait until the window is active again after a popup or a dialog closed.

    The offscreen platform activates every window it shows, a completer's popup too, even once it
    is hidden again, and activates nothing when one closes; a window manager gives the keyboard
    back to the main window, so the test does what the window manager would."""
    if QGuiApplication.platformName() == "offscreen" and QApplication.activeWindow() is not window:
        window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def drag(qtbot, view, start, end) -> None:
    """Press on one cell, move over another, release there: real mouse events on the viewport."""
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.LeftButton, pos=view.visualRect(start).center())
    qtbot.mouseMove(viewport, view.visualRect(end).center())
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=view.visualRect(end).center())


def choose(qtbot, window, menu_title: str, action_text: str) -> None:
    """Click a menu in the menu bar, then one of its entries."""
    bar = window.menuBar()
    opener = next(a for a in bar.actions() if a.text() == menu_title)
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.actionGeometry(opener).center())
    menu = opener.menu()
    qtbot.waitUntil(menu.isVisible)
    action = next(a for a in menu.actions() if a.text() == action_text)
    qtbot.mouseClick(menu, Qt.LeftButton, pos=menu.actionGeometry(action).center())


def when_a_dialog_opens(handle, timeout_ms: int = 5000) -> list:
    """Run ``handle(dialog)`` once a modal dialog is up: exec() returns only when it closes, so the
    steps run from inside its loop. Returns a list that will hold the dialog, or the error that
    stopped ``handle``; a dialog left open by a failed step is cancelled."""
    outcome = []
    clock = QElapsedTimer()
    clock.start()

    def look():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if clock.elapsed() < timeout_ms:
                QTimer.singleShot(10, look)
            else:
                outcome.append(AssertionError(f"no dialog opened within {timeout_ms} ms"))
            return
        outcome.append(dialog)
        try:
            handle(dialog)
        except BaseException as exc:  # reported by the test, after the dialog is gone
            outcome.append(exc)
            dialog.reject()

    QTimer.singleShot(0, look)
    return outcome


def replace_text(qtbot, widget, text: str) -> None:
    """Click into a field, select what it holds, type over it."""
    qtbot.mouseClick(widget, Qt.LeftButton)
    qtbot.keyClick(focused(), Qt.Key_A, Qt.ControlModifier)
    type_text(qtbot, text)
