"""The commands that plan: ``overlap``, ``assign``, ``schedule``, ``export``, ``import-busy`` and
``compare``, each a thin layer over the core (their options are declared in :func:`planner.cli.build_parser`).
"""

from __future__ import annotations

from . import cli_alternatives, cli_caldav
from .cli import _emit, _say, _store, _table, _week, command
from .errors import PlannerError
from .hours import parse_hours
from .i18n import N_, _, amount, ngettext, number, percent, weekday
from .overlap import Side, overlap
from .timezones import check_zone, format_week, in_zone

# How assign names a plan's status in a sentence (--json keeps the code).
STATUS_WORDS = {"optimal": N_("optimal"), "feasible": N_("feasible"), "cancelled": N_("cancelled"),
                "assigned": N_("assigned")}


def _interval_json(interval, tz: str) -> dict:
    return {"start": in_zone(interval.start, tz).isoformat(), "end": in_zone(interval.end, tz).isoformat()}


def _overlap_text(hours: float, spans, tz: str, note: str = "") -> list[str]:
    lines = [_("{hours} h of overlap").format(hours=number(hours)) + note]
    for start, end in spans:
        start, end = in_zone(start, tz), in_zone(end, tz)
        lines.append(f"  {weekday(start)} {start:%Y-%m-%d %H:%M} - {end:%H:%M} "
                     f"({tz}, {number((end - start).total_seconds() / 3600)} h)")
    return lines


def _lunch_note(scenario, rep: str | None = None) -> str:
    """How shared hours of scenario reps are counted: lunch taken out (planner.working_time)."""
    settings = scenario.settings
    if not settings.lunch_minutes:
        return ""
    start = settings.lunch_start_minute
    end = start + settings.lunch_minutes
    clock = f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"
    return (_(" ({rep}'s lunch {clock} taken out)") if rep else _("lunch {clock} taken out")).format(clock=clock, rep=rep)


@command("overlap")
def cmd_overlap(args, today):
    from .overlap import from_minute
    from .territories import fit_table
    from .working_time import shared_spans

    year, week = _week(args, today)
    holidays = not args.no_holidays
    ad_hoc = [args.rep_tz, args.rep_hours, args.market_tz, args.market_hours]
    if any(ad_hoc):  # two bare sides: raw overlap, no lunch (there is no scenario to take it from)
        if not all(ad_hoc):
            raise PlannerError(_("overlap: --rep-tz, --rep-hours, --market-tz and --market-hours go together"))
        rep = Side(check_zone(args.rep_tz, "--rep-tz"), _hours_arg(args.rep_hours, "--rep-hours"),
                   _country_arg(args.rep_country, "--rep-country"))
        market = Side(check_zone(args.market_tz, "--market-tz"), _hours_arg(args.market_hours, "--market-hours"),
                      _country_arg(args.market_country, "--market-country"))
        result = overlap(rep, market, year, week, holidays=holidays)
        data = {"hours": result.hours, "intervals": [_interval_json(i, rep.timezone) for i in result.intervals]}
        _emit(args, data, _overlap_text(result.hours, [(i.start, i.end) for i in result.intervals], rep.timezone))
        return
    scenario = _store(args).load()
    lunch = bool(scenario.settings.lunch_minutes)
    if args.rep or args.market:
        if not (args.rep and args.market):
            raise PlannerError(_("overlap: give both --rep and --market, or neither for the whole matrix"))
        rep, market = scenario.rep(args.rep), scenario.market(args.market)
        spans = [(from_minute(s), from_minute(e))
                 for s, e in shared_spans(rep, scenario.settings, market.side, year, week, holidays=holidays)]
        hours = sum((e - s).total_seconds() for s, e in spans) / 3600
        data = {"rep": rep.name, "market": market.name, "week": format_week(year, week), "hours": hours,
                "lunch_excluded": lunch,
                "intervals": [{"start": in_zone(s, rep.timezone).isoformat(), "end": in_zone(e, rep.timezone).isoformat()}
                              for s, e in spans]}
        _emit(args, data, _overlap_text(hours, spans, rep.timezone, _lunch_note(scenario, rep.name)))
        return
    table = fit_table(scenario, year, week, holidays=holidays)  # the hours the optimiser counts
    reps, markets = [r.name for r in scenario.reps], [m.name for m in scenario.markets]
    hours = [[table.get(r, m).overlap_hours for m in markets] for r in reps]
    data = {"week": format_week(year, week), "reps": reps, "markets": markets, "hours": hours,
            "lunch_excluded": lunch}
    rows = [(m, *(number(hours[i][j]) for i in range(len(reps)))) for j, m in enumerate(markets)]
    note = f" ({_lunch_note(scenario)})" if lunch else ""
    _emit(args, data, [_("Overlap hours, {week}").format(week=format_week(year, week)) + note,
                       *_table((_("Market"), *reps), rows)])


