"""Export then import as busy times gives back the same instants, near DST changes in odd zones."""

import datetime as dt
import os

from hypothesis import HealthCheck, example, given, settings
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


# Zones whose clocks did odd things somewhere in 1970-2040: offsets of 0 in winter (vobject
# takes a VTIMEZONE that looks like UTC in 2000-2020 for pytz's), Ramadan changes, rules at
# 24:00 or at negative hours, whole days skipped, offsets that changed for good.
ODD_ZONES = ZONES + [
    "Europe/Lisbon", "Europe/Dublin", "Africa/Monrovia", "Africa/Abidjan", "Asia/Tehran", "America/Nuuk",
    "Africa/Cairo", "Asia/Jerusalem", "Asia/Gaza", "America/Havana", "Europe/Moscow", "Pacific/Apia",
    "Pacific/Kiritimati", "America/Caracas", "Asia/Pyongyang", "Europe/Istanbul", "America/Asuncion",
    "Atlantic/Azores", "America/St_Johns", "Antarctica/Troll", "America/Scoresbysund", "Europe/Kyiv"]
IN_PROCESS_READERS = ("vobject", "icalendar", "icalendar-vtimezone")


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ODD_ZONES), st.dates(dt.date(1970, 1, 1), dt.date(2040, 12, 31)), st.integers(1, 3))
@example("Europe/London", dt.date(2040, 3, 25), 2)      # open rules stopped at 2037 (pytz) or 2038 (icalendar)
@example("Europe/London", dt.date(1970, 1, 1), 1)       # the first supported week starts in 1969
@example("Europe/Lisbon", dt.date(1985, 3, 31), 1)      # +00 in winter, changes only before 2000
@example("Africa/Casablanca", dt.date(2033, 11, 20), 3)  # +00 for good since 2026: looks like UTC
@example("Africa/Monrovia", dt.date(1971, 12, 27), 2)   # -00:44:30, then +00
@example("America/Santiago", dt.date(2033, 4, 3), 2)    # a rule at 24:00
def test_any_weeks_1970_to_2040_read_right_in_every_in_process_reader(zone, day, weeks):
    """vobject (one long-running process, as in Radicale) and icalendar in both modes; ical.js
    and libical read the volume files of tests/test_ics_interop.py."""
    import tempfile
    from pathlib import Path

    from planner.ics_export import event_uid
    from planner.timezones import add_weeks

    from .interop_parsers import PARSERS

    year, week = add_weeks(*day.isocalendar()[:2], 0)
    span = [add_weeks(year, week, 8 * k) for k in range(weeks)]  # weeks far apart: a VTIMEZONE over years
    schedules = []
    for y, w in span:
        monday = dt.date.fromisocalendar(y, w, 1)
        events = [Event("Rep", "M", "Call", s, s + dt.timedelta(minutes=45), True, n=d * 4 + k)
                  for d in range(7) for k, minute in enumerate((60, 150, 540, 1410))
                  for s in [local_to_utc(monday + dt.timedelta(days=d), minute, zone)]]
        schedules.append(Schedule("Rep", format_week(y, w), tuple(events), ()))
    scenario = Scenario("p", [ActivityType("Call", 30, True)], [Rep("Rep", zone, "CH", "Mon-Sun 00:00-24:00")],
                        [Market("M", zone, "CH", "Mon-Sun 00:00-24:00", "A", 1, {"Call": 1})])
    expected = {event_uid(e, s.week): (f"{e.start:%Y-%m-%dT%H:%M:%SZ}", f"{e.end:%Y-%m-%dT%H:%M:%SZ}")
                for s in schedules for e in s.events}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "week.ics"
        path.write_bytes(export_weeks(schedules, scenario, now=dt.datetime(2026, 1, 1, tzinfo=UTC)).ics)
        for reader in IN_PROCESS_READERS:
            read = PARSERS[reader]([path])[0][path]
            wrong = {uid: (read[uid][:2], times) for uid, times in expected.items() if read[uid][:2] != times}
            assert not wrong, (reader, zone, span, len(wrong), sorted(wrong.items())[:2])
