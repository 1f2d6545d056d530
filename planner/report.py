"""A report for the meeting, as plain data: what the PDF (ui/report_pdf.py) lays out.

Every figure comes from the function that computes it for the app and the CLI: the plan as
assigned and its explanations from :func:`planner.territories.assigned.explain_assigned` (the
words of `assign`), each rep's weeks and workload flags from :func:`planner.team.check` (the
figures of `check` and the Week and Workload views), with the busy times and pins of the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import PlannerError
from .i18n import _
from .model import Scenario
from .team import RepWeek, check
from .territories.assigned import explain_assigned
from .territories.plan import Plan
from .timezones import add_weeks, format_week
from .workload import SEVERITY_ORDER

MAX_WEEKS = 52


@dataclass(frozen=True)
class TerritoryRow:
    """One market of the territory table: its rep (None: left out) and what they share."""

    market: str
    timezone: str
    tier: str
    value: float
    rep: str | None
    shared_hours: float   # the rep's working hours in the market's business hours (0 when left out)
    fit: float            # share of the market's business hours the rep reaches
    load_hours: float     # the work it adds to the rep's week
    locked: bool


@dataclass(frozen=True)
class FlagRow:
    rep: str
    week: str
    severity: str
    rule: str
    message: str
    source: str


@dataclass(frozen=True)
class RepPage:
    """One rep's week, to be drawn as the Week view draws it."""

    rep: str
    timezone: str
    year: int
    week: int
    account: RepWeek      # the schedule and its figures


@dataclass(frozen=True)
class Report:
    scenario: Scenario            # the plan reported on (names, zones, colours of the weeks)
    weeks: tuple[str, ...]
    plan: Plan                    # value covered, left out and why, hires suggested
    territory: tuple[TerritoryRow, ...]
    rep_weeks: tuple[RepPage, ...]
    flags: tuple[FlagRow, ...]

    @property
    def covered_markets(self) -> int:
        return sum(1 for row in self.territory if row.rep is not None)

    @property
    def period(self) -> str:
        return self.weeks[0] if len(self.weeks) == 1 else _("{first} to {last}").format(first=self.weeks[0],
                                                                                         last=self.weeks[-1])


def check_weeks(weeks: int) -> None:
    if not 1 <= weeks <= MAX_WEEKS:
        raise PlannerError(_("--weeks: give 1 to {n} weeks (got {weeks})").format(n=MAX_WEEKS, weeks=weeks))


def build_report(store, year: int, week: int, weeks: int = 1, *, hire_budget: float = 10.0) -> Report:
    """The report on the database's plan for ``weeks`` weeks from ISO week ``year-Wweek``: the
    summary and territory table for the first week (the week the plan is made for), each rep's
    weeks and every workload flag over all of them, the rolling average included."""
    from .calendars import calendar_inputs, inputs_of

    check_weeks(weeks)
    scenario = store.load()
    busy, pins = calendar_inputs(store, scenario, year, week)
    plan = explain_assigned(scenario, year, week, busy=busy, pins=pins, hire_budget=hire_budget)
    by_market = {a.market: a for a in plan.assignments}
    territory = []
    for m in scenario.markets:
        a = by_market.get(m.name)
        territory.append(TerritoryRow(m.name, m.timezone, m.tier, m.value, a.rep if a else None,
                                      a.overlap_hours if a else 0.0, a.fit if a else 0.0,
                                      a.load_hours if a else 0.0, a.locked if a else False))
    results = check(scenario, year, week, weeks=weeks, calendars=inputs_of(store, scenario))
    order = [add_weeks(year, week, d) for d in range(weeks)]
    zones = {r.name: r.timezone for r in scenario.reps}
    pages = [RepPage(r["rep"], zones[r["rep"]], y, w, account)
             for r in results for (y, w), account in zip(order, r["accounts"])]
    flags = [FlagRow(r["rep"], f.week, f.severity, f.rule, f.message, f.source)
             for r in results for f in sorted(r["flags"], key=lambda f: (f.week, SEVERITY_ORDER[f.severity]))]
    return Report(scenario, tuple(format_week(*w) for w in order), plan, tuple(territory), tuple(pages),
                  tuple(flags))
