"""Independent iCalendar parsers, each reading a file into {uid: (start UTC, end UTC, status)}.

vobject comes from PyPI (the test extra); libical from Debian (gir1.2-ical-3.0 and
python3-gi, used by the system Python); ical.js from npm (tests/interop). CI installs
all three and sets REP_PLANNER_REQUIRE_INTEROP=1, so a missing parser fails there
instead of skipping.
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


def read_icaljs(path: Path) -> dict[str, tuple]:
    if not shutil.which("node") or not (HERE / "node_modules" / "ical.js").exists():
        _missing("ical.js (npm install --prefix tests/interop)")
    out = subprocess.run(["node", str(HERE / "icaljs_read.mjs"), str(path)], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    return {uid: (_iso(s), _iso(e), status) for uid, (s, e, status) in json.loads(out).items()}


def read_libical(path: Path) -> dict[str, tuple]:
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import gi; gi.require_version('ICalGLib', '3.0')"],
                           capture_output=True) if Path(SYSTEM_PYTHON).exists() else None
    if probe is None or probe.returncode != 0:
        _missing("libical (Debian gir1.2-ical-3.0 and python3-gi)")
    out = subprocess.run([SYSTEM_PYTHON, str(HERE / "libical_read.py"), str(path)], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    return {uid: (_iso(s), _iso(e), status) for uid, (s, e, status) in json.loads(out).items()}


def read_vobject(path: Path) -> dict[str, tuple]:
    try:
        import vobject
    except ImportError:
        _missing("vobject (pip install -e '.[test]')")
    calendar = vobject.readOne(path.read_text(encoding="utf-8"))
    out = {}
    for event in calendar.vevent_list:
        start, end = event.dtstart.value, event.dtend.value
        status = event.status.value if hasattr(event, "status") else None
        out[event.uid.value] = (start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                end.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), status)
    return out


PARSERS = {"ical.js": read_icaljs, "libical": read_libical, "vobject": read_vobject}
