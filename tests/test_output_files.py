"""Where an export is written: the file named, whole or not at all, and never over the database,
a device or a link (cases the command-line fuzz found, tests/test_cli_fuzz.py)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from planner.cli import main

from .test_lifecycle import snapshot

EXPORTS = {  # command -> its argv with the file it writes as "{out}"
    "export-csv": ["export-csv", "reps", "{out}"],
    "export-xlsx": ["export-xlsx", "markets", "{out}"],
    "export-scenario": ["export-scenario", "{out}"],
    "export": ["export", "--week", "2027-W11", "-o", "{out}"],
}


def run(capsys, db, argv, out) -> tuple[int, str, str]:
    code = main(["--db", str(db), *[str(out) if a == "{out}" else a for a in argv]], today=dt.date(2027, 3, 10))
    printed, err = capsys.readouterr()
    return code, printed, err


def reps_in(db) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM reps").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("command", EXPORTS)
@pytest.mark.parametrize("read_only", [False, True], ids=["", "read-only"])
def test_an_export_over_the_database_is_refused_and_the_database_kept(capsys, demo_db, command, read_only):
    """It replaced the open database with the CSV (or JSON, or calendar): the plan was gone."""
    if read_only and command == "export":
        pytest.skip("export records what it wrote, so it refuses --read-only first")
    folder = Path(demo_db).parent
    before = snapshot(folder)
    code, out, err = run(capsys, demo_db, EXPORTS[command] + ["--read-only"] * read_only, demo_db)
    assert code == 2, (out, err)
    assert err == f"error: {demo_db}: this is the database; write the export to another file\n"
    assert snapshot(folder) == before and reps_in(demo_db) == 2


@pytest.mark.parametrize("command", EXPORTS)
def test_an_export_to_a_folder_is_refused_and_leaves_nothing_behind(capsys, demo_db, tmp_path, command):
    """export-csv left 'folder.tmp' beside it."""
    (tmp_path / "folder").mkdir()
    before = snapshot(tmp_path)
    code, out, err = run(capsys, demo_db, EXPORTS[command], tmp_path / "folder")
    assert code == 2 and err.startswith("error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and snapshot(tmp_path) == before


@pytest.mark.parametrize("command", EXPORTS)
def test_an_export_to_an_empty_name_is_refused(capsys, demo_db, command):
    """export-csv reps '' was a traceback (ValueError: PosixPath('.') has an empty name)."""
    code, out, err = run(capsys, demo_db, EXPORTS[command], "")
    assert code == 2 and err.startswith("error: ") and err.count("\n") == 1, err


@pytest.mark.parametrize("command", EXPORTS)
def test_an_export_to_a_device_writes_to_it_and_keeps_it(capsys, demo_db, tmp_path, command):
    """`export-csv reps /dev/null` replaced /dev/null with a regular file (as root, the machine's own).
    Here through a link to it: the link stays a link, the device stays a device."""
    link = tmp_path / "null"
    link.symlink_to("/dev/null")
    code, out, err = run(capsys, demo_db, EXPORTS[command], link)
    assert code == 0, err
    assert link.is_symlink() and Path("/dev/null").is_char_device()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["null", "p.db"])  # no null.tmp


@pytest.mark.parametrize("command", EXPORTS)
def test_an_export_through_a_link_updates_the_file_it_points_to(capsys, demo_db, tmp_path, command):
    """A link (to a synced folder, say) was replaced by a copy, and the file it pointed to kept the old data."""
    target = tmp_path / "synced" / "out.txt"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "out.txt"
    link.symlink_to(target)
    code, out, err = run(capsys, demo_db, EXPORTS[command], link)
    assert code == 0, err
    assert link.is_symlink() and target.read_bytes() != b"old"
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.txt"]


@pytest.mark.parametrize("command", EXPORTS)
def test_a_file_name_that_is_not_utf8_is_written_and_printed_escaped(capsys, demo_db, tmp_path, command):
    """A byte that is not UTF-8 reaches Python's argv as a lone surrogate; printing it raised
    UnicodeEncodeError after the file was written."""
    name = tmp_path / "plan\udcff.out"
    code, out, err = run(capsys, demo_db, EXPORTS[command], name)
    assert code == 0, err
    assert "plan\\udcff.out" in out
    out.encode("utf-8")  # what a UTF-8 terminal can show
    assert name.exists()
