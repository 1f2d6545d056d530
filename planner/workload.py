"""Workload rules: who is heading for burnout, and which rule says so.

The rules look at a rep's *planned time*: their declared working hours plus any
block scheduled outside them, on the rep's wall clock. Work belongs to the
local date on which it starts (a night shift belongs to its evening). Each
flag carries the rule's id, a severity, the measured value, the threshold it
crossed, the days concerned and a one-line source. Thresholds come from a
preset per rep (``eu-wtd`` by default) and can be overridden in the scenario.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from typing import Mapping, Sequence

from .errors import ValidationError
from .hours import parse_hours
from .overlap import from_minute, merge, side_minutes, to_minute, week_window
from .timezones import add_weeks, in_zone, local_to_utc

SEVERITY_ORDER = {"critical": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Thresholds:
    """The numbers the rules compare against (hours unless said otherwise)."""

    weekly_info: float | None = None   # a line worth knowing about (US overtime pay at 40 h)
    weekly_warning: float = 48         # warning above this
    weekly_critical: float = 55        # critical at this and above
    average_weekly: float = 48         # rolling average, warning above
    daily_rest: float = 11             # at least this much rest between working days
    weekly_rest: float = 35            # 24 h + 11 h uninterrupted in each 7 days
    daily_span: float = 13             # first start to last end
    night_start: str = "23:00"         # local night window
    night_end: str = "06:00"
    split_gap: float = 1               # a gap this long splits a day...
    split_span: float = 12             # ...and it counts when the day spans more than this
    daily_hours: float = 10

    def override(self, changes: Mapping[str, object]) -> "Thresholds":
        known = {f.name for f in fields(self)}
        for key, value in changes.items():
            if key not in known:
                raise ValidationError(f"thresholds.{key}", value, "unknown threshold; known: " + ", ".join(sorted(known)))
            if key.startswith("night_"):
                try:
                    parse_hours(f"Mon {value}-12:00" if key == "night_start" else f"Mon 12:00-{value}")
                except ValidationError:
                    raise ValidationError(f"thresholds.{key}", value, "a time like 23:00") from None
            elif value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0):
                raise ValidationError(f"thresholds.{key}", value, "must be a number of hours, 0 or more")
        return replace(self, **changes)


PRESETS = {
    "eu-wtd": Thresholds(),
    "who-ilo": Thresholds(weekly_warning=48),
    "ch-arg": Thresholds(weekly_warning=45, daily_span=14),
    "us-flsa": Thresholds(weekly_info=40),
}

SOURCES = {
    "weekly_hours": "EU Working Time Directive 2003/88/EC Art. 6 (48 h); WHO/ILO 2021: 55 h+ carries a 35% higher "
                    "stroke risk than 35-40 h",
    "weekly_hours/ch-arg": "Swiss Labour Act (ArG) Art. 9: 45 h maximum week for office staff; WHO/ILO 2021: 55 h+",
    "weekly_hours/us-flsa": "US Fair Labor Standards Act: overtime pay above 40 h; EU WTD 48 h; WHO/ILO 2021: 55 h+",
    "average_weekly_hours": "EU Working Time Directive 2003/88/EC Art. 6 and 16: 48 h average over up to 4 months",
    "daily_rest": "EU Working Time Directive 2003/88/EC Art. 3: 11 consecutive hours of rest in every 24 h",
    "weekly_rest": "EU Working Time Directive 2003/88/EC Art. 5: 24 h uninterrupted rest plus the 11 h daily rest "
                   "in every 7 days",
    "daily_span": "EU WTD Art. 3: 11 h of daily rest leave at most 13 h from first start to last end",
    "daily_span/ch-arg": "Swiss Labour Act (ArG) Art. 10: day and evening work within 14 h",
    "night_work": "EU Working Time Directive 2003/88/EC Art. 2: night time includes 00:00-05:00 (23:00-06:00 in "
                  "the UK and Switzerland)",
    "split_shift": "A day in parts spread over more than 12 h leaves less than the 11 h rest of EU WTD Art. 3; "
                   "quick returns cost sleep (Vedaa et al.; Oster et al. 2024)",
    "daily_hours": "German Working Hours Act (ArbZG) s. 3: 8 h a day, 10 h at most",
}


@dataclass(frozen=True)
class WorkloadFlag:
    rule: str
    severity: str       # info | warning | critical
    value: float
    threshold: float
    days: tuple[str, ...]  # ISO dates, the rep's local calendar
    source: str
    message: str


def thresholds_for(preset: str, overrides: Mapping[str, object] | None = None) -> Thresholds:
    base = PRESETS[preset]
    return base.override(overrides) if overrides else base


def _source(rule: str, preset: str) -> str:
    return SOURCES.get(f"{rule}/{preset}", SOURCES[rule])


def _hm(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _days(spans: Sequence[tuple[int, int]], tz: str) -> dict[dt.date, list[tuple[int, int]]]:
    """Spans grouped by the local date on which they start."""
    days: dict[dt.date, list[tuple[int, int]]] = {}
    for start, end in spans:
        days.setdefault(in_zone(from_minute(start), tz).date(), []).append((start, end))
    return days


def _night_minutes(start: int, end: int, tz: str, t: Thresholds) -> int:
    night_start, night_end = _hm(t.night_start), _hm(t.night_end)
    total = 0
    first = in_zone(from_minute(start), tz).date() - dt.timedelta(days=1)
    last = in_zone(from_minute(end), tz).date()
    day = first
    while day <= last:
        lo = to_minute(local_to_utc(day, night_start, tz))
        hi = to_minute(local_to_utc(day, night_end + (1440 if night_end <= night_start else 0), tz))
        total += max(0, min(end, hi) - max(start, lo))
        day += dt.timedelta(days=1)
    return total


def check_week(spans: Sequence[tuple[int, int]], tz: str, year: int, week: int, preset: str = "eu-wtd",
               thresholds: Thresholds | None = None) -> list[WorkloadFlag]:
    """Flags for one ISO week of planned time.

    ``spans`` are epoch-minute spans of planned time; include the weeks around
    ``week`` so that rest across its edges is measured (flags name only days of
    ``week`` itself).
    """
    t = thresholds or PRESETS[preset]
    lo, hi = week_window(tz, year, week)
    spans = merge(spans)
    first_day = in_zone(from_minute(lo), tz).date()
    in_week = lambda d: first_day <= d < first_day + dt.timedelta(days=7)  # noqa: E731
    days = _days(spans, tz)
    flags: list[WorkloadFlag] = []

    def flag(rule, severity, value, threshold, dates, message):
        flags.append(WorkloadFlag(rule, severity, round(value, 2), threshold,
                                  tuple(d.isoformat() for d in dates), _source(rule, preset), message))

    total = sum(max(0, min(e, hi) - max(s, lo)) for s, e in spans) / 60
    week_days = sorted(d for d in days if in_week(d))
    if total >= t.weekly_critical:
        flag("weekly_hours", "critical", total, t.weekly_critical, week_days,
             f"{total:g} h planned this week: {t.weekly_critical:g} h or more is a health risk")
    elif total > t.weekly_warning:
        flag("weekly_hours", "warning", total, t.weekly_warning, week_days,
             f"{total:g} h planned this week, above the {t.weekly_warning:g} h limit")
    elif t.weekly_info is not None and total > t.weekly_info:
        flag("weekly_hours", "info", total, t.weekly_info, week_days,
             f"{total:g} h planned this week, above the {t.weekly_info:g} h overtime line")

    night_days, night_total = [], 0
    for day in week_days:
        parts = days[day]
        worked = sum(e - s for s, e in parts) / 60
        span = (max(e for _, e in parts) - min(s for s, _ in parts)) / 60
        if worked > t.daily_hours:
            flag("daily_hours", "warning", worked, t.daily_hours, [day],
                 f"{worked:g} h of work on {day:%a %d %b}, above {t.daily_hours:g} h")
        if span > t.daily_span:
            flag("daily_span", "warning", span, t.daily_span, [day],
                 f"{span:g} h from first start to last end on {day:%a %d %b}, above {t.daily_span:g} h")
        gaps = [(b[0] - a[1]) / 60 for a, b in zip(parts, parts[1:])]
        if any(g >= t.split_gap for g in gaps) and span > t.split_span:
            flag("split_shift", "warning", span, t.split_span, [day],
                 f"{day:%a %d %b} is split in {len(parts)} parts over {span:g} h")
        night = sum(_night_minutes(s, e, tz, t) for s, e in parts)
        if night:
            night_days.append(day)
            night_total += night
    if night_days:
        flag("night_work", "warning", night_total / 60, 0, night_days,
             f"{night_total / 60:g} h of work between {t.night_start} and {t.night_end} on {len(night_days)} day(s)")

    ordered = sorted(days)
    for before, after in zip(ordered, ordered[1:]):
        if not (in_week(before) or in_week(after)):
            continue
        rest = (min(s for s, _ in days[after]) - max(e for _, e in days[before])) / 60
        if rest < t.daily_rest:
            flag("daily_rest", "warning", rest, t.daily_rest, [before, after],
                 f"{rest:g} h of rest between {before:%a %d %b} and {after:%a %d %b}, less than {t.daily_rest:g} h")

    # The longest uninterrupted rest touching this week, however far it reaches outside it.
    edges = [lo - 7 * 1440] + [x for s, e in spans for x in (s, e)] + [hi + 7 * 1440]
    rests = [(edges[i + 1] - edges[i]) for i in range(0, len(edges) - 1, 2)
             if edges[i + 1] > lo and edges[i] < hi]
    longest = max(rests, default=0) / 60
    if longest < t.weekly_rest:
        flag("weekly_rest", "warning", longest, t.weekly_rest, week_days,
             f"the longest rest this week is {longest:g} h, less than {t.weekly_rest:g} h")
    flags.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.rule, f.days))
    return flags


def average_flag(weekly_hours: Sequence[float], weeks: Sequence[str], preset: str,
                 t: Thresholds) -> WorkloadFlag | None:
    """``average_weekly_hours`` over the reference weeks, if above the threshold."""
    if len(weekly_hours) < 2:
        return None
    average = sum(weekly_hours) / len(weekly_hours)
    if average <= t.average_weekly:
        return None
    return WorkloadFlag("average_weekly_hours", "warning", round(average, 2), t.average_weekly, tuple(weeks),
                        _source("average_weekly_hours", preset),
                        f"{average:g} h a week on average over {len(weekly_hours)} weeks, above {t.average_weekly:g} h")


def declared_spans(rep, year: int, week: int, *, holidays: bool = True, around: int = 1) -> list[tuple[int, int]]:
    """The rep's declared working time in the week and ``around`` weeks either side."""
    spans = []
    for delta in range(-around, around + 1):
        y, w = add_weeks(year, week, delta)
        spans += side_minutes(rep.side, y, w, week_window(rep.timezone, y, w), holidays=holidays)
    return spans
