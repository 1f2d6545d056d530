"""Territories: reps x markets as a heat map of shared hours, assignment by hand, and the optimiser."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QMenu, QProgressBar, QPushButton, QSplitter,
                               QTableView, QTextBrowser, QVBoxLayout, QWidget)

from planner import commands, conflicts
from planner.territories import apply_plan

from .figures import FIT, FiguresProgress
from .search_run import SearchRun
from .team_live import note
from .territory_filters import TerritoryFilters
from .territory_model import TerritoryModel
from .territory_overview import TerritoryOverview
from .view_parts import Lazy, Notice, stack, tr
from .workers import OptimiseWorker


class TerritoryGrid(QTableView):
    """The reps x markets grid: drag along a market's row from one rep to another to reassign it."""

    dropped = Signal(object, object)  # from index, to index

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pressed = None
        self.setMouseTracking(True)

    def mousePressEvent(self, event):
        self._pressed = self.indexAt(event.position().toPoint()) if event.button() == Qt.LeftButton else None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        if self._pressed is not None and self._pressed.isValid() and event.buttons() & Qt.LeftButton:
            self.viewport().setCursor(Qt.ClosedHandCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        self.viewport().unsetCursor()
        start, self._pressed = self._pressed, None
        end = self.indexAt(event.position().toPoint())
        if start is not None and start.isValid() and end.isValid() and start.row() == end.row() \
                and start.column() != end.column():
            self.dropped.emit(start, end)
        super().mouseReleaseEvent(event)


class TerritoriesView(Lazy, QWidget):
    """Reps x markets: shared hours as heat, assignment by menu or double-click, and the optimiser."""

    STRETCH_UP_TO = 8  # reps; beyond, columns keep a fixed width and the grid scrolls

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.plan = None
        self.model = TerritoryModel(self)
        self.grid = TerritoryGrid()
        self.grid.setModel(self.model)
        self.grid.dropped.connect(self._dragged)
        # Fixed section sizes: nothing measures 500,000 cells (see _size_sections).
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.grid.verticalHeader().setDefaultSectionSize(self.grid.fontMetrics().height() + 8)
        self.grid.setContextMenuPolicy(Qt.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._menu)
        self.grid.doubleClicked.connect(self._toggle)
        self.filters = TerritoryFilters(self.model, self.grid, self)
        self.overview = TerritoryOverview(self.model, self.grid)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.fit_progress = FiguresProgress(session.figures, FIT)
        session.figures.fit_ready.connect(self._fit_arrived)
        self.notice = Notice()
        self.optimise_button = QPushButton(tr("Optimise"))
        self.optimise_button.setShortcut(QKeySequence("Ctrl+R"))
        self.optimise_button.setToolTip(tr("Find the assignment that covers the most value in humane hours (Ctrl+R)"))
        self.optimise_button.clicked.connect(lambda: self.optimise())  # not clicked(checked) as the time limit
        self.hire_button = QPushButton(tr("Plan hires..."))
        self.hire_button.setToolTip(tr("The fewest new reps with whom the team covers every market worth at least a value"))
        self.hire_button.clicked.connect(self.plan_hires)
        self.hire_dialog = None
        self.cancel_button = QPushButton(tr("Cancel"))
        self.apply_button = QPushButton(tr("Apply plan"))
        self.apply_button.setEnabled(False)
        self.apply_button.setShortcut(QKeySequence("Ctrl+Return"))  # Ctrl+R, then Ctrl+Return: no mouse needed
        self.apply_button.setToolTip(f"{tr('Apply plan')} (Ctrl+Return)")
        self.apply_button.clicked.connect(self.apply_plan)
        self.progress = QProgressBar()
        self.report = QTextBrowser()
        self.report.setOpenLinks(False)
        self.report.setHtml(tr("<p><b>Optimise</b> (Ctrl+R) finds who should cover which market: the most market "
                               "value your team can serve inside their working hours, with no rep far above the "
                               "team's average load, each market with the rep whose day best meets it. Every "
                               "week it plans is one the schedule keeps. Locked assignments stay. Every choice "
                               "comes with its reasons, and so does every market left out; the plan also says "
                               "where to hire next.</p>"
                               "<p>Nothing changes until you press <b>Apply plan</b>, and Undo reverts it.</p>"))
        self.search = SearchRun(self.optimise_button, self.cancel_button, self.progress, self.report,
                                self._progress_words, self._result, self)
        controls = QHBoxLayout()
        for w in (self.optimise_button, self.hire_button, self.cancel_button, self.apply_button):
            controls.addWidget(w)
        split = QSplitter()
        split.addWidget(stack(self.caption, self.filters, self.fit_progress, self.grid, self.notice))
        split.addWidget(stack(self.overview, controls, self.progress, self.report))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.watch(session)

    def update_view(self, touched=frozenset()) -> None:
        scenario = self.session.scenario
        table = self.session.figures.fit()  # None while it is worked out: fit_ready brings it
        if table is not None and table is not self.model.table:
            self.model.set_fit(scenario, table)
            self._size_sections()
        elif self.model.table is not None:
            self.model.set_assignments(scenario)
        self.caption.setText(tr(
            "Hours a week in which each rep's working hours meet each market's business hours, {week}. "
            "Green: its live work fits; amber: too few shared hours; red: none. \u2713 assigned. "
            "Drag a market along its row to another rep, or double-click; right-click to lock or unassign.").format(week=self.session.week_name))

    def _fit_arrived(self) -> None:
        self._stale = True
        if self.isVisible():
            self.bring_up_to_date()

    def _size_sections(self) -> None:
        """A handful of reps share the width; more get columns as wide as the widest cell text can be."""
        header = self.grid.horizontalHeader()
        if self.model.columnCount() <= self.STRETCH_UP_TO:
            header.setSectionResizeMode(QHeaderView.Stretch)
        else:
            header.setSectionResizeMode(QHeaderView.Interactive)
            header.setDefaultSectionSize(self.grid.fontMetrics().horizontalAdvance("00.25 h \u2713 " + tr("locked")) + 12)

    def _menu(self, pos) -> None:
        index = self.grid.indexAt(pos)
        if not index.isValid():
            return
        rep, market = self.model.cell(index)
        current = self.session.scenario.rep_of(market.name)
        menu = QMenu(self)
        menu.addAction(tr("Assign {market} to {rep}").format(market=market.name, rep=rep.name),
                       lambda: self._do(commands.Assign(market.name, rep.name)))
        if current:
            menu.addAction(tr("Unassign {market}").format(market=market.name),
                           lambda: self._do(commands.Assign(market.name, None)))
            locked = any(a.locked for a in self.session.scenario.assignments if a.market == market.name)
            menu.addAction(tr("Unlock") if locked else tr("Lock (the optimiser keeps it)"),
                           lambda: self._do(commands.SetLocked(market.name, not locked)))
        menu.exec(self.grid.viewport().mapToGlobal(pos))

    def _dragged(self, start, end) -> None:
        rep, market = self.model.cell(end)
        self._do(commands.Assign(market.name, rep.name))

    def _toggle(self, index) -> None:
        rep, market = self.model.cell(index)
        mine = self.session.scenario.rep_of(market.name) == rep.name
        self._do(commands.Assign(market.name, None if mine else rep.name))

    def _do(self, command, source: str = "app") -> None:
        problem = self.session.do(command, source)
        (self.notice.refuse(problem) if problem else self.notice.say(command.text))

    # --- the optimiser ---
    @property
    def worker(self) -> OptimiseWorker | None:
        """The optimiser under way, if any."""
        return self.search.worker

    def optimise(self, time_limit: float = 30.0) -> None:
        if self.search.worker is not None:
            return
        self.plan = None
        self.apply_button.setEnabled(False)
        self.search.start(OptimiseWorker(self.session.store.path, *self.session.week, time_limit=time_limit),
                          tr("Optimising..."), tr("<p>Looking for the best assignment...</p>"))

    def plan_hires(self) -> None:
        """Open the hiring plan's dialog (one at a time): it reads the plan, it changes nothing."""
        from .hire_dialog import HireDialog

        if self.hire_dialog is None:
            self.hire_dialog = HireDialog(self.session, self)
        self.hire_dialog.show()
        self.hire_dialog.raise_()

    @staticmethod
    def _progress_words(value: float, gap: float, seconds: float) -> str:
        if value >= 0:
            return tr("Best so far covers {value} ({seconds:.0f} s)").format(value=f"{value:,.0f}", seconds=seconds)
        # the value is settled; the markets are being fitted to the reps' time zones
        return tr("Fitting markets to time zones: within {gap:.1%} of the best ({seconds:.0f} s)").format(
            gap=gap, seconds=seconds)

    def _result(self, plan) -> tuple[str, str]:
        self.plan, self.plan_revision = plan, self.worker.revision
        self.apply_button.setEnabled(bool(plan.assignments))
        status = {"optimal": tr("Optimal"), "feasible": tr("Best found in the time"),
                  "cancelled": tr("Cancelled: best plan so far")}.get(plan.status, plan.status)
        return status, self.plan_html(plan)

    def apply_plan(self) -> None:
        changed = conflicts.since(self.session.store, self.plan_revision) if self.plan else []
        if changed:  # a plan for the plan as it was would undo a colleague's change, or miss it
            self.apply_button.setEnabled(False)
            self.notice.refuse(tr("Not applied: the plan changed since the optimiser read it ({note}); press "
                                  "Optimise to plan again on the plan as it is now").format(note=note(changed)))
            return
        if self.plan:
            self._do(commands.SetAssignments(apply_plan(self.session.scenario, self.plan).assignments,
                                             tr("Apply optimised plan")), source="optimiser")

    @staticmethod
    def plan_html(plan) -> str:
        e = html.escape
        title = tr("Plan for {week}").format(week=plan.week)
        left_out, hire = tr("Left out"), tr("Where to hire next")
        parts = [f"<h3>{e(title)}</h3>",
                 "<p>" + e(tr("Covers {value} of {total} in market value; the busiest rep is at {util:.0%} of "
                              "capacity.").format(value=f"{plan.value:,.0f}", total=f"{plan.total_value:,.0f}",
                                                  util=plan.max_utilisation)) + " " + e(_proof(plan)) + "</p><ul>"]
        parts += [f"<li><b>{e(a.market)} \u2192 {e(a.rep)}</b>: {e(a.reason)}</li>" for a in plan.assignments]
        parts.append("</ul>")
        if plan.unassigned:
            parts.append(f"<h4>{e(left_out)}</h4><ul>")
            parts += [f"<li><b>{e(u.market)}</b>: {e(u.reason)}</li>" for u in plan.unassigned]
            parts.append("</ul>")
        if plan.hire:
            parts.append(f"<h4>{e(hire)}</h4><ul>")
            parts += ["<li>" + e(tr("A rep in {zone} ({hours}) would take {markets}: {value}").format(
                zone=h.timezone, hours=h.hours, markets=", ".join(h.markets), value=f"{h.value:,.0f}")) + "</li>"
                for h in plan.hire]
            parts.append("</ul>")
        return "".join(parts)


def _proof(plan) -> str:
    """How sure the plan is, in words."""
    if plan.status == "optimal":
        return tr("Proven best: no plan covers more value, and none of that value fits the markets' time zones "
                  "better within the balance band.")
    if plan.gap > 0:
        return tr("The value covered is within {gap:.1%} of the best possible.").format(gap=plan.gap)
    if plan.fit_gap:
        return tr("No plan covers more value; the time-zone fit is within {gap:.1%} of the best "
                  "possible.").format(gap=plan.fit_gap)
    return tr("No plan covers more value.")
