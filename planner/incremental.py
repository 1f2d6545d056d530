"""Figures kept up to date after a change: only what a change reaches is worked out again.

A rep's week (:func:`planner.team.rep_week`) depends on the rep, the markets they cover with their
weekly work, the activity types, the settings and thresholds, the rep's busy times and pinned blocks,
the week, stretch and holidays; nothing else. :func:`week_inputs` gathers exactly that for each rep
and :class:`KnownWeeks` remembers each account with the inputs it came from. After a market is
reassigned only its old and its new rep are scheduled again, and Undo finds the earlier accounts.

A rep's column of the fit table (:func:`planner.territories.fit_table`) depends on the rep, every
market, the activity types, the settings, the week and holidays: :func:`fit_in_parts` works out the
columns a known table lacks, a group of reps at a time, and merges them.

Inputs are compared (``==``), never hashed: an object both scenarios share compares at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Mapping, NamedTuple, Sequence

from .model import Market, Rep, Scenario
from .team import RepWeek, by_risk, rep_week
from .territories import FitTable, fit_table

Busy = Sequence[tuple[dt.datetime, dt.datetime]]


class WeekInputs(NamedTuple):
    """Everything one rep's week is worked out from (a tuple: made and compared fast)."""

    rep: Rep
    markets: tuple[Market, ...]     # the markets the rep covers, in the order the scheduler places them
    busy: tuple
    pins: Mapping
    team: tuple                     # what every rep shares: activities, settings, thresholds
    year: int
    week: int
    stretch: bool
    holidays: bool


def week_inputs(scenario: Scenario, year: int, week: int, *, stretch: bool = False, holidays: bool = True,
                busy: Mapping[str, Busy] | None = None, pins: Mapping[str, Mapping] | None = None
                ) -> dict[str, WeekInputs]:
    """Each rep's :class:`WeekInputs`, in the scenario's order of reps."""
    busy, pins = busy or {}, pins or {}
    covered: dict[str, list[Market]] = {r.name: [] for r in scenario.reps}
    for a in scenario.assignments:
        covered[a.rep].append(scenario.market(a.market))
    team = (scenario.activities, scenario.settings, scenario.thresholds)
    return {r.name: WeekInputs(r, tuple(sorted(covered[r.name], key=lambda m: (-m.value, m.name))),
                               tuple(busy.get(r.name, ())), pins.get(r.name) or {}, team, year, week, stretch,
                               holidays)
            for r in scenario.reps}


def work_out(scenario: Scenario, inputs: WeekInputs) -> RepWeek:
    """The rep's week from its inputs: :func:`planner.team.rep_week`, as ``team_week`` calls it."""
    return rep_week(scenario, inputs.rep.name, inputs.year, inputs.week, stretch=inputs.stretch,
                    holidays=inputs.holidays, busy=inputs.busy, pins=inputs.pins)


class KnownWeeks:
    """Accounts of reps' weeks, each remembered with the inputs it was worked out from (the last
    ``keep`` per rep, so that Undo finds them). Adding replaces a rep's list, never changes it, so a
    :meth:`copy` can be read by another thread while this one is added to."""

    def __init__(self, keep: int = 2):
        self.keep = keep
        self._known: dict[str, tuple[tuple[WeekInputs, RepWeek], ...]] = {}

    def copy(self) -> "KnownWeeks":
        other = KnownWeeks(self.keep)
        other._known = dict(self._known)
        return other

    def get(self, name: str, inputs: WeekInputs) -> RepWeek | None:
        for known, account in self._known.get(name, ()):
            if known == inputs:
                return account
        return None

    def add(self, name: str, inputs: WeekInputs, account: RepWeek) -> None:
        others = tuple(k for k in self._known.get(name, ()) if k[0] != inputs)
        self._known[name] = ((inputs, account),) + others[: self.keep - 1]

    def split(self, inputs: Mapping[str, WeekInputs]) -> tuple[dict[str, RepWeek], list[str]]:
        """The accounts known for these inputs by rep, and the reps (in the order of ``inputs``) whose
        account is still to be worked out."""
        found, todo = {}, []
        for name, i in inputs.items():
            account = self.get(name, i)
            if account is None:
                todo.append(name)
            else:
                found[name] = account
        return found, todo

    def missing(self, inputs: Mapping[str, WeekInputs]) -> list[str]:
        return self.split(inputs)[1]

    def accounts(self, inputs: Mapping[str, WeekInputs]) -> dict[str, RepWeek]:
        return self.split(inputs)[0]


