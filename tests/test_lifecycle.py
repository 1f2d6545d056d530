"""A database's life on the command line: what creates one, what refuses, backups and restore."""

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from planner import backups, scenario_file
from planner.cli import build_parser, main
from planner.storage import Store

CREATING = {"demo", "import", "import-csv", "import-xlsx"}
# One sound command line per command that needs an existing database ({dir} is a folder of the test's).
NEEDS_A_DATABASE = {
    "reps": ["reps"],
    "markets": ["markets"],
    "overlap": ["overlap", "--week", "2027-W11"],
    "assign": ["assign", "--week", "2027-W11", "--time-limit", "1"],
    "schedule": ["schedule", "--week", "2027-W11"],
    "check": ["check", "--week", "2027-W11"],
    "compare": ["compare", "--week", "2027-W11", "--time-limit", "1"],
    "hire": ["hire", "--min-value", "0", "--week", "2027-W11", "--time-limit", "1"],
    "export": ["export", "--week", "2027-W11", "-o", "{dir}/team.ics"],
    "report": ["report", "--week", "2027-W11", "-o", "{dir}/plan.pdf"],
    "import-busy": ["import-busy", "{dir}/busy.ics", "--rep", "Laura"],
    "publish": ["publish", "--week", "2027-W11", "--url", "http://127.0.0.1:9/laura/work/", "--user", "laura"],
    "export-scenario": ["export-scenario", "{dir}/plan.json"],
    "export-csv": ["export-csv", "reps", "{dir}/reps.csv"],
    "export-xlsx": ["export-xlsx", "markets", "{dir}/markets.xlsx"],
    "backups": ["backups"],
    "restore": ["restore", "latest"],
    "rep": ["rep", "set", "Laura", "max-hours", "42"],
    "market": ["market", "assign", "Brazil", "Marco"],
    "activity": ["activity", "add", "Webinar", "--minutes", "60", "--live"],
    "history": ["history"],
    "undo": ["undo"],
    "alternatives": ["alternatives", "save", "Lean"],
    "switch": ["switch", "Lean"],
    "whatif": ["whatif", "Lean", "--activity", "Demo", "--change", "-40%"],
    "push": ["push", "--to", "postgresql://ana@127.0.0.1:1/plans"],  # the file is checked before the server
    "team": ["team", "list"],
}
BUSY_ICS = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
            "DTSTAMP:20270301T000000Z\r\nDTSTART:20270316T090000Z\r\nDTEND:20270316T100000Z\r\nSUMMARY:x\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n")


def run(capsys, *argv):
    code = main([str(a) for a in argv], today=dt.date(2027, 3, 17))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder: Path) -> dict:
    """Every file under ``folder`` and a digest of its bytes: "nothing created or changed"."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


def refused(capsys, folder: Path, argv, expected: str):
    before = snapshot(folder)
    code, out, err = run(capsys, *argv)
    assert code == 2, (argv, out, err)
    assert err.startswith("error: ") and err.count("\n") == 1 and expected in err, err
    assert snapshot(folder) == before
    return err


def small_plan(demo, tmp_path, name="Small") -> Path:
    path = tmp_path / f"{name.lower()}.json"
    scenario_file.save(demo.replace(name=name, markets=demo.markets[:2], assignments=demo.assignments[:2]), path)
    return path


def test_every_command_either_creates_a_database_or_is_checked_here():
    commands = set(build_parser()._subparsers._group_actions[0].choices)
    assert commands == CREATING | set(NEEDS_A_DATABASE)


@pytest.mark.parametrize("command", sorted(NEEDS_A_DATABASE))
def test_a_command_on_a_missing_database_exits_2_naming_it_and_creates_nothing(capsys, tmp_path, command):
    (tmp_path / "busy.ics").write_text(BUSY_ICS, newline="")
    missing = tmp_path / "typo" / "plans.db"
    argv = [a.replace("{dir}", str(tmp_path)) for a in NEEDS_A_DATABASE[command]]
    err = refused(capsys, tmp_path, ["--db", missing, *argv], str(missing))
    assert "no such database" in err


def test_the_default_database_is_not_created_by_a_read_command(capsys, tmp_path, monkeypatch):
    default = tmp_path / "data" / "rep-planner.db"
    monkeypatch.setattr("planner.cli_data.default_path", lambda: default)
    refused(capsys, tmp_path, ["reps"], f"{default}: no such database")


def test_import_csv_into_a_new_database_holds_only_the_file(capsys, tmp_path, demo):
    """The issue's report: a new database got the demo first (8 reps, 12 markets from a file of 6)."""
    from planner import csv_io

    team = demo.replace(reps=[r.__class__(**{**r.__dict__, "name": f"{r.name} {n}"}) for n in range(3)
                              for r in demo.reps], markets=(), assignments=())
    (tmp_path / "reps.csv").write_text(csv_io.write_reps(team), encoding="utf-8")
    db = tmp_path / "new.db"
    code, out, err = run(capsys, "--db", db, "import-csv", "reps", tmp_path / "reps.csv", "--dry-run")
    assert code == 0 and not db.exists(), err  # a dry run creates nothing
    code, out, err = run(capsys, "--db", db, "import-csv", "reps", tmp_path / "reps.csv")
    assert code == 0, err
    scenario = Store(db).load()
    assert [r.name for r in scenario.reps] == [r.name for r in team.reps] and len(scenario.reps) == 6
    assert scenario.markets == () and scenario.name == "New scenario"
    assert [a.name for a in scenario.activities] == ["Demo", "Call", "Follow-up"]


