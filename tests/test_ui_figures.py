"""Team, Workload and Territories at a generated size: they open at once, show how far the figures
have got, then show the figures the CLI and the optimiser count; an edit reworks only the reps it
touches, and an edit made while the figures are worked out stops that work without losing it."""

import datetime as dt
import json

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit

from planner.calendars import inputs_of
from planner.cli import main
from planner.storage import Store
from planner.team import team_week
from planner.territories import fit_table
from ui.figures import FIT, WEEKS, Figures
from ui.main_window import MainWindow
from ui.models import work_text

from .generated_plans import plan_with_calendars

TODAY = dt.date(2027, 3, 17)  # 2027-W11
REPS = 20


@pytest.fixture
def plan_db(tmp_path):
    """A generated plan, every market covered; one rep with a meeting, another with a pinned block."""
    return plan_with_calendars(tmp_path / "big.db", REPS, 2027, 11)


@pytest.fixture
def window(qtbot, tmp_path, plan_db):
    w = MainWindow(Store(plan_db), TODAY, settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    return w


def truth(window, stretch=False):
    """Each rep's week as team_week works it out from the database, busy times and pins included."""
    store = window.session.store
    scenario = store.load()
    return {w.rep: w for w in team_week(scenario, 2027, 11, stretch=stretch, calendars=inputs_of(store, scenario))}


def column(model, title):
    return [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())].index(title)


def team_work(window):
    model = window.team.model
    work = column(model, "Work this week")
    return {model.index(r, 0).data(): model.index(r, work).data() for r in range(model.rowCount())}


def settled(qtbot, figures):
    qtbot.waitUntil(lambda: not figures.busy, timeout=120_000)


def test_team_shows_progress_then_the_week_the_cli_and_the_optimiser_count(window, qtbot, capsys):
    figures, view = window.session.figures, window.team
    assert view.isVisible() and view.progress.isVisible()  # the view is up before any week is worked out
    assert set(team_work(window).values()) == {"\u2026"}
    with qtbot.waitSignal(figures.progress, timeout=60_000,
                          check_params_cb=lambda kind, stretch, done, total: kind == WEEKS and 0 < done < total):
        pass
    assert f"of {REPS}" in view.progress.text()
    settled(qtbot, figures)
    assert not view.progress.isVisible()
    weeks = truth(window)
    assert team_work(window) == {rep: work_text(w) for rep, w in weeks.items()}
    assert weeks[window.session.scenario.reps[0].name].schedule.events  # the meeting was worked around
    # The CLI's schedule gives each rep the same hours.
    db = window.session.store.path
    assert main(["--db", db, "schedule", "--week", "2027-W11", "--json"], today=TODAY) == 0
    for account in json.loads(capsys.readouterr().out)["reps"]:
        week = weeks[account["rep"]]
        assert (account["placed_hours"], account["unplaced_hours"]) == (week.placed_hours, week.unplaced_hours)
    # The optimiser plans each rep's week with the load the week holds.
    window.show_view("territories")
    table = window.territories.model.table
    scenario = window.session.scenario
    for rep, week in weeks.items():
        assert sum(table.get(rep, m.name).load_hours for m in scenario.markets_of(rep)) == pytest.approx(
            week.load_hours)


def test_workload_fills_in_by_risk_with_the_stretched_weeks(window, qtbot):
    window.show_view("workload")
    view, figures = window.workload, window.session.figures
    assert view.progress.isVisible()
    settled(qtbot, figures)
    weeks = truth(window, stretch=True)
    model = view.team.model()
    shown = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert shown == [w.rep for w in sorted(weeks.values(), key=lambda w: w.risk)]
    hours = column(model, "Working time")
    assert [model.index(r, hours).data() for r in range(model.rowCount())] == [
        f"{weeks[rep].working_hours:g} h" for rep in shown]
    assert view.flags.toPlainText().startswith(f"{shown[0]}: {weeks[shown[0]].working_hours:g} h")


