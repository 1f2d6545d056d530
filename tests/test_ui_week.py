"""The Week view read as a person reads it: tooltips, market clocks, nothing clipped, the now-line,
the hours placed and not. Real events through qtbot, on the demo and on a 6-rep, 20-market plan."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QToolTip

from planner.calendars import rep_account
from planner.storage import open_store
from ui.week_view import GUTTER, HEADER_H, HOUR_H, RULER_W

from .strategies import package_zone
from .week_fixtures import NOW, choose_rep, one_rep_20_markets, open_window, plan_6x20


@pytest.fixture
def demo_window(qtbot, tmp_path):
    return open_window(qtbot, tmp_path / "demo.db", tmp_path, "Laura")


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    return plan_6x20(tmp_path_factory.mktemp("plan"))


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    return one_rep_20_markets(tmp_path_factory.mktemp("plan"))


def tooltip_at(widget, pos: QPoint) -> str:
    """What the widget's tooltip says at ``pos`` (as read), asked as Qt asks on hover (a QHelpEvent)."""
    QToolTip.hideText()
    QApplication.sendEvent(widget, QHelpEvent(QEvent.ToolTip, pos, widget.mapToGlobal(pos)))
    return QTextDocumentFragment.fromHtml(QToolTip.text()).toPlainText() if QToolTip.isVisible() else ""


def weekday(date: dt.date) -> str:
    return QLocale().toString(QDate(date.year, date.month, date.day), "ddd")


def test_every_block_has_a_tooltip_with_both_local_times(demo_window, qtbot):
    week = demo_window.week
    canvas = week.canvas
    scenario = demo_window.session.scenario
    assert any(e.minutes == 15 for _, e in canvas._blocks)  # the quarter-hour follow-ups too
    for rect, event in canvas._blocks:
        tip = tooltip_at(canvas, rect.center().toPoint())
        rep_zone, market_zone = package_zone("Europe/Zurich"), package_zone(scenario.market(event.market).timezone)
        mine = f"{event.start.astimezone(rep_zone):%H:%M}-{event.end.astimezone(rep_zone):%H:%M}"
        theirs = f"{event.start.astimezone(market_zone):%H:%M}-{event.end.astimezone(market_zone):%H:%M}"
        assert mine in tip and theirs in tip and scenario.market(event.market).timezone in tip, (event, tip)
        assert event.market in tip and event.activity in tip


def ruler_text(canvas, market: str, hour: int) -> list[str]:
    """The words the canvas draws in ``market``'s clock, on the rep's ``hour`` row."""
    r = next(i for i, ruler in enumerate(canvas.week_layout.rulers) if market in ruler.markets)
    x0, y0 = GUTTER + r * RULER_W, HEADER_H + hour * HOUR_H
    return [lab.text for lab in canvas.labels()
            if x0 <= lab.rect.left() < x0 + RULER_W and y0 <= lab.rect.top() < y0 + HOUR_H]


