"""Plan hires: the fewest new reps with whom the team covers every market worth at least a value."""

from __future__ import annotations

import html
import statistics

from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
)

from .search_run import SearchRun
from .view_parts import tr
from .workers import HireWorker


class HireDialog(QDialog):
    """The value line and a limit of new reps; Plan runs the search off the GUI thread, Stop ends it
    (keeping the best plan so far), and the result lists each hire, their zone and hours, the markets
    they take, the value they add, and whether the number is proven minimal."""

    def __init__(self, session, parent=None, time_limit: float = 30.0):
        super().__init__(parent)
        self.session, self.time_limit = session, time_limit
        self.plan = None
        self.setWindowTitle(tr("Plan hires"))
        values = [m.value for m in session.scenario.markets]
        self.min_value = QDoubleSpinBox()
        self.min_value.setRange(0, 1e12)
        self.min_value.setDecimals(0)
        self.min_value.setGroupSeparatorShown(True)
        self.min_value.setValue(statistics.median(values) if values else 0)
        self.max_hires = QSpinBox()
        self.max_hires.setRange(0, 1000)
        self.max_hires.setSpecialValueText(tr("No limit"))  # 0, the minimum: a limit of none is no question
        form = QFormLayout()
        form.addRow(tr("Cover every market worth at least"), self.min_value)
        form.addRow(tr("New reps at most"), self.max_hires)
        self.plan_button = QPushButton(tr("Plan"))
        self.plan_button.setDefault(True)
        self.plan_button.clicked.connect(lambda: self.start())
        self.stop_button = QPushButton(tr("Stop"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.plan_button)
        buttons.addWidget(self.stop_button)
        self.progress = QProgressBar()
        self.report = QTextBrowser()
        self.report.setHtml(tr("<p>The fewest new reps, each in a market's or the team's zone on the team's usual "
                               "hours, with whom the team covers every market worth at least this value inside "
                               "working hours. Every week of the plan is one the schedule keeps. Nothing is "
                               "saved.</p>"))
        self.search = SearchRun(self.plan_button, self.stop_button, self.progress, self.report, self._words,
                                self._result, self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.report)
        self.resize(640, 480)

    @property
    def worker(self) -> HireWorker | None:
        """The search under way, if any."""
        return self.search.worker

    def start(self) -> None:
        if self.search.worker is not None:
            return
        self.plan = None
        limit = self.max_hires.value() or None
        self.search.start(HireWorker(self.session.store.path, *self.session.week, self.min_value.value(), limit,
                                     time_limit=self.time_limit),
                          tr("Searching..."), tr("<p>Looking for the fewest new reps...</p>"))

    @staticmethod
    def _words(hires: float, gap: float, seconds: float) -> str | None:
        if hires < 0:
            return None
        return tr("Best so far: {count} new reps ({seconds:.0f} s)").format(count=round(hires), seconds=seconds)

    def _result(self, plan) -> tuple[str, str]:
        self.plan = plan
        return proof(plan), plan_html(plan)

    def closeEvent(self, event) -> None:
        self.search.stop_and_wait()
        super().closeEvent(event)


def proof(plan) -> str:
    """How sure the plan is, in the reader's language (planner.territories.hiring_result.HiringPlan.proof)."""
    more = plan.more_than_needed
    return {"optimal": tr("Proven minimal"),
            "feasible": tr("Best found in the time limit, at most {more} more than needed").format(more=more),
            "cancelled": tr("Stopped: best found so far, at most {more} more than needed").format(more=more),
            "infeasible": tr("Proven: no plan with at most {count} new reps covers them all").format(
                count=plan.max_hires),
            "none_found": tr("No plan found in the time limit") if plan.max_hires is None else
            tr("No plan with at most {count} new reps found in the time limit").format(count=plan.max_hires)
            }[plan.status]


def plan_html(plan) -> str:
    e = html.escape
    head = tr("Hiring plan for {week}").format(week=plan.week)
    what = tr("{count} new reps with the team cover every market worth at least {value} ({markets} markets).").format(
        count=len(plan.hires), value=f"{plan.min_value:,.0f}", markets=len(plan.needed))
    parts = [f"<h3>{e(head)}</h3>", f"<p>{e(what)} <b>{e(proof(plan))}</b></p><ul>"]
    parts += ["<li>" + e(tr("{name}: {zone} ({country}), {hours}, takes {markets}: adds {value}").format(
        name=h.name, zone=h.timezone, country=h.country, hours=h.hours, markets=", ".join(h.markets),
        value=f"{h.value:,.0f}")) + "</li>" for h in plan.hires]
    parts.append("</ul>")
    if plan.weeks is not None:
        parts.append("<p>" + e(tr("The plan covers {value} of {total} in market value. Every rep's week as the "
                                  "scheduler builds it: {blocks} blocks not placed, {hours} h outside working "
                                  "hours.").format(value=f"{plan.value:,.0f}", total=f"{plan.total_value:,.0f}",
                                                   blocks=plan.unplaced_blocks, hours=f"{plan.outside_hours:g}"))
                     + "</p>")
    if plan.out_of_reach:
        # tr() outside the f-strings: Qt's lupdate does not look inside one.
        heading, why = tr("Out of reach"), tr("no rep and no candidate hire can take it")
        parts.append(f"<h4>{e(heading)}</h4><ul>")
        parts += [f"<li><b>{e(o.market)}</b>: {e(why)}</li>" for o in plan.out_of_reach]
        parts.append("</ul>")
    return "".join(parts)
