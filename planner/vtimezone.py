"""VTIMEZONE components that every calendar reader gets right, from the plan's own tzdata.

A VTIMEZONE covers whole years: the exported years and one on each side. Three forms:

* **rules** (most zones today): when the zone's current rule, the POSIX TZ string that
  closes its tzdata file (``CET-1CEST,M3.5.0,M10.5.0/3``), gives every real change in
  those years, one DAYLIGHT and one STANDARD with ``RRULE:FREQ=YEARLY;BYMONTH=..;BYDAY=..``,
  as Outlook's import expects (MS-OXCICAL). The rules start in 1970, so that a reader
  that checks a VTIMEZONE against 2000-2020 (vobject, inside the Radicale server) sees
  the zone's clock changes and does not swap in its own old data, and they end with
  ``UNTIL`` in 2100, so that readers that stop open rules at 2038 (icalendar's
  VTIMEZONE mode, pytz) still expand them to the end of the supported years;
* **fixed**: a zone without clock changes in those years, whose current rule has none
  either: one STANDARD from 1970;
* **changes**: anything else (Morocco's Ramadan changes, rules at 24:00 such as
  Santiago's, a rule that changed in those years, past years): one observance per real
  change, each a plain DTSTART, the form every reader takes the same way. No RDATE
  lists: ical.js reads only their first date.

TZIDs. The first two forms are the same in every export made with the same tzdata, so
their TZID is the zone's IANA name (``Europe/Zurich``): Google, Apple and Outlook show
that name. A *changes* VTIMEZONE depends on the years it covers, and a reader that
caches VTIMEZONEs by TZID (vobject keeps the first one it saw for the life of the
process) would apply one file's changes to another file's years; so it gets a TZID of
its own, ``/rep-planner/tzdata-2026f/2026-2028/Africa/Casablanca`` (RFC 5545 3.8.3.1's
globally unique form: a leading ``/``, then the data release and years that make its
content, then the IANA name). Readers still name the zone: libical (Evolution) shows
``X-LIC-LOCATION``, written in every VTIMEZONE; ical.js (Thunderbird) and icalendar show
the TZID, which ends with the IANA name; each observance's TZNAME is the zone's own
abbreviation (``+01``, ``CEST``), what clients print next to a time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .ics_text import content_line, offset_text, local_text
from .timezones import tzdata_version, zone as time_zone, zone_file

UTC = dt.timezone.utc
_DAY = dt.timedelta(days=1)
FIRST_RULE_YEAR = 1970   # rules and fixed offsets start here (vobject's check looks at 2000-2020)
RULES_UNTIL = dt.datetime(2100, 12, 31, 23, 59, 59, tzinfo=UTC)  # past the last supported week
VOBJECT_CHECK = (dt.datetime(2000, 1, 1), dt.datetime(2020, 1, 1))  # the years vobject compares with UTC


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
    return zone_file(zone).rstrip(b"\n").rsplit(b"\n", 1)[-1].decode("ascii")


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


@dataclass(frozen=True)
class Observance:
    """One STANDARD or DAYLIGHT: from ``start`` (local time in the offset ``before``) on."""

    daylight: bool
    name: str
    start: dt.datetime  # naive local
    before: dt.timedelta
    after: dt.timedelta
    rule: RuleDate | None = None  # repeats yearly (until RULES_UNTIL)

    def lines(self) -> list[str]:
        kind = "DAYLIGHT" if self.daylight else "STANDARD"
        out = [f"BEGIN:{kind}", content_line("TZNAME", self.name), f"DTSTART:{local_text(self.start)}",
               f"TZOFFSETFROM:{offset_text(self.before)}", f"TZOFFSETTO:{offset_text(self.after)}"]
        if self.rule:
            out.append(f"RRULE:FREQ=YEARLY;UNTIL={RULES_UNTIL:%Y%m%dT%H%M%SZ};BYMONTH={self.rule.month};"
                       f"BYDAY={self.rule.byday()}")
        out.append(f"END:{kind}")
        return out


@dataclass(frozen=True)
class ZoneBlock:
    """A VTIMEZONE: the TZID events refer to, and its text (CRLF lines)."""

    zone: str
    tzid: str
    form: str  # "rules", "fixed" or "changes"
    observances: tuple[Observance, ...]

    @property
    def text(self) -> str:
        lines = ["BEGIN:VTIMEZONE", content_line("TZID", self.tzid), content_line("X-LIC-LOCATION", self.zone)]
        for observance in self.observances:
            lines += observance.lines()
        lines.append("END:VTIMEZONE")
        return "".join(line + "\r\n" for line in lines)

    def looks_like_utc_to_vobject(self) -> bool:
        """vobject keeps a VTIMEZONE only if it differs from UTC in 2000-2020: an offset at the
        start of 2000, or summer time in those years. Otherwise it looks the TZID up in pytz."""
        first, last = VOBJECT_CHECK
        before = [o for o in self.observances if o.start <= first]
        at_start = before[-1] if before else next((o for o in self.observances if not o.daylight),
                                                  self.observances[0])
        if at_start.after or at_start.daylight:
            return False
        for i, o in enumerate(self.observances):
            until = self.observances[i + 1].start if i + 1 < len(self.observances) else dt.datetime.max
            if o.daylight and (o.rule or (o.start < last and until > first)):
                return False
        return True


def _predicted(rule: PosixRule, years: range) -> list[tuple[dt.datetime, dt.timedelta, dt.timedelta, bool]]:
    """(UTC instant, offset before, offset after, becomes daylight) of the rule's changes."""
    std, dst = dt.timedelta(seconds=rule.std_offset), dt.timedelta(seconds=rule.dst_offset)
    out = []
    for year in years:
        for when, before, after, daylight in ((rule.dst_start, std, dst, True), (rule.dst_end, dst, std, False)):
            local = dt.datetime.combine(when.date_in(year), dt.time()) + dt.timedelta(seconds=when.seconds)
            out.append(((local - before).replace(tzinfo=UTC), before, after, daylight))
    return sorted(out)


