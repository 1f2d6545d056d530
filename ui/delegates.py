"""Cell editors: a searchable time-zone picker, an hours editor that parses as you type."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QStyledItemDelegate

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


class CellDelegate(QStyledItemDelegate):
    """Picks the editor from the model's column description."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model

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
