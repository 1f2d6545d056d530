import datetime as dt

import pytest

from planner import commands as c
from planner import typed_values
from planner.calendar_store import CalendarStore
from planner.errors import ValidationError
from planner.ics_import import BusyTime
from planner.storage import open_store

UTC = dt.timezone.utc


@pytest.fixture
def store(tmp_path):
    return open_store(tmp_path / "p.db")


def test_editing_hours_is_validated_and_saved(store):
    change = c.apply(store, c.EditRep("Laura", "hours", "Mon-Fri 07:00-16:00"))
    assert change.touched == {"reps"}
    assert str(store.load().rep("Laura").hours) == "Mon-Fri 07:00-16:00"
    before = store.load()
    with pytest.raises(ValidationError, match="25:00"):
        c.apply(store, c.EditRep("Laura", "hours", "Mon-Fri 07:00-25:00"))
    assert store.load() == before


@pytest.mark.parametrize("command,message", [
    (c.EditRep("Laura", "timezone", "Europe/Zurch"), "not an IANA time zone"),
    (c.EditRep("Laura", "max_weekly_hours", "lots"), "must be a number"),
    (c.EditRep("Laura", "max_weekly_hours", "-3"), "between 0 and 168"),
    (c.EditRep("Laura", "name", "Marco"), "two reps have this name"),
    (c.EditRep("Laura", "name", ""), "non-empty"),
    (c.EditMarket("India", "tier", "Z"), "must be A, B or C"),
    (c.EditMarket("India", "value", "1e13"), "between"),
    (c.SetWorkload("India", "Demo", "-1"), "between 0 and 1000"),
    (c.SetWorkload("India", "Webinar", 2), "no activity type"),
    (c.SetLocked("Nowhere", True), "market: no market has this name"),
    (c.EditRep("Laura", "country", "Narnia"), "not a supported ISO 3166 country code"),
    (c.AddActivity(c.ActivityType("Demo", 30, True)), "two activities have this name"),
    (c.EditActivity("Demo", "minutes", "2"), "between 5 and 480"),
    (c.EditActivity("Demo", "minutes", "45.5"), "must be a whole number"),
    (c.EditActivity("Demo", "live", "sometimes"), "give live or async"),
    (c.EditActivity("Demo", "name", "Show"), "only an activity's minutes and live can be changed"),
    (c.RemoveActivity("Webinar"), "no activity type has this name"),
    (c.Assign("India", "Nobody"), "no rep has this name"),
])
def test_bad_values_are_refused_and_nothing_changes(store, command, message):
    before = store.load()
    with pytest.raises(ValidationError, match=message):
        c.apply(store, command)
    assert store.load() == before


def test_renaming_a_rep_keeps_their_markets_busy_times_and_pins(store):
    calendars = CalendarStore(store)
    start = dt.datetime(2027, 3, 15, 9, tzinfo=UTC)
    calendars.replace_busy("Laura", [BusyTime(start, start + dt.timedelta(hours=1), "Dentist")], "cal.ics")
    calendars.replace_pins("Laura", "2027-W11", {("US East", "Demo", 0): start})
    markets = {a.market for a in store.load().assignments if a.rep == "Laura"}
    change = c.apply(store, c.EditRep("Laura", "name", "Laura Meier"))
    assert change.renamed_reps == {"Laura": "Laura Meier"}
    assert {a.market for a in store.load().assignments if a.rep == "Laura Meier"} == markets
    assert calendars.busy("Laura Meier") == [(start, start + dt.timedelta(hours=1))]
    assert calendars.pins("Laura Meier", "2027-W11") == {("US East", "Demo", 0): start}


def test_add_duplicate_remove(store):
    c.apply(store, c.DuplicateRep("Laura"))
    c.apply(store, c.DuplicateMarket("India"))
    scenario = store.load()
    assert scenario.rep("Laura (copy)").hours == scenario.rep("Laura").hours
    assert scenario.market("India (copy)").weekly == scenario.market("India").weekly
    c.apply(store, c.RemoveRep("Laura"))
    assert not any(a.rep == "Laura" for a in store.load().assignments)
    c.apply(store, c.RemoveMarket("India"))
    assert "India" not in {m.name for m in store.load().markets}


def test_assign_lock_and_undo_by_saving_the_old_scenario(store):
    before = store.load()
    c.apply(store, c.Assign("India", "Laura"))
    c.apply(store, c.SetLocked("India", True))
    assert any(a.market == "India" and a.rep == "Laura" and a.locked for a in store.load().assignments)
    store.save(before)
    assert store.load() == before


