"""Working-hours notation: ``Mon-Thu 07:00-17:00, 18:00-24:00; Fri 09:00-17:00``.

A week pattern in local wall-clock time. Clauses are separated by ``;``; each
clause is a day list (``Mon-Fri``, ``Sun-Thu``, ``Mon,Wed``) followed by one or
more time ranges separated by ``,``. An end that is not after its start runs
past midnight (``Fri 22:00-02:00`` ends Saturday 02:00); ``24:00`` is allowed
as an end. :func:`parse_hours` and :func:`format_hours` round-trip:
``parse_hours(format_hours(h)) == h`` for every pattern, and canonical text
(what :func:`format_hours` writes) comes back unchanged.
"""

from __future__ import annotations

import functools

import re
from dataclasses import dataclass

from .errors import ValidationError
from .i18n import _

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MINUTES_PER_DAY = 24 * 60
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY

_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_CLAUSE = re.compile(r"^([A-Za-z][A-Za-z ,\-]*?)\s*(\d.*)$")


@dataclass(frozen=True, order=True)
class Shift:
    """One stretch of work that starts on ``day`` (0 = Monday).

    ``start`` and ``end`` are minutes after that day's local midnight; ``end``
    may exceed 1440 for a shift that runs past midnight.
    """

    day: int
    start: int
    end: int

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class WorkingHours:
    """A weekly pattern of shifts in local time, sorted by day and start."""

    shifts: tuple[Shift, ...]

    @property
    def weekly_minutes(self) -> int:
        return sum(s.minutes for s in self.shifts)

    @property
    def weekly_hours(self) -> float:
        return self.weekly_minutes / 60

    @property
    def workdays(self) -> frozenset[int]:
        """Days (0 = Monday) on which at least one shift starts."""
        return frozenset(s.day for s in self.shifts)

    def __str__(self) -> str:
        return format_hours(self)


def _parse_time(text: str, where: str, *, is_end: bool) -> int:
    m = _TIME.match(text.strip())
    if not m:
        raise ValidationError(where, text, _("a time must look like HH:MM, e.g. 09:00"))
    hour, minute = int(m.group(1)), int(m.group(2))
    if minute > 59:
        raise ValidationError(where, text, _("minutes must be 00 to 59"))
    if hour == 24 and minute == 0 and is_end:
        return MINUTES_PER_DAY
    if hour > 23:
        raise ValidationError(where, text, _("a time must be {first} to {last}").format(
            first="00:00", last="24:00" if is_end else "23:59"))
    return hour * 60 + minute


def _parse_day(text: str, where: str) -> int:
    key = text.strip()[:3].capitalize()
    if len(text.strip()) != 3 or key not in DAY_NAMES:
        raise ValidationError(where, text.strip(), _("a day must be one of {days}").format(days=", ".join(DAY_NAMES)))
    return DAY_NAMES.index(key)


def _parse_days(text: str, where: str) -> list[int]:
    days: list[int] = []
    for item in text.split(","):
        item = item.strip()
        if not item:
            raise ValidationError(where, text, _("empty day in the day list"))
        if "-" in item:
            first, _sep, last = item.partition("-")
            a, b = _parse_day(first, where), _parse_day(last, where)
            # A range wraps around the week: Sun-Thu is Sun, Mon, ..., Thu.
            span = (b - a) % 7
            days.extend((a + i) % 7 for i in range(span + 1))
        else:
            days.append(_parse_day(item, where))
    if len(set(days)) != len(days):
        raise ValidationError(where, text, _("a day is listed twice"))
    return days


def parse_hours(text: str) -> WorkingHours:
    """Parse the notation; raise :class:`ValidationError` naming the clause."""
    if isinstance(text, str):
        return _parse_text(text)
    return _parse(text)


@functools.lru_cache(maxsize=4096)
def _parse_text(text: str) -> WorkingHours:
    # A plan repeats a few patterns across hundreds of reps and markets, and loading a plan (a
    # switch of alternatives reads two) parsed each again; WorkingHours is immutable, so sharing is safe.
    return _parse(text)


