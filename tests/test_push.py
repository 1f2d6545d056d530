"""``push --to postgresql://...``: a planner's file becomes the team's plan on a server, whole, as one
revision there; a different plan there is only replaced with --replace, and undo brings it back."""

from __future__ import annotations

import datetime as dt
import json

from planner import history
from planner.calendar_store import CalendarStore
from planner.cli import main
from planner.storage import Store

BUSY = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20270101T000000Z\r\n"
        "DTSTART:20270316T090000Z\r\nDTEND:20270316T113000Z\r\nSUMMARY:Board\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def run(capsys, *argv) -> tuple[int, str]:
    code = main([str(a) for a in argv], today=dt.date(2027, 3, 17))
    out, err = capsys.readouterr()
    return code, out + err


def _local_plan(capsys, tmp_path) -> str:
    """A file with the demo, edits, busy times, two alternatives and an export's records."""
    db = str(tmp_path / "plans.db")
    (tmp_path / "busy.ics").write_text(BUSY)
    for argv in (["demo"], ["market", "assign", "Brazil", "Marco"], ["import-busy", tmp_path / "busy.ics", "--rep", "Laura"],
                 ["alternatives", "save", "Base"], ["alternatives", "save", "Focus"], ["market", "unassign", "India"],
                 ["export", "--week", "2027-W11", "-o", tmp_path / "team.ics"]):
        assert run(capsys, "--db", db, *argv)[0] == 0, argv
    return db


def test_a_pushed_plan_is_the_same_plan_on_the_server_with_a_fresh_history(capsys, tmp_path, pg_url):
    db = _local_plan(capsys, tmp_path)
    code, text = run(capsys, "--db", db, "push", "--to", pg_url)
    assert code == 0
    assert text == (f"Pushed 'Five continents, two reps' to {pg_url}: 2 reps, 12 markets, 2 alternatives, 1 busy time; "
                    "revision 1 there ('history' on the server lists it)\n")
    for argv in (["export-scenario", "{out}"], ["alternatives", "--json"], ["schedule", "--week", "2027-W11", "--json"],
                 ["check", "--week", "2027-W11", "--json"], ["compare", "Base", "Focus", "--week", "2027-W11"]):
        answers = []
        for name, source in (("file", db), ("server", pg_url)):
            out = tmp_path / f"{name}.json"
            code, printed = run(capsys, "--db", source, *[a.format(out=out) for a in argv])
            assert code == 0, (argv, printed)
            answers.append((printed.replace(str(out), "OUT").replace(source, "DB"),
                            out.read_bytes() if out.exists() else None))
        assert answers[0] == answers[1], argv
    server = Store(pg_url, create=False)
    assert [(r.number, r.source, r.text) for r in history.revisions(server)] == [(1, "push", "Push from plans.db")]
    assert CalendarStore(server).busy("Laura") == CalendarStore(Store(db)).busy("Laura")
    assert server.db["exports"].count == Store(db).db["exports"].count > 0
    # a busy time made on the server after the push takes an id of its own
    CalendarStore(server).replace_busy("Marco", [], "x.ics")
    assert run(capsys, "--db", pg_url, "import-busy", tmp_path / "busy.ics", "--rep", "Marco")[0] == 0
    assert len(CalendarStore(server).busy("Marco")) == 1 and server.db["busy"].count == 2
    server.close()


def test_a_different_plan_on_the_server_is_replaced_only_with_replace_and_undo_brings_it_back(capsys, tmp_path, pg_url):
    db = _local_plan(capsys, tmp_path)
    assert run(capsys, "--db", pg_url, "demo")[0] == 0
    assert run(capsys, "--db", pg_url, "rep", "set", "Marco", "max-hours", "38")[0] == 0
    before = run(capsys, "--db", pg_url, "export-scenario", tmp_path / "before.json")
    code, text = run(capsys, "--db", db, "push", "--to", pg_url)
    assert code == 2 and text.count("\n") == 1
    assert f"{pg_url} already holds 'Five continents, two reps' (2 reps, 12 markets, 12 assignments); add --replace" in text
    assert [r.text for r in history.revisions(Store(pg_url))][0] == "Change Marco's max weekly hours"  # untouched
    code, text = run(capsys, "--db", db, "push", "--to", pg_url, "--replace", "--json")
    assert code == 0 and json.loads(text)["revision"] == 3
    assert run(capsys, "--db", pg_url, "undo")[0] == 0
    assert run(capsys, "--db", pg_url, "export-scenario", tmp_path / "after.json") == (before[0], before[1].replace(
        "before.json", "after.json"))
    assert (tmp_path / "after.json").read_bytes() == (tmp_path / "before.json").read_bytes()
    # the same plan again changes nothing and needs no --replace
    assert run(capsys, "--db", db, "push", "--to", pg_url, "--replace")[0] == 0
    code, text = run(capsys, "--db", db, "push", "--to", pg_url)
    assert code == 0 and text == f"{pg_url} holds this plan already: nothing pushed.\n"


def test_push_needs_a_server_and_an_existing_file(capsys, tmp_path, pg_url):
    code, text = run(capsys, "--db", tmp_path / "none.db", "push", "--to", pg_url)
    assert code == 2 and "no such database" in text
    db = _local_plan(capsys, tmp_path)
    code, text = run(capsys, "--db", db, "push", "--to", tmp_path / "other.db")
    assert code == 2 and "is not a server's URL" in text
