"""Busy times from a rep's existing calendar (.ics), for the scheduler to avoid.

Parsed with ``icalendar``; Google's ``X-WR-TIMEZONE`` files are made standard
with ``x-wr-timezone``; recurring events are expanded with
``recurring-ical-events`` inside the requested window only; Windows zone
names (as Outlook writes them) are mapped by ``icalendar``. All-day events
block whole local days of the rep (DTEND exclusive); floating times are the
rep's wall clock. Free (TRANSPARENT) and cancelled events are not busy.

Hostile files end in a :class:`~planner.errors.PlannerError` that names the
line, within bounded time: a size limit, and a cap on expanded instances.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import icalendar
import recurring_ical_events
import x_wr_timezone

from .errors import PlannerError
from .files import read_limited, too_large
from .i18n import N_, _
from .timezones import check_zone, use_for_icalendar, zone as time_zone

UTC = dt.timezone.utc
MAX_BYTES = 8 * 2**20
MAX_INSTANCES = 20_000
SHORTER = N_("export a shorter period")


@dataclass(frozen=True)
class BusyTime:
    start: dt.datetime  # UTC
    end: dt.datetime
    summary: str


def _line_of(lines: list[str], pattern: str) -> int | None:
    for number, line in enumerate(lines, start=1):
        if pattern in line:
            return number
    return None


def _unfolded_lines(text: str) -> list[str]:
    """Physical lines with folding kept as is, for line numbers people can find."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _check_structure(lines: list[str], source: str) -> None:
    stack: list[tuple[str, int]] = []
    first = next((i for i, line in enumerate(lines, 1) if line.strip()), None)
    if first is None:
        raise PlannerError(_("{source}: the file is empty").format(source=source))
    if lines[first - 1].strip().upper() != "BEGIN:VCALENDAR":
        raise PlannerError(_("{source}: line {line}: an iCalendar file starts with BEGIN:VCALENDAR (got {text})").format(
            source=source, line=first, text=repr(lines[first - 1][:40])))
    for number, line in enumerate(lines, start=1):
        upper = line.strip().upper()
        if upper.startswith("BEGIN:"):
            stack.append((upper[6:], number))
        elif upper.startswith("END:"):
            if not stack or stack[-1][0] != upper[4:]:
                expected = f"END:{stack[-1][0]}" if stack else _("nothing")
                raise PlannerError(_("{source}: line {line}: {text} where {expected} was expected").format(
                    source=source, line=number, text=repr(line.strip()[:40]), expected=expected))
            stack.pop()
    if stack:
        name, number = stack[-1]
        raise PlannerError(_("{source}: the file ends before END:{name} (BEGIN:{name} at line {line}); it may be "
                             "truncated").format(source=source, name=name, line=number))


def _as_utc(value, tz: dt.tzinfo) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return (value if value.tzinfo else value.replace(tzinfo=tz)).astimezone(UTC)
    return dt.datetime.combine(value, dt.time(), tz).astimezone(UTC)


def _check_event(event, lines: list[str], source: str) -> None:
    uid = str(event.get("uid", "?"))
    for name in ("dtstart", "dtend"):
        if name not in event:
            if name == "dtstart":
                raise PlannerError(_("{source}: line {line}: event {uid} has no DTSTART").format(
                    source=source, line=_line_of(lines, "UID:" + uid) or "?", uid=repr(uid)))
            continue
        prop = event[name]
        try:
            value = prop.dt
        except Exception:  # icalendar marks a value it could not read as a broken property
            value = None
        try:
            raw = prop.to_ical().decode(errors="replace")
        except Exception:
            raw = str(getattr(prop, "ical_value", "") or "")
        if not isinstance(value, (dt.date, dt.datetime)):
            # Looked up only to name a bad line: a search per event made a 13,712-event file take 72 s.
            line = _line_of(lines, raw) or _line_of(lines, name.upper())
            raise PlannerError(_("{source}: line {line}: {name} of event {uid} is not a date or time ({text})").format(
                source=source, line=line or "?", name=name.upper(), uid=repr(uid), text=repr(raw[:40])))
        tzid = prop.params.get("TZID") if hasattr(prop, "params") else None
        if tzid and isinstance(value, dt.datetime) and value.tzinfo is None:
            raise PlannerError(_("{source}: line {line}: unknown time zone TZID={zone} (no VTIMEZONE in the file and "
                                 "not an IANA or Windows zone name)").format(
                source=source, line=_line_of(lines, "TZID=" + tzid) or "?", zone=repr(tzid)))
    rule = event.get("rrule")
    if rule and str(rule.get("FREQ", [""])[0]).upper() in ("SECONDLY", "MINUTELY"):
        raise PlannerError(_("{source}: line {line}: event {uid} repeats every {unit}; that is not a meeting").format(
            source=source, line=_line_of(lines, "RRULE") or "?", uid=repr(uid), unit=_(N_("second") if str(rule["FREQ"][0]).upper() == "SECONDLY" else N_("minute"))))


