"""Hypothesis strategies that aim at the awkward weeks: DST changes, odd offsets."""

from __future__ import annotations

import datetime as dt
import importlib.resources
from functools import lru_cache
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from planner.hours import WorkingHours, Shift
from planner.model import RULE_PRESETS, ActivityType, Market, Rep, Scenario, Settings

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
def package_zone(name: str) -> ZoneInfo:
    """The zone as the tzdata package has it (the planner's data), built here without the planner's code.

    Never ``ZoneInfo(name)``: that reads the machine's own files first, which may be older.
    """
    with importlib.resources.files("tzdata.zoneinfo").joinpath(name).open("rb") as fh:
        return ZoneInfo.from_file(fh, key=name)


@lru_cache(maxsize=None)
def transition_weeks(zone: str) -> tuple[tuple[int, int], ...]:
    """ISO weeks of 2026-2030 in which ``zone`` changes its UTC offset, with their neighbours."""
    tz, weeks = package_zone(zone), set()
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


# --- random territories for the optimiser ---------------------------------------------------------

# (zone, country): half-hour and 45-minute offsets, Pacific/Chatham's +12:45, both hemispheres.
TERRITORY_ZONES = [
    ("Europe/Zurich", "CH"), ("Europe/London", "GB"), ("America/New_York", "US"), ("America/Chicago", "US"),
    ("America/Los_Angeles", "US"), ("America/Sao_Paulo", "BR"), ("Asia/Dubai", "AE"), ("Asia/Riyadh", "SA"),
    ("Asia/Jerusalem", "IL"), ("Asia/Singapore", "SG"), ("Australia/Sydney", "AU"), ("Pacific/Auckland", "NZ"),
    ("Asia/Kolkata", "IN"), ("America/St_Johns", "CA"), ("Australia/Adelaide", "AU"),
    ("Asia/Kathmandu", "NP"), ("Pacific/Chatham", "NZ"), ("Australia/Eucla", "AU"),
]
WORKWEEKS = ["Mon-Fri", "Sun-Thu", "Mon-Sat"]
# 2027 weeks in which zones disagree about the clock: the US has moved and Europe not (W11), the
# southern hemisphere changes on a Sunday (W13, W39), Europe has moved back and the US not (W44),
# and their neighbours. Changes fall on Sundays: a workday in Sun-Thu weeks.
DST_MISMATCH_WEEKS = [(2027, w) for w in (10, 11, 12, 13, 14, 38, 39, 40, 43, 44)]


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@st.composite
def hours_text(draw, *, earliest: int = 6 * 60, latest: int = 11 * 60, shortest: int = 5 * 60,
               longest: int = 10 * 60) -> str:
    """Working hours in the notation: a workweek, one shift or a split one, sometimes a short last day."""
    days = draw(st.sampled_from(WORKWEEKS))
    start = draw(st.integers(earliest // 15, latest // 15)) * 15
    end = start + draw(st.integers(shortest // 15, longest // 15)) * 15
    if draw(st.integers(0, 5)) == 0:  # a split shift with a break of 30 minutes to 2 hours
        middle, pause = draw(st.integers(start // 15 + 4, end // 15 - 4)) * 15, draw(st.sampled_from([30, 60, 120]))
        shift = f"{_clock(start)}-{_clock(middle)}, {_clock(middle + pause)}-{_clock(end + pause)}"
    else:
        shift = f"{_clock(start)}-{_clock(end)}"
    if draw(st.integers(0, 4)) == 0:  # the last day ends early
        first, last = days.split("-")
        before = {"Fri": "Thu", "Thu": "Wed", "Sat": "Fri"}[last]
        return f"{first}-{before} {shift}; {last} {_clock(start)}-{_clock(start + 4 * 60)}"
    return f"{days} {shift}"


def territory_weeks():
    """Mostly weeks around 2027's clock changes, sometimes any week of 2026-2030."""
    any_week = st.builds(lambda d: tuple(d.isocalendar()[:2]), st.dates(dt.date(2026, 1, 5), dt.date(2030, 12, 20)))
    return st.sampled_from(DST_MISMATCH_WEEKS) | any_week


@st.composite
def territories(draw, *, reps=(2, 12), markets=(3, 40)):
    """A scenario with no assignments: reps and markets all over the world, activities of
    15-60 minutes live and async, a lunch break, a back-to-back limit."""
    kinds = draw(st.lists(st.tuples(st.sampled_from([15, 30, 45, 60]), st.booleans()), min_size=1, max_size=5,
                          unique=True))
    activities = [ActivityType(f"{'Live' if live else 'Async'} {minutes}", minutes, live) for minutes, live in kinds]
    rep_list = []
    for i in range(draw(st.integers(*reps))):
        zone, country = draw(st.sampled_from(TERRITORY_ZONES))
        rep_list.append(Rep(f"R{i}", zone, country, draw(hours_text()),
                            max_weekly_hours=draw(st.integers(20, 45)), rules=draw(st.sampled_from(RULE_PRESETS))))
    market_list = []
    for j in range(draw(st.integers(*markets))):
        zone, country = draw(st.sampled_from(TERRITORY_ZONES))
        weekly = {a.name: draw(st.integers(0, 5)) for a in activities}
        market_list.append(Market(f"M{j}", zone, country, draw(hours_text(earliest=7 * 60, latest=10 * 60,
                                                                          shortest=7 * 60)),
                                  draw(st.sampled_from("ABC")), draw(st.integers(1, 1000)) * 1000, weekly))
    settings = Settings(
        max_markets_per_rep=draw(st.integers(2, 8)),
        max_offset_spread_hours=draw(st.sampled_from([4, 9, 26])),
        max_live_run_minutes=draw(st.sampled_from([60, 90, 120, 180])),
        lunch_start=draw(st.sampled_from(["11:30", "12:00", "12:30", "13:00"])),
        lunch_minutes=draw(st.sampled_from([0, 30, 45, 60])))
    return Scenario("Random territory", activities, rep_list, market_list, (), settings)
