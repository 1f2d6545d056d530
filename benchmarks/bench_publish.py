"""What publishing to a CalDAV server costs: 1,000 new events, then a change of plan.

``python -m benchmarks.bench_publish [--servers radicale,xandikos] [--weeks 8]``

Each server (the test extra's Radicale and Xandikos, started on 127.0.0.1 with a password as the
tests start them) gets the demo's two reps over ``--weeks`` weeks (about 1,000 events at 8).
The baseline, measured in the same run into a fresh calendar, is the ``caldav`` library's own
way: ``Calendar.add_event`` one event at a time (same bytes, no SEQUENCE bump). Then
``publish`` with 1 and with 4 connections, each into a fresh calendar (best of 2, alternated); then a change of plan
(Mexico unassigned: its events deleted, others moved) published for the first ``--change-weeks``
weeks (about 100 changes at 2) with 4 connections, against the naive way of bringing those weeks
up to date: sending every event of them again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from planner import scenario_file
from planner.caldav_client import Account, path_of
from planner.caldav_publish import publish
from planner.caldav_records import resource_url
from planner.caldav_resources import event_resources
from planner.calendars import rep_schedule
from planner.ics_export import export_weeks
from planner.storage import DEMO_PATH, Store
from tests.caldav_helpers import connection
from tests.caldav_servers import Server

NOW = dt.datetime(2027, 3, 1, tzinfo=dt.timezone.utc)
ROUNDS = 2


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def library_way(server: Server, url: str, resources: dict[str, bytes]) -> None:
    """One ``add_event`` per event, as the caldav library's documentation shows."""
    import caldav

    client = caldav.DAVClient(server.base, username=server.user, password=server.password,
                              ssl_verify_cert=server.ca_cert or True, enable_rfc6764=False)
    calendar = caldav.Calendar(client=client, url=url)
    for data in resources.values():
        calendar.add_event(data.decode(), increase_seqno=False)


def measure(kind: str, weeks: int, change_weeks: int, folder: Path) -> list[str]:
    server = Server(kind, folder / kind).start()
    try:
        db = folder / f"{kind}.db"
        store = Store(db)
        store.save(scenario_file.load(DEMO_PATH))
        scenario = store.load()
        reps = [r.name for r in scenario.reps]
        schedules = [rep_schedule(store, scenario, r, 2027, w) for r in reps for w in range(11, 11 + weeks)]
        resources = event_resources(export_weeks(schedules, scenario, now=NOW), NOW)
        n = len(resources)

        def fresh(label):
            url = server.new_calendar_url(label)
            return url, Account(url, server.user, server.password, server.ca_cert)

        times: dict[str, float] = {}
        for _ in range(ROUNDS):  # alternated and the best kept: the machine is shared, and its load moves
            url, account = fresh("library")
            connection(server, url).make_calendar(url, "library")
            seconds, _ = timed(lambda: library_way(server, url, resources))
            times["baseline"] = min(times.get("baseline", seconds), seconds)
            for connections in (1, 4):
                url, account = fresh(f"c{connections}")
                seconds, [r] = timed(lambda: publish(store, account, reps, 2027, 11, weeks, create=True, now=NOW,
                                                     connections=connections))
                assert r.complete and r.created == n, r
                times[connections] = min(times.get(connections, seconds), seconds)
                kept_width = r.connections
        baseline = times["baseline"]
        lines = [f"{kind}: {n} new events, caldav add_event one at a time (baseline): {baseline:.1f} s "
                 f"({baseline / n * 1000:.0f} ms an event)"]
        for connections in (1, 4):
            lines.append(f"{kind}: {n} new events, publish with {connections} connection(s): {times[connections]:.1f} s "
                         f"({baseline / times[connections]:.2f}x the baseline"
                         + (f"; {kept_width} at once after timing)" if connections > 1 else ")"))
        unassign_mexico(store)
        seconds, [r] = timed(lambda: publish(store, account, reps, 2027, 11, change_weeks,
                                             now=NOW + dt.timedelta(hours=1), connections=4))
        changes = r.created + r.updated + r.deleted
        assert r.complete, r
        # The naive update: every event sent again over what is there (If-Match on the ETag listed).
        c = connection(server, account.url)
        listed = c.etags(account.url)
        scenario = store.load()
        after = event_resources(export_weeks([rep_schedule(store, scenario, rep, 2027, w) for rep in reps
                                              for w in range(11, 11 + change_weeks)], scenario, now=NOW), NOW)

        def everything():
            for uid, data in after.items():
                target = resource_url(account.url, uid)
                c.put(target, data, listed.get(path_of(target)))
        naive, _ = timed(everything)
        lines.append(f"{kind}: a change of plan in {change_weeks} weeks ({changes} changes: {r.created} created, "
                     f"{r.updated} updated, "
                     f"{r.deleted} deleted; {r.unchanged} unchanged): publish {seconds:.1f} s; sending all "
                     f"{len(after)} events again {naive:.1f} s ({naive / seconds:.1f}x slower)")
        store.close()
        return lines
    finally:
        server.stop()


def unassign_mexico(store: Store) -> None:
    scenario = store.load()
    store.save(scenario.replace(assignments=[a for a in scenario.assignments if a.market != "Mexico"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--servers", default="radicale,xandikos")
    parser.add_argument("--weeks", type=int, default=8)
    parser.add_argument("--change-weeks", type=int, default=2, help="weeks published after the change (2: ~100)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for kind in args.servers.split(","):
            for line in measure(kind, args.weeks, args.change_weeks, Path(folder)):
                print(line, flush=True)


if __name__ == "__main__":
    main()
