"""Publish reps' weeks to a CalDAV calendar: one resource per event, kept in step with the plan.

Each event is a resource at an address made from its UID (:func:`planner.caldav_records.resource_name`),
created with ``If-None-Match: *`` and updated or deleted with ``If-Match`` on the ETag last seen,
so a publish never overwrites a version it has not read. What the plan no longer holds (its events
cancelled in the export's terms) is deleted; what has not changed is not sent again (DTSTAMP alone
is no change). The ETags the server gave are recorded per calendar (:mod:`planner.caldav_records`).

Every publish starts by listing the calendar's ETags (one PROPFIND), and trusts its records only
where the server agrees: an event missing from the server is created again; one whose ETag is not
the one recorded (a publish that stopped before recording, another publisher, an edit in a
calendar app) is read first, and left alone if it already shows the planned event. A ``412`` (the
resource changed between listing and writing) is resolved the same way, by reading it again: the
planned event is written over the version just read only if that version does not already show
it and is not a newer revision (a higher SEQUENCE, as a calendar app writes when someone moves
the event), which is kept and reported. A publish that stops part-way has recorded what it did;
the next one lists the calendar, finds the rest and completes it, and since an event's address
comes from its UID nothing can be created twice. Our events the plan no longer makes, left by a
publish that stopped, are deleted too.

Requests run on several connections at once (``connections``) where the server gains by it: the
first changes are timed one at a time, the next on every connection, and the faster way is kept
(Radicale gains a little; Xandikos, which commits every write to git, loses a third). A server
that refuses concurrent writes (Xandikos's ``423 Locked``) gets one at a time from then on.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import time
from dataclasses import dataclass, field
from typing import Callable, Sequence
from urllib.parse import urljoin

from . import caldav_records as records
from .caldav_client import Account, Connection, Reply, ServerError, check_url, path_of
from .caldav_resources import Essence, essence, event_resources, same_event
from .calendars import rep_schedule
from .errors import PlannerError
from .i18n import _
from .ics_export import _slug, export_weeks
from .storage import Store
from .timezones import add_weeks, format_week

SAVE_EVERY = 100  # record progress this often, so a publish that is killed loses little
RETRIES = 3
PROBE = 16  # changes timed one at a time, then as many on every connection


class _Probe:
    """Times the first :data:`PROBE` changes on one connection and the next :data:`PROBE` on all of
    them, and keeps every connection only if that was at least a tenth faster."""

    def __init__(self, connection, width: int, total: int):
        self.connection, self.width = connection, width
        self.on = width > 1 and total >= 3 * PROBE
        self.marks = [time.perf_counter()]
        if self.on:
            connection.gate.set_width(1)

    def finished(self, count: int) -> None:
        if not self.on or count not in (PROBE, 2 * PROBE):
            return
        self.marks.append(time.perf_counter())
        if count == PROBE:
            self.connection.gate.set_width(self.width)
            return
        self.on = False
        one, several = self.marks[1] - self.marks[0], self.marks[2] - self.marks[1]
        if several > 0.9 * one:
            self.connection.gate.set_width(1)


@dataclass(frozen=True)
class Change:
    """One thing to do to one event's resource."""

    kind: str  # create, update, delete, check (read it first: the server's copy is not the one recorded)
    uid: str
    url: str
    etag: str | None  # the version listed on the server (None: not there)
    data: bytes | None = None
    record: records.ExportRecord | None = None  # what to record once it is done


@dataclass(frozen=True)
class Outcome:
    change: Change
    result: str  # created, updated, deleted, unchanged, kept (a newer revision on the server), failed
    etag: str | None = None
    problem: str = ""


@dataclass
class CalendarResult:
    """What one publish did to one calendar (the counts a person reads in the summary)."""

    url: str
    reps: tuple[str, ...]
    events: int = 0
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    kept: list[Outcome] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    made_calendar: bool = False
    interrupted: str = ""
    unplaced: int = 0
    unplaced_hours: float = 0.0
    seconds: float = 0.0
    connections: int = 1  # requests at once at the end (1 if the server asked for one at a time)

    def count(self, outcome: Outcome) -> None:
        if outcome.result in ("created", "updated", "deleted", "unchanged"):
            setattr(self, outcome.result, getattr(self, outcome.result) + 1)
        elif outcome.result == "kept":
            self.kept.append(outcome)
        else:
            self.failed.append(outcome)

    @property
    def complete(self) -> bool:
        return not self.failed and not self.interrupted


def calendar_urls(url: str, reps: Sequence[str], per_rep: bool) -> list[tuple[str, tuple[str, ...]]]:
    """(calendar address, its reps): the one calendar at ``url``, or with ``per_rep`` one calendar
    per rep inside the collection at ``url`` (``.../rep-planner-laura/``)."""
    url = check_url(url)
    if per_rep:
        return [(urljoin(url, f"rep-planner-{_slug(rep)}/"), (rep,)) for rep in reps]
    return [(url, tuple(reps))]


