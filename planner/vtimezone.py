"""VTIMEZONE components that Google, Outlook, Apple and Thunderbird all read right.

``icalendar`` can generate VTIMEZONEs itself, as DTSTART plus long RDATE
lists; Mozilla's ical.js (Thunderbird) reads only the first RDATE of such a
list and gets later dates wrong. Outlook's import (MS-OXCICAL) expects one
STANDARD and one DAYLIGHT component, each with a yearly RRULE. So:

* when the zone's current rule (the POSIX TZ string at the end of its tzdata
  file, e.g. ``CET-1CEST,M3.5.0,M10.5.0/3``) reproduces every real transition
  around the exported dates, we write that rule as one STANDARD and one
  DAYLIGHT with ``RRULE:FREQ=YEARLY;BYMONTH=..;BYDAY=..``, and a zone without
  DST as a single STANDARD;
* otherwise (Morocco's Ramadan changes, rules with times outside 00:00-24:00
  such as Santiago's ``/24``, a rule that changed within the range) we write
  one component per real transition, each with a plain DTSTART: the form
  every parser reads the same way.

The real transitions come from the standard library's zoneinfo; the
components are built with ``icalendar``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import importlib.resources
import re
from dataclasses import dataclass
from functools import lru_cache
import icalendar

from .timezones import zone as time_zone, zone_file

UTC = dt.timezone.utc
_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class RuleDate:
    """POSIX ``Mm.w.d/time``: the w-th (5 = last) weekday d (0 = Sunday) of month m, at time."""

    month: int
    week: int
    weekday: int
    seconds: int  # local time of day, in the offset before the change

    def date_in(self, year: int) -> dt.date:
        py_weekday = (self.weekday - 1) % 7  # POSIX 0 = Sunday; Python 0 = Monday
        days = [d for d in range(1, calendar.monthrange(year, self.month)[1] + 1)
                if dt.date(year, self.month, d).weekday() == py_weekday]
        return dt.date(year, self.month, days[-1] if self.week == 5 else days[self.week - 1])

    def byday(self) -> str:
        code = ("SU", "MO", "TU", "WE", "TH", "FR", "SA")[self.weekday]
        return f"{-1 if self.week == 5 else self.week}{code}"


@dataclass(frozen=True)
class PosixRule:
    std_name: str
    std_offset: int  # seconds east of UTC
    dst_name: str | None = None
    dst_offset: int | None = None
    dst_start: RuleDate | None = None
    dst_end: RuleDate | None = None


_NAME = r"(<[^>]+>|[A-Za-z]{3,})"
_OFFSET = r"([+-]?\d{1,2}(?::\d{2}){0,2})"
_POSIX = re.compile(rf"^{_NAME}{_OFFSET}(?:{_NAME}{_OFFSET}?(?:,(M[^,]+),(M[^,]+))?)?$")


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")] + [0, 0]
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


def _rule_date(text: str) -> RuleDate:
    date, _, time = text[1:].partition("/")
    month, week, weekday = (int(x) for x in date.split("."))
    return RuleDate(month, week, weekday, _seconds(time) if time else 7200)


def parse_posix(text: str) -> PosixRule | None:
    """The rule, or None for a form this module does not use (Julian days)."""
    m = _POSIX.match(text)
    if not m:
        return None
    std_name, std, dst_name, dst, start, end = m.groups()
    std_offset = -_seconds(std)  # POSIX offsets are west of UTC
    if not dst_name:
        return PosixRule(std_name.strip("<>"), std_offset)
    if not (start and end):
        return None
    dst_offset = -_seconds(dst) if dst else std_offset + 3600
    return PosixRule(std_name.strip("<>"), std_offset, dst_name.strip("<>"), dst_offset,
                     _rule_date(start), _rule_date(end))


@lru_cache(maxsize=None)
def posix_string(zone: str) -> str:
    """The POSIX TZ string that closes the zone's tzdata file."""
    data = importlib.resources.files("tzdata.zoneinfo").joinpath(*zone.split("/")).read_bytes()
    return data.rstrip(b"\n").rsplit(b"\n", 1)[-1].decode("ascii")


@dataclass(frozen=True)
class Transition:
    at: dt.datetime      # UTC
    before: dt.timedelta  # UTC offsets
    after: dt.timedelta
    daylight: bool       # the new offset is summer time
    name: str


