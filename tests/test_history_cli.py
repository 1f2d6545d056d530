"""``history`` and ``undo`` on the command line: what they print, what they refuse, and the guide's
examples, run as written."""

import datetime as dt
import functools
import hashlib
import json
import shlex
from pathlib import Path

import pytest

from planner import history
from planner.cli import main
from planner.storage import Store

ROOT = Path(__file__).parent.parent


@pytest.fixture
def cli(capsys, monkeypatch, tmp_path):
    """The command line with a clock that moves on a minute a change, read in Zurich, by "ana"."""
    ticks = (dt.datetime(2027, 3, 17, 9, 30, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=m) for m in range(1000))
    monkeypatch.setattr("planner.cli_data.Store", functools.partial(Store, clock=lambda: next(ticks)))
    monkeypatch.setattr(history, "_AUTHOR", ["ana"])
    monkeypatch.setenv("TZ", "Europe/Zurich")
    monkeypatch.chdir(tmp_path)

    def run(*argv):
        code = main([str(a) for a in argv], today=dt.date(2027, 3, 17))
        out, err = capsys.readouterr()
        return code, out + err
    return run


def guide_steps() -> list[tuple[list[str], str]]:
    """The ``$ rep-planner`` lines of the history section of docs/databases.md and what each prints."""
    text = (ROOT / "docs" / "databases.md").read_text(encoding="utf-8")
    section = text.split("## The change history")[1].split("\n## ")[0]
    steps, block = [], False
    for line in section.splitlines():
        if line.startswith("```"):
            block = line == "```console"
        elif block and line.startswith("$ rep-planner "):
            steps.append((shlex.split(line[len("$ rep-planner "):]), []))
        elif block:
            steps[-1][1].append(line)
    return [(argv, "\n".join(out)) for argv, out in steps]


def test_the_guide_shows_real_commands_and_their_real_output(cli):
    steps = guide_steps()
    assert len(steps) >= 10
    for argv, expected in steps:
        code, out = cli(*argv)
        assert out.rstrip("\n") == expected, argv
        assert code == (2 if expected.startswith("error: ") else 0), argv


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
