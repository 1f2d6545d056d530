"""Reading a CalDAV calendar back, and the instants the schedule says, for the publish tests."""

from __future__ import annotations

import collections
import datetime as dt

from planner.caldav_client import Account, Connection
from planner.caldav_resources import essence
from planner.calendars import rep_schedule
from planner.ics_export import event_uid
from planner.storage import Store
from planner.timezones import add_weeks, format_week, parse_week


def connection(server, url: str) -> Connection:
    return Connection(Account(url, server.user, server.password, server.ca_cert))


def read_back(server, url: str) -> dict[str, tuple[dt.datetime, dt.datetime]]:
    """UID -> (start, end) in UTC of every event the calendar holds; fails if a UID is there twice."""
    c = connection(server, url)
    try:
        found = [essence(data) for _, _, data in c.events(url)]
    finally:
        c.close()
    twice = [uid for uid, n in collections.Counter(e.uid for e in found).items() if n > 1]
    assert not twice, f"UIDs stored twice: {twice[:5]}"
    return {e.uid: (e.start, e.end) for e in found}


def planned(db: str, reps, week: str, weeks: int = 1) -> dict[str, tuple[dt.datetime, dt.datetime]]:
    """UID -> (start, end) in UTC of every event the schedule places, as ``schedule`` computes it."""
    store = Store(db)
    try:
        scenario = store.load()
        out = {}
        for rep in reps:
            for year, number in (add_weeks(*parse_week(week), d) for d in range(weeks)):
                schedule = rep_schedule(store, scenario, rep, year, number)
                for event in schedule.events:
                    out[event_uid(event, format_week(year, number))] = (event.start, event.end)
        return out
    finally:
        store.close()
