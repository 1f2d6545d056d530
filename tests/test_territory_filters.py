"""The Territories grid filtered, sorted and seen whole, driven by keys and clicks as a user would."""

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from benchmarks.generate import generate
from planner.regions import region_of
from planner.storage import Store
from planner.team import cover_everything
from planner.territories import fit_table
from .user_input import open_window

TODAY = dt.date(2027, 3, 17)  # 2027-W11


@pytest.fixture(scope="module")
def generated():
    return cover_everything(generate(40, 120, seed=3), 2027, 11)


@pytest.fixture
def window(qtbot, tmp_path, generated):
    store = Store(tmp_path / "plan.db")
    store.save(generated)
    w = open_window(qtbot, tmp_path, store, TODAY)
    w.show_view("territories")
    return w


def markets_shown(view):
    model = view.model
    return [model.headerData(r, Qt.Vertical) for r in range(model.rowCount())]


def reps_shown(view):
    model = view.model
    return [model.headerData(c, Qt.Horizontal).rstrip(" \u25be") for c in range(model.columnCount())]


def click_section(qtbot, header, section, modifier=Qt.NoModifier):
    """A click in the middle of a header section, where the user sees it."""
    along = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    across = (header.height() if header.orientation() == Qt.Horizontal else header.width()) // 2
    pos = QPoint(along, across) if header.orientation() == Qt.Horizontal else QPoint(across, along)
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, modifier, pos)


def choose(qtbot, box, text):
    """Pick an entry of a drop-down list with the arrow keys."""
    for _ in range(box.count()):
        if box.currentText() == text:
            return
        qtbot.keyClick(box, Qt.Key_Down)
    raise AssertionError(f"{text} is not offered")


def type_rep(qtbot, box, name):
    """Type a rep's name into the rep box and press Enter."""
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), name)
    qtbot.keyClick(box.lineEdit(), Qt.Key_Return)


def test_the_text_filter_shows_exactly_the_markets_it_names(window, qtbot, generated):
    view = window.territories
    qtbot.keyClicks(view.filters.text, "market 001")
    expected = sorted(m.name for m in generated.markets if "market 001" in m.name.lower())
    assert 1 < len(expected) < len(generated.markets)
    assert markets_shown(view) == expected
    assert reps_shown(view) == sorted(r.name for r in generated.reps)  # a market's name keeps every rep
    assert view.filters.count.text() == f"{len(expected)} of {len(generated.markets)} markets, " \
                                        f"{len(generated.reps)} of {len(generated.reps)} reps shown"
    for _ in "market 001":
        qtbot.keyClick(view.filters.text, Qt.Key_Backspace)
    qtbot.keyClicks(view.filters.text, "rep 000")
    assert reps_shown(view) == sorted(r.name for r in generated.reps if "rep 000" in r.name.lower())
    assert len(markets_shown(view)) == len(generated.markets)


def test_region_tier_and_rep_filters_combine_and_clear(window, qtbot, generated):
    view = window.territories
    choose(qtbot, view.filters.region, "EMEA")
    choose(qtbot, view.filters.tier, "Tier A")
    assert markets_shown(view) == sorted(m.name for m in generated.markets
                                         if region_of(m.timezone) == "EMEA" and m.tier == "A")
    assert reps_shown(view) == sorted(r.name for r in generated.reps if region_of(r.timezone) == "EMEA")
    qtbot.mouseClick(view.filters.clear_button, Qt.LeftButton)
    assert len(markets_shown(view)) == len(generated.markets) and len(reps_shown(view)) == len(generated.reps)
    assert not view.filters.clear_button.isEnabled()
    rep = generated.assignments[7].rep  # a rep with markets
    type_rep(qtbot, view.filters.rep, rep)
    assert reps_shown(view) == [rep] and len(markets_shown(view)) == len(generated.markets)
    qtbot.mouseClick(view.filters.rep_markets_only, Qt.LeftButton)
    theirs = sorted(a.market for a in generated.assignments if a.rep == rep)
    assert theirs and markets_shown(view) == theirs


def test_ctrl_f_focuses_the_text_filter(window, qtbot):
    view = window.territories
    view.grid.setFocus()
    qtbot.keyClick(view.grid, Qt.Key_F, Qt.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.filters.text)


