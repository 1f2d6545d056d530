"""Every choice in words: why a market went to its rep, and why a market was left out.

Each reason names what decided it, with the numbers behind it: the rep's fit
with the market (hours shared out of the market's business week), and, when a
better-fitting rep did not get it, which rule stopped that rep.
"""

from __future__ import annotations

from ..timezones import format_week
from .fit import EPS
from .plan import LeftOut, LockedProblem, Plan, PlannedAssignment, RepLoad
from .rules import Problem, joint_violations
from .search import State, band_of, excess_of


def _pct(x: float) -> str:
    return f"{x:.0%}"


def why_not(p: Problem, state: State, k: int, band: float) -> tuple[str, str] | None:
    """Which rule stops the rep of column ``k`` from also taking its market, or None."""
    rep, market = p.pairs[k]
    settings, table = p.scenario.settings, p.table
    cols = [c for c in state.mine[rep] if p.pairs[c][1] != market] + [k]
    load = state.load[rep] - sum(p.loads[c] for c in state.mine[rep] if p.pairs[c][1] == market) + p.loads[k]
    cap = table.capacity[rep]
    if load > cap + EPS:
        return "capacity", (f"{rep} has {state.load[rep]:g} of {cap:g} h planned and {market} needs "
                            f"{p.loads[k]:g} h")
    if load > band * cap + EPS:
        return "balance", (f"{rep} would be at {_pct(load / cap)} of capacity, above the balance band "
                           f"of {_pct(band)} (the team's average plus the margin)")
    if len(cols) > settings.max_markets_per_rep:
        return "focus_count", f"{rep} already covers {len(cols) - 1} markets, the focus limit"
    offsets = [table.offsets[p.pairs[c][1]] for c in cols]
    if max(offsets) - min(offsets) > settings.max_offset_spread_hours + EPS:
        return "focus_spread", (f"{rep}'s markets would span {max(offsets) - min(offsets):g} h of UTC offsets, "
                                f"over the limit of {settings.max_offset_spread_hours:g} h")
    if rep in p.locked_broken:
        if p.fits_rep(rep, cols):
            return None
        return "schedule", f"{rep}'s week cannot even hold the markets locked to {rep}"
    if joint_violations(p, cols):
        return "shared_hours", f"{rep}'s hours shared with {market} are already taken by the live work of other markets"
    if p.check.keeps(rep, p.markets(cols)):
        return None
    unplaced = p.check.unplaced(rep, p.markets(cols))
    if not unplaced:
        return "schedule", f"{rep}'s week could not hold a smaller set of these markets"
    live = [u for u in unplaced if p.scenario.activity(u.activity).live]
    what = f"{len(live)} live blocks" if live else f"{len(unplaced)} blocks"
    return "schedule", f"{rep}'s week could not place {what} ({unplaced[0].reason})"


def _assigned_reason(p: Problem, state: State, k: int, band: float) -> str:
    rep, market = p.pairs[k]
    fit = p.table.get(rep, market)
    cap = p.table.capacity[rep]
    shares = (f"shares {fit.overlap_hours:g} h a week with {market}'s business hours "
              f"({_pct(fit.fit)} of its {fit.market_hours:g} h), enough for its {fit.live_hours:g} h of live work; "
              f"it adds {fit.load_hours:g} h to {rep}'s week ({state.load[rep]:g} of {cap:g} h in all).")
    reach = f"{rep} {shares}"
    better = sorted((j for j in p.by_market[market] if p.fits[j] > p.fits[k] + EPS), key=lambda j: (-p.fits[j], j))
    if not better:
        others = sorted((j for j in p.by_market[market] if j != k), key=lambda j: (-p.fits[j], j))
        if not others:
            return f"{reach} No other rep's hours fit it."
        lead = "has the best time-zone fit" if p.fits[others[0]] < p.fits[k] - EPS else "fits it as well as any rep"
        also = ", ".join(f"{p.pairs[j][0]} ({p.table.get(*p.pairs[j]).overlap_hours:g} h shared)" for j in others[:2])
        return f"{rep} {lead}: {shares} Others whose hours fit it: {also}."
    stops = []
    for j in better[:2]:
        why = why_not(p, state, j, band)
        shared = p.table.get(*p.pairs[j]).overlap_hours
        stops.append(f"{p.pairs[j][0]} would fit better ({shared:g} h shared) but "
                     + (why[1] if why else "the plan's other choices weigh more"))
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
            reason = f"Assigned to {rep} by hand." if p.pairs[k] in by_hand else f"Locked to {rep} by hand."
            if not fit.fits:
                reason += (f" Warning: they share only {fit.overlap_hours:g} h a week, "
                           f"less than its {fit.live_hours:g} h of live work.")
            if rep in p.locked_broken:
                reason += f" Warning: {rep}'s week cannot hold all the markets {_kept(p, rep, by_hand)} (see below)."
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
        return f"locked to {rep}"
    return f"assigned to {rep} by hand" if mine <= by_hand else f"locked or assigned to {rep} by hand"