def _check_time_limit(args) -> None:
    import math

    from .errors import ValidationError

    if not (math.isfinite(args.time_limit) and args.time_limit > 0):
        raise ValidationError("--time-limit", args.time_limit, _("give a finite number of seconds above 0"))


@command("assign")
def cmd_assign(args, today):
    from .calendars import calendar_inputs
    from .territories import apply_plan, optimise, plan_to_dict

    _check_time_limit(args)
    store = _store(args)
    scenario = store.load()
    year, week = _week(args, today)
    busy, pins = calendar_inputs(store, scenario, year, week)
    plan = optimise(scenario, year, week, time_limit=args.time_limit, busy=busy, pins=pins)
    if args.apply:
        from .history import recording

        with recording(store, _("Apply the optimised plan for {week}").format(week=plan.week), source="optimiser"):
            store.save(apply_plan(scenario, plan))
    lines = [_("Plan for {week}: {status}, covers {value} of {total} in market value; mean time-zone fit {fit}; "
               "busiest rep at {busiest} of capacity").format(
        week=plan.week, status=_(STATUS_WORDS.get(plan.status, plan.status)), value=amount(plan.value), total=amount(plan.total_value),
        fit=percent(plan.mean_fit), busiest=percent(plan.max_utilisation))]
    if plan.status != "optimal":
        lines.append(_("  Not proven best: value within {gap} of the best possible").format(gap=percent(plan.gap, 1))
                     + (_(", fit within {gap}").format(gap=percent(plan.fit_gap, 1)) if plan.fit_gap is not None
                        else ""))
    band = _("the balance band of {band} (team average plus the margin)").format(band=percent(plan.band))
    lines.append(_("  Every rep is within {band}.").format(band=band) if plan.excess <= 1e-9 else
                 _("  No plan of this value keeps every rep within {band}: the busiest is {excess} above it.").format(
                     band=band, excess=percent(plan.excess)))
    lines += [f"  {a.market} -> {a.rep}: {a.reason}" for a in plan.assignments]
    lines.append(_("Reps:"))
    lines += [ngettext("  {rep}: {load} of {capacity} h ({share}), {n} market",
                       "  {rep}: {load} of {capacity} h ({share}), {n} markets", r.markets).format(
        rep=r.rep, load=number(r.load_hours), capacity=number(r.capacity_hours), share=percent(r.utilisation),
        n=r.markets) for r in plan.reps]
    if plan.locked_problems:
        lines.append(_("Locked by hand, and the week cannot hold them:"))
        lines += [f"  {x.rep}: {x.reason}" for x in plan.locked_problems]
    if plan.unassigned:
        lines.append(_("Left out:"))
        lines += [f"  {u.market}: {u.reason}" for u in plan.unassigned]
    if plan.hire:
        lines.append(_("Where to hire next:"))
        lines += [_("  a rep in {zone} ({hours}) would take {markets} ({value})").format(
            zone=h.timezone, hours=h.hours, markets=", ".join(h.markets), value=amount(h.value)) for h in plan.hire]
    if args.apply:
        lines.append(_("Saved to {path}.").format(path=store.path))
    _emit(args, plan_to_dict(plan), lines)


