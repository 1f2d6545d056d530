"""The change history: every change is one revision with what it changed and when; undo reverts one
as a new revision, or refuses, changing nothing, naming the later change in its way."""

import datetime as dt
import getpass
import os
import sqlite3
from collections import namedtuple
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import backups, history
from planner import commands as c
from planner.calendar_store import CalendarStore
from planner.errors import PlannerError
from planner.history import Row
from planner.storage import Store

from .edits import edit

UTC = dt.timezone.utc
Busy = namedtuple("Busy", "start end summary")
EXAMPLES = int(os.environ.get("REP_PLANNER_EXAMPLES", "25"))
PLAN = ("meta", "activities", "reps", "markets", "workload", "assignments", "busy", "pins", "exports", "published")


def clock(start=dt.datetime(2027, 3, 17, 9, 0, tzinfo=UTC)):
    """A clock that moves on a minute each time it is read."""
    ticks = (start + dt.timedelta(minutes=m) for m in range(10**6))
    return lambda: next(ticks)


def plan_rows(db) -> dict:
    """Every row of the plan and calendar tables: what an undo must bring back exactly."""
    conn = sqlite3.connect(db)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr) for t in PLAN}
    finally:
        conn.close()


@pytest.fixture
def store(demo_db):
    s = Store(demo_db, clock=clock())
    yield s
    s.close()


def laura_calendar(store):
    """Laura's busy times and a pinned block: what hangs on a rep besides the plan."""
    calendars = CalendarStore(store)
    start = dt.datetime(2027, 3, 16, 9, tzinfo=UTC)
    calendars.replace_busy("Laura", [Busy(start, start + dt.timedelta(hours=1), "Dentist"),
                                     Busy(start + dt.timedelta(days=1), start + dt.timedelta(days=1, hours=2), "Board")],
                           source="/calendars/laura.ics")
    calendars.replace_pins("Laura", "2027-W11", {("US East", "Demo", 0): dt.datetime(2027, 3, 15, 14, tzinfo=UTC)})
    return calendars


def test_each_change_is_one_revision_with_its_rows_its_source_and_its_time(store):
    first = history.latest(store)
    brazil = next(i for i, a in enumerate(store.load().assignments) if a.market == "Brazil")
    c.apply(store, c.Assign("Brazil", "Marco"))
    (newest, *_) = history.revisions(store)
    assert (newest.number, newest.source, newest.text, newest.undoes) == (first + 1, "cli", "Assign Brazil to Marco", None)
    assert newest.time == dt.datetime(2027, 3, 17, 9, 0, tzinfo=UTC) and newest.author == getpass.getuser()
    assert history.rows_of(store, newest.number) == [Row("assignments", ("Brazil",),
        {"market": "Brazil", "rep": "Laura", "position": brazil, "locked": 0},
        {"market": "Brazil", "rep": "Marco", "position": brazil, "locked": 0})]
    assert newest.counts_text() == "1 assignment"


def test_a_change_that_changes_nothing_or_is_refused_records_nothing(store):
    c.apply(store, c.Assign("Brazil", "Marco"))
    latest, rows = history.latest(store), plan_rows(store.path)
    c.apply(store, c.Assign("Brazil", "Marco"))  # already Marco's
    with pytest.raises(PlannerError, match="no rep has this name"):
        c.apply(store, c.Assign("Brazil", "Nobody"))
    assert history.latest(store) == latest and plan_rows(store.path) == rows


def test_a_failed_write_records_no_revision(store):
    """The change and its revision are one transaction: a full disk loses both, never one."""
    latest = history.latest(store)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    scenario = store.load()
    bigger = scenario.replace(markets=[m.__class__(**{**m.__dict__, "name": m.name + " " + "x" * 150})
                                       for m in scenario.markets], assignments=())
    with pytest.raises(PlannerError, match="free some disk space"):
        store.save(bigger)
    assert history.latest(store) == latest and store.load() == scenario


