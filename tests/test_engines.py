"""One plan, two engines: the command line's main flows give the same plan, the same weeks, the same
history and the same words on a SQLite file and on a PostgreSQL database (tests/pg_server.py)."""

from __future__ import annotations

import datetime as dt
import functools
import json

import pytest

from planner import history
from planner.calendar_store import CalendarStore
from planner.cli import main
from planner.storage import Store

BUSY = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20270101T000000Z\r\n"
        "DTSTART:20270316T090000Z\r\nDTEND:20270316T113000Z\r\nSUMMARY:Board\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b\r\nDTSTAMP:20270101T000000Z\r\n"
        "DTSTART:20270318T130000Z\r\nDTEND:20270318T150000Z\r\nSUMMARY:Training\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")

# What a planner does in a week: the demo, edits by hand, busy times, the optimiser, alternatives,
# undo and redo, a rename that carries busy times along, and refusals (REFUSED, by position).
FLOW = [
    ["demo"],
    ["market", "assign", "Brazil", "Marco"],
    ["rep", "set", "Laura", "max-hours", "42"],
    ["import-busy", "{busy}", "--rep", "Marco"],
    ["assign", "--week", "2027-W11", "--apply"],
    ["alternatives", "save", "Optimised"],
    ["alternatives", "save", "Focus"],
    ["market", "unassign", "Mexico"],
    ["market", "workload", "India", "Demo", "3"],
    ["switch", "Optimised"],
    ["undo"],
    ["undo"],
    ["undo", "--revision", "2"],
    ["rep", "rename", "Marco", "Mario"],
    ["rep", "add", "Zoe", "--timezone", "America/New_York", "--country", "US", "--hours", "Mon-Fri 09:00-17:00"],
    ["market", "assign", "US East", "Zoe"],
    ["undo", "--revision", "4"],
    ["undo", "--revision", "3"],
    ["demo"],
    ["history", "--json"],
    ["alternatives", "--json"],
    ["schedule", "--week", "2027-W11", "--json"],
    ["schedule", "--week", "2027-W11", "--rep", "Mario"],
    ["check", "--week", "2027-W11", "--weeks", "2", "--json"],
    ["export-scenario", "{out}"],
]

# an undo of a change a later one built upon (twice), and the demo over a plan without --replace
REFUSED = {12, 16, 18}


@pytest.fixture
def cli(capsys, monkeypatch, tmp_path):
    """The command line with a clock that moves on a minute a change, by "ana", in Zurich."""
    monkeypatch.setattr(history, "_AUTHOR", ["ana"])
    monkeypatch.setenv("TZ", "Europe/Zurich")
    (tmp_path / "busy.ics").write_text(BUSY)

    def run(db: str, argv: list[str], ticks, out) -> tuple[int, str]:
        monkeypatch.setattr("planner.cli_data.Store", functools.partial(Store, clock=lambda: next(ticks)))
        argv = [a.format(busy=tmp_path / "busy.ics", out=out / "plan.json") for a in argv]
        code = main(["--db", db, *argv], today=dt.date(2027, 3, 17))
        printed, err = capsys.readouterr()
        return code, (printed + err).replace(db, "DB").replace(str(out), "OUT")
    return run


def _flow(cli, db: str, out) -> list[tuple[int, str]]:
    """Every command of FLOW on ``db``, what each printed; the scenario exported to ``out``/plan.json."""
    out.mkdir()
    ticks = (dt.datetime(2027, 3, 17, 9, 30, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=m) for m in range(1000))
    return [cli(db, argv, ticks, out) for argv in FLOW]


