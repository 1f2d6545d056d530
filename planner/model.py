"""The scenario: reps, markets, activity types and who covers what.

Plain frozen dataclasses, validated on construction: a bad value raises
:class:`~planner.errors.ValidationError` naming the field and the value.
Changing a scenario means building a new one (see :mod:`planner.commands`).
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Mapping

from .errors import ValidationError
from .hours import WorkingHours, parse_hours
from .i18n import N_, _, number
from .overlap import Side
from .public_holidays import check_country
from .timezones import check_zone

TIERS = ("A", "B", "C")
RULE_PRESETS = ("eu-wtd", "who-ilo", "ch-arg", "us-flsa")
# Why a name is refused, by kind of thing named.
TWICE = {"activity": N_("two activities have this name"), "rep": N_("two reps have this name"),
         "market": N_("two markets have this name")}
UNKNOWN = {"activity": N_("no activity type has this name"), "rep": N_("no rep has this name"),
           "market": N_("no market has this name")}


# Checks added after databases were written with values they refuse (control characters in
# names, legacy zone aliases) apply to new input only: a database holding such a value still
# loads (see ``stored_data``), and the value is refused when it is next edited or imported.
_STORED = contextvars.ContextVar("planner_stored_data", default=False)


@contextlib.contextmanager
def stored_data():
    """Build model objects from values already stored, skipping the checks new input gets."""
    token = _STORED.set(True)
    try:
        yield
    finally:
        _STORED.reset(token)


def is_stored_data() -> bool:
    return _STORED.get()


def _control_character(text: str) -> str | None:
    """The first character a terminal or a table would act on (newline, tab, escape, bell...),
    or a lone surrogate (not a character: the database cannot store it)."""
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs"):
            return ch
    return None


def check_no_control_characters(name: str, where: str) -> None:
    if (ch := _control_character(name)) is None:
        return
    if unicodedata.category(ch) == "Cs":  # a byte that is not UTF-8 in argv, or "\udcff" in a JSON file
        raise ValidationError(where, name, _("a name cannot hold {character}, a byte that is not UTF-8 or half a character").format(
        character=repr(ch)))
    raise ValidationError(where, name, _("a name cannot hold a control character ({character}), such as a newline, "
                                         "tab, escape or bell").format(character=repr(ch)))


def _check_name(name, where: str) -> None:
    if not isinstance(name, str) or not name.strip():
        raise ValidationError(f"{where}.name", name, _("a name must be non-empty text"))
    if name != name.strip():
        raise ValidationError(f"{where}.name", name, _("a name cannot start or end with spaces"))
    if len(name) > 200:
        raise ValidationError(f"{where}.name", name[:40] + "...", _("a name must be at most 200 characters"))
    if not _STORED.get():
        check_no_control_characters(name, f"{where}.name")


def _check_number(value, where: str, *, low: float, high: float, integer: bool = False) -> None:
    ok_type = isinstance(value, int) if integer else isinstance(value, (int, float))
    if isinstance(value, bool) or not ok_type or (isinstance(value, float) and not math.isfinite(value)):
        raise ValidationError(where, value, _("must be a whole number") if integer else _("must be a number"))
    if not low <= value <= high:
        raise ValidationError(where, value, _("must be between {low} and {high}").format(low=number(low),
                                                                                           high=number(high)))


def _hours(value, where: str) -> WorkingHours:
    if isinstance(value, WorkingHours):
        return value
    try:
        return parse_hours(value)
    except ValidationError as exc:
        raise ValidationError(where, exc.value, f"{exc.where}: {exc.problem}") from None


@dataclass(frozen=True)
class ActivityType:
    """A kind of work: a 45-minute live demo, a 15-minute async follow-up."""

    name: str
    minutes: int
    live: bool

    def __post_init__(self):
        _check_name(self.name, "activity")
        _check_number(self.minutes, f"activity {self.name!r}.minutes", low=5, high=8 * 60, integer=True)
        if not isinstance(self.live, bool):
            raise ValidationError(f"activity {self.name!r}.live", self.live, _("must be true or false"))


@dataclass(frozen=True)
class Rep:
    """A sales rep: where they live and when they work."""

    name: str
    timezone: str
    country: str
    hours: WorkingHours
    max_weekly_hours: float = 40
    rules: str = "eu-wtd"
    subdivision: str | None = None

    def __post_init__(self):
        _check_name(self.name, "rep")
        where = f"rep {self.name!r}"
        check_zone(self.timezone, f"{where}.timezone", canonical=not _STORED.get())
        check_country(self.country, self.subdivision, where)
        object.__setattr__(self, "hours", _hours(self.hours, f"{where}.hours"))
        _check_number(self.max_weekly_hours, f"{where}.max_weekly_hours", low=0, high=168)
        if self.rules not in RULE_PRESETS:
            raise ValidationError(f"{where}.rules", self.rules,
                                  _("must be one of {choices}").format(choices=", ".join(RULE_PRESETS)))

    @property
    def side(self) -> Side:
        return Side(self.timezone, self.hours, self.country, self.subdivision)


@dataclass(frozen=True)
class Market:
    """A target market: a region in one time zone, its hours, value and workload."""

    name: str
    timezone: str
    country: str
    hours: WorkingHours
    tier: str = "B"
    value: float = 0
    weekly: Mapping[str, int] = field(default_factory=dict)
    subdivision: str | None = None

    def __post_init__(self):
        _check_name(self.name, "market")
        where = f"market {self.name!r}"
        check_zone(self.timezone, f"{where}.timezone", canonical=not _STORED.get())
        check_country(self.country, self.subdivision, where)
        object.__setattr__(self, "hours", _hours(self.hours, f"{where}.hours"))
        if self.tier not in TIERS:
            raise ValidationError(f"{where}.tier", self.tier, _("must be A, B or C"))
        _check_number(self.value, f"{where}.value", low=0, high=1e12)
        if not isinstance(self.weekly, Mapping):
            raise ValidationError(f"{where}.weekly", self.weekly, _("must map activity names to weekly counts"))
        for activity, count in self.weekly.items():
            _check_number(count, f"{where}.weekly[{activity!r}]", low=0, high=1000, integer=True)
        object.__setattr__(self, "weekly", dict(self.weekly))

    @property
    def side(self) -> Side:
        return Side(self.timezone, self.hours, self.country, self.subdivision)


@dataclass(frozen=True)
class Assignment:
    """Market ``market`` is covered by rep ``rep``; a locked one stays put."""

    rep: str
    market: str
    locked: bool = False

    def __post_init__(self):
        if not isinstance(self.locked, bool):
            raise ValidationError(f"assignment {self.market!r}.locked", self.locked, _("must be true or false"))


@dataclass(frozen=True)
class Settings:
    """Planning limits a director sets for the whole team."""

    max_markets_per_rep: int = 6
    max_offset_spread_hours: float = 9
    max_live_run_minutes: int = 120   # live work back to back, at most
    lunch_start: str = "12:00"        # a lunch break kept free on the rep's wall clock...
    lunch_minutes: int = 60           # ...this long (0: none)
    balance_margin_points: float = 15  # no rep above the team's average utilisation plus this many points

    def __post_init__(self):
        _check_number(self.max_markets_per_rep, "settings.max_markets_per_rep", low=1, high=1000, integer=True)
        _check_number(self.max_offset_spread_hours, "settings.max_offset_spread_hours", low=0, high=26)
        _check_number(self.max_live_run_minutes, "settings.max_live_run_minutes", low=15, high=24 * 60, integer=True)
        _check_number(self.lunch_minutes, "settings.lunch_minutes", low=0, high=180, integer=True)
        _check_number(self.balance_margin_points, "settings.balance_margin_points", low=0, high=100)
        try:
            parse_hours(f"Mon {self.lunch_start}-23:59")
        except (ValidationError, TypeError):
            raise ValidationError("settings.lunch_start", self.lunch_start, _("a time like 12:00")) from None

    @property
    def lunch_start_minute(self) -> int:
        hours, minutes = self.lunch_start.split(":")
        return int(hours) * 60 + int(minutes)


@dataclass(frozen=True)
class Workload:
    """A market's weekly work in hours, split into live and async."""

    live_hours: float
    async_hours: float

    @property
    def total_hours(self) -> float:
        return self.live_hours + self.async_hours


