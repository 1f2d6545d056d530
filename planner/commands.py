"""Every change to a scenario, as a command: one path for the app, the CLI and tests.

A command is plain data. ``command.apply(scenario)`` returns a :class:`Change`:
the new scenario, validated like any scenario (a bad value raises
:class:`~planner.errors.ValidationError` and nothing changes), what kinds of
data it touched, and any rep renamed (so the store can carry their busy times
and pinned blocks along). :func:`apply` also saves it, in one transaction.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Mapping

from .errors import ValidationError
from .history import recording
from .i18n import N_, _, ngettext
from .model import ActivityType, Assignment, Market, Rep, Scenario
from .typed_values import number, typed


@dataclass(frozen=True)
class Change:
    scenario: Scenario
    touched: frozenset[str]                      # reps, markets, assignments, ...
    renamed_reps: Mapping[str, str] = field(default_factory=dict)
    renamed_markets: Mapping[str, str] = field(default_factory=dict)


# A field as a history line names it: its name with spaces ("max weekly hours"), in the reader's language.
FIELD_WORDS = {"timezone": N_("timezone"), "country": N_("country"), "subdivision": N_("subdivision"),
               "hours": N_("hours"), "max_weekly_hours": N_("max weekly hours"), "rules": N_("rules"),
               "name": N_("name"), "tier": N_("tier"), "value": N_("value"), "weekly": N_("weekly"),
               "minutes": N_("minutes"), "kind": N_("kind")}


def _field(name: str) -> str:
    return _(FIELD_WORDS[name]) if name in FIELD_WORDS else name.replace("_", " ")


def _unique_name(existing: set[str], base: str) -> str:
    name, n = _("{name} (copy)").format(name=base), 2
    while name in existing:
        name, n = _("{name} (copy {n})").format(name=base, n=n), n + 1
    return name


@dataclass(frozen=True)
class EditRep:
    """Set one field of a rep; text is read as :func:`typed` reads it (``hours`` in the notation)."""

    rep: str
    field: str
    value: object

    @property
    def text(self) -> str:
        return _("Change {rep}'s {field}").format(rep=self.rep, field=_field(self.field))

    def apply(self, scenario: Scenario) -> Change:
        old = scenario.rep(self.rep)
        value = typed(self.field, self.value, f"rep {old.name!r}")
        try:
            new = dataclasses.replace(old, **{self.field: value})
        except TypeError:
            raise ValidationError(self.field, self.value, _("not a field of a rep")) from None
        reps = tuple(new if r.name == old.name else r for r in scenario.reps)
        renamed = {old.name: new.name} if new.name != old.name else {}
        assignments = [dataclasses.replace(a, rep=new.name) if a.rep == old.name else a for a in scenario.assignments]
        touched = {"reps"} | ({"assignments"} if renamed else set())
        return Change(scenario.replace(reps=reps, assignments=assignments), frozenset(touched), renamed)


@dataclass(frozen=True)
class EditMarket:
    """Set one field of a market; ``weekly`` takes a mapping, text is read as :func:`typed` reads it."""

    market: str
    field: str
    value: object

    @property
    def text(self) -> str:
        return _("Change {market}'s {field}").format(market=self.market, field=_field(self.field))

    def apply(self, scenario: Scenario) -> Change:
        old = scenario.market(self.market)
        value = typed(self.field, self.value, f"market {old.name!r}")
        try:
            new = dataclasses.replace(old, **{self.field: value})
        except TypeError:
            raise ValidationError(self.field, self.value, _("not a field of a market")) from None
        markets = tuple(new if m.name == old.name else m for m in scenario.markets)
        assignments = [dataclasses.replace(a, market=new.name) if a.market == old.name else a
                       for a in scenario.assignments]
        renamed = {old.name: new.name} if new.name != old.name else {}
        return Change(scenario.replace(markets=markets, assignments=assignments), frozenset({"markets", "assignments"}),
                      renamed_markets=renamed)


@dataclass(frozen=True)
class SetWorkload:
    market: str
    activity: str
    count: int

    @property
    def text(self) -> str:
        return _("Change {market}'s weekly {activity}").format(market=self.market, activity=self.activity)

    def apply(self, scenario: Scenario) -> Change:
        scenario.activity(self.activity)
        market = scenario.market(self.market)
        weekly = dict(market.weekly)
        weekly[self.activity] = number(f"market {market.name!r}.weekly[{self.activity!r}]", self.count)
        return EditMarket(self.market, "weekly", weekly).apply(scenario)


@dataclass(frozen=True)
class AddRep:
    rep: Rep

    @property
    def text(self) -> str:
        return _("Add rep {name}").format(name=self.rep.name)

    def apply(self, scenario: Scenario) -> Change:
        return Change(scenario.replace(reps=scenario.reps + (self.rep,)), frozenset({"reps"}))


@dataclass(frozen=True)
class RemoveRep:
    rep: str

    @property
    def text(self) -> str:
        return _("Remove rep {name}").format(name=self.rep)

    def apply(self, scenario: Scenario) -> Change:
        scenario.rep(self.rep)
        return Change(scenario.replace(reps=[r for r in scenario.reps if r.name != self.rep],
                                       assignments=[a for a in scenario.assignments if a.rep != self.rep]),
                      frozenset({"reps", "assignments"}))


@dataclass(frozen=True)
class DuplicateRep:
    rep: str

    @property
    def text(self) -> str:
        return _("Duplicate rep {name}").format(name=self.rep)

    def apply(self, scenario: Scenario) -> Change:
        old = scenario.rep(self.rep)
        copy = dataclasses.replace(old, name=_unique_name({r.name for r in scenario.reps}, old.name))
        return AddRep(copy).apply(scenario)


@dataclass(frozen=True)
class AddMarket:
    market: Market

    @property
    def text(self) -> str:
        return _("Add market {name}").format(name=self.market.name)

    def apply(self, scenario: Scenario) -> Change:
        return Change(scenario.replace(markets=scenario.markets + (self.market,)), frozenset({"markets"}))


@dataclass(frozen=True)
class RemoveMarket:
    market: str

    @property
    def text(self) -> str:
        return _("Remove market {name}").format(name=self.market)

    def apply(self, scenario: Scenario) -> Change:
        scenario.market(self.market)
        return Change(scenario.replace(markets=[m for m in scenario.markets if m.name != self.market],
                                       assignments=[a for a in scenario.assignments if a.market != self.market]),
                      frozenset({"markets", "assignments"}))


@dataclass(frozen=True)
class DuplicateMarket:
    market: str

    @property
    def text(self) -> str:
        return _("Duplicate market {name}").format(name=self.market)

    def apply(self, scenario: Scenario) -> Change:
        old = scenario.market(self.market)
        copy = dataclasses.replace(old, name=_unique_name({m.name for m in scenario.markets}, old.name))
        return AddMarket(copy).apply(scenario)


@dataclass(frozen=True)
class Assign:
    """Give ``market`` to ``rep`` (None: to nobody). Keeps the lock state unless ``locked`` is given."""

    market: str
    rep: str | None
    locked: bool | None = None

    @property
    def text(self) -> str:
        return (_("Assign {market} to {rep}") if self.rep else _("Unassign {market}")).format(market=self.market,
                                                                                              rep=self.rep)

    def apply(self, scenario: Scenario) -> Change:
        scenario.market(self.market)
        if self.rep is not None:
            scenario.rep(self.rep)
        old = next((a for a in scenario.assignments if a.market == self.market), None)
        if self.rep is None:
            assignments = [a for a in scenario.assignments if a.market != self.market]
        else:  # in place: giving a market to the rep it has already writes nothing
            locked = self.locked if self.locked is not None else bool(old and old.locked)
            new = Assignment(self.rep, self.market, locked)
            assignments = ([new if a is old else a for a in scenario.assignments] if old
                           else [*scenario.assignments, new])
        return Change(scenario.replace(assignments=assignments), frozenset({"assignments"}))


@dataclass(frozen=True)
class SetLocked:
    market: str
    locked: bool

    @property
    def text(self) -> str:
        return (_("Lock {market}") if self.locked else _("Unlock {market}")).format(market=self.market)

    def apply(self, scenario: Scenario) -> Change:
        scenario.market(self.market)  # an unknown name is refused as such, not as "not assigned"
        if scenario.rep_of(self.market) is None:
            raise ValidationError("locked", self.market, _("only an assigned market can be locked or unlocked"))
        assignments = [dataclasses.replace(a, locked=self.locked) if a.market == self.market else a
                       for a in scenario.assignments]
        return Change(scenario.replace(assignments=assignments), frozenset({"assignments"}))


@dataclass(frozen=True)
class AddActivity:
    activity: ActivityType

    @property
    def text(self) -> str:
        return _("Add activity {name}").format(name=self.activity.name)

    def apply(self, scenario: Scenario) -> Change:
        return Change(scenario.replace(activities=scenario.activities + (self.activity,)), frozenset({"activities"}))


KINDS = {"live": True, "async": False}


@dataclass(frozen=True)
class EditActivity:
    """Set an activity's ``minutes`` (a number or text) or ``live`` (a bool, or "live" / "async")."""

    activity: str
    field: str
    value: object

    @property
    def text(self) -> str:
        return _("Change activity {activity}'s {field}").format(activity=self.activity,
                                                                 field=_field("kind" if self.field == "live" else self.field))

    def apply(self, scenario: Scenario) -> Change:
        old = scenario.activity(self.activity)
        if self.field not in ("minutes", "live"):  # pinned blocks name their activity: no renames
            raise ValidationError(self.field, self.value, _("only an activity's minutes and live can be changed"))
        value = typed(self.field, self.value, f"activity {old.name!r}")
        if self.field == "live" and isinstance(value, str):
            if value.strip().lower() not in KINDS:
                raise ValidationError(f"activity {old.name!r}.kind", value, _("give live or async"))
            value = KINDS[value.strip().lower()]
        new = dataclasses.replace(old, **{self.field: value})
        activities = tuple(new if a.name == old.name else a for a in scenario.activities)
        return Change(scenario.replace(activities=activities), frozenset({"activities", "markets"}))


