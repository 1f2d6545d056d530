"""Alternatives: independent of each other, kept across a restart, undone by undo, and compared with
the figures every other command shows."""

import datetime as dt
import json
import sqlite3
from collections import namedtuple

import pytest

from planner import alternatives, commands, history
from planner.calendar_store import CalendarStore
from planner.calendars import inputs_of
from planner.cli import main
from planner.storage import Store
from planner.team import rep_week

UTC = dt.timezone.utc
Busy = namedtuple("Busy", "start end summary")
TABLES = ("meta", "activities", "reps", "markets", "workload", "assignments", "busy", "pins", "alternatives")
WEEK = "2027-W11"


@pytest.fixture
def cli(capsys, demo_db):
    def run(*argv):
        code = main(["--db", demo_db, *map(str, argv)], today=dt.date(2027, 3, 17))
        out, err = capsys.readouterr()
        return code, out + err
    return run


def rows(db) -> dict:
    """Every row of the plan's tables and the alternatives, as SQLite holds them."""
    conn = sqlite3.connect(db)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


def stored_text(db, name: str):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT plan FROM alternatives WHERE name = ?", [name]).fetchone()[0]
    finally:
        conn.close()


def plan_file(cli, tmp_path, name: str) -> bytes:
    path = tmp_path / f"{name}.json"
    assert cli("export-scenario", path)[0] == 0
    return path.read_bytes()


def test_editing_one_alternative_leaves_the_other_byte_identical(cli, demo_db, tmp_path):
    assert cli("alternatives", "save", "Cover all")[0] == 0
    cover_all = plan_file(cli, tmp_path, "cover-all-before")
    assert cli("alternatives", "save", "Lean")[0] == 0
    kept = stored_text(demo_db, "Cover all")
    for edit in (("market", "unassign", "US West"), ("rep", "set", "Laura", "hours", "Mon-Fri 08:00-17:00"),
                 ("market", "workload", "India", "Demo", "9"), ("rep", "rename", "Marco", "Marc")):
        assert cli(*edit)[0] == 0
        assert stored_text(demo_db, "Cover all") == kept  # byte for byte
    lean = plan_file(cli, tmp_path, "lean-before")
    assert cli("switch", "Cover all")[0] == 0
    assert plan_file(cli, tmp_path, "cover-all-after") == cover_all
    lean_kept = stored_text(demo_db, "Lean")
    assert cli("market", "assign", "India", "Laura")[0] == 0
    assert stored_text(demo_db, "Lean") == lean_kept
    assert cli("switch", "Lean")[0] == 0
    assert plan_file(cli, tmp_path, "lean-after") == lean


def test_alternatives_survive_a_restart(demo_db):
    store = Store(demo_db)
    alternatives.save_as(store, "Cover all")
    alternatives.save_as(store, "Lean")
    store.save(store.load().replace(assignments=store.load().assignments[:3]), text="Keep three markets")
    lean = store.load()
    store.close()
    again = Store(demo_db)
    assert [(a.name, a.open) for a in alternatives.listing(again)] == [("Cover all", False), ("Lean", True)]
    assert again.load() == lean
    alternatives.switch(again, "Cover all")
    again.close()
    third = Store(demo_db)
    assert len(third.load().assignments) == 12
    assert alternatives.stored_plan(third, "Lean").scenario == lean
    third.close()


@pytest.mark.parametrize("step", [("alternatives", "save", "Lean"), ("switch", "Cover all"),
                                  ("alternatives", "delete", "Cover all"),
                                  ("alternatives", "rename", "Cover all", "Everything")])
def test_undo_takes_each_operation_back_exactly(cli, demo_db, step):
    assert cli("alternatives", "save", "Cover all")[0] == 0
    assert cli("alternatives", "save", "Trimmed")[0] == 0
    assert cli("market", "unassign", "US West")[0] == 0
    assert cli("rep", "remove", "Marco")[0] == 0  # the alternatives now differ in reps too
    before = rows(demo_db)
    code, out = cli(*step)
    assert code == 0, out
    assert rows(demo_db) != before
    assert cli("undo")[0] == 0
    assert rows(demo_db) == before
    assert cli("undo")[0] == 0  # undoing the undo does it again
    assert rows(demo_db) != before


