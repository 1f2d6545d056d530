"""--read-only: every read command on a database that cannot be written, and nothing created beside it.

The commands run in a child process that file permissions bind: as root (CI containers) the child
drops the capabilities that let root write anywhere, and the test first checks that it cannot.
"""

import ctypes
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planner.backups import uri
from planner import xlsx_io
from planner.cli_data import READS
from planner.model import Rep, Scenario
from planner.storage import Store

ROOT = Path(__file__).parent.parent
# One sound command line per command that reads ({out} is a folder the reader may write to).
READING = {
    "reps": ["reps", "--json"],
    "markets": ["markets", "--json"],
    "overlap": ["overlap", "--week", "2027-W11", "--json"],
    "schedule": ["schedule", "--week", "2027-W11", "--rep", "Laura", "--json"],
    "check": ["check", "--week", "2027-W11", "--json"],
    "compare": ["compare", "--week", "2027-W11", "--time-limit", "2", "--json"],
    "assign": ["assign", "--week", "2027-W11", "--time-limit", "2", "--json"],
    "hire": ["hire", "--min-value", "300000", "--week", "2027-W11", "--time-limit", "5", "--json"],
    "export-scenario": ["export-scenario", "{out}/plan.json"],
    "export-csv": ["export-csv", "markets", "{out}/markets.csv"],
    "backups": ["backups", "--json"],
    "history": ["history", "--json"],
    "alternatives": ["alternatives", "--json"],
    "team": ["team", "list", "--json"],
    "import-csv": ["import-csv", "reps", "{out}/reps.csv", "--dry-run"],
    "export-xlsx": ["export-xlsx", "markets", "{out}/markets.xlsx"],
    "import-xlsx": ["import-xlsx", "reps", "{out}/reps.xlsx", "--dry-run"],
    "report": ["report", "--week", "2027-W11", "-o", "{out}/plan.pdf"],
}
READER = """
import contextlib, io, json, os, sys
from planner.cli import main
writable = {}
for what, path in (("file", sys.argv[1]), ("folder", os.path.join(os.path.dirname(sys.argv[1]), "probe"))):
    try:
        open(path, "ab").close()
        writable[what] = True
        if what == "folder":
            os.remove(path)
    except PermissionError:
        writable[what] = False
results = []
for argv in json.loads(sys.argv[2]):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    results.append([code, out.getvalue(), err.getvalue()])
print(json.dumps({"writable": writable, "results": results}))
"""


def _bound_by_file_modes():
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
            if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP: gone from the exec'd process
                raise OSError(ctypes.get_errno(), "cannot drop root's file capabilities")


def read_as_a_user(db: Path, argvs: list[list[str]]) -> dict:
    result = subprocess.run([sys.executable, "-c", READER, str(db), json.dumps(argvs)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, preexec_fn=_bound_by_file_modes,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(
                                filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def snapshot(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def shared(tmp_path, demo_db):
    """A database as someone else's: the file and its folder, and a folder the reader may write to."""
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "plans.db"
    shutil.move(demo_db, db)
    out = tmp_path / "out"
    out.mkdir()
    (out / "reps.csv").write_text("name,timezone,country,hours\nAnna,Europe/Oslo,NO,Mon-Fri 09:00-17:00\n")
    (out / "reps.xlsx").write_bytes(xlsx_io.write_reps(Scenario("x", reps=[Rep("Anna", "Europe/Oslo", "NO",
                                                                               "Mon-Fri 09:00-17:00")])))
    yield db, out
    folder.chmod(0o755)


def test_every_read_command_is_checked_here():
    assert set(READING) == set(READS)


@pytest.mark.parametrize("locked", ["file", "folder"])
def test_every_read_command_reads_a_database_it_cannot_write_and_creates_nothing(shared, locked):
    db, out = shared
    (db if locked == "file" else db.parent).chmod(0o444 if locked == "file" else 0o555)
    before = snapshot(db.parent)
    argvs = [["--db", str(db), "--read-only", *(a.replace("{out}", str(out)) for a in argv)]
             for argv in READING.values()]
    run = read_as_a_user(db, argvs + [["--db", str(db), "reps"]])
    assert run["writable"] == {"file": locked != "file", "folder": locked != "folder"}  # the modes bind the reader
    *reads, plain = run["results"]
    for name, (code, stdout, stderr) in zip(READING, reads):
        assert code == 0 and stderr == "", (name, stderr)
    assert [r["name"] for r in json.loads(reads[0][1])] == ["Laura", "Marco"]
    assert json.loads(reads[list(READING).index("assign")][1])["assignments"]
    assert (out / "plan.json").exists() and (out / "markets.csv").exists()
    what = "file" if locked == "file" else "folder"
    where = db if locked == "file" else db.parent
    assert plain[0] == 2 and plain[2].startswith(f"error: {where}: the {what} is read-only")
    assert plain[2].rstrip().endswith("add --read-only to read it")
    assert snapshot(db.parent) == before  # no -wal, -shm or -journal, nothing changed


def test_read_only_sees_changes_the_app_has_not_yet_written_into_the_file(shared, demo):
    db, _ = shared
    app = Store(db)  # the app has the database open; its last change is still in the -wal
    app.save(demo.replace(reps=demo.reps[:1], assignments=[a for a in demo.assignments if a.rep == "Laura"]))
    on_file_alone = sqlite3.connect(uri(db, immutable=True), uri=True)
    assert on_file_alone.execute("SELECT count(*) FROM reps").fetchone()[0] == 2  # the change is in the -wal only
    on_file_alone.close()
    db.chmod(0o444)
    before = snapshot(db.parent)
    (code, stdout, stderr), = read_as_a_user(db, [["--db", str(db), "--read-only", "reps", "--json"]])["results"]
    assert code == 0, stderr
    assert [r["name"] for r in json.loads(stdout)] == ["Laura"]
    app.close()
    assert set(before) == {"plans.db", "plans.db-wal", "plans.db-shm"}


def test_a_wal_that_cannot_be_read_in_a_read_only_folder_is_explained(shared):
    db, _ = shared
    crash = ("import os, sys\nfrom planner.storage import Store\ns = Store(sys.argv[1])\n"
             "s.save(s.load().replace(name='Not yet in the file'))\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", crash, str(db)], cwd=ROOT, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    (db.parent / "plans.db-shm").unlink()  # the -wal holds the change; reading it needs a new -shm
    db.parent.chmod(0o555)
    before = snapshot(db.parent)
    (code, _, stderr), = read_as_a_user(db, [["--db", str(db), "--read-only", "reps"]])["results"]
    assert code == 2
    assert stderr == (f"error: {db}-wal: holds changes not yet written into the database, and reading them "
                      "needs a folder that can be written; copy the files elsewhere\n")
    assert snapshot(db.parent) == before
