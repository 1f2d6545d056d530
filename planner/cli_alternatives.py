"""Alternatives on the command line: ``alternatives``, ``switch`` and ``compare A B``.

``alternatives`` lists them (``--json`` too); ``alternatives save NAME``, ``alternatives delete NAME``,
``alternatives rename OLD NEW`` and ``switch NAME`` change them, each one revision of the change
history (``undo`` takes it back) made by :mod:`planner.alternatives`, which the app's plan picker uses
too. A bad name is refused with one line, exit 2, nothing changed. ``compare A B`` is ``compare``
given two plans: an alternative's name, or ``current`` for the plan open now.
"""

from __future__ import annotations

import argparse

from . import alternatives
from .cli import _emit, _say, _store, _table, _week, command
from .comparison import COLUMNS, HEADINGS, SUMMARY, cell_text, cells, compare_alternatives, summary_text
from .errors import PlannerError
from .i18n import N_, _

SUMMARY_LABELS = dict(zip(SUMMARY, (N_("Value covered"), N_("Value of every market"), N_("Markets covered"),
                                    N_("Markets"), N_("Work to do"), N_("Planned hours"), N_("Outside working hours"),
                                    N_("Work not placed"), N_("Workload flags"))))


def _q(name: str) -> str:
    return f'"{name}"'


@command("alternatives")
def cmd_alternatives(args, today):
    store = _store(args)
    action = getattr(args, "action", None) or "list"
    if action == "list":
        found = alternatives.listing(store)
        data = [{"name": a.name, "open": a.open} for a in found]
        if not found:
            lines = [_("The plan has no name yet: 'alternatives save NAME' names it, and keeps it as an alternative.")]
        else:
            lines = [_("Alternatives in {path} (* the plan open now):").format(path=store.path),
                     *(f"{'*' if a.open else ' '} {a.name}" for a in found)]
        _emit(args, data, lines)
        return
    if action == "save":
        was = alternatives.open_name(store)
        alternatives.save_as(store, args.name)
        name = alternatives.open_name(store)
        _say(_("Saved the plan as alternative {name}, the plan open now").format(name=_q(name))
             + (_("; {was} keeps the plan as it was.").format(was=_q(was)) if was else "."))
    elif action == "delete":
        alternatives.delete(store, args.name)
        _say(_("Deleted alternative {name}.").format(name=_q(args.name)))
    elif action == "rename":
        alternatives.rename(store, args.old, args.new)
        _say(_("Renamed alternative {old} to {new}.").format(old=_q(args.old), new=_q(alternatives.check_name(args.new))))


@command("switch")
def cmd_switch(args, today):
    store = _store(args)
    was = alternatives.open_name(store)
    if alternatives.switch(store, args.name) is None and was == args.name:
        _say(_("Alternative {name} is the plan open now already; nothing changed.").format(name=_q(args.name)))
        return
    _say(_("Switched to alternative {name}; {was} is kept as it was.").format(name=_q(args.name), was=_q(was)))


def compare_plans(args, today) -> None:
    """``compare A B``: two plans side by side (planner.comparison)."""
    if len(args.plans) != 2:
        raise PlannerError(_("compare: give two plans to compare (alternatives' names, or {current}), or none for "
                             "cover all against the optimised plan (got {n})").format(
            current=repr(alternatives.CURRENT), n=len(args.plans)))
    store = _store(args)
    year, week = _week(args, today)
    sides = []
    for name in args.plans:
        stored = alternatives.stored_plan(store, name)
        sides.append((name, stored.scenario, alternatives.calendars_of(store, stored)))
    c = compare_alternatives(sides[0], sides[1], year, week)
    a, b = c.a.name, c.b.name
    summary = [(_(label), *(summary_text(key, f.summary()[key]) for f in (c.a, c.b)))
               for key, label in SUMMARY_LABELS.items()]
    lines = [_("{a} against {b}, {week} (work that does not fit is placed outside working hours):").format(
        a=a, b=b, week=c.week), *_table(("", a, b), summary), ""]
    heads = {k: _(text) for k, text in HEADINGS.items()}
    headings = (_("Rep"), *(f"{a}: {heads[k]}" if i == 0 else heads[k] for i, k in enumerate(COLUMNS)),
                *(f"{b}: {heads[k]}" if i == 0 else heads[k] for i, k in enumerate(COLUMNS)))
    lines += _table(headings, [(r, *map(cell_text, cells(c.a.weeks.get(r))), *map(cell_text, cells(c.b.weeks.get(r))))
                               for r in c.reps])
    if c.differences:
        lines += [_("Assignments that differ ({n}):").format(n=len(c.differences))]
        nobody = _("nobody")
        lines += [f"  {d.market}: {d.a or nobody} -> {d.b or nobody}" for d in c.differences]
    else:
        lines += [_("The same markets go to the same reps in both.")]
    _emit(args, c.to_dict(), lines)


def add_parsers(add) -> None:
    """The alternatives' commands (``add`` is :func:`planner.cli.build_parser`'s helper)."""
    p = add("alternatives", _("list the plan's alternatives, or save, delete or rename one"), reads=True)
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))

    def verb(name: str, help_text: str, *positional: tuple[str, str]):
        v = actions.add_parser(name, help=help_text, description=help_text)
        for arg, arg_help in positional:
            v.add_argument(arg, help=arg_help)
        v.add_argument("--db", default=argparse.SUPPRESS, help=_("database file"))
        return v

    verb("list", _("list the alternatives (the default)")).add_argument("--json", action="store_true",
                                                                     default=argparse.SUPPRESS, help=_("print JSON"))
    verb("save", _("keep the plan as it is under its name, and carry on as NAME"), ("name", _("the new alternative")))
    verb("delete", _("delete an alternative (not the plan open now)"), ("name", _("the alternative")))
    verb("rename", _("rename an alternative"), ("old", _("the alternative")), ("new", _("its new name")))
    p = add("switch", _("keep the plan open now as it is, and open another alternative"))
    p.add_argument("name", help=_("the alternative to open"))
