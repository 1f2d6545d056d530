"""``hire``: the fewest new reps with whom the team covers every market worth at least X.

It reads only (``--read-only`` works): the plan is printed, not stored. The search is the
assignment's own model and week check (:mod:`planner.territories.hiring_plan`); the first line
says whether the number of hires is proven minimal, or how many more than needed it may be.
"""

from __future__ import annotations

from .cli import _emit, _week, command


def _money(value: float) -> str:
    return f"{value:,.0f}"


def lines_of(plan) -> list[str]:
    """The plan in words, as ``hire`` prints it."""
    worth = f"every market worth at least {_money(plan.min_value)} ({len(plan.needed)} markets)"
    if plan.status in ("infeasible", "none_found"):
        lines = [f"Hiring plan for {plan.week}, {worth}: {plan.proof()}."]
    else:
        count = len(plan.hires)
        who = "the team alone covers" if not count else \
            f"{count} new rep{'s' if count != 1 else ''} and the team cover"
        lines = [f"Hiring plan for {plan.week}: {who} {worth}; {plan.proof()}."]
    for h in plan.hires:
        lines.append(f"  {h.name}: {h.timezone} ({h.country}), {h.hours}, takes {', '.join(h.markets)}: adds "
                     f"{_money(h.value)} ({h.load_hours:g} of {h.capacity_hours:g} h)")
    if plan.weeks is not None:
        flagged = [f"{w.rep} ({', '.join(w.flags)})" for w in plan.weeks if w.flags]
        lines.append(f"The plan covers {_money(plan.value)} of {_money(plan.total_value)} in market value; "
                     f"every rep's week as the scheduler builds it: {plan.unplaced_blocks} blocks not placed, "
                     f"{plan.outside_hours:g} h outside working hours"
                     + (f"; flags: {'; '.join(flagged)}." if flagged else ", no flags."))
    if plan.out_of_reach:
        lines.append("Out of reach (no rep and no candidate hire can take them):")
        lines += [f"  {o.market} ({_money(o.value)}): {o.reason}" for o in plan.out_of_reach]
    lines.append(f"Candidates: reps on the team's usual hours in {plan.candidates} zones whose weeks differ; "
                 f"{plan.weeks_checked} weeks checked by the scheduler.")
    return lines


@command("hire")
def cmd_hire(args, today):
    from .calendars import calendar_inputs
    from .cli import _check_time_limit
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
    p = add("hire", "the fewest new reps with whom the team covers every market worth at least --min-value "
                    "in humane hours", reads=True)
    p.add_argument("--min-value", type=float, required=True, help="cover every market worth at least this")
    p.add_argument("--max-hires", type=int, default=None, help="hire at most this many new reps")
    p.add_argument("--week", help="planning week such as 2027-W11 (default: this week)")
    p.add_argument("--time-limit", type=float, default=30.0, help="seconds to search (default 30)")
