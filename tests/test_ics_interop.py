"""Exported calendars read by five independent readers give our UTC times, to the second.

One file per zone and year: 2027, 2038 (the last year of 32-bit time) and 2040 in the
test suite, every year from 2026 to 2040 in CI's volume step (``REP_PLANNER_INTEROP_YEARS``:
``2026-2040`` or ``2027,2033``). Each file has every week in which the zone changes its
clock, the weeks on either side, and one plain week, with events at the night hours where clocks change, a morning,
and an evening block that runs past midnight. Each reader reads all the files in one
process, as a long-running client or server does.
"""

import datetime as dt
import os
import time
from functools import lru_cache

import icalendar
import pytest

from planner.ics_export import event_uid, export_weeks
from planner.model import ActivityType, Market, Rep, Scenario
from planner.schedule import Event, Schedule
from planner.timezones import format_week, local_to_utc

from .interop_parsers import PARSERS
from .strategies import package_zone

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 27, 12, tzinfo=UTC)
ZONES = ["America/New_York", "America/Los_Angeles", "America/Sao_Paulo", "America/Santiago", "America/Havana",
         "Europe/London", "Europe/Dublin", "Europe/Zurich", "Africa/Casablanca", "Asia/Gaza", "Asia/Riyadh",
         "Asia/Dubai", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney",
         "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham"]


def _years(text: str) -> list[int]:
    if "-" in text:
        first, last = (int(y) for y in text.split("-"))
        return list(range(first, last + 1))
    return [int(y) for y in text.split(",")]


YEARS = _years(os.environ.get("REP_PLANNER_INTEROP_YEARS", "2027,2038,2040"))
# Local start (minutes after midnight) and length: the night hours where clocks change, a
# morning, and an evening block that runs past midnight.
SLOTS = [(30, 45), (90, 60), (150, 30), (540, 45), (1410, 60)]


@lru_cache(maxsize=None)
def weeks_for(zone: str, year: int) -> tuple[tuple[int, int], ...]:
    """The ISO weeks of ``year`` in which the zone changes its clock, their neighbours, and week 27."""
    tz, weeks = package_zone(zone), {(year, 27)}
    day = dt.datetime(year, 1, 1, 12, tzinfo=UTC)
    previous = day.astimezone(tz).utcoffset()
    while day.year == year:
        day += dt.timedelta(days=1)
        offset = day.astimezone(tz).utcoffset()
        if offset != previous:
            for delta in (-7, 0, 7):
                iso = (day + dt.timedelta(days=delta)).isocalendar()
                if iso[0] == year:
                    weeks.add((iso[0], iso[1]))
        previous = offset
    return tuple(sorted(weeks))


def zone_schedules(zone: str, weeks) -> tuple[Scenario, list[Schedule]]:
    rep = Rep("Rep", zone, "CH", "Mon-Sun 00:00-24:00")
    market = Market("Prospects", zone, "CH", "Mon-Sun 00:00-24:00", "A", 1, {"Call": 1})
    scenario = Scenario("interop", [ActivityType("Call", 30, True)], [rep], [market])
    schedules = []
    for year, week in weeks:
        monday = dt.date.fromisocalendar(year, week, 1)
        events = []
        for d in range(7):
            for k, (minute, length) in enumerate(SLOTS):
                start = local_to_utc(monday + dt.timedelta(days=d), minute, zone)
                events.append(Event("Rep", "Prospects", "Call", start, start + dt.timedelta(minutes=length),
                                    True, n=d * len(SLOTS) + k))
        schedules.append(Schedule("Rep", format_week(year, week), tuple(events), ()))
    return scenario, schedules


def expected_of(schedules) -> dict:
    return {event_uid(e, s.week): (e.start.strftime("%Y-%m-%dT%H:%M:%SZ"), e.end.strftime("%Y-%m-%dT%H:%M:%SZ"))
            for s in schedules for e in s.events}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """[(zone, year, path, {uid: (start, end)})] for every zone and year."""
    folder = tmp_path_factory.mktemp("ics")
    files = []
    for year in YEARS:
        for zone in ZONES:
            scenario, schedules = zone_schedules(zone, weeks_for(zone, year))
            path = folder / f"{zone.replace('/', '_')}-{year}.ics"
            path.write_bytes(export_weeks(schedules, scenario, now=NOW).ics)
            files.append((zone, year, path, expected_of(schedules)))
    return files


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_every_reader_reads_every_event_at_our_utc_times(exported, parser):
    began = time.perf_counter()
    read, _ = PARSERS[parser]([path for _, _, path, _ in exported])
    checked = 0
    for zone, year, path, expected in exported:
        assert set(read[path]) == set(expected), (zone, year)
        wrong = [(uid, read[path][uid][:2], times) for uid, times in expected.items() if read[path][uid][:2] != times]
        assert not wrong, f"{parser} misreads {len(wrong)} events in {zone} {year}, e.g. {wrong[:2]}"
        checked += len(expected)
    assert checked >= len(ZONES) * len(YEARS) * 35
    print(f"\n{parser}: {checked} events in {len(exported)} files ({len(ZONES)} zones, {YEARS[0]}-{YEARS[-1]}) agree, "
          f"read in one process in {time.perf_counter() - began:.1f} s")


