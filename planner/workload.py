"""Workload rules: who is heading for burnout, and which rule says so.

The rules look at a rep's *working time* (:mod:`planner.working_time`): their
declared hours less holidays and the lunch break the scheduler keeps free, plus
any block scheduled outside them, on the rep's wall clock. A working day (its
span, its parts, the rest after it) belongs to the local date on which it
starts (a night shift belongs to its evening); hours of work are counted on the
calendar days they fall on, split at local midnight. Work the scheduler could
not place at all is flagged too (``unplaced_work``). Each
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
from .i18n import N_, _, day, ngettext, number, percent
from .overlap import from_minute, merge, to_minute, week_window
from .schedule import unplaced_hours
from .timezones import format_week, in_zone, local_to_utc

SEVERITY_ORDER = {"critical": 0, "warning": 1, "info": 2}
# A severity as a person reads it (a flag keeps its code, as --json shows it).
SEVERITY_LABELS = {"critical": N_("CRITICAL"), "warning": N_("WARNING"), "info": N_("INFO")}


def severity_label(severity: str) -> str:
    """``CRITICAL`` (``CRITIQUE`` in French) for ``critical``."""
    return _(SEVERITY_LABELS[severity]) if severity in SEVERITY_LABELS else severity.upper()


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
                raise ValidationError(f"thresholds.{key}", value, _("unknown threshold; known: {known}").format(
                    known=", ".join(sorted(known))))
            if key.startswith("night_"):
                try:
                    parse_hours(f"Mon {value}-12:00" if key == "night_start" else f"Mon 12:00-{value}")
                except ValidationError:
                    raise ValidationError(f"thresholds.{key}", value, _("a time like 23:00")) from None
            elif value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0):
                raise ValidationError(f"thresholds.{key}", value, _("must be a number of hours, 0 or more"))
        return replace(self, **changes)


PRESETS = {
    "eu-wtd": Thresholds(),
    "who-ilo": Thresholds(weekly_warning=48),
    "ch-arg": Thresholds(weekly_warning=45, daily_span=14),
    "us-flsa": Thresholds(weekly_info=40),
}

SOURCES = {
    "weekly_hours": N_("EU Working Time Directive 2003/88/EC Art. 6 (48 h); WHO/ILO 2021: 55 h+ carries a {stroke} higher "
                    "stroke risk than 35-40 h"),
    "weekly_hours/ch-arg": N_("Swiss Labour Act (ArG) Art. 9: 45 h maximum week for office staff; WHO/ILO 2021: 55 h+"),
    "weekly_hours/us-flsa": N_("US Fair Labor Standards Act: overtime pay above 40 h; EU WTD 48 h; WHO/ILO 2021: 55 h+"),
    "average_weekly_hours": N_("EU Working Time Directive 2003/88/EC Art. 6 and 16: 48 h average over up to 4 months"),
    "daily_rest": N_("EU Working Time Directive 2003/88/EC Art. 3: 11 consecutive hours of rest in every 24 h"),
    "weekly_rest": N_("EU Working Time Directive 2003/88/EC Art. 5: 24 h uninterrupted rest plus the 11 h daily rest "
                   "in every 7 days"),
    "daily_span": N_("EU WTD Art. 3: 11 h of daily rest leave at most 13 h from first start to last end"),
    "daily_span/ch-arg": N_("Swiss Labour Act (ArG) Art. 10: day and evening work within 14 h"),
    "night_work": N_("EU Working Time Directive 2003/88/EC Art. 2: night time includes 00:00-05:00 (23:00-06:00 in "
                  "the UK and Switzerland)"),
    "split_shift": N_("A day in parts spread over more than 12 h leaves less than the 11 h rest of EU WTD Art. 3; "
                   "quick returns cost sleep (Vedaa et al.; Oster et al. 2024)"),
    "weekly_hours/who-ilo": N_("WHO/ILO joint estimates 2021 (Pega et al., Environment International 154:106595): "
                            "55 h or more a week carries a {stroke} higher risk of stroke and a {heart} higher risk of "
                            "dying of ischaemic heart disease than 35-40 h; the review's bands: 41-48, 49-54, 55+ h"),
    "average_weekly_hours/who-ilo": N_("WHO/ILO 2021 (Pega et al., Environment International 154:106595), whose "
                                    "review used the bands 41-48, 49-54 and 55+ h a week; ILO Conventions C1 and "
                                    "C30: 48 h a week"),
    "daily_hours": N_("German Working Hours Act (ArbZG) s. 3: 8 h a day, 10 h at most"),
    "unplaced_work": N_("Work that does not fit in the rep's working hours does not go away: it ends up in evenings "
                     "and weekends, or it is dropped and the market goes unserved. The week as planned is not "
                     "the week that will be worked."),
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
    week: str = ""      # the ISO week the flag is about ("2027-W11", or "2027-W11..2027-W14" for an average)


def thresholds_for(preset: str, overrides: Mapping[str, object] | None = None) -> Thresholds:
    base = PRESETS[preset]
    return base.override(overrides) if overrides else base


def _source(rule: str, preset: str) -> str:
    # The risks are figures, written as the reader writes a percentage (and kept out of the
    # catalogue's text, where a "%" would read as a Python format).
    text = _(SOURCES.get(f"{rule}/{preset}", SOURCES[rule]))
    return text.format(stroke=percent(0.35), heart=percent(0.17)) if "{" in text else text


def _hm(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _hours_by_date(spans: Sequence[tuple[int, int]], tz: str) -> dict[dt.date, int]:
    """Minutes of work on each local calendar date: a span past midnight counts on each day it covers."""
    minutes: dict[dt.date, int] = {}
    for start, end in spans:
        day = in_zone(from_minute(start), tz).date()
        while True:
            midnight = to_minute(local_to_utc(day + dt.timedelta(days=1), 0, tz))
            part_end = min(end, midnight)
            if part_end > start:
                minutes[day] = minutes.get(day, 0) + part_end - start
            if end <= midnight:
                break
            start, day = midnight, day + dt.timedelta(days=1)
    return minutes


def _days(spans: Sequence[tuple[int, int]], tz: str) -> dict[dt.date, list[tuple[int, int]]]:
    """Spans grouped into working days, by the local date on which they start.

    A working day runs at most to the end of the day after the one it began on (to the next
    midnight when it began at midnight): a night shift belongs to its evening, but a stretch
    worked round the clock is a working day on each date it covers, not one day a week long.
    """
    days: dict[dt.date, list[tuple[int, int]]] = {}
    for start, end in spans:
        while start < end:
            local = in_zone(from_minute(start), tz)
            day = local.date()
            at_midnight = (local.hour, local.minute) == (0, 0)
            cut = to_minute(local_to_utc(day + dt.timedelta(days=1 if at_midnight else 2), 0, tz))
            days.setdefault(day, []).append((start, min(end, cut)))
            start = cut
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
               thresholds: Thresholds | None = None, unplaced: Sequence = ()) -> list[WorkloadFlag]:
    """Flags for one ISO week of working time.

    ``spans`` are epoch-minute spans of working time; include the weeks around
    ``week`` so that rest across its edges is measured (flags name only days of
    ``week`` itself). ``unplaced`` are the blocks the scheduler could not place
    (:class:`planner.schedule.Unplaced`), for the ``unplaced_work`` rule.
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
                                  tuple(d.isoformat() for d in dates), _source(rule, preset), message,
                                  format_week(year, week)))

    total = sum(max(0, min(e, hi) - max(s, lo)) for s, e in spans) / 60
    week_days = sorted(d for d in days if in_week(d))
    if total >= t.weekly_critical:
        flag("weekly_hours", "critical", total, t.weekly_critical, week_days,
             _("{hours} h planned this week: {limit} h or more is a health risk").format(
                 hours=number(total), limit=number(t.weekly_critical)))
    elif total > t.weekly_warning:
        flag("weekly_hours", "warning", total, t.weekly_warning, week_days,
             _("{hours} h planned this week, above the {limit} h limit").format(
                 hours=number(total), limit=number(t.weekly_warning)))
    elif t.weekly_info is not None and total > t.weekly_info:
        flag("weekly_hours", "info", total, t.weekly_info, week_days,
             _("{hours} h planned this week, above the {limit} h overtime line").format(
                 hours=number(total), limit=number(t.weekly_info)))

    for date, minutes in sorted(_hours_by_date(spans, tz).items()):
        worked = minutes / 60
        if in_week(date) and worked > t.daily_hours:
            flag("daily_hours", "warning", worked, t.daily_hours, [date],
                 _("{hours} h of work on {day}, above {limit} h").format(
                     hours=number(worked), day=day(date), limit=number(t.daily_hours)))
    night_days, night_total = [], 0
    for date in week_days:
        parts = days[date]
        span = (max(e for _s, e in parts) - min(s for s, _e in parts)) / 60
        if span > t.daily_span:
            flag("daily_span", "warning", span, t.daily_span, [date],
                 _("{hours} h from first start to last end on {day}, above {limit} h").format(
                     hours=number(span), day=day(date), limit=number(t.daily_span)))
        gaps = [(b[0] - a[1]) / 60 for a, b in zip(parts, parts[1:])]
        if any(g >= t.split_gap for g in gaps) and span > t.split_span:
            flag("split_shift", "warning", span, t.split_span, [date],
                 _("{day} is split in {parts} parts over {hours} h").format(
                     day=day(date), parts=len(parts), hours=number(span)))
        night = sum(_night_minutes(s, e, tz, t) for s, e in parts)
        if night:
            night_days.append(date)
            night_total += night
    if night_days:
        flag("night_work", "warning", night_total / 60, 0, night_days,
             ngettext("{hours} h of work between {start} and {end} on {days} day(s)",
                      "{hours} h of work between {start} and {end} on {days} day(s)", len(night_days)).format(
                 hours=number(night_total / 60), start=t.night_start, end=t.night_end, days=len(night_days)))

    ordered = sorted(days)
    for before, after in zip(ordered, ordered[1:]):
        if not (in_week(before) or in_week(after)):
            continue
        rest = (min(s for s, _e in days[after]) - max(e for _s, e in days[before])) / 60
        if rest < t.daily_rest:
            flag("daily_rest", "warning", rest, t.daily_rest, [before, after],
                 _("{hours} h of rest between {first} and {second}, less than {limit} h").format(
                     hours=number(rest), first=day(before), second=day(after), limit=number(t.daily_rest)))

    # The longest uninterrupted rest touching this week, however far it reaches outside it.
    edges = [lo - 7 * 1440] + [x for s, e in spans for x in (s, e)] + [hi + 7 * 1440]
    rests = [(edges[i + 1] - edges[i]) for i in range(0, len(edges) - 1, 2)
             if edges[i + 1] > lo and edges[i] < hi]
    longest = max(rests, default=0) / 60
    if longest < t.weekly_rest:
        flag("weekly_rest", "warning", longest, t.weekly_rest, week_days,
             _("the longest rest this week is {hours} h, less than {limit} h").format(
                 hours=number(longest), limit=number(t.weekly_rest)))
    if unplaced:
        flags.append(unplaced_flag(unplaced, preset, format_week(year, week)))
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
                        ngettext("{hours} h a week on average over {weeks} week, above {limit} h",
                                 "{hours} h a week on average over {weeks} weeks, above {limit} h",
                                 len(weekly_hours)).format(hours=number(average), weeks=len(weekly_hours),
                                                           limit=number(t.average_weekly)),
                        f"{weeks[0]}..{weeks[-1]}")