def _ours_in_scope(path: str, weeks: set[str], reps: set[str]) -> str | None:
    """The UID of a resource this app made for one of ``reps`` in ``weeks`` (from its name), else None."""
    uid = records.uid_of(path.rsplit("/", 1)[-1])
    if not uid or not uid.endswith("@rep-planner"):
        return None
    parts = uid.split(".")
    return uid if len(parts) >= 3 and parts[0] in weeks and parts[1] in reps else None


def plan_changes(calendar: str, resources: dict[str, bytes], report, previous: dict[str, records.Published],
                 listed: dict[str, str], weeks: set[str], rep_slugs: set[str]) -> tuple[list[Change], int]:
    """The changes that bring the calendar in step, and how many events are in step already."""
    changes, in_step = [], 0
    wanted = {r.uid for r in report.records}
    changed = set(report.new) | set(report.changed)
    for record in report.records:
        url = records.resource_url(calendar, record.uid)
        on_server = listed.get(path_of(url))
        before = previous.get(record.uid)
        if record.cancelled:
            if on_server:
                changes.append(Change("delete", record.uid, url, on_server, record=record))
        elif on_server is None:
            changes.append(Change("create", record.uid, url, None, resources[record.uid], record))
        elif before is None or before.etag != on_server:
            changes.append(Change("check", record.uid, url, on_server, resources[record.uid], record))
        elif record.uid in changed:
            changes.append(Change("update", record.uid, url, on_server, resources[record.uid], record))
        else:
            in_step += 1
    for path, etag in listed.items():  # ours, in scope, made by a run that stopped before recording it
        uid = _ours_in_scope(path, weeks, rep_slugs)
        if uid and uid not in wanted:
            changes.append(Change("delete", uid, urljoin(calendar, path), etag))
    return changes, in_step


def carry_out(connection: Connection, change: Change) -> Outcome:
    """Do ``change``, resolving a 412 by reading the resource again (never by writing blind)."""
    kind, etag = change.kind, change.etag
    for _attempt in range(RETRIES + 1):
        if kind == "check":
            current = connection.get(change.url)
            if current.status == 404:
                kind, etag = "create", None
                continue
            decided = _decide(change, current, essence(change.data))
            if decided is not None:
                return decided
            kind, etag = "update", current.etag
            continue
        if kind == "delete":
            reply = connection.delete(change.url, etag)
            if reply.status in (200, 204, 404):
                return Outcome(change, "deleted")
        else:
            reply = connection.put(change.url, change.data, etag)
            if reply.status in (200, 201, 204):
                return Outcome(change, "created" if etag is None else "updated", reply.etag)
            if reply.uid_taken:
                return Outcome(change, "failed", problem=_("another event in this calendar already has this UID "
                                                           "(imported from a file?); delete it and publish again"))
        if reply.status != 412:
            return Outcome(change, "failed", problem=_("the server answered {status}").format(status=reply.status)
                                                     + _detail(reply.body))
        if kind == "delete":  # someone changed it since the listing: read it, then delete that version
            current = connection.get(change.url)
            if current.status == 404:
                return Outcome(change, "deleted")
            etag = current.etag
        else:
            kind = "check"
    return Outcome(change, "failed", problem=_("it kept changing on the server while being published"))


def _decide(change: Change, current: Reply, ours: Essence | None) -> Outcome | None:
    """What to make of the server's copy of an event we mean to write: None means write ours over it."""
    if current.status != 200:
        return Outcome(change, "failed", problem=_("the server answered {status} when it was read").format(
            status=current.status))
    theirs = essence(current.body)
    if same_event(theirs, ours):
        return Outcome(change, "unchanged", current.etag)
    if theirs is not None and ours is not None and theirs.sequence > ours.sequence:
        return Outcome(change, "kept", current.etag,
                       problem=_("changed in the calendar since (SEQUENCE {n}); kept as it is there").format(
                           n=theirs.sequence))
    return None


def _detail(body: bytes) -> str:
    text = body.decode("utf-8", errors="replace").strip().splitlines()
    return f" ({text[0][:120]})" if text and not text[0].startswith("<") else ""