def test_renaming_a_market_keeps_its_pinned_blocks(store):
    calendars = CalendarStore(store)
    start = dt.datetime(2027, 3, 15, 14, tzinfo=UTC)
    calendars.replace_pins("Laura", "2027-W11", {("US East", "Demo", 0): start})
    c.apply(store, c.EditMarket("US East", "name", "US East Coast"))
    assert calendars.pins("Laura", "2027-W11") == {("US East Coast", "Demo", 0): start}
    assert store.load().rep_of("US East Coast") == "Laura"


def test_typed_values_are_read_as_the_app_reads_a_cell(store):
    c.apply(store, c.EditRep("Laura", "subdivision", ""))
    assert store.load().rep("Laura").subdivision is None
    c.apply(store, c.EditRep("Laura", "country", " de "))
    c.apply(store, c.EditRep("Laura", "subdivision", "by"))
    c.apply(store, c.EditRep("Laura", "name", " Laura Meier "))
    c.apply(store, c.EditMarket("India", "value", "1,250,000"))
    rep = store.load().rep("Laura Meier")
    assert (rep.country, rep.subdivision) == ("DE", "BY")
    assert store.load().market("India").value == 1_250_000


def test_new_rep_and_market_read_text_as_the_edits_do(store):
    rep = typed_values.new_rep(" Ana ", "Europe/Lisbon", "pt", max_weekly_hours="38", subdivision="")
    assert (rep.name, rep.country, rep.max_weekly_hours, rep.subdivision) == ("Ana", "PT", 38, None)
    market = typed_values.new_market("Brazil South", "America/Sao_Paulo", "br", value="900,000", weekly={"Demo": "3"})
    assert (market.country, market.value, market.weekly) == ("BR", 900_000, {"Demo": 3})
    with pytest.raises(ValidationError, match=r"market 'Chile'.weekly\['Demo'\]: must be a number \(got 'three'\)"):
        typed_values.new_market("Chile", "America/Santiago", "CL", weekly={"Demo": "three"})


def test_activities_are_defined_changed_and_removed_with_their_workload(store):
    c.apply(store, c.AddActivity(c.ActivityType("Webinar", 60, True)))
    c.apply(store, c.SetWorkload("India", "Webinar", "2"))
    assert store.load().workload(store.load().market("India")).live_hours > 0
    c.apply(store, c.EditActivity("Webinar", "live", "async"))
    c.apply(store, c.EditActivity("Webinar", "minutes", "90"))
    assert store.load().activity("Webinar") == c.ActivityType("Webinar", 90, False)
    users = [m.name for m in store.load().markets if "Demo" in m.weekly]
    assert users
    c.apply(store, c.RemoveActivity("Demo"))
    scenario = store.load()
    assert "Demo" not in {a.name for a in scenario.activities}
    assert not any("Demo" in m.weekly for m in scenario.markets)
    assert {m.name for m in scenario.markets} >= set(users)


def test_giving_a_market_to_its_rep_again_changes_nothing(store):
    before = store.load()
    rep = before.rep_of("India")
    assert c.Assign("India", rep).apply(before).scenario == before
    other = next(r.name for r in before.reps if r.name != rep)
    moved = c.Assign("India", other).apply(before).scenario
    assert [a.market for a in moved.assignments] == [a.market for a in before.assignments]


def test_assign_can_lock_and_otherwise_keeps_the_lock(store):
    c.apply(store, c.Assign("India", "Laura", locked=True))
    c.apply(store, c.Assign("India", "Marco"))
    assert [(a.rep, a.locked) for a in store.load().assignments if a.market == "India"] == [("Marco", True)]
    c.apply(store, c.Assign("India", None))
    with pytest.raises(ValidationError, match="only an assigned market can be locked or unlocked"):
        c.apply(store, c.SetLocked("India", True))


def test_the_read_and_the_write_are_one_transaction(store, tmp_path):
    """Another program cannot slip a change in between reading the plan and saving the edit."""
    import sqlite3

    class Meddle:
        def apply(self, scenario):
            other = sqlite3.connect(store.path, timeout=0)
            try:
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("UPDATE reps SET max_weekly_hours = 1 WHERE name = 'Marco'")
                    other.commit()
            finally:
                other.close()
            return c.EditRep("Laura", "max_weekly_hours", "41").apply(scenario)

    c.apply(store, Meddle())
    assert store.load().rep("Laura").max_weekly_hours == 41
    assert store.load().rep("Marco").max_weekly_hours != 1
