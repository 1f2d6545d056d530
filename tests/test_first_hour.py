"""A new user's first hour on the command line, as one script: a team from CSV, its markets, an
assignment, edits, an edit undone and redone, a colleague's plan imported over it, and the team
brought back from a backup (the import undone by a restore, and the restore undone in turn), the
history recording every step."""

import datetime as dt
import json

from planner import backups
from planner.cli import main

TEAM = """name,timezone,country,hours,max_weekly_hours
Ana,Europe/Madrid,ES,Mon-Fri 09:00-18:00,40
Ben,America/New_York,US,Mon-Fri 08:00-17:00,40
Chen,Asia/Singapore,SG,Mon-Fri 09:00-18:00,40
"""
MARKETS = """name,timezone,country,hours,tier,value,demo,call,follow-up
Iberia,Europe/Madrid,ES,Mon-Fri 09:00-18:00,A,120000,3,4,6
France,Europe/Paris,FR,Mon-Fri 09:00-18:00,B,80000,2,3,4
US East,America/New_York,US,Mon-Fri 09:00-17:00,A,150000,4,5,8
Brazil,America/Sao_Paulo,BR,Mon-Fri 09:00-18:00,B,60000,2,3,4
Singapore,Asia/Singapore,SG,Mon-Fri 09:00-18:00,A,100000,3,4,6
"""


def cli(capsys, db, *argv, expect=0):
    code = main(["--db", str(db), *map(str, argv)], today=dt.date(2027, 3, 17))
    out, err = capsys.readouterr()
    assert code == expect, (argv, out, err)
    return out if code == 0 else err