def test_header_clicks_sort_markets_by_shared_hours_value_and_tier_and_reps_by_load(window, qtbot, generated):
    view, grid = window.territories, window.territories.grid
    table = fit_table(generated, 2027, 11)
    rep = reps_shown(view)[3]
    click_section(qtbot, grid.horizontalHeader(), 3)
    shared = [table.get(rep, m).overlap_hours for m in markets_shown(view)]
    assert shared == sorted(shared, reverse=True) and shared[0] > shared[-1]
    assert view.model.headerData(3, Qt.Horizontal).endswith("\u25be")
    value = {m.name: m.value for m in generated.markets}
    click_section(qtbot, grid.verticalHeader(), 0)
    assert markets_shown(view) == sorted(m.name for m in generated.markets)
    click_section(qtbot, grid.verticalHeader(), 0)
    values = [value[m] for m in markets_shown(view)]
    assert values == sorted(values, reverse=True)
    click_section(qtbot, grid.verticalHeader(), 5)
    tier = {m.name: m.tier for m in generated.markets}
    tiers = [tier[m] for m in markets_shown(view)]
    assert tiers == sorted(tiers) and len(set(tiers)) == 3
    assert view.filters.market_order.currentText() == "Tier"
    click_section(qtbot, grid.horizontalHeader(), 0, Qt.ShiftModifier)
    load = {r.name: 0.0 for r in generated.reps}
    for a in generated.assignments:
        load[a.rep] += table.get(a.rep, a.market).load_hours
    shares = [load[r] / table.capacity[r] for r in reps_shown(view)]
    assert shares == sorted(shares, reverse=True) and shares[0] > shares[-1]
    assert view.filters.rep_order.currentText() == "Load"


def test_dragging_in_a_filtered_sorted_grid_assigns_the_market_under_the_mouse(window, qtbot, generated):
    view, grid = window.territories, window.territories.grid
    qtbot.keyClicks(view.filters.text, "market 00")
    click_section(qtbot, grid.horizontalHeader(), 5)  # markets by shared hours with the sixth rep
    click_section(qtbot, grid.horizontalHeader(), 0, Qt.ShiftModifier)  # reps by load
    shown, reps = markets_shown(view), reps_shown(view)
    row = 4
    market = shown[row]
    before = window.session.scenario.rep_of(market)
    start = reps.index(before) if before in reps else 0
    target = next(c for c in range(len(reps)) if c != start and abs(c - start) < 4)
    for index in (grid.model().index(row, start), grid.model().index(row, target)):
        grid.scrollTo(index)
    a, b = grid.visualRect(grid.model().index(row, start)), grid.visualRect(grid.model().index(row, target))
    qtbot.mousePress(grid.viewport(), Qt.LeftButton, pos=a.center())
    qtbot.mouseMove(grid.viewport(), b.center())
    qtbot.mouseRelease(grid.viewport(), Qt.LeftButton, pos=b.center())
    assert window.session.store.load().rep_of(market) == reps[target]
    assert all("market 00" in m.lower() for m in markets_shown(view))  # the filter still holds
    row, column = view.model.market_row(market), view.model.rep_column(reps[target])
    assert view.model.index(row, column).data().endswith("\u2713")


def test_clicking_the_overview_scrolls_the_grid_there(window, qtbot):
    view, grid, overview = window.territories, window.territories.grid, window.territories.overview
    assert grid.rowAt(0) == 0 and grid.columnAt(0) == 0
    rows, columns = view.model.rowCount(), view.model.columnCount()
    before = overview.frame()
    point = QPoint(overview.width() - 3, overview.height() - 3)
    qtbot.mouseClick(overview, Qt.LeftButton, pos=point)
    top, bottom, left, right = overview.shown_cells()
    assert bottom == rows - 1 and right == columns - 1  # the bottom-right corner is on screen
    assert top > 0 and left > 0
    after = overview.frame()
    assert after.contains(point.toPointF()) and not before.contains(point.toPointF())
    qtbot.mousePress(overview, Qt.LeftButton, pos=point)
    qtbot.mouseMove(overview, QPoint(2, 2))
    qtbot.mouseRelease(overview, Qt.LeftButton, pos=QPoint(2, 2))
    assert overview.shown_cells()[0] == 0 and overview.shown_cells()[2] == 0


def test_the_overview_draws_every_cell_and_marks_the_assignments(window, generated):
    view, overview = window.territories, window.territories.overview
    image = overview._image
    assert (image.width(), image.height()) == (len(generated.reps), len(generated.markets))
    marks = {(r, c) for r, c, _locked in overview._marks}
    model = view.model
    assert marks == {(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
                     if model.index(r, c).data().endswith("\u2713")}
    for r in range(0, model.rowCount(), 17):
        for c in range(0, model.columnCount(), 7):
            assert image.pixelColor(c, r) == model.index(r, c).data(Qt.BackgroundRole).color()  # the grid's colours


def test_the_filtered_sorted_grid_passes_qt_model_tester(window, qtbot, qtmodeltester):
    view = window.territories
    qtbot.keyClicks(view.filters.text, "market 01")
    click_section(qtbot, view.grid.horizontalHeader(), 2)
    qtmodeltester.check(view.model)
