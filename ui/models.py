"""Table models: they adapt the scenario for Qt views and send edits as core commands.

No business rule lives here: validation is the core's. A refused edit keeps
the old value and emits ``refused`` with the core's message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal

from planner import commands
from planner.hours import format_hours
from planner.model import RULE_PRESETS, TIERS


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


# Qt's enum members cost microseconds per attribute lookup in PySide6; data() runs for every cell and role.
DISPLAY, EDIT, TOOLTIP, ALIGN = Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole, Qt.TextAlignmentRole
BACKGROUND, FOREGROUND, FONT = Qt.BackgroundRole, Qt.ForegroundRole, Qt.FontRole
HORIZONTAL, VERTICAL = Qt.Horizontal, Qt.Vertical
SHOWN = frozenset({DISPLAY, EDIT})
ANSWERED = frozenset({DISPLAY, EDIT, ALIGN, TOOLTIP})  # a paint asks each cell for eight roles; the rest are None
RIGHT, CENTRE = int(Qt.AlignRight | Qt.AlignVCenter), int(Qt.AlignCenter)
READ_ONLY, EDITABLE, NO_FLAGS = (Qt.ItemIsSelectable | Qt.ItemIsEnabled,
                                 Qt.ItemIsSelectable | Qt.ItemIsEnabled | Qt.ItemIsEditable, Qt.NoItemFlags)


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
        self._texts: dict[tuple[int, int], object] = {}
        self.refresh()

    def rows(self) -> list:
        raise NotImplementedError

    def refresh(self) -> None:
        columns, rows = self.make_columns(), self.rows()
        if len(rows) == len(self._rows) and [c.title for c in columns] == [c.title for c in self.columns]:
            # Same shape: a reset would close the editor being committed, drop the focus and the selection.
            self.columns, self._rows, self._texts = columns, rows, {}
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(columns) - 1))
            return
        self.beginResetModel()
        self.columns, self._rows = columns, rows
        self._texts: dict[tuple[int, int], object] = {}  # each cell's text, made once: sizing and paints ask again
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
        return self.column_flags(index.column()) if index.isValid() else NO_FLAGS

    def column_flags(self, column: int):
        """Every cell of a column can be edited, or none."""
        if not 0 <= column < len(self.columns):
            return NO_FLAGS
        return EDITABLE if self.columns[column].edit and self.session.edits_territory else READ_ONLY

    def data(self, index, role=DISPLAY):
        if role not in ANSWERED:
            return None
        row, c = index.row(), index.column()
        if not (0 <= row < len(self._rows)) or not (0 <= c < len(self.columns)):
            return None
        column = self.columns[c]
        if role in SHOWN:
            return self.text(row, c)
        if role == ALIGN and column.align_right:
            return RIGHT
        if role == TOOLTIP and column.kind == "hours":
            return tr("e.g. Mon-Fri 09:00-17:00; several ranges: Mon-Thu 07:00-12:00, 13:00-17:00")
        if role == TOOLTIP and column.tip:
            return column.tip(self._rows[row])
        return None

    def text(self, row: int, column: int):
        """The cell as shown, read from its object once (sizing, paints and the filter ask again)."""
        text = self._texts.get((row, column))
        if text is None:
            text = self._texts[(row, column)] = self.columns[column].read(self._rows[row])
        return text

    def headerData(self, section, orientation, role=DISPLAY):
        if role != DISPLAY:
            return None
        if orientation == HORIZONTAL and 0 <= section < len(self.columns):
            return self.columns[section].title
        if orientation == VERTICAL:
            return section + 1
        return None

    def setData(self, index, value, role=EDIT):
        if role != EDIT or not index.isValid():
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
    """The reps; "Work this week" fills in as the session's figures work out each rep's week."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        session.figures.weeks_ready.connect(self._weeks_arrived)

    def rows(self):
        return list(self.session.scenario.reps)

    def refresh(self) -> None:
        self.accounts = self.session.figures.weeks(stretch=False)
        scenario = self.session.scenario
        rep_of = {a.market: a.rep for a in scenario.assignments}
        self.markets_of: dict[str, list[str]] = {}
        for m in scenario.markets:
            if m.name in rep_of:
                self.markets_of.setdefault(rep_of[m.name], []).append(m.name)
        super().refresh()
        self._row_of = {r.name: i for i, r in enumerate(self._rows)}

    def _weeks_arrived(self, stretch: bool, names) -> None:
        if stretch:
            return
        self.accounts = self.session.figures.weeks(stretch=False)
        rows = [self._row_of[n] for n in names if n in self._row_of]
        if rows:
            column = self.work_column()
            for row in rows:
                self._texts.pop((row, column), None)
            self.dataChanged.emit(self.index(min(rows), column), self.index(max(rows), column), [DISPLAY, TOOLTIP])

    def work_column(self) -> int:
        return next(c for c, col in enumerate(self.columns) if col.read == self._work)

    def _work(self, rep) -> str:
        week = self.accounts.get(rep.name)
        return work_text(week) if week else "\u2026"

    def _work_tip(self, rep) -> str:
        week = self.accounts.get(rep.name)
        return work_tip(week) if week else tr("Being worked out")

    def make_columns(self):
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
            Column(tr("Work this week"), self._work, align_right=True, tip=self._work_tip),
            Column(tr("Markets"), lambda r: ", ".join(self.markets_of.get(r.name, ()))),
        ]


class MarketsModel(ScenarioTableModel):
    def rows(self):
        return list(self.session.scenario.markets)

    def refresh(self) -> None:
        scenario = self.session.scenario
        self.rep_of = {a.market: a.rep for a in scenario.assignments}
        self.workloads = {}  # filled as rows are shown: a screenful, not all 1,000 markets, when opened
        super().refresh()

    def _workload(self, market):
        workload = self.workloads.get(market.name)
        if workload is None:
            workload = self.workloads[market.name] = self.session.scenario.workload(market)
        return workload

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
            Column(tr("Live h"), lambda m: f"{self._workload(m).live_hours:g}", align_right=True),
            Column(tr("Async h"), lambda m: f"{self._workload(m).async_hours:g}", align_right=True),
            Column(tr("Rep"), lambda m: self.rep_of.get(m.name) or "",
                   lambda m, v: commands.Assign(m.name, str(v) or None), choices=("",) + tuple(r.name for r in scenario.reps)),
        ]
        return columns
