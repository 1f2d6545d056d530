"""Export then import as busy times gives back the same instants, near DST changes in odd zones."""

import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.ics_export import export_weeks
from planner.ics_import import read_busy
from planner.model import ActivityType, Market, Rep, Scenario
from planner.schedule import Event, Schedule
from planner.timezones import format_week, local_to_utc

from .strategies import ZONES, weeks_near_transitions

EXAMPLES = int(os.environ.get("REP_PLANNER_EXAMPLES", "60"))
UTC = dt.timezone.utc


@st.composite
def week_of_events(draw):
    zone = draw(st.sampled_from(ZONES))
    year, week = draw(weeks_near_transitions(zone))
    monday = dt.date.fromisocalendar(year, week, 1)
    starts = draw(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 95), st.integers(1, 8)), min_size=1,
                           max_size=12, unique_by=lambda t: (t[0], t[1])))
    events = []
    for n, (day, quarter, length) in enumerate(starts):
        start = local_to_utc(monday + dt.timedelta(days=day), quarter * 15, zone)
        events.append(Event("Rep", "M", "Call", start, start + dt.timedelta(minutes=15 * length), True, n=n))
    return zone, year, week, events


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(week_of_events())
def test_export_then_import_round_trips(case):
    zone, year, week, events = case
    scenario = Scenario("p", [ActivityType("Call", 30, True)], [Rep("Rep", zone, "CH", "Mon-Sun 00:00-24:00")],
                        [Market("M", zone, "CH", "Mon-Sun 00:00-24:00", "A", 1, {"Call": 1})])
    report = export_weeks([Schedule("Rep", format_week(year, week), tuple(events), ())], scenario,
                          now=dt.datetime(2026, 1, 1, tzinfo=UTC))
    monday = dt.datetime.combine(dt.date.fromisocalendar(year, week, 1), dt.time(), UTC)
    busy = read_busy(report.ics, timezone=zone, start=monday - dt.timedelta(days=2), end=monday + dt.timedelta(days=10))
    assert [(b.start, b.end) for b in busy] == sorted((e.start, e.end) for e in events)
