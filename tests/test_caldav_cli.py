"""Publishing's pieces that need no server: resources cut from the export, their names, bad input."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from planner.caldav_records import resource_name, uid_of
from planner.caldav_resources import essence, event_resources, same_event
from planner.calendars import rep_schedule
from planner.cli import main
from planner.ics_export import ExportRecord, event_uid, export_weeks
from planner.storage import Store
from tests.caldav_servers import free_port

NOW = dt.datetime(2027, 3, 1, tzinfo=dt.timezone.utc)


def test_each_event_becomes_a_resource_with_its_own_vtimezone_and_no_method(demo_db):
    store = Store(demo_db)
    scenario = store.load()
    schedules = [rep_schedule(store, scenario, rep.name, 2027, 11) for rep in scenario.reps]
    report = export_weeks(schedules, scenario, now=NOW)
    resources = event_resources(report, NOW)
    assert set(resources) == {r.uid for r in report.records}
    for uid, data in resources.items():
        text = data.decode()
        assert text.count("BEGIN:VEVENT") == 1 and f"UID:{uid}\r\n" in text
        assert "METHOD:" not in text and "X-WR-CALNAME" not in text  # RFC 4791 4.1: no METHOD in a resource
        used = set(re.findall(r";TZID=([^:;]+)", text.split("BEGIN:VEVENT")[1]))
        assert set(re.findall(r"\r\nTZID:([^\r]+)", text)) == used  # the zones its times name, and no other
    # A resource says what the export says: the same event at the same instants.
    read = {e.uid: (e.start, e.end) for e in map(essence, resources.values())}
    assert read == {event_uid(e, "2027-W11"): (e.start, e.end) for s in schedules for e in s.events}


def test_an_event_the_plan_dropped_gets_no_resource(demo_db):
    store = Store(demo_db)
    scenario = store.load()
    schedules = [rep_schedule(store, scenario, "Laura", 2027, 11)]
    first = export_weeks(schedules, scenario, now=NOW)
    dropped = first.records[0]
    gone = ExportRecord("gone@rep-planner", "Laura", "2027-W11", 0, "x", "Gone", dropped.start, dropped.end)
    again = export_weeks(schedules, scenario, now=NOW, previous={r.uid: r for r in first.records} | {gone.uid: gone})
    assert [r.uid for r in again.removed] == ["gone@rep-planner"]  # the file would carry it cancelled
    assert "gone@rep-planner" not in event_resources(again, NOW)
    assert set(event_resources(again, NOW)) == {r.uid for r in first.records}


@pytest.mark.parametrize("uid", ["2027-W11.laura.us-east.demo.0.1a2b3c4d@rep-planner", "a_b@c", "x/../y", "é:1"])
def test_resource_names_are_plain_and_give_back_their_uid(uid):
    name = resource_name(uid)
    assert re.fullmatch(r"[A-Za-z0-9._-]+\.ics", name)
    assert uid_of(name) == uid


def test_two_copies_of_an_event_differing_only_in_dtstamp_and_sequence_are_the_same_event():
    one = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20270101T000000Z\r\n"
           "DTSTART:20270315T090000Z\r\nDTEND:20270315T100000Z\r\nSUMMARY:A\r\nSEQUENCE:0\r\nEND:VEVENT\r\n"
           "END:VCALENDAR\r\n").encode()
    other = one.replace(b"DTSTAMP:20270101", b"DTSTAMP:20270202").replace(b"SEQUENCE:0", b"SEQUENCE:3")
    moved = one.replace(b"DTSTART:20270315T09", b"DTSTART:20270315T08")
    assert same_event(essence(one), essence(other)) and essence(other).sequence == 3
    assert not same_event(essence(one), essence(moved))


def run(capsys, *args, today=dt.date(2027, 3, 10)):
    code = main(list(args), today=today)
    return code, capsys.readouterr().err.strip()


def test_bad_publish_options_are_one_line_naming_them(demo_db, capsys, monkeypatch):
    monkeypatch.setenv("REP_PLANNER_CALDAV_PASSWORD", "pw")
    base = ["--db", demo_db, "publish", "--user", "laura"]
    assert run(capsys, *base, "--url", "cal.example.com") == (
        2, "error: --url: give the calendar's address starting with https:// or http:// (got 'cal.example.com')")
    assert run(capsys, *base, "--url", "https://laura:pw@cal.example.com/") == (
        2, "error: --url: give the user with --user and no password in the address (got a URL with credentials in it)")
    port = free_port()  # nothing listens there
    assert run(capsys, *base, "--url", f"http://127.0.0.1:{port}/laura/work/") == (
        2, f"error: http://127.0.0.1:{port}/laura/work/: cannot reach the server ([Errno 111] Connection refused)")
    assert run(capsys, *base, "--url", f"http://127.0.0.1:{port}/w/", "--connections", "0") == (
        2, "error: --connections: give 1 to 16 (got 0)")
    assert run(capsys, *base, "--url", f"http://127.0.0.1:{port}/w/", "--ca-cert", "/no/such.pem") == (
        2, "error: --ca-cert: cannot read /no/such.pem (No such file or directory)")
    assert run(capsys, "--db", demo_db, "--read-only", "publish", "--user", "laura", "--url",
               f"http://127.0.0.1:{port}/w/") == (
        2, "error: --read-only: publish changes the database; run it without --read-only")


def test_import_busy_takes_a_file_or_a_server_not_both(demo_db, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("REP_PLANNER_CALDAV_PASSWORD", "pw")
    assert run(capsys, "--db", demo_db, "import-busy", "--rep", "Laura") == (
        2, "error: import-busy: give the .ics file, or --url and --user for a calendar server")
    assert run(capsys, "--db", demo_db, "import-busy", "x.ics", "--rep", "Laura", "--url", "https://c.example/",
               "--user", "laura") == (2, "error: import-busy: give a file or --url, not both")
    assert run(capsys, "--db", demo_db, "import-busy", "--rep", "Laura", "--url", "https://c.example/") == (
        2, "error: --user: give the user name on the calendar server")
