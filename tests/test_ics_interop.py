"""Exported calendars read by three independent parsers give our UTC times, to the second."""

import datetime as dt

import icalendar
import pytest

from planner.ics_export import event_uid, export_weeks
from planner.model import ActivityType, Market, Rep, Scenario
from planner.schedule import Event, Schedule
from planner.timezones import format_week, local_to_utc

from .interop_parsers import PARSERS
from .strategies import package_zone, transition_weeks

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 27, 12, tzinfo=UTC)
ZONES = ["America/New_York", "America/Los_Angeles", "America/Sao_Paulo", "America/Santiago", "Europe/London",
         "Europe/Zurich", "Africa/Casablanca", "Asia/Riyadh", "Asia/Dubai", "Asia/Kolkata", "Asia/Kathmandu",
         "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Auckland",
         "Pacific/Chatham"]
# Local start (minutes after midnight) and length: the night hours where clocks change, a
# morning, and an evening block that runs past midnight.
SLOTS = [(30, 45), (90, 60), (150, 30), (540, 45), (1410, 60)]


def weeks_for(zone: str) -> list[tuple[int, int]]:
    """Every ISO week of 2026-2030 in which the zone changes its clock, plus one plain week a year."""
    changes = sorted({w for w in transition_weeks(zone)})
    plain = [(year, 27) for year in range(2026, 2031)]
    return sorted(set(changes) | set(plain))


def zone_schedules(zone: str) -> tuple[Scenario, list[Schedule]]:
    rep = Rep("Rep", zone, "CH", "Mon-Sun 00:00-24:00")
    market = Market("Prospects", zone, "CH", "Mon-Sun 00:00-24:00", "A", 1, {"Call": 1})
    scenario = Scenario("interop", [ActivityType("Call", 30, True)], [rep], [market])
    schedules = []
    for year, week in weeks_for(zone):
        monday = dt.date.fromisocalendar(year, week, 1)
        events = []
        for d in range(7):
            for k, (minute, length) in enumerate(SLOTS):
                start = local_to_utc(monday + dt.timedelta(days=d), minute, zone)
                events.append(Event("Rep", "Prospects", "Call", start, start + dt.timedelta(minutes=length),
                                    True, n=d * len(SLOTS) + k))
        schedules.append(Schedule("Rep", format_week(year, week), tuple(events), ()))
    return scenario, schedules


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ics")
    files = []
    for zone in ZONES:
        scenario, schedules = zone_schedules(zone)
        report = export_weeks(schedules, scenario, now=NOW)
        path = folder / f"{zone.replace('/', '_')}.ics"
        path.write_bytes(report.ics)
        expected = {event_uid(e, s.week): (e.start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                           e.end.strftime("%Y-%m-%dT%H:%M:%SZ"))
                    for s in schedules for e in s.events}
        files.append((zone, path, expected))
    return files


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_every_parser_reads_every_event_at_our_utc_times(exported, parser):
    checked = zones = 0
    for zone, path, expected in exported:
        read = PARSERS[parser](path)
        assert set(read) == set(expected), zone
        wrong = [(uid, read[uid][:2], times) for uid, times in expected.items() if read[uid][:2] != times]
        assert not wrong, f"{parser} misreads {len(wrong)} events in {zone}, e.g. {wrong[:2]}"
        checked += len(expected)
        zones += 1
    assert zones == 17 and checked >= 17 * 10 * 35
    print(f"{parser}: {checked} events in {zones} zones agree")


def test_the_harness_catches_the_known_ical_js_trap(tmp_path):
    """icalendar's own VTIMEZONE (long RDATE lists) puts 09:00 New York on 2027-03-15 at 14:00Z in ical.js."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//test//EN")
    cal.add("version", "2.0")
    event = icalendar.Event()
    event.add("uid", "trap")
    event.add("dtstamp", NOW)
    start = dt.datetime(2027, 3, 15, 9, tzinfo=package_zone("America/New_York"))
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(hours=1))
    cal.add_component(event)
    cal.add_missing_timezones(first_date=dt.date(2025, 1, 1), last_date=dt.date(2030, 12, 31))
    path = tmp_path / "trap.ics"
    path.write_bytes(cal.to_ical())
    assert PARSERS["ical.js"](path)["trap"][0] == "2027-03-15T14:00:00Z"  # not 13:00Z: the trap


def test_outlook_gets_one_standard_and_one_daylight_with_a_yearly_rule(exported):
    for zone, path, _ in exported:
        text = path.read_text()
        block = text[text.index("BEGIN:VTIMEZONE"):text.index("END:VTIMEZONE") + len("END:VTIMEZONE")]
        assert text.count("BEGIN:VTIMEZONE") == 1
        tz = icalendar.Timezone.from_ical(block)
        parts = [c for c in tz.subcomponents]
        if zone in ("America/New_York", "Europe/Zurich", "Europe/London", "Australia/Sydney", "Pacific/Chatham",
                    "Australia/Lord_Howe", "Pacific/Auckland", "America/Los_Angeles"):
            assert sorted(p.name for p in parts) == ["DAYLIGHT", "STANDARD"], zone
            assert all(p["rrule"]["FREQ"] == ["YEARLY"] for p in parts), zone
        if zone in ("Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo", "Asia/Dubai", "Asia/Riyadh", "Asia/Singapore"):
            assert [p.name for p in parts] == ["STANDARD"] and "rrule" not in parts[0], zone
