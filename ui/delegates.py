"""Team's and Markets' cells: painted from laid-out text kept between paints; their editors (a
searchable time-zone picker, an hours editor that parses as you type)."""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QPalette, QStaticText, QTransform
from PySide6.QtWidgets import (QApplication, QComboBox, QCompleter, QLineEdit, QStyle, QStyledItemDelegate,
                               QStyleOptionFocusRect, QToolTip)

from planner.errors import ValidationError
from planner.hours import parse_hours
from planner.timezones import zone as time_zone


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


@lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    from planner.timezones import canonical_problem, zone_names

    return tuple(sorted(z for z in zone_names() if "/" in z and not z.startswith(("Etc/", "SystemV/"))
                        and not canonical_problem(z))  # old aliases such as US/Eastern are refused
                 + ["UTC"])


def zone_label(name: str, now: dt.datetime) -> str:
    """``Asia/Kathmandu  UTC+05:45  now 18:47``."""
    local = now.astimezone(time_zone(name))
    offset = local.utcoffset()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    now_word = tr("now")
    return f"{name}  UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}  {now_word} {local:%H:%M}"


class TimeZonePicker(QComboBox):
    """An editable combo box: type any part of a zone's name; each entry shows offset and local time."""

    def __init__(self, parent=None, now: dt.datetime | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        now = now or dt.datetime.now(dt.timezone.utc)
        for name in zone_names():
            self.addItem(zone_label(name, now), name)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchContains)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.setCompleter(completer)

    def set_zone(self, name: str) -> None:
        """Show the zone, all of it selected: what is typed next replaces it, as in any cell."""
        index = self.findData(name)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(name)
        self.lineEdit().selectAll()

    def zone(self) -> str:
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return self.itemData(index)
        return text.split("  ")[0]  # a zone typed by hand, validated by the core


