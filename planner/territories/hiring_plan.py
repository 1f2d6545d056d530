"""A hiring plan: the fewest new reps that cover every market worth at least X in humane hours.

Candidates are reps on the team's usual hours (its most common working hours,
maximum weekly hours and rules) in each market's zone and each rep's zone; zones
whose weeks are the same (the same working time and the same hours shared with
every market) count once. The plan is the assignment's own (:mod:`.hire_model`):
the team and the hires together, under every rule the optimiser keeps, and every
rep's week is one the scheduler keeps. A first plan comes from a greedy cover
(each new rep of the kind that takes the most of what is left); the model then
proves it minimal or finds a smaller one. "Proven minimal" means no plan with
fewer hires from these candidates has weeks the scheduler keeps.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from ..errors import PlannerError, ValidationError
from ..hours import WorkingHours, format_hours, parse_hours
from ..i18n import _
from ..model import Assignment, Rep, Scenario
from ..timezones import format_week
from ..working_time import working_spans
from .fit import fit_table
from .hire_model import NOT_A_PLAN, HireCheck, HireModel, canonical
from .hiring_result import Hire, HiringPlan, OutOfReach, verify
from .model import Progress
from .optimiser import _check_inputs
from .rules import Problem, problem

DEFAULT_HOURS = "Mon-Fri 09:00-17:00"


def usual(scenario: Scenario) -> tuple[WorkingHours, float, str]:
    """The team's usual working hours, maximum weekly hours and rules: the most common of each
    (the first rep's on a tie; Mon-Fri 09:00-17:00, 40 h and eu-wtd for a team of none)."""
    if not scenario.reps:
        return parse_hours(DEFAULT_HOURS), 40.0, "eu-wtd"

    def most(values):
        counts = Counter(values)
        return max(counts, key=lambda v: (counts[v], -values.index(v)))

    return (most([r.hours for r in scenario.reps]), most([float(r.max_weekly_hours) for r in scenario.reps]),
            most([r.rules for r in scenario.reps]))


def candidates(scenario: Scenario, year: int, week: int, holidays: bool) -> list[Rep]:
    """One candidate per zone of the markets (most valuable first) and of the team, on the team's
    usual hours; of zones whose weeks are the same, the first."""
    hours, max_hours, rules = usual(scenario)
    places = [(m.timezone, m.country, m.subdivision) for m in sorted(scenario.markets, key=lambda m: (-m.value, m.name))]
    places += [(r.timezone, r.country, r.subdivision) for r in scenario.reps]
    reps = [Rep(f"Hire in {zone}", zone, country, hours, max_hours, rules, subdivision)
            for zone, country, subdivision in dict.fromkeys(places)]
    reps = list({r.name: r for r in reversed(reps)}.values())[::-1]  # one per zone (its first country)
    probe = scenario.replace(reps=tuple(reps), assignments=())
    table = fit_table(probe, year, week, holidays=holidays)
    kept: dict[tuple, Rep] = {}
    for rep in reps:
        spans = tuple(working_spans(rep, scenario.settings, year, week, holidays=holidays))
        shared = tuple(table.shared[(rep.name, m.name)] for m in scenario.markets)
        kept.setdefault((spans, shared, table.capacity[rep.name]), rep)
    return list(kept.values())


class _Cover:
    """A greedy cover: the team first, then new reps of the kind that takes the most of what is left.

    ``slots`` maps a place in the plan (a team rep or a hire) to the rep whose columns it uses."""

    def __init__(self, p: Problem, team: list[str], new_slot: Callable[[str], str | None], deadline: float):
        self.p, self.team, self.new_slot, self.deadline = p, team, new_slot, deadline
        self.mine: dict[str, list[int]] = {}
        self.rep_of: dict[str, str] = {r: r for r in team}

    def col(self, slot: str, market: str) -> int | None:
        return self.p.column.get((self.rep_of[slot], market))

    def try_add(self, slot: str, market: str) -> bool:
        k = self.col(slot, market)
        if k is None:
            return False
        cols = self.mine.setdefault(slot, []) + [k]
        if self.p.fits_rep(self.rep_of[slot], cols):
            self.mine[slot] = cols
            return True
        return False

    def place(self, markets: Sequence[str], slots: Sequence[str]) -> list[str]:
        """Each market to the first slot (best fit first) that keeps it; the markets no slot keeps."""
        left = []
        for market in markets:
            ordered = sorted(slots, key=lambda s: -self.p.fits[k] if (k := self.col(s, market)) is not None else 1)
            if time.perf_counter() >= self.deadline or not any(self.try_add(s, market) for s in ordered):
                left.append(market)
        return left

    def hire_for(self, left: list[str], kinds: dict[str, str]) -> list[str]:
        """New reps while markets are left, each of the kind that would take the most of them
        (``kinds``: each kind and the rep whose columns try it)."""
        while left and time.perf_counter() < self.deadline:
            best = None
            for kind, rep in kinds.items():
                trial = _Cover(self.p, [], self.new_slot, self.deadline)
                trial.rep_of = {"trial": rep}
                rest = trial.place(left, ["trial"])
                taken = [m for m in left if m not in rest]
                worth = sum(self.p.scenario.market(m).value for m in taken)
                if taken and (best is None or (len(taken), worth) > best[0]):
                    best = ((len(taken), worth), kind)
            slot = self.new_slot(best[1]) if best else None
            if slot is None:
                break
            self.rep_of[slot] = slot if slot in self.p.by_rep else kinds[best[1]]
            left = self.place(left, [slot])
        return left

    def chosen(self) -> list[int]:
        return sorted(k for cols in self.mine.values() for k in cols)


def check_values(min_value: float, max_hires: int | None, time_limit: float) -> None:
    if not (math.isfinite(min_value) and min_value >= 0):
        raise ValidationError("--min-value", min_value, _("give a market value of 0 or more"))
    if max_hires is not None and max_hires < 0:
        raise ValidationError("--max-hires", max_hires, _("give a whole number of new reps, 0 or more"))
    if not (math.isfinite(time_limit) and time_limit > 0):
        raise ValidationError("--time-limit", time_limit, _("give a finite number of seconds above 0"))


def plan_hires(scenario: Scenario, year: int, week: int, min_value: float, *, max_hires: int | None = None,
               time_limit: float = 30.0, progress: Callable[[Progress], None] | None = None,
               should_stop: Callable[[], bool] | None = None, holidays: bool = True,
               busy: Mapping[str, Sequence] | None = None, pins: Mapping[str, Mapping] | None = None) -> HiringPlan:
    """The fewest new reps (at most ``max_hires``) with whom the team covers every market worth at
    least ``min_value`` in ISO week ``year-Wweek``, each week one the scheduler keeps; ``busy`` and
    ``pins`` are the team's, as for :func:`.optimise`. Within ``time_limit`` seconds: the plan says
    whether it is proven minimal, or how many hires more than needed it may have."""
    check_values(min_value, max_hires, time_limit)
    if not scenario.markets:
        raise PlannerError(_("There are no markets to cover: add a market first"))
    started = time.perf_counter()
    deadline = started + time_limit
    stop = should_stop or (lambda: False)
    if scenario.reps:
        _check_inputs(scenario, fit_table(scenario, year, week, holidays=holidays))
    kinds_reps = candidates(scenario, year, week, holidays)
    team = [r.name for r in scenario.reps]
    check = HireCheck(scenario.replace(reps=tuple(scenario.reps) + tuple(kinds_reps)), year, week, holidays,
                      dict(busy or {}), dict(pins or {}))
    first = _problem(check, check.scenario)
    needed = [m.name for m in sorted(scenario.markets, key=lambda m: (-m.value, m.name)) if m.value >= min_value]
    out = [m for m in needed if not first.by_market[m]]
    needed = [m for m in needed if first.by_market[m]]
    kinds = [r.name for r in kinds_reps if any(first.by_market[m] and (r.name, m) in first.column for m in needed)]

    def report(best: int | None, gap: float) -> None:
        if progress:
            progress(Progress("hires", None if best is None else float(best), gap, time.perf_counter() - started))

    # A first plan, greedy: the team's markets, then a new rep of the best kind at a time.
    numbers = Counter()

    def new_kind_slot(kind: str) -> str | None:
        if max_hires is not None and sum(numbers.values()) >= max_hires:
            return None
        numbers[kind] += 1
        return f"{kind} #{numbers[kind]}"

    greedy = _Cover(first, team, new_kind_slot, started + 0.25 * time_limit)
    for k in [k for r in team for k in first.locked_of(r)]:
        greedy.mine.setdefault(first.pairs[k][0], []).append(k)
    locked = {first.pairs[k][1] for r in team for k in first.locked_of(r)}
    left = greedy.place([m for m in needed if m not in locked], team)
    alone = [m for m in left if not any(first.fits_rep(first.pairs[k][0], [k]) for k in first.by_market[m])]
    out += alone  # no week keeps even this market alone
    needed = [m for m in needed if m not in alone]
    left = greedy.hire_for([m for m in left if m not in alone], {k: k for k in kinds})
    counts = dict(numbers)
    report(sum(counts.values()) if not left else None, 1.0)
    # The model: as many copies of a kind as a smaller plan could use, and no more than it can fill.
    limit = len(needed) if max_hires is None else max_hires
    if not left:
        limit = min(limit, sum(counts.values()))
    copies = {}
    for kind in kinds:
        takes = sum(1 for m in needed if (kind, m) in first.column)
        copies[kind] = [f"{kind} #{i}" for i in range(1, max(counts.get(kind, 0), min(takes, limit)) + 1)]
    copies = {kind: names for kind, names in copies.items() if names}
    base = {r.name: r for r in kinds_reps}
    check.alias = {copy: kind for kind, names in copies.items() for copy in names}
    full = scenario.replace(reps=tuple(scenario.reps) + tuple(
        replace(base[kind], name=copy) for copy, kind in check.alias.items()))
    p = _problem(check, full)
    start = canonical(p, copies, [p.column[(slot, first.pairs[k][1])] for slot, cols in greedy.mine.items()
                                  for k in cols])
    status, chosen, fewest = "feasible", start, 0
    if not left and not counts:
        status = "optimal"  # the team covers it all: no hire is the fewest
    elif not stop() and time.perf_counter() < deadline:
        model = HireModel(p, copies, needed, max_hires, progress, should_stop, started)
        until = started + 0.75 * time_limit
        model.relax(until)
        status, chosen = model.solve(until, start, repair=lambda cols: _repair(p, copies, team, needed, cols, until))
        fewest = model.fewest()
        if model.cost(chosen) >= NOT_A_PLAN:
            status = "infeasible" if str(model.h.getModelStatus()).endswith("kInfeasible") else "none_found"
            chosen = []
        elif status == "optimal":
            fewest = len(model.hires_of(chosen))
    if status == "feasible" and stop():
        status = "cancelled"
    if chosen:
        chosen = _nearest_kinds(p, copies, chosen)
        chosen = _fill(p, chosen, team, [m.name for m in sorted(scenario.markets, key=lambda m: (-m.value, m.name))],
                       started + 0.85 * time_limit)
        report(len({p.pairs[k][0] for k in chosen} - set(team)), 0.0 if status == "optimal" else 1.0)
    return _result(scenario, full, p, chosen, status, fewest, min_value, needed, out, year, week, len(kinds),
                   check, busy, pins, holidays, started, max_hires)


def _problem(check: HireCheck, scenario: Scenario) -> Problem:
    return problem(scenario, fit_table(scenario, check.year, check.week, holidays=check.holidays), check)


def _repair(p: Problem, copies: dict[str, list[str]], team: list[str], needed: list[str], chosen, deadline):
    """A plan that keeps every rule from a solver's plan that breaks one: from each rep whose week
    refuses its set, the least valuable market of the refused set leaves; markets that must be
    covered and are left go to the team and the hires in it, then to new hires."""
    cover = _Cover(p, team, lambda kind: None, deadline)
    for k in chosen:
        cover.mine.setdefault(p.pairs[k][0], []).append(k)
    for rep, cols in list(cover.mine.items()):
        cover.rep_of[rep] = rep
        while broken := p.unkept(rep, cols):
            drop = min((k for k in broken[0] if p.pairs[k] not in p.locked), key=lambda k: (p.values[k], k), default=None)
            if drop is None:
                break
            cols.remove(drop)
    covered = {p.pairs[k][1] for k in cover.chosen()}
    left = cover.place([m for m in needed if m not in covered], list(cover.rep_of))

    def new_copy(kind: str) -> str | None:
        free = [c for c in copies.get(kind, ()) if c not in cover.mine]
        return free[0] if free else None

    cover.new_slot = new_copy
    cover.hire_for(left, {kind: names[0] for kind, names in copies.items()})
    return canonical(p, copies, cover.chosen())


def _nearest_kinds(p: Problem, copies: dict[str, list[str]], chosen) -> list[int]:
    """Each hire moved to the zone whose week best fits the markets they take (the most hours
    shared with them), when that zone's week keeps the same markets: the count of hires is
    settled, so where they sit is the director's next question."""
    kind_of = {copy: kind for kind, names in copies.items() for copy in names}
    mine: dict[str, list[str]] = {}
    plan = []
    for k in chosen:
        rep, market = p.pairs[k]
        (mine.setdefault(rep, []).append(market) if rep in kind_of else plan.append(k))
    free = {kind: [c for c in names if c not in mine] for kind, names in copies.items()}
    def fit(kind: str, markets: list[str]) -> float:
        cols = [p.column.get((copies[kind][0], m)) for m in markets]
        return sum(p.fits[k] for k in cols) if None not in cols else -1.0

    for copy, markets in mine.items():
        home = copy
        for kind in sorted(copies, key=lambda kind: (-fit(kind, markets), kind)):
            if fit(kind, markets) <= fit(kind_of[copy], markets) + 1e-9:
                break
            if free[kind] and p.fits_rep(free[kind][0], [p.column[(free[kind][0], m)] for m in markets]):
                home = free[kind].pop(0)
                free[kind_of[copy]].append(copy)
                break
        plan += [p.column[(home, m)] for m in markets]
    return canonical(p, copies, plan)


def _fill(p: Problem, chosen, team: list[str], markets: list[str], deadline: float) -> list[int]:
    """Markets below the line, most valuable first, where the team or a hire in the plan keeps them."""
    cover = _Cover(p, team, lambda kind: None, deadline)
    for k in chosen:
        cover.mine.setdefault(p.pairs[k][0], []).append(k)
        cover.rep_of[p.pairs[k][0]] = p.pairs[k][0]
    covered = {p.pairs[k][1] for k in chosen}
    cover.place([m for m in markets if m not in covered and p.scenario.market(m).value > 0], list(cover.rep_of))
    return cover.chosen()


def _result(scenario, full, p, chosen, status, fewest, min_value, needed, out, year, week, kinds, check, busy, pins,
            holidays, started, max_hires) -> HiringPlan:
    team = {r.name for r in scenario.reps}
    by_copy: dict[str, list[str]] = {}
    for k in chosen:
        rep, market = p.pairs[k]
        if rep not in team:
            by_copy.setdefault(rep, []).append(market)
    value = {m.name: m.value for m in scenario.markets}
    order = sorted(by_copy, key=lambda c: (-sum(value[m] for m in by_copy[c]), c))
    hires, names = [], {}
    for i, copy in enumerate(order, 1):
        rep = full.rep(copy)
        names[copy] = f"New rep {i}"
        markets = tuple(sorted(by_copy[copy], key=lambda m: (-value[m], m)))
        hires.append(Hire(names[copy], rep.timezone, rep.country, format_hours(rep.hours), markets,
                          sum(value[m] for m in markets), sum(p.loads[p.column[(copy, m)]] for m in markets),
                          p.table.capacity[copy]))
    plan_reps = tuple(scenario.reps) + tuple(replace(full.rep(c), name=names[c]) for c in order)
    locked = {(a.rep, a.market) for a in scenario.assignments if a.locked}
    assignments = tuple(Assignment(names.get(r, r), m, (r, m) in locked) for r, m in (p.pairs[k] for k in chosen))
    planned = scenario.replace(reps=plan_reps, assignments=assignments)
    covered = {a.market for a in assignments}
    why = _("no rep on the team and no candidate hire can hold its live work in the hours they share with it")
    reach = tuple(OutOfReach(m, value[m], why) for m in out)
    return HiringPlan(format_week(year, week), min_value, status, tuple(hires), fewest, tuple(needed), reach,
                      planned, sum(value[m] for m in covered), sum(value.values()), kinds, check.calls,
                      verify(planned, year, week, busy or {}, pins or {}, holidays) if chosen else None,
                      time.perf_counter() - started, max_hires)
