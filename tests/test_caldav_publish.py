"""`publish` against real Radicale and Xandikos servers: what a rep's calendar ends up holding.

Every test reads the calendar back and compares it with the schedule: the same UIDs, each once,
at the schedule's instants.
"""

from __future__ import annotations

import json
import os
import sqlite3
from urllib.parse import urljoin

import pytest

from planner.cli import main
from tests.caldav_helpers import connection, planned, read_back
from tests.caldav_servers import caldav_server  # noqa: F401  (the servers, one of each kind)

WEEK = "2027-W11"


@pytest.fixture(autouse=True)
def _password(monkeypatch, caldav_server):  # noqa: F811
    monkeypatch.setenv("REP_PLANNER_CALDAV_PASSWORD", caldav_server.password)


def publish(db, server, url, *extra, rep="Laura"):
    args = ["--db", db, "publish", "--week", WEEK, "--url", url, "--user", server.user, "--json", *extra]
    if rep:
        args += ["--rep", rep]
    if server.ca_cert:
        args += ["--ca-cert", server.ca_cert]
    return main(args)


def summary(capsys) -> dict:
    return json.loads(capsys.readouterr().out)["calendars"]


def test_publish_puts_each_event_once_at_the_schedules_instants_and_a_second_run_sends_nothing(
        caldav_server, demo_db, capsys):  # noqa: F811
    url = caldav_server.new_calendar_url()
    want = planned(demo_db, ["Laura"], WEEK)
    assert publish(demo_db, caldav_server, url, "--create") == 0
    [first] = summary(capsys)
    assert (first["created"], first["updated"], first["deleted"], first["unchanged"]) == (len(want), 0, 0, 0)
    assert first["created_calendar"] and first["events"] == len(want)
    assert read_back(caldav_server, url) == want
    listed = connection(caldav_server, url).etags(url)

    # Again, a moment later: every DTSTAMP differs, and that alone is no change.
    assert publish(demo_db, caldav_server, url) == 0
    [again] = summary(capsys)
    assert (again["created"], again["updated"], again["deleted"], again["unchanged"]) == (0, 0, 0, len(want))
    assert connection(caldav_server, url).etags(url) == listed  # not one resource was written


def test_republish_after_a_change_creates_updates_and_deletes_exactly_what_changed(
        caldav_server, demo_db, capsys):  # noqa: F811
    url = caldav_server.new_calendar_url()
    before = planned(demo_db, ["Laura"], WEEK)
    assert publish(demo_db, caldav_server, url, "--create") == 0
    capsys.readouterr()
    assert main(["--db", demo_db, "market", "unassign", "Mexico"]) == 0
    capsys.readouterr()
    after = planned(demo_db, ["Laura"], WEEK)
    moved = {u for u in before.keys() & after.keys() if before[u] != after[u]}
    assert before.keys() - after.keys() and moved  # the change removes some events and moves others

    listed = connection(caldav_server, url).etags(url)
    assert publish(demo_db, caldav_server, url, "--dry-run") == 0
    [dry] = summary(capsys)
    assert connection(caldav_server, url).etags(url) == listed  # a dry run writes nothing

    assert publish(demo_db, caldav_server, url) == 0
    [done] = summary(capsys)
    expected = {"created": len(after.keys() - before.keys()), "updated": len(moved),
                "deleted": len(before.keys() - after.keys()), "unchanged": len(after.keys() & before.keys()) - len(moved)}
    assert {k: done[k] for k in expected} == expected
    assert {k: dry[k] for k in expected} == expected  # the dry run said what the publish then did
    assert read_back(caldav_server, url) == after


