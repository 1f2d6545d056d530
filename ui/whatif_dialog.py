"""What if...: the plan open now with an activity's work changed, kept as a new alternative.

The dialog builds the same :class:`planner.whatif.ActivityChange` list as ``rep-planner whatif``
(through :func:`planner.whatif.make`, checked against the plan by :func:`planner.whatif.apply`),
and saves it through :func:`planner.whatif.save` as one revision on the undo stack
(:meth:`ui.session.Session.change_alternatives`). Compare then opens the comparison of the plan
open now with the what-if.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QPushButton, QVBoxLayout)

from planner import alternatives, whatif
from planner.errors import PlannerError


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


# How the activity's work changes: the keyword of planner.whatif.make each kind fills.
KINDS = ("change", "add", "per", "minutes")


def kind_labels() -> dict[str, str]:
    return {"change": tr("by a percentage (-80%)"), "add": tr("by a number a week in each market (+1)"),
            "per": tr("by a number for each of another activity (+1 per demo)"),
            "minutes": tr("to a new duration in minutes (30)")}


def describe(c: whatif.ActivityChange) -> str:
    """A change in the reader's language (the command line says ``c.text``)."""
    if c.minutes is not None:
        text = tr("{activity}: {minutes} min each").format(activity=c.activity, minutes=c.minutes)
    elif c.percent is not None:
        text = tr("{activity} {percent}%").format(activity=c.activity, percent=whatif.signed(c.percent))
    elif c.per is not None:
        text = tr("{activity} {add:+d} per {per}").format(activity=c.activity, add=c.add, per=c.per)
    else:
        text = tr("{activity} {add:+d} a week").format(activity=c.activity, add=c.add)
    return text if c.market is None else tr("{change} in {market}").format(change=text, market=c.market)


class WhatIfDialog(QDialog):
    """A name, then changes added one by one (Add change), then Save what-if; Compare once saved."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session, self.changes, self.saved, self.comparison_dialog = session, [], None, None
        self.setWindowTitle(tr("What if..."))
        scenario = session.scenario
        activities = [a.name for a in scenario.activities]
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("Admin automated"))
        self.activity_combo, self.kind_combo, self.per_combo, self.market_combo = (QComboBox() for _ in range(4))
        self.activity_combo.addItems(activities)
        for kind, label in kind_labels().items():
            self.kind_combo.addItem(label, kind)
        self.per_combo.addItems(activities)
        self.market_combo.addItem(tr("every market"), None)
        for m in scenario.markets:
            self.market_combo.addItem(m.name, m.name)
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText("-80%")
        self.add_button = QPushButton(tr("Add change"))
        self.add_button.clicked.connect(self.add_change)
        self.listing = QListWidget()
        self.note = QLabel(tr("Each change applies to what the ones before it left; the plan open now stays "
                              "as it is."))
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Name of the what-if:"), self.name_edit)
        form.addRow(tr("Activity:"), self.activity_combo)
        form.addRow(tr("Change its work:"), self.kind_combo)
        form.addRow(tr("Value:"), self.value_edit)
        form.addRow(tr("Per:"), self.per_combo)
        form.addRow(tr("Where:"), self.market_combo)
        self.save_button = QPushButton(tr("Save what-if"))
        self.save_button.clicked.connect(self.save)
        self.compare_button = QPushButton(tr("Compare"))
        self.compare_button.setEnabled(False)
        self.compare_button.clicked.connect(self.compare)
        row = QHBoxLayout()
        for button in (self.add_button, self.save_button, self.compare_button):
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for part in (form, self.listing, row, self.note, buttons):
            (layout.addLayout if isinstance(part, (QFormLayout, QHBoxLayout)) else layout.addWidget)(part)
        self.kind_combo.currentIndexChanged.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        kind = self.kind_combo.currentData()
        self.per_combo.setEnabled(kind == "per")
        self.market_combo.setEnabled(kind != "minutes")

    def _change(self) -> whatif.ActivityChange:
        kind, value = self.kind_combo.currentData(), self.value_edit.text()
        market = self.market_combo.currentData() if kind != "minutes" else None
        given = {"change": {"change": value}, "add": {"add": value},
                 "per": {"add": value, "per": self.per_combo.currentText()}, "minutes": {"minutes": value}}[kind]
        return whatif.make(self.activity_combo.currentText(), market=market, **given)

    def add_change(self) -> str | None:
        """The change the fields describe, checked against the plan and listed; else why not."""
        try:
            change = self._change()
            whatif.apply(self.session.scenario, [*self.changes, change])
        except PlannerError as exc:
            self.note.setText(str(exc))
            return str(exc)
        self.changes.append(change)
        self.listing.addItem(describe(change))
        self.value_edit.clear()
        self.note.setText(tr("{count} change(s); Save what-if keeps them as a new alternative.").format(
            count=len(self.changes)))
        return None

    def save(self) -> str | None:
        """Save the listed changes as alternative NAME (one revision, undone by Undo); else why not."""
        if not self.changes and self.value_edit.text().strip() and self.add_change():
            return self.note.text()
        name, changes = self.name_edit.text(), list(self.changes)
        refused = self.session.change_alternatives(
            tr("What-if {name}").format(name=name.strip()),
            lambda store: whatif.save(store, name, changes, source="app")[0])
        if refused:
            self.note.setText(refused)
            return refused
        self.saved = alternatives.check_name(name)
        self.note.setText(tr("Saved what-if {name}; {open} is still the plan open now. Compare shows its "
                             "effect.").format(name=self.saved, open=alternatives.open_name(self.session.store)))
        self.compare_button.setEnabled(True)
        self.save_button.setEnabled(False)
        return None

    def compare(self):
        """The comparison of the plan open now with the saved what-if (the same figures as ``compare``)."""
        from .comparison_dialog import ComparisonDialog

        names = [a.name for a in alternatives.listing(self.session.store)]
        dialog = ComparisonDialog(self.session, names, alternatives.open_name(self.session.store), self.saved, self)
        dialog.open()
        self.comparison_dialog = dialog
        return dialog
