"""Workload: the team by risk, working time against thresholds, flags with their sources, what-if."""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHeaderView, QLabel, QListWidget,
                               QListWidgetItem, QSplitter, QStyle, QStyledItemDelegate, QTableView, QTextBrowser,
                               QVBoxLayout, QWidget)

from planner.team import by_risk, format_clock, rep_week
from planner.i18n import number
from planner.workload import severity_label, thresholds_for

from .figures import WEEKS, FiguresProgress
from .models import DISPLAY, FOREGROUND, HORIZONTAL
from .view_parts import Lazy, stack, tr

LOAD = Qt.UserRole + 1   # (hours, warning, critical) of the working-time bar
RED = QColor("#c5221f")
SEVERITY = {"critical": 0, "warning": 1, "info": 2}


class WorkloadModel(QAbstractTableModel):
    """One row per rep, the most at risk first; reps whose week is still being worked out come last,
    in the team's order. Every cell is read from a row built when the rep's account arrives."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.titles = [tr("Rep"), tr("Working time"), tr("Flags"), tr("Day"), tr("Outside hours"), tr("Not placed")]
        self._names: list[str] = []
        self._cells: dict[str, tuple] = {}  # rep -> (texts, red columns, bar)

    def rep_at(self, row: int) -> str | None:
        return self._names[row] if 0 <= row < len(self._names) else None

    def row_of(self, name: str) -> int:
        return self._names.index(name)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._names)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section, orientation, role=DISPLAY):
        if role != DISPLAY:
            return None
        if orientation == HORIZONTAL:
            return self.titles[section] if 0 <= section < len(self.titles) else None
        return section + 1

    def data(self, index, role=DISPLAY):
        name = self.rep_at(index.row())
        if name is None:
            return None
        texts, red, bar = self._cells[name]
        column = index.column()
        if role == DISPLAY:
            return texts[column] if 0 <= column < len(texts) else None
        if role == LOAD and column == 1:
            return bar
        if role == FOREGROUND and column in red:
            return RED
        return None

    def show(self, scenario, accounts: dict, changed=None) -> None:
        """Rows for ``scenario``'s reps with the ``accounts`` known. ``changed`` names the reps whose
        account is new (None: any may be): when the order holds, only their rows are repainted."""
        order = [w.rep for w in by_risk(accounts[r.name] for r in scenario.reps if r.name in accounts)]
        order += [r.name for r in scenario.reps if r.name not in accounts]
        reps = {r.name: r for r in scenario.reps}
        todo = order if changed is None or set(order) != set(self._names) else [n for n in changed if n in reps]
        for name in todo:
            self._cells[name] = _cells(reps[name], accounts.get(name), scenario.thresholds)
        if set(order) != set(self._names):
            self.beginResetModel()
            self._names = order
            self._cells = {n: self._cells[n] for n in order}
            self.endResetModel()
        elif order != self._names:  # the same reps, another order: selections follow their rep
            self.layoutAboutToBeChanged.emit()
            new_row = {n: i for i, n in enumerate(order)}
            old = self.persistentIndexList()
            self.changePersistentIndexList(old, [self.index(new_row[self._names[i.row()]], i.column()) for i in old])
            self._names = order
            self.layoutChanged.emit()
        else:
            rows = [self._names.index(n) for n in todo]
            if rows:
                self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), len(self.titles) - 1))


def _cells(rep, week, overrides) -> tuple:
    """A row's texts, the columns shown in red and the bar, for a rep and their account (None: pending)."""
    if week is None:
        return (rep.name,) + ("\u2026",) * 5, (), None
    t = thresholds_for(rep.rules, overrides)
    worst = min((f.severity for f in week.flags), key=SEVERITY.__getitem__, default=None)
    flags = tr("{n} ({worst})").format(n=len(week.flags), worst=severity_label(worst).lower()) if worst else tr("none")
    unplaced = (tr("{hours} h ({blocks} blocks)").format(hours=number(week.unplaced_hours), blocks=week.unplaced_blocks)
                if week.unplaced_blocks else tr("none"))
    texts = (rep.name, f"{number(week.working_hours)} h", flags,
             f"{format_clock(week.earliest_start)}-{format_clock(week.latest_end)}", f"{number(week.outside_hours)} h",
             unplaced)
    red = tuple(c for c, is_red in ((2, worst == "critical"), (5, bool(week.unplaced_live_hours))) if is_red)
    return texts, red, (week.working_hours, t.weekly_warning, t.weekly_critical)


class LoadBarDelegate(QStyledItemDelegate):
    """Planned hours against the rep's thresholds, as a bar with the warning and critical marks."""

    def paint(self, painter, option, index):
        bar = index.data(LOAD)
        if bar is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        text, option.text = option.text, ""
        view = self.parent()  # not option.widget: reading it breaks None's reference count in PySide6
        view.style().drawControl(QStyle.CE_ItemViewItem, option, painter, view)
        hours, warning, critical = bar
        r = option.rect
        scale = max(critical * 1.4, hours, 1)
        colour = "#0f9d58" if hours <= warning else "#f4b400" if hours < critical else "#db4437"
        painter.save()
        painter.fillRect(r.x(), r.y() + 3, int(r.width() * hours / scale), r.height() - 6, QColor(colour))
        for mark, c in ((warning, "#f4b400"), (critical, "#db4437")):
            x = r.x() + int(r.width() * mark / scale)
            painter.setPen(QPen(QColor(c), 2))
            painter.drawLine(x, r.y(), x, r.bottom())
        painter.setPen(option.palette.text().color())
        painter.drawText(r.adjusted(4, 0, 0, 0), Qt.AlignVCenter | Qt.AlignLeft, text)
        painter.restore()