def test_a_bad_csv_creates_no_database(capsys, tmp_path):
    (tmp_path / "reps.csv").write_text("name,timezone,country,hours\nAnna,Mars/Olympus,CH,Mon-Fri 09:00-17:00\n")
    refused(capsys, tmp_path, ["--db", tmp_path / "new.db", "import-csv", "reps", tmp_path / "reps.csv"],
            "row 2, timezone")


def test_import_over_a_plan_needs_replace_and_keeps_a_backup(capsys, tmp_path, demo_db, demo):
    plan = small_plan(demo, tmp_path)
    refused(capsys, tmp_path, ["--db", demo_db, "import", plan],
            f"{demo_db} already holds 'Five continents, two reps' (2 reps, 12 markets, 12 assignments); "
            "add --replace to replace it (a backup is kept first)")
    code, out, err = run(capsys, "--db", demo_db, "import", plan, "--replace")
    assert code == 0, err
    (kept,) = backups.listing(demo_db)
    assert out.splitlines() == [f"Imported 'Small' into {demo_db}: 2 reps, 2 markets, 2 assignments",
                                f"Kept a backup of the plan it replaced: {kept.name} ('restore {kept.name}' brings "
                                "it back)"]
    assert kept.cause == "before import of small.json" and kept.path.parent == Path(demo_db + ".backups")
    assert Store(kept.path).load() == demo and Store(demo_db).load().name == "Small"
    # The same file again changes nothing, so it needs no --replace and keeps no second backup.
    assert run(capsys, "--db", demo_db, "import", plan)[0] == 0 and len(backups.listing(demo_db)) == 1


def test_demo_replace_keeps_a_backup_and_the_same_demo_needs_none(capsys, tmp_path, demo, demo_db):
    assert run(capsys, "--db", demo_db, "demo")[0] == 0
    assert backups.listing(demo_db) == []
    assert run(capsys, "--db", demo_db, "import", small_plan(demo, tmp_path), "--replace")[0] == 0
    refused(capsys, tmp_path, ["--db", demo_db, "demo"], "already holds 'Small'")
    code, out, _ = run(capsys, "--db", demo_db, "demo", "--replace")
    assert code == 0 and "Kept a backup of the plan it replaced" in out
    assert [b.cause for b in backups.listing(demo_db)] == ["before import of small.json", "before the demo"]
    assert Store(backups.listing(demo_db)[-1].path).load().name == "Small"