def transitions(zone: str, start: dt.datetime, end: dt.datetime) -> list[Transition]:
    """Every change of UTC offset in [start, end), to the second."""
    tz = time_zone(zone)
    found = []
    t = start
    offset = t.astimezone(tz).utcoffset()
    while t < end:
        nxt = min(t + _DAY, end)
        new = nxt.astimezone(tz).utcoffset()
        if new != offset:
            lo, hi = t, nxt
            while hi - lo > dt.timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                mid = mid.replace(microsecond=0)
                if mid == lo:
                    break
                if mid.astimezone(tz).utcoffset() == offset:
                    lo = mid
                else:
                    hi = mid
            local = hi.astimezone(tz)
            found.append(Transition(hi, offset, new, bool(local.dst()), local.tzname() or ""))
            offset = new
        t = nxt
    return found


def _offset(value: dt.timedelta | int) -> dt.timedelta:
    return value if isinstance(value, dt.timedelta) else dt.timedelta(seconds=value)


def _component(kind, name: str, start_local: dt.datetime, before, after, rrule: dict | None = None):
    comp = icalendar.TimezoneDaylight() if kind == "daylight" else icalendar.TimezoneStandard()
    comp.add("tzname", name)
    comp.add("dtstart", start_local.replace(tzinfo=None))
    comp.add("tzoffsetfrom", _offset(before))
    comp.add("tzoffsetto", _offset(after))
    if rrule:
        comp.add("rrule", rrule)
    return comp


def _predicted(rule: PosixRule, years: range) -> list[tuple[dt.datetime, bool]]:
    """(UTC instant, becomes daylight) of the rule's changes in the given years."""
    out = []
    for year in years:
        for date, seconds_local, before, daylight in (
                (rule.dst_start.date_in(year), rule.dst_start.seconds, rule.std_offset, True),
                (rule.dst_end.date_in(year), rule.dst_end.seconds, rule.dst_offset, False)):
            local = dt.datetime.combine(date, dt.time()) + dt.timedelta(seconds=seconds_local)
            out.append(((local - dt.timedelta(seconds=before)).replace(tzinfo=UTC), daylight))
    return sorted(out)


def vtimezone(zone: str, first: dt.date, last: dt.date) -> icalendar.Timezone:
    """A VTIMEZONE for ``zone`` that is right for every instant from ``first`` to ``last``."""
    tz = icalendar.Timezone()
    tz.add("tzid", zone)
    lo = dt.datetime.combine(first - dt.timedelta(days=400), dt.time(), UTC)
    hi = dt.datetime.combine(last + dt.timedelta(days=400), dt.time(), UTC)
    real = transitions(zone, lo, hi)
    rule = parse_posix(posix_string(zone)) if zone not in ("UTC", "Etc/UTC") else PosixRule("UTC", 0)
    if rule and rule.dst_start is None and not real:
        # No clock changes: one STANDARD, valid for ever.
        offset = dt.timedelta(seconds=rule.std_offset)
        name = lo.astimezone(time_zone(zone)).tzname() or rule.std_name
        tz.add_component(_component("standard", name, dt.datetime(1970, 1, 1), offset, offset))
        return tz
    if rule and rule.dst_start and all(0 <= r.seconds < 86400 for r in (rule.dst_start, rule.dst_end)):
        predicted = _predicted(rule, range(lo.year, hi.year + 1))
        predicted = [(at, daylight) for at, daylight in predicted if lo <= at < hi]
        if [(t.at, t.daylight) for t in real] == predicted:
            base = first.year - 1
            std, dst = dt.timedelta(seconds=rule.std_offset), dt.timedelta(seconds=rule.dst_offset)
            for kind, name, when, before, after in (
                    ("daylight", rule.dst_name, rule.dst_start, std, dst),
                    ("standard", rule.std_name, rule.dst_end, dst, std)):
                local = dt.datetime.combine(when.date_in(base), dt.time()) + dt.timedelta(seconds=when.seconds)
                tz.add_component(_component(kind, name, local, before, after,
                                            {"freq": "yearly", "bymonth": when.month, "byday": when.byday()}))
            return tz
    # One observance per real change, each a plain DTSTART.
    start = dt.datetime.combine(first - dt.timedelta(days=1), dt.time(), UTC)
    earlier = [t for t in real if t.at <= start]
    now = start.astimezone(time_zone(zone))
    if earlier:
        t = earlier[-1]
        tz.add_component(_component("daylight" if t.daylight else "standard", t.name, t.at + t.before,
                                    t.before, t.after))
    else:
        offset = now.utcoffset()
        tz.add_component(_component("daylight" if now.dst() else "standard", now.tzname() or "", dt.datetime(1970, 1, 1),
                                    offset, offset))
    for t in real:
        if t.at > start:
            tz.add_component(_component("daylight" if t.daylight else "standard", t.name, t.at + t.before,
                                        t.before, t.after))
    return tz
