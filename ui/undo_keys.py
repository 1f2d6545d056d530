"""Undo and Redo keys that reach the plan wherever the keyboard is."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence


class PlanUndoThroughFields(QObject):
    """Installed on the views' text fields (filters): Undo and Redo keys pressed in a field with
    nothing of its own to undo or redo reach the plan's Undo and Redo.

    A line edit claims Ctrl+Z even with nothing to undo; switching views often lands the keyboard in
    a filter field, where Ctrl+Z then did nothing at all. Typing in the field is still undone first.
    """

    def __init__(self, undo_action, redo_action, parent=None):
        super().__init__(parent)
        self.undo_action, self.redo_action = undo_action, redo_action

    def eventFilter(self, field, event):
        if event.type() == QEvent.ShortcutOverride:
            pressed = QKeySequence(event.keyCombination())
            if pressed in self.undo_action.shortcuts() and not field.isUndoAvailable():
                return True  # not offered to the field: the Undo action takes the key
            if pressed in self.redo_action.shortcuts() and not field.isRedoAvailable():
                return True
        return False
