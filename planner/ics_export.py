"""iCalendar export of reps' weeks.

Every event carries its rep's TZID and a VTIMEZONE from :mod:`planner.vtimezone`,
so Google, Outlook, Apple and Thunderbird show the same times. UIDs are
stable (rep, week, market, activity, n): exporting again after an edit keeps
every UID, raises SEQUENCE only on events that changed, and writes events that
are gone as cancelled, listed in the report, never dropped silently. An event
whose local time happens twice, or whose zone's offset has seconds, is written in UTC.

In a team calendar (a file with several reps) the SUMMARY starts with the rep's
name, the one field every client shows in its day and week views; every event
lists its rep and market in CATEGORIES, for clients that filter or colour by them.

The text is written here (:mod:`planner.ics_text`), not built with ``icalendar``:
see that module for why. :func:`calendar_bytes` writes any list of
:class:`CalendarEvent` with the VTIMEZONEs they need, one event or thousands.
PRODID names the tzdata release the times and VTIMEZONEs come from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping, Sequence

from .ics_text import (content_line, duration_text, fold_lines, local_text, parameter_value, text_list, utc_text)
from .model import Scenario
from .schedule import Event, Schedule
from .timezones import tzdata_version, zone as time_zone
from .vtimezone import transitions, vtimezone

UTC = dt.timezone.utc


def prodid() -> str:
    """``-//Rep Planner//rep-planner 0.1.0 tzdata 2026f//EN``: which data the file's times come from."""
    from . import __version__

    return f"-//Rep Planner//rep-planner {__version__} tzdata {tzdata_version()}//EN"


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
class CalendarEvent:
    """One VEVENT as written, for a file export or a one-event-per-resource publish alike."""

    uid: str
    start: dt.datetime  # UTC
    end: dt.datetime
    summary: str
    zone: str | None = None  # written on this zone's wall clock; None: in UTC
    description: str = ""
    categories: tuple[str, ...] = ()
    sequence: int = 0
    cancelled: bool = False
    alarm_minutes: int | None = None  # a reminder this long before

    def lines(self, stamp: str, tzid: str | None) -> list[str]:
        """Its content lines, unfolded; ``stamp`` is the DTSTAMP as written (``20270101T000000Z``)."""
        if tzid:
            tz, param = time_zone(self.zone), _tzid_param(tzid)
            start, end = (f"{param}:{local_text(t.astimezone(tz))}" for t in (self.start, self.end))
        else:
            start, end = f":{utc_text(self.start)}", f":{utc_text(self.end)}"
        out = ["BEGIN:VEVENT", f"UID:{self.uid}", f"DTSTAMP:{stamp}", f"DTSTART{start}", f"DTEND{end}",
               content_line("SUMMARY", self.summary)]
        if self.description:
            out.append(content_line("DESCRIPTION", self.description))
        if self.categories:
            out.append(f"CATEGORIES:{text_list(self.categories)}")
        if not self.cancelled:
            out.append("TRANSP:OPAQUE")
        out += [f"SEQUENCE:{self.sequence}", "STATUS:CANCELLED" if self.cancelled else "STATUS:CONFIRMED"]
        if self.alarm_minutes is not None and not self.cancelled:
            out += ["BEGIN:VALARM", "ACTION:DISPLAY", content_line("DESCRIPTION", self.summary),
                    f"TRIGGER:{duration_text(dt.timedelta(minutes=-self.alarm_minutes))}", "END:VALARM"]
        out.append("END:VEVENT")
        return out


@lru_cache(maxsize=1024)
def _tzid_param(tzid: str) -> str:
    return f";TZID={parameter_value(tzid)}"


def calendar_bytes(events: Sequence[CalendarEvent], *, now: dt.datetime, name: str | None = None,
                   method: str | None = "PUBLISH") -> bytes:
    """A VCALENDAR with ``events`` and a VTIMEZONE for each zone they use.

    ``method`` is for files to import (``PUBLISH``); a resource stored on a CalDAV server
    must have none (RFC 4791 4.1). ``now`` is the DTSTAMP.
    """
    years: dict[str, list[int]] = {}
    for event in events:
        if event.zone:
            span = years.setdefault(event.zone, [event.start.year, event.start.year])
            for t in (event.start, event.end):
                local_year = t.astimezone(time_zone(event.zone)).year
                span[0], span[1] = min(span[0], local_year), max(span[1], local_year)
    blocks = {z: vtimezone(z, dt.date(first, 1, 1), dt.date(last, 12, 31)) for z, (first, last) in years.items()}
    out = ["BEGIN:VCALENDAR", f"PRODID:{prodid()}", "VERSION:2.0", "CALSCALE:GREGORIAN"]
    if method:
        out.append(f"METHOD:{method}")
    if name:
        out.append(content_line("X-WR-CALNAME", name))
    text = [fold_lines(out)] + [blocks[z].text for z in sorted(blocks)]
    stamp = utc_text(now)
    text += [fold_lines(event.lines(stamp, blocks[event.zone].tzid if event.zone else None)) for event in events]
    text.append("END:VCALENDAR\r\n")
    return "".join(text).encode()


@dataclass(frozen=True)
class ExportReport:
    ics: bytes
    events: int
    new: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[ExportRecord, ...]
    records: tuple[ExportRecord, ...] = field(repr=False)
    entries: tuple[CalendarEvent, ...] = field(default=(), repr=False)  # what the file holds, cancelled included


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "x"


@lru_cache(maxsize=4096)
def _uid_parts(rep: str, market: str, activity: str) -> tuple[str, str]:
    digest = hashlib.sha1(f"{rep}\x00{market}\x00{activity}".encode()).hexdigest()[:8]
    return f"{_slug(rep)}.{_slug(market)}.{_slug(activity)}", f"{digest}@rep-planner"