def test_per_rep_calendars_are_created_on_request_and_hold_only_their_reps_events(
        caldav_server, demo_db, capsys, tmp_path):  # noqa: F811
    home = caldav_server.base  # the user's collection of calendars
    assert publish(demo_db, caldav_server, home, "--per-rep", rep=None) == 2
    assert "no calendar at this address; add --create" in capsys.readouterr().err

    assert publish(demo_db, caldav_server, home, "--per-rep", "--create", rep=None) == 0
    calendars = summary(capsys)
    assert [c["reps"] for c in calendars] == [["Laura"], ["Marco"]]
    for c, rep in zip(calendars, ("Laura", "Marco")):
        assert c["url"] == urljoin(home, f"rep-planner-{rep.lower()}/") and c["created_calendar"]
        assert read_back(caldav_server, c["url"]) == planned(demo_db, [rep], WEEK)


def test_an_event_whose_uid_is_already_in_the_calendar_elsewhere_is_reported_and_the_rest_published(
        caldav_server, demo_db, capsys):  # noqa: F811
    url = caldav_server.new_calendar_url()
    want = planned(demo_db, ["Laura"], WEEK)
    taken = sorted(want)[0]
    c = connection(caldav_server, url)
    c.make_calendar(url, "Imported by hand")
    copy = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
            f"UID:{taken}\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270315T080000Z\r\n"
            "DTEND:20270315T090000Z\r\nSUMMARY:From an imported file\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    assert c.put(urljoin(url, "imported-1.ics"), copy.encode()).status == 201

    assert publish(demo_db, caldav_server, url) == 1  # not all published: exit 1
    [done] = summary(capsys)
    assert [f["uid"] for f in done["failed"]] == [taken]
    assert "already has this UID" in done["failed"][0]["problem"]
    assert done["created"] == len(want) - 1
    back = read_back(caldav_server, url)
    assert {u: t for u, t in back.items() if u != taken} == {u: t for u, t in want.items() if u != taken}


def test_the_password_is_never_stored_and_a_wrong_one_is_one_line(caldav_server, demo_db, capsys, monkeypatch):  # noqa: F811
    url = caldav_server.new_calendar_url()
    assert publish(demo_db, caldav_server, url, "--create") == 0
    capsys.readouterr()
    stored = b"".join(open(demo_db + suffix, "rb").read() for suffix in ("", "-wal") if os.path.exists(demo_db + suffix))
    assert caldav_server.password.encode() not in stored
    with sqlite3.connect(demo_db) as db:
        assert db.execute("SELECT count(*) FROM published WHERE calendar = ?", [url]).fetchone()[0] > 0

    monkeypatch.setenv("REP_PLANNER_CALDAV_PASSWORD", "not-the-password")
    assert publish(demo_db, caldav_server, url) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"error: {url}: the server refused user {caldav_server.user!r} (wrong user or password)"]


def test_publish_says_what_it_did_in_french(caldav_server, demo_db, capsys):  # noqa: F811
    url = caldav_server.new_calendar_url()
    n = len(planned(demo_db, ["Laura"], WEEK))
    fr = ["--lang", "fr", "--db", demo_db, "publish", "--week", WEEK, "--url", url, "--user", caldav_server.user,
          "--rep", "Laura", *(["--ca-cert", caldav_server.ca_cert] if caldav_server.ca_cert else [])]
    assert main(fr) == 2
    assert capsys.readouterr().err == f"erreur : {url} : aucun calendrier à cette adresse ; ajoutez --create pour le créer\n"
    assert main([*fr, "--create", "--dry-run"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[:2] == [f"Publierait {n} événements sur {url} : {n} à créer, 0 à mettre à jour, "
                                    "0 à supprimer, 0 inchangés", "  le calendrier serait créé"]
    assert out.splitlines()[2].endswith(" h de travail) n'ont pas pu être placés")  # the demo's week overflows
    assert err.splitlines()[-1] == f"Vérification : {n} modifications sur {n}"
    assert main([*fr, "--create"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"{n} événements publiés sur {url} : {n} créés, 0 mis à jour, 0 supprimés, 0 inchangés (")
    assert out.splitlines()[1] == "  calendrier créé" and err.splitlines()[-1] == f"Publication : {n} modifications sur {n}"