def test_an_edit_reworks_only_the_weeks_it_touches_and_undo_none(window, qtbot, monkeypatch):
    import planner.incremental

    figures = window.session.figures
    settled(qtbot, figures)
    worked_out = []
    real = planner.incremental.rep_week
    monkeypatch.setattr(planner.incremental, "rep_week", lambda s, rep, *a, **k: worked_out.append(rep) or
                        real(s, rep, *a, **k))
    window.show_view("territories")
    grid, model = window.territories.grid, window.territories.model
    scenario = window.session.scenario
    market = scenario.markets[0].name
    old = scenario.rep_of(market)
    new = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Horizontal) != old)
    index = model.index(0, new)
    grid.scrollTo(index)
    centre = grid.visualRect(index).center()
    qtbot.mouseClick(grid.viewport(), Qt.LeftButton, pos=centre)
    qtbot.mouseDClick(grid.viewport(), Qt.LeftButton, pos=centre)
    new = model.headerData(new, Qt.Horizontal)
    assert window.session.scenario.rep_of(market) == new
    window.show_view("team")
    assert sorted(worked_out) == sorted([old, new])  # two reps of 20, at once: no wait
    assert not figures.busy
    assert team_work(window) == {rep: work_text(w) for rep, w in truth(window).items()}
    worked_out.clear()
    qtbot.keyClick(window.team.table, Qt.Key_Z, Qt.ControlModifier)
    assert window.session.scenario.rep_of(market) == old
    assert worked_out == []  # the weeks from before the edit are still known
    assert team_work(window) == {rep: work_text(w) for rep, w in truth(window).items()}


def test_an_edit_while_the_weeks_are_worked_out_stops_that_work_and_keeps_what_is_done(window, qtbot,
                                                                                       monkeypatch):
    import planner.incremental

    figures, table = window.session.figures, window.team.table
    worked_out = []
    real = planner.incremental.rep_week
    monkeypatch.setattr(planner.incremental, "rep_week", lambda s, rep, *a, **k: worked_out.append(rep) or
                        real(s, rep, *a, **k))
    with qtbot.waitSignal(figures.progress, timeout=60_000,
                          check_params_cb=lambda kind, stretch, done, total: kind == WEEKS and 0 < done < total):
        pass
    first = figures._jobs[(WEEKS, False)]
    model = window.team.model
    rep = model.index(REPS - 1, 0).data()  # the last rep: not worked out yet
    index = window.team.proxy.mapFromSource(model.index(REPS - 1, column(model, "Max h/week")))
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=table.visualRect(index).center())
    qtbot.keyClick(table, Qt.Key_F2)
    editor = table.findChild(QLineEdit)  # the cell's editor, open on the old value
    qtbot.keyClick(editor, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(editor, "30")
    qtbot.keyClick(editor, Qt.Key_Return)  # the editor commits once back in the event loop
    qtbot.waitUntil(lambda: window.session.scenario.rep(rep).max_weekly_hours == 30)
    assert first.stopped.is_set()  # the work for the old data stopped
    settled(qtbot, figures)
    assert team_work(window) == {r: work_text(w) for r, w in truth(window).items()}
    assert len(worked_out) <= REPS + 1  # what was done before the edit was not done again


def test_territories_show_progress_then_the_fit_table(window, qtbot, monkeypatch):
    monkeypatch.setattr(Figures, "SYNC_PAIRS", 0)  # a generated size small enough for a test, worked out as a big one
    monkeypatch.setattr(Figures, "FIT_PART", 4)
    window.show_view("territories")
    view, figures = window.territories, window.session.figures
    assert view.fit_progress.isVisible() and view.model.rowCount() == 0
    assert view.fit_progress.text().endswith(f"0 of {REPS} reps")
    with qtbot.waitSignal(figures.progress, timeout=60_000,
                          check_params_cb=lambda kind, stretch, done, total: kind == FIT and 0 < done < total):
        pass
    assert f"of {REPS} reps" in view.fit_progress.text()
    with qtbot.waitSignal(figures.fit_ready, timeout=120_000):
        pass
    assert not view.fit_progress.isVisible()
    scenario = window.session.scenario
    assert view.model.table == fit_table(scenario, 2027, 11)
    assert view.model.rowCount() == len(scenario.markets) and view.model.columnCount() == REPS