def publish(store: Store, account: Account, reps: Sequence[str], year: int, week: int, weeks: int = 1, *,
            per_rep: bool = False, create: bool = False, dry_run: bool = False, stretch: bool = False,
            connections: int = 4, now: dt.datetime,
            progress: Callable[[int, int], None] | None = None,
            on_listed: Callable[[str], None] | None = None) -> list[CalendarResult]:
    """Bring the calendar(s) in step with the reps' ``weeks`` weeks from ``year``-W``week``.

    ``progress(done, total)`` is called in the caller's thread as changes finish; ``on_listed(url)``
    after a calendar's listing, before anything is written (tests change the server there).
    With ``dry_run`` the server is read but nothing is written, and nothing is recorded.
    """
    if not 1 <= weeks <= 104:
        raise PlannerError(_("weeks: give 1 to 104 weeks (got {n})").format(n=weeks))
    if not 1 <= connections <= 16:
        raise PlannerError(_("--connections: give 1 to 16 (got {n})").format(n=connections))
    if not reps:
        raise PlannerError(_("choose at least one rep to publish"))
    scenario = store.load()
    for rep in reps:
        scenario.rep(rep)
    span = [add_weeks(year, week, d) for d in range(weeks)]
    names = [format_week(*w) for w in span]
    connection = Connection(account, width=connections)
    results = []
    try:
        for calendar, group in calendar_urls(account.url, reps, per_rep):
            started = time.perf_counter()
            schedules = [rep_schedule(store, scenario, r, y, w, stretch) for r in group for (y, w) in span]
            name = f"Rep Planner: {group[0]}" if per_rep else f"Rep Planner: {scenario.name}"
            result = CalendarResult(calendar, group, unplaced=sum(len(s.unplaced) for s in schedules),
                                    unplaced_hours=sum(s.unplaced_live_hours + s.unplaced_async_hours
                                                       for s in schedules))
            results.append(result)
            _publish_one(store, connection, calendar, name, schedules, scenario, names, result, create=create,
                         dry_run=dry_run, connections=connections, now=now, progress=progress,
                         on_listed=on_listed)
            result.seconds = time.perf_counter() - started
            result.connections = connection.width
            connection.gate.set_width(connections)  # the next calendar is timed afresh
            if result.interrupted:
                break
    finally:
        connection.close()
    return results


def _publish_one(store, connection, calendar, name, schedules, scenario, names, result, *, create, dry_run,
                 connections, now, progress, on_listed) -> None:
    kind = connection.calendar_kind(calendar)
    if kind == "other":
        raise PlannerError(_("{url}: this address is not a calendar; give the address of a calendar "
                             "(or of the collection that holds them, with --per-rep)").format(url=calendar))
    if kind == "missing":
        if not create:
            raise PlannerError(_("{url}: no calendar at this address; add --create to create it").format(url=calendar))
        result.made_calendar = True
        if not dry_run:
            connection.make_calendar(calendar, name)
    listed = {} if kind == "missing" else connection.etags(calendar)
    if on_listed is not None:
        on_listed(calendar)
    previous = records.load(store.db, calendar, result.reps, names)
    report = export_weeks(schedules, scenario, now=now, calendar_name=name,
                          previous={uid: p.record for uid, p in previous.items()})
    result.events = report.events
    changes, result.unchanged = plan_changes(calendar, event_resources(report, now), report, previous, listed,
                                             set(names), {_slug(r) for r in result.reps})
    if dry_run:
        _dry_run(connection, changes, result, progress)
        return
    touched = {c.uid for c in changes}
    # Events the plan dropped that were not on the server: recorded as cancelled, nothing to send.
    done = [records.Published(r, None) for r in report.records if r.cancelled and r.uid not in touched
            and not (r.uid in previous and previous[r.uid].record.cancelled)]
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=connections, thread_name_prefix="publish")
    probe = _Probe(connection, connections, len(changes))
    futures = [pool.submit(carry_out, connection, c) for c in changes]
    taken: set = set()

    def take(future) -> None:
        nonlocal done
        taken.add(future)
        outcome = future.result()  # a ServerError stops the publish
        result.count(outcome)
        record = outcome.change.record
        if record is not None and outcome.result in ("created", "updated", "unchanged", "deleted"):
            done.append(records.Published(record, None if record.cancelled else outcome.etag))
        if len(done) >= SAVE_EVERY:
            records.save(store, calendar, done)
            done = []

    try:
        for future in concurrent.futures.as_completed(futures):
            try:
                take(future)
            except ServerError as exc:
                result.interrupted = str(exc)
                break
            probe.finished(len(taken))
            if progress is not None:
                progress(len(taken), len(changes))  # may raise to stop the publish (the app's Stop)
    finally:
        try:
            pool.shutdown(wait=True, cancel_futures=True)
            for future in futures:  # what finished while the publish was stopping is recorded too
                if future not in taken and future.done() and not future.cancelled() and future.exception() is None:
                    take(future)
        finally:
            records.save(store, calendar, done)
    if result.interrupted:
        finished = sum(1 for f in taken if f.exception() is None)
        result.interrupted = _("stopped after {done} of {total} changes: {why}. What was done is recorded; "
                               "publish again to complete it").format(done=finished, total=len(changes),
                                                                      why=result.interrupted)


def _dry_run(connection, changes: list[Change], result: CalendarResult, progress) -> None:
    """Count what a publish would do; events whose copy on the server is not the recorded one are read."""
    for n, change in enumerate(changes, 1):
        if change.kind == "check":
            current = connection.get(change.url)
            decided = (Outcome(change, "created") if current.status == 404 else
                       _decide(change, current, essence(change.data)) or Outcome(change, "updated"))
        else:
            decided = Outcome(change, {"create": "created", "update": "updated", "delete": "deleted"}[change.kind])
        result.count(decided)
        if progress is not None:
            progress(n, len(changes))

