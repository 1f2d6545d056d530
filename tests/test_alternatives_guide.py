"""docs/alternatives.md: every ``$ rep-planner`` line of its console blocks is run, in order, on the
demo, and prints what the guide shows ("..." in the guide stands for lines left out)."""

import shutil
from pathlib import Path

import pytest

from .guides import command_line, console_lines, guide_clock, runs_as_shown, shows

ROOT = Path(__file__).parent.parent
GUIDE = ROOT / "docs" / "alternatives.md"


@pytest.fixture
def cli(capsys, monkeypatch, tmp_path, demo_db):
    """The command line on plans.db (the demo) in the current folder, with a clock that moves on a
    minute a change, read in Zurich, by "ana"."""
    guide_clock(monkeypatch)
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(demo_db, tmp_path / "plans.db")
    return command_line(capsys, "--db", "plans.db")


def test_the_guide_shows_real_commands_and_their_real_output(cli):
    found = console_lines(GUIDE.read_text(encoding="utf-8"))
    assert len(found) >= 10
    runs_as_shown(found, lambda argv: cli(*argv))


def test_left_out_lines_are_only_where_the_guide_says():
    assert shows(["a", "b", "c"], ["a", "...", "c"])
    assert not shows(["a", "c"], ["a", "...", "c"])
    assert not shows(["a", "b", "d"], ["a", "...", "c"])