@dataclass(frozen=True)
class Scenario:
    """Everything a plan is made of. Names are unique within each kind."""

    name: str
    activities: tuple[ActivityType, ...] = ()
    reps: tuple[Rep, ...] = ()
    markets: tuple[Market, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    settings: Settings = field(default_factory=Settings)
    thresholds: Mapping[str, object] = field(default_factory=dict)  # workload-rule overrides, all reps

    def __post_init__(self):
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValidationError("name", self.name, _("the scenario needs a name"))
        for attr in ("activities", "reps", "markets", "assignments"):
            object.__setattr__(self, attr, tuple(getattr(self, attr)))
        if not isinstance(self.thresholds, Mapping):
            raise ValidationError("thresholds", self.thresholds, _("must map threshold names to values"))
        from .workload import Thresholds
        Thresholds().override(self.thresholds)  # raises on an unknown name or a bad value
        object.__setattr__(self, "thresholds", dict(self.thresholds))
        for kind, items in (("activity", self.activities), ("rep", self.reps), ("market", self.markets)):
            seen = set()
            for item in items:
                if item.name in seen:
                    raise ValidationError(f"{kind} {item.name!r}", item.name, _(TWICE[kind]))
                seen.add(item.name)
        activities = {a.name for a in self.activities}
        for market in self.markets:
            for activity in market.weekly:
                if activity not in activities:
                    raise ValidationError(f"market {market.name!r}.weekly", activity, _("no activity type has this name"))
        reps, markets, covered = {r.name for r in self.reps}, {m.name for m in self.markets}, set()
        for a in self.assignments:
            if a.rep not in reps:
                raise ValidationError(f"assignment of {a.market!r}.rep", a.rep, _("no rep has this name"))
            if a.market not in markets:
                raise ValidationError(f"assignment to {a.rep!r}.market", a.market, _("no market has this name"))
            if a.market in covered:
                raise ValidationError(f"assignment of {a.market!r}", a.market, _("a market is covered by one rep only"))
            covered.add(a.market)

    @cached_property
    def _index(self) -> dict[str, dict]:
        return {"rep": {r.name: r for r in self.reps}, "market": {m.name: m for m in self.markets},
                "activity": {a.name: a for a in self.activities}}

    def _lookup(self, kind: str, name: str):
        try:
            return self._index[kind][name]
        except (KeyError, TypeError):
            raise ValidationError(kind, name, _(UNKNOWN[kind])) from None

    def rep(self, name: str) -> Rep:
        return self._lookup("rep", name)

    def market(self, name: str) -> Market:
        return self._lookup("market", name)

    def activity(self, name: str) -> ActivityType:
        return self._lookup("activity", name)

    def markets_of(self, rep: str) -> list[Market]:
        names = {a.market for a in self.assignments if a.rep == rep}
        return [m for m in self.markets if m.name in names]

    def rep_of(self, market: str) -> str | None:
        for a in self.assignments:
            if a.market == market:
                return a.rep
        return None

    def workload(self, market: Market) -> Workload:
        live = async_ = 0.0
        for name, count in market.weekly.items():
            activity = self.activity(name)
            hours = count * activity.minutes / 60
            if activity.live:
                live += hours
            else:
                async_ += hours
        return Workload(live, async_)

    def replace(self, **changes) -> "Scenario":
        return replace(self, **changes)
