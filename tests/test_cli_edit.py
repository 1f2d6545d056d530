"""Editing the plan from the command line: what automation relies on.

Each edit prints one line saying what changed, ``--json`` the object after it; a refusal is one
``error:`` line, exit 2, and the database file byte for byte as it was. The CLI and the app make
the same edit through the same core command, so they agree on the result and on the message.
"""

import gc
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planner import commands as c
from planner import scenario_file
from planner.cli import main
from planner.model import Market, Rep
from planner.storage import DEMO_PATH, Store

from .guides import console_steps, runs_as_written
from .test_corpus import table_dump

ROOT = Path(__file__).parent.parent


def plan_dump(db: Path) -> dict:
    """Every table, the change history's included, but for when and where each change was made."""
    import sqlite3

    tables = table_dump(db)
    conn = sqlite3.connect(db)
    tables["history"] = conn.execute("SELECT revision, text, undoes FROM history ORDER BY revision").fetchall()
    conn.close()
    return tables


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("edit") / "demo.db"
    store = Store(db)
    store.save(scenario_file.load(DEMO_PATH))
    store.close()  # written through to the file, so a copy of the file is the whole demo
    return db


@pytest.fixture
def db(demo_db, tmp_path):
    copy = tmp_path / "plans.db"
    shutil.copy(demo_db, copy)
    return copy


def cli(capsys, db, *argv):
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys, db, *argv) -> str:
    code, out, err = cli(capsys, db, *argv)
    assert code == 0 and err == "", err
    assert out.count("\n") == 1, out
    return out.rstrip("\n")


def test_a_team_is_built_and_changed_from_the_command_line(capsys, db):
    assert ok(capsys, db, "activity", "add", "Webinar", "--minutes", "60", "--live") == \
        "Added activity Webinar (60 min, live)"
    assert ok(capsys, db, "rep", "add", "Ana", "--timezone", "America/Sao_Paulo", "--country", "br",
              "--hours", "Mon-Fri 08:00-17:00", "--max-hours", "44", "--rules", "who-ilo") == \
        "Added rep Ana (America/Sao_Paulo, BR, Mon-Fri 08:00-17:00, 44 h a week at most, who-ilo rules)"
    assert ok(capsys, db, "market", "add", "Chile", "--timezone", "America/Santiago", "--country", "CL",
              "--tier", "A", "--value", "750,000", "--workload", "Webinar=2", "--workload", "Follow-up=4") == \
        ("Added market Chile (America/Santiago, CL, Mon-Fri 09:00-17:00, tier A, value 750,000, "
         "2 h live and 1 h async work a week)")
    assert ok(capsys, db, "market", "assign", "Chile", "Ana", "--lock") == "Assigned Chile to Ana, locked"
    assert ok(capsys, db, "market", "assign", "Brazil", "Ana") == "Assigned Brazil to Ana (was Laura's)"
    assert ok(capsys, db, "rep", "rename", "Ana", "Ana Souza") == "Renamed rep Ana to Ana Souza"
    assert ok(capsys, db, "rep", "set", "Ana Souza", "max-hours", "40") == \
        "Changed Ana Souza's max hours a week: 44 -> 40"
    assert ok(capsys, db, "market", "workload", "Chile", "Webinar", "3") == "Changed Chile's weekly Webinar: 2 -> 3"
    assert ok(capsys, db, "market", "unlock", "Chile") == "Unlocked Chile to Ana Souza: the optimiser may move it"
    assert ok(capsys, db, "market", "lock", "Brazil") == "Locked Brazil to Ana Souza: the optimiser keeps it there"
    assert ok(capsys, db, "activity", "set", "Webinar", "kind", "async") == \
        "Changed activity Webinar's kind: live -> async"

    store = Store(db)
    scenario = store.load()
    store.close()
    assert {a.market: a.locked for a in scenario.assignments if a.rep == "Ana Souza"} == {"Chile": False, "Brazil": True}
    assert scenario.market("Chile").weekly == {"Webinar": 3, "Follow-up": 4}
    assert scenario.rep("Ana Souza").max_weekly_hours == 40
    assert scenario.workload(scenario.market("Chile")).live_hours == 0  # Webinar is async now

    assert ok(capsys, db, "market", "unassign", "Chile") == "Unassigned Chile (was Ana Souza's)"
    assert ok(capsys, db, "activity", "remove", "Webinar") == "Removed activity Webinar and its weekly count from 1 market"
    assert ok(capsys, db, "rep", "remove", "Ana Souza") == "Removed rep Ana Souza; Brazil now has no rep"
    assert ok(capsys, db, "market", "remove", "Chile") == "Removed market Chile"


