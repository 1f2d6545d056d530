"""Activity what-ifs (planner/whatif.py, ``rep-planner whatif``): the changed counts, their rounding,
the refusals, and the hours: a what-if's figures are the scheduler's for the edited workload."""

import datetime as dt
import json
import shutil

import pytest

from planner import alternatives, history, whatif
from planner.cli import main
from planner.errors import PlannerError
from planner.scenario_file import load
from planner.storage import Store
from planner.cli_data import DEMO_PATH

TODAY = dt.date(2027, 3, 17)


def run(capsys, db, *argv):
    code = main(["--db", str(db), *argv], today=TODAY)
    out, err = capsys.readouterr()
    return code, out + err


def counts(scenario, activity):
    return {m.name: m.weekly.get(activity, 0) for m in scenario.markets}


def test_a_percentage_scales_every_market_and_rounds_half_up(demo):
    changed, (step,) = whatif.apply(demo, [whatif.make("Demo", change="-40%")])
    # by hand: 8 x 0.6 = 4.8 -> 5, 6 -> 3.6 -> 4, 4 -> 2.4 -> 2, 3 -> 1.8 -> 2
    expected = {8: 5, 6: 4, 4: 2, 3: 2}
    assert counts(changed, "Demo") == {m: expected[n] for m, n in counts(demo, "Demo").items()}
    assert (step.before, step.after, step.markets) == (51, 31, 12)
    halves, _ = whatif.apply(demo, [whatif.make("Proposal", change="-50%", market="US West")])
    assert counts(halves, "Proposal")["US West"] == 2  # 3 x 50% = 1.5 -> 2, a half up
    assert counts(halves, "Proposal")["US East"] == 3
    none_left, _ = whatif.apply(demo, [whatif.make("CRM admin", change="-100%")])
    assert set(counts(none_left, "CRM admin").values()) == {0}


def test_per_activity_adds_for_each_of_the_others_after_the_changes_before_it(demo):
    changed, steps = whatif.apply(demo, [whatif.make("Demo", change="-40%"),
                                         whatif.make("Discovery call", add="1", per="Demo")])
    reduced = counts(changed, "Demo")
    assert counts(changed, "Discovery call") == {m: n + reduced[m] for m, n in counts(demo, "Discovery call").items()}
    assert steps[1].text == "Discovery call +1 per Demo: 50 -> 81 a week in 12 markets"


def test_a_market_only_change_and_a_new_duration(demo):
    changed, _ = whatif.apply(demo, [whatif.make("Follow-up", add="-9", market="India"),
                                     whatif.make("Demo", minutes="30")])
    assert counts(changed, "Follow-up") == {**counts(demo, "Follow-up"), "India": 0}
    assert changed.activity("Demo").minutes == 30 and demo.activity("Demo").minutes == 45


@pytest.mark.parametrize("kwargs, says", [
    (dict(activity="Webinar", change="-50%"), "no activity type has this name"),
    (dict(activity="Demo", change="-101%"), "from -100% (none left) to +1000%"),
    (dict(activity="Demo", change="lots"), "give a percentage"),
    (dict(activity="Demo", add="1.5"), "whole number"),
    (dict(activity="Demo", add="-5", market="Nigeria"), "market 'Nigeria' has 3 Demo a week, so it would have -2"),
    (dict(activity="Demo", add="1", market="Atlantis"), "no market has this name"),
    (dict(activity="Demo", minutes="4"), "from 5 to 480"),
    (dict(activity="Demo", minutes="30", market="India"), "the same minutes in every market"),
    (dict(activity="Demo", per="Proposal"), "goes with --add"),
    (dict(activity="Demo", change="-10%", minutes="30"), "not --change and --minutes"),
])
def test_bad_changes_are_refused_naming_the_value(demo, kwargs, says):
    with pytest.raises(PlannerError, match=None) as caught:
        activity = kwargs.pop("activity")
        whatif.apply(demo, [whatif.make(activity, **kwargs)])
    assert says in str(caught.value)


def test_saved_beside_the_open_plan_in_one_revision_and_undone(demo_db, capsys):
    assert run(capsys, demo_db, "alternatives", "save", "Base")[0] == 0
    store = Store(demo_db)
    before = store.load()
    revision, _ = whatif.save(store, "Lean", [whatif.make("CRM admin", change="-80%")])
    assert history.latest(store) == revision
    assert alternatives.open_name(store) == "Base" and store.load() == before
    assert counts(alternatives.stored_plan(store, "Lean").scenario, "CRM admin") == dict.fromkeys(counts(before, "CRM admin"), 1)
    history.undo(store)
    assert [a.name for a in alternatives.listing(store)] == ["Base"]


def test_a_refused_what_if_changes_nothing(demo_db, capsys):
    assert run(capsys, demo_db, "alternatives", "save", "Base")[0] == 0
    snapshot = shutil.copyfile(demo_db, demo_db + ".before")
    for argv in (["whatif", "Base", "--activity", "Demo", "--minutes", "30"],
                 ["whatif", "Lean", "--activity", "Demo", "--add", "-4", "--market", "Nigeria"],
                 ["whatif", "Lean", "--minutes", "30"]):
        code, out = run(capsys, demo_db, *argv)
        assert code == 2 and out.startswith("error: ") and out.count("\n") == 1, out
    store, kept = Store(demo_db), Store(snapshot)
    assert history.latest(store) == history.latest(kept)
    assert [a.name for a in alternatives.listing(store)] == ["Base"]


def test_an_unnamed_plan_is_refused_after_the_changes_are_checked(demo_db, capsys):
    code, out = run(capsys, demo_db, "whatif", "Lean", "--activity", "Demo", "--change", "-10%")
    assert code == 2 and "the plan has no name yet" in out
    assert run(capsys, demo_db, "alternatives")[1].startswith("The plan has no name yet")


def test_the_what_ifs_hours_are_the_schedulers_for_the_workload_edited_by_hand(demo_db, tmp_path, capsys):
    """One truth: ``compare`` on the what-if gives each rep the hours ``check`` gives a plan whose
    workload was edited by hand to the same counts."""
    by_hand = tmp_path / "by_hand.db"
    shutil.copyfile(demo_db, by_hand)
    run(capsys, demo_db, "alternatives", "save", "Base")
    assert run(capsys, demo_db, "whatif", "Lean", "--activity", "CRM admin", "--change", "-80%",
               "--activity", "Demo", "--minutes", "30")[0] == 0
    code, out = run(capsys, demo_db, "compare", "current", "Lean", "--week", "2027-W11", "--json")
    lean = {r["rep"]: r["b"] for r in json.loads(out)["reps"]}
    for market in load(DEMO_PATH).markets:  # 3 CRM admin tasks x 20% = 0.6, rounded: 1
        assert run(capsys, by_hand, "market", "workload", market.name, "CRM admin", "1")[0] == 0
    assert run(capsys, by_hand, "activity", "set", "Demo", "minutes", "30")[0] == 0
    code, out = run(capsys, by_hand, "check", "--week", "2027-W11", "--stretch", "--json")
    checked = {r["rep"]: r for r in json.loads(out)["reps"]}
    assert set(lean) == set(checked)
    for rep, figures in lean.items():
        for key in ("working_hours", "load_hours", "placed_hours", "outside_hours", "unplaced_hours"):
            assert figures[key] == checked[rep][key], (rep, key)
    assert sum(f["load_hours"] for f in lean.values()) < sum(r["load_hours"] for r in json.loads(
        run(capsys, demo_db, "check", "--week", "2027-W11", "--stretch", "--json")[1])["reps"])
