"""The desktop app, driven as a user would, offscreen."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, QPointF, QSettings, Qt

from planner.calendar_store import CalendarStore
from planner.schedule import build_week
from planner.storage import open_store
from ui.main_window import MainWindow

from .user_input import bring_to_front, cell, click_cell, commit, go_to, press, redo, type_into_cell, undo

ROOT = Path(__file__).parent.parent
TODAY = dt.date(2027, 3, 17)  # 2027-W11
NOW = dt.datetime(2027, 3, 17, 10, 30, tzinfo=dt.timezone.utc)


@pytest.fixture
def window(qtbot, tmp_path):
    store = open_store(tmp_path / "app.db")
    w = MainWindow(store, TODAY, now=NOW, settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    bring_to_front(qtbot, w)
    return w


def territory(qtbot, window, market, rep):
    go_to(qtbot, window, "territories")  # as a user would: look at the Territories tab
    model = window.territories.model
    row = [model.headerData(r, Qt.Vertical) for r in range(model.rowCount())].index(market)
    column = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())].index(rep)
    return model.index(row, column).data()


def test_models_pass_qt_model_tester(window, qtbot, qtmodeltester):
    go_to(qtbot, window, "territories")
    for model in (window.team.model, window.markets.model, window.territories.model):
        qtmodeltester.check(model)


def test_editing_a_reps_hours_changes_the_overlap_and_undo_restores_it(window, qtbot):
    before = territory(qtbot, window, "US East", "Laura")
    assert before.startswith("17.5 h")  # 08:30-17:30 Zurich vs New York on EDT: 3.5 h a day
    go_to(qtbot, window, "team")
    type_into_cell(qtbot, window.team.table, cell(window.team.model, "Laura", "Working hours"), "Mon-Fri 12:00-21:00")
    # New York 09:00-17:00 EDT is 14:00-22:00 in Zurich (still CET): 14:00-21:00 is 7 h a day.
    assert territory(qtbot, window, "US East", "Laura").startswith("35 h")
    assert str(window.session.store.load().rep("Laura").hours) == "Mon-Fri 12:00-21:00"  # saved at once
    undo(qtbot, window)
    assert territory(qtbot, window, "US East", "Laura") == before
    redo(qtbot, window)
    assert territory(qtbot, window, "US East", "Laura").startswith("35 h")


@pytest.mark.parametrize("column,value,reason", [
    ("Working hours", "Mon-Fri 09:00-25:00", "00:00 to 24:00"),
    ("Time zone", "Europe/Zurch", "not an IANA time zone"),
    ("Max h/week", "forty", "must be a number"),
    ("Rep", "Marco", "two reps have this name"),
])
def test_bad_values_typed_into_cells_are_refused_with_the_reason(window, qtbot, column, value, reason):
    before = window.session.store.load()
    index = cell(window.team.model, "Laura", column)
    shown = index.data()
    type_into_cell(qtbot, window.team.table, index, value)
    assert reason in window.team.notice.text()
    assert index.data() == shown
    assert window.session.store.load() == before
    assert not window.session.undo_stack.canUndo()


def test_hours_editor_shows_the_problem_while_typing(window, qtbot):
    from ui.delegates import HoursEdit
    editor = HoursEdit()
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor, "Mon-Fry 09:00-17:00")
    assert editor.problem and "'Fry'" in editor.problem
    qtbot.keyClick(editor, Qt.Key_A, Qt.ControlModifier)  # select all, then type over it
    qtbot.keyClicks(editor, "Mon-Fri 09:00-17:00")
    assert editor.problem is None and "40 h" in editor.toolTip()


def test_time_zone_picker_finds_zones_by_any_part_and_shows_offsets(qtbot):
    from ui.delegates import TimeZonePicker
    picker = TimeZonePicker(now=dt.datetime(2027, 1, 15, 12, tzinfo=dt.timezone.utc))
    qtbot.addWidget(picker)
    label = picker.itemText(picker.findData("Asia/Kathmandu"))
    assert "UTC+05:45" in label and "now 17:45" in label
    picker.set_zone("Pacific/Chatham")
    assert picker.zone() == "Pacific/Chatham"


def test_optimise_completes_shows_reasons_and_applies_with_undo(window, qtbot):
    go_to(qtbot, window, "territories")
    view = window.territories
    press(qtbot, Qt.Key_R, Qt.ControlModifier)
    qtbot.waitUntil(lambda: view.worker is not None, timeout=2000)  # the button animates its click
    qtbot.waitUntil(lambda: view.worker is None, timeout=60000)
    assert view.plan.status == "optimal"
    text = view.report.toPlainText()
    assert "US West" in text and "Where to hire next" in text
    assert "Proven best" in text  # the demo's plan is proven, and the report says so
    assert view.apply_button.isEnabled()
    before = window.session.store.load().assignments
    qtbot.mouseClick(view.apply_button, Qt.LeftButton)
    stored = {a.market: a.rep for a in window.session.store.load().assignments}
    assert stored == {a.market: a.rep for a in view.plan.assignments}
    undo(qtbot, window)
    assert window.session.store.load().assignments == before
    assert len(before) == 12


def test_optimise_can_be_cancelled(window, qtbot, tmp_path):
    from benchmarks.generate import generate
    from planner.commands import ReplaceScenario
    window.session.do(ReplaceScenario(generate(60, 150, seed=1)))  # the scene, not a user's step
    go_to(qtbot, window, "territories")
    view = window.territories
    qtbot.mouseClick(view.optimise_button, Qt.LeftButton)
    worker = view.worker
    with qtbot.waitSignal(worker.done, timeout=60000) as blocker:
        qtbot.mouseClick(view.cancel_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.worker is None, timeout=10000)
    assert blocker.args[0].status == "cancelled"
    assert "Cancelled" in view.progress.format()
    assert view.optimise_button.isEnabled()


def test_dragging_a_block_moves_pins_and_saves_it_and_bad_drops_are_refused(window, qtbot):
    window.show_view("week")
    week = window.week
    canvas = week.canvas
    week.rep_box.setCurrentText("Laura")
    rect, block = next((r, e) for r, e in canvas._blocks if e.activity == "Demo" and e.market == "UK & Ireland")
    # Drag it down by one hour (four quarter-hour steps) on the same day.
    grab = rect.center()
    from ui.week_view import HOUR_H
    target = QPointF(grab.x(), grab.y() + HOUR_H)
    candidates = [target + QPointF(0, k * HOUR_H / 4) for k in range(0, 24)]
    pins = CalendarStore(window.session.store)
    moved = None
    for point in candidates:
        canvas._drag = (block, rect, grab)
        day, minute = canvas._snap(point, grab, rect)
        start = canvas.instant_at(day, minute)
        from planner.schedule import check_move
        if check_move(window.session.scenario, week.schedule, block.key, start) is None:
            qtbot.mousePress(canvas, Qt.LeftButton, pos=grab.toPoint())
            qtbot.mouseMove(canvas, point.toPoint())
            qtbot.mouseRelease(canvas, Qt.LeftButton, pos=point.toPoint())
            moved = start
            break
    assert moved is not None
    saved = pins.pins("Laura", "2027-W11")
    assert saved[block.key] == moved  # saved at once
    now_block = next(e for e in week.schedule.events if e.key == block.key)
    assert now_block.start == moved and now_block.pinned
    window.undo_action.trigger()
    assert pins.pins("Laura", "2027-W11") == {}
    # A drop in the middle of the night: New York is closed, so live work cannot go there.
    rect, block = next((r, e) for r, e in canvas._blocks if e.activity == "Demo" and e.market == "US East")
    night = QPointF(rect.center().x(), rect.center().y() - (rect.top() - 60))
    with qtbot.waitSignal(canvas.refused) as refused:
        qtbot.mousePress(canvas, Qt.LeftButton, pos=rect.center().toPoint())
        qtbot.mouseMove(canvas, night.toPoint())
        qtbot.mouseRelease(canvas, Qt.LeftButton, pos=night.toPoint())
    assert "business hours" in refused.args[0] or "overlap" in refused.args[0]
    assert pins.pins("Laura", "2027-W11") == {}


def workload_rows(view, column_title):
    """The Workload table as shown: rep -> the text in ``column_title``, top to bottom."""
    model = view.team.model()
    column = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())].index(column_title)
    return {model.index(r, 0).data(): model.index(r, column).data() for r in range(model.rowCount())}


def test_workload_dashboard_sorts_by_risk_and_what_if_changes_hours(window, qtbot):
    go_to(qtbot, window, "workload")
    view = window.workload
    model = view.team.model()
    assert model.rowCount() == 2
    first = view.weeks[model.index(0, 0).data()]
    second = view.weeks[model.index(1, 0).data()]
    assert first.risk <= second.risk
    assert "weekly_hours" in view.flags.toPlainText() and "WHO/ILO" in view.flags.toPlainText()
    # Untick every market (click it, Space): the week shrinks to the rep's own hours.
    for i in range(view.what_if.count()):
        click_cell(qtbot, view.what_if, view.what_if.model().index(i, 0))
        press(qtbot, Qt.Key_Space)
        assert view.what_if.item(i).checkState() == Qt.Unchecked
    assert view.last_what_if.working_hours < first.working_hours


def test_team_view_shows_the_work_placed_and_not_placed_this_week(window, qtbot):
    go_to(qtbot, window, "team")
    model = window.team.model
    # The demo assigns every market: 70 h of work for Laura, 40 h of it fits her working time.
    assert cell(model, "Laura", "Work this week").data() == "40 h, 30 h not placed"
    tip = cell(model, "Laura", "Work this week").data(Qt.ToolTipRole)
    blocks = len(build_week(window.session.scenario, "Laura", 2027, 11).unplaced)
    assert f"{blocks} blocks (30 h) could not be placed" in tip and "US West Demo" in tip
    go_to(qtbot, window, "markets")
    click_cell(qtbot, window.markets.table, cell(window.markets.model, "US West", "Rep"))
    press(qtbot, Qt.Key_F2)  # the rep picker
    press(qtbot, Qt.Key_Home)  # its first choice: nobody
    commit(qtbot, window.markets.table)
    assert window.session.store.load().rep_of("US West") is None
    go_to(qtbot, window, "team")
    # US West's 18 h are gone: the rest still does not fit her 40 h.
    left = build_week(window.session.scenario, "Laura", 2027, 11)
    placed, missing = (sum(x.minutes for x in blocks) / 60 for blocks in (left.events, left.unplaced))
    assert missing == 12 and cell(model, "Laura", "Work this week").data() == f"{placed:g} h, {missing:g} h not placed"
    undo(qtbot, window)
    assert cell(model, "Laura", "Work this week").data() == "40 h, 30 h not placed"


def test_workload_view_shows_unplaced_work_once_stretch_is_off(window, qtbot):
    go_to(qtbot, window, "workload")
    view = window.workload
    assert set(workload_rows(view, "Not placed").values()) == {"none"}  # stretched: everything placed
    qtbot.mouseClick(view.stretch, Qt.LeftButton, pos=QPoint(8, view.stretch.height() // 2))  # its box
    assert not view.stretch.isChecked()
    rows = workload_rows(view, "Not placed")
    weeks = {r: build_week(window.session.scenario, r, 2027, 11).unplaced for r in ("Laura", "Marco")}
    assert rows == {r: f"{sum(u.minutes for u in w) / 60:g} h ({len(w)} blocks)" for r, w in weeks.items()}
    assert rows["Laura"].startswith("30 h")
    click_cell(qtbot, view.team, view.team.model().index(list(rows).index("Laura"), 0))
    text = view.flags.toPlainText()
    assert "Laura: 40 h of working time, 30 h of work not placed" in text and "unplaced_work" in text


def test_shared_hours_agree_in_the_cli_the_optimiser_and_the_territories_view(window, qtbot, capsys):
    import json

    from planner.cli import main
    from planner.territories import fit_table

    scenario = window.session.scenario
    table = fit_table(scenario, 2027, 11)
    db = str(window.session.store.path)
    assert main(["--db", db, "overlap", "--week", "2027-W11", "--json"], today=TODAY) == 0
    matrix = json.loads(capsys.readouterr().out)
    assert matrix["lunch_excluded"] is True
    for i, rep in enumerate(scenario.reps):
        for j, market in enumerate(scenario.markets):
            assert main(["--db", db, "overlap", "--rep", rep.name, "--market", market.name, "--week", "2027-W11",
                         "--json"], today=TODAY) == 0
            pair = json.loads(capsys.readouterr().out)
            hours = table.get(rep.name, market.name).overlap_hours
            assert pair["hours"] == matrix["hours"][i][j] == hours, (rep.name, market.name)
            assert territory(qtbot, window, market.name, rep.name).split(" h")[0] == f"{hours:g}"


def test_screenshot_of_every_view_is_a_png(tmp_path, demo_db):
    for view in ("team", "markets", "territories", "week", "workload"):
        out = tmp_path / f"{view}.png"
        result = subprocess.run([sys.executable, "main.py", "--db", demo_db, "--screenshot", str(out),
                                 "--view", view, "--week", "2027-W11"], capture_output=True, text=True, timeout=60,
                                cwd=ROOT)
        assert result.returncode == 0, result.stderr
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_broken_database_gives_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 50)
    result = subprocess.run([sys.executable, "main.py", "--db", str(bad), "--screenshot", str(tmp_path / "x.png")],
                            capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 2
    assert "cannot open the database" in result.stderr and "Traceback" not in result.stderr
    assert bad.read_bytes() == b"not a database" * 50


def test_dragging_a_market_to_another_rep_reassigns_it(window, qtbot):
    go_to(qtbot, window, "territories")
    grid = window.territories.grid
    model = window.territories.model
    row = [model.headerData(r, Qt.Vertical) for r in range(model.rowCount())].index("UK & Ireland")
    laura, marco = (model.index(row, c) for c in (0, 1))
    assert window.session.scenario.rep_of("UK & Ireland") == "Laura"
    qtbot.mousePress(grid.viewport(), Qt.LeftButton, pos=grid.visualRect(laura).center())
    qtbot.mouseMove(grid.viewport(), grid.visualRect(marco).center())
    qtbot.mouseRelease(grid.viewport(), Qt.LeftButton, pos=grid.visualRect(marco).center())
    assert window.session.store.load().rep_of("UK & Ireland") == "Marco"
    assert territory(qtbot, window, "UK & Ireland", "Marco").endswith("\u2713")
    undo(qtbot, window)
    assert window.session.store.load().rep_of("UK & Ireland") == "Laura"


def test_undoing_a_market_rename_brings_its_pins_back(window, qtbot):
    calendars = CalendarStore(window.session.store)
    start = dt.datetime(2027, 3, 15, 14, tzinfo=dt.timezone.utc)
    calendars.replace_pins("Laura", "2027-W11", {("US East", "Demo", 0): start})
    go_to(qtbot, window, "markets")
    type_into_cell(qtbot, window.markets.table, cell(window.markets.model, "US East", "Market"), "US East Coast")
    assert calendars.pins("Laura", "2027-W11") == {("US East Coast", "Demo", 0): start}
    undo(qtbot, window)
    assert calendars.pins("Laura", "2027-W11") == {("US East", "Demo", 0): start}


def test_optimise_button_gives_the_optimiser_the_reps_busy_times_and_pins(window, qtbot, monkeypatch):
    """Pressed, the button once passed clicked()'s False as the time limit; now the default applies."""
    import ui.workers
    from planner.calendars import calendar_inputs

    store = window.session.store
    CalendarStore(store).replace_pins("Laura", "2027-W11", {("US East", "Demo", 0): NOW})
    seen = []
    real = ui.workers.optimise

    def spy(scenario, year, week, **kwargs):
        seen.append((kwargs.get("busy"), kwargs.get("pins")))
        return real(scenario, year, week, **kwargs)

    monkeypatch.setattr(ui.workers, "optimise", spy)
    go_to(qtbot, window, "territories")
    view = window.territories
    qtbot.mouseClick(view.optimise_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.worker is None, timeout=60000)
    assert view.plan is not None, view.report.toPlainText()
    assert seen == [calendar_inputs(store, store.load(), 2027, 11)]
    assert seen[0][1]["Laura"] == {("US East", "Demo", 0): NOW}


def test_a_screenshot_waits_for_the_figures(tmp_path):
    """At 60 reps x 100 markets the shared hours are worked out in the background; the screenshot
    showed the progress bar over an empty grid instead of the heat map."""
    from PySide6.QtGui import QColor, QImage

    from benchmarks.generate import generate
    from planner.storage import Store

    db, out = tmp_path / "big.db", tmp_path / "territories.png"
    store = Store(db)
    store.save(generate(60, 100))
    store.close()
    result = subprocess.run([sys.executable, "main.py", "--db", str(db), "--screenshot", str(out),
                             "--view", "territories", "--week", "2027-W11"], capture_output=True, text=True,
                            timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    heat = {QColor(c).rgb() for c in ("#f4c7c3", "#fce8b2", "#b7e1cd")}
    coloured = sum(image.pixel(x, y) in heat for x in range(0, image.width(), 4) for y in range(0, image.height(), 4))
    assert coloured > 2000
