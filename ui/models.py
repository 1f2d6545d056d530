"""Table models: they adapt the scenario for Qt views and send edits as core commands.

No business rule lives here: validation is the core's. A refused edit keeps
the old value and emits ``refused`` with the core's message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from planner import commands
from planner.calendars import inputs_of
from planner.team import team_week
from planner.hours import format_hours
from planner.model import RULE_PRESETS, TIERS


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


@dataclass(frozen=True)
class Column:
    title: str
    read: Callable            # object -> display value
    edit: Callable | None = None  # (object, text) -> core command
    choices: tuple = ()       # for a combo-box editor
    kind: str = "text"        # text | number | timezone | hours
    align_right: bool = False
    tip: Callable | None = None   # object -> tooltip text


class ScenarioTableModel(QAbstractTableModel):
    """Rows of one kind of scenario object; columns described by :class:`Column`."""

    refused = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._rows: list = []
        self.columns: list[Column] = []
        self.refresh()

    def rows(self) -> list:
        raise NotImplementedError

    def refresh(self) -> None:
        self.beginResetModel()
        self.columns = self.make_columns()
        self._rows = self.rows()
        self.endResetModel()

    def make_columns(self) -> list[Column]:
        raise NotImplementedError

    def row_object(self, row: int):
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        base = Qt.ItemIsSelectable | Qt.ItemIsEnabled
        return base | Qt.ItemIsEditable if self.columns[index.column()].edit else base

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < len(self.columns)):
            return None
        column = self.columns[index.column()]
        obj = self._rows[index.row()]
        if role in (Qt.DisplayRole, Qt.EditRole):
            return column.read(obj)
        if role == Qt.TextAlignmentRole and column.align_right:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and column.kind == "hours":
            return tr("e.g. Mon-Fri 09:00-17:00; several ranges: Mon-Thu 07:00-12:00, 13:00-17:00")
        if role == Qt.ToolTipRole and column.tip:
            return column.tip(obj)
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        if orientation == Qt.Vertical:
            return section + 1
        return None

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or not index.isValid():
            return False
        column = self.columns[index.column()]
        if column.edit is None:
            return False
        obj = self._rows[index.row()]
        if str(value) == str(column.read(obj)):
            return False
        problem = self.session.do(column.edit(obj, value))
        if problem:
            self.refused.emit(problem)
            return False
        return True


def work_text(week) -> str:
    """A rep's work this week, as the Team view shows it: placed, and what found no place."""
    placed = tr("{hours:g} h").format(hours=week.placed_hours)
    if not week.unplaced_blocks:
        return placed
    return tr("{placed}, {hours:g} h not placed").format(placed=placed, hours=week.unplaced_hours)


def work_tip(week) -> str:
    text = tr("{placed:g} h of work placed in {working:g} h of working time, {week}.").format(
        placed=week.placed_hours, working=week.working_hours, week=week.week)
    if week.unplaced_blocks:
        text += "\n" + tr("{blocks} blocks ({hours:g} h) could not be placed:").format(
            blocks=week.unplaced_blocks, hours=week.unplaced_hours)
        text += "".join("\n  " + r for r in week.unplaced_reasons[:12])
    return text


class RepsModel(ScenarioTableModel):
    def rows(self):
        return list(self.session.scenario.reps)

    def refresh(self) -> None:
        self.accounts = self._accounts()
        super().refresh()

    def _accounts(self) -> dict:
        """Each rep's week (planner.team.RepWeek) with their busy times and pins, as Week and Workload show it."""
        session = self.session
        scenario, (year, week) = session.scenario, session.week
        return {w.rep: w for w in team_week(scenario, year, week, calendars=inputs_of(session.store, scenario))}

    def make_columns(self):
        scenario = self.session.scenario
        return [
            Column(tr("Rep"), lambda r: r.name, lambda r, v: commands.EditRep(r.name, "name", str(v).strip())),
            Column(tr("Time zone"), lambda r: r.timezone, lambda r, v: commands.EditRep(r.name, "timezone", str(v)),
                   kind="timezone"),
            Column(tr("Country"), lambda r: r.country, lambda r, v: commands.EditRep(r.name, "country", str(v).strip().upper())),
            Column(tr("Region"), lambda r: r.subdivision or "",
                   lambda r, v: commands.EditRep(r.name, "subdivision", str(v).strip().upper())),
            Column(tr("Working hours"), lambda r: format_hours(r.hours),
                   lambda r, v: commands.EditRep(r.name, "hours", str(v)), kind="hours"),
            Column(tr("Max h/week"), lambda r: f"{r.max_weekly_hours:g}",
                   lambda r, v: commands.EditRep(r.name, "max_weekly_hours", str(v)), kind="number", align_right=True),
            Column(tr("Rules"), lambda r: r.rules, lambda r, v: commands.EditRep(r.name, "rules", str(v)),
                   choices=RULE_PRESETS),
            Column(tr("Work this week"), lambda r: work_text(self.accounts[r.name]), align_right=True,
                   tip=lambda r: work_tip(self.accounts[r.name])),
            Column(tr("Markets"), lambda r: ", ".join(m.name for m in scenario.markets_of(r.name))),
        ]


