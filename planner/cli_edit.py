"""Editing the plan from the command line: the ``rep``, ``market`` and ``activity`` commands.

Every edit is one of the core commands the app's edits are (:mod:`planner.commands`), applied
and saved by :func:`planner.commands.apply` in one transaction, so the command line accepts and
refuses exactly what the app does, with the same message, and a refusal writes nothing. Each
prints one line saying what changed; ``--json`` prints the object as it is after the change.

The verbs live under the kind they edit (``rep add``, ``market assign``) because ``assign`` is
already the optimiser's command, and the three groups keep ``--help`` short.
"""

from __future__ import annotations

import argparse
from typing import Callable

from . import commands, typed_values
from .errors import ValidationError
from .hours import format_hours
from .i18n import N_, _, amount, ngettext, number
from .scenario_file import scenario_to_dict
from .terminal import escape

# Command-line field name -> (model field, words for it).
REP_FIELDS = {"timezone": ("timezone", N_("time zone")), "country": ("country", N_("country")),
              "region": ("subdivision", N_("region")), "hours": ("hours", N_("working hours")),
              "max-hours": ("max_weekly_hours", N_("max hours a week")), "rules": ("rules", N_("rules"))}
MARKET_FIELDS = {"timezone": ("timezone", N_("time zone")), "country": ("country", N_("country")),
                 "region": ("subdivision", N_("region")), "hours": ("hours", N_("business hours")),
                 "tier": ("tier", N_("tier")), "value": ("value", N_("value"))}
ACTIVITY_FIELDS = {"minutes": ("minutes", N_("minutes")), "kind": ("live", N_("kind"))}


def shown(text) -> str:
    """User text for a terminal: a control character held by a stored name is printed escaped, not run."""
    return escape(str(text))


def _value(field: str, value) -> str:
    if value is None:
        return _("none")
    if field == "hours":
        return format_hours(value)
    if field == "value":
        return amount(value)
    if field == "live":
        return _("live") if value else _("async")
    return shown(number(value) if isinstance(value, float) else value)


class _Seen:
    """Runs a core command and keeps the scenario it was applied to (read inside the transaction)."""

    def __init__(self, command):
        self.command, self.before = command, None

    @property
    def text(self) -> str:  # what the change history records
        return self.command.text

    def apply(self, scenario):
        self.before = scenario
        return self.command.apply(scenario)


# --- what each command prints: (text, data) from the scenario before and after --------------------

def _file_form(scenario, kind: str, item) -> dict:
    """One rep or market as scenario files write it, without writing out the whole plan."""
    alone = scenario.replace(reps=(item,) if kind == "reps" else (), markets=(item,) if kind == "markets" else (),
                             assignments=())
    return scenario_to_dict(alone)[kind][0]


def _rep_data(scenario, name: str) -> dict:
    return _file_form(scenario, "reps", scenario.rep(name)) | {"markets": [m.name for m in scenario.markets_of(name)]}


def _market_data(scenario, name: str) -> dict:
    market = scenario.market(name)
    load = scenario.workload(market)
    return _file_form(scenario, "markets", market) | {
        "rep": scenario.rep_of(name), "locked": _locked(scenario, name),
        "live_hours": load.live_hours, "async_hours": load.async_hours}


def _activity_data(scenario, name: str) -> dict:
    a = scenario.activity(name)
    return {"name": a.name, "minutes": a.minutes, "live": a.live}


def _locked(scenario, market: str) -> bool:
    return any(a.locked for a in scenario.assignments if a.market == market)


def _place(obj) -> str:
    return f"{obj.country}-{obj.subdivision}" if obj.subdivision else obj.country


def _set_text(kind: str, name: str, label: str, field: str, old, new) -> str:
    label = _(label)
    if old == new:
        text = (_("activity {name}'s {label} is already {value}; nothing changed") if kind == "activity" else
                _("{name}'s {label} is already {value}; nothing changed"))
        return text.format(name=shown(name), label=label, value=_value(field, new))
    text = (_("Changed activity {name}'s {label}: {old} -> {new}") if kind == "activity" else
            _("Changed {name}'s {label}: {old} -> {new}"))
    return text.format(name=shown(name), label=label, old=_value(field, old), new=_value(field, new))


