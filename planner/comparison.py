"""Two alternatives side by side: what each plan covers and what it costs each rep.

Every figure is a rep's week as :func:`planner.team.rep_week` accounts for it, placed as ``compare``
places "cover all": work that does not fit a rep's hours goes outside them (``stretch``), so the
hours outside working hours are the plan's cost, and work not placed is what found no place at all.
The command line (``compare A B``) and the app's comparison show :func:`compare_alternatives`'s
figures, through :func:`cells` and :func:`cell_text`, so the two cannot disagree. A rep's flags are
the workload rules their week breaks, each once, as ``compare`` without names counts them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_, amount, number
from .model import Scenario
from .team import RepWeek, format_clock, rep_week
from .timezones import format_week

#: A plan's figures, in the order they are shown (PlanFigures.summary's keys).
SUMMARY = ("value", "total_value", "markets_covered", "markets", "work_hours", "hours", "outside_hours", "unplaced_hours", "flags")
#: The figures of a rep's week, per plan, in the order they are shown.
COLUMNS = ("hours", "day", "outside", "unplaced", "flags")
HEADINGS = {"hours": N_("planned h"), "day": N_("day"), "outside": N_("outside h"), "unplaced": N_("not placed h"),
            "flags": N_("flags")}


@dataclass(frozen=True)
class PlanFigures:
    """One plan's figures for the week."""

    name: str
    value: float            # what the markets with a rep are worth
    total_value: float      # what every market is worth
    markets_covered: int
    markets: int
    weeks: dict             # rep name -> RepWeek, in the plan's order of reps

    @property
    def work_hours(self) -> float:
        """The work the covered markets need each week, placed or not (what a what-if changes)."""
        return sum(w.load_hours for w in self.weeks.values())

    @property
    def hours(self) -> float:
        return sum(w.working_hours for w in self.weeks.values())

    @property
    def outside_hours(self) -> float:
        return sum(w.outside_hours for w in self.weeks.values())

    @property
    def unplaced_hours(self) -> float:
        return sum(w.unplaced_hours for w in self.weeks.values())

    @property
    def flags(self) -> int:
        return sum(len(w.flagged_rules) for w in self.weeks.values())

    def summary(self) -> dict:
        return {"name": self.name, "value": self.value, "total_value": self.total_value,
                "markets_covered": self.markets_covered, "markets": self.markets, "work_hours": self.work_hours, "hours": self.hours,
                "outside_hours": self.outside_hours, "unplaced_hours": self.unplaced_hours, "flags": self.flags}


@dataclass(frozen=True)
class Difference:
    """A market whose rep differs: ``a`` and ``b`` its rep in each plan (None: nobody covers it)."""

    market: str
    a: str | None
    b: str | None


@dataclass(frozen=True)
class Comparison:
    week: str
    a: PlanFigures
    b: PlanFigures
    reps: tuple[str, ...]              # every rep of either plan: A's order, then B's others
    differences: tuple[Difference, ...]

    def to_dict(self) -> dict:
        """What ``compare A B --json`` prints."""
        def side(figures: PlanFigures, rep: str):
            w = figures.weeks.get(rep)
            return None if w is None else dict(zip(COLUMNS, cells(w))) | {
                "flag_rules": list(w.flagged_rules)} | w.account()
        return {"week": self.week, "a": self.a.summary(), "b": self.b.summary(),
                "reps": [{"rep": r, "a": side(self.a, r), "b": side(self.b, r)} for r in self.reps],
                "differences": [{"market": d.market, "a": d.a, "b": d.b} for d in self.differences]}


def cells(w: RepWeek | None) -> tuple:
    """A rep's figures in :data:`COLUMNS` order (None each when the plan has no such rep)."""
    if w is None:
        return (None,) * len(COLUMNS)
    return (w.working_hours, f"{format_clock(w.earliest_start)}-{format_clock(w.latest_end)}",
            w.outside_hours, w.unplaced_hours, len(w.flagged_rules))


def cell_text(value) -> str:
    """A figure as both the command line and the app show it ("-": the plan has no such rep)."""
    if value is None:
        return "-"
    if isinstance(value, float):
        return number(value)
    return str(value)


def summary_text(key: str, value) -> str:
    """A plan's figure as both the command line and the app show it."""
    if key in ("value", "total_value"):
        return amount(value)
    if key.endswith("hours"):
        return f"{number(value)} h"
    return str(value)


def figures(name: str, scenario: Scenario, year: int, week: int, calendars=None) -> PlanFigures:
    """One plan's figures; ``calendars(year, week)`` gives the busy times and pins per rep."""
    busy, pins = calendars(year, week) if calendars else ({}, {})
    covered = {a.market for a in scenario.assignments}
    weeks = {r.name: rep_week(scenario, r.name, year, week, stretch=True, busy=busy.get(r.name, ()),
                              pins=pins.get(r.name)) for r in scenario.reps}
    return PlanFigures(name, sum(m.value for m in scenario.markets if m.name in covered),
                       sum(m.value for m in scenario.markets),
                       sum(1 for m in scenario.markets if m.name in covered), len(scenario.markets), weeks)


def differences(a: Scenario, b: Scenario) -> tuple[Difference, ...]:
    """Markets whose rep differs, in A's order of markets then B's others."""
    rep_a = {x.market: x.rep for x in a.assignments}
    rep_b = {x.market: x.rep for x in b.assignments}
    markets = list(dict.fromkeys([m.name for m in a.markets] + [m.name for m in b.markets]))
    return tuple(Difference(m, rep_a.get(m), rep_b.get(m)) for m in markets if rep_a.get(m) != rep_b.get(m))


def compare_alternatives(a: tuple[str, Scenario, object], b: tuple[str, Scenario, object],
                         year: int, week: int) -> Comparison:
    """``a`` and ``b``: (name, scenario, calendars) of each plan, for ``week``."""
    fa, fb = (figures(name, scenario, year, week, calendars) for name, scenario, calendars in (a, b))
    reps = tuple(dict.fromkeys([*fa.weeks, *fb.weeks]))
    return Comparison(format_week(year, week), fa, fb, reps, differences(a[1], b[1]))
