"""What a hiring plan says: the new reps, the markets each takes, how sure it is, and the weeks it gives."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..i18n import _, ngettext
from ..model import Scenario
from ..team import rep_week


@dataclass(frozen=True)
class Hire:
    """A new rep: where, on which hours, and the markets they take in the plan."""

    name: str
    timezone: str
    country: str
    hours: str
    markets: tuple[str, ...]
    value: float            # the value of the markets they take: what this hire adds
    load_hours: float
    capacity_hours: float


@dataclass(frozen=True)
class OutOfReach:
    market: str
    value: float
    reason: str


@dataclass(frozen=True)
class RepCheck:
    """One rep's week under the plan, as `check` accounts for it (planner.team.rep_week)."""

    rep: str
    markets: int
    placed_hours: float
    unplaced_blocks: int
    outside_hours: float
    flags: tuple[str, ...]


@dataclass(frozen=True)
class HiringPlan:
    week: str
    min_value: float
    # optimal (proven minimal) | feasible (best found in the time) | cancelled |
    # infeasible (proven: no plan within --max-hires) | none_found (none within --max-hires found in the time)
    status: str
    hires: tuple[Hire, ...]
    fewest: int                     # no plan has fewer hires (proven by the solver's bound)
    needed: tuple[str, ...]         # the markets worth at least min_value that some rep can cover
    out_of_reach: tuple[OutOfReach, ...]
    scenario: Scenario              # the team, the hires and the whole plan's assignments
    value: float                    # value the plan covers
    total_value: float
    candidates: int                 # kinds of hire considered (zones whose weeks differ)
    weeks_checked: int              # weeks the scheduler built to check sets of markets
    weeks: tuple[RepCheck, ...] | None
    seconds: float
    max_hires: int | None = None

    @property
    def more_than_needed(self) -> int:
        """At most this many hires more than the fewest possible (0 when proven minimal)."""
        return 0 if self.status == "optimal" else max(0, len(self.hires) - self.fewest)

    @property
    def unplaced_blocks(self) -> int:
        return sum(w.unplaced_blocks for w in self.weeks or ())

    @property
    def outside_hours(self) -> float:
        return sum(w.outside_hours for w in self.weeks or ())

    def proof(self) -> str:
        """How sure the plan is, in words."""
        if self.status == "optimal":
            return _("proven minimal")
        n = self.max_hires
        if self.status == "infeasible":
            return ngettext("proven: no plan with at most {n} new rep covers them all",
                            "proven: no plan with at most {n} new reps covers them all", n).format(n=n)
        if self.status == "none_found":
            return _("no plan found in the time limit") if n is None else \
                ngettext("no plan with at most {n} new rep found in the time limit",
                         "no plan with at most {n} new reps found in the time limit", n).format(n=n)
        head = (_("best found in the time limit, at most {n} more than needed") if self.status == "feasible" else
                _("stopped: best found so far, at most {n} more than needed"))
        return head.format(n=self.more_than_needed)


def verify(planned: Scenario, year: int, week: int, busy: Mapping, pins: Mapping, holidays: bool) -> tuple[RepCheck, ...]:
    """Every rep's week under the plan, built by the scheduler as `schedule` and `check` build it."""
    out = []
    for rep in planned.reps:
        w = rep_week(planned, rep.name, year, week, busy=busy.get(rep.name, ()), pins=pins.get(rep.name),
                     holidays=holidays)
        out.append(RepCheck(rep.name, sum(1 for a in planned.assignments if a.rep == rep.name), w.placed_hours,
                            w.unplaced_blocks, w.outside_hours, tuple(sorted({f.rule for f in w.flags}))))
    return tuple(out)


def hiring_to_dict(plan: HiringPlan) -> dict:
    """The plan as ``hire --json`` prints it."""
    team = [r.name for r in plan.scenario.reps if r.name not in {h.name for h in plan.hires}]
    return {
        "week": plan.week, "min_value": plan.min_value, "status": plan.status, "proof": plan.proof(),
        "hires_needed": len(plan.hires) if plan.status in ("optimal", "feasible", "cancelled") else None,
        "fewest_possible": plan.fewest, "at_most_more_than_needed": plan.more_than_needed,
        "hires": [{"name": h.name, "timezone": h.timezone, "country": h.country, "hours": h.hours,
                   "markets": list(h.markets), "value": h.value, "load_hours": h.load_hours,
                   "capacity_hours": h.capacity_hours} for h in plan.hires],
        "needed": list(plan.needed),
        "out_of_reach": [{"market": o.market, "value": o.value, "reason": o.reason} for o in plan.out_of_reach],
        "value": plan.value, "total_value": plan.total_value,
        "assignments": [{"rep": a.rep, "market": a.market, "new_rep": a.rep not in team}
                        for a in plan.scenario.assignments],
        "weeks": None if plan.weeks is None else [
            {"rep": w.rep, "markets": w.markets, "placed_hours": w.placed_hours, "unplaced_blocks": w.unplaced_blocks,
             "outside_hours": w.outside_hours, "flags": list(w.flags)} for w in plan.weeks],
        "max_hires": plan.max_hires, "candidates": plan.candidates, "weeks_checked": plan.weeks_checked, "seconds": round(plan.seconds, 3),
    }