@dataclass(frozen=True)
class RemoveActivity:
    """Remove an activity type and, with it, its weekly count from every market."""

    activity: str

    @property
    def text(self) -> str:
        return _("Remove activity {name}").format(name=self.activity)

    def apply(self, scenario: Scenario) -> Change:
        scenario.activity(self.activity)
        markets = [m if self.activity not in m.weekly else
                   dataclasses.replace(m, weekly={a: n for a, n in m.weekly.items() if a != self.activity})
                   for m in scenario.markets]
        return Change(scenario.replace(activities=[a for a in scenario.activities if a.name != self.activity],
                                       markets=markets), frozenset({"activities", "markets"}))


@dataclass(frozen=True)
class SetAssignments:
    """Replace all assignments at once (an optimised plan, a reset)."""

    assignments: tuple[Assignment, ...]
    label: str = "Apply plan"

    @property
    def text(self) -> str:
        return self.label

    def apply(self, scenario: Scenario) -> Change:
        return Change(scenario.replace(assignments=self.assignments), frozenset({"assignments"}))


@dataclass(frozen=True)
class ReplaceScenario:
    """A whole new scenario (File > New, an import)."""

    scenario: Scenario
    label: str = "Replace scenario"

    @property
    def text(self) -> str:
        return self.label

    def apply(self, scenario: Scenario) -> Change:
        return Change(self.scenario, frozenset({"reps", "markets", "assignments", "activities", "settings"}))