def test_removing_a_rep_records_their_busy_times_and_pins_and_undo_brings_them_back(store):
    calendars = laura_calendar(store)
    kept = plan_rows(store.path)
    c.apply(store, c.RemoveRep("Laura"))
    removed = history.revisions(store, 1)[0]
    assert removed.counts == {"reps": 2, "assignments": 12, "busy": 2, "pins": 1}  # Marco moved up a place
    assert calendars.busy("Laura") == []
    done = history.undo(store)
    assert (done.target.number, done.text, done.revision) == (removed.number, "Undo: Remove rep Laura", removed.number + 1)
    assert plan_rows(store.path) == kept
    again = history.undo(store)  # undoing the undo is a redo
    assert again.text == "Redo: Remove rep Laura" and calendars.busy("Laura") == []
    assert [r.undoes for r in history.revisions(store, 2)] == [done.revision, removed.number]


def test_a_rename_carries_pins_and_export_records_and_undo_carries_them_back(store):
    calendars = laura_calendar(store)
    store.db.execute("INSERT INTO exports VALUES ('u1', 'Laura', '2027-W11', 0, 'f', 'Demo', 's', 'e', 0)")
    # what a publish to a CalDAV calendar recorded: a rename left under the new name would publish again
    store.db.execute("INSERT INTO published VALUES ('https://dav/cal/', 'u1', 'Laura', '2027-W11', 0, 'f', 'Demo', "
                     "'s', 'e', 0, '\"etag\"')")
    store.db.conn.commit()  # an export run writes its records outside the history
    kept = plan_rows(store.path)
    c.apply(store, c.EditRep("Laura", "name", "Laura Meier"))
    assert calendars.pins("Laura Meier", "2027-W11") and len(calendars.busy("Laura Meier")) == 2
    assert [r["rep"] for r in store.db["published"].rows] == ["Laura Meier"]
    history.undo(store)
    assert [r["rep"] for r in store.db["published"].rows] == ["Laura"]
    assert plan_rows(store.path) == kept


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_undoing_every_change_in_turn_goes_back_through_every_state(tmp_path_factory, demo, data):
    """Any sequence of edits: undo after undo walks the database back through each state it had,
    and undoing those undos walks it forward again."""
    db = tmp_path_factory.mktemp("walk") / "plans.db"
    store = Store(db)
    store.save(demo)
    laura_calendar(store)
    states = [plan_rows(db)]
    for _ in range(data.draw(st.integers(1, 6))):
        try:
            c.apply(store, data.draw(edit(store.load())))
        except PlannerError:
            continue  # refused: nothing recorded
        if plan_rows(db) != states[-1]:
            states.append(plan_rows(db))
    edits = sorted(r.number for r in history.revisions(store, len(states) - 1))
    undos = []
    for number, state in zip(reversed(edits), reversed(states[:-1])):
        undos.append(history.undo(store, number).revision)
        assert plan_rows(db) == state
    for number, state in zip(reversed(undos), states[1:]):
        history.undo(store, number)
        assert plan_rows(db) == state
    store.close()


def test_undo_refuses_when_a_later_change_touched_the_same_row_and_names_it(store):
    c.apply(store, c.EditRep("Laura", "hours", "Mon-Fri 10:00-18:00"))
    hours = history.latest(store)
    c.apply(store, c.EditRep("Laura", "max_weekly_hours", "38"))
    c.apply(store, c.Assign("Brazil", "Marco"))  # another row: no conflict
    rows = plan_rows(store.path)
    with pytest.raises(PlannerError) as refused:
        history.undo(store, hours)
    assert str(refused.value) == (f"revision {hours} (Change Laura's hours) cannot be undone: revision {hours + 1} "
                                  f"(cli: Change Laura's max weekly hours) changed rep Laura since; undo revision "
                                  f"{hours + 1} first")
    assert plan_rows(store.path) == rows and history.latest(store) == hours + 2
    history.undo(store, hours + 1)  # as the message says: then the first undoes
    history.undo(store, hours)
    assert str(store.load().rep("Laura").hours) == "Mon-Fri 08:30-17:30"
    with pytest.raises(PlannerError, match=f"revision {hours + 4} undid it already"):
        history.undo(store, hours)


