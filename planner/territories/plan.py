"""What the optimiser returns: a plan, its figures, and every choice in words."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Assignment, Scenario


@dataclass(frozen=True)
class PlannedAssignment:
    rep: str
    market: str
    overlap_hours: float
    live_hours: float
    load_hours: float
    value: float
    locked: bool
    reason: str
    fit: float = 0.0          # share of the market's business hours the rep reaches


@dataclass(frozen=True)
class LeftOut:
    market: str
    value: float
    # no_overlap | no_capacity | back_to_back | too_big | capacity | balance | focus_count | focus_spread |
    # shared_hours | schedule | not_reached | no_value | room (a plan as assigned: a rep could take it)
    code: str
    reason: str


@dataclass(frozen=True)
class RepLoad:
    rep: str
    load_hours: float
    capacity_hours: float
    markets: int

    @property
    def utilisation(self) -> float:
        return self.load_hours / self.capacity_hours if self.capacity_hours > 0 else 0.0


@dataclass(frozen=True)
class HireOption:
    timezone: str
    hours: str
    markets: tuple[str, ...]
    value: float


@dataclass(frozen=True)
class LockedProblem:
    """Markets locked to a rep whose week cannot hold them: kept, and said."""

    rep: str
    markets: tuple[str, ...]
    blocks: int
    hours: float
    reason: str


@dataclass(frozen=True)
class Plan:
    week: str
    status: str          # optimal (every objective proven) | feasible | cancelled
    gap: float           # relative gap on covered value, the first objective (0: proven)
    fit_gap: float | None  # relative gap on the total fit, the last objective (None: not reached)
    band: float          # the balance band: the team's average utilisation plus the margin
    excess: float        # how far the busiest rep is above the band (0: everyone within it)
    value: float         # value covered
    total_value: float   # value of all markets
    assignments: tuple[PlannedAssignment, ...]
    unassigned: tuple[LeftOut, ...]
    reps: tuple[RepLoad, ...]
    hire: tuple[HireOption, ...]
    seconds: float
    locked_problems: tuple[LockedProblem, ...] = ()

    @property
    def max_utilisation(self) -> float:
        return max((r.utilisation for r in self.reps), default=0.0)

    @property
    def mean_fit(self) -> float:
        return sum(a.fit for a in self.assignments) / len(self.assignments) if self.assignments else 0.0


def apply_plan(scenario: Scenario, plan: Plan) -> Scenario:
    """The scenario with the plan's assignments (locked ones kept as they were)."""
    return scenario.replace(assignments=[Assignment(a.rep, a.market, a.locked) for a in plan.assignments])


def plan_to_dict(plan: Plan) -> dict:
    """The plan as the CLI prints it with ``--json``."""
    return {
        "week": plan.week, "status": plan.status, "gap": plan.gap, "fit_gap": plan.fit_gap,
        "band": plan.band, "excess": plan.excess,
        "value": plan.value, "total_value": plan.total_value, "max_utilisation": plan.max_utilisation,
        "mean_fit": plan.mean_fit, "seconds": round(plan.seconds, 3),
        "assignments": [{"rep": a.rep, "market": a.market, "overlap_hours": a.overlap_hours,
                         "live_hours": a.live_hours, "load_hours": a.load_hours, "value": a.value,
                         "fit": a.fit, "locked": a.locked, "reason": a.reason} for a in plan.assignments],
        "unassigned": [{"market": u.market, "value": u.value, "code": u.code, "reason": u.reason}
                       for u in plan.unassigned],
        "reps": [{"rep": r.rep, "load_hours": r.load_hours, "capacity_hours": r.capacity_hours,
                  "utilisation": r.utilisation, "markets": r.markets} for r in plan.reps],
        "hire": [{"timezone": h.timezone, "hours": h.hours, "markets": list(h.markets), "value": h.value}
                 for h in plan.hire],
        "locked_problems": [{"rep": x.rep, "markets": list(x.markets), "blocks": x.blocks, "hours": x.hours,
                             "reason": x.reason} for x in plan.locked_problems],
    }