def rep_add(args):
    rep = typed_values.new_rep(args.name, args.timezone, args.country, args.hours, args.max_hours, args.rules,
                               args.region)

    def say(before, after):
        return (_("Added rep {name} ({zone}, {place}, {hours}, {max} h a week at most, {rules} rules)").format(
            name=shown(rep.name), zone=rep.timezone, place=_place(rep), hours=format_hours(rep.hours),
            max=number(rep.max_weekly_hours), rules=rep.rules), {"rep": _rep_data(after, rep.name)})
    return commands.AddRep(rep), say


def rep_set(args):
    field, label = REP_FIELDS[args.field]

    def say(before, after):
        old, new = getattr(before.rep(args.name), field), getattr(after.rep(args.name), field)
        return _set_text("rep", args.name, label, field, old, new), {"rep": _rep_data(after, args.name)}
    return commands.EditRep(args.name, field, args.value), say


def _renamed(kind: str, old: str, new: str) -> str:
    if old == new:
        return _(ALREADY_CALLED[kind]).format(name=shown(new))
    return _(RENAMED[kind]).format(old=shown(old), new=shown(new))


ALREADY_CALLED = {"rep": N_("The rep is already called {name}; nothing changed"),
                  "market": N_("The market is already called {name}; nothing changed")}
RENAMED = {"rep": N_("Renamed rep {old} to {new}"), "market": N_("Renamed market {old} to {new}")}


def rep_rename(args):
    def say(before, after):
        new = typed_values.typed("name", args.new)
        return _renamed("rep", args.name, new), {"rep": _rep_data(after, new), "renamed_from": args.name}
    return commands.EditRep(args.name, "name", args.new), say


def rep_remove(args):
    def say(before, after):
        freed = [m.name for m in before.markets_of(args.name)]
        note = ngettext("; {markets} now has no rep", "; {markets} now have no rep", len(freed)).format(
            markets=", ".join(map(shown, freed))) if freed else ""
        return (_("Removed rep {name}").format(name=shown(args.name)) + note,
                {"removed": _rep_data(before, args.name), "unassigned": freed})
    return commands.RemoveRep(args.name), say


def _workload_pairs(pairs) -> dict[str, str]:
    weekly = {}
    for pair in pairs or ():
        activity, sep, count = pair.rpartition("=")
        if not sep or not activity.strip():
            raise ValidationError("--workload", pair, _("give ACTIVITY=COUNT, such as Demo=3"))
        weekly[activity.strip()] = count
    return weekly


def market_add(args):
    market = typed_values.new_market(args.name, args.timezone, args.country, args.hours, args.tier, args.value,
                                     _workload_pairs(args.workload), args.region)

    def say(before, after):
        load = after.workload(market)
        text = _("Added market {name} ({zone}, {place}, {hours}, tier {tier}, value {value}, {live} h live and "
                 "{async_hours} h async work a week)").format(name=shown(market.name), zone=market.timezone, place=_place(market),
                                               hours=format_hours(market.hours), tier=market.tier,
                                               value=amount(market.value), live=number(load.live_hours),
                                               async_hours=number(load.async_hours))
        return text, {"market": _market_data(after, market.name)}
    return commands.AddMarket(market), say


def market_set(args):
    field, label = MARKET_FIELDS[args.field]

    def say(before, after):
        old, new = getattr(before.market(args.name), field), getattr(after.market(args.name), field)
        return _set_text("market", args.name, label, field, old, new), {"market": _market_data(after, args.name)}
    return commands.EditMarket(args.name, field, args.value), say


def market_workload(args):
    def say(before, after):
        old, new = (s.market(args.name).weekly.get(args.activity, 0) for s in (before, after))
        label = _("weekly {activity}").format(activity=shown(args.activity))
        return (_set_text("market", args.name, label, "count", old, new),
                {"market": _market_data(after, args.name)})
    return commands.SetWorkload(args.name, args.activity, args.count), say


def market_rename(args):
    def say(before, after):
        new = typed_values.typed("name", args.new)
        return _renamed("market", args.name, new), {"market": _market_data(after, new), "renamed_from": args.name}
    return commands.EditMarket(args.name, "name", args.new), say


def market_remove(args):
    def say(before, after):
        rep = before.rep_of(args.name)
        return (_("Removed market {name}").format(name=shown(args.name))
                + (_(" (it was {rep}'s)").format(rep=shown(rep)) if rep else ""),
                {"removed": _market_data(before, args.name)})
    return commands.RemoveMarket(args.name), say


