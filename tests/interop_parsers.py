"""Independent iCalendar readers, each reading many files into {file: {uid: (start UTC, end UTC, status)}}.

Each reads all its files in one process, as a long-running client or server would:
readers that cache VTIMEZONEs by TZID (vobject for the life of the process, ical.js's
TimezoneService) see every file's zones in turn.

* ``ical.js`` (Thunderbird) from npm (tests/interop), one node process;
* ``libical`` (Evolution) from Debian (gir1.2-ical-3.0 and python3-gi, used by the system
  Python), one process;
* ``vobject`` (inside the Radicale CalDAV server) from PyPI (the test extra), in this
  process, whose registry of VTIMEZONEs lives as long as the test session;
* ``icalendar``, as it reads by default: a TZID that names a zone is read as that zone
  (here from the project's tzdata, as a client with the same data release would), any
  other from the file's VTIMEZONE;
* ``icalendar-vtimezone``: icalendar building each zone from the file's VTIMEZONE with
  its pytz provider (``Timezone.to_tz``), which stops rules without UNTIL at 2038.

CI installs them all and sets REP_PLANNER_REQUIRE_INTEROP=1, so a missing reader fails
there instead of skipping.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "interop"
UTC = dt.timezone.utc
SYSTEM_PYTHON = "/usr/bin/python3"


def _missing(what: str):
    message = f"{what} is not installed (see .ci/run for how CI installs it)"
    if os.environ.get("REP_PLANNER_REQUIRE_INTEROP") == "1":
        pytest.fail(message)
    pytest.skip(message)


def _iso(value: str) -> str:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _z(value: dt.datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _from_json(out: str) -> tuple[dict, dict]:
    data = json.loads(out)
    locations = data.pop("__locations__", {})
    events = {Path(path): {uid: (_iso(s), _iso(e), status) for uid, (s, e, status) in read.items()}
              for path, read in data.items()}
    return events, {Path(p): z for p, z in locations.items()}


def _batches(paths: list[Path], size: int = 200):
    for i in range(0, len(paths), size):
        yield [str(p) for p in paths[i:i + size]]


def read_icaljs(paths: list[Path]) -> tuple[dict, dict]:
    if not shutil.which("node") or not (HERE / "node_modules" / "ical.js").exists():
        _missing("ical.js (npm install --prefix tests/interop)")
    events, locations = {}, {}
    for batch in _batches(paths):
        out = subprocess.run(["node", str(HERE / "icaljs_read.mjs"), *batch], capture_output=True, text=True,
                             timeout=600, check=True).stdout
        read, where = _from_json(out)
        events.update(read)
        locations.update(where)
    return events, locations


def read_libical(paths: list[Path]) -> tuple[dict, dict]:
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import gi; gi.require_version('ICalGLib', '3.0')"],
                           capture_output=True) if Path(SYSTEM_PYTHON).exists() else None
    if probe is None or probe.returncode != 0:
        _missing("libical (Debian gir1.2-ical-3.0 and python3-gi)")
    events, locations = {}, {}
    for batch in _batches(paths):
        out = subprocess.run([SYSTEM_PYTHON, str(HERE / "libical_read.py"), *batch], capture_output=True, text=True,
                             timeout=600, check=True).stdout
        read, where = _from_json(out)
        events.update(read)
        locations.update(where)
    return events, locations


def read_vobject(paths: list[Path]) -> tuple[dict, dict]:
    try:
        import vobject
    except ImportError:
        _missing("vobject (pip install -e '.[test]')")
    events = {}
    for path in paths:
        calendar = vobject.readOne(path.read_text(encoding="utf-8"))
        read = {}
        for event in calendar.vevent_list:
            start, end = event.dtstart.value, event.dtend.value
            if start.tzinfo is None or end.tzinfo is None:  # a TZID vobject could not resolve
                read[event.uid.value] = ("floating", "floating", None)
                continue
            status = event.status.value if hasattr(event, "status") else None
            read[event.uid.value] = (_z(start), _z(end), status)
        events[path] = read
    return events, {}


def _status(event) -> str | None:
    return str(event["status"]) if "status" in event else None


def read_icalendar(paths: list[Path]) -> tuple[dict, dict]:
    import icalendar

    from planner.timezones import use_for_icalendar

    use_for_icalendar()
    events = {}
    for path in paths:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        events[path] = {str(e["uid"]): (_z(e["dtstart"].dt), _z(e["dtend"].dt), _status(e))
                        for e in calendar.walk("VEVENT")}
    return events, {}


def read_icalendar_vtimezone(paths: list[Path]) -> tuple[dict, dict]:
    import warnings

    import icalendar
    from icalendar.timezone.tzp import TZP

    pytz_zones = TZP("pytz")
    events = {}
    for path in paths:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        zones = {str(tz["tzid"]): tz.to_tz(pytz_zones, lookup_tzid=False) for tz in calendar.walk("VTIMEZONE")}

        def utc(prop) -> str:
            tzid = prop.params.get("TZID")
            if not tzid:
                return _z(prop.dt)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return _z(zones[tzid].localize(prop.dt.replace(tzinfo=None)))

        events[path] = {str(e["uid"]): (utc(e["dtstart"]), utc(e["dtend"]), _status(e))
                        for e in calendar.walk("VEVENT")}
    return events, {}


PARSERS = {"ical.js": read_icaljs, "libical": read_libical, "vobject": read_vobject,
           "icalendar": read_icalendar, "icalendar-vtimezone": read_icalendar_vtimezone}