class MarketsModel(ScenarioTableModel):
    def rows(self):
        return list(self.session.scenario.markets)

    def make_columns(self):
        scenario = self.session.scenario
        columns = [
            Column(tr("Market"), lambda m: m.name, lambda m, v: commands.EditMarket(m.name, "name", str(v).strip())),
            Column(tr("Time zone"), lambda m: m.timezone, lambda m, v: commands.EditMarket(m.name, "timezone", str(v)),
                   kind="timezone"),
            Column(tr("Country"), lambda m: m.country,
                   lambda m, v: commands.EditMarket(m.name, "country", str(v).strip().upper())),
            Column(tr("Business hours"), lambda m: format_hours(m.hours),
                   lambda m, v: commands.EditMarket(m.name, "hours", str(v)), kind="hours"),
            Column(tr("Tier"), lambda m: m.tier, lambda m, v: commands.EditMarket(m.name, "tier", str(v)), choices=TIERS),
            Column(tr("Value"), lambda m: f"{m.value:,.0f}", lambda m, v: commands.EditMarket(m.name, "value", str(v)),
                   kind="number", align_right=True),
        ]
        for activity in scenario.activities:
            columns.append(Column(
                tr("{activity}/week").format(activity=activity.name),
                lambda m, a=activity.name: str(m.weekly.get(a, 0)),
                lambda m, v, a=activity.name: commands.SetWorkload(m.name, a, str(v)), kind="number", align_right=True))
        columns += [
            Column(tr("Live h"), lambda m: f"{scenario.workload(m).live_hours:g}", align_right=True),
            Column(tr("Async h"), lambda m: f"{scenario.workload(m).async_hours:g}", align_right=True),
            Column(tr("Rep"), lambda m: scenario.rep_of(m.name) or "",
                   lambda m, v: commands.Assign(m.name, str(v) or None), choices=("",) + tuple(r.name for r in scenario.reps)),
        ]
        return columns


class TerritoryModel(QAbstractTableModel):
    """Markets (rows) x reps (columns): shared hours as a heat colour; assigned and locked marked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = None
        self.scenario = None

    def set_fit(self, scenario, table) -> None:
        self.beginResetModel()
        self.scenario, self.table = scenario, table
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or self.scenario is None else len(self.scenario.markets)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or self.scenario is None else len(self.scenario.reps)

    def cell(self, index):
        return self.scenario.reps[index.column()], self.scenario.markets[index.row()]

    def data(self, index, role=Qt.DisplayRole):
        if self.scenario is None or not index.isValid():
            return None
        rep, market = self.cell(index)
        fit = self.table.get(rep.name, market.name)
        assignment = next((a for a in self.scenario.assignments if a.market == market.name), None)
        mine = assignment is not None and assignment.rep == rep.name
        if role == Qt.DisplayRole:
            mark = ((" \u2713 " + tr("locked")) if assignment.locked else " \u2713") if mine else ""
            return f"{fit.overlap_hours:g} h{mark}"
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role == Qt.BackgroundRole:
            if fit.overlap_hours == 0:
                return QBrush(QColor("#f4c7c3"))
            return QBrush(QColor("#b7e1cd" if fit.fits else "#fce8b2"))
        if role == Qt.ForegroundRole:
            return QBrush(QColor("#202124"))
        if role == Qt.FontRole and mine:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ToolTipRole:
            text = tr("{rep} and {market} share {hours:g} h a week; its live work needs {live:g} h.").format(
                rep=rep.name, market=market.name, hours=fit.overlap_hours, live=fit.live_hours)
            if mine:
                text += " " + (tr("Assigned and locked.") if assignment.locked else tr("Assigned."))
            return text
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole or self.scenario is None:
            return None
        if orientation == Qt.Horizontal:
            return self.scenario.reps[section].name
        return self.scenario.markets[section].name
