"""Publishing that stops part-way, and publishers that meet, against real Radicale and Xandikos.

After every run the calendar holds each planned event once, at the schedule's instants.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
import threading

import pytest

from planner.caldav_client import Account
from planner.caldav_publish import publish
from planner.caldav_records import resource_url
from planner.caldav_resources import essence
from planner.cli import main
from planner.storage import Store
from tests.caldav_helpers import connection, planned, read_back
from tests.caldav_servers import Server, caldav_server  # noqa: F401  (the servers, one of each kind)

WEEK, YEAR, NUMBER = "2027-W11", 2027, 11
NOW = dt.datetime(2027, 3, 1, 9, tzinfo=dt.timezone.utc)


def account(server, url) -> Account:
    return Account(url, server.user, server.password, server.ca_cert)


def run(db, server, url, **options):
    store = Store(db)
    try:
        [result] = publish(store, account(server, url), ["Laura"], YEAR, NUMBER, create=True,
                           now=options.pop("now", NOW), **options)
        return result
    finally:
        store.close()


@pytest.mark.parametrize("kind", ["radicale", "xandikos"])
def test_a_publish_stopped_part_way_is_completed_by_the_next_with_nothing_twice(kind, demo_db, tmp_path):
    server = Server(kind, tmp_path / kind).start()
    try:
        url = server.new_calendar_url()
        want = planned(demo_db, ["Laura"], WEEK)

        def stop_the_server(done, total):
            if done == 20:
                server.stop()

        stopped = run(demo_db, server, url, progress=stop_the_server, connections=4)
        assert "publish again to complete it" in stopped.interrupted
        assert 20 <= stopped.created < len(want)
        with sqlite3.connect(demo_db) as db:
            recorded = db.execute("SELECT uid FROM published WHERE calendar = ?", [url]).fetchall()
            assert len(recorded) == stopped.created  # everything the server confirmed is recorded
            # A crash before the last records were written: the server has events the database forgot.
            db.executemany("DELETE FROM published WHERE uid = ?", recorded[:5])

        server.start()
        completed = run(demo_db, server, url, now=NOW + dt.timedelta(minutes=5))
        assert completed.complete
        assert completed.unchanged == stopped.created  # read back, recognised, not sent again
        assert completed.created == len(want) - stopped.created
        assert read_back(server, url) == want
    finally:
        server.stop()


def test_a_publisher_that_finds_an_event_already_created_reads_it_instead_of_writing(
        caldav_server, demo_db, tmp_path):  # noqa: F811
    """Publisher B lists the calendar, then A publishes the same plan before B writes: every
    If-None-Match of B's gets 412, and B reads each event and finds it already right."""
    url = caldav_server.new_calendar_url()
    other_db = str(tmp_path / "other.db")
    shutil.copyfile(demo_db, other_db)
    want = planned(demo_db, ["Laura"], WEEK)
    first: list = []

    b = run(other_db, caldav_server, url, on_listed=lambda _: first.append(run(demo_db, caldav_server, url)))
    [a] = first
    assert (a.created, a.failed) == (len(want), [])
    assert (b.created, b.updated, b.unchanged, b.failed, b.kept) == (0, 0, len(want), [], [])
    assert read_back(caldav_server, url) == want


def test_two_publishers_at_once_create_each_event_once(caldav_server, demo_db, tmp_path):  # noqa: F811
    url = caldav_server.new_calendar_url()
    connection(caldav_server, url).make_calendar(url, "Shared")
    other_db = str(tmp_path / "other.db")
    shutil.copyfile(demo_db, other_db)
    want = planned(demo_db, ["Laura"], WEEK)
    start = threading.Barrier(2)
    results = {}

    def publisher(db):
        start.wait(timeout=60)
        results[db] = run(db, caldav_server, url)

    threads = [threading.Thread(target=publisher, args=(db,)) for db in (demo_db, other_db)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    a, b = results[demo_db], results[other_db]
    assert a.complete and b.complete
    assert a.created + b.created == len(want)
    assert a.unchanged + b.unchanged == len(want)
    assert read_back(caldav_server, url) == want


def test_an_event_changed_on_the_server_meanwhile_is_read_again_and_a_newer_revision_kept(
        caldav_server, demo_db, capsys):  # noqa: F811
    url = caldav_server.new_calendar_url()
    before = planned(demo_db, ["Laura"], WEEK)
    run(demo_db, caldav_server, url)
    assert main(["--db", demo_db, "market", "unassign", "Mexico"]) == 0
    after = planned(demo_db, ["Laura"], WEEK)
    moved = sorted(u for u in before.keys() & after.keys() if before[u] != after[u])
    newer, older = moved[:2]
    c = connection(caldav_server, url)

    def calendar_app_edits(_):  # between our listing and our writes, a calendar app saves two of the events
        for uid, sequence in ((newer, 7), (older, 0)):
            current = c.get(resource_url(url, uid))
            text = re.sub(rb"SUMMARY:[^\r\n]*", b"SUMMARY:Moved by hand", current.body)
            text = re.sub(rb"SEQUENCE:\d+", b"SEQUENCE:%d" % sequence, text)
            assert c.put(resource_url(url, uid), text, current.etag).status in (200, 204)

    result = run(demo_db, caldav_server, url, on_listed=calendar_app_edits, now=NOW + dt.timedelta(hours=1))
    assert [o.change.uid for o in result.kept] == [newer]  # SEQUENCE 7: a newer revision, left as it is
    assert result.failed == [] and not result.interrupted
    back = read_back(caldav_server, url)
    assert back[newer] == before[newer]
    assert {u: t for u, t in back.items() if u != newer} == {u: t for u, t in after.items() if u != newer}
    summaries = {e.uid: e.summary for e in (essence(data) for _, _, data in c.events(url))}
    assert summaries[newer] == "Moved by hand" and summaries[older] != "Moved by hand"