def event_uid(event: Event, week: str) -> str:
    names, digest = _uid_parts(event.rep, event.market, event.activity)
    return f"{week}.{names}.{event.n}.{digest}"


def _summary(event: Event, team: bool = False) -> str:
    """``Demo: US East``; in a team calendar ``Laura · Demo: US East``."""
    return f"{event.rep} · {event.activity}: {event.market}" if team else f"{event.activity}: {event.market}"


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _description(event: Event, scenario: Scenario, team: bool = False) -> str:
    market_zone = scenario.market(event.market).timezone
    zone = time_zone(market_zone)
    start, end = event.start.astimezone(zone), event.end.astimezone(zone)
    kind = "live, with the prospect" if event.live else "async"
    lines = [f"Rep: {event.rep}."] if team else []
    # Day and month names in English whatever the machine's locale (strftime's %a/%b follow it).
    day = f"{_DAYS[start.weekday()]} {start.day:02d} {_MONTHS[start.month - 1]}"
    lines += [f"{event.market}: {event.activity}, {event.minutes} min ({kind}).",
              f"Prospect's time: {day} {start.hour:02d}:{start.minute:02d}-{end.hour:02d}:{end.minute:02d} "
              f"{start.tzname()} ({market_zone})."]
    if event.outside_hours:
        lines.append("Outside your working hours.")
    lines.append("Planned by Rep Planner.")
    return "\n".join(lines)


class _Folds:
    """The instants whose local time happens twice in a zone, from its transitions."""

    def __init__(self, zone: str, first: dt.datetime, last: dt.datetime):
        self.zone = time_zone(zone)
        changes = transitions(zone, first - dt.timedelta(days=2), last + dt.timedelta(days=2))
        self.windows = [(t.at - (t.before - t.after), t.at + (t.before - t.after))
                        for t in changes if t.before > t.after]
        offsets = [first.astimezone(self.zone).utcoffset()] + [t.after for t in changes]
        self.seconds = any(offset.seconds % 60 for offset in offsets)  # an offset such as -00:44:30

    def ambiguous(self, instant: dt.datetime) -> bool:
        return any(lo <= instant < hi for lo, hi in self.windows)

    def local_ok(self, start: dt.datetime, end: dt.datetime) -> bool:
        """Whether both ends can be written on the wall clock: else both go in UTC, so that no
        client has to combine a local DTSTART with a UTC DTEND. Not for a time that happens
        twice, nor in an offset with seconds (Monrovia's -00:44:30 until 1972): vobject and
        icalendar round offsets to the minute."""
        if self.seconds and (start.astimezone(self.zone).utcoffset().seconds % 60
                             or end.astimezone(self.zone).utcoffset().seconds % 60):
            return False
        return not (self.windows and (self.ambiguous(start) or self.ambiguous(end)))


def export_weeks(schedules: Sequence[Schedule], scenario: Scenario, *, now: dt.datetime,
                 previous: Mapping[str, ExportRecord] | None = None, calendar_name: str = "Rep Planner",
                 alarm_minutes: int | None = 10) -> ExportReport:
    """One VCALENDAR with the events of ``schedules``.

    ``previous`` holds the records of earlier exports of the same reps and
    weeks; SEQUENCE and the report of changes and removals come from it.
    ``now`` is the DTSTAMP (injected so that exports are reproducible).
    """
    previous = dict(previous or {})
    team = len({s.rep for s in schedules}) > 1
    records, new, changed, entries = [], [], [], []
    instants = [i for s in schedules for e in s.events for i in (e.start, e.end)]
    folds: dict[str, _Folds] = {}
    for schedule in schedules:
        tz = scenario.rep(schedule.rep).timezone
        if tz not in folds and instants:
            folds[tz] = _Folds(tz, min(instants), max(instants))
        for event in schedule.events:
            uid = event_uid(event, schedule.week)
            summary, description = _summary(event, team), _description(event, scenario, team)
            start_text, end_text = event.start.isoformat(), event.end.isoformat()
            fingerprint = hashlib.sha1(f"{start_text}|{end_text}|{summary}|{description}".encode()).hexdigest()
            before = previous.pop(uid, None)
            if before is None:
                sequence = 0
                new.append(uid)
            elif before.fingerprint != fingerprint or before.cancelled:
                sequence = before.sequence + 1
                changed.append(uid)
            else:
                sequence = before.sequence
            entries.append(CalendarEvent(
                uid, event.start, event.end, summary, tz if folds[tz].local_ok(event.start, event.end) else None,
                description, ("Rep Planner", event.rep, event.market, "Live" if event.live else "Async"), sequence,
                alarm_minutes=alarm_minutes if event.live else None))
            records.append(ExportRecord(uid, schedule.rep, schedule.week, sequence, fingerprint, summary,
                                        start_text, end_text))
    removed = []
    for record in previous.values():  # exported before, gone now: cancel, and say so
        cancelled = ExportRecord(record.uid, record.rep, record.week,
                                 record.sequence + (0 if record.cancelled else 1), record.fingerprint,
                                 record.summary, record.start, record.end, True)
        if not record.cancelled:
            removed.append(cancelled)
        records.append(cancelled)
        entries.append(CalendarEvent(record.uid, dt.datetime.fromisoformat(record.start).astimezone(UTC),
                                     dt.datetime.fromisoformat(record.end).astimezone(UTC), record.summary,
                                     sequence=cancelled.sequence, cancelled=True))
    ics = calendar_bytes(entries, now=now, name=calendar_name)
    active = sum(1 for r in records if not r.cancelled)
    return ExportReport(ics, active, tuple(new), tuple(changed), tuple(removed), tuple(records), tuple(entries))
