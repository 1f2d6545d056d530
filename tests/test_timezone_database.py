"""One time-zone database, the project's own: the tzdata package, never the machine's files."""

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tzdata

from planner import timezones
from planner.model import ActivityType, Assignment, Market, Rep, Scenario
from planner.storage import open_store

from .strategies import package_zone

ROOT = Path(__file__).parent.parent
SYSTEM_ZONEINFO = Path("/usr/share/zoneinfo")
# 2027-W11: tzdata 2026f has Casablanca on +00 for good, older releases (2025b) on +01 outside
# Ramadan. The plan must not depend on which one the machine has.
WEEK = "2027-W11"


def _cli(db: Path, env_changes: dict, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONTZPATH"}
    env.update(env_changes)
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "planner.cli", "--db", str(db), *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def plan_db(tmp_path_factory) -> Path:
    acts = (ActivityType("Call", 30, True), ActivityType("Follow-up", 30, False))
    reps = [Rep("Amina", "Africa/Casablanca", "MA", "Mon-Fri 09:00-18:00", 45),
            Rep("Yoel", "America/Havana", "CU", "Mon-Fri 08:00-17:00", 45)]
    markets = [Market("Morocco", "Africa/Casablanca", "MA", "Mon-Fri 09:00-17:00", "A", 5, {"Call": 6, "Follow-up": 3}),
               Market("Cuba", "America/Havana", "CU", "Mon-Fri 09:00-17:00", "A", 5, {"Call": 6, "Follow-up": 3}),
               Market("Spain", "Europe/Madrid", "ES", "Mon-Fri 09:00-17:00", "B", 3, {"Call": 4})]
    scenario = Scenario("two databases", acts, reps, markets,
                        [Assignment("Amina", "Morocco"), Assignment("Amina", "Spain"), Assignment("Yoel", "Cuba")])
    db = tmp_path_factory.mktemp("tz") / "plan.db"
    open_store(db, seed_demo=False).save(scenario)
    return db


def _fake_zoneinfo(tmp_path: Path) -> Path:
    """A machine database that lies: Casablanca and Havana hold Tokyo's and Kolkata's rules."""
    package = Path(tzdata.__file__).parent / "zoneinfo"
    fake = tmp_path / "zoneinfo"
    shutil.copytree(package, fake)
    shutil.copyfile(package / "Asia" / "Tokyo", fake / "Africa" / "Casablanca")
    shutil.copyfile(package / "Asia" / "Kolkata", fake / "America" / "Havana")
    return fake


def test_schedule_json_is_the_same_under_any_zoneinfo_path(plan_db, tmp_path):
    runs = {"machine's zoneinfo": {}, "PYTHONTZPATH=": {"PYTHONTZPATH": ""},
            "a lying zoneinfo": {"PYTHONTZPATH": str(_fake_zoneinfo(tmp_path))}}
    outputs = {}
    for label, env in runs.items():
        result = _cli(plan_db, env, "schedule", "--week", WEEK, "--json")
        assert result.returncode == 0, (label, result.stderr)
        outputs[label] = result.stdout
    assert outputs["machine's zoneinfo"] == outputs["PYTHONTZPATH="] == outputs["a lying zoneinfo"]
    # And the times are the package's: Casablanca on +00 that week, Havana on -04.
    events = json.loads(outputs["PYTHONTZPATH="])["events"]
    amina, yoel = ([e["start"] for e in events if e["rep"] == rep] for rep in ("Amina", "Yoel"))
    assert amina and all(start.endswith("+00:00") for start in amina)
    assert yoel and all(start.endswith("-04:00") for start in yoel)


def test_the_chosen_week_is_one_where_the_machine_database_may_differ():
    """Guard for the test above: on this machine (2025b) the system files disagree that week."""
    if not (SYSTEM_ZONEINFO / "Africa" / "Casablanca").exists():
        pytest.skip("no system zoneinfo here: the lying database above still covers the case")
    import zoneinfo

    with open(SYSTEM_ZONEINFO / "Africa" / "Casablanca", "rb") as fh:
        machine = zoneinfo.ZoneInfo.from_file(fh, key="Africa/Casablanca")
    at = dt.datetime(2027, 3, 17, 12, tzinfo=dt.timezone.utc)
    if machine.utcoffset(at) == package_zone("Africa/Casablanca").utcoffset(at):
        pytest.skip("this machine's database already agrees with the package")
    assert timezones.in_zone(at, "Africa/Casablanca").utcoffset() == package_zone("Africa/Casablanca").utcoffset(at)


def test_version_names_the_time_zone_data(plan_db):
    result = _cli(plan_db, {}, "--version")
    assert result.returncode == 0, result.stderr
    assert f"tzdata {tzdata.IANA_VERSION}" in result.stdout
    assert timezones.tzdata_version() == tzdata.IANA_VERSION


def test_every_zone_comes_from_the_package_even_when_the_machine_lies(tmp_path):
    code = ("import zoneinfo, datetime as dt\n"
            "from planner.timezones import zone, local_to_utc\n"
            "at = dt.datetime(2027, 3, 17, 12, tzinfo=dt.timezone.utc)\n"
            "print(zone('Africa/Casablanca').utcoffset(at), local_to_utc(dt.date(2027, 3, 17), 720, 'America/Havana'))\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONTZPATH"}
    env.update(PYTHONPATH=str(ROOT), PYTHONTZPATH=str(_fake_zoneinfo(tmp_path)))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert out.split() == ["0:00:00", "2027-03-17", "16:00:00+00:00"]


def test_the_pin_in_pyproject_is_the_installed_package():
    text = (ROOT / "pyproject.toml").read_text()
    assert f'"tzdata=={timezones.tzdata_package_version()}"' in text


def test_a_calendar_read_in_uses_the_package_too():
    """icalendar would resolve TZID=Africa/Casablanca from the machine's files."""
    from planner.ics_import import read_busy

    ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20270101T000000Z\r\n"
           "DTSTART;TZID=Africa/Casablanca:20270317T100000\r\nDTEND;TZID=Africa/Casablanca:20270317T110000\r\n"
           "END:VEVENT\r\nEND:VCALENDAR\r\n").encode()
    busy = read_busy(ics, timezone="Africa/Casablanca", start=dt.datetime(2027, 3, 1, tzinfo=dt.timezone.utc),
                     end=dt.datetime(2027, 4, 1, tzinfo=dt.timezone.utc))
    assert [b.start.isoformat() for b in busy] == ["2027-03-17T10:00:00+00:00"]


def test_the_package_zones_come_back_if_something_switched_icalendar_to_the_machines():
    from icalendar.timezone import tzp

    from planner.timezones import use_for_icalendar

    use_for_icalendar()
    tzp.use_zoneinfo()
    try:
        test_a_calendar_read_in_uses_the_package_too()
    finally:
        use_for_icalendar()
