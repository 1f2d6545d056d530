"""``check`` on the command line: each rep's working time, work not placed and workload flags, week
by week; over ``--weeks N`` the quarter first (:mod:`planner.quarter`): the busiest weeks, then reps x
weeks with the team's totals."""

from __future__ import annotations

from .cli import _emit, _store, _table, _week, command
from .i18n import _, number
from .workload import SEVERITY_LABELS, severity_label


def _flag_json(f) -> dict:
    return {"rule": f.rule, "severity": f.severity, "value": f.value, "threshold": f.threshold,
            "week": f.week, "days": list(f.days), "source": f.source, "message": f.message}


def _account_line(rep: str, w) -> str:
    """One line of a rep's week: working time and the work that found no place (planner.team.RepWeek)."""
    unplaced = (_("{hours} h of work not placed").format(hours=number(w.unplaced_hours)) if w.unplaced_blocks
                else _("all work placed"))
    return _("{rep}: {hours} h of working time in {week}, {unplaced}").format(
        rep=rep, hours=number(w.working_hours), week=w.week, unplaced=unplaced)


@command("check")
def cmd_check(args, today):
    from .calendars import inputs_of
    from .team import check

    year, week = _week(args, today)
    _weeks_arg(year, week, args.weeks)
    store = _store(args)
    scenario = store.load()
    if args.rep:
        scenario.rep(args.rep)
    results = check(scenario, year, week, weeks=args.weeks, stretch=args.stretch, rep=args.rep,
                    calendars=inputs_of(store, scenario))
    data = {"reps": [{"rep": r["rep"], "hours": r["weekly_hours"][0], "weekly_hours": r["weekly_hours"],
                      "weeks": r["weeks"]} | r["accounts"][0].account()
                     | {"accounts": [{"week": a.week} | a.account() for a in r["accounts"]],
                        "flags": [_flag_json(f) for f in r["flags"]]} for r in results]}
    lines = []
    labels = {code: severity_label(code) for code in SEVERITY_LABELS}
    width = max(8, *(len(label) for label in labels.values()))  # English: the 8 of "CRITICAL"
    for r in results:
        lines += [_account_line(r["rep"], a) for a in r["accounts"]]
        if not r["flags"]:
            lines[-1] += _(" - no flags")
        many = args.weeks > 1
        lines += [f"  {labels[f.severity]:{width}} {f.rule}{f' ({f.week})' if many else ''}: {f.message}  [{f.source}]"
                  for f in r["flags"]]
    if args.weeks > 1:  # the quarter first: the busiest weeks, then reps x weeks (planner.quarter)
        from .quarter import quarter_of

        q = quarter_of(scenario, (year, week), [r["accounts"] for r in results])
        data["quarter"] = q.to_dict()
        lines = quarter_lines(q) + lines
    _emit(args, data, lines)


def _weeks_arg(year: int, week: int, weeks: int) -> None:
    """--weeks: 1 to 52 weeks that end by 2099, or one line saying why not."""
    from .errors import ValidationError
    from .quarter import weeks_from

    try:
        weeks_from(year, week, weeks)
    except ValidationError as exc:
        raise ValidationError("--weeks", weeks, exc.problem) from None


def quarter_lines(q) -> list[str]:
    """The quarter as ``check --weeks N`` prints it: the busiest weeks, then planned hours per rep and
    week with the team's totals (planner.quarter.table_lines)."""
    from .quarter import busiest_line, table_lines

    return [busiest_line(q), _("Planned hours per week, {first} to {last} (! a critical flag, * a warning):").format(
            first=q.weeks[0], last=q.weeks[-1]) if q.weeks else _("Planned hours per week:"),
            *_table(*table_lines(q))]
