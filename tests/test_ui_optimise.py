"""The Optimise button, pressed as a person presses it, on the demo."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from planner.storage import open_store
from .user_input import open_window

TODAY = dt.date(2027, 3, 17)  # 2027-W11


@pytest.fixture
def window(qtbot, tmp_path):
    return open_window(qtbot, tmp_path, open_store(tmp_path / "app.db"), TODAY, size=None)


def test_pressing_optimise_reports_the_demo_plan_proven_best(window, qtbot):
    """Regression: clicked(checked=False) once reached optimise() as its time limit, and the report
    said "Best found in the time" where `rep-planner assign` proves the plan optimal."""
    window.show_view("territories")
    view = window.territories
    qtbot.mouseClick(view.optimise_button, Qt.LeftButton)
    assert not view.optimise_button.isEnabled() and view.cancel_button.isEnabled()  # running
    qtbot.waitUntil(lambda: view.worker is None, timeout=60000)
    text = view.report.toPlainText()
    assert "Proven best" in text, text
    assert view.progress.format() == "Optimal"
    assert view.apply_button.isEnabled() and view.optimise_button.isEnabled()


def test_ctrl_r_optimises_too(window, qtbot):
    window.show_view("territories")
    view = window.territories
    qtbot.keyClick(view.grid, Qt.Key_R, Qt.ControlModifier)
    qtbot.waitUntil(lambda: view.worker is None and view.plan is not None, timeout=60000)
    assert "Proven best" in view.report.toPlainText()