def test_an_edit_that_changes_nothing_says_so(capsys, db):
    before = files_of(db)
    assert ok(capsys, db, "rep", "set", "Laura", "timezone", "Europe/Zurich") == \
        "Laura's time zone is already Europe/Zurich; nothing changed"
    assert ok(capsys, db, "market", "assign", "India", "Marco") == "India is already Marco's; nothing changed"
    assert ok(capsys, db, "market", "unlock", "India") == "India is already unlocked; nothing changed"
    code, out, _ = cli(capsys, db, "rep", "rename", "Laura", "Laura", "--json")
    assert code == 0 and json.loads(out)["changed"] is False
    assert files_of(db) == before


def test_json_gives_the_object_as_the_list_commands_show_it(capsys, db):
    code, out, _ = cli(capsys, db, "rep", "add", "Ana", "--timezone", "Europe/Lisbon", "--country", "PT", "--json")
    added = json.loads(out)
    assert code == 0 and added["changed"] is True
    assert added["message"] == "Added rep Ana (Europe/Lisbon, PT, Mon-Fri 09:00-17:00, 40 h a week at most, eu-wtd rules)"
    listed = {r["name"]: r for r in json.loads(cli(capsys, db, "reps", "--json")[1])}
    assert added["rep"] == listed["Ana"]

    data = json.loads(cli(capsys, db, "market", "assign", "India", "Ana", "--lock", "--json")[1])
    listed = {m["name"]: m for m in json.loads(cli(capsys, db, "markets", "--json")[1])}
    assert data["market"]["locked"] is True
    assert {k: v for k, v in data["market"].items() if k != "locked"} == listed["India"]

    removed = json.loads(cli(capsys, db, "rep", "remove", "Ana", "--json")[1])
    assert removed["removed"]["name"] == "Ana" and removed["unassigned"] == ["India"]


def test_renaming_keeps_what_hangs_on_the_name(capsys, db):
    store = Store(db)
    laura = [m.name for m in store.load().markets_of("Laura")]
    store.close()
    ok(capsys, db, "rep", "rename", "Laura", "  Laura Meier ")  # spaces dropped, as in the app's cell
    ok(capsys, db, "market", "rename", "India", "India & Sri Lanka")
    store = Store(db)
    scenario = store.load()
    store.close()
    assert [m.name for m in scenario.markets_of("Laura Meier")] == laura
    assert scenario.rep_of("India & Sri Lanka") == "Marco"


def test_a_stored_name_holding_an_escape_is_printed_escaped_not_run(capsys, db):
    """Names with control characters are refused on input, but an older database may hold one."""
    from planner.model import stored_data

    store = Store(db)
    with stored_data():
        c.apply(store, c.EditRep("Laura", "name", "La\x1b[31mura"))
    store.close()
    code, out, err = cli(capsys, db, "rep", "set", "La\x1b[31mura", "max-hours", "40")
    assert code == 2 and "\x1b" not in err and "a name cannot hold a control character" in err
    line = ok(capsys, db, "rep", "remove", "La\x1b[31mura")
    assert line.startswith("Removed rep La\\x1b[31mura; US West, ") and "\x1b" not in line


def run_process(db: Path, *argv):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "planner.cli", "--db", str(db), *argv],
                          capture_output=True, text=True, env=env, cwd=ROOT)


def files_of(db: Path) -> dict:
    """The database file and its write-ahead log, after any connection left open is closed."""
    gc.collect()
    return {p.name: p.read_bytes() for p in sorted(db.parent.iterdir())
            if p.name.startswith(db.name) and not p.name.endswith("-shm")}


@pytest.mark.parametrize("argv,message", [
    (["rep", "add", "Ana", "--timezone", "EST", "--country", "PT"],
     "rep 'Ana'.timezone: EST is a fixed offset, not a place's clock: use America/New_York (got 'EST')"),
    (["market", "set", "India", "value", "a lot"], "market 'India'.value: must be a number (got 'a lot')"),
    (["rep", "remove", "Laura "], "rep: no rep has this name (got 'Laura ')"),
    (["activity", "remove", "Webinar"], "activity: no activity type has this name (got 'Webinar')"),
])
def test_a_refusal_leaves_the_database_file_byte_identical(db, argv, message):
    before = files_of(db)
    result = run_process(db, *argv)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"error: {message}\n")
    assert files_of(db) == before


def test_the_byte_check_sees_an_edit(db):
    before = files_of(db)
    result = run_process(db, "market", "workload", "India", "Demo", "5")
    assert result.returncode == 0, result.stderr
    assert files_of(db) != before


