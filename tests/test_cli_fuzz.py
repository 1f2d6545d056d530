"""Any command line, hostile values included: never a traceback, exit code 0 or 2 (as the README
documents), a refusal is one ``error:`` line and leaves the database and its folder byte-identical,
and nothing a terminal would act on is printed.

The argument lists come from the parser itself (tests/cli_fuzz.py), so a new command is fuzzed
without editing this file. ``REP_PLANNER_EXAMPLES`` sets how many (50 by default; CI runs 2,000).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import socket
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings

from planner import cli_data
from planner.cli import build_parser, main
from planner.errors import PlannerError
from planner.storage import Store

from .cli_fuzz import DB, argv_lists, commands, exiting_options, folder_state, make_sandbox, make_template, resolve
from .test_terminal_output import acted_on

EXAMPLES = int(os.environ.get("REP_PLANNER_EXAMPLES", "50"))
TODAY = dt.date(2027, 3, 10)
PARSER = build_parser()
EXITING = exiting_options(PARSER)
LEFTOVERS = ("-wal", "-shm", "-journal", ".tmp")


@contextlib.contextmanager
def offline():
    """No connection leaves the machine: a command that reaches for a server meets an OSError
    (as with no network) instead of hanging the fuzz."""
    def refused(*args, **kwargs):
        raise ConnectionRefusedError(111, "the CLI fuzz reaches no server")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refused)
        patch.setattr(socket.socket, "connect_ex", refused)
        yield


def run(argv: list[str]) -> tuple[int, str, str]:
    """``main(argv)`` with stdout as a UTF-8 terminal has it (text it cannot encode raises, as it
    would there) and stderr as Python sets it up (backslashreplace).
    --help or --version exits 0 through SystemExit. A warning Python would show (not a deprecation)
    is printed on stderr, as it would be there."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", write_through=True)
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace", write_through=True)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), offline(), \
            warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("always")
        try:
            code = main(argv, today=TODAY)
        except SystemExit as exc:
            assert exc.code == 0 and EXITING & set(argv), f"SystemExit({exc.code!r})"
            code = 0
    for w in shown:
        if not issubclass(w.category, (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)):
            err.write(warnings.formatwarning(w.message, w.category, w.filename, w.lineno))
    return code, out.buffer.getvalue().decode(), err.buffer.getvalue().decode()


def read_database(argv: list[str]) -> Path | None:
    """The database a command that only reads opens (one --read-only allows, planner.cli_data.READS);
    None for a command that writes or is refused."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # --help prints
            args = PARSER.parse_args(argv)
    except (PlannerError, SystemExit):  # refused, or --help
        return None
    reads = cli_data.READS.get(args.command, False)
    return cli_data.db_path(args) if reads is None or (reads is not False and reads(args)) else None


def database_files(state: dict[str, str], folder: Path, db: Path) -> dict[str, str]:
    """The entries of ``state`` that are the database ``db``: the file, its -wal..., its backups."""
    name = str(db.relative_to(folder)) if db.is_relative_to(folder) else None
    return {p: s for p, s in state.items() if name and p.startswith(name)}


def check_command_line(folder: Path, words: list) -> None:
    argv = ["--db", str(folder / DB), *resolve(words, folder)]
    note(f"argv: {argv!r}")
    before = folder_state(folder)
    code, out, err = run(argv)
    after = folder_state(folder)
    note(f"exit {code}\nstdout: {out[:2000]!r}\nstderr: {err!r}")
    assert code in (0, 2), f"exit code {code!r}"
    assert not acted_on(out) and not acted_on(err), "printed a character a terminal acts on"
    assert not [p for p in after if p.endswith(LEFTOVERS)], f"left behind: {sorted(set(after) - set(before))}"
    kept = {p: s for p, s in before.items() if s == "folder" or s.startswith("link to ")}
    assert {p: after.get(p) for p in kept} == kept, "a folder or a link was replaced"
    if code == 2:
        assert err.startswith("error: ") and err.count("\n") == 1, f"not one error line: {err!r}"
        assert after == before, "a refused command changed or created files"
        return
    assert "Traceback" not in err and not err, f"stderr on success: {err!r}"
    db = read_database(argv)
    if db is not None:
        assert database_files(after, folder, db) == database_files(before, folder, db), "a read changed the database"
    if (folder / DB).is_file():
        store = Store(folder / DB, create=False, read_only=True)  # still a database that opens and loads
        store.load()
        store.close()


def test_every_command_is_fuzzed():
    """The walk finds the nested commands too (rep add, market assign...), not only the first level."""
    paths = {c.path for c in commands(PARSER)}
    assert {("reps",), ("assign",), ("rep", "add"), ("market", "assign"), ("activity", "remove")} <= paths
    assert not [p for p in paths if p[-1] in ("rep", "market", "activity")]


@pytest.fixture(scope="session")
def template(tmp_path_factory, _prepared_demo_db) -> Path:
    folder = tmp_path_factory.mktemp("fuzz-template")
    make_template(folder, _prepared_demo_db)
    return folder


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(argv_lists(PARSER))
def test_any_command_line_exits_0_or_2_and_a_refusal_changes_nothing(template, words):
    with tempfile.TemporaryDirectory(prefix="fuzz-") as folder, contextlib.chdir(folder):
        make_sandbox(Path(folder), template)  # the working folder too: "DE" as a file name lands here
        check_command_line(Path(folder), words)
