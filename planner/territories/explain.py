"""Every choice in words: why a market went to its rep, and why a market was left out.

Each reason names what decided it, with the numbers behind it: the rep's fit
with the market (hours shared out of the market's business week), and, when a
better-fitting rep did not get it, which rule stopped that rep.
"""

from __future__ import annotations

from ..i18n import N_, _, amount, ngettext, number, percent
from ..timezones import format_week
from .fit import EPS
from .plan import LeftOut, LockedProblem, Plan, PlannedAssignment, RepLoad
from .rules import Problem, joint_violations
from .search import State, band_of, excess_of


def _pct(x: float) -> str:
    return percent(x)


def why_not(p: Problem, state: State, k: int, band: float) -> tuple[str, str] | None:
    """Which rule stops the rep of column ``k`` from also taking its market, or None."""
    rep, market = p.pairs[k]
    settings, table = p.scenario.settings, p.table
    cols = [c for c in state.mine[rep] if p.pairs[c][1] != market] + [k]
    load = state.load[rep] - sum(p.loads[c] for c in state.mine[rep] if p.pairs[c][1] == market) + p.loads[k]
    cap = table.capacity[rep]
    if load > cap + EPS:
        return "capacity", _("{rep} has {load} of {capacity} h planned and {market} needs {hours} h").format(
            rep=rep, load=number(state.load[rep]), capacity=number(cap), market=market, hours=number(p.loads[k]))
    if load > band * cap + EPS:
        return "balance", _("{rep} would be at {share} of capacity, above the balance band of {band} (the team's "
                            "average plus the margin)").format(rep=rep, share=_pct(load / cap), band=_pct(band))
    if len(cols) > settings.max_markets_per_rep:
        return "focus_count", ngettext("{rep} already covers {n} market, the focus limit",
                                       "{rep} already covers {n} markets, the focus limit", len(cols) - 1).format(
            rep=rep, n=len(cols) - 1)
    offsets = [table.offsets[p.pairs[c][1]] for c in cols]
    if max(offsets) - min(offsets) > settings.max_offset_spread_hours + EPS:
        return "focus_spread", _("{rep}'s markets would span {hours} h of UTC offsets, over the limit of {limit} h").format(
            rep=rep, hours=number(max(offsets) - min(offsets)), limit=number(settings.max_offset_spread_hours))
    if rep in p.locked_broken:
        if p.fits_rep(rep, cols):
            return None
        return "schedule", _("{rep}'s week cannot even hold the markets locked to {rep}").format(rep=rep)
    if joint_violations(p, cols):
        return "shared_hours", _("{rep}'s hours shared with {market} are already taken by the live work of other "
                                 "markets").format(rep=rep, market=market)
    if p.check.keeps(rep, p.markets(cols)):
        return None
    unplaced = p.check.unplaced(rep, p.markets(cols))
    if not unplaced:
        return "schedule", _("{rep}'s week could not hold a smaller set of these markets").format(rep=rep)
    live = [u for u in unplaced if p.scenario.activity(u.activity).live]
    what = (ngettext("{n} live block", "{n} live blocks", len(live)).format(n=len(live)) if live else
            ngettext("{n} block", "{n} blocks", len(unplaced)).format(n=len(unplaced)))
    return "schedule", _("{rep}'s week could not place {what} ({reason})").format(
        rep=rep, what=what, reason=unplaced[0].reason)


def _assigned_reason(p: Problem, state: State, k: int, band: float) -> str:
    rep, market = p.pairs[k]
    fit = p.table.get(rep, market)
    cap = p.table.capacity[rep]
    shares = _("shares {shared} h a week with {market}'s business hours ({share} of its {hours} h), enough for its "
               "{live} h of live work; it adds {load} h to {rep}'s week ({total} of {capacity} h in all).").format(
        shared=number(fit.overlap_hours), market=market, share=_pct(fit.fit), hours=number(fit.market_hours),
        live=number(fit.live_hours), load=number(fit.load_hours), rep=rep, total=number(state.load[rep]),
        capacity=number(cap))
    reach = f"{rep} {shares}"
    better = sorted((j for j in p.by_market[market] if p.fits[j] > p.fits[k] + EPS), key=lambda j: (-p.fits[j], j))
    if not better:
        others = sorted((j for j in p.by_market[market] if j != k), key=lambda j: (-p.fits[j], j))
        if not others:
            return _("{reach} No other rep's hours fit it.").format(reach=reach)
        lead = (_("{rep} has the best time-zone fit: {shares}") if p.fits[others[0]] < p.fits[k] - EPS
                else _("{rep} fits it as well as any rep: {shares}"))
        also = ", ".join(_("{rep} ({hours} h shared)").format(rep=p.pairs[j][0],
                                                               hours=number(p.table.get(*p.pairs[j]).overlap_hours))
                         for j in others[:2])
        return _("{lead} Others whose hours fit it: {others}.").format(lead=lead.format(rep=rep, shares=shares),
                                                                        others=also)
    stops = []
    for j in better[:2]:
        why = why_not(p, state, j, band)
        shared = p.table.get(*p.pairs[j]).overlap_hours
        stops.append(_("{rep} would fit better ({hours} h shared) but {why}").format(
            rep=p.pairs[j][0], hours=number(shared), why=why[1] if why else _("the plan's other choices weigh more")))
    return f"{reach} " + "; ".join(stops) + "."


