"""`import-busy --url`: a rep's meetings from their calendar on Radicale and Xandikos.

The events are in London across the 2040 clock change, where servers' own time-range filtering
was seen an hour off; the expected instants come from the tz database directly, not from our reader.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from urllib.parse import urljoin

import pytest

from planner.caldav_client import path_of
from planner.calendars import rep_schedule
from planner.cli import main
from planner.storage import Store
from planner.timezones import zone
from tests.caldav_helpers import connection
from tests.caldav_servers import caldav_server  # noqa: F401  (the servers, one of each kind)

UTC, LONDON = dt.timezone.utc, zone("Europe/London")
TODAY = dt.date(2040, 3, 12)
WINDOW = ["--days-back", "14", "--days", "60"]  # 2040-02-27 to 2040-05-11

VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/London
BEGIN:DAYLIGHT
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
TZNAME:BST
DTSTART:19700329T010000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
TZNAME:GMT
DTSTART:19701025T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""


def resource(*events: str, zone: bool = True) -> bytes:
    text = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n" + (VTIMEZONE if zone else "") + "".join(events)
    return (text + "END:VCALENDAR\n").replace("\n", "\r\n").encode()


def event(uid: str, start: str, end: str, *extra: str) -> str:
    props = [f"UID:{uid}", "DTSTAMP:20400101T000000Z", start, end, "SUMMARY:Meeting", *extra]
    return "BEGIN:VEVENT\n" + "\n".join(props) + "\nEND:VEVENT\n"


def london(day: int, hour: int, month: int = 3) -> dt.datetime:
    return dt.datetime(2040, month, day, hour, tzinfo=LONDON).astimezone(UTC)


CALENDAR = {
    # Mondays 10:00-11:00 London from 4 March, six times: across the change of 25 March; the
    # 18 March one moved to 14:00 by an override in the same resource.
    "weekly.ics": resource(
        event("weekly-1", "DTSTART;TZID=Europe/London:20400305T100000", "DTEND;TZID=Europe/London:20400305T110000",
              "RRULE:FREQ=WEEKLY;COUNT=6"),
        event("weekly-1", "DTSTART;TZID=Europe/London:20400319T140000", "DTEND;TZID=Europe/London:20400319T150000",
              "RECURRENCE-ID;TZID=Europe/London:20400319T100000")),
    "all-day.ics": resource(event("all-day-1", "DTSTART;VALUE=DATE:20400328", "DTEND;VALUE=DATE:20400329"), zone=False),
    "free.ics": resource(event("free-1", "DTSTART;TZID=Europe/London:20400327T090000",
                               "DTEND;TZID=Europe/London:20400327T100000", "TRANSP:TRANSPARENT")),
    "cancelled.ics": resource(event("cancelled-1", "DTSTART;TZID=Europe/London:20400327T120000",
                                    "DTEND;TZID=Europe/London:20400327T130000", "STATUS:CANCELLED")),
    "one-off.ics": resource(event("one-off-1", "DTSTART;TZID=Europe/London:20400403T163000",
                                  "DTEND;TZID=Europe/London:20400403T173000")),
    "outside.ics": resource(event("outside-1", "DTSTART:20400601T090000Z", "DTEND:20400601T100000Z"), zone=False),
    # An event this app published: the plan itself, not a meeting.
    "ours.ics": resource(event("2040-W13.laura.uk-ireland.demo.0.3642212d@rep-planner",
                               "DTSTART:20400326T090000Z", "DTEND:20400326T094500Z"), zone=False),
}
ZURICH = zone("Europe/Zurich")  # Laura's zone: her all-day event blocks her own day
EXPECTED = sorted([(london(d, 10), london(d, 11)) for d in (5, 12, 26)] + [(london(9, 10, 4), london(9, 11, 4))]
                  + [(london(2, 10, 4), london(2, 11, 4))] + [(london(19, 14), london(19, 15))]
                  + [(dt.datetime(2040, 3, 28, tzinfo=ZURICH).astimezone(UTC),
                      dt.datetime(2040, 3, 29, tzinfo=ZURICH).astimezone(UTC))]
                  + [(london(3, 16, 4) + dt.timedelta(minutes=30), london(3, 17, 4) + dt.timedelta(minutes=30))])


def import_busy(db, server, url, *extra):
    args = ["--db", db, "import-busy", "--url", url, "--user", server.user, "--rep", "Laura", *WINDOW, *extra]
    return main(args + (["--ca-cert", server.ca_cert] if server.ca_cert else []), today=TODAY)


def busy_rows(db, source):
    with sqlite3.connect(db) as conn:
        return sorted((dt.datetime.fromisoformat(s), dt.datetime.fromisoformat(e)) for s, e in conn.execute(
            "SELECT start, \"end\" FROM busy WHERE rep = 'Laura' AND source = ?", [source]))


@pytest.fixture
def calendar(caldav_server):  # noqa: F811
    url = caldav_server.new_calendar_url("busy")
    c = connection(caldav_server, url)
    c.make_calendar(url, "Laura's meetings")
    for name, data in CALENDAR.items():
        assert c.put(urljoin(url, name), data).status == 201, name
    return url


def test_busy_times_come_from_the_whole_calendar_expanded_here_at_the_right_instants(
        caldav_server, calendar, demo_db, capsys, monkeypatch, tmp_path):  # noqa: F811
    monkeypatch.setenv("REP_PLANNER_CALDAV_PASSWORD", caldav_server.password)
    file = tmp_path / "other.ics"
    file.write_bytes(resource(event("file-1", "DTSTART:20400307T150000Z", "DTEND:20400307T160000Z"), zone=False))
    assert main(["--db", demo_db, "import-busy", str(file), "--rep", "Laura", *WINDOW], today=TODAY) == 0

    assert import_busy(demo_db, caldav_server, calendar) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"Imported 8 busy times for Laura from {calendar} (2040-02-27 to 2040-05-11; 7 events read; "
        "1 event published by Rep Planner left out)")
    assert busy_rows(demo_db, calendar) == EXPECTED

    # The scheduler works around them: no block of Laura's week 2040-W12 meets the moved Monday meeting.
    store = Store(demo_db)
    week = rep_schedule(store, store.load(), "Laura", 2040, 12)
    store.close()
    assert week.events and not [e for e in week.events for s, f in EXPECTED if e.start < f and s < e.end]

    # The meeting is deleted on the server: the next import drops it, and keeps what the file brought.
    c = connection(caldav_server, calendar)
    one_off = urljoin(calendar, "one-off.ics")
    assert c.delete(one_off, c.etags(calendar)[path_of(one_off)]).status in (200, 204)
    assert import_busy(demo_db, caldav_server, calendar) == 0
    assert busy_rows(demo_db, calendar) == [b for b in EXPECTED if b[0] != london(3, 16, 4) + dt.timedelta(minutes=30)]
    assert busy_rows(demo_db, str(file)) == [(dt.datetime(2040, 3, 7, 15, tzinfo=UTC), dt.datetime(2040, 3, 7, 16, tzinfo=UTC))]


def test_the_password_can_come_from_the_system_keyring(caldav_server, calendar, demo_db, capsys, monkeypatch):  # noqa: F811
    keyring = pytest.importorskip("keyring")
    from keyring.backend import KeyringBackend

    class InMemory(KeyringBackend):
        priority = 1

        def __init__(self):
            self.kept = {}

        def get_password(self, service, user):
            return self.kept.get((service, user))

        def set_password(self, service, user, password):
            self.kept[(service, user)] = password

        def delete_password(self, service, user):
            self.kept.pop((service, user), None)

    monkeypatch.delenv("REP_PLANNER_CALDAV_PASSWORD", raising=False)
    assert import_busy(demo_db, caldav_server, calendar) == 2  # no terminal to ask in, nothing stored
    assert "set REP_PLANNER_CALDAV_PASSWORD, store it in the system keyring (keyring set rep-planner:" \
        in capsys.readouterr().err

    previous = keyring.get_keyring()
    memory = InMemory()
    keyring.set_keyring(memory)
    try:
        from planner.caldav_password import remember

        assert remember(calendar, caldav_server.user, caldav_server.password)
        assert import_busy(demo_db, caldav_server, calendar) == 0
        assert busy_rows(demo_db, calendar) == EXPECTED
    finally:
        keyring.set_keyring(previous)