def unplaced_flag(unplaced: Sequence, preset: str = "eu-wtd", week: str = "") -> WorkloadFlag:
    """``unplaced_work``: critical when live work found no place, a warning when only async work did.

    ``unplaced`` are :class:`planner.schedule.Unplaced` blocks; hours count each block
    on the 15-minute grid, as it would be placed. The message names the commonest reasons,
    live work's first.
    """
    live, async_ = unplaced_hours(unplaced, live=True), unplaced_hours(unplaced, live=False)
    kinds = [text.format(hours=number(h)) for h, text in ((live, _("{hours} h of live work")),
                                                          (async_, _("{hours} h of async work"))) if h]
    counts: dict[str, int] = {}
    live_reasons = set()
    for u in unplaced:
        reason = f"{u.market} {u.activity}: {u.reason}"
        counts[reason] = counts.get(reason, 0) + 1
        if u.live:
            live_reasons.add(reason)
    # Live work first: it is what makes the flag critical.
    ordered = sorted(counts.items(), key=lambda item: (item[0] not in live_reasons, -item[1]))
    reasons = "; ".join(r + (ngettext(" ({n} block)", " ({n} blocks)", n).format(n=n) if n > 1 else "")
                        for r, n in ordered[:3])
    if len(ordered) > 3:
        reasons += ngettext("; and {n} more", "; and {n} more", len(ordered) - 3).format(n=len(ordered) - 3)
    blocks = len(unplaced)
    message = ngettext("{blocks} block ({kinds}) could not be placed: {reasons}",
                       "{blocks} blocks ({kinds}) could not be placed: {reasons}", blocks).format(
        blocks=blocks, kinds=", ".join(kinds), reasons=reasons)
    return WorkloadFlag("unplaced_work", "critical" if live else "warning", round(live + async_, 2), 0, (),
                        _source("unplaced_work", preset), message, week)
