import dataclasses
import datetime as dt
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.errors import PlannerError
from planner.storage import Store, open_store


def test_first_open_seeds_the_demo(tmp_path, demo):
    store = open_store(tmp_path / "new" / "planner.db")
    assert store.load() == demo


def test_saved_scenario_survives_reopening(tmp_path, demo):
    path = tmp_path / "p.db"
    store = open_store(path)
    laura = demo.rep("Laura")
    renamed = demo.replace(
        reps=(dataclasses.replace(laura, name="Laura B", max_weekly_hours=42.5),) + demo.reps[1:],
        assignments=tuple(dataclasses.replace(a, rep="Laura B", locked=True) if a.rep == "Laura" else a
                          for a in demo.assignments))
    store.save(renamed)
    store.close()
    assert Store(path).load() == renamed


def test_saving_the_same_scenario_writes_nothing(tmp_path, demo):
    store = open_store(tmp_path / "p.db")
    assert store.save(demo) == 0
    one_less = demo.replace(markets=demo.markets[:-1], assignments=[a for a in demo.assignments
                                                                     if a.market != demo.markets[-1].name])
    assert store.save(one_less) > 0
    assert store.load() == one_less


def test_connection_settings(tmp_path):
    store = open_store(tmp_path / "p.db")
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("INSERT INTO assignments VALUES ('Mars', 'Laura', 0, 0)")


def test_a_failed_save_changes_nothing(tmp_path, demo, monkeypatch):
    store = open_store(tmp_path / "p.db")
    half = demo.replace(assignments=demo.assignments[:3])
    original_upsert = type(store.db["reps"]).upsert_all

    def fail_on_assignments(table, rows, **kw):
        if table.name == "assignments":
            raise sqlite3.OperationalError("disk I/O error")
        return original_upsert(table, rows, **kw)

    monkeypatch.setattr(type(store.db["reps"]), "upsert_all", fail_on_assignments)
    changed = half.replace(reps=(dataclasses.replace(demo.reps[0], max_weekly_hours=12),) + demo.reps[1:],
                           assignments=demo.assignments[::-1])
    with pytest.raises(PlannerError, match="not saved"):
        store.save(changed)
    monkeypatch.undo()
    assert store.load() == demo


def test_not_a_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(PlannerError, match="cannot open the database"):
        open_store(path)
    assert path.read_bytes() == before


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "p.db"
    store = open_store(path)
    store.db["_sqlite_migrations"].insert(
        {"migration_set": "rep-planner", "name": "m999_future", "applied_at": "2030-01-01"})
    store.close()
    with pytest.raises(PlannerError, match="newer version"):
        open_store(path)


def _tables(store):
    return {table: sorted(map(tuple, store.db.execute(f"SELECT * FROM [{table}]").fetchall()), key=repr)
            for table in ("meta", "activities", "reps", "markets", "workload", "assignments", "busy", "pins")}


@given(data=st.data())
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_save_that_knows_the_previous_scenario_leaves_what_a_full_save_leaves(tmp_path_factory, data):
    """Session.do saves against the scenario it holds (no table read back): the database must end as a
    save that reads every table leaves it, edit after edit, renames carrying busy times and pins along."""
    from benchmarks.generate import generate
    from planner.calendar_store import CalendarStore
    from planner.team import cover_everything

    from .edits import edits

    start = cover_everything(generate(5, 12, seed=data.draw(st.integers(0, 3))), 2027, 11)
    folder = tmp_path_factory.mktemp("diff")
    known, full = Store(folder / "known.db"), Store(folder / "full.db")
    for store in (known, full):
        store.save(start)
        calendars = CalendarStore(store)
        rep = start.reps[0].name
        calendars.replace_pins(rep, "2027-W11", {(start.markets_of(rep)[0].name, "Demo", 0):
                                                 dt.datetime(2027, 3, 16, 14, tzinfo=dt.timezone.utc)})
    for before, change in edits(data, start, data.draw(st.integers(1, 6))):
        kept = known.save(change.scenario, change.renamed_reps, change.renamed_markets, previous=before)
        read = full.save(change.scenario, change.renamed_reps, change.renamed_markets)
        assert kept == read  # the same rows written and deleted
        assert known.load() == full.load() == change.scenario
        assert _tables(known) == _tables(full)
