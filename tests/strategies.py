"""Hypothesis strategies that aim at the awkward weeks: DST changes, odd offsets."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from planner.hours import WorkingHours, Shift

ZONES = [
    "America/New_York", "America/Los_Angeles", "America/Sao_Paulo", "America/Santiago", "Europe/London",
    "Europe/Zurich", "Africa/Casablanca", "Asia/Riyadh", "Asia/Dubai", "Asia/Kolkata", "Asia/Kathmandu",
    "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Auckland",
    "Pacific/Chatham", "UTC",
]

# Zones that show the same wall clock at every instant in 2026-2030.
EQUIVALENT = {
    "Europe/Zurich": "Europe/Berlin", "America/New_York": "America/Toronto", "Asia/Kolkata": "Asia/Calcutta",
    "Asia/Kathmandu": "Asia/Katmandu", "Australia/Sydney": "Australia/Melbourne",
    "Pacific/Auckland": "Antarctica/McMurdo", "Asia/Tokyo": "Etc/GMT-9", "Asia/Dubai": "Etc/GMT-4",
    "UTC": "Etc/UTC", "Asia/Singapore": "Asia/Kuala_Lumpur", "Europe/London": "Europe/Jersey",
    "Pacific/Chatham": "NZ-CHAT", "America/Los_Angeles": "US/Pacific", "Asia/Riyadh": "Asia/Aden",
}


@lru_cache(maxsize=None)
def transition_weeks(zone: str) -> tuple[tuple[int, int], ...]:
    """ISO weeks of 2026-2030 in which ``zone`` changes its UTC offset, with their neighbours."""
    tz, weeks = ZoneInfo(zone), set()
    day = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone.utc)
    previous = day.astimezone(tz).utcoffset()
    while day.year <= 2030:
        day += dt.timedelta(days=1)
        offset = day.astimezone(tz).utcoffset()
        if offset != previous:
            for delta in (-7, 0, 7):
                iso = (day + dt.timedelta(days=delta)).isocalendar()
                weeks.add((iso[0], iso[1]))
        previous = offset
    return tuple(sorted(weeks))


def weeks_near_transitions(zone: str):
    near = transition_weeks(zone)
    random_week = st.builds(lambda d: d.isocalendar()[:2], st.dates(dt.date(2026, 1, 5), dt.date(2030, 12, 20)))
    return st.sampled_from(near) | random_week if near else random_week


@st.composite
def working_hours(draw, *, allow_overnight: bool = True) -> WorkingHours:
    """1 to 7 days, each with 1 or 2 non-overlapping shifts on a 15-minute grid."""
    days = draw(st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True))
    # Times near 00:00-04:00 hit the DST changes, which most zones make at night.
    quarter = st.integers(0, 95)
    shifts = []
    for day in sorted(days):
        start = draw(quarter) * 15
        length = draw(st.integers(1, 48)) * 15
        end = start + length
        if not allow_overnight:
            end = min(end, 1440)
            if end <= start:
                continue
        shifts.append(Shift(day, start, end))
    # Drop shifts that would run into the next one (the parser refuses those).
    kept, last_end = [], None
    for s in sorted(shifts):
        absolute = (s.day * 1440 + s.start, s.day * 1440 + s.end)
        if last_end is not None and absolute[0] < last_end:
            continue
        kept.append(s)
        last_end = absolute[1]
    if kept and kept[-1].day * 1440 + kept[-1].end > 7 * 1440 + kept[0].day * 1440 + kept[0].start:
        kept.pop()
    if not kept:
        kept = [Shift(days[0], 9 * 60, 17 * 60)]
    return WorkingHours(tuple(kept))
