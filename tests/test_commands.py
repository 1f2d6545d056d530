import datetime as dt

import pytest

from planner import commands as c
from planner.errors import ValidationError
from planner.ics_import import BusyTime
from planner.storage import CalendarStore, open_store

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
    (c.SetLocked("Nowhere", True), "only an assigned market"),
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