def apply(store, command, *, source: str | None = None, text: str | None = None) -> Change:
    """Apply ``command`` to the stored scenario and save the result, recorded in the change history
    as one revision (``text``, default the command's; ``source``, default the store's).

    Reading and writing are one transaction, taken for writing from the start: a change another
    program makes meanwhile is waited for and built upon, never overwritten; on a refusal
    nothing is written.
    """
    with recording(store, text or getattr(command, "text", None) or _("Change the plan"), source=source):
        change = command.apply(store.load())
        store.save(change.scenario, renamed_reps=change.renamed_reps, renamed_markets=change.renamed_markets)
    return change


@dataclass(frozen=True)
class UpsertReps:
    """Add these reps; a rep whose name exists already is replaced (a CSV import)."""

    reps: tuple[Rep, ...]

    @property
    def text(self) -> str:
        return ngettext("Import {n} reps", "Import {n} reps", len(self.reps)).format(n=len(self.reps))

    def apply(self, scenario: Scenario) -> Change:
        incoming = {r.name: r for r in self.reps}
        kept = [incoming.pop(r.name, r) for r in scenario.reps]
        return Change(scenario.replace(reps=kept + list(incoming.values())), frozenset({"reps"}))


@dataclass(frozen=True)
class UpsertMarkets:
    """Add these markets; a market whose name exists already is replaced (a CSV import)."""

    markets: tuple[Market, ...]

    @property
    def text(self) -> str:
        return ngettext("Import {n} markets", "Import {n} markets", len(self.markets)).format(n=len(self.markets))

    def apply(self, scenario: Scenario) -> Change:
        incoming = {m.name: m for m in self.markets}
        kept = [incoming.pop(m.name, m) for m in scenario.markets]
        return Change(scenario.replace(markets=kept + list(incoming.values())), frozenset({"markets"}))