def test_the_main_flows_give_the_same_answers_on_sqlite_and_on_postgresql(cli, tmp_path, pg_url):
    on_file = _flow(cli, str(tmp_path / "plan.db"), tmp_path / "sqlite")
    on_server = _flow(cli, pg_url, tmp_path / "postgresql")
    for argv, file_answer, server_answer in zip(FLOW, on_file, on_server):
        assert server_answer == file_answer, argv
    assert {i for i, (code, _) in enumerate(on_file) if code == 2} == REFUSED
    assert all(code == 0 for i, (code, _) in enumerate(on_file) if i not in REFUSED)
    assert "already holds" in on_file[18][1] and "cannot be undone" in on_file[16][1]
    exported = (tmp_path / "postgresql" / "plan.json").read_bytes()
    assert exported == (tmp_path / "sqlite" / "plan.json").read_bytes()
    saved = json.loads(exported)
    assert {r["name"] for r in saved["reps"]} == {"Laura", "Mario", "Zoe"}
    assert next(r for r in saved["reps"] if r["name"] == "Laura")["max_weekly_hours"] == 45  # undone
    revisions = json.loads(on_server[FLOW.index(["history", "--json"])][1])
    assert [r["revision"] for r in revisions] == list(range(len(revisions), 0, -1))
    assert (revisions[0]["text"], revisions[0]["undoes"]) == ("Undo: Change Laura's max weekly hours", 3)
    for db in (str(tmp_path / "plan.db"), pg_url):  # Marco's busy times followed his rename to Mario
        store = Store(db, create=False)
        assert [(s.isoformat(), e.isoformat()) for s, e in CalendarStore(store).busy("Mario")] == [
            ("2027-03-16T09:00:00+00:00", "2027-03-16T11:30:00+00:00"),
            ("2027-03-18T13:00:00+00:00", "2027-03-18T15:00:00+00:00")]
        store.close()


GUIDE_URL = "postgresql://ana@127.0.0.1:5432/plans"


def guide_steps() -> list[tuple[list[str], str]]:
    """The ``$ rep-planner`` lines of docs/team-plan.md's console blocks and what each prints."""
    import shlex
    from pathlib import Path

    text = (Path(__file__).parent.parent / "docs" / "team-plan.md").read_text(encoding="utf-8")
    steps, block = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            block = line == "```console"
        elif block and line.startswith("$ rep-planner "):
            steps.append((shlex.split(line[len("$ rep-planner "):]), []))
        elif block:
            steps[-1][1].append(line)
    return [(argv, "\n".join(out)) for argv, out in steps]


def test_the_team_guide_shows_real_commands_and_their_real_output(capsys, monkeypatch, tmp_path, pg_url):
    monkeypatch.setattr(history, "_AUTHOR", ["ana"])
    monkeypatch.setenv("TZ", "Europe/Zurich")
    monkeypatch.chdir(tmp_path)
    ticks = (dt.datetime(2027, 3, 17, 9, 30, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=m) for m in range(1000))
    monkeypatch.setattr("planner.cli_data.Store", functools.partial(Store, clock=lambda: next(ticks)))
    steps = guide_steps()
    assert len(steps) >= 8
    for argv, expected in steps:
        code = main([a.replace(GUIDE_URL, pg_url) for a in argv], today=dt.date(2027, 3, 17))
        out, err = capsys.readouterr()
        assert (out + err).replace(pg_url, GUIDE_URL).rstrip("\n") == expected, argv
        assert code == (2 if expected.startswith("error: ") else 0), argv


def test_both_engines_hold_the_same_tables_columns_and_keys(tmp_path, pg_url):
    from planner.schema import POSTGRES, migrations

    assert list(POSTGRES) == [m.name for m in migrations._migrations]  # every step has its PostgreSQL text
    on_file, on_server = Store(str(tmp_path / "plan.db")), Store(pg_url)
    tables = [t for t in on_file.db.table_names() if not t.startswith(("_", "sqlite_"))]
    assert sorted(tables) == sorted(t for t in on_server.db.table_names() if not t.startswith("_"))
    for table in tables:
        assert on_server.engine.table_columns(on_server.db, table) == \
            on_file.engine.table_columns(on_file.db, table), table
    on_file.close()
    on_server.close()
