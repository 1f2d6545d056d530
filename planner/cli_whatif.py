"""``whatif NAME``: the plan open now with an activity's work changed, kept as alternative NAME.

Each ``--activity A`` starts one change, which the options after it describe, until the next
``--activity``::

    whatif "Admin automated" --activity "CRM admin" --change -80%
    whatif "Qualify first" --activity Demo --change -40% --activity "Discovery call" --add 1 --per Demo
    whatif "Short demo" --activity Demo --minutes 30
    whatif "India admin" --activity "CRM admin" --add -2 --market India

The changes are made by :func:`planner.whatif.save` in one revision of the change history; the plan
open now stays open and unchanged, and ``compare current NAME`` shows the what-if's effect. A bad
value is refused with one line, exit 2, nothing changed.
"""

from __future__ import annotations

import argparse
import re

from . import alternatives, whatif
from .cli import _say, _store, command
from .errors import PlannerError
from .i18n import _

_DETAILS = ("change", "add", "per", "minutes", "market")


class _StartChange(argparse.Action):
    def __call__(self, parser, namespace, value, option_string=None):
        namespace.changes = [*(getattr(namespace, "changes", None) or []), {"activity": value}]


class _Detail(argparse.Action):
    """An option that describes the change the last ``--activity`` started."""

    def __call__(self, parser, namespace, value, option_string=None):
        changes = getattr(namespace, "changes", None) or []
        if not changes:
            raise PlannerError(_("{option}: give --activity NAME before it, naming the activity it changes "
                                 "(got {value})").format(option=option_string, value=repr(value)))
        key = option_string.lstrip("-")
        if key in changes[-1]:
            raise PlannerError(_("{option}: given twice for activity {activity}; start another change with "
                                 "--activity").format(option=option_string, activity=repr(changes[-1]["activity"])))
        changes[-1][key] = value


@command("whatif")
def cmd_whatif(args, today):
    store = _store(args)
    changes = [whatif.make(c["activity"], **{k: c.get(k) for k in _DETAILS}) for c in args.changes or ()]
    _revision, steps = whatif.save(store, args.name, changes)
    name, open_now = alternatives.check_name(args.name), alternatives.open_name(store)
    _say([_('Saved what-if "{name}" as an alternative; "{open}" is still the plan open now.').format(
        name=name, open=open_now), *(f"  {s.text}" for s in steps),
        _('\'compare "{open}" "{name}"\' shows its effect; \'switch "{name}"\' opens it.').format(
            open=open_now, name=name)])


def add_parsers(add) -> None:
    """The ``whatif`` command (``add`` is :func:`planner.cli.build_parser`'s helper)."""
    p = add("whatif", _("keep the plan open now, with an activity's work changed, as a new alternative"))
    # "-80%" is a value, not an option
    p._negative_number_matcher = re.compile(r"^-\d+(\.\d*)?%?$|^-\.\d+%?$")
    p.add_argument("name", help=_("the new alternative"))
    p.add_argument("--activity", action=_StartChange, dest="changes", default=[], metavar="ACTIVITY",
                   help=_("the activity type to change; starts one change (repeat for several)"))
    p.add_argument("--change", action=_Detail, metavar="PERCENT",
                   help=_("its weekly count in each market by this percentage, -100%% to +1000%% (rounded "
                        "to the nearest whole count, a half up)"))
    p.add_argument("--add", action=_Detail, metavar="N", help=_("this many more (or fewer: -1) a week per market"))
    p.add_argument("--per", action=_Detail, metavar="ACTIVITY",
                   help=_("with --add: N more per weekly count of this activity, such as --add 1 --per Demo"))
    p.add_argument("--minutes", action=_Detail, metavar="N", help=_("a new duration, 5 to 480 minutes"))
    p.add_argument("--market", action=_Detail, metavar="MARKET", help=_("this market only (default: every market)"))