def _event_json(e, tz: str) -> dict:
    return {"rep": e.rep, "market": e.market, "activity": e.activity,
            "start": in_zone(e.start, tz).isoformat(), "end": in_zone(e.end, tz).isoformat(),
            "live": e.live, "outside_hours": e.outside_hours, "pinned": e.pinned}


@command("schedule")
def cmd_schedule(args, today):
    from .calendars import rep_account

    store = _store(args)
    scenario = store.load()
    year, week = _week(args, today)
    reps = [scenario.rep(args.rep)] if args.rep else scenario.reps
    events, unplaced, lines, accounts = [], [], [], []
    for rep in reps:
        account = rep_account(store, scenario, rep.name, year, week, args.stretch)
        sched = account.schedule
        accounts.append({"rep": rep.name, "week": account.week} | account.account())
        events += [_event_json(e, rep.timezone) for e in sched.events]
        unplaced += [{"rep": u.rep, "market": u.market, "activity": u.activity, "minutes": u.minutes,
                      "live": u.live, "reason": u.reason} for u in sched.unplaced]
        lines.append(_("{rep} ({zone}), {week}: {blocks} blocks ({placed} h), {outside} outside working hours, "
                       "{unplaced} not placed ({unplaced_hours} h)").format(
            rep=rep.name, zone=rep.timezone, week=sched.week, blocks=len(sched.events),
            placed=number(account.placed_hours), outside=sum(e.outside_hours for e in sched.events),
            unplaced=account.unplaced_blocks, unplaced_hours=number(account.unplaced_hours)))
        for e in sched.events:
            start, end = in_zone(e.start, rep.timezone), in_zone(e.end, rep.timezone)
            mark = _("  (outside hours)") if e.outside_hours else ""
            lines.append(f"  {weekday(start)} {start:%H:%M}-{end:%H:%M}  {e.market}: {e.activity}{mark}")
        for u in sched.unplaced:
            lines.append(_("  not placed: {market} {activity} ({minutes} min): {reason}").format(
                market=u.market, activity=u.activity, minutes=u.minutes, reason=u.reason))
    _emit(args, {"events": events, "unplaced": unplaced, "reps": accounts}, lines)


@command("export")
def cmd_export(args, today):
    import datetime as _dt

    from .calendars import export_files, not_placed_lines

    store = _store(args)
    scenario = store.load()
    reps = [scenario.rep(args.rep).name] if args.rep else [r.name for r in scenario.reps]
    year, week = _week(args, today)
    files = export_files(store, reps, year, week, args.weeks, args.output, per_rep=args.per_rep,
                         stretch=args.stretch, now=_dt.datetime.now(_dt.timezone.utc))
    data = {"files": [{"path": str(f.path), "reps": list(f.reps), "events": f.events, "new": f.new,
                       "changed": f.changed, "unplaced": f.unplaced, "unplaced_hours": f.unplaced_hours,
                       "removed": [{"uid": r.uid, "summary": r.summary, "start": r.start} for r in f.removed],
                       "not_placed": [{"rep": u.rep, "week": w, "market": u.market, "activity": u.activity,
                                       "minutes": u.minutes, "reason": u.reason} for w, u in f.not_placed],
                       "notes": list(f.notes)}
                      for f in files]}
    lines = []
    for f in files:
        lines.append(_("Wrote {events} events to {path} ({new} new, {changed} changed, {removed} removed)").format(
            events=f.events, path=f.path, new=f.new, changed=f.changed, removed=len(f.removed))
            + (_("; {blocks} blocks ({hours} h of work) could not be placed").format(
                blocks=f.unplaced, hours=number(f.unplaced_hours)) if f.unplaced else ""))
        lines += [_("  removed: {summary} at {start}").format(summary=r.summary, start=r.start) for r in f.removed]
        lines += [_("  not placed: {what}").format(what=line) for line in not_placed_lines(f.not_placed)]
        lines += [_("  note: {note}").format(note=note) for note in f.notes]
    _emit(args, data, lines)


MAX_DAYS = 3650


