"""A broken, locked, read-only, full or newer database: a clear message, a way out, nothing overwritten."""

import datetime as dt
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planner.errors import PlannerError
from planner.storage import Store, open_store

ROOT = Path(__file__).parent.parent


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "plans.db"
    store = open_store(path)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


def test_a_truncated_database_is_refused_and_left_alone(saved):
    data = saved.read_bytes()
    saved.write_bytes(data[: len(data) // 2])
    before = digest(saved)
    with pytest.raises(PlannerError) as info:
        Store(saved)
    assert "malformed" in str(info.value) or "damaged" in str(info.value)
    assert "open another database" in str(info.value)
    assert digest(saved) == before


def test_a_damaged_database_points_to_the_newest_backup(saved):
    store = Store(saved)
    backup = store.backup("by-hand")
    store.close()
    data = bytearray(saved.read_bytes())
    data[4096: 4096 + 400] = b"\xff" * 400  # scribble over the second page's b-tree header
    saved.write_bytes(bytes(data))
    with pytest.raises(PlannerError) as info:
        Store(saved)
    assert f"newest: {backup.name}, by-hand" in str(info.value)
    assert Store(backup.path).load().name == "Five continents, two reps"  # the way out works


def test_a_locked_database_refuses_the_change_and_keeps_the_old_scenario(saved):
    store = Store(saved)
    scenario = store.load()
    holder = sqlite3.connect(saved, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    store.db.execute("PRAGMA busy_timeout = 50")  # do not wait the full five seconds in a test
    with pytest.raises(PlannerError, match="another program is writing to it"):
        store.save(scenario.replace(name="Changed"))
    holder.rollback()
    holder.close()
    assert store.load() == scenario


def test_read_only_opening_reads_and_refuses_writes_clearly(saved):
    before = digest(saved)
    store = Store(saved, read_only=True)
    scenario = store.load()
    assert scenario.reps
    with pytest.raises(PlannerError, match="opened read-only"):
        store.save(scenario.replace(name="Changed"))
    store.close()
    assert digest(saved) == before


def test_a_file_we_may_not_write_is_not_opened_for_writing(saved, monkeypatch):
    monkeypatch.setattr("planner.storage.os.access", lambda path, mode: False)
    with pytest.raises(PlannerError, match="read-only; open it read-only"):
        Store(saved)


def test_a_full_disk_during_a_write_loses_nothing(saved):
    store = Store(saved)
    scenario = store.load()
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    bigger = scenario.replace(markets=[m.__class__(**{**m.__dict__, "name": m.name + " " + "x" * 150})
                                       for m in scenario.markets], assignments=())
    with pytest.raises(PlannerError, match="free some disk space"):
        store.save(bigger)
    assert store.load() == scenario


def test_a_migration_backs_up_first_and_keeps_a_bounded_number(saved):
    clock = iter(dt.datetime(2027, 1, 1, 9, minute, tzinfo=dt.timezone.utc) for minute in range(60))
    for _ in range(7):
        # Make the file look like one written before the calendars migration existed.
        conn = sqlite3.connect(saved)
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_calendars'")
        for table in ("pins", "busy", "exports"):
            conn.execute(f"DROP TABLE {table}")
        conn.commit()
        conn.close()
        store = Store(saved, clock=lambda: next(clock), keep_backups=5)
        assert "pins" in store.db.table_names()
        store.close()
    backups = sorted((saved.parent / "plans.db.backups").glob("*.db"))
    assert len(backups) == 5
    assert [b.name for b in backups] == [f"20270101T09{minute:02d}00Z before upgrade m002_calendars.db"
                                         for minute in range(2, 7)]  # the newest five, each named by its cause
    copy = saved.parent / "restored.db"
    copy.write_bytes(backups[-1].read_bytes())
    assert Store(copy).load().name == "Five continents, two reps"  # a backup opens (and upgrades) normally


def test_the_cli_says_what_is_wrong_without_a_traceback(saved):
    saved.write_bytes(saved.read_bytes()[:3000])
    result = subprocess.run([sys.executable, "-m", "planner.cli", "--db", str(saved), "reps"], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and str(saved) in result.stderr