def _locked_problem(p: Problem, rep: str, unplaced, by_hand: frozenset = frozenset()) -> LockedProblem:
    markets = tuple(sorted(m for r, m in p.locked if r == rep))
    hours = sum(u.minutes for u in unplaced) / 60
    reasons = sorted({f"{u.market} {u.activity}: {u.reason}" for u in unplaced})
    return LockedProblem(rep, markets, len(unplaced), hours,
                         f"{len(unplaced)} blocks ({hours:g} h) of the markets {_kept(p, rep, by_hand)} cannot be placed in "
                         f"{rep}'s week: " + "; ".join(reasons[:3]) + ("; ..." if len(reasons) > 3 else ""))


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
                       f"No rep's working hours meet {name}'s business hours long enough: it needs "
                       f"{live:g} h of live work a week; the most any rep shares with it is "
                       f"{best.overlap_hours:g} h ({best.rep}).")
    fitting = [f for f in sharing if table.capacity[f.rep] > 0]
    if not fitting:
        return LeftOut(name, market.value, "no_capacity",
                       f"The reps whose hours meet {name}'s ({', '.join(f.rep for f in sharing[:3])}) can take no "
                       "work this week: public holidays or a maximum of 0 h.")
    if not columns:
        if any(f.load_hours <= table.capacity[f.rep] + 1e-9 for f in fitting):
            limit = p.scenario.settings.max_live_run_minutes
            return LeftOut(name, market.value, "back_to_back",
                           f"{name}'s {live:g} h of live work do not fit the hours any rep shares with it once "
                           f"a 15-minute break follows every {limit} min of live work back to back.")
        return LeftOut(name, market.value, "too_big",
                       f"{name} needs {fitting[0].load_hours:g} h a week, more than any fitting rep can take "
                       f"(at most {max(table.capacity[f.rep] for f in fitting):g} h).")
    if market.value <= 0:
        return LeftOut(name, market.value, "no_value", f"{name} has no value in the scenario, so no rep's "
                       "hours are spent on it.")
    blocked = []
    for k in sorted(columns, key=lambda k: (-p.fits[k], k)):
        why = why_not(p, state, k, band) or (
            ("room", f"{p.pairs[k][0]} has room for it in this plan") if as_assigned else
            ("not_reached", f"{p.pairs[k][0]} could take it, but the search ran out of time before it"))
        blocked.append(why)
    code = blocked[0][0]
    details = "; ".join(text for _, text in blocked[:3])
    lead = {"capacity": "The reps whose hours fit it best are full",
            "balance": "The reps whose hours fit it best are at the balance band",
            "focus_count": "The reps whose hours fit it best are at their focus limit",
            "focus_spread": "Covering it would stretch a rep across too many time zones",
            "shared_hours": "The hours it could use are taken by the live work of other markets",
            "schedule": "The weeks of the reps whose hours fit it cannot hold its blocks",
            "not_reached": "Not placed in the time given",
            "room": "Nobody is assigned to it, and a rep could take it"}[code]
    return LeftOut(name, market.value, code, f"{lead}: {details}. {_instead(p, state, blocked, columns, market)}")


def _instead(p: Problem, state: State, blocked, columns, market) -> str:
    """What the best-fitting rep's week holds instead, when it is worth more than this market."""
    rep = p.pairs[sorted(columns, key=lambda k: (-p.fits[k], k))[0]][0]
    mine = [p.pairs[k][1] for k in state.mine[rep]]
    worth = sum(p.values[k] for k in state.mine[rep])
    if any(p.values[k] < market.value for k in state.mine[rep]):
        return f"{rep}'s week holds {', '.join(mine)} instead, worth {worth:,.0f} together."
    return "Markets of higher value come first." if mine else ""