@command("import-busy")
def cmd_import_busy(args, today):
    import datetime as _dt

    from .calendars import import_busy
    from .errors import ValidationError

    # A window of at least a day ahead: an empty or inverted one would replace the busy
    # times the file brought last time with nothing. Ten years is far more than a calendar needs.
    for flag, value, lowest in (("--days", args.days, 1), ("--days-back", args.days_back, 0)):
        if not lowest <= value <= MAX_DAYS:
            raise ValidationError(flag, value, _("give a whole number of days from {lowest} to {highest}").format(
                lowest=lowest, highest=MAX_DAYS))
    store = _store(args)
    rep = store.load().rep(args.rep)
    start = _dt.datetime.combine(today - _dt.timedelta(days=args.days_back), _dt.time(), _dt.timezone.utc)
    end = _dt.datetime.combine(today + _dt.timedelta(days=args.days), _dt.time(), _dt.timezone.utc)
    if args.url:  # the rep's own calendar on a CalDAV server (planner.cli_caldav)
        return cli_caldav.import_busy_from_server(args, store, rep.name, start, end)
    if not args.file:
        raise PlannerError(_("import-busy: give the .ics file, or --url and --user for a calendar server"))
    count = import_busy(store, rep.name, args.file, start, end)
    _say(_("Imported {count} busy times for {rep} from {file} ({start} to {end})").format(
        count=count, rep=rep.name, file=args.file, start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}"))


@command("compare")
def cmd_compare(args, today):
    from .calendars import calendar_inputs, inputs_of
    if args.plans:  # two alternatives side by side (planner.cli_alternatives)
        return cli_alternatives.compare_plans(args, today)
    from .team import compare_plans, cover_choices, format_clock
    from .territories import apply_plan, optimise

    _check_time_limit(args)
    store = _store(args)
    scenario = store.load()
    year, week = _week(args, today)
    busy, pins = calendar_inputs(store, scenario, year, week)
    plan = optimise(scenario, year, week, time_limit=args.time_limit, hire=False, busy=busy, pins=pins)
    rows, data = [], []
    for c in compare_plans(scenario, apply_plan(scenario, plan), year, week, calendars=inputs_of(store, scenario)):
        item = {"rep": c.rep}
        for name, w in (("cover_everything", c.everything), ("optimised", c.optimised)):
            item[name] = {"hours": w.working_hours} | w.account() | {
                "earliest_start": format_clock(w.earliest_start), "latest_end": format_clock(w.latest_end),
                "markets": sorted(w.by_market), "flags": list(w.flagged_rules)}
        data.append(item)
        e, o = item["cover_everything"], item["optimised"]
        rows.append((c.rep, f"{number(e['hours'])} h", f"{e['earliest_start']}-{e['latest_end']}", len(e["flags"]),
                     f"{number(o['hours'])} h", f"{o['earliest_start']}-{o['latest_end']}", len(o["flags"])))
    choices = cover_choices(scenario, year, week)
    text = _table((_("Rep"), _("Cover all: hours"), _("day"), _("flags"), _("Optimised: hours"), _("day"),
                   _("flags")), rows)
    if choices:
        text += [_("\"Cover all\" gave the markets nobody covers to:")] + [
            f"  {c.market} -> {c.rep} ({c.reason})" for c in choices]
    else:
        text += [_("\"Cover all\" is the plan as assigned: every market has a rep.")]
    _emit(args, {"week": format_week(year, week), "reps": data,
                 "cover_all": [{"market": c.market, "rep": c.rep, "shared_hours": c.shared_hours, "reason": c.reason}
                               for c in choices]}, text)


def _hours_arg(text: str, flag: str):
    try:
        return parse_hours(text)
    except PlannerError as exc:
        raise PlannerError(f"{flag}: {exc}") from None


def _country_arg(code: str | None, flag: str) -> str | None:
    """A country code given on the command line, checked as a scenario's are (None when not given)."""
    from .errors import ValidationError
    from .public_holidays import check_country

    if code is None:
        return None
    try:
        check_country(code, None, flag)
    except ValidationError as exc:
        raise ValidationError(flag, code, exc.problem) from None
    return code
