"""Activity what-ifs: the plan with the work of an activity type changed, kept as an alternative.

A what-if is a list of :class:`ActivityChange`, applied in the order given, each to the plan the
previous one left:

* a percentage (``CRM admin -80%``): every market's weekly count of the activity (or one market's,
  with ``market``) times (100 + percent) / 100, rounded to the nearest whole count, a half up
  (3 x 20% = 0.6 -> 1, 2.5 -> 3). The percent runs from -100 (none left) to +1000, so a count never
  goes below 0;
* an absolute change per market (``Discovery call +1 per Demo``): ``add`` times the market's weekly
  count of ``per`` added to the activity's count (without ``per``: ``add`` itself). ``add`` is a whole
  number; a change that would leave a market a negative count is refused, naming the market;
* a new duration (``Demo 30 min``): the activity's minutes, 5 to 480, the same in every market.

:func:`apply` is pure: it returns the changed :class:`~planner.model.Scenario` (validated as any
scenario is) and what each change did. :func:`save` keeps the result as a new alternative beside
the plan open now, which stays open, in one revision of the change history (``undo`` removes it);
``compare current NAME`` then shows its effect, through :mod:`planner.comparison` as for any two plans.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from . import alternatives, history
from .errors import PlannerError, ValidationError
from .i18n import _, ngettext
from .model import Scenario

MIN_PERCENT, MAX_PERCENT = Decimal(-100), Decimal(1000)
MIN_MINUTES, MAX_MINUTES = 5, 8 * 60
MAX_ADD = 1000


@dataclass(frozen=True)
class ActivityChange:
    """One change to an activity's work: exactly one of ``percent``, ``add`` or ``minutes``."""

    activity: str
    percent: Decimal | None = None
    add: int | None = None
    per: str | None = None        # with ``add``: added once per this activity's weekly count
    minutes: int | None = None
    market: str | None = None     # None: every market

    @property
    def text(self) -> str:
        """The change as a director would say it: "CRM admin -80%", "Discovery call +1 per Demo in India"."""
        if self.minutes is not None:
            said = f"{self.activity} {self.minutes} min"
        elif self.percent is not None:
            said = f"{self.activity} {signed(self.percent)}%"
        else:
            said = f"{self.activity} {self.add:+d}" + (_(" per {activity}").format(activity=self.per) if self.per
                                                       else _(" a week"))
        return said + (_(" in {market}").format(market=self.market) if self.market else "")


def signed(value: Decimal) -> str:
    """A percentage with its sign and no trailing zeros: -80, +12.5."""
    text = format(value.normalize(), "f")
    return text if text.startswith("-") else "+" + text


def percent(text) -> Decimal:
    """``-80%``, ``+25``, ``12.5%`` as a Decimal from -100 to 1000, or a :class:`ValidationError`."""
    raw = str(text).strip()
    try:
        value = Decimal(raw[:-1] if raw.endswith("%") else raw)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise ValidationError("--change", text, _("give a percentage such as {minus} or {plus}").format(
            minus="-80%", plus="+25%"))
    if not MIN_PERCENT <= value <= MAX_PERCENT:
        raise ValidationError("--change", text, _("a percentage runs from {lowest} (none left) to {highest}").format(
            lowest="-100%", highest="+1000%"))
    return value


def whole(text, field: str, low: int, high: int, unit: str) -> int:
    """A whole number from ``low`` to ``high`` given as text or a number, or a :class:`ValidationError`."""
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value != value.to_integral_value():
        raise ValidationError(field, text, _("give a whole number of {unit}").format(unit=unit))
    if not low <= value <= high:
        raise ValidationError(field, text, _("give {unit} from {low} to {high}").format(unit=unit, low=low, high=high))
    return int(value)