def test_backups_lists_time_cause_and_counts_and_restore_can_be_undone(capsys, tmp_path, demo, demo_db):
    assert run(capsys, "--db", demo_db, "import", small_plan(demo, tmp_path), "--replace")[0] == 0
    code, out, _ = run(capsys, "--db", demo_db, "backups", "--json")
    (listed,) = json.loads(out)
    kept = backups.listing(demo_db)[0]
    assert listed == {"name": kept.name, "time": kept.time.strftime("%Y-%m-%dT%H:%M:%SZ"),
                      "cause": "before import of small.json", "file": str(kept.path),
                      "scenario": "Five continents, two reps", "reps": 2, "markets": 12, "assignments": 12}
    assert abs(kept.time - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=1)
    code, out, _ = run(capsys, "--db", demo_db, "backups")
    assert out.splitlines()[0] == (f"Backups of {demo_db}, newest first, in {demo_db}.backups "
                                   "(the newest 20 are kept):")
    assert out.splitlines()[3].split() == [kept.name, *f"{kept.time:%Y-%m-%d %H:%M:%S}".split(), "before", "import",
                                           "of", "small.json", "Five", "continents,", "two", "reps", "2", "12", "12"]
    code, out, err = run(capsys, "--db", demo_db, "restore", "latest")
    assert code == 0, err
    assert Store(demo_db).load() == demo
    first, second = backups.listing(demo_db)
    assert second.cause == f"before restore of {kept.name}" and Store(second.path).load().name == "Small"
    assert out.splitlines() == [
        f"Restored {kept.name} (before import of small.json, made {kept.time:%Y-%m-%d %H:%M:%S} UTC) into "
        f"{demo_db}: 'Five continents, two reps', 2 reps, 12 markets, 12 assignments",
        f"The state it replaced is backup {second.name} ('restore {second.name}' brings it back)"]
    assert run(capsys, "--db", demo_db, "restore", second.name)[0] == 0  # the restore, undone
    assert Store(demo_db).load().name == "Small"


def test_restore_brings_back_busy_times_too_and_leaves_a_healthy_wal_database(capsys, tmp_path, demo, demo_db):
    (tmp_path / "busy.ics").write_text(BUSY_ICS, newline="")
    assert run(capsys, "--db", demo_db, "import-busy", tmp_path / "busy.ics", "--rep", "Laura")[0] == 0
    assert run(capsys, "--db", demo_db, "import", small_plan(demo, tmp_path), "--replace")[0] == 0
    store = Store(demo_db)
    store.db.execute("DELETE FROM busy")
    store.db.conn.commit()
    store.close()
    assert run(capsys, "--db", demo_db, "restore", "latest")[0] == 0
    conn = sqlite3.connect(demo_db)
    assert conn.execute("SELECT count(*) FROM busy").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_restore_while_the_database_is_open_elsewhere_is_seen_there(tmp_path, demo, demo_db):
    app = Store(demo_db)  # the app, holding the database open
    app.backup("by hand")
    app.save(demo.replace(name="Changed"))
    backups.restore(demo_db, "latest", now=dt.datetime.now(dt.timezone.utc))
    assert app.load() == demo
    app.close()


def test_restore_refuses_an_unknown_name_and_changes_nothing(capsys, tmp_path, demo, demo_db):
    assert run(capsys, "--db", demo_db, "import", small_plan(demo, tmp_path), "--replace")[0] == 0
    newest = backups.listing(demo_db)[-1].name
    refused(capsys, tmp_path, ["--db", demo_db, "restore", "20990101T000000Z"],
            f"restore: no backup of {demo_db} has this name; 'backups' lists them (newest: {newest})")


def test_a_backup_that_cannot_be_read_is_listed_as_such_and_not_restored(capsys, tmp_path, demo, demo_db):
    assert run(capsys, "--db", demo_db, "import", small_plan(demo, tmp_path), "--replace")[0] == 0
    (kept,) = backups.listing(demo_db)
    kept.path.write_bytes(b"not a database" * 300)
    code, out, _ = run(capsys, "--db", demo_db, "backups")
    assert code == 0 and out.splitlines()[3].endswith("before import of small.json  (cannot be read)  -     -        -")
    refused(capsys, tmp_path, ["--db", demo_db, "restore", kept.name],
            f"{kept.path}: this backup cannot be read as a plan (file is not a database); choose another")


