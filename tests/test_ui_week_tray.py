"""The tray of blocks a week had no room for: the list and its reasons, dragging one into the week
(real mouse events), placing one from the keyboard, Ctrl+Z."""

import datetime as dt
from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from planner.calendar_store import CalendarStore
from planner.calendars import rep_account
from planner.schedule import free_start
from planner.storage import open_store
from planner.timezones import local_to_utc
from ui.week_view import HEADER_H, HOUR_H

from .week_fixtures import choose_rep, open_window, plan_6x20


@pytest.fixture
def demo_window(qtbot, tmp_path):
    return open_window(qtbot, tmp_path / "demo.db", tmp_path, "Laura")


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    return plan_6x20(tmp_path_factory.mktemp("plan"))

SATURDAY = dt.date(2027, 3, 20)


def test_the_tray_lists_every_block_not_placed_with_its_reason_as_the_core_counts_them(plan, tmp_path, qtbot):
    window = open_window(qtbot, plan, tmp_path)
    store = open_store(plan)
    tray = window.week.tray
    shown = 0
    for rep in [r.name for r in window.session.scenario.reps]:
        choose_rep(qtbot, window, rep)
        account = rep_account(store, window.session.scenario, rep, 2027, 11)
        core = Counter((u.market, u.activity, u.reason) for u in account.schedule.unplaced)
        assert tray.counts() == dict(core)
        assert tray.isVisible() == bool(core)
        if core:
            shown += 1
            assert f"Not placed: {account.unplaced_hours:g} h of work ({account.unplaced_blocks} blocks)" \
                in tray.title.text()
            for row in range(tray.list.count()):
                market, activity, reason = list(core)[row]
                assert reason in tray.list.item(row).text() and market in tray.list.item(row).text()
    assert shown >= 2


def row_of(tray, market, activity):
    return next(r for r in range(tray.list.count())
                if tray.list.item(r).data(Qt.UserRole)[0].market == market
                and tray.list.item(r).data(Qt.UserRole)[0].activity == activity)


def drag_from_tray(qtbot, week, row, target: QPointF):
    """Press on a tray row, move into the canvas, release there. Qt gives every event of a drag to
    the widget the button went down on, in its coordinates: so do we."""
    viewport = week.tray.list.viewport()
    start = week.tray.list.visualItemRect(week.tray.list.item(row)).center()
    week.scroll.ensureVisible(int(target.x()), int(target.y()), 0, 0)
    there = viewport.mapFromGlobal(week.canvas.mapToGlobal(target.toPoint()))
    qtbot.mousePress(viewport, Qt.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(12, 0))
    qtbot.mouseMove(viewport, there)
    assert week.canvas._ghost is not None  # the outline of where it would go
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=there)


def test_dragging_a_block_from_the_tray_pins_it_where_dropped_and_ctrl_z_takes_it_back(demo_window, qtbot):
    week = demo_window.week
    pins = CalendarStore(demo_window.session.store)
    tray = week.tray
    row = row_of(tray, "Brazil", "Follow-up")   # no working hours left for it: Saturday morning will do
    block = tray.list.item(row).data(Qt.UserRole)[0]
    before = len(week.schedule.unplaced)
    saturday = week.canvas.week_layout.column(5)
    drag_from_tray(qtbot, week, row, QPointF(saturday.center().x(), HEADER_H + 10 * HOUR_H + 2))
    start = local_to_utc(SATURDAY, 10 * 60, "Europe/Zurich")
    assert pins.pins("Laura", "2027-W11")[block.key] == start  # saved at once
    placed = next(e for e in week.schedule.events if e.key == block.key)
    assert placed.start == start and placed.pinned and placed.outside_hours
    assert len(week.schedule.unplaced) == before - 1 and sum(tray.counts().values()) == before - 1
    assert "Placed" in week.notice.text()
    qtbot.keyClick(demo_window, Qt.Key_Z, Qt.ControlModifier)
    assert pins.pins("Laura", "2027-W11") == {}
    assert len(week.schedule.unplaced) == before and block.key not in {e.key for e in week.schedule.events}


def test_a_drop_where_the_block_cannot_go_is_refused_with_the_reason(demo_window, qtbot):
    week = demo_window.week
    pins = CalendarStore(demo_window.session.store)
    row = row_of(week.tray, "US West", "Demo")  # live work: only inside Los Angeles's business hours
    saturday = week.canvas.week_layout.column(5)
    with qtbot.waitSignal(week.canvas.refused) as refused:
        drag_from_tray(qtbot, week, row, QPointF(saturday.center().x(), HEADER_H + 3 * HOUR_H + 2))
    assert refused.args[0] == week.notice.text() == \
        "Cannot place Demo for US West there: live work must be inside US West's business hours."
    assert pins.pins("Laura", "2027-W11") == {}
    # Onto another block: refused, naming it.
    rect, other = week.canvas._blocks[0]
    drag_from_tray(qtbot, week, row, rect.topLeft() + QPointF(4, 2))
    assert "overlap" in week.notice.text() and pins.pins("Laura", "2027-W11") == {}


def click_row(qtbot, tray, row):
    tray.list.scrollToItem(tray.list.item(row))
    qtbot.mouseClick(tray.list.viewport(), Qt.LeftButton, pos=tray.list.visualItemRect(tray.list.item(row)).center())
    assert tray.list.currentRow() == row


def test_enter_or_place_puts_the_selected_block_where_the_core_finds_room(demo_window, qtbot):
    week = demo_window.week
    pins = CalendarStore(demo_window.session.store)
    tray = week.tray
    row = row_of(tray, "Mexico", "Follow-up")
    block = tray.list.item(row).data(Qt.UserRole)[0]
    expected = free_start(demo_window.session.scenario, week.schedule, block.key)
    click_row(qtbot, tray, row)
    qtbot.keyClick(tray.list, Qt.Key_Return)
    assert pins.pins("Laura", "2027-W11")[block.key] == expected
    assert next(e for e in week.schedule.events if e.key == block.key).start == expected
    # The Place button does the same for the next one.
    row = row_of(tray, "US East", "Follow-up")
    click_row(qtbot, tray, row)
    block = tray.list.item(row).data(Qt.UserRole)[0]
    expected = free_start(demo_window.session.scenario, week.schedule, block.key)
    qtbot.mouseClick(tray.place_button, Qt.LeftButton)
    assert pins.pins("Laura", "2027-W11")[block.key] == expected
    qtbot.keyClick(demo_window, Qt.Key_Z, Qt.ControlModifier)
    assert block.key not in pins.pins("Laura", "2027-W11")