def make(activity: str, *, change=None, add=None, per=None, minutes=None, market=None) -> ActivityChange:
    """An :class:`ActivityChange` from what the command line or the app's dialog was given, each
    value checked (text or numbers); exactly one of ``change`` (a percentage), ``add`` or ``minutes``."""
    if per is not None and add is None:
        raise ValidationError("--per", per, _("goes with --add: --add 1 --per Demo adds one per demo"))
    given = [k for k, v in (("--change", change), ("--add", add), ("--minutes", minutes)) if v is not None]
    if len(given) != 1:
        raise ValidationError("--activity", activity, _("give one of --change PERCENT, --add N [--per ACTIVITY] "
                                                        "or --minutes N for it")
                              + (_(" (not {options})").format(options=_(" and ").join(given)) if given else ""))
    if minutes is not None and market is not None:
        raise ValidationError("--market", market, _("an activity takes the same minutes in every market; "
                                                    "leave --market out with --minutes"))
    return ActivityChange(
        activity, percent=None if change is None else percent(change),
        add=None if add is None else whole(add, "--add", -MAX_ADD, MAX_ADD, _("activities a week")),
        per=per, minutes=None if minutes is None else whole(minutes, "--minutes", MIN_MINUTES, MAX_MINUTES,
                                                         _("minutes")),
        market=market)


@dataclass(frozen=True)
class Step:
    """What one change did: the activity's weekly count over the markets it touched (or its minutes)."""

    change: ActivityChange
    before: int
    after: int
    markets: int      # how many markets it touched (0 for a new duration)

    @property
    def text(self) -> str:
        c = self.change
        if c.minutes is not None:
            return _("{change}: {before} -> {after} minutes each").format(change=c.text, before=self.before,
                                                                          after=self.after)
        where = c.market if c.market else ngettext("{n} market", "{n} markets", self.markets).format(n=self.markets)
        return _("{change}: {before} -> {after} a week in {where}").format(change=c.text, before=self.before,
                                                                           after=self.after, where=where)


def _scaled(count: int, pct: Decimal) -> int:
    return int((Decimal(count) * (100 + pct) / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _one(scenario: Scenario, c: ActivityChange) -> tuple[Scenario, Step]:
    activity = scenario.activity(c.activity)  # an unknown name is refused, naming it
    if c.per is not None:
        scenario.activity(c.per)
    if c.minutes is not None:
        new = dataclasses.replace(activity, minutes=c.minutes)
        changed = scenario.replace(activities=[new if a.name == activity.name else a for a in scenario.activities])
        return changed, Step(c, activity.minutes, c.minutes, 0)
    chosen = [scenario.market(c.market)] if c.market is not None else list(scenario.markets)
    new_counts, before, after = {}, 0, 0
    for m in chosen:
        count = m.weekly.get(c.activity, 0)
        if c.percent is not None:
            new = _scaled(count, c.percent)
        else:
            new = count + c.add * (m.weekly.get(c.per, 0) if c.per else 1)
            if new < 0:
                raise PlannerError(_("what-if {change}: market {market} has {count} {activity} a week, so it would "
                                     "have {new}; a count cannot go below 0").format(
                    change=c.text, market=repr(m.name), count=count, activity=c.activity, new=new))
        before, after = before + count, after + new
        new_counts[m.name] = new
    markets = []
    for m in scenario.markets:
        if m.name in new_counts and (new_counts[m.name] or c.activity in m.weekly):
            m = dataclasses.replace(m, weekly={**m.weekly, c.activity: new_counts[m.name]})
        markets.append(m)
    return scenario.replace(markets=markets), Step(c, before, after, len(chosen))


def apply(scenario: Scenario, changes) -> tuple[Scenario, tuple[Step, ...]]:
    """``scenario`` with ``changes`` applied in order, and what each did; refused (nothing returned)
    when a change names an unknown activity or market or would leave a count below 0."""
    if not changes:
        raise PlannerError(_("what-if: give at least one change (--activity NAME with --change, --add or --minutes)"))
    steps = []
    for c in changes:
        scenario, step = _one(scenario, c)
        steps.append(step)
    return scenario, tuple(steps)


def text_of(name: str, changes) -> str:
    """The change history's line for a what-if."""
    return _('What-if "{name}": {changes}').format(name=name, changes=", ".join(c.text for c in changes))


def save(store, name: str, changes, *, source: str | None = None) -> tuple[int | None, tuple[Step, ...]]:
    """Keep the plan open now, with ``changes`` applied, as the new alternative ``name``; the plan
    open now stays open and unchanged. One revision (returned, with the steps); on a refusal
    nothing is written."""
    with history.recording(store, text_of(name, changes), source=source) as rec:
        changed, steps = apply(store.load(), changes)
        alternatives.add(store, name, changed)
    return rec.revision, steps