def market_assign(args):
    def say(before, after):
        old, locked = before.rep_of(args.name), _locked(after, args.name)
        lock = _(", locked") if locked else ""
        if old == args.rep and locked == _locked(before, args.name):
            text = _("{market} is already {rep}'s{lock}; nothing changed").format(
                market=shown(args.name), rep=shown(args.rep), lock=lock)
        else:
            was = _(" (was {rep}'s)").format(rep=shown(old)) if old and old != args.rep else ""
            text = _("Assigned {market} to {rep}{lock}{was}").format(market=shown(args.name), rep=shown(args.rep),
                                                                      lock=lock, was=was)
        return text, {"market": _market_data(after, args.name)}
    return commands.Assign(args.name, args.rep, True if args.lock else None), say


def market_unassign(args):
    def say(before, after):
        old = before.rep_of(args.name)
        text = (_("Unassigned {market} (was {rep}'s)") if old else _("{market} has no rep; nothing changed")).format(
            market=shown(args.name), rep=shown(old))
        return text, {"market": _market_data(after, args.name)}
    return commands.Assign(args.name, None), say


def _market_lock(locked: bool):
    def build(args):
        def say(before, after):
            rep = after.rep_of(args.name)
            if _locked(before, args.name) == locked:
                text = (_("{market} is already locked; nothing changed") if locked else
                        _("{market} is already unlocked; nothing changed"))
            else:
                text = (_("Locked {market} to {rep}: the optimiser keeps it there") if locked else
                        _("Unlocked {market} to {rep}: the optimiser may move it"))
            text = text.format(market=shown(args.name), rep=shown(rep))
            return text, {"market": _market_data(after, args.name)}
        return commands.SetLocked(args.name, locked), say
    return build


def activity_add(args):
    activity = typed_values.new_activity(args.name, args.minutes, args.live)

    def say(before, after):
        return (_("Added activity {name} ({minutes} min, {kind})").format(
            name=shown(activity.name), minutes=activity.minutes, kind=_value("live", activity.live)),
                {"activity": _activity_data(after, activity.name)})
    return commands.AddActivity(activity), say


def activity_set(args):
    field, label = ACTIVITY_FIELDS[args.field]

    def say(before, after):
        old, new = (getattr(s.activity(args.name), field) for s in (before, after))
        return _set_text("activity", args.name, label, field, old, new), {"activity": _activity_data(after, args.name)}
    return commands.EditActivity(args.name, field, args.value), say


def activity_remove(args):
    def say(before, after):
        used = [m.name for m in before.markets if args.name in m.weekly]
        note = ngettext(" and its weekly count from {n} market", " and its weekly count from {n} markets",
                        len(used)).format(n=len(used)) if used else ""
        return (_("Removed activity {name}").format(name=shown(args.name)) + note,
                {"removed": _activity_data(before, args.name), "markets": used})
    return commands.RemoveActivity(args.name), say


# --- the parsers ---------------------------------------------------------------------------------

