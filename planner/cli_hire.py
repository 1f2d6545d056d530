"""``hire``: the fewest new reps with whom the team covers every market worth at least X.

It reads only (``--read-only`` works): the plan is printed, not stored. The search is the
assignment's own model and week check (:mod:`planner.territories.hiring_plan`); the first line
says whether the number of hires is proven minimal, or how many more than needed it may be.
"""

from __future__ import annotations

from .cli import _emit, _week, command
from .i18n import _, amount, ngettext, number


def lines_of(plan) -> list[str]:
    """The plan in words, as ``hire`` prints it."""
    worth = ngettext("every market worth at least {value} ({n} market)",
                     "every market worth at least {value} ({n} markets)", len(plan.needed)).format(
        value=amount(plan.min_value), n=len(plan.needed))
    if plan.status in ("infeasible", "none_found"):
        lines = [_("Hiring plan for {week}, {worth}: {proof}.").format(week=plan.week, worth=worth, proof=plan.proof())]
    else:
        count = len(plan.hires)
        who = (_("Hiring plan for {week}: the team alone covers {worth}; {proof}.") if not count else
               ngettext("Hiring plan for {week}: {n} new rep and the team cover {worth}; {proof}.",
                        "Hiring plan for {week}: {n} new reps and the team cover {worth}; {proof}.", count))
        lines = [who.format(week=plan.week, n=count, worth=worth, proof=plan.proof())]
    for h in plan.hires:
        lines.append(_("  {name}: {zone} ({country}), {hours}, takes {markets}: adds {value} ({load} of {capacity} h)")
                     .format(name=h.name, zone=h.timezone, country=h.country, hours=h.hours,
                             markets=", ".join(h.markets), value=amount(h.value), load=number(h.load_hours),
                             capacity=number(h.capacity_hours)))
    if plan.weeks is not None:
        flagged = [f"{w.rep} ({', '.join(w.flags)})" for w in plan.weeks if w.flags]
        lines.append(_("The plan covers {value} of {total} in market value; every rep's week as the scheduler builds "
                       "it: {blocks} blocks not placed, {hours} h outside working hours").format(
            value=amount(plan.value), total=amount(plan.total_value), blocks=plan.unplaced_blocks,
            hours=number(plan.outside_hours))
            + (_("; flags: {flags}.").format(flags="; ".join(flagged)) if flagged else _(", no flags.")))
    if plan.out_of_reach:
        lines.append(_("Out of reach (no rep and no candidate hire can take them):"))
        lines += [f"  {o.market} ({amount(o.value)}): {o.reason}" for o in plan.out_of_reach]
    lines.append(_("Candidates: reps on the team's usual hours in {zones} zones whose weeks differ; {weeks} weeks "
                   "checked by the scheduler.").format(zones=plan.candidates, weeks=plan.weeks_checked))
    return lines


@command("hire")
def cmd_hire(args, today):
    from .calendars import calendar_inputs
    from .cli_plan import _check_time_limit
    from .territories.hiring_plan import check_values, plan_hires
    from .territories.hiring_result import hiring_to_dict

    _check_time_limit(args)
    check_values(args.min_value, args.max_hires, args.time_limit)  # before the database is opened
    store = _store(args)
    scenario = store.load()
    year, week = _week(args, today)
    busy, pins = calendar_inputs(store, scenario, year, week)
    plan = plan_hires(scenario, year, week, args.min_value, max_hires=args.max_hires, time_limit=args.time_limit,
                      busy=busy, pins=pins)
    _emit(args, hiring_to_dict(plan), lines_of(plan))


def _store(args):
    from .cli import _store as store_of

    return store_of(args)


def add_parsers(add) -> None:
    """The hire command's arguments (``add`` is :func:`planner.cli.build_parser`'s helper)."""
    p = add("hire", _("the fewest new reps with whom the team covers every market worth at least --min-value "
                    "in humane hours"), reads=True)
    p.add_argument("--min-value", type=float, required=True, help=_("cover every market worth at least this"))
    p.add_argument("--max-hires", type=int, default=None, help=_("hire at most this many new reps"))
    p.add_argument("--week", help=_("planning week such as 2027-W11 (default: this week)"))
    p.add_argument("--time-limit", type=float, default=30.0, help=_("seconds to search (default 30)"))
