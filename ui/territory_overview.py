"""The Territories overview: the whole grid, as filtered and sorted, in one small picture.

One pixel per cell in the heat colours, assignments marked dark (locked ones blue), the part the
grid shows framed. Clicking or dragging on it scrolls the grid there. The picture is built when
the grid's rows or columns change and its marks when an assignment does; painting draws one
cached pixmap and a frame.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QSizePolicy, QWidget

from .territory_model import HEAT_COLOURS, tr

ASSIGNED, LOCKED, FRAME = QColor("#202124"), QColor("#1a56db"), QColor("#c5221f")
SMALLEST_FRAME = 8  # pixels: at 500 x 1,000 the part on screen is a few pixels wide


class TerritoryOverview(QWidget):
    """All markets (top to bottom) x all reps shown (left to right); the frame is what the grid shows."""

    def __init__(self, model, grid, parent=None):
        super().__init__(parent)
        self.model, self.grid = model, grid
        self._image: QImage | None = None   # one pixel per cell
        self._marks: list[tuple[int, int, bool]] = []
        self._composed: QPixmap | None = None  # the image scaled to the widget, marks drawn
        self.setMinimumSize(120, 90)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setFocusPolicy(Qt.NoFocus)
        self.setCursor(Qt.PointingHandCursor)
        self.setToolTip(tr("Every market (top to bottom) and rep (left to right) the grid shows, in its colours; "
                           "dark marks are assignments, blue ones locked. The frame is the part on screen: click "
                           "or drag to move it."))
        model.modelReset.connect(self.rebuild)
        model.dataChanged.connect(self._assignments_changed)
        for bar in (grid.horizontalScrollBar(), grid.verticalScrollBar()):
            bar.valueChanged.connect(self.update)
            bar.rangeChanged.connect(self.update)
        self.rebuild()

    def sizeHint(self) -> QSize:
        return QSize(240, 200)

    def rebuild(self) -> None:
        """The rows or columns changed: a new picture."""
        rows = self.model.heat_rows()
        width = len(rows[0]) if rows else 0
        if not rows or not width:
            self._image = None
        else:
            stride = (width + 3) & ~3  # QImage rows start on 4-byte boundaries
            pad = bytes(stride - width)
            data = b"".join(row + pad for row in rows)
            image = QImage(data, width, len(rows), stride, QImage.Format_Indexed8)
            image.setColorTable([QColor(c).rgb() for c in HEAT_COLOURS])
            self._image = image.copy()  # owns its pixels; ``data`` goes away
        self._assignments_changed()

    def _assignments_changed(self, *_args) -> None:
        self._marks = self.model.assigned_cells()
        self._composed = None
        self.update()

    def _compose(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(self.palette().window().color())
        if self._image is None:
            return pixmap
        w, h = self.width(), self.height()
        painter = QPainter(pixmap)
        shrinking = self._image.width() > w * ratio or self._image.height() > h * ratio
        painter.setRenderHint(QPainter.SmoothPixmapTransform, shrinking)  # blend cells; big ones stay crisp
        painter.drawImage(QRectF(0, 0, w, h), self._image)
        cw, ch = w / self._image.width(), h / self._image.height()
        mw, mh = max(1.0, min(cw / 2, ch)), max(1.0, min(ch / 2, cw))  # about half a cell, at least a pixel
        for locked in (False, True):
            painter.setPen(Qt.NoPen)
            painter.setBrush(LOCKED if locked else ASSIGNED)
            painter.drawRects([QRectF(c * cw + (cw - mw) / 2, r * ch + (ch - mh) / 2, mw, mh)
                               for r, c, lock in self._marks if lock == locked])
        painter.end()
        return pixmap

    def shown_cells(self) -> tuple[int, int, int, int]:
        """The first and last row, first and last column the grid shows on screen."""
        grid, rows, cols = self.grid, self.model.rowCount(), self.model.columnCount()
        top, left = max(0, grid.rowAt(0)), max(0, grid.columnAt(0))
        bottom, right = grid.rowAt(grid.viewport().height() - 1), grid.columnAt(grid.viewport().width() - 1)
        return top, bottom if bottom >= 0 else rows - 1, left, right if right >= 0 else cols - 1

    def frame(self) -> QRectF:
        """Where the part of the grid on screen is, in the overview's coordinates."""
        if self._image is None:
            return QRectF()
        top, bottom, left, right = self.shown_cells()
        cw, ch = self.width() / self._image.width(), self.height() / self._image.height()
        return QRectF(left * cw, top * ch, (right - left + 1) * cw, (bottom - top + 1) * ch)

    def paintEvent(self, _event):
        if self._composed is None or self._composed.size() != self.size() * self.devicePixelRatioF():
            self._composed = self._compose()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._composed)
        if self._image is not None:
            frame = self.frame()
            grow_x, grow_y = max(0.0, SMALLEST_FRAME - frame.width()) / 2, max(0.0, SMALLEST_FRAME - frame.height()) / 2
            frame = frame.adjusted(1 - grow_x, 1 - grow_y, grow_x - 1, grow_y - 1)
            frame.moveLeft(min(max(1.0, frame.left()), self.width() - 1 - frame.width()))  # whole, inside
            frame.moveTop(min(max(1.0, frame.top()), self.height() - 1 - frame.height()))
            painter.setBrush(Qt.NoBrush)
            painter.setPen(QPen(Qt.white, 4))  # a white edge keeps the frame visible on marks and red cells
            painter.drawRect(frame)
            painter.setPen(QPen(FRAME, 2))
            painter.drawRect(frame)
        painter.end()

    def cell_at(self, x: float, y: float) -> tuple[int, int]:
        """The grid row and column under a point of the overview."""
        rows, cols = self.model.rowCount(), self.model.columnCount()
        row = min(rows - 1, max(0, int(y * rows / max(1, self.height()))))
        return row, min(cols - 1, max(0, int(x * cols / max(1, self.width()))))

    def mousePressEvent(self, event):
        if event.button() == Qt.LeftButton:
            self._go(event.position())

    def mouseMoveEvent(self, event):
        if event.buttons() & Qt.LeftButton:
            self._go(event.position())

    def _go(self, point) -> None:
        if self.model.rowCount() and self.model.columnCount():
            row, column = self.cell_at(point.x(), point.y())
            self.grid.scrollTo(self.model.index(row, column), QAbstractItemView.PositionAtCenter)
