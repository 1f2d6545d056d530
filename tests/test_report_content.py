"""What a report says, from the core alone (planner/report.py, planner/territories/assigned.py)."""

from __future__ import annotations

from benchmarks.generate import generate
from planner.report import build_report
from planner.storage import Store
from planner.territories import apply_plan, optimise
from planner.territories.assigned import explain_assigned


def test_the_optimisers_plan_once_applied_is_explained_in_the_words_assign_gave_it():
    """One truth: the report's value, reasons and left-out markets for an applied plan are assign's."""
    scenario = generate(3, 20)
    plan = optimise(scenario, 2027, 11, time_limit=5, hire=False)
    assert plan.unassigned and plan.assignments
    told = explain_assigned(apply_plan(scenario, plan), 2027, 11, hire=False)
    assert told.status == "assigned" and told.value == plan.value
    assert [(a.rep, a.market, a.reason) for a in told.assignments] == [(a.rep, a.market, a.reason)
                                                                      for a in plan.assignments]
    assert [(u.market, u.code, u.reason) for u in told.unassigned] == [(u.market, u.code, u.reason)
                                                                      for u in plan.unassigned]


def test_a_market_nobody_covers_that_a_rep_could_take_says_so_not_that_a_search_ran_out():
    told = explain_assigned(generate(3, 20).replace(assignments=[]), 2027, 11, hire=False)
    assert told.value == 0
    codes = {u.code for u in told.unassigned}
    assert "room" in codes and "not_reached" not in codes
    room = next(u for u in told.unassigned if u.code == "room")
    assert room.reason.startswith("Nobody is assigned to it, and a rep could take it: ")
    assert "has room for it in this plan" in room.reason


def test_an_assignment_made_by_hand_against_the_rules_is_kept_and_said_to_be(demo):
    """The demo gives US West to Laura, who shares 2.5 of the 9 h of live work it needs."""
    told = explain_assigned(demo, 2027, 11, hire=False)
    us_west = next(a for a in told.assignments if a.market == "US West")
    assert us_west.rep == "Laura" and not us_west.locked
    assert us_west.reason.startswith("Assigned to Laura by hand. Warning: they share only 2.5 h a week")
    assert "markets assigned to Laura by hand" in us_west.reason
    assert told.value == told.total_value == sum(m.value for m in demo.markets)
    laura = next(x for x in told.locked_problems if x.rep == "Laura")
    assert "of the markets assigned to Laura by hand cannot be placed" in laura.reason


def test_the_report_has_every_market_once_and_each_rep_for_each_week(demo, tmp_path):
    store = Store(tmp_path / "d.db")
    store.save(demo.replace(assignments=[a for a in demo.assignments if a.market != "Nigeria"]))
    report = build_report(store, 2027, 11, weeks=3)
    assert [t.market for t in report.territory] == [m.name for m in demo.markets]
    nigeria = next(t for t in report.territory if t.market == "Nigeria")
    assert nigeria.rep is None and report.covered_markets == len(demo.markets) - 1
    assert [u.market for u in report.plan.unassigned] == ["Nigeria"]
    assert [(p.rep, p.account.week) for p in report.rep_weeks] == [
        (r.name, w) for r in demo.reps for w in ("2027-W11", "2027-W12", "2027-W13")]
    assert report.period == "2027-W11 to 2027-W13"
    assert {f.week for f in report.flags} >= {"2027-W11", "2027-W12", "2027-W13"}
    store.close()