# (command line, the same edit as the app makes it: a cell, a menu, the Add button)
SAME_EDITS = [
    (["rep", "set", "Laura", "max-hours", "50"], c.EditRep("Laura", "max_weekly_hours", "50")),
    (["rep", "set", "Laura", "max-hours", "200"], c.EditRep("Laura", "max_weekly_hours", "200")),
    (["rep", "set", "Laura", "timezone", "US/Eastern"], c.EditRep("Laura", "timezone", "US/Eastern")),
    (["rep", "set", "Laura", "country", "DE"], c.EditRep("Laura", "country", "DE")),
    (["rep", "set", "Marco", "region", ""], c.EditRep("Marco", "subdivision", "")),
    (["rep", "rename", "Laura", "Marco"], c.EditRep("Laura", "name", "Marco")),
    (["rep", "rename", "Laura", "Laura Meier"], c.EditRep("Laura", "name", "Laura Meier")),
    (["rep", "remove", "Marco"], c.RemoveRep("Marco")),
    (["rep", "add", "New rep 1", "--timezone", "Europe/Zurich", "--country", "CH"],
     c.AddRep(Rep("New rep 1", "Europe/Zurich", "CH", "Mon-Fri 09:00-17:00", 40))),
    (["market", "add", "New market 1", "--timezone", "UTC", "--country", "US"],
     c.AddMarket(Market("New market 1", "UTC", "US", "Mon-Fri 09:00-17:00", "B", 0, {}))),
    (["market", "set", "India", "value", "1,500,000"], c.EditMarket("India", "value", "1,500,000")),
    (["market", "set", "India", "tier", "Z"], c.EditMarket("India", "tier", "Z")),
    (["market", "set", "India", "hours", "Mon-Fri 09:00-25:00"], c.EditMarket("India", "hours", "Mon-Fri 09:00-25:00")),
    (["market", "workload", "India", "Demo", "-1"], c.SetWorkload("India", "Demo", "-1")),
    (["market", "workload", "India", "Demo", "6"], c.SetWorkload("India", "Demo", "6")),
    (["market", "rename", "India", "US East"], c.EditMarket("India", "name", "US East")),
    (["market", "remove", "India"], c.RemoveMarket("India")),
    (["market", "assign", "India", "Laura"], c.Assign("India", "Laura")),
    (["market", "assign", "India", "Nobody"], c.Assign("India", "Nobody")),
    (["market", "unassign", "India"], c.Assign("India", None)),
    (["market", "lock", "India"], c.SetLocked("India", True)),
]


@pytest.mark.parametrize("argv,edit", SAME_EDITS, ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_the_cli_and_the_app_agree_on_result_and_message(qapp, capsys, demo_db, tmp_path, argv, edit):
    import datetime as dt

    from ui.session import Session

    app_db, cli_db = tmp_path / "app.db", tmp_path / "cli.db"
    shutil.copy(demo_db, app_db)
    shutil.copy(demo_db, cli_db)
    store = Store(app_db)
    problem = Session(store, dt.date(2027, 3, 17)).do(edit)
    store.close()
    code, out, err = cli(capsys, cli_db, *argv)
    if problem:
        assert (code, out, err) == (2, "", f"error: {problem}\n")
    else:
        assert code == 0 and err == "" and out.count("\n") == 1
    assert plan_dump(cli_db) == plan_dump(app_db)


def test_a_cell_typed_in_the_app_and_the_same_text_on_the_command_line_agree(qapp, capsys, demo_db, tmp_path):
    """The app's Markets table and ``market set`` read "1,500,000" and " in " the same way."""
    import datetime as dt

    from ui.models import MarketsModel
    from ui.session import Session

    app_db, cli_db = tmp_path / "app.db", tmp_path / "cli.db"
    shutil.copy(demo_db, app_db)
    shutil.copy(demo_db, cli_db)
    store = Store(app_db)
    model = MarketsModel(Session(store, dt.date(2027, 3, 17)))
    row = [m.name for m in model.session.scenario.markets].index("Brazil")
    titles = [col.title for col in model.columns]
    assert model.setData(model.index(row, titles.index("Value")), "1,500,000")
    assert model.setData(model.index(row, titles.index("Country")), " ar ")
    store.close()
    ok(capsys, cli_db, "market", "set", "Brazil", "value", "1,500,000")
    ok(capsys, cli_db, "market", "set", "Brazil", "country", " ar ")
    assert plan_dump(cli_db) == plan_dump(app_db)


def test_the_editing_guide_shows_real_commands_and_their_real_output(capsys, db):
    steps = console_steps(ROOT / "docs" / "editing.md")
    assert len(steps) >= 20

    def run(argv):
        code, out, err = cli(capsys, db, *argv)
        return code, out + err
    runs_as_written(steps, run)
