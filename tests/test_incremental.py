"""Figures kept up to date after an edit are the figures worked out from scratch: the team's week
(every rep's account, busy times and pins included) and the fit table, edit after edit."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import generate
from planner import commands
from planner.incremental import KnownWeeks, fit_in_parts, update_team_week
from planner.team import cover_everything, team_week
from planner.territories import fit_table

from .edits import edits

YEAR, WEEK = 2027, 11
MONDAY = dt.datetime(2027, 3, 15, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def plans():
    return [cover_everything(generate(6, 14, seed=seed), YEAR, WEEK) for seed in range(3)]


def calendars(data, scenario, busy, pins):
    """Now and then a rep's calendar changes: a meeting imported, a block pinned (as the app does)."""
    rep = data.draw(st.sampled_from(scenario.reps)).name
    if data.draw(st.booleans()):
        day, hour = data.draw(st.integers(0, 4)), data.draw(st.integers(0, 23))
        start = MONDAY + dt.timedelta(days=day, hours=hour)
        busy = {**busy, rep: list(busy.get(rep, ())) + [(start, start + dt.timedelta(hours=2))]}
    mine = scenario.markets_of(rep)
    if mine and data.draw(st.booleans()):
        at = MONDAY + dt.timedelta(days=data.draw(st.integers(0, 4)), hours=data.draw(st.integers(0, 23)))
        pins = {**pins, rep: {(mine[0].name, "Follow-up", 0): at}}
    return busy, pins


@given(data=st.data())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_team_week_kept_up_to_date_equals_the_team_week_worked_out_again(plans, data):
    scenario = data.draw(st.sampled_from(plans))
    stretch = data.draw(st.booleans())
    busy, pins = {}, {}
    known = KnownWeeks()
    update_team_week(known, scenario, YEAR, WEEK, stretch=stretch)
    for before, change in edits(data, scenario, data.draw(st.integers(1, 5))):
        scenario = change.scenario
        busy, pins = calendars(data, scenario, busy, pins) if data.draw(st.booleans()) else (busy, pins)
        kept, redone = update_team_week(known, scenario, YEAR, WEEK, stretch=stretch, busy=busy, pins=pins)
        full = team_week(scenario, YEAR, WEEK, stretch=stretch, calendars=lambda y, w: (busy, pins))
        assert kept == full
        assert len(set(redone)) == len(redone) <= len(scenario.reps)


def test_a_reassigned_market_reschedules_only_its_old_and_new_rep(plans):
    scenario = plans[0]
    known = KnownWeeks()
    update_team_week(known, scenario, YEAR, WEEK)
    market = scenario.assignments[0].market
    old = scenario.rep_of(market)
    new = next(r.name for r in scenario.reps if r.name != old)
    after = commands.Assign(market, new).apply(scenario).scenario
    kept, redone = update_team_week(known, after, YEAR, WEEK)
    assert sorted(redone) == sorted([old, new])
    assert kept == team_week(after, YEAR, WEEK)
    undone, redone = update_team_week(known, scenario, YEAR, WEEK)
    assert redone == []  # Undo finds the accounts from before
    assert undone == team_week(scenario, YEAR, WEEK)


def test_a_settings_change_reschedules_everyone(plans):
    scenario = plans[1]
    known = KnownWeeks()
    update_team_week(known, scenario, YEAR, WEEK)
    lunch = scenario.replace(settings=scenario.settings.__class__(lunch_minutes=30))
    kept, redone = update_team_week(known, lunch, YEAR, WEEK)
    assert redone == [r.name for r in scenario.reps]
    assert kept == team_week(lunch, YEAR, WEEK)


@given(data=st.data())
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_fit_table_kept_up_to_date_equals_the_fit_table_worked_out_again(plans, data):
    scenario = data.draw(st.sampled_from(plans))
    part = data.draw(st.integers(1, 4))
    known = fit_in_parts(scenario, YEAR, WEEK, part=part)
    assert known.table == fit_table(scenario, YEAR, WEEK)
    for _before, change in edits(data, scenario, data.draw(st.integers(1, 4))):
        scenario = change.scenario
        known = fit_in_parts(scenario, YEAR, WEEK, known=known, part=part)
        assert known.table == fit_table(scenario, YEAR, WEEK)
        assert known.holds(scenario, known.inputs)


def test_the_fit_table_reworks_only_the_edited_reps_column(plans, monkeypatch):
    import planner.incremental

    scenario = plans[2]
    known = fit_in_parts(scenario, YEAR, WEEK)
    rep = scenario.reps[1].name
    after = commands.EditRep(rep, "hours", "Mon-Fri 06:00-14:00").apply(scenario).scenario
    worked_out = []
    monkeypatch.setattr(planner.incremental, "fit_table",
                        lambda s, *a, **k: worked_out.append([r.name for r in s.reps]) or fit_table(s, *a, **k))
    assert fit_in_parts(after, YEAR, WEEK, known=known).table == fit_table(after, YEAR, WEEK)
    assert worked_out == [[rep]]


def test_working_out_the_fit_table_stops_when_asked_and_says_how_far_it_got(plans):
    scenario = plans[0]
    seen = []
    assert fit_in_parts(scenario, YEAR, WEEK, part=2, progress=lambda done, total: seen.append((done, total)),
                        should_stop=lambda: len(seen) == 2) is None
    assert seen == [(2, 6), (4, 6)]
