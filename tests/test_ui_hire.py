"""Plan hires..., pressed as a person presses it: the value line typed, Plan, Stop, and the result."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from benchmarks.generate import generate
from planner.storage import open_store

from .user_input import open_window

TODAY = dt.date(2027, 3, 17)  # 2027-W11


@pytest.fixture
def window(qtbot, tmp_path):
    return open_window(qtbot, tmp_path, open_store(tmp_path / "app.db"), TODAY, size=None)


def open_dialog(window, qtbot):
    window.show_view("territories")
    view = window.territories
    assert view.hire_button.parent() is view.optimise_button.parent()  # next to Optimise
    qtbot.mouseClick(view.hire_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.hire_dialog is not None and view.hire_dialog.isVisible())
    return view.hire_dialog


def test_plan_hires_finds_the_demos_two_hires_proven_minimal_and_saves_nothing(window, qtbot):
    dialog = open_dialog(window, qtbot)
    before = window.session.store.load()
    field = dialog.min_value.lineEdit()
    field.selectAll()
    qtbot.keyClicks(field, "300000")
    assert dialog.min_value.value() == 300000
    qtbot.mouseClick(dialog.plan_button, Qt.LeftButton)
    assert not dialog.plan_button.isEnabled() and dialog.stop_button.isEnabled()  # running off the GUI thread
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
    plan = dialog.plan
    assert plan.status == "optimal" and len(plan.hires) == 2
    text = dialog.report.toPlainText()
    assert "Proven minimal" in text and dialog.progress.format() == "Proven minimal"
    for hire in plan.hires:
        assert f"{hire.name}: {hire.timezone} ({hire.country}), {hire.hours}, takes {', '.join(hire.markets)}: " \
               f"adds {hire.value:,.0f}" in text
    assert "0 blocks not placed, 0 h outside working hours" in text
    assert window.session.store.load() == before  # a read: the plan is shown, not stored


def test_a_limit_below_what_is_needed_says_so(window, qtbot):
    dialog = open_dialog(window, qtbot)
    dialog.min_value.lineEdit().selectAll()
    qtbot.keyClicks(dialog.min_value.lineEdit(), "0")
    dialog.max_hires.lineEdit().selectAll()
    qtbot.keyClicks(dialog.max_hires.lineEdit(), "1")
    qtbot.mouseClick(dialog.plan_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
    assert dialog.progress.format() == "Proven: no plan with at most 1 new reps covers them all"


def test_stop_ends_a_long_search_with_the_best_plan_so_far(qtbot, tmp_path):
    store = open_store(tmp_path / "big.db", seed_demo=False)
    store.save(generate(8, 40, seed=0, profile="over"), text="A territory with more work than the team")
    window = open_window(qtbot, tmp_path, store, TODAY, size=None)
    dialog = open_dialog(window, qtbot)
    dialog.min_value.lineEdit().selectAll()
    qtbot.keyClicks(dialog.min_value.lineEdit(), "0")
    qtbot.mouseClick(dialog.plan_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.format().startswith("Best so far"), timeout=30000)
    qtbot.mouseClick(dialog.stop_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    plan = dialog.plan
    assert plan.status == "cancelled" and plan.hires
    assert dialog.progress.format().startswith("Stopped: best found so far, at most")
    assert plan.unplaced_blocks == 0


def test_the_dialog_speaks_french(qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(Path(__file__).parent.parent / "resources" / "translations" / "rep_planner_fr.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        window = open_window(qtbot, tmp_path, open_store(tmp_path / "fr.db"), TODAY, size=None)
        window.show_view("territories")
        assert window.territories.hire_button.text() != "Plan hires..."  # built after the translator
        dialog = open_dialog(window, qtbot)
        assert dialog.plan_button.text() == "Planifier" and dialog.windowTitle() == "Planifier les embauches"
    finally:
        QCoreApplication.removeTranslator(translator)