def test_market_clocks_name_the_markets_weekday_where_it_is_not_the_reps(demo_window, qtbot):
    canvas = demo_window.week.canvas
    zurich, los_angeles = package_zone("Europe/Zurich"), package_zone("America/Los_Angeles")
    monday = dt.date(2027, 3, 15)
    # Point at Tuesday: the clocks show Tuesday's hours.
    tuesday = canvas.week_layout.column(1).center()
    qtbot.mouseMove(canvas, tuesday.toPoint())
    assert canvas.ruler_day == 1
    early = dt.datetime(2027, 3, 16, 6, tzinfo=zurich).astimezone(los_angeles)  # still Monday evening there
    assert early.date() == monday
    assert ruler_text(canvas, "US West", 6) == [f"{early:%H:%M}", weekday(monday)]
    noon = dt.datetime(2027, 3, 16, 12, tzinfo=zurich).astimezone(los_angeles)  # the same day: no weekday
    assert ruler_text(canvas, "US West", 12) == [f"{noon:%H:%M}"]
    # Point at Monday: early morning there is Sunday.
    qtbot.mouseMove(canvas, canvas.week_layout.column(0).center().toPoint())
    assert ruler_text(canvas, "US West", 6)[1] == weekday(monday - dt.timedelta(days=1))
    # Resting on a clock says whose it is and what day it is there.
    r = next(i for i, ruler in enumerate(canvas.week_layout.rulers) if "US West" in ruler.markets)
    tip = tooltip_at(canvas, QPoint(GUTTER + r * RULER_W + RULER_W // 2, HEADER_H + 6 * HOUR_H + 5))
    assert "US West" in tip and weekday(monday - dt.timedelta(days=1)) in tip
    # The header says which day the clocks are for.
    assert weekday(monday) in [lab.text for lab in demo_window.week.header.labels() if lab.rect.right() <= GUTTER]


def test_markets_on_the_same_clock_share_one_ruler(plan, tmp_path, qtbot):
    window = open_window(qtbot, plan, tmp_path, "Rep 0005")
    scenario = window.session.scenario
    rulers = window.week.canvas.week_layout.rulers
    mine = scenario.markets_of("Rep 0005")
    assert sorted(m for r in rulers for m in r.markets) == sorted(m.name for m in mine)
    assert len(rulers) < len(mine)
    noon = dt.datetime(2027, 3, 17, 12, tzinfo=dt.timezone.utc)
    for ruler in rulers:
        offsets = {noon.astimezone(package_zone(scenario.market(m).timezone)).utcoffset() for m in ruler.markets}
        assert len(offsets) == 1


def assert_nothing_clipped(window):
    week = window.week
    labels = week.canvas.labels() + week.header.labels()
    assert labels
    for lab in labels:
        metrics = QFontMetricsF(lab.font)
        assert metrics.horizontalAdvance(lab.text) <= lab.rect.width() + 1e-6, (lab.text, lab.rect)
        assert metrics.height() <= lab.rect.height() + 1e-6, (lab.text, lab.rect)
    # Block labels stay inside their block, header labels inside the header.
    blocks = [rect for rect, _ in week.canvas._blocks]
    for lab in week.canvas.labels():
        if lab.rect.left() >= week.canvas.week_layout.left:
            assert any(b.contains(lab.rect) for b in blocks), (lab.text, lab.rect)
    for lab in week.header.labels():
        assert 0 <= lab.rect.top() and lab.rect.bottom() <= week.header.height()
    return labels


@pytest.mark.parametrize("size", [(1280, 800), (1000, 700)])
def test_no_text_is_drawn_wider_than_its_box(plan, crowded, tmp_path, qtbot, size):
    window = open_window(qtbot, plan, tmp_path, size=size)
    for rep in [r.name for r in window.session.scenario.reps]:
        choose_rep(qtbot, window, rep)
        assert_nothing_clipped(window)
    twenty = open_window(qtbot, crowded, tmp_path, "Rep 0001", size=size)
    qtbot.mouseClick(twenty.week.stretch, Qt.LeftButton)
    assert twenty.week.stretch.isChecked()
    labels = assert_nothing_clipped(twenty)
    assert any(lab.text.endswith("\u2026") and lab.tip for lab in labels)  # shortened, the whole text kept


def test_a_holiday_name_is_shortened_with_the_whole_name_in_its_tooltip(demo_window, qtbot):
    header = demo_window.week.header
    monday = demo_window.week.canvas.week_layout.column(0)
    holiday = [lab for lab in header.labels() if lab.colour == QColor("#c5221f") and
               monday.left() <= lab.rect.left() < monday.right()]
    assert holiday  # Mexico: Benito Juárez's birthday, on Monday 15 March 2027
    assert "Benito Ju\u00e1rez" in holiday[0].text or holiday[0].text.endswith("\u2026")
    tip = tooltip_at(header, holiday[0].rect.center().toPoint())
    assert "Mexico: Benito Ju\u00e1rez's birthday" in tip


def test_the_now_line_is_drawn_at_the_injected_time_in_todays_column(demo_window, qtbot):
    canvas = demo_window.week.canvas
    line = canvas.now_line()
    wednesday = canvas.week_layout.column(2)
    local = NOW.astimezone(package_zone("Europe/Zurich"))  # 11:30 in Zurich
    assert line.y1() == line.y2() == HEADER_H + (local.hour + local.minute / 60) * HOUR_H
    assert (line.x1(), line.x2()) == (wednesday.left(), wednesday.right())
    image = canvas.grab().toImage()
    assert image.pixelColor(QPoint(int(wednesday.center().x()), int(line.y1()))) == QColor("#d93025")
    # The clock moves on; so does the line (the view asks its clock again every minute).
    later = NOW + dt.timedelta(hours=2)
    demo_window.week.now = lambda: later
    demo_window.week.clock.setInterval(1)
    qtbot.waitUntil(lambda: canvas.now_line().y1() == line.y1() + 2 * HOUR_H)


def test_no_now_line_in_another_week(demo_window, qtbot):
    qtbot.keyClick(demo_window.week.rep_box, Qt.Key_Right, Qt.AltModifier)
    qtbot.waitUntil(lambda: demo_window.week.canvas.data.monday == dt.date(2027, 3, 22))
    assert demo_window.week.canvas.now_line() is None


def test_the_summary_gives_hours_from_the_reps_account(plan, tmp_path, qtbot):
    window = open_window(qtbot, plan, tmp_path, "Rep 0005")
    store = open_store(plan)
    for stretch in (False, True):
        if stretch:
            qtbot.mouseClick(window.week.stretch, Qt.LeftButton)
        account = rep_account(store, window.session.scenario, "Rep 0005", 2027, 11, stretch)
        text = window.week.legend.text()
        assert (f"Placed: {account.placed_hours:g} h of work, {account.outside_hours:g} h of it outside working "
                f"hours. Not placed: {account.unplaced_hours:g} h ({account.unplaced_blocks} blocks).") in text
    assert account.outside_hours > 0  # stretch puts work outside hours, and the line says how much


def test_twenty_markets_in_one_week_are_told_apart_by_colour_and_mark(crowded, tmp_path, qtbot):
    window = open_window(qtbot, crowded, tmp_path, "Rep 0001")
    canvas = window.week.canvas
    styles = canvas.styles()
    assert len(styles) == 20 and len({(s.colour, s.shape) for s in styles.values()}) == 20
    marked = [e for _, e in canvas._blocks if styles[e.market].marked]
    assert marked and len(canvas._block_marks) == len([1 for r, e in canvas._blocks if styles[e.market].marked
                                                       and r.height() >= 10])
    # Twelve clocks do not fit beside the week: the ones left out are named, not dropped silently.
    hidden = canvas.week_layout.hidden
    shown = [m for ruler in canvas.week_layout.rulers for m in ruler.markets]
    assert hidden and sorted(shown + hidden) == sorted(styles)
    more = next(lab for lab in window.week.header.labels() if lab.text == f"+{len(hidden)}")
    assert all(m in tooltip_at(window.week.header, more.rect.center().toPoint()) for m in hidden)
    legend = window.week.legend.text()
    assert all(f"{s.glyph}</span>&nbsp;{m.replace(' ', '&nbsp;')}" in legend for m, s in styles.items())