def _parse(text) -> WorkingHours:
    if not isinstance(text, str) or not text.strip():
        raise ValidationError("hours", text, _("working hours are empty; write e.g. {example}").format(
            example="'Mon-Fri 09:00-17:00'"))
    shifts: list[Shift] = []
    for number, clause in enumerate(text.split(";"), start=1):
        where = _("hours clause {n} ({clause})").format(n=number, clause=repr(clause.strip()))
        clause = clause.strip()
        m = _CLAUSE.match(clause)
        if not m:
            raise ValidationError(where, clause, _("a clause is days then times, e.g. {example}").format(
                example="'Mon-Fri 09:00-17:00'"))
        days = _parse_days(m.group(1), where)
        for rng in m.group(2).split(","):
            start_text, dash, end_text = rng.strip().partition("-")
            if not dash:
                raise ValidationError(where, rng.strip(), _("a time range must look like {example}").format(example="09:00-17:00"))
            start = _parse_time(start_text, where, is_end=False)
            end = _parse_time(end_text, where, is_end=True)
            if end == start:
                raise ValidationError(where, rng.strip(), _("a range cannot end when it starts"))
            if end < start:
                end += MINUTES_PER_DAY  # runs past midnight
            shifts.extend(Shift(day, start, end) for day in days)
    hours = WorkingHours(tuple(sorted(shifts)))
    _check_no_overlap(hours, text)
    return hours


def _check_no_overlap(hours: WorkingHours, text: str) -> None:
    spans = sorted(
        (s.day * MINUTES_PER_DAY + s.start, s.day * MINUTES_PER_DAY + s.end, s) for s in hours.shifts
    )
    # The week is a circle: a Sunday night shift may run into Monday morning.
    if spans:
        first = spans[0]
        spans.append((first[0] + MINUTES_PER_WEEK, first[1] + MINUTES_PER_WEEK, first[2]))
    for (a_start, a_end, a), (b_start, _b_end, b) in zip(spans, spans[1:]):
        if b_start < a_end:
            raise ValidationError(
                "hours", text, _("{first} overlaps {second}").format(first=_describe(a), second=_describe(b))
            )


def _describe(shift: Shift) -> str:
    return f"{DAY_NAMES[shift.day]} {_fmt_time(shift.start)}-{_fmt_time(shift.end)}"


def _fmt_time(minutes: int) -> str:
    if minutes == MINUTES_PER_DAY:
        return "24:00"
    minutes %= MINUTES_PER_DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _fmt_range(shift: Shift) -> str:
    return f"{_fmt_time(shift.start)}-{_fmt_time(shift.end)}"


def _day_runs(days: set[int]) -> list[tuple[int, int]]:
    """Consecutive runs of days on the weekly circle, as (first, length)."""
    if len(days) == 7:
        return [(0, 7)]
    runs = []
    for d in sorted(days):
        if (d - 1) % 7 not in days:  # a run starts where the day before is off
            length = 1
            while (d + length) % 7 in days:
                length += 1
            runs.append((d, length))
    return runs


def _fmt_run(first: int, length: int) -> str:
    if length == 1:
        return DAY_NAMES[first]
    return f"{DAY_NAMES[first]}-{DAY_NAMES[(first + length - 1) % 7]}"


@functools.lru_cache(maxsize=4096)
def format_hours(hours: WorkingHours) -> str:
    """Write the canonical notation: days with the same ranges share a clause."""
    by_day: dict[int, tuple[str, ...]] = {}
    for day in range(7):
        ranges = tuple(_fmt_range(s) for s in hours.shifts if s.day == day)
        if ranges:
            by_day[day] = ranges
    groups: dict[tuple[str, ...], set[int]] = {}
    for day, ranges in by_day.items():
        groups.setdefault(ranges, set()).add(day)
    clauses = []
    for ranges, days in groups.items():
        runs = _day_runs(days)
        clauses.append((runs[0][0], ",".join(_fmt_run(*r) for r in runs) + " " + ", ".join(ranges)))
    return "; ".join(text for _first, text in sorted(clauses))