class HoursEdit(QLineEdit):
    """Working-hours notation, checked at every keystroke: red with the reason when wrong."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.problem: str | None = None
        self.textChanged.connect(self._check)

    def _check(self, text: str) -> None:
        try:
            hours = parse_hours(text)
            self.problem = None
            self.setStyleSheet("")
            self.setToolTip(tr("{hours:g} h a week").format(hours=hours.weekly_hours))
        except ValidationError as exc:
            self.problem = str(exc)
            self.setStyleSheet("QLineEdit { background: #fce8e6; }")
            self.setToolTip(self.problem)


# Looked up once: a PySide6 enum member costs a microsecond or more per lookup, and paint runs per cell.
# A cell's state is read as one number: each test of a PySide6 flag costs more than the rest of a paint.
SELECTED, HAS_FOCUS = QStyle.State_Selected.value, QStyle.State_HasFocus.value
ENABLED, ACTIVE = QStyle.State_Enabled.value, QStyle.State_Active.value
TEXT, HIGHLIGHT, HIGHLIGHTED_TEXT, WINDOW = QPalette.Text, QPalette.Highlight, QPalette.HighlightedText, QPalette.Window
NORMAL, INACTIVE, DISABLED = QPalette.Normal, QPalette.Inactive, QPalette.Disabled
ELIDE_RIGHT = Qt.ElideRight


class CellDelegate(QStyledItemDelegate):
    """Paints each cell as Qt's own delegate does (the selection, the text left or right aligned and
    vertically centred, "..." when it does not fit, the focus frame) and picks the editor from the
    model's column description. Tooltips are the model's, with the whole text first when it is cut.

    Qt's delegate asks the model for seven roles per cell at every paint, each through the sort and
    filter proxy, and lays the text out again: at a screenful of rows that was most of the time Team
    and Markets took to open. Here a cell asks the model once, in Python, for the text it read once,
    and each distinct text is laid out once (``QStaticText``) and kept with its width, which also
    sizes the columns (:meth:`text_width`). The texts laid out are forgotten when the font changes
    (:meth:`forget`).
    """

    KEPT = 20_000  # distinct texts laid out; beyond, they are forgotten and laid out again as shown

    def __init__(self, model, proxy, table):
        super().__init__(table)
        self.model, self.proxy, self.table = model, proxy, table
        self._laid_out: dict = {}  # text, or (text, room) cut -> (QStaticText, width, height, whole width)
        self._plain = QStaticText()
        self._plain.setTextFormat(Qt.PlainText)  # a market named "<b>" is shown as typed
        self._margin = None

    def forget(self) -> None:
        """Lay the texts out again when next painted (the font or the style changed)."""
        self._laid_out.clear()
        self._margin = None

    def margin(self) -> int:
        """Pixels between a cell's edge and its text, the style's, as Qt's delegate leaves them."""
        if self._margin is None:
            self._margin = self.table.style().pixelMetric(QStyle.PM_FocusFrameHMargin, None, self.table) + 1
        return self._margin

    def _layout(self, key, text: str) -> tuple:
        if len(self._laid_out) >= self.KEPT:
            self._laid_out.clear()
        static = QStaticText(self._plain)  # a copy of a plain one: cheaper than setting the format each time
        static.setText(text)
        static.prepare(QTransform(), self.table.font())
        size = static.size()
        # Placed by its rounded size, as Qt's delegate places a text; fitted to its whole pixels.
        laid = self._laid_out[key] = (static, round(size.width()), round(size.height()), math.ceil(size.width()))
        return laid

    def text_width(self, text) -> int:
        """The width of ``text`` as painted, in whole pixels."""
        text = "" if text is None else str(text)
        laid = self._laid_out.get(text) or self._layout(text, text)
        return laid[3]

    def paint(self, painter, option, index):
        column = index.column()
        text = self.model.text(self.proxy.source_row(index.row()), column)
        text = "" if text is None else str(text)
        laid = self._laid_out.get(text) or self._layout(text, text)
        rect, state, palette = option.rect, option.state.value, option.palette
        # The colours of the style's item views: greyed when disabled, the inactive ones in a window in the back.
        group = (NORMAL if state & ACTIVE else INACTIVE) if state & ENABLED else DISABLED
        selected = state & SELECTED
        if selected:
            painter.fillRect(rect, palette.brush(group, HIGHLIGHT))
        painter.setPen(palette.color(group, HIGHLIGHTED_TEXT if selected else TEXT))
        left, top, width, height = rect.getRect()
        margin = self._margin or self.margin()
        room = width - 2 * margin
        if laid[3] > room:
            key = (text, room)
            laid = self._laid_out.get(key) or self._layout(key, option.fontMetrics.elidedText(text, ELIDE_RIGHT, room))
        static, text_width, text_height, _ = laid
        x = left + width - margin - text_width if self.model.columns[column].align_right else left + margin
        painter.drawStaticText(x, top + (height - text_height) // 2, static)
        if state & HAS_FOCUS:
            self._focus_frame(painter, option, group, selected)

    def _focus_frame(self, painter, option, group, selected: bool) -> None:
        """The frame around the current cell, drawn by the style as Qt's delegate asks it to."""
        frame = QStyleOptionFocusRect()
        frame.initFrom(self.table)
        frame.rect, frame.palette = option.rect, option.palette
        frame.state = option.state | QStyle.State_KeyboardFocusChange | QStyle.State_Item
        frame.backgroundColor = option.palette.color(DISABLED if group == DISABLED else NORMAL,
                                                     HIGHLIGHT if selected else WINDOW)
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawPrimitive(QStyle.PE_FrameFocusRect, frame, painter, option.widget)

    def helpEvent(self, event, view, option, index):
        """A cell too narrow for its text shows the whole text as its tooltip, above the column's own tip."""
        if event.type() == QEvent.ToolTip and index.isValid():
            text = self.model.text(self.proxy.source_row(index.row()), index.column())
            text = "" if text is None else str(text)
            if self.text_width(text) > option.rect.width() - 2 * self.margin():
                tip = index.data(Qt.ToolTipRole)
                QToolTip.showText(event.globalPos(), f"{text}\n{tip}" if tip else text, view, option.rect)
                return True
        return super().helpEvent(event, view, option, index)

    def createEditor(self, parent, option, index):
        column = self.model.columns[index.column()]
        if column.kind == "timezone":
            return TimeZonePicker(parent)
        if column.kind == "hours":
            return HoursEdit(parent)
        if column.choices:
            box = QComboBox(parent)
            box.addItems([str(c) for c in column.choices])
            return box
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):
        value = index.data(Qt.EditRole)
        if isinstance(editor, TimeZonePicker):
            editor.set_zone(str(value))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findText(str(value))))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, TimeZonePicker):
            model.setData(index, editor.zone())
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
        else:
            super().setModelData(editor, model, index)
