"""One CalDAV resource per event, cut from the export's own text, and what a resource says.

A calendar on a CalDAV server holds one UID per resource (a whole export in one PUT is refused)
and no METHOD (RFC 4791 4.1). Each event's resource is the export's VCALENDAR header without
METHOD or the calendar's name, the VTIMEZONEs its times name, and the VEVENT, byte for byte as
:func:`planner.ics_export.export_weeks` wrote them: what a file import shows and what the server
holds are the same text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

UTC = dt.timezone.utc
_TZID = re.compile(r';TZID=("[^"]*"|[^:;]*)')
_CALENDAR_ONLY = ("METHOD", "X-WR-CALNAME")


def _logical_lines(text: str) -> list[tuple[str, str]]:
    """(unfolded line, the physical lines as written with CRLF) for each content line."""
    out: list[tuple[str, list[str]]] = []
    for physical in text.replace("\r\n", "\n").split("\n"):
        if physical[:1] in (" ", "\t") and out:
            out[-1][1].append(physical)
        elif physical:
            out.append((physical, [physical]))
    return [(parts[0] + "".join(p[1:] for p in parts[1:]), "".join(p + "\r\n" for p in parts))
            for _, parts in out]


def event_resources(ics: bytes) -> dict[str, bytes]:
    """UID -> a VCALENDAR holding that event alone, for every event of ``ics`` that is not cancelled."""
    header: list[str] = []
    zones: dict[str, str] = {}
    events: list[tuple[str, set[str], str]] = []
    stack: list[str] = []
    block: list[str] = []
    uid, tzids, tzid, cancelled = "", set(), "", False
    for line, written in _logical_lines(ics.decode("utf-8")):
        upper = line.upper()
        if upper.startswith("BEGIN:"):
            stack.append(upper[6:])
            if len(stack) == 2:
                block, uid, tzids, tzid, cancelled = [], "", set(), "", False
        if len(stack) >= 2:
            block.append(written)
            if len(stack) == 2:
                name = upper.split(":", 1)[0].split(";", 1)[0]
                if name == "UID":
                    uid = line.split(":", 1)[1]
                elif name == "TZID":
                    tzid = line.split(":", 1)[1]
                elif name == "STATUS":
                    cancelled = upper.endswith(":CANCELLED")
            tzids.update(t.strip('"') for t in _TZID.findall(line))
        elif len(stack) == 1 and not upper.startswith(("BEGIN:", "END:")):
            if upper.split(":", 1)[0].split(";", 1)[0] not in _CALENDAR_ONLY:
                header.append(written)
        if upper.startswith("END:"):
            if len(stack) == 2:
                if stack[-1] == "VTIMEZONE":
                    zones[tzid] = "".join(block)
                elif stack[-1] == "VEVENT" and not cancelled:
                    events.append((uid, set(tzids), "".join(block)))
            if stack:
                stack.pop()
    head = "BEGIN:VCALENDAR\r\n" + "".join(header)
    return {uid: (head + "".join(zones[z] for z in sorted(tzids) if z in zones) + text
                  + "END:VCALENDAR\r\n").encode("utf-8")
            for uid, tzids, text in events}


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