def explain(p: Problem, chosen: list[int], *, status: str, gap: float, fit_gap: float | None, margin: float,
            hire, seconds: float, by_hand: frozenset = frozenset()) -> Plan:
    """The plan of columns ``chosen``, every choice in words. ``by_hand``: pairs kept as locked ones are
    although not locked (a plan as assigned, :mod:`.assigned`), said to be assigned by hand."""
    scenario, table = p.scenario, p.table
    state = State.of(p, chosen)
    band = band_of(p, state.load, margin)
    excess = excess_of(p, state.load, margin)
    assignments = []
    for k in chosen:
        rep, market = p.pairs[k]
        fit = table.get(rep, market)
        if p.pairs[k] in p.locked:
            reason = (_("Assigned to {rep} by hand.") if p.pairs[k] in by_hand else
                      _("Locked to {rep} by hand.")).format(rep=rep)
            if not fit.fits:
                reason += _(" Warning: they share only {shared} h a week, less than its {live} h of live work.").format(
                    shared=number(fit.overlap_hours), live=number(fit.live_hours))
            if rep in p.locked_broken:
                reason += _(" Warning: {rep}'s week cannot hold all the markets {kept} (see below).").format(
                    rep=rep, kept=_kept(p, rep, by_hand))
        else:
            reason = _assigned_reason(p, state, k, band)
        assignments.append(PlannedAssignment(rep, market, fit.overlap_hours, fit.live_hours, fit.load_hours,
                                             scenario.market(market).value,
                                             p.pairs[k] in p.locked and p.pairs[k] not in by_hand, reason,
                                             fit.fit))
    covered = {p.pairs[k][1] for k in chosen}
    unassigned = [_left_out(p, state, m, band, status == "assigned") for m in scenario.markets
                  if m.name not in covered]
    reps = tuple(RepLoad(r.name, state.load[r.name], table.capacity[r.name], len(state.mine[r.name]))
                 for r in scenario.reps)
    order = {m.name: i for i, m in enumerate(scenario.markets)}
    problems = tuple(_locked_problem(p, rep, unplaced, by_hand) for rep, unplaced in p.locked_broken.items())
    return Plan(format_week(table.year, table.week), status, gap, fit_gap, band, excess,
                sum(a.value for a in assignments), sum(m.value for m in scenario.markets),
                tuple(sorted(assignments, key=lambda a: order[a.market])), tuple(unassigned), reps,
                tuple(hire), seconds, problems)


def _kept(p: Problem, rep: str, by_hand: frozenset) -> str:
    """How the markets kept for ``rep`` came to be: locked, assigned by hand, or both."""
    mine = {pair for pair in p.locked if pair[0] == rep}
    if not mine & by_hand:
        return _("locked to {rep}").format(rep=rep)
    return (_("assigned to {rep} by hand") if mine <= by_hand else
            _("locked or assigned to {rep} by hand")).format(rep=rep)


def _locked_problem(p: Problem, rep: str, unplaced, by_hand: frozenset = frozenset()) -> LockedProblem:
    markets = tuple(sorted(m for r, m in p.locked if r == rep))
    hours = sum(u.minutes for u in unplaced) / 60
    reasons = sorted({f"{u.market} {u.activity}: {u.reason}" for u in unplaced})
    return LockedProblem(rep, markets, len(unplaced), hours,
                         ngettext("{n} block ({hours} h) of the markets {kept} cannot be placed in {rep}'s week: ",
                                  "{n} blocks ({hours} h) of the markets {kept} cannot be placed in {rep}'s week: ",
                                  len(unplaced)).format(n=len(unplaced), hours=number(hours),
                                                        kept=_kept(p, rep, by_hand), rep=rep)
                         + "; ".join(reasons[:3]) + ("; ..." if len(reasons) > 3 else ""))