def update_team_week(known: KnownWeeks, scenario: Scenario, year: int, week: int, *, stretch: bool = False,
                     holidays: bool = True, busy: Mapping[str, Busy] | None = None,
                     pins: Mapping[str, Mapping] | None = None) -> tuple[list[RepWeek], list[str]]:
    """:func:`planner.team.team_week`'s accounts, most at risk first, scheduling only the reps whose
    inputs ``known`` has no account for (they are added to it); and the names of those reps."""
    inputs = week_inputs(scenario, year, week, stretch=stretch, holidays=holidays, busy=busy, pins=pins)
    todo = known.missing(inputs)
    for name in todo:
        known.add(name, inputs[name], work_out(scenario, inputs[name]))
    return by_risk(known.accounts(inputs).values()), todo


# --- the fit table ---

def fit_inputs(scenario: Scenario, year: int, week: int, holidays: bool = True) -> tuple:
    """What every rep's column of the fit table shares: the markets, activity types, settings and week."""
    return (scenario.markets, scenario.activities, scenario.settings, year, week, holidays)


@dataclass(frozen=True)
class KnownFit:
    """A fit table with what it was worked out from: the shared inputs and each rep."""

    inputs: tuple
    reps: Mapping[str, Rep]
    table: FitTable

    def stale(self, scenario: Scenario, inputs: tuple) -> list[str]:
        """The reps whose column must be worked out again for ``scenario`` (all when ``inputs`` differ)."""
        if inputs != self.inputs:
            return [r.name for r in scenario.reps]
        return [r.name for r in scenario.reps if self.reps.get(r.name) != r]

    def holds(self, scenario: Scenario, inputs: tuple) -> bool:
        """Whether the table is the one :func:`fit_table` gives for ``scenario`` (same reps, no more)."""
        return len(self.reps) == len(scenario.reps) and not self.stale(scenario, inputs)


def fit_in_parts(scenario: Scenario, year: int, week: int, *, known: KnownFit | None = None, holidays: bool = True,
                 part: int = 50, should_stop: Callable[[], bool] | None = None,
                 progress: Callable[[int, int], None] | None = None) -> KnownFit | None:
    """The fit table of ``scenario`` (equal to :func:`fit_table`'s), reusing the columns ``known`` holds
    for unchanged reps and working out the others ``part`` reps at a time. ``progress(done, total)``
    follows each part; None when ``should_stop()`` said so between parts."""
    inputs = fit_inputs(scenario, year, week, holidays)
    todo = known.stale(scenario, inputs) if known else [r.name for r in scenario.reps]
    reps = {r.name: r for r in scenario.reps}
    reuse = known.table if known and known.inputs == inputs else None
    fits = dict(reuse.fits) if reuse else {}
    shared = dict(reuse.shared) if reuse else {}
    if reuse:
        markets = [m.name for m in scenario.markets]
        for name in set(known.reps) - (reps.keys() - set(todo)):  # gone, or changed: their column goes
            for market in markets:
                fits.pop((name, market), None)
                shared.pop((name, market), None)
    parts: list[FitTable] = []
    done = 0
    for start in range(0, len(todo), part):
        if should_stop and should_stop():
            return None
        group = [reps[name] for name in todo[start:start + part]]
        table = fit_table(scenario.replace(reps=group, assignments=()), year, week, holidays=holidays)
        fits.update(table.fits)
        shared.update(table.shared)
        parts.append(table)
        done += len(group)
        if progress:
            progress(done, len(todo))
    capacity, available = {}, {}
    for name in reps:
        source = next((p for p in parts if name in p.capacity), reuse)
        capacity[name], available[name] = source.capacity[name], source.available[name]
    offsets = parts[0].offsets if parts else (reuse.offsets if reuse else {})
    if not scenario.reps:  # no rep to work out, but the markets' offsets still belong to the table
        offsets = fit_table(scenario, year, week, holidays=holidays).offsets
    return KnownFit(inputs, reps, FitTable(year, week, fits, capacity, available, offsets, shared))