def test_undo_refuses_to_remove_what_a_later_change_hangs_on_it(store):
    """Undoing "Add rep Ana" would delete the busy times imported for her since (a cascade)."""
    from planner.model import Rep

    c.apply(store, c.AddRep(Rep("Ana", "Europe/Madrid", "ES", "Mon-Fri 09:00-17:00")))
    added = history.latest(store)
    start = dt.datetime(2027, 3, 16, 9, tzinfo=UTC)
    CalendarStore(store).replace_busy("Ana", [Busy(start, start + dt.timedelta(hours=1), "x")], "ana.ics")
    with pytest.raises(PlannerError, match=f"revision {added + 1} \\(import: Import busy times for Ana from ana.ics\\) "
                                           "changed a busy time of Ana since"):
        history.undo(store, added)
    assert [r.name for r in store.load().reps][-1] == "Ana"


def test_a_change_made_outside_the_history_is_not_overwritten(store):
    c.apply(store, c.Assign("Brazil", "Marco"))
    store.db.execute("UPDATE assignments SET rep = 'Laura' WHERE market = 'Brazil'")
    store.db.conn.commit()
    with pytest.raises(PlannerError, match="the assignment of Brazil was changed since by a program that does not "
                                           "record its changes"):
        history.undo(store)


def test_the_change_that_made_the_plan_cannot_be_undone(tmp_path, demo):
    store = Store(tmp_path / "new.db")
    store.save(demo, text="Import demo.json")
    with pytest.raises(PlannerError, match=r"revision 1 \(Import demo.json\) made the plan; there is no earlier state"):
        history.undo(store)


def test_a_database_from_before_the_history_says_there_is_nothing_to_undo(store):
    store.db.execute("DELETE FROM history")
    store.db.conn.commit()
    with pytest.raises(PlannerError, match="no change to undo: the history is empty"):
        history.undo(store)


def test_a_dry_run_describes_the_undo_and_writes_nothing(store):
    c.apply(store, c.Assign("Brazil", "Marco"))
    latest, rows = history.latest(store), plan_rows(store.path)
    done = history.undo(store, dry_run=True)
    assert done.revision is None and [r.undo_line() for r in done.rows] == ["the assignment of Brazil: rep Marco -> Laura"]
    assert history.latest(store) == latest and plan_rows(store.path) == rows


def test_a_restore_is_a_revision_the_history_goes_on_and_undo_reverts_it(store, demo):
    c.apply(store, c.Assign("Brazil", "Marco"))
    store.backup("by hand")
    laura_calendar(store)
    c.apply(store, c.RemoveMarket("India"))
    before_restore, latest = plan_rows(store.path), history.latest(store)
    done = backups.restore(store.path, "latest", now=dt.datetime(2027, 3, 18, tzinfo=UTC))
    restore = history.revisions(store, 1)[0]
    assert (restore.number, restore.source) == (latest + 1, "restore")
    assert restore.text == f"Restore backup {done.backup.name} (by hand)"
    assert store.load().market("India") and CalendarStore(store).busy("Laura") == []
    history.undo(store)
    assert plan_rows(store.path) == before_restore


def test_an_import_stores_every_row_an_edit_only_its_own(store):
    """Bounded by what changed: an edit at any size stores its rows, not the plan."""
    size = "SELECT count(*), sum(length(before) + length(after)) FROM history_rows WHERE revision = ?"
    c.apply(store, c.EditMarket("Brazil", "value", "250000"))
    count, size_of_edit = store.db.execute(size, [history.latest(store)]).fetchone()
    assert count == 1 and size_of_edit < 400
    rows_of_the_demo = 3 + 5 + 2 + 12 + 60 + 12  # settings, activities, reps, markets, weekly counts, assignments
    assert store.db.execute(size, [1]).fetchone()[0] == rows_of_the_demo
