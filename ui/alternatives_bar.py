"""The plan picker: the main window's toolbar, naming the alternative open now, with Save as
alternative..., Switch, Delete, Compare... and What if....

Each button runs one of planner.alternatives' operations through :meth:`ui.session.Session.change_alternatives`:
one revision of the change history, on the undo stack, so Undo takes it back as ``rep-planner undo`` does.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel, QMessageBox, QToolBar

from planner import alternatives


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class PlanPicker(QToolBar):
    """The alternatives in a combo box (the open one shown first when the bar is built or changed);
    Switch opens the one picked, Delete deletes it."""

    def __init__(self, parent=None):
        super().__init__(tr("Alternatives"), parent)
        self.setObjectName("alternatives")
        self.session = None
        self.addWidget(QLabel(tr("Plan:")))
        self.combo = QComboBox()
        self.combo.setMinimumContentsLength(16)
        self.combo.setToolTip(tr("The plan's alternatives; the one open now is marked"))
        self.addWidget(self.combo)
        # A tool button shows its action's text without the "...": the tooltip says what it does.
        self.save_action = self.addAction(tr("Save as alternative..."), self.ask_save)
        self.save_action.setToolTip(tr("Carry on under a new name; the plan as it is now stays an alternative "
                                       "under the name it had, if any"))
        self.switch_action = self.addAction(tr("Switch"), self.switch)
        self.switch_action.setToolTip(tr("Open the alternative chosen in the list; the plan open now is kept "
                                         "under its name"))
        self.delete_action = self.addAction(tr("Delete"), self.delete)
        self.delete_action.setToolTip(tr("Delete the alternative chosen in the list (not the one open); Undo "
                                         "brings it back"))
        self.compare_action = self.addAction(tr("Compare..."), self.compare)
        self.compare_action.setToolTip(tr("Two alternatives side by side: the value they cover, their hours and "
                                          "their workload flags"))
        self.whatif_action = self.addAction(tr("What if..."), self.what_if)
        self.whatif_action.setToolTip(tr("Keep the plan open now, with an activity's work changed, as a new "
                                         "alternative"))
        self.combo.currentIndexChanged.connect(self._enable)
        self.last_dialog = None

    def set_session(self, session) -> None:
        self.session = session
        session.changed.connect(lambda touched: self.refill() if "alternatives" in touched else None)
        self.refill()

    def refill(self) -> None:
        """The alternatives as stored, the open one picked."""
        found = alternatives.listing(self.session.store)
        self.combo.blockSignals(True)
        self.combo.clear()
        if not found:
            self.combo.addItem(tr("(no name yet)"), None)
        for a in found:
            self.combo.addItem(tr("{name} (open)").format(name=a.name) if a.open else a.name, a.name)
            if a.open:
                self.combo.setCurrentIndex(self.combo.count() - 1)
        self.combo.blockSignals(False)
        self._enable()

    def picked(self) -> str | None:
        return self.combo.currentData()

    def open_name(self) -> str | None:
        return alternatives.open_name(self.session.store)

    def _enable(self) -> None:
        other = self.picked() is not None and self.picked() != self.open_name()
        self.switch_action.setEnabled(other)
        self.delete_action.setEnabled(other)
        self.compare_action.setEnabled(self.picked() is not None)

    def _say(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 10000)

    def ask_save(self) -> QInputDialog:
        """A name for the plan from here on (opened, not run: a test types into it)."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(tr("Save as alternative"))
        dialog.setLabelText(tr("Keep the plan as it is now, and carry on as:"))
        dialog.textValueSelected.connect(self.save)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def save(self, name: str) -> str | None:
        was = self.open_name()
        refused = self.session.change_alternatives(
            tr("Save as alternative {name}").format(name=name.strip()),
            lambda store: alternatives.save_as(store, name, source="app"))
        if refused:
            QMessageBox.warning(self, tr("Cannot save the alternative"), refused)
            return refused
        name = self.open_name()
        self._say(tr("Saved as alternative {name}; {was} keeps the plan as it was").format(name=name, was=was)
                  if was else tr("Saved as alternative {name}").format(name=name))
        return None

    def switch(self) -> None:
        name = self.picked()
        if name is None or name == self.open_name():
            return
        if not self.session.change_alternatives(tr("Switch to alternative {name}").format(name=name),
                                                lambda store: alternatives.switch(store, name, source="app")):
            self._say(tr("Switched to alternative {name}").format(name=name))

    def delete(self) -> None:
        name = self.picked()
        if name is None or name == self.open_name():
            return
        if not self.session.change_alternatives(tr("Delete alternative {name}").format(name=name),
                                                lambda store: alternatives.delete(store, name, source="app")):
            self._say(tr("Deleted alternative {name}; Undo brings it back").format(name=name))

    def compare(self):
        from .comparison_dialog import ComparisonDialog

        names = [self.combo.itemData(i) for i in range(self.combo.count()) if self.combo.itemData(i) is not None]
        picked = self.picked()
        other = next((n for n in names if n != picked), picked)
        dialog = ComparisonDialog(self.session, names, picked, other, self)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def what_if(self):
        """The What if... dialog (planner.whatif through the session), opened, not run."""
        from .whatif_dialog import WhatIfDialog

        dialog = WhatIfDialog(self.session, self)
        dialog.open()
        self.last_dialog = dialog
        return dialog
