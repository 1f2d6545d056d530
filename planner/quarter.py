"""The quarter: every rep's weeks side by side, and the busiest weeks first.

Each week is really scheduled (:func:`planner.team.rep_week`, the one account of a rep's week):
a public holiday takes working time away and leaves the work to find room in fewer hours, and a
clock change moves the hours a rep shares with a market, so the same markets cost different
weeks differently. ``check --weeks N`` and the app's Quarter view both show :class:`Quarter`.

A week's *planned hours* are the team's working time (:attr:`planner.team.RepWeek.working_hours`,
what ``check`` prints); the work *not placed* is what found no room. The busiest week is the one
whose work fits the reps' hours worst: the most hours of work that do not fit (not placed, or with
``--stretch`` placed outside working hours), then the most critical flags, the most flags, the most
planned hours, and the earlier week. (Planned hours plus work not placed barely move from week to
week: the markets ask the same work every week, and a holiday only moves part of it out of the
working time.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from .errors import ValidationError
from .i18n import _, ngettext, number
from .team import CalendarInputs, RepWeek, rep_week
from .timezones import LAST_YEAR, add_weeks, format_week
from .workload import SEVERITY_ORDER, WorkloadFlag, average_flag, thresholds_for

CRITICAL, WARNING, INFO, NO_FLAG = 0, 1, 2, 3  # planner.workload.SEVERITY_ORDER, and none
QUARTER_WEEKS = 13
MAX_WEEKS = 52
BUSIEST_SHOWN = 3


def weeks_from(year: int, week: int, weeks: int) -> list[tuple[int, int]]:
    """The ``weeks`` ISO weeks from ``year-Wweek`` on, refused (naming ``weeks``) unless 1 to
    :data:`MAX_WEEKS` of them that end by :data:`planner.timezones.LAST_YEAR`."""
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= MAX_WEEKS:
        raise ValidationError("weeks", weeks, _("give 1 to {n} weeks").format(n=MAX_WEEKS))
    days = [add_weeks(year, week, n) for n in range(weeks)]
    if days[-1][0] > LAST_YEAR:
        raise ValidationError("weeks", weeks, _("{n} weeks from {week} run past {year}, the last year the holiday "
                                                "calendars cover").format(n=weeks, week=format_week(year, week),
                                                                          year=LAST_YEAR))
    return days


@dataclass(frozen=True)
class WeekTotal:
    """The team's figures for one week of the quarter."""

    week: str
    planned_hours: float    # the team's working time
    unplaced_hours: float   # work that found no place
    outside_hours: float    # work placed outside the reps' working hours (with stretch)
    critical: int           # flags by severity, over every rep
    warnings: int
    flags: int              # all flags, info included
    reps_flagged: int       # reps with at least one flag

    @property
    def overflow_hours(self) -> float:
        """Work that does not fit the reps' working hours: not placed, or placed outside them."""
        return round(self.unplaced_hours + self.outside_hours, 2)


@dataclass(frozen=True)
class Quarter:
    """Reps x weeks of accounts, with the team's total per week and the busiest weeks.

    ``accounts[r][w]`` is rep ``reps[r]``'s :class:`planner.team.RepWeek` of week ``weeks[w]``;
    ``busiest`` holds week indices, the busiest first (every week, ranked as the module says);
    ``averages`` the ``average_weekly_hours`` flag of each rep whose average is above the line;
    ``worst[r][w]`` the most severe of the week's flags (:data:`CRITICAL`, :data:`WARNING`,
    :data:`INFO`, or :data:`NO_FLAG`).
    """

    first: tuple[int, int]
    weeks: tuple[str, ...]
    reps: tuple[str, ...]
    accounts: tuple[tuple[RepWeek, ...], ...]
    totals: tuple[WeekTotal, ...]
    busiest: tuple[int, ...]
    averages: dict[str, WorkloadFlag]
    worst: tuple[tuple[int, ...], ...]

    def hours(self, r: int, w: int) -> float:
        return self.accounts[r][w].working_hours

    def top(self, n: int = BUSIEST_SHOWN) -> list[WeekTotal]:
        """The ``n`` busiest weeks, the busiest first."""
        return [self.totals[w] for w in self.busiest[:n]]

    def to_dict(self) -> dict:
        """The figures, for JSON: planned hours, work not placed and flags per rep and week."""
        return {
            "first_week": self.weeks[0] if self.weeks else format_week(*self.first), "weeks": list(self.weeks),
            "busiest": [self.weeks[w] for w in self.busiest],
            "totals": [{"week": t.week, "planned_hours": t.planned_hours, "unplaced_hours": t.unplaced_hours,
                        "outside_hours": t.outside_hours,
                        "overflow_hours": t.overflow_hours, "critical": t.critical, "warnings": t.warnings,
                        "flags": t.flags, "reps_flagged": t.reps_flagged} for t in self.totals],
            "reps": [{"rep": rep, "planned_hours": [a.working_hours for a in row],
                      "unplaced_hours": [a.unplaced_hours for a in row],
                      "flags": [sorted(f.rule for f in a.flags) for a in row],
                      "critical": [sum(f.severity == "critical" for f in a.flags) for a in row],
                      "average_flag": self.averages[rep].message if rep in self.averages else None}
                     for rep, row in zip(self.reps, self.accounts)],
        }


