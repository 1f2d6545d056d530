"""CSV export then import leaves the plan as it was and says "0 added, 0 changed"; the summary
counts rows added, changed and unchanged; every bad row is named; sizes are reported right."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from planner import scenario_file
from planner.cli import main
from planner.errors import PlannerError
from planner.storage import Store


def run(db: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", str(db), *map(str, argv)])
    return code, out.getvalue(), err.getvalue()


def stored(tmp_path: Path, scenario) -> Path:
    db = tmp_path / "plans.db"
    Store(db).save(scenario)
    return db


def test_a_thirty_megabyte_file_is_refused_with_its_own_size(tmp_path, demo):
    """A 30 MB calendar was refused as "8.4 MB is too large": only the first 8 MB had been read."""
    db = stored(tmp_path, demo)
    for name, argv, limit in (("big.ics", ["import-busy", "{}", "--rep", demo.reps[0].name], "8 MB"),
                              ("big.csv", ["import-csv", "reps", "{}"], "5 MB")):
        path = tmp_path / name
        with open(path, "wb") as fh:
            fh.truncate(30 * 2**20)  # sparse: the size is checked before anything is read
        code, _, err = run(db, *[str(path) if a == "{}" else a for a in argv])
        assert code == 2
        assert "30.0 MB is too large" in err and f"(limit {limit})" in err, err
    path = tmp_path / "big.json"
    with open(path, "wb") as fh:
        fh.truncate(30 * 2**20)
    with pytest.raises(PlannerError, match=r"30\.0 MB is too large for a scenario \(limit 20 MB\)"):
        scenario_file.load(path)