def test_a_new_users_first_hour(capsys, tmp_path, demo, demo_db):
    db = tmp_path / "plans" / "team.db"
    (tmp_path / "team.csv").write_text(TEAM, encoding="utf-8")
    (tmp_path / "markets.csv").write_text(MARKETS, encoding="utf-8")

    # A mistyped path is refused and leaves no trace.
    assert "no such database" in cli(capsys, tmp_path / "plnas" / "team.db", "reps", expect=2)
    assert not (tmp_path / "plnas").exists()

    # The team and its markets from spreadsheets: the new database holds exactly what the files hold.
    assert cli(capsys, db, "import-csv", "reps", tmp_path / "team.csv") == \
        f"Imported 3 reps from {tmp_path / 'team.csv'} into {db}: 3 added, 0 changed, 0 unchanged\n"
    cli(capsys, db, "import-csv", "markets", tmp_path / "markets.csv")
    reps = json.loads(cli(capsys, db, "reps", "--json"))
    assert [(r["name"], r["timezone"], r["markets"]) for r in reps] == [
        ("Ana", "Europe/Madrid", []), ("Ben", "America/New_York", []), ("Chen", "Asia/Singapore", [])]
    markets = json.loads(cli(capsys, db, "markets", "--json"))
    assert [m["name"] for m in markets] == ["Iberia", "France", "US East", "Brazil", "Singapore"]
    assert markets[0]["live_hours"] == 3 * 45 / 60 + 4 * 30 / 60

    # Who covers what: each market goes to the rep in its time zone, and the plan is stored.
    plan = json.loads(cli(capsys, db, "assign", "--week", "2027-W11", "--time-limit", "10", "--apply", "--json"))
    assert plan["unassigned"] == []
    covered = {m["name"]: m["rep"] for m in json.loads(cli(capsys, db, "markets", "--json"))}
    assert covered == {a["market"]: a["rep"] for a in plan["assignments"]}
    assert covered["Singapore"] == "Chen" and covered["Iberia"] == "Ana" and covered["US East"] == "Ben"

    # Edits: Ana starts an hour later, and Brazil goes to Ben for good (locked: the optimiser keeps it).
    assert cli(capsys, db, "rep", "set", "Ana", "hours", "Mon-Fri 10:00-19:00") == \
        "Changed Ana's working hours: Mon-Fri 09:00-18:00 -> Mon-Fri 10:00-19:00\n"
    optimised = dict(covered)
    cli(capsys, db, "market", "assign", "Brazil", "Ben", "--lock")
    covered["Brazil"] = "Ben"
    reps = json.loads(cli(capsys, db, "reps", "--json"))
    assert reps[0]["hours"] == "Mon-Fri 10:00-19:00" and len(reps) == 3
    assert {m["name"]: m["rep"] for m in json.loads(cli(capsys, db, "markets", "--json"))} == covered
    plan = json.loads(cli(capsys, db, "assign", "--week", "2027-W11", "--time-limit", "10", "--json"))
    assert {"market": "Brazil", "rep": "Ben"}.items() <= next(
        a for a in plan["assignments"] if a["market"] == "Brazil").items()
    flags = json.loads(cli(capsys, db, "check", "--week", "2027-W11", "--json"))
    assert [r["rep"] for r in flags["reps"]] == ["Ana", "Ben", "Chen"]

    # Second thoughts about the lock on Brazil: undo takes the last change back, undo again redoes it.
    assert optimised["Brazil"] == "Ben"  # the optimiser had given it to Ben already: the edit locked it
    out = cli(capsys, db, "undo")
    assert out.startswith("Undid revision 5 (cli, ") and out.endswith(
        ": Assign Brazil to Ben\n  the assignment of Brazil: locked yes -> no\n"
        "Saved as revision 6: Undo: Assign Brazil to Ben ('undo' again reverts it)\n")
    assert "Redo: Assign Brazil to Ben" in cli(capsys, db, "undo")
    assert {m["name"]: m["rep"] for m in json.loads(cli(capsys, db, "markets", "--json"))} == covered

    # A colleague's plan (the demo): refused over the team, then taken with --replace and a backup.
    cli(capsys, demo_db, "export-scenario", tmp_path / "colleague.json")
    err = cli(capsys, db, "import", tmp_path / "colleague.json", expect=2)
    assert "already holds 'New scenario' (3 reps, 5 markets, 5 assignments); add --replace" in err
    out = cli(capsys, db, "import", tmp_path / "colleague.json", "--replace")
    kept = backups.listing(db)[-1]
    assert f"Kept a backup of the plan it replaced: {kept.name}" in out
    assert [r["name"] for r in json.loads(cli(capsys, db, "reps", "--json"))] == ["Laura", "Marco"]

    # Undo takes the import back like any change, and undo again redoes it.
    out = cli(capsys, db, "undo")
    assert out.startswith("Undid revision 8 (import, ") and ": Import colleague.json\n" in out
    assert [r["name"] for r in json.loads(cli(capsys, db, "reps", "--json"))] == ["Ana", "Ben", "Chen"]
    assert {m["name"]: m["rep"] for m in json.loads(cli(capsys, db, "markets", "--json"))} == covered
    assert "Saved as revision 10: Redo: Import colleague.json" in cli(capsys, db, "undo")
    assert [r["name"] for r in json.loads(cli(capsys, db, "reps", "--json"))] == ["Laura", "Marco"]

    # That was a mistake: the backups say what each holds, and restore brings the team back.
    listed = json.loads(cli(capsys, db, "backups", "--json"))
    assert [(b["cause"], b["reps"], b["markets"], b["assignments"]) for b in listed][0] == (
        "before import of colleague.json", 3, 5, 5)
    cli(capsys, db, "restore", "latest")
    reps = json.loads(cli(capsys, db, "reps", "--json"))
    assert [(r["name"], r["hours"]) for r in reps] == [
        ("Ana", "Mon-Fri 10:00-19:00"), ("Ben", "Mon-Fri 08:00-17:00"), ("Chen", "Mon-Fri 09:00-18:00")]
    assert {m["name"]: m["rep"] for m in json.loads(cli(capsys, db, "markets", "--json"))} == covered

    # The restore itself can be taken back, and taken back again.
    undo_restore = backups.listing(db)[-1]
    assert undo_restore.cause == f"before restore of {kept.name}"
    cli(capsys, db, "restore", undo_restore.name)
    assert [r["name"] for r in json.loads(cli(capsys, db, "reps", "--read-only", "--json"))] == ["Laura", "Marco"]
    cli(capsys, db, "restore", "latest")
    assert [r["name"] for r in json.loads(cli(capsys, db, "reps", "--read-only", "--json"))] == ["Ana", "Ben", "Chen"]
    assert len(backups.listing(db)) == 4  # the import, and one before each of the three restores

    # The history has every step, newest first, each with where it came from.
    steps = json.loads(cli(capsys, db, "history", "--read-only", "--json"))
    assert [(s["revision"], s["source"], s["text"]) for s in steps] == [
        (13, "restore", f"Restore backup {backups.listing(db)[-2].name} (before restore of {undo_restore.name})"),
        (12, "restore", f"Restore backup {undo_restore.name} (before restore of {kept.name})"),
        (11, "restore", f"Restore backup {kept.name} (before import of colleague.json)"),
        (10, "cli", "Redo: Import colleague.json"), (9, "cli", "Undo: Import colleague.json"),
        (8, "import", "Import colleague.json"),
        (7, "cli", "Redo: Assign Brazil to Ben"), (6, "cli", "Undo: Assign Brazil to Ben"),
        (5, "cli", "Assign Brazil to Ben"), (4, "cli", "Change Ana's hours"),
        (3, "optimiser", "Apply the optimised plan for 2027-W11"),
        (2, "import", "Import 5 markets from markets.csv"), (1, "import", "Import 3 reps from team.csv")]
    assert steps[8]["rows"] == {"assignments": 1}