def _local(instant: dt.datetime, offset: dt.timedelta) -> dt.datetime:
    return (instant + offset).replace(tzinfo=None)


def _changes(zone: str, lo: dt.datetime, hi: dt.datetime) -> tuple[Observance, ...]:
    """One observance for the clock at ``lo``, then one per real change up to ``hi``."""
    now = lo.astimezone(time_zone(zone))
    offset = now.utcoffset()
    out = [Observance(bool(now.dst()), now.tzname() or "", _local(lo, offset), offset, offset)]
    out += [Observance(t.daylight, t.name, _local(t.at, t.before), t.before, t.after)
            for t in transitions(zone, lo, hi)]
    return tuple(out)


def _steady(zone: str, lo: dt.datetime, hi: dt.datetime) -> ZoneBlock | None:
    """The rules or fixed form, if the zone's current rule gives its clock over [lo, hi)."""
    real = transitions(zone, lo, hi)
    rule = PosixRule("UTC", 0) if zone in ("UTC", "Etc/UTC") else parse_posix(posix_string(zone))
    if rule is None:
        return None
    at_lo = lo.astimezone(time_zone(zone))
    if rule.dst_start is None:
        offset = dt.timedelta(seconds=rule.std_offset)
        if real or at_lo.utcoffset() != offset:
            return None
        return ZoneBlock(zone, zone, "fixed", (Observance(False, at_lo.tzname() or rule.std_name,
                                                          dt.datetime(FIRST_RULE_YEAR, 1, 1), offset, offset),))
    if not all(0 <= r.seconds < 86400 for r in (rule.dst_start, rule.dst_end)):
        return None  # a change at 24:00 or later (Santiago's /24) has no BYDAY form
    predicted = [p for p in _predicted(rule, range(lo.year, hi.year + 1)) if lo <= p[0] < hi]
    if [(t.at, t.before, t.after, t.daylight) for t in real] != predicted:
        return None
    std, dst = dt.timedelta(seconds=rule.std_offset), dt.timedelta(seconds=rule.dst_offset)
    return ZoneBlock(zone, zone, "rules", tuple(
        Observance(daylight, name, dt.datetime.combine(when.date_in(FIRST_RULE_YEAR), dt.time())
                   + dt.timedelta(seconds=when.seconds), before, after, when)
        for daylight, name, when, before, after in ((True, rule.dst_name, rule.dst_start, std, dst),
                                                    (False, rule.std_name, rule.dst_end, dst, std))))


def _changes_block(zone: str, lo: dt.datetime, hi: dt.datetime) -> ZoneBlock:
    """The changes form over [lo, hi), with a TZID of its own (see the module's docstring).

    One that would look like UTC to vobject is stretched over 2000-2020 with the zone's real
    changes of those years (London in 1985; Casablanca, on +00 for good from 2026, had
    summer time until then). One that still does keeps the zone's name: vobject then reads
    it with pytz's copy of the same zone, which has those years right."""
    block = ZoneBlock(zone, zone, "changes", _changes(zone, lo, hi))
    if block.looks_like_utc_to_vobject():
        lo2, hi2 = min(lo, dt.datetime(2000, 1, 1, tzinfo=UTC)), max(hi, dt.datetime(2020, 1, 1, tzinfo=UTC))
        stretched = ZoneBlock(zone, zone, "changes", _changes(zone, lo2, hi2))
        if stretched.looks_like_utc_to_vobject():
            return block
        lo, hi, block = lo2, hi2, stretched
    return ZoneBlock(zone, f"/rep-planner/tzdata-{tzdata_version()}/{lo.year}-{hi.year - 1}/{zone}", "changes",
                     block.observances)


@lru_cache(maxsize=4096)
def zone_block(zone: str, first_year: int, last_year: int) -> ZoneBlock:
    """The VTIMEZONE for events of ``zone`` from ``first_year`` to ``last_year``: it covers
    those years and one on each side."""
    lo = dt.datetime(first_year - 1, 1, 1, tzinfo=UTC)
    hi = dt.datetime(last_year + 2, 1, 1, tzinfo=UTC)
    steady = _steady(zone, lo, hi)
    if steady and not steady.looks_like_utc_to_vobject():
        return steady
    changes = _changes_block(zone, lo, hi)
    if steady and changes.looks_like_utc_to_vobject():
        return steady  # on UTC+0 for good (Abidjan): vobject takes pytz's copy, right in any year
    return changes


def vtimezone(zone: str, first: dt.date, last: dt.date) -> ZoneBlock:
    """The VTIMEZONE for events of ``zone`` from ``first`` to ``last`` (whole years, cached)."""
    return zone_block(zone, first.year, last.year)