def test_a_rep_the_other_alternative_lacks_keeps_their_busy_times_and_pins(demo_db):
    store = Store(demo_db)
    alternatives.save_as(store, "Two reps")
    alternatives.save_as(store, "Laura alone")
    commands.apply(store, commands.RemoveRep("Marco"))
    alternatives.switch(store, "Two reps")
    calendars = CalendarStore(store)
    start = dt.datetime(2027, 3, 16, 9, tzinfo=UTC)
    calendars.replace_busy("Marco", [Busy(start, start + dt.timedelta(hours=2), "Board")], source="marco.ics")
    calendars.replace_pins("Marco", WEEK, {("Australia", "Demo", 0): dt.datetime(2027, 3, 15, 8, tzinfo=UTC)})
    with_marco = rows(demo_db)
    alternatives.switch(store, "Laura alone")
    assert rows(demo_db)["busy"] == rows(demo_db)["pins"] == []  # no Marco here: the database holds none of his
    # Comparing sees Marco's week as it will be once "Two reps" is open again: busy time and pin included.
    busy, pins = alternatives.calendars_of(store, alternatives.stored_plan(store, "Two reps"))(2027, 11)
    assert busy["Marco"] == [(start, start + dt.timedelta(hours=2))]
    assert pins["Marco"] == {("Australia", "Demo", 0): dt.datetime(2027, 3, 15, 8, tzinfo=UTC)}
    alternatives.switch(store, "Two reps")
    after = rows(demo_db)
    assert [r[1:] for r in after["busy"]] == [r[1:] for r in with_marco["busy"]]  # ids aside
    assert after["pins"] == with_marco["pins"]
    store.close()


def test_compare_shows_each_reps_week_as_rep_week_accounts_for_it(cli, demo_db):
    assert cli("alternatives", "save", "Cover all")[0] == 0
    assert cli("alternatives", "save", "Lean")[0] == 0
    assert cli("market", "unassign", "US West")[0] == 0
    assert cli("market", "unassign", "India")[0] == 0
    code, out = cli("compare", "Cover all", "current", "--week", WEEK, "--json")
    assert code == 0, out
    data = json.loads(out)
    store = Store(demo_db)
    for side, scenario in (("a", alternatives.stored_plan(store, "Cover all").scenario), ("b", store.load())):
        for rep in data["reps"]:
            w = rep_week(scenario, rep["rep"], 2027, 11, stretch=True)
            assert rep[side]["hours"] == w.working_hours
            assert rep[side]["outside"] == w.outside_hours
            assert rep[side]["unplaced"] == w.unplaced_hours
            assert rep[side]["flags"] == len({f.rule for f in w.flags})
        value = sum(m.value for m in scenario.markets if m.name in {a.market for a in scenario.assignments})
        assert data[side]["value"] == value
    assert [(d["market"], d["a"], d["b"]) for d in data["differences"]] == [("US West", "Laura", None),
                                                                             ("India", "Marco", None)]
    store.close()


def test_compare_check_and_team_agree_on_a_plan_compared_with_itself(cli, demo_db):
    code, out = cli("compare", "current", "current", "--week", WEEK, "--json")
    data = json.loads(out)
    store = Store(demo_db)
    scenario = store.load()
    for rep in data["reps"]:
        w = rep_week(scenario, rep["rep"], 2027, 11, stretch=True,
                     **dict(zip(("busy", "pins"), (x.get(rep["rep"]) for x in inputs_of(store, scenario)(2027, 11)))))
        assert rep["a"] == rep["b"]
        assert rep["a"]["working_hours"] == w.working_hours
    assert data["differences"] == []
    assert "The same markets go to the same reps in both." in cli("compare", "current", "current", "--week", WEEK)[1]
    store.close()


def test_a_bad_name_changes_nothing(cli, demo_db):
    assert cli("alternatives", "save", "Cover all")[0] == 0
    before = rows(demo_db)
    revisions = history.latest(Store(demo_db))
    for argv in (("alternatives", "save", "Cover all"), ("alternatives", "save", "CURRENT"),
                 ("alternatives", "save", "a\tb"), ("switch", "Nobody"), ("alternatives", "delete", "Cover all"),
                 ("alternatives", "rename", "Nobody", "X"), ("compare", "Nobody", "current"),
                 ("--read-only", "alternatives", "save", "Other")):
        code, out = cli(*argv)
        assert code == 2 and out.startswith("error: ") and out.count("\n") == 1, (argv, out)
    assert rows(demo_db) == before
    assert history.latest(Store(demo_db)) == revisions


def test_switching_to_the_open_alternative_changes_nothing(cli, demo_db):
    assert cli("alternatives", "save", "Cover all")[0] == 0
    before = rows(demo_db)
    code, out = cli("switch", "Cover all")
    assert (code, out) == (0, 'Alternative "Cover all" is the plan open now already; nothing changed.\n')
    assert rows(demo_db) == before


def test_the_list_says_which_is_open(cli):
    assert json.loads(cli("alternatives", "--json")[1]) == []
    cli("alternatives", "save", "A")
    cli("alternatives", "save", "B")
    assert json.loads(cli("--read-only", "alternatives", "list", "--json")[1]) == [
        {"name": "A", "open": False}, {"name": "B", "open": True}]
