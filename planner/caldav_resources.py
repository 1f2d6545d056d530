"""One CalDAV resource per event, written by the export, and what a resource says.

A calendar on a CalDAV server holds one UID per resource (a whole export in one PUT is refused)
and no METHOD (RFC 4791 4.1). Each event's resource is what :func:`planner.ics_export.calendar_bytes`
writes for that event alone: its VEVENT exactly as the export file has it, with the VTIMEZONE its
times name, so what a file import shows and what the server holds are the same event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .ics_export import ExportReport, calendar_bytes

UTC = dt.timezone.utc


def event_resources(report: ExportReport, now: dt.datetime) -> dict[str, bytes]:
    """UID -> a VCALENDAR holding that event alone, for every event of the export that is not cancelled
    (a cancelled event is deleted from the server, not stored)."""
    return {entry.uid: calendar_bytes([entry], now=now, method=None) for entry in report.entries
            if not entry.cancelled}


@dataclass(frozen=True)
class Essence:
    """What a reader of an event sees: two copies with equal essences show the same event, whatever
    their DTSTAMP, SEQUENCE, property order or line folding."""

    uid: str
    start: dt.datetime | None
    end: dt.datetime | None
    summary: str
    description: str
    categories: tuple[str, ...]
    status: str
    sequence: int


def _instant(prop) -> dt.datetime | None:
    if prop is None:
        return None
    value = prop.dt
    if isinstance(value, dt.datetime):
        return value.astimezone(UTC) if value.tzinfo else value
    return dt.datetime.combine(value, dt.time())


def essence(data: bytes) -> Essence | None:
    """The first event of a resource, as a reader sees it; None if the resource holds none or
    cannot be read."""
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(data.decode("utf-8", errors="replace"))
        event = next(iter(calendar.walk("VEVENT")), None)
        if event is None:
            return None
        listed = event.get("categories")
        listed = listed if isinstance(listed, list) else [listed] if listed is not None else []
        categories = tuple(str(c) for prop in listed for c in prop.cats)
        return Essence(str(event.get("uid", "")), _instant(event.get("dtstart")), _instant(event.get("dtend")),
                       str(event.get("summary", "")), str(event.get("description", "")), categories,
                       str(event.get("status", "CONFIRMED")).upper(), int(event.get("sequence", 0)))
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None


def same_event(a: Essence | None, b: Essence | None) -> bool:
    """Whether two copies show the same event (SEQUENCE and DTSTAMP aside)."""
    return a is not None and b is not None and (
        (a.uid, a.start, a.end, a.summary, a.description, a.categories, a.status)
        == (b.uid, b.start, b.end, b.summary, b.description, b.categories, b.status))