def test_restore_without_backups_says_so(capsys, tmp_path, demo_db):
    refused(capsys, tmp_path, ["--db", demo_db, "restore", "latest"], f"{demo_db}: no backups yet")
    code, out, _ = run(capsys, "--db", demo_db, "backups")
    assert code == 0 and out.startswith(f"No backups of {demo_db} yet")


def test_a_damaged_database_is_set_aside_whole_and_the_backup_restored(capsys, tmp_path, demo, demo_db):
    assert run(capsys, "--db", demo_db, "import", small_plan(demo, tmp_path), "--replace")[0] == 0
    data = bytearray(Path(demo_db).read_bytes())
    data[4096: 4096 + 400] = b"\xff" * 400
    Path(demo_db).write_bytes(bytes(data))
    code, _, err = run(capsys, "--db", demo_db, "reps")
    assert code == 2 and "restore a backup (newest: " in err
    code, out, err = run(capsys, "--db", demo_db, "restore", "latest")
    assert code == 0, err
    (aside,) = Path(demo_db + ".backups").glob("*.damaged")
    assert aside.read_bytes() == bytes(data)  # kept exactly as it was
    assert f"The damaged database was moved, unchanged, to {aside}" in out
    assert Store(demo_db).load() == demo


def test_a_deleted_database_comes_back_from_its_backups(capsys, tmp_path, demo, demo_db):
    assert run(capsys, "--db", demo_db, "import", small_plan(demo, tmp_path), "--replace")[0] == 0
    Path(demo_db).unlink()
    code, out, _ = run(capsys, "--db", demo_db, "backups")
    assert code == 0 and "before import of small.json" in out
    assert run(capsys, "--db", demo_db, "restore", "latest")[0] == 0
    assert Store(demo_db).load() == demo


def test_the_newest_twenty_are_kept_and_a_restore_never_deletes_the_one_it_reads(tmp_path, demo_db):
    clock = (dt.datetime(2027, 3, 1, 9, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=m) for m in range(100))
    store = Store(demo_db, clock=lambda: next(clock))
    made = [store.backup(f"step {n}") for n in range(22)]
    store.close()
    kept = backups.listing(demo_db)
    assert [b.cause for b in kept] == [f"step {n}" for n in range(2, 22)]
    assert not made[0].path.exists() and not made[1].path.exists()
    done = backups.restore(demo_db, kept[0].name, now=dt.datetime(2027, 3, 2, tzinfo=dt.timezone.utc))
    assert done.backup.path.exists() and done.before.path.exists()
    assert len(backups.listing(demo_db)) == 20  # the oldest after the one restored went instead
    assert [b.cause for b in backups.listing(demo_db)][:2] == ["step 2", "step 4"]


def test_two_backups_in_one_second_get_their_own_names(tmp_path, demo_db):
    store = Store(demo_db, clock=lambda: dt.datetime(2027, 3, 1, 9, tzinfo=dt.timezone.utc))
    first, second = store.backup("one"), store.backup("two")
    store.close()
    assert (first.name, second.name) == ("20270301T090000Z", "20270301T090000Z-2")
    assert backups.find(demo_db, "latest") == second
    assert backups.find(demo_db, second.path.name) == second


def test_a_cause_naming_a_hostile_file_makes_a_safe_file_name(tmp_path, demo_db):
    store = Store(demo_db)
    kept = store.backup("before import of ../../x/\x1b[31mplan:*.json")
    store.close()
    assert kept.path.parent == Path(demo_db + ".backups")
    assert kept.cause == "before import of .._.._x___31mplan__.json"


def test_an_empty_file_is_no_database_until_demo_fills_it(capsys, tmp_path):
    """A read command wrote a new database into an empty file, then said it held no plan."""
    db = tmp_path / "plans.db"
    db.write_bytes(b"")
    refused(capsys, tmp_path, ["--db", db, "reps"], f"{db}: an empty file, not a database; 'demo'")
    assert db.stat().st_size == 0
    assert run(capsys, "--db", db, "demo")[0] == 0
    code, out, err = run(capsys, "--db", db, "reps")
    assert code == 0 and "Laura" in out, err
