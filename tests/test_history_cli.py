"""``history`` and ``undo`` on the command line: what they print, what they refuse, and the guide's
examples, run as written."""

import hashlib
import json
from pathlib import Path

import pytest

from planner.storage import Store

from .guides import command_line, console_steps, guide_clock, runs_as_written

ROOT = Path(__file__).parent.parent


@pytest.fixture
def cli(capsys, monkeypatch, tmp_path):
    """The command line with a clock that moves on a minute a change, read in Zurich, by "ana"."""
    guide_clock(monkeypatch)
    monkeypatch.chdir(tmp_path)
    return command_line(capsys)


def test_the_guide_shows_real_commands_and_their_real_output(cli):
    steps = console_steps(ROOT / "docs" / "databases.md", "The change history")
    assert len(steps) >= 10
    runs_as_written(steps, lambda argv: cli(*argv))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_dry_run_and_a_refused_undo_leave_the_file_byte_for_byte(cli, tmp_path):
    cli("--db", "plans.db", "demo")
    cli("--db", "plans.db", "market", "assign", "Brazil", "Marco")
    cli("--db", "plans.db", "market", "assign", "Brazil", "Laura")
    before = digest(tmp_path / "plans.db")
    code, out = cli("--db", "plans.db", "undo", "--revision", "2", "--dry-run")
    assert code == 2 and out.startswith("error: revision 2 (Assign Brazil to Marco) cannot be undone: revision 3 ")
    assert cli("--db", "plans.db", "undo", "--dry-run")[0] == 0
    assert digest(tmp_path / "plans.db") == before and sorted(p.name for p in tmp_path.iterdir()) == ["plans.db"]


def test_history_json_and_the_limit(cli):
    cli("--db", "plans.db", "demo")
    for market in ("Brazil", "Mexico", "US East"):  # Laura's, all three
        cli("--db", "plans.db", "market", "assign", market, "Marco")
    code, out = cli("--db", "plans.db", "history", "--limit", "2", "--json")
    assert code == 0
    assert [(r["revision"], r["text"], r["rows"]) for r in json.loads(out)] == [
        (4, "Assign US East to Marco", {"assignments": 1}), (3, "Assign Mexico to Marco", {"assignments": 1})]
    code, out = cli("--db", "plans.db", "undo", "--json")
    done = json.loads(out)
    assert (done["undone"]["revision"], done["revision"], done["text"]) == (4, 5, "Undo: Assign US East to Marco")
    (row,) = done["rows"]
    assert (row["kind"], row["key"], row["was"]["rep"], row["now"]["rep"]) == ("assignments", ["US East"], "Marco", "Laura")
    assert row["was"] == {**row["now"], "rep": "Marco"}


def test_a_database_with_no_history_yet_says_so(cli, tmp_path, demo):
    store = Store(tmp_path / "old.db")
    store.save(demo)
    store.db.execute("DELETE FROM history")  # as a database made before the history existed
    store.db.conn.commit()
    store.close()
    assert cli("--db", "old.db", "history") == (0, "No changes recorded in old.db yet.\n")
    code, out = cli("--db", "old.db", "undo")
    assert code == 2 and out == ("error: old.db: no change to undo: the history is empty (changes are recorded "
                                 "from the first one made by this version of Rep Planner)\n")
