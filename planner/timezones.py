"""Wall-clock time to UTC instants, and ISO weeks, in one place.

Every zone comes from :func:`zone`, which reads the ``tzdata`` package pinned in
pyproject.toml and never the machine's own time-zone files (Python's zoneinfo
would look there first, and a machine's 2025b and the package's 2026f disagree
about Casablanca and Havana): the same plan gives the same instants on any
machine, and the VTIMEZONEs written in calendars come from the same data.

The reading of awkward local times follows RFC 5545 (3.3.5): a time inside a
spring-forward gap is read with the offset before the gap, which moves it
forward by the gap (02:30 on a New York spring-forward day is 03:30 EDT); a
time that happens twice takes its first occurrence. Both are Python's
``fold=0`` (PEP 495).
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import importlib.resources
from functools import lru_cache
from zoneinfo import ZoneInfo

from .errors import ValidationError
from .i18n import _

UTC = dt.timezone.utc


@lru_cache(maxsize=1)
def tzdata_version() -> str:
    """The IANA release of the time-zone data every computation uses, e.g. ``2026f``."""
    import tzdata

    return tzdata.IANA_VERSION


def tzdata_package_version() -> str:
    """The version of the ``tzdata`` package on PyPI that holds it, e.g. ``2026.6``."""
    return importlib.metadata.version("tzdata")


def zone_file(name: str) -> bytes:
    """The compiled (TZif) file of a zone, from the tzdata package."""
    return importlib.resources.files("tzdata.zoneinfo").joinpath(*name.split("/")).read_bytes()


@lru_cache(maxsize=1)
def zone_names() -> frozenset[str]:
    """The IANA names in the tzdata package: the same list on every machine (the
    system's own zoneinfo may add names such as ``localtime`` that mean nothing elsewhere)."""
    return frozenset(importlib.resources.files("tzdata").joinpath("zones").read_text().split())


def reader_zone() -> str:
    """The reader's time zone: ``TZ`` when it names an IANA zone, else the one the system's
    ``/etc/localtime`` links to (or ``/etc/timezone`` names), else UTC (the CLI's ``--tz`` picks another)."""
    guesses = [os.environ.get("TZ", "").lstrip(":")]
    try:
        guesses.append(os.path.realpath("/etc/localtime").split("zoneinfo/", 1)[-1])
        with open("/etc/timezone", encoding="utf-8") as file:
            guesses.append(file.read().strip())
    except OSError:
        pass
    return next((name for name in guesses if name in zone_names()), "UTC")


@lru_cache(maxsize=None)
def zone(name: str) -> ZoneInfo:
    """The zone for an IANA name, from the tzdata package; a clear error if it does not exist.

    The only place a zone is built (a test forbids ``ZoneInfo(...)`` elsewhere). One
    object per name, so that datetimes in the same zone compare on the wall clock.
    """
    if not isinstance(name, str) or name not in zone_names():
        hint = ""
        if isinstance(name, str):
            close = [z for z in zone_names() if (z.lower() == name.lower() or z.endswith("/" + name))
                     and not canonical_problem(z)]
            if close:
                hint = _("; did you mean {zone}?").format(zone=repr(sorted(close)[0]))
        raise ValidationError("timezone", name, _("not an IANA time zone such as {example}").format(
            example="'Europe/Zurich'") + hint)
    return _from_package(name)


def _from_package(name: str) -> ZoneInfo:
    import io

    return ZoneInfo.from_file(io.BytesIO(zone_file(name)), key=name)


def use_for_icalendar() -> None:
    """Make ``icalendar`` (and the libraries built on it) resolve TZIDs with :func:`zone`.

    A calendar read in is then read with the plan's own data, not the machine's. icalendar
    still maps Windows names and ``/vendor/Area/City`` TZIDs to IANA names first, and
    still reads a VTIMEZONE whose TZID names no zone. Call it before each read: anything
    may have switched icalendar's provider since.
    """
    from icalendar.timezone import tzp

    if tzp.name != _icalendar_zones().name:
        tzp.use(_icalendar_zones())


@lru_cache(maxsize=1)
def _icalendar_zones():
    from icalendar.timezone.zoneinfo import ZONEINFO

    class PackageZones(ZONEINFO):
        name = "rep-planner tzdata"

        @property
        def utc(self):
            return zone("UTC")

        def timezone(self, name: str):
            return zone(name) if name in zone_names() else None

        def knows_timezone_id(self, tzid: str) -> bool:
            return tzid in zone_names()

    return PackageZones()


# Names in tzdata that are not a place's clock, and the place to use instead. Only these few:
# the other old names are links in tzdata's own data (see ``_links``).
_LEGACY = {
    "EST": ("America/New_York", "fixed"), "MST": ("America/Denver", "fixed"), "HST": ("Pacific/Honolulu", "fixed"),
    "EST5EDT": ("America/New_York", "rules"), "CST6CDT": ("America/Chicago", "rules"),
    "MST7MDT": ("America/Denver", "rules"), "PST8PDT": ("America/Los_Angeles", "rules"),
    "CET": ("Europe/Paris", "rules"), "MET": ("Europe/Paris", "rules"), "EET": ("Europe/Athens", "rules"),
    "WET": ("Europe/Lisbon", "rules"),
}
_KEPT_LINKS = {"UTC", "GMT"}  # links, but the names everyone uses for universal time


@lru_cache(maxsize=1)
def _links() -> dict[str, str]:
    """Old alias -> the canonical name it links to, from tzdata's ``tzdata.zi`` ("L target alias"
    lines), less the names ``zone.tab`` still lists as a country's zone (Europe/Oslo links to
    Europe/Berlin, yet it is Norway's name and stays)."""
    files = importlib.resources.files("tzdata").joinpath("zoneinfo")
    listed = {line.split("\t")[2] for line in files.joinpath("zone.tab").read_text().splitlines()
              if line and not line.startswith("#")}
    links = {}
    for line in files.joinpath("tzdata.zi").read_text().splitlines():
        if line.startswith("L "):
            _kind, target, alias = line.split()
            if alias not in listed and alias not in _KEPT_LINKS:
                links[alias] = "UTC" if target == "Etc/UTC" else target
    return links


def canonical_problem(name: str) -> str | None:
    """Why an existing zone name should not be used for new input (None if it is canonical)."""
    if name in _LEGACY:
        place, kind = _LEGACY[name]
        what = (_("{zone} is a fixed offset, not a place's clock: use {place}") if kind == "fixed" else
                _("{zone} is a set of daylight-saving rules, not a place's clock: use {place}"))
        return what.format(zone=name, place=place)
    if name in _links():
        return _("{zone} is an old alias: use {place}").format(zone=name, place=_links()[name])
    return None


def check_zone(name: str, where: str = "timezone", *, canonical: bool = True) -> str:
    """``name`` if it is an IANA zone; with ``canonical`` (new input), not a legacy alias either."""
    try:
        zone(name)
    except ValidationError as exc:
        raise ValidationError(where, name, exc.problem) from None
    if canonical and (problem := canonical_problem(name)):
        raise ValidationError(where, name, problem)
    return name


@lru_cache(maxsize=1 << 16)
def local_to_utc(day: dt.date, minute_of_day: int, tz_name: str) -> dt.datetime:
    """The UTC instant (a plain aware datetime) of ``day`` + ``minute_of_day`` on the local clock.

    ``minute_of_day`` may be 1440 or more (a shift past midnight). Cached:
    every rep and market in a zone asks for the same few wall-clock times.
    """
    day = day + dt.timedelta(days=minute_of_day // 1440)
    minute_of_day %= 1440
    # fold=0 is RFC 5545's reading of both awkward cases: the offset before a gap, the
    # first of two occurrences.
    local = dt.datetime(day.year, day.month, day.day, minute_of_day // 60, minute_of_day % 60,
                        tzinfo=zone(tz_name), fold=0)
    return local.astimezone(UTC)


def is_ambiguous(instant: dt.datetime, tz_name: str) -> bool:
    """Whether the wall-clock time of ``instant`` in the zone happens twice (autumn change)."""
    tz = zone(tz_name)
    local = instant.astimezone(tz).replace(tzinfo=None)
    return local.replace(tzinfo=tz, fold=0).utcoffset() != local.replace(tzinfo=tz, fold=1).utcoffset()


def in_zone(instant: dt.datetime, tz_name: str) -> dt.datetime:
    """``instant`` shown on the wall clock of ``tz_name`` (an aware datetime)."""
    return instant.astimezone(zone(tz_name))


# The years a week may fall in: the tz database is only accurate from 1970 on, and the
# ``holidays`` package computes calendars up to 2100 (its DEFAULT_END_YEAR); a week
# outside them would be planned on guessed offsets and holidays, or overflow a date.
FIRST_YEAR, LAST_YEAR = 1970, 2099


def parse_week(text: str) -> tuple[int, int]:
    """``2027-W11`` -> (2027, 11); a clear error otherwise (also for a year outside FIRST_YEAR..LAST_YEAR)."""
    try:
        year_text, week_text = text.strip().upper().split("-W")
        year, week = int(year_text), int(week_text)
        dt.date.fromisocalendar(year, week, 1)
    except (ValueError, AttributeError):
        raise ValidationError("week", text, _("an ISO week looks like {example}").format(example="2027-W11")) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError("week", text, _("weeks from {first} to {last} are supported (the years the time-zone "
                                              "data and holiday calendars cover)").format(first=FIRST_YEAR,
                                                                                          last=LAST_YEAR))
    return year, week


def format_week(year: int, week: int) -> str:
    return f"{year}-W{week:02d}"


def week_monday(year: int, week: int) -> dt.date:
    return dt.date.fromisocalendar(year, week, 1)


def week_of(day: dt.date) -> tuple[int, int]:
    iso = day.isocalendar()
    return iso[0], iso[1]


def add_weeks(year: int, week: int, n: int) -> tuple[int, int]:
    return week_of(week_monday(year, week) + dt.timedelta(weeks=n))


def utc_offset_hours(tz_name: str, at: dt.datetime) -> float:
    """The zone's UTC offset at an instant, in hours (5.75 for Kathmandu)."""
    return in_zone(at, tz_name).utcoffset().total_seconds() / 3600
