"""iCalendar export of reps' weeks, written with ``icalendar``.

Every event carries its rep's TZID and a VTIMEZONE from :mod:`planner.vtimezone`,
so Google, Outlook, Apple and Thunderbird show the same times. UIDs are
stable (rep, week, market, activity, n): exporting again after an edit keeps
every UID, raises SEQUENCE only on events that changed, and writes events that
are gone as cancelled, listed in the report, never dropped silently. An event
whose local time does not exist or happens twice is written in UTC.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import icalendar

from .model import Scenario
from .schedule import Event, Schedule
from .timezones import zone as time_zone
from .vtimezone import transitions, vtimezone

UTC = dt.timezone.utc
PRODID = "-//Rep Planner//rep-planner 0.1//EN"


@dataclass(frozen=True)
class ExportRecord:
    """What was last exported under a UID (kept in the database between exports)."""

    uid: str
    rep: str
    week: str
    sequence: int
    fingerprint: str
    summary: str
    start: str  # ISO 8601, UTC
    end: str
    cancelled: bool = False


@dataclass(frozen=True)
class ExportReport:
    ics: bytes
    events: int
    new: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[ExportRecord, ...]
    records: tuple[ExportRecord, ...] = field(repr=False)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "x"


def event_uid(event: Event, week: str) -> str:
    digest = hashlib.sha1(f"{event.rep}\x00{event.market}\x00{event.activity}".encode()).hexdigest()[:8]
    return (f"{week}.{_slug(event.rep)}.{_slug(event.market)}.{_slug(event.activity)}.{event.n}"
            f".{digest}@rep-planner")


def _summary(event: Event) -> str:
    return f"{event.activity}: {event.market}"


def _description(event: Event, scenario: Scenario) -> str:
    market = scenario.market(event.market)
    zone = time_zone(market.timezone)
    start, end = event.start.astimezone(zone), event.end.astimezone(zone)
    kind = "live, with the prospect" if event.live else "async"
    lines = [f"{event.market}: {event.activity}, {event.minutes} min ({kind}).",
             f"Prospect's time: {start:%a %d %b %H:%M}-{end:%H:%M} {start.tzname()} ({market.timezone})."]
    if event.outside_hours:
        lines.append("Outside your working hours.")
    lines.append("Planned by Rep Planner.")
    return "\n".join(lines)


class _Folds:
    """The instants whose local time happens twice in a zone, from its transitions."""

    def __init__(self, zone: str, first: dt.datetime, last: dt.datetime):
        self.zone = time_zone(zone)
        self.windows = [(t.at - (t.before - t.after), t.at + (t.before - t.after))
                        for t in transitions(zone, first - dt.timedelta(days=2), last + dt.timedelta(days=2))
                        if t.before > t.after]

    def ambiguous(self, instant: dt.datetime) -> bool:
        return any(lo <= instant < hi for lo, hi in self.windows)

    def span(self, start: dt.datetime, end: dt.datetime):
        """Start and end in the zone; both in UTC if either local time is ambiguous, so that no
        client has to combine a local DTSTART with a UTC DTEND."""
        if self.ambiguous(start) or self.ambiguous(end):
            return start.astimezone(UTC), end.astimezone(UTC)
        return start.astimezone(self.zone), end.astimezone(self.zone)


def export_weeks(schedules: Sequence[Schedule], scenario: Scenario, *, now: dt.datetime,
                 previous: Mapping[str, ExportRecord] | None = None, calendar_name: str = "Rep Planner",
                 alarm_minutes: int | None = 10) -> ExportReport:
    """One VCALENDAR with the events of ``schedules``.

    ``previous`` holds the records of earlier exports of the same reps and
    weeks; SEQUENCE and the report of changes and removals come from it.
    ``now`` is the DTSTAMP (injected so that exports are reproducible).
    """
    previous = dict(previous or {})
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calendar_name)
    stamp = now.astimezone(UTC).replace(microsecond=0)
    zones: dict[str, list[dt.date]] = {}
    records, new, changed, components = [], [], [], []
    instants = [i for s in schedules for e in s.events for i in (e.start, e.end)]
    folds: dict[str, _Folds] = {}
    for schedule in schedules:
        tz = scenario.rep(schedule.rep).timezone
        if tz not in folds:
            folds[tz] = _Folds(tz, min(instants), max(instants)) if instants else None
        for event in schedule.events:
            uid = event_uid(event, schedule.week)
            summary, description = _summary(event), _description(event, scenario)
            start, end = folds[tz].span(event.start, event.end)
            fingerprint = hashlib.sha1(f"{event.start.isoformat()}|{event.end.isoformat()}|{summary}|{description}"
                                       .encode()).hexdigest()
            before = previous.pop(uid, None)
            if before is None:
                sequence = 0
                new.append(uid)
            elif before.fingerprint != fingerprint or before.cancelled:
                sequence = before.sequence + 1
                changed.append(uid)
            else:
                sequence = before.sequence
            vevent = icalendar.Event()
            vevent.add("uid", uid)
            vevent.add("dtstamp", stamp)
            vevent.add("dtstart", start)
            vevent.add("dtend", end)
            vevent.add("summary", summary)
            vevent.add("description", description)
            vevent.add("categories", ["Rep Planner", event.market, "Live" if event.live else "Async"])
            vevent.add("transp", "OPAQUE")
            vevent.add("sequence", sequence)
            vevent.add("status", "CONFIRMED")
            if alarm_minutes is not None and event.live:
                alarm = icalendar.Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", summary)
                alarm.add("trigger", dt.timedelta(minutes=-alarm_minutes))
                vevent.add_component(alarm)
            components.append(vevent)
            for value in (start, end):
                if value.tzinfo is not UTC:
                    zones.setdefault(tz, []).append(value.date())
            records.append(ExportRecord(uid, schedule.rep, schedule.week, sequence, fingerprint, summary,
                                        event.start.isoformat(), event.end.isoformat()))
    removed = []
    for record in previous.values():  # exported before, gone now: cancel, and say so
        cancelled = ExportRecord(record.uid, record.rep, record.week,
                                 record.sequence + (0 if record.cancelled else 1), record.fingerprint,
                                 record.summary, record.start, record.end, True)
        if not record.cancelled:
            removed.append(cancelled)
        records.append(cancelled)
        vevent = icalendar.Event()
        vevent.add("uid", record.uid)
        vevent.add("dtstamp", stamp)
        vevent.add("dtstart", dt.datetime.fromisoformat(record.start).astimezone(UTC))
        vevent.add("dtend", dt.datetime.fromisoformat(record.end).astimezone(UTC))
        vevent.add("summary", record.summary)
        vevent.add("sequence", cancelled.sequence)
        vevent.add("status", "CANCELLED")
        components.append(vevent)
    for zone, dates in sorted(zones.items()):
        cal.add_component(vtimezone(zone, min(dates), max(dates)))
    for component in components:
        cal.add_component(component)
    active = sum(1 for r in records if not r.cancelled)
    return ExportReport(cal.to_ical(), active, tuple(new), tuple(changed), tuple(removed), tuple(records))