class WorkloadView(Lazy, QWidget):
    """The team by risk: hours against thresholds, flags with sources, and what-if."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.weeks = {}
        self.stretch = QCheckBox(tr("Stretch (everything placed, as if all of it had to be done)"))
        self.stretch.setChecked(True)
        self.stretch.toggled.connect(lambda _: self.isVisible() and self.refresh())
        self.model = WorkloadModel(self)
        self.team = QTableView()
        self.team.setModel(self.model)
        self.team.setItemDelegateForColumn(1, LoadBarDelegate(self.team))
        header = self.team.horizontalHeader()
        header.setResizeContentsPrecision(30)  # about a screenful of rows, not all 500
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        self.team.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.team.verticalHeader().setDefaultSectionSize(max(22, self.team.fontMetrics().height() + 8))
        self.team.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.team.setSelectionMode(QAbstractItemView.SingleSelection)
        self.team.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.team.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.progress = FiguresProgress(session.figures, WEEKS, stretch=True)
        session.figures.weeks_ready.connect(self._weeks_arrived)
        self.flags = QTextBrowser()
        self.what_if = QListWidget()
        self.what_if.itemChanged.connect(lambda _: self._what_if())
        self.what_if_result = QLabel()
        self.what_if_result.setWordWrap(True)
        split = QSplitter(Qt.Vertical)
        split.addWidget(stack(self.stretch, self.team, self.progress))
        lower = QSplitter()
        lower.addWidget(self.flags)
        lower.addWidget(stack(QLabel(tr("<b>What if</b> (untick a market, tick another):")), self.what_if,
                               self.what_if_result))
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.watch(session)

    def update_view(self, touched=frozenset()) -> None:
        self.refresh()

    def refresh(self) -> None:
        stretch = self.stretch.isChecked()
        self.progress.watch(stretch)
        self.weeks = self.session.figures.weeks(stretch)
        self._show(None)

    def _weeks_arrived(self, stretch: bool, names) -> None:
        if stretch == self.stretch.isChecked() and not self._stale:
            before, self.weeks = self.weeks, self.session.figures.weeks(stretch)
            self._show(names, before)

    def _show(self, changed, before=None) -> None:
        selected = self._current()
        self.model.show(self.session.scenario, self.weeks, changed)
        if not self.model.rowCount():
            self._selected()
            return
        # Chosen before its week was known (the first row, while all were being worked out):
        # the most at risk now that they are known.
        automatic = before is not None and selected not in before
        if self._current() is None or automatic:
            names = [self.model.rep_at(r) for r in range(self.model.rowCount())]
            self.team.selectRow(names.index(selected) if selected in names and not automatic else 0)
            self._selected()
        elif changed is None or self._current() in changed:
            self._selected()

    def _current(self) -> str | None:
        rows = self.team.selectionModel().selectedRows()
        return self.model.rep_at(rows[0].row()) if rows else None

    def _selected(self) -> None:
        name = self._current()
        if not name or name not in self.weeks:
            self.flags.clear()
            self.what_if.clear()
            self.what_if_result.clear()
            return
        w = self.weeks[name]
        e = html.escape
        if w.unplaced_blocks:
            summary = tr("{rep}: {hours} h of working time, {unplaced} h of work not placed").format(
                rep=name, hours=number(w.working_hours), unplaced=number(w.unplaced_hours))
        else:
            summary = tr("{rep}: {hours} h of working time, all work placed").format(rep=name,
                                                                                       hours=number(w.working_hours))
        if not w.flags:
            none = tr("no flags.")
            text = f"<p>{e(summary)}; {e(none)}</p>"
        else:
            colour = {"critical": "#c5221f", "warning": "#b06000", "info": "#1967d2"}
            items = "".join(f"<li><b style='color:{colour[f.severity]}'>{e(severity_label(f.severity))}</b> "
                            f"<b>{e(f.rule)}</b>: {e(f.message)}<br><small>{e(f.source)}</small></li>" for f in w.flags)
            text = f"<h3>{e(summary)}</h3><ul>{items}</ul>"
        self.flags.setHtml(text)
        self.what_if.blockSignals(True)
        self.what_if.clear()
        scenario = self.session.scenario
        rep_of = {a.market: a.rep for a in scenario.assignments}
        for market in scenario.markets:
            if rep_of.get(market.name) in (name, None):
                item = QListWidgetItem(market.name)
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Checked if rep_of.get(market.name) == name else Qt.Unchecked)
                self.what_if.addItem(item)
        self.what_if.blockSignals(False)
        self.what_if_result.clear()

    def _what_if(self) -> None:
        name = self._current()
        if not name or name not in self.weeks:
            return
        scenario, (year, week) = self.session.scenario, self.session.week
        chosen = [scenario.market(self.what_if.item(i).text()) for i in range(self.what_if.count())
                  if self.what_if.item(i).checkState() == Qt.Checked]
        chosen.sort(key=lambda m: (-m.value, m.name))
        before = self.weeks[name]
        after = rep_week(scenario, name, year, week, stretch=self.stretch.isChecked(), markets=chosen,
                         busy=self.session.calendars.busy(name),
                         pins=self.session.calendars.pins(name, self.session.week_name))
        self.what_if_result.setText(tr("{before} h and {nb} flags now; {after} h and {na} flags with these "
                                       "markets.").format(before=number(before.working_hours), nb=len(before.flags),
                                                          after=number(after.working_hours), na=len(after.flags)))
        self.last_what_if = after
