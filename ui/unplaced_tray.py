"""The blocks a rep's week had no room for, with the reason, to drag into the week or place.

One row per kind of block (market, activity, reason), with how many such blocks there are.
Dragging a row into the week drops its first block there; Enter or *Place* puts it where the
core finds room (:func:`planner.schedule.free_start`). The drag is this list's own mouse
handling (press, move, release), not a QDrag, so the mouse stays with the list: it reports
positions on the screen and the week decides what they mean.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from .palette import MarketStyle, swatch
from .view_parts import tr


class TrayList(QListWidget):
    dragging = Signal(object, QPoint)   # the block, where the pointer is on the screen
    dropped = Signal(object, QPoint)
    place = Signal(object)

    def __init__(self):
        super().__init__()
        self._press: tuple[object, QPoint] | None = None   # the block under the press, where
        self._dragging = False

    def block(self, item: QListWidgetItem | None):
        """The block a row stands for: the first of its kind."""
        return item.data(Qt.UserRole)[0] if item else None

    def mousePressEvent(self, event):
        item = self.itemAt(event.position().toPoint())
        self._press = (self.block(item), event.position().toPoint()) if item and event.button() == Qt.LeftButton \
            else None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        if self._press and event.buttons() & Qt.LeftButton:
            block, start = self._press
            if self._dragging or (event.position().toPoint() - start).manhattanLength() >= \
                    QApplication.startDragDistance():
                if not self._dragging:
                    self._dragging = True
                    self.setCursor(Qt.ClosedHandCursor)
                self.dragging.emit(block, event.globalPosition().toPoint())
                return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        if self._dragging:
            block, _ = self._press
            self._press, self._dragging = None, False
            self.unsetCursor()
            self.dropped.emit(block, event.globalPosition().toPoint())
            return
        self._press = None
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Escape and self._dragging:  # the drag is called off
            self._press, self._dragging = None, False
            self.unsetCursor()
            self.dragging.emit(None, QPoint())
            return
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.currentItem():
            self.place.emit(self.block(self.currentItem()))
            return
        super().keyPressEvent(event)


class UnplacedTray(QWidget):
    """What could not be placed this week, and why; hidden when everything was."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        hint = QLabel(tr("Drag one into the week, or select it and press Enter to put it at the first free time."))
        hint.setWordWrap(True)
        self.list = TrayList()
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.ElideNone)
        self.list.setAlternatingRowColors(True)
        self.place_button = QPushButton(tr("Place"))
        self.place_button.setToolTip(tr("Put the selected block at the first free time the week has for it (Enter)"))
        self.place_button.setEnabled(False)
        self.list.currentItemChanged.connect(lambda item, _: self.place_button.setEnabled(item is not None))
        self.place_button.clicked.connect(lambda: self.list.place.emit(self.list.block(self.list.currentItem())))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.place_button)
        self.setMinimumWidth(220)
        self.setMaximumWidth(300)

    def show_week(self, account, styles: dict[str, MarketStyle]) -> None:
        """The unplaced blocks of ``account`` (a :class:`planner.team.RepWeek`), grouped by kind and reason."""
        current = self.list.currentRow()
        self.list.clear()
        groups: dict[tuple[str, str, str], list] = {}
        for block in account.schedule.unplaced:
            groups.setdefault((block.market, block.activity, block.reason), []).append(block)
        for (market, activity, reason), blocks in groups.items():
            head = tr("{activity} · {market}, {minutes} min").format(
                activity=activity, market=market, minutes=blocks[0].block_minutes)
            if len(blocks) > 1:
                head += f" \u00d7{len(blocks)}"
            item = QListWidgetItem(f"{head}\n{reason}")
            item.setData(Qt.UserRole, blocks)
            item.setToolTip(f"{head}\n{reason}")
            if market in styles:
                item.setIcon(QIcon(swatch(styles[market])))
            self.list.addItem(item)
        self.title.setText("<b>{}</b>".format(tr("Not placed: {hours} h of work ({blocks} blocks)").format(
            hours=f"{account.unplaced_hours:g}", blocks=account.unplaced_blocks)))
        if current >= 0 and self.list.count():  # the row the user was on, not a selection they did not make
            self.list.setCurrentRow(min(current, self.list.count() - 1))
        self.setVisible(bool(account.schedule.unplaced))

    def counts(self) -> dict[tuple[str, str, str], int]:
        """Blocks per row, by (market, activity, reason): what the list shows."""
        out = {}
        for row in range(self.list.count()):
            blocks = self.list.item(row).data(Qt.UserRole)
            out[(blocks[0].market, blocks[0].activity, blocks[0].reason)] = len(blocks)
        return out
