"""Team and Markets open at scale in a screenful's time (issue 12): a paint reads the cells on screen and
no more, Qt never reads a cell's roles to paint or size one, and the cells look as Qt's own delegate
draws them, sorted, filtered, selected and cut short, with the whole text in the tooltip when cut."""

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QHeaderView, QStyledItemDelegate, QToolTip

from benchmarks.generate import generate
from planner import commands
from planner.storage import Store
from planner.team import cover_everything
from ui.models import MarketsModel, RepsModel
from ui.session import Session
from ui.table_editor import TableEditor

from .user_input import open_window

TODAY = dt.date(2027, 3, 17)  # 2027-W11


@pytest.fixture(scope="module")
def generated():
    return cover_everything(generate(80, 400, seed=3), 2027, 11)


@pytest.fixture
def store(tmp_path, generated):
    store = Store(tmp_path / "plan.db")
    store.save(generated)
    return store


@pytest.fixture
def session(qtbot, store):
    session = Session(store, TODAY)
    yield session
    session.close()


def counted(model_class):
    """``model_class`` noting each call of ``data`` (Qt reading a role) and each source row whose text is read."""

    class Counted(model_class):
        asked = 0
        read: set = set()

        def data(self, index, role=Qt.DisplayRole):
            self.asked += 1
            return super().data(index, role)

        def text(self, row, column):
            self.read = self.read | {row}
            return super().text(row, column)

    return Counted


def rows_on_screen(table) -> list[int]:
    """The rows as shown (proxy rows) that the viewport shows, even in part."""
    first, last = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
    return list(range(first, (last if last >= 0 else table.model().rowCount() - 1) + 1))


@pytest.mark.parametrize("model_class,kind", [(RepsModel, "rep"), (MarketsModel, "market")])
def test_opening_and_painting_read_the_rows_on_screen_and_no_cell_role(qtbot, session, model_class, kind):
    view = TableEditor(session, counted(model_class), kind)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    view.grab()
    model, table, proxy = view.model, view.table, view.proxy
    on_screen = rows_on_screen(table)
    assert 15 < len(on_screen) < model.rowCount() / 3
    # Opened: painted and its columns fitted to a screenful, never by Qt reading roles (data) of every row.
    assert model.asked == 0
    assert len(model.read) <= max(len(on_screen), TableEditor.SIZED_ON_ROWS) + 1
    header = table.horizontalHeader()
    assert QHeaderView.ResizeToContents not in {header.sectionResizeMode(c) for c in range(header.count())}
    assert table.verticalHeader().sectionResizeMode(0) == QHeaderView.Fixed

    for scroll in (lambda: None, table.scrollToBottom):
        scroll()
        QApplication.processEvents()
        model.asked, model.read = 0, set()
        table.viewport().repaint()
        assert model.asked == 0
        assert model.read == {proxy.source_row(r) for r in rows_on_screen(table)}
    assert max(model.read) == model.rowCount() - 1


def click_title(qtbot, table, title):
    header, model = table.horizontalHeader(), table.model()
    section = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Horizontal) == title)
    pos = QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=pos)