def read_busy(data: bytes, *, timezone: str, start: dt.datetime, end: dt.datetime,
              source: str = "calendar") -> list[BusyTime]:
    """Busy intervals between ``start`` and ``end`` (aware datetimes) from .ics bytes."""
    check_zone(timezone, canonical=False)  # the rep's zone, perhaps stored before aliases were refused
    if len(data) > MAX_BYTES:
        raise too_large(source, len(data), MAX_BYTES, N_("a calendar file"), SHORTER)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlannerError(_("{path}: not UTF-8 text (byte {byte})").format(path=source, byte=exc.start)) from None
    lines = _unfolded_lines(text)
    _check_structure(lines, source)
    use_for_icalendar()
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except (ValueError, KeyError, IndexError) as exc:
        detail = str(exc).splitlines()[0][:120]
        raise PlannerError(_("{source}: not a valid iCalendar file ({problem})").format(source=source,
                                                                                          problem=detail)) from None
    tz = time_zone(timezone)
    named = calendar.get("X-WR-TIMEZONE")
    try:
        # The zone is looked up here, in the plan's data (the library would ask the machine's).
        x_wr = icalendar.timezone.tzp.timezone(str(named)) if named is not None else None
        if named is not None and x_wr is None:
            raise ValueError(f"{str(named)[:60]!r} is not a time zone")
        calendar = x_wr_timezone.to_standard(calendar, timezone=x_wr)
    except Exception as exc:  # the library raises whatever its zone lookup raised
        raise PlannerError(_("{source}: X-WR-TIMEZONE cannot be used ({problem})").format(source=source,
                                                                                           problem=exc)) from None
    for event in calendar.walk("VEVENT"):
        _check_event(event, lines, source)
    # RFC 5545: DTEND gives an exact duration, the same for every occurrence. The expansion
    # library adds durations on the wall clock, which is off by the change for an occurrence
    # that spans a DST change, so ends are recomputed from the master event's exact duration.
    exact: dict[str, dt.timedelta] = {}
    modified: set[tuple[str, dt.datetime]] = set()  # instances the file itself changes (RECURRENCE-ID)
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("uid", ""))
        if "recurrence-id" in event:
            modified.add((uid, _as_utc(event["recurrence-id"].dt, tz)))
        elif "dtend" in event:
            exact[uid] = _as_utc(event["dtend"].dt, tz) - _as_utc(event["dtstart"].dt, tz)
    busy = []
    try:
        for count, event in enumerate(recurring_ical_events.of(calendar).between(start, end)):
            if count >= MAX_INSTANCES:
                raise PlannerError(_("{source}: more than {n} busy events between {start} and {end}; import a shorter "
                                     "period").format(source=source, n=MAX_INSTANCES, start=f"{start:%Y-%m-%d}",
                                                      end=f"{end:%Y-%m-%d}"))
            if str(event.get("transp", "OPAQUE")).upper() == "TRANSPARENT":
                continue
            if str(event.get("status", "")).upper() == "CANCELLED":
                continue
            begin = event["dtstart"].dt
            s = _as_utc(begin, tz)
            uid = str(event.get("uid", ""))
            rid = event.get("recurrence-id")
            own = rid is not None and (uid, _as_utc(rid.dt, tz)) in modified
            if isinstance(begin, dt.datetime) and not own and uid in exact:
                e = s + exact[uid]
            else:
                finish = event["dtend"].dt if "dtend" in event else None
                if finish is None:
                    finish = begin + (event["duration"].dt if "duration" in event else
                                      dt.timedelta(days=1) if not isinstance(begin, dt.datetime) else dt.timedelta(0))
                e = _as_utc(finish, tz)
            if e > s:
                busy.append(BusyTime(s, e, str(event.get("summary", ""))))
    except PlannerError:
        raise
    except Exception as exc:  # recurrence expansion of a broken rule
        raise PlannerError(_("{source}: a recurring event cannot be expanded ({problem})").format(
            source=source, problem=str(exc)[:120])) from None
    busy.sort(key=lambda b: (b.start, b.end))
    return busy


def read_busy_file(path, **kwargs) -> list[BusyTime]:
    """Busy times from the .ics file at ``path``; one over the size limit is refused unread."""
    data = read_limited(path, MAX_BYTES, N_("a calendar file"), SHORTER)
    return read_busy(data, source=str(path), **kwargs)