def add_edit_commands(sub, open_store: Callable, emit: Callable) -> dict[str, Callable]:
    """Add ``rep``, ``market`` and ``activity`` to the subcommands ``sub``; returns their runners by name.

    ``open_store(args)`` opens the database as every command does; ``emit(args, data, text)`` prints.
    """

    def run(args, today) -> None:
        command, say = args.edit(args)  # a value refused here never opens the database
        seen = _Seen(command)
        change = commands.apply(open_store(args), seen)
        text, data = say(seen.before, change.scenario)
        emit(args, {"message": text, "changed": change.scenario != seen.before} | data, text)

    def group(name: str, help_text: str):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--db", default=argparse.SUPPRESS, help=_("database file"))
        return p.add_subparsers(dest="action", required=True, metavar="ACTION", parser_class=type(p))

    def verb(actions, name: str, help_text: str, edit, *positional: tuple):
        """``positional``: (name, help) or (name, help, choices)."""
        p = actions.add_parser(name, help=help_text, description=help_text)
        for arg, arg_help, *choices in positional:
            p.add_argument(arg, help=arg_help, choices=choices[0] if choices else None)
        p.add_argument("--json", action="store_true", help=_("print the result as JSON"))
        p.add_argument("--db", default=argparse.SUPPRESS, help=_("database file"))
        p.set_defaults(edit=edit)
        return p

    def field(fields: dict) -> tuple:
        return ("field", _("one of: {fields}").format(fields=", ".join(fields)), list(fields))

    VALUE = ("value", _("the new value (an empty one clears a region)"))

    def place(p, hours_help: str):
        p.add_argument("--timezone", required=True, help=_("IANA time zone, such as Europe/Lisbon"))
        p.add_argument("--country", required=True, help=_("ISO 3166 country code, for public holidays"))
        p.add_argument("--region", help=_("subdivision code for regional holidays, such as ZH"))
        p.add_argument("--hours", default="Mon-Fri 09:00-17:00",
                       help=_("{hours} (default Mon-Fri 09:00-17:00)").format(hours=hours_help))

    reps = group("rep", _("add, change, rename or remove a rep"))
    p = verb(reps, "add", _("add a rep"), rep_add, ("name", _("the rep's name")))
    place(p, _("working hours, local time"))
    p.add_argument("--max-hours", default="40", help=_("most hours a week (default 40)"))
    p.add_argument("--rules", default="eu-wtd",
                   help=_("workload rules: eu-wtd, who-ilo, ch-arg or us-flsa (default eu-wtd)"))
    verb(reps, "set", _("change one field of a rep"), rep_set, ("name", _("the rep")), field(REP_FIELDS), VALUE)
    verb(reps, "rename", _("rename a rep; their markets, busy times and pinned blocks follow"), rep_rename,
         ("name", _("the rep")), ("new", _("the new name")))
    verb(reps, "remove", _("remove a rep; their markets are left with no rep"), rep_remove, ("name", _("the rep")))

    markets = group("market", _("add, change, rename, remove, assign or lock a market"))
    p = verb(markets, "add", _("add a market"), market_add, ("name", _("the market's name")))
    place(p, _("business hours, local time"))
    p.add_argument("--tier", default="B", help=_("A, B or C (default B)"))
    p.add_argument("--value", default="0", help=_("what the market is worth (default 0)"))
    p.add_argument("--workload", action="append", metavar="ACTIVITY=COUNT",
                   help=_("weekly count of an activity, such as Demo=3 (repeat for each activity)"))
    verb(markets, "set", _("change one field of a market"), market_set, ("name", _("the market")), field(MARKET_FIELDS),
         VALUE)
    verb(markets, "workload", _("set how many of an activity a market needs each week"), market_workload,
         ("name", _("the market")), ("activity", _("the activity type")), ("count", _("how many a week")))
    verb(markets, "rename", _("rename a market; its rep and pinned blocks follow"), market_rename,
         ("name", _("the market")), ("new", _("the new name")))
    verb(markets, "remove", _("remove a market"), market_remove, ("name", _("the market")))
    verb(markets, "assign", _("give a market to a rep (keeps its lock unless --lock)"), market_assign,
         ("name", _("the market")), ("rep", _("the rep"))).add_argument(
        "--lock", action="store_true", help=_("lock it too: the optimiser keeps it there"))
    verb(markets, "unassign", _("leave a market with no rep"), market_unassign, ("name", _("the market")))
    verb(markets, "lock", _("keep a market with its rep when the optimiser runs"), _market_lock(True),
         ("name", _("the market")))
    verb(markets, "unlock", _("let the optimiser move a market"), _market_lock(False), ("name", _("the market")))

    activities = group("activity", _("define, change or remove an activity type (a demo, a call...)"))
    p = verb(activities, "add", _("define an activity type"), activity_add, ("name", _("the activity's name")))
    p.add_argument("--minutes", required=True, help=_("how long one takes, 5 to 480"))
    kind = p.add_mutually_exclusive_group(required=True)
    kind.add_argument("--live", dest="live", action="store_true", help=_("done with the prospect, in shared hours"))
    kind.add_argument("--async", dest="live", action="store_false", help=_("done alone, at any working hour"))
    verb(activities, "set", _("change an activity's minutes or kind (live or async)"), activity_set,
         ("name", _("the activity")), field(ACTIVITY_FIELDS), ("value", _("the new value: minutes, or live or async")))
    verb(activities, "remove", _("remove an activity type and its weekly count from every market"), activity_remove,
         ("name", _("the activity")))
    return {"rep": run, "market": run, "activity": run}

