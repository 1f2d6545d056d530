"""The views at scale: cells come from lookups built once per change, sections have fixed sizes,
and an assignment made in the Territories view does not recompute the shared hours."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from benchmarks.generate import generate
from planner.storage import Store
from planner.team import cover_everything
from planner.territories import fit_table
from .user_input import open_window

TODAY = dt.date(2027, 3, 17)  # 2027-W11
ROLES = (Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole, Qt.TextAlignmentRole, Qt.BackgroundRole,
         Qt.ForegroundRole, Qt.FontRole)


class CountedTuple(tuple):
    """The scenario's assignments, counting every walk over them."""

    walks = 0

    def __iter__(self):
        CountedTuple.walks += 1
        return super().__iter__()


def counted(scenario):
    object.__setattr__(scenario, "assignments", CountedTuple(scenario.assignments))  # Scenario is frozen
    return scenario


@pytest.fixture
def generated():
    return cover_everything(generate(12, 40, seed=3), 2027, 11)


@pytest.fixture
def window(qtbot, tmp_path, generated):
    store = Store(tmp_path / "big.db")
    store.save(generated)
    w = open_window(qtbot, tmp_path, store, TODAY)
    return w


def every_cell(model):
    return [model.index(r, c).data(role) for r in range(model.rowCount()) for c in range(model.columnCount())
            for role in ROLES]


def test_territory_cells_do_not_walk_the_assignments(window, generated):
    window.show_view("territories")
    model = window.territories.model
    scenario = counted(generated)
    model.set_fit(scenario, fit_table(scenario, 2027, 11))
    CountedTuple.walks = 0
    cells = every_cell(model)
    assert CountedTuple.walks == 0  # was one walk per cell and role
    market, rep = scenario.assignments[0].market, scenario.assignments[0].rep
    row = [m.name for m in scenario.markets].index(market)
    column = [r.name for r in scenario.reps].index(rep)
    assert model.index(row, column).data().endswith("\u2713")
    assert sum(str(text).endswith("\u2713") for text in cells) == len(scenario.markets)  # one rep per market


@pytest.mark.parametrize("view", ["team", "markets"])
def test_team_and_markets_cells_do_not_walk_the_assignments(window, view):
    window.show_view(view)
    model = getattr(window, view).model
    window.session.scenario = counted(window.session.scenario)
    model.refresh()
    CountedTuple.walks = 0
    every_cell(model)
    assert CountedTuple.walks == 0  # the Markets' Rep column and the Team's Markets column scanned per cell


def test_territory_sections_have_fixed_sizes(window):
    window.show_view("territories")
    grid = window.territories.grid
    assert grid.verticalHeader().sectionResizeMode(0) == QHeaderView.Fixed
    assert grid.horizontalHeader().sectionResizeMode(0) == QHeaderView.Interactive  # 12 reps: columns scroll
    assert grid.horizontalHeader().sectionSize(0) >= grid.fontMetrics().horizontalAdvance("40 h \u2713")


def test_assigning_by_double_click_and_undo_keep_the_fit_table(window, qtbot, monkeypatch):
    import planner.incremental

    window.show_view("territories")
    view, grid = window.territories, window.territories.grid
    model = view.model
    calls = []
    monkeypatch.setattr(planner.incremental, "fit_table", lambda *a, **k: calls.append(a) or fit_table(*a, **k))
    scenario = window.session.scenario
    row = 0
    mine = [m.name for m in scenario.markets][row]
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Horizontal) != scenario.rep_of(mine))
    index = model.index(row, column)
    grid.scrollTo(index)
    centre = grid.visualRect(index).center()
    qtbot.mouseClick(grid.viewport(), Qt.LeftButton, pos=centre)  # a double-click is a click, then the second press
    qtbot.mouseDClick(grid.viewport(), Qt.LeftButton, pos=centre)
    assert window.session.scenario.rep_of(mine) == model.headerData(column, Qt.Horizontal)
    assert index.data().endswith("\u2713")
    qtbot.keyClick(grid, Qt.Key_Z, Qt.ControlModifier)
    assert window.session.scenario.rep_of(mine) == scenario.rep_of(mine)
    assert not index.data().endswith("\u2713")
    assert calls == []  # the shared hours did not change; they were not recomputed
    window.show_view("team")
    redo = window.redo_action.shortcut()[0]  # the platform's Redo keys
    qtbot.keyClick(window.team.table, redo.key(), redo.keyboardModifiers())  # with Team on screen
    assert window.session.scenario.rep_of(mine) == model.headerData(column, Qt.Horizontal)
    team = window.team.model
    rep_row = next(r for r in range(team.rowCount()) if team.index(r, 0).data() == model.headerData(column, Qt.Horizontal))
    assert mine in team.index(rep_row, team.columnCount() - 1).data()  # the hidden Team view caught up on show
