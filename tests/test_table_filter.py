"""Team and Markets filtered and sorted through a proxy: edits, buttons and Undo act on the row as shown."""

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from benchmarks.generate import generate
from planner.storage import Store
from planner.team import cover_everything
from .user_input import open_window

TODAY = dt.date(2027, 3, 17)  # 2027-W11


@pytest.fixture(scope="module")
def generated():
    return cover_everything(generate(40, 120, seed=5), 2027, 11)


@pytest.fixture
def window(qtbot, tmp_path, generated):
    store = Store(tmp_path / "plan.db")
    store.save(generated)
    w = open_window(qtbot, tmp_path, store, TODAY)
    return w


def shown(view, title=None):
    """The cells of a column as the table shows them, top to bottom (the first column by default)."""
    model = view.table.model()
    column = 0 if title is None else column_of(view, title)
    return [model.index(r, column).data() for r in range(model.rowCount())]


def column_of(view, title):
    model = view.table.model()
    return next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Horizontal) == title)


def click_title(qtbot, view, title):
    header = view.table.horizontalHeader()
    section = column_of(view, title)
    pos = QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=pos)


def cell_centre(view, row, title):
    table = view.table
    index = table.model().index(row, column_of(view, title))
    table.scrollTo(index)
    return table.visualRect(index).center()


def test_the_filter_box_shows_exactly_the_rows_containing_its_text(window, qtbot, generated):
    window.show_view("markets")
    view = window.markets
    qtbot.keyClicks(view.filter_box, "ASIA/")
    expected = [m.name for m in generated.markets if "asia/" in m.timezone.lower()]
    assert 0 < len(expected) < len(generated.markets)
    assert shown(view) == expected
    assert view.count.text() == f"{len(expected)} of {len(generated.markets)} rows shown"
    view.filter_box.clear()
    assert shown(view) == [m.name for m in generated.markets]


@pytest.mark.parametrize("name", ["team", "markets"])
def test_ctrl_f_focuses_the_filter_box(window, qtbot, name):
    window.show_view(name)
    view = getattr(window, name)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key_F, Qt.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.filter_box)


def test_a_click_on_a_title_sorts_numbers_as_numbers_then_reverses_then_restores(window, qtbot, generated):
    window.show_view("markets")
    view = window.markets
    value = {m.name: m.value for m in generated.markets}
    click_title(qtbot, view, "Value")
    ascending = [value[name] for name in shown(view)]
    assert ascending == sorted(ascending) and ascending[0] < ascending[-1]  # as text, "95,000" > "150,000"
    click_title(qtbot, view, "Value")
    assert [value[name] for name in shown(view)] == sorted(ascending, reverse=True)
    click_title(qtbot, view, "Value")
    assert shown(view) == [m.name for m in generated.markets]


def test_an_edit_in_a_sorted_filtered_team_changes_the_rep_in_that_row_and_undo_restores_it(window, qtbot, generated):
    window.show_view("team")
    view = window.team
    qtbot.keyClicks(view.filter_box, "europe/")
    click_title(qtbot, view, "Max h/week")
    click_title(qtbot, view, "Max h/week")  # most hours first
    names = shown(view)
    assert len(names) > 3 and names != sorted(names)
    row = 2
    rep = names[row]
    before = {r.name: r.max_weekly_hours for r in generated.reps}
    qtbot.mouseClick(view.table.viewport(), Qt.LeftButton, pos=cell_centre(view, row, "Max h/week"))
    qtbot.mouseDClick(view.table.viewport(), Qt.LeftButton, pos=cell_centre(view, row, "Max h/week"))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor is not view.filter_box
    editor.selectAll()
    qtbot.keyClicks(editor, "31")
    qtbot.keyClick(editor, Qt.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: window.session.scenario.rep(rep).max_weekly_hours == 31)
    assert {r.name: r.max_weekly_hours for r in window.session.store.load().reps} == {**before, rep: 31}
    assert shown(view, "Max h/week")[-1] == "31"  # re-sorted: the fewest hours come last
    assert all("europe/" in zone.lower() for zone in shown(view, "Time zone"))
    qtbot.keyClick(view.table, Qt.Key_Z, Qt.ControlModifier)
    assert {r.name: r.max_weekly_hours for r in window.session.store.load().reps} == before


def test_duplicate_and_remove_act_on_the_selected_row_as_shown(window, qtbot, generated):
    window.show_view("markets")
    view = window.markets
    qtbot.keyClicks(view.filter_box, "america/")
    click_title(qtbot, view, "Value")
    row = 3
    name = shown(view)[row]
    assert name != [m.name for m in generated.markets if "america/" in m.timezone.lower()][row]
    qtbot.mouseClick(view.table.viewport(), Qt.LeftButton, pos=cell_centre(view, row, "Tier"))
    qtbot.mouseClick(button(view, "Duplicate"), Qt.LeftButton)
    markets = window.session.store.load().markets
    copies = [m for m in markets if m.name not in {g.name for g in generated.markets}]
    original = next(m for m in generated.markets if m.name == name)
    assert len(copies) == 1 and dataclasses.replace(copies[0], name=name) == original
    name = shown(view)[row]
    qtbot.mouseClick(view.table.viewport(), Qt.LeftButton, pos=cell_centre(view, row, "Tier"))
    qtbot.mouseClick(button(view, "Remove"), Qt.LeftButton)
    left = {m.name for m in window.session.store.load().markets}
    assert name not in left and len(left) == len(generated.markets)


def test_adding_a_rep_the_filter_hides_clears_the_filter_and_selects_it(window, qtbot):
    window.show_view("team")
    view = window.team
    qtbot.keyClicks(view.filter_box, "asia/")
    click_title(qtbot, view, "Rep")
    click_title(qtbot, view, "Rep")  # Z to A: a new rep would not come last
    qtbot.mouseClick(button(view, "Add rep"), Qt.LeftButton)
    assert view.filter_box.text() == ""
    assert view.selected() == "New rep 1"


def button(view, text):
    from PySide6.QtWidgets import QPushButton

    return next(b for b in view.findChildren(QPushButton) if b.text() == text)


def test_the_filtered_sorted_table_passes_qt_model_tester(window, qtbot, qtmodeltester):
    window.show_view("team")
    view = window.team
    qtbot.keyClicks(view.filter_box, "europe/")
    click_title(qtbot, view, "Work this week")
    qtmodeltester.check(view.table.model())