def pixels(table) -> np.ndarray:
    image = table.viewport().grab().toImage().convertToFormat(QImage.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    bgra = rows[:, :image.width() * 4].reshape(image.height(), image.width(), 4)  # 0xffRRGGBB, little-endian
    return bgra[:, :, [2, 1, 0]].astype(int)


def cells(table, image) -> dict:
    """Each cell on screen: its background colour and the box holding its text's ink (None if blank)."""
    found = {}
    right = table.viewport().width()
    for row in rows_on_screen(table)[:-1]:  # the last may be cut by the viewport's edge
        for column in range(table.model().columnCount()):
            rect = table.visualRect(table.model().index(row, column))
            if rect.right() >= right:
                continue
            area = image[rect.top() + 1:rect.bottom(), rect.left() + 1:rect.right()]  # inside the grid lines
            background = area[0, 0]
            ink = np.argwhere(np.abs(area - background).max(axis=2) > 60)
            box = None if not len(ink) else (*ink.min(axis=0), *ink.max(axis=0))
            found[row, column] = (tuple(background), box)
    return found


def test_cells_look_as_qts_delegate_draws_them_sorted_filtered_selected_and_cut(qtbot, tmp_path, store, generated):
    window = open_window(qtbot, tmp_path, store, TODAY)
    window.show_view("markets")
    view = window.markets
    table = view.table
    table.viewport().grab()  # painted at each step, as a user sees it: what a paint keeps must follow
    qtbot.keyClicks(view.filter_box, "a/")  # America/, Australia/, Asia/... but not Europe/
    table.viewport().grab()
    click_title(qtbot, table, "Value")
    table.viewport().grab()
    click_title(qtbot, table, "Value")  # the most valuable first
    value = {m.name: m.value for m in generated.markets}
    names = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
    assert [value[n] for n in names] == sorted((value[n] for n in names), reverse=True)
    assert 50 < len(names) < len(generated.markets) and names != [m.name for m in generated.markets][:len(names)]
    assert window.session.do(commands.EditMarket(names[0], "name", "<b>Bold</b> & Co")) is None
    assert table.model().index(0, 0).data() == "<b>Bold</b> & Co"  # shown as typed, not as rich text,
    assert table.columnWidth(0) > QFontMetrics(table.font()).horizontalAdvance("<b>Bold</b> & Co")  # and fitted
    titles = [table.model().headerData(c, Qt.Horizontal) for c in range(table.model().columnCount())]
    table.horizontalHeader().resizeSection(titles.index("Time zone"), 70)  # too narrow for most: cut with "..."
    rect = table.visualRect(table.model().index(3, 0))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    ours = cells(table, pixels(table))

    table.setWordWrap(False)  # Qt's delegate would wrap "America/Los_Angeles" at the slash in two cramped lines
    table.setItemDelegate(QStyledItemDelegate(table))
    qts = cells(table, pixels(table))
    assert ours.keys() == qts.keys() and len(ours) > 100
    highlight = table.palette().color(table.palette().ColorGroup.Active, table.palette().ColorRole.Highlight)
    assert ours[3, 0][0] == (highlight.red(), highlight.green(), highlight.blue())  # the row clicked is selected
    for cell, (background, box) in ours.items():
        assert background == qts[cell][0], cell
        assert (box is None) == (qts[cell][1] is None), cell
        if box is not None:
            assert np.abs(np.subtract(box, qts[cell][1])).max() <= 2, (cell, box, qts[cell][1])


def tooltip(table, row, column) -> str:
    """What the cell's tooltip says, asked as Qt asks on hover."""
    pos = table.visualRect(table.model().index(row, column)).center()
    QToolTip.hideText()
    viewport = table.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.ToolTip, pos, viewport.mapToGlobal(pos)))
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_a_cell_cut_short_shows_its_whole_text_in_its_tooltip(qtbot, tmp_path, store, generated):
    window = open_window(qtbot, tmp_path, store, TODAY)
    window.show_view("team")
    table = window.team.table
    titles = [table.model().headerData(c, Qt.Horizontal) for c in range(table.model().columnCount())]
    zone, hours, work = titles.index("Time zone"), titles.index("Working hours"), titles.index("Work this week")
    rep = generated.reps[0]
    assert tooltip(table, 0, zone) == ""  # it fits: no tooltip, as before
    hint = tooltip(table, 0, hours)
    assert hint.startswith("e.g. Mon-Fri 09:00-17:00")
    qtbot.waitUntil(lambda: "h of work placed" in tooltip(table, 0, work))
    table.horizontalHeader().resizeSection(zone, 40)
    table.horizontalHeader().resizeSection(hours, 40)
    assert tooltip(table, 0, zone) == rep.timezone
    assert tooltip(table, 0, hours) == table.model().index(0, hours).data() + "\n" + hint