def _total(week: str, column: Sequence[RepWeek]) -> WeekTotal:
    return WeekTotal(week, round(sum(a.working_hours for a in column), 2),
                     round(sum(a.unplaced_hours for a in column), 2),
                     round(sum(a.outside_hours for a in column), 2),
                     sum(f.severity == "critical" for a in column for f in a.flags),
                     sum(f.severity == "warning" for a in column for f in a.flags),
                     sum(len(a.flags) for a in column), sum(bool(a.flags) for a in column))


def busiest_first(totals: Sequence[WeekTotal]) -> tuple[int, ...]:
    """Week indices, the week whose work fits worst first (see the module)."""
    return tuple(sorted(range(len(totals)), key=lambda w: (-totals[w].overflow_hours, -totals[w].critical,
                                                           -totals[w].flags, -totals[w].planned_hours, w)))


def quarter_of(scenario, first: tuple[int, int], accounts: Sequence[Sequence[RepWeek]]) -> Quarter:
    """The quarter's figures from each rep's accounts (in the scenario's order of reps, each a
    list over the same consecutive weeks from ``first``)."""
    accounts = tuple(tuple(row) for row in accounts)
    reps = tuple(row[0].rep for row in accounts) if accounts and accounts[0] else tuple(r.name for r in scenario.reps)
    count = len(accounts[0]) if accounts else 0
    weeks = tuple(accounts[0][w].week for w in range(count)) if accounts else ()
    totals = tuple(_total(weeks[w], [row[w] for row in accounts]) for w in range(count))
    averages = {}
    for row in accounts:
        rep = scenario.rep(row[0].rep)
        flag = average_flag([a.working_hours for a in row], list(weeks), rep.rules,
                            thresholds_for(rep.rules, scenario.thresholds))
        if flag:
            averages[rep.name] = flag
    worst = tuple(tuple(min((SEVERITY_ORDER[f.severity] for f in a.flags), default=NO_FLAG) for a in row)
                  for row in accounts)
    return Quarter(first, weeks, reps, accounts, totals, busiest_first(totals), averages, worst)


def quarter(scenario, year: int, week: int, weeks: int = QUARTER_WEEKS, *, stretch: bool = False,
            calendars: CalendarInputs | None = None,
            account: Callable[..., RepWeek] | None = None) -> Quarter:
    """Schedule every rep's ``weeks`` weeks from ``year-Wweek`` and sum them up. ``calendars`` gives
    the busy times and pins of a week (:func:`planner.calendars.inputs_of`); ``account`` stands in
    for :func:`planner.team.rep_week` (the app passes one that reuses weeks already worked out)."""
    account = account or rep_week
    days = weeks_from(year, week, weeks)
    rows: list[list[RepWeek]] = [[] for _rep in scenario.reps]
    for y, w in days:
        busy, pins = calendars(y, w) if calendars else ({}, {})
        for row, rep in zip(rows, scenario.reps):
            row.append(account(scenario, rep.name, y, w, stretch=stretch, busy=busy.get(rep.name, ()),
                               pins=pins.get(rep.name)))
    return quarter_of(scenario, (year, week), rows)


def busiest_line(q: Quarter, n: int = BUSIEST_SHOWN) -> str:
    """``Busiest weeks: 2027-W12 (64 h planned, 79.5 h of work that does not fit, 2 critical flags); ...``"""
    parts = [ngettext("{week} ({planned} h planned, {overflow} h of work that does not fit, {critical} critical flag)",
                      "{week} ({planned} h planned, {overflow} h of work that does not fit, {critical} critical flags)",
                      t.critical).format(week=t.week, planned=number(t.planned_hours),
                                         overflow=number(t.overflow_hours), critical=t.critical) for t in q.top(n)]
    return _("Busiest weeks: {weeks}").format(weeks="; ".join(parts) if parts else _("none (no reps)"))


def table_lines(q: Quarter) -> tuple[list[str], list[list[str]]]:
    """The heat map as text: a header and one row per rep, then the team's rows. A cell is the
    planned hours, ``!`` after it for a critical flag, ``*`` for a warning."""
    marks = {CRITICAL: "!", WARNING: "*"}
    header = [_("Rep"), *(w.split("-")[1] for w in q.weeks)]
    rows = [[rep, *(f"{number(a.working_hours)}{marks.get(worst, '')}" for a, worst in zip(row, q.worst[r]))]
            for r, (rep, row) in enumerate(zip(q.reps, q.accounts))]
    rows.append([_("Planned h"), *(number(t.planned_hours) for t in q.totals)])
    rows.append([_("Not placed h"), *(number(t.unplaced_hours) for t in q.totals)])
    if any(t.outside_hours for t in q.totals):
        rows.append([_("Outside h"), *(number(t.outside_hours) for t in q.totals)])
    rows.append([_("Flags"), *(str(t.flags) for t in q.totals)])
    rows.append([_("Critical"), *(str(t.critical) for t in q.totals)])
    return header, rows
