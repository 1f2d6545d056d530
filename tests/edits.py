"""Random edits a user can make, as core commands: for tests that an incremental path (a save that
writes only what changed, a team week that reschedules only the reps a change touched) ends where
the full one does."""

from __future__ import annotations

import dataclasses

from hypothesis import strategies as st

from planner import commands
from planner.errors import PlannerError
from planner.model import Assignment, Market, Rep

HOURS = ("Mon-Fri 09:00-17:00", "Mon-Thu 07:00-12:00, 13:00-17:00", "Sun-Thu 08:00-16:00", "Mon-Sat 10:00-14:00")
ZONES = (("Europe/Zurich", "CH"), ("America/New_York", "US"), ("Asia/Tokyo", "JP"), ("Australia/Sydney", "AU"))


@st.composite
def edit(draw, scenario):
    """One command a user could give on ``scenario``: any kind of change the app makes."""
    reps, markets = [r.name for r in scenario.reps], [m.name for m in scenario.markets]
    rep, market = draw(st.sampled_from(reps)), draw(st.sampled_from(markets))
    assigned = [a.market for a in scenario.assignments]
    kind = draw(st.sampled_from(["assign", "assign", "assign", "unassign", "lock", "rep hours", "rep rules",
                                 "rep max", "rep rename", "rep zone", "market hours", "market value",
                                 "market rename", "workload", "add rep", "remove rep", "add market",
                                 "remove market", "duplicate market", "shuffle", "settings", "thresholds"]))
    if kind == "assign":
        return commands.Assign(market, rep)
    if kind == "unassign":
        return commands.Assign(draw(st.sampled_from(assigned)) if assigned else market, None)
    if kind == "lock" and assigned:
        return commands.SetLocked(draw(st.sampled_from(assigned)), draw(st.booleans()))
    if kind == "rep hours":
        return commands.EditRep(rep, "hours", draw(st.sampled_from(HOURS)))
    if kind == "rep rules":
        return commands.EditRep(rep, "rules", draw(st.sampled_from(["eu-wtd", "who-ilo", "us-flsa"])))
    if kind == "rep max":
        return commands.EditRep(rep, "max_weekly_hours", draw(st.sampled_from([20, 38, 45])))
    if kind == "rep rename":
        return commands.EditRep(rep, "name", rep + " B")
    if kind == "rep zone":
        zone, country = draw(st.sampled_from(ZONES))
        return commands.ReplaceScenario(scenario.replace(reps=[
            dataclasses.replace(r, timezone=zone, country=country, subdivision=None) if r.name == rep else r
            for r in scenario.reps]))
    if kind == "market hours":
        return commands.EditMarket(market, "hours", draw(st.sampled_from(HOURS)))
    if kind == "market value":
        return commands.EditMarket(market, "value", draw(st.integers(0, 900)) * 1000)
    if kind == "market rename":
        return commands.EditMarket(market, "name", market + " B")
    if kind == "workload":
        activity = draw(st.sampled_from([a.name for a in scenario.activities]))
        return commands.SetWorkload(market, activity, draw(st.integers(0, 6)))
    if kind == "add rep":
        zone, country = draw(st.sampled_from(ZONES))
        return commands.AddRep(Rep(f"New rep {len(reps)}", zone, country, draw(st.sampled_from(HOURS))))
    if kind == "remove rep" and len(reps) > 1:
        return commands.RemoveRep(rep)
    if kind == "add market":
        zone, country = draw(st.sampled_from(ZONES))
        weekly = {a.name: draw(st.integers(0, 3)) for a in scenario.activities}
        return commands.AddMarket(Market(f"New market {len(markets)}", zone, country, draw(st.sampled_from(HOURS)),
                                         "B", 1000, weekly))
    if kind == "remove market" and len(markets) > 1:
        return commands.RemoveMarket(market)
    if kind == "duplicate market":
        return commands.DuplicateMarket(market)
    if kind == "shuffle":
        order = draw(st.permutations(list(scenario.assignments)))
        return commands.SetAssignments(tuple(Assignment(a.rep, a.market, a.locked) for a in order))
    if kind == "settings":
        return commands.ReplaceScenario(scenario.replace(settings=dataclasses.replace(
            scenario.settings, lunch_minutes=draw(st.sampled_from([0, 30, 60])),
            max_live_run_minutes=draw(st.sampled_from([60, 120])))))
    if kind == "thresholds":
        return commands.ReplaceScenario(scenario.replace(thresholds={"weekly_warning": draw(st.sampled_from([30, 48]))}))
    return commands.Assign(market, rep)


def edits(data, scenario, count: int):
    """``count`` random edits applied in turn: the scenario before and the change, each step."""
    steps = []
    for _ in range(count):
        try:
            change = data.draw(edit(scenario)).apply(scenario)
        except PlannerError:  # refused (a name taken twice...): the user sees why; nothing changes
            continue
        steps.append((scenario, change))
        scenario = change.scenario
    return steps