def _left_out(p: Problem, state: State, market, band: float, as_assigned: bool = False) -> LeftOut:
    """Why nobody covers ``market``. In the optimiser's plan a rep free to take it means the search
    stopped first; in a plan as assigned (a report's) it means the plan could cover it."""
    name, table = market.name, p.table
    fits = [table.get(r.name, name) for r in p.scenario.reps]
    live = fits[0].live_hours
    best = max(fits, key=lambda f: f.overlap_hours)
    columns = p.by_market[name]
    sharing = [f for f in fits if f.fits]
    if not sharing:
        return LeftOut(name, market.value, "no_overlap",
                       _("No rep's working hours meet {market}'s business hours long enough: it needs {live} h "
                         "of live work a week; the most any rep shares with it is {shared} h ({rep}).").format(
                           market=name, live=number(live), shared=number(best.overlap_hours), rep=best.rep))
    fitting = [f for f in sharing if table.capacity[f.rep] > 0]
    if not fitting:
        return LeftOut(name, market.value, "no_capacity",
                       _("The reps whose hours meet {market}'s ({reps}) can take no work this week: public "
                         "holidays or a maximum of 0 h.").format(market=name,
                                                                 reps=", ".join(f.rep for f in sharing[:3])))
    if not columns:
        if any(f.load_hours <= table.capacity[f.rep] + 1e-9 for f in fitting):
            limit = p.scenario.settings.max_live_run_minutes
            return LeftOut(name, market.value, "back_to_back",
                           _("{market}'s {live} h of live work do not fit the hours any rep shares with it once a "
                             "15-minute break follows every {limit} min of live work back to back.").format(
                               market=name, live=number(live), limit=limit))
        return LeftOut(name, market.value, "too_big",
                       _("{market} needs {hours} h a week, more than any fitting rep can take (at most {most} h).").format(
                           market=name, hours=number(fitting[0].load_hours),
                           most=number(max(table.capacity[f.rep] for f in fitting))))
    if market.value <= 0:
        return LeftOut(name, market.value, "no_value", _("{market} has no value in the scenario, so no rep's "
                                                         "hours are spent on it.").format(market=name))
    blocked = []
    for k in sorted(columns, key=lambda k: (-p.fits[k], k)):
        why = why_not(p, state, k, band) or (
            ("room", _("{rep} has room for it in this plan").format(rep=p.pairs[k][0])) if as_assigned else
            ("not_reached", _("{rep} could take it, but the search ran out of time before it").format(rep=p.pairs[k][0])))
        blocked.append(why)
    code = blocked[0][0]
    details = "; ".join(text for _code, text in blocked[:3])
    return LeftOut(name, market.value, code, _("{lead}: {details}. {instead}").format(
        lead=_(LEADS[code]), details=details, instead=_instead(p, state, blocked, columns, market)))


# Why a market is left out, by the rule that stopped the reps who fit it best.
LEADS = {"capacity": N_("The reps whose hours fit it best are full"),
         "balance": N_("The reps whose hours fit it best are at the balance band"),
         "focus_count": N_("The reps whose hours fit it best are at their focus limit"),
         "focus_spread": N_("Covering it would stretch a rep across too many time zones"),
         "shared_hours": N_("The hours it could use are taken by the live work of other markets"),
         "schedule": N_("The weeks of the reps whose hours fit it cannot hold its blocks"),
         "not_reached": N_("Not placed in the time given"),
         "room": N_("Nobody is assigned to it, and a rep could take it")}


def _instead(p: Problem, state: State, blocked, columns, market) -> str:
    """What the best-fitting rep's week holds instead, when it is worth more than this market."""
    rep = p.pairs[sorted(columns, key=lambda k: (-p.fits[k], k))[0]][0]
    mine = [p.pairs[k][1] for k in state.mine[rep]]
    worth = sum(p.values[k] for k in state.mine[rep])
    if any(p.values[k] < market.value for k in state.mine[rep]):
        return _("{rep}'s week holds {markets} instead, worth {value} together.").format(
            rep=rep, markets=", ".join(mine), value=amount(worth))
    return _("Markets of higher value come first.") if mine else ""
