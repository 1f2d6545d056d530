"""Properties of the overlap engine, checked near DST transitions."""

import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.hours import format_hours, parse_hours
from planner.overlap import Side, overlap, overlap_matrix

from .strategies import EQUIVALENT, ZONES, package_zone, weeks_near_transitions, working_hours

EXAMPLES = int(os.environ.get("REP_PLANNER_EXAMPLES", "60"))
fast = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def own_hours(zone: str, hours, year: int, week: int) -> float:
    """Elapsed working hours in the zone's own ISO week, by the standard library alone.

    zoneinfo with fold=0 reads a gap time with the offset before the gap and a
    repeated time as its first occurrence: RFC 5545's reading, independently.
    """
    tz, utc = package_zone(zone), dt.timezone.utc
    monday = dt.date.fromisocalendar(year, week, 1)

    def instant(day, minute):
        day = day + dt.timedelta(days=minute // 1440)
        minute %= 1440
        local = dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=tz, fold=0)
        return local.astimezone(utc)

    lo, hi = instant(monday, 0), instant(monday + dt.timedelta(days=7), 0)
    spans = []
    for offset in range(-2, 8):
        day = monday + dt.timedelta(days=offset)
        for s in hours.shifts:
            if s.day == day.weekday():
                start, end = max(instant(day, s.start), lo), min(instant(day, s.end), hi)
                if start < end:
                    spans.append((start, end))
    spans.sort()
    total, reach = dt.timedelta(), None
    for start, end in spans:  # union, in case DST makes shifts touch
        if reach is not None and start < reach:
            start = reach
        if end > start:
            total += end - start
            reach = end if reach is None else max(reach, end)
    return total.total_seconds() / 3600


@st.composite
def zone_hours_week(draw):
    zone = draw(st.sampled_from(ZONES))
    year, week = draw(weeks_near_transitions(zone))
    return zone, draw(working_hours()), year, week


@fast
@given(zone_hours_week())
def test_overlap_with_itself_is_its_own_hours(case):
    zone, hours, year, week = case
    me = Side(zone, hours)
    assert overlap(me, me, year, week, holidays=False).hours == own_hours(zone, hours, year, week)


@fast
@given(zone_hours_week(), st.sampled_from(ZONES), working_hours())
def test_overlap_never_exceeds_either_side(case, other_zone, other_hours):
    zone, hours, year, week = case
    rep, market = Side(zone, hours), Side(other_zone, other_hours)
    shared = overlap(rep, market, year, week, holidays=False).hours
    assert shared <= own_hours(zone, hours, year, week)
    # The market's own hours inside the rep's week: overlap with someone who never stops.
    always = Side(zone, parse_hours("Mon-Sun 00:00-24:00"))
    assert shared <= overlap(always, market, year, week, holidays=False).hours


@fast
@given(zone_hours_week(), st.sampled_from(sorted(EQUIVALENT)), working_hours())
def test_same_instants_in_another_zone_give_the_same_result(case, other_zone, other_hours):
    zone, hours, year, week = case
    if zone not in EQUIVALENT:
        zone = "Europe/Zurich"
    a = overlap(Side(zone, hours), Side(other_zone, other_hours), year, week, holidays=False)
    b = overlap(Side(EQUIVALENT[zone], hours), Side(EQUIVALENT[other_zone], other_hours), year, week, holidays=False)
    assert a == b


@fast
@given(working_hours())
def test_notation_round_trips(hours):
    assert parse_hours(format_hours(hours)) == hours


@settings(max_examples=max(10, EXAMPLES // 4), deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ZONES), working_hours()), min_size=1, max_size=3),
       st.lists(st.tuples(st.sampled_from(ZONES), working_hours()), min_size=1, max_size=3),
       weeks_near_transitions("Europe/Zurich"))
def test_matrix_equals_pair_by_pair(reps, markets, year_week):
    year, week = year_week
    rs = [(f"r{i}", Side(z, h)) for i, (z, h) in enumerate(reps)]
    ms = [(f"m{i}", Side(z, h)) for i, (z, h) in enumerate(markets)]
    matrix = overlap_matrix(rs, ms, year, week, holidays=False)
    for i, (_, r) in enumerate(rs):
        for j, (_, m) in enumerate(ms):
            assert matrix.hours[i][j] == overlap(r, m, year, week, holidays=False).hours