def test_every_vtimezone_names_its_zone(exported):
    """A TZID of our own (/rep-planner/...) still names the IANA zone: libical (Evolution) shows
    X-LIC-LOCATION; ical.js (Thunderbird) and icalendar show the TZID, which ends with it."""
    _, locations = PARSERS["libical"]([path for _, _, path, _ in exported])
    own = 0
    for zone, year, path, _ in exported:
        (tzid, location), = locations[path].items()
        assert location == zone and tzid.endswith("/" + zone) or tzid == zone, (tzid, location)
        own += tzid != zone
    assert own  # some files carry a TZID of their own (Casablanca, Gaza, Santiago...)


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
    events, _ = PARSERS["ical.js"]([path])
    assert events[path]["trap"][0] == "2027-03-15T14:00:00Z"  # not 13:00Z: the trap


def test_outlook_gets_one_standard_and_one_daylight_with_a_yearly_rule(exported):
    for zone, year, path, _ in exported:
        text = path.read_text()
        block = text[text.index("BEGIN:VTIMEZONE"):text.index("END:VTIMEZONE") + len("END:VTIMEZONE")]
        assert text.count("BEGIN:VTIMEZONE") == 1
        tz = icalendar.Timezone.from_ical(block)
        parts = [c for c in tz.subcomponents]
        if zone in ("America/New_York", "Europe/Zurich", "Europe/London", "Australia/Sydney", "Pacific/Chatham",
                    "Australia/Lord_Howe", "Pacific/Auckland", "America/Los_Angeles"):
            assert sorted(p.name for p in parts) == ["DAYLIGHT", "STANDARD"], (zone, year)
            assert all(p["rrule"]["FREQ"] == ["YEARLY"] for p in parts), (zone, year)
            assert str(tz["tzid"]) == zone
        if zone in ("Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo", "Asia/Dubai", "Asia/Riyadh", "Asia/Singapore"):
            assert [p.name for p in parts] == ["STANDARD"] and "rrule" not in parts[0], (zone, year)
            assert str(tz["tzid"]) == zone


@pytest.fixture(scope="module")
def any_years(tmp_path_factory):
    """Files for random weeks of 1970-2040 in zones whose clocks did odd things (fixed seed)."""
    import random

    from .test_ics_properties import ODD_ZONES

    rng, folder, files = random.Random(1970), tmp_path_factory.mktemp("any"), []
    for i in range(int(os.environ.get("REP_PLANNER_INTEROP_RANDOM_FILES", "60"))):
        zone = rng.choice(ODD_ZONES)
        day = dt.date(1970, 1, 1) + dt.timedelta(days=rng.randrange((dt.date(2040, 12, 31) - dt.date(1970, 1, 1)).days))
        weeks = sorted({(day + dt.timedelta(weeks=9 * k)).isocalendar()[:2] for k in range(rng.randint(1, 3))})
        scenario, schedules = zone_schedules(zone, weeks)
        path = folder / f"{i:03d}-{zone.replace('/', '_')}.ics"
        path.write_bytes(export_weeks(schedules, scenario, now=NOW).ics)
        files.append((zone, weeks, path, expected_of(schedules)))
    return files


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_every_reader_reads_random_weeks_of_1970_to_2040(any_years, parser):
    read, _ = PARSERS[parser]([path for _, _, path, _ in any_years])
    checked = 0
    for zone, weeks, path, expected in any_years:
        wrong = [(uid, read[path].get(uid), times) for uid, times in expected.items()
                 if read[path].get(uid, (None,) * 2)[:2] != times]
        assert not wrong, f"{parser} misreads {len(wrong)} events in {zone} {weeks}, e.g. {wrong[:2]}"
        checked += len(expected)
    print(f"\n{parser}: {checked} events in {len(any_years)} files of random weeks 1970-2040 agree")
