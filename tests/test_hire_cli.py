"""``hire`` on the command line: the guide's examples run as written, JSON, and a read that writes nothing."""

import hashlib
import json
from pathlib import Path

import pytest

from .guides import command_line, console_steps, runs_as_written

ROOT = Path(__file__).parent.parent


@pytest.fixture
def cli(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    return command_line(capsys)


def test_the_guide_shows_real_commands_and_their_real_output(cli):
    steps = console_steps(ROOT / "docs" / "hiring.md")
    assert len(steps) >= 5
    runs_as_written(steps, lambda argv: cli(*argv))


def test_json_lists_each_hire_and_every_week_and_the_file_is_untouched(cli, tmp_path):
    cli("--db", "plans.db", "demo")
    before = hashlib.sha256((tmp_path / "plans.db").read_bytes()).hexdigest()
    code, out = cli("--db", "plans.db", "--read-only", "hire", "--min-value", "300000", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["status"] == "optimal" and data["proof"] == "proven minimal" and data["hires_needed"] == 2
    assert data["at_most_more_than_needed"] == 0
    by_rep = {}
    for a in data["assignments"]:
        by_rep.setdefault(a["rep"], []).append(a["market"])
    for hire in data["hires"]:
        assert sorted(by_rep[hire["name"]]) == sorted(hire["markets"])
    assert {w["rep"] for w in data["weeks"]} == {"Laura", "Marco", "New rep 1", "New rep 2"}
    assert all(w["unplaced_blocks"] == 0 and w["outside_hours"] == 0 for w in data["weeks"])
    covered = {a["market"] for a in data["assignments"]}
    assert set(data["needed"]) <= covered
    assert hashlib.sha256((tmp_path / "plans.db").read_bytes()).hexdigest() == before
