"""Sales regions: Americas, EMEA and APAC, from a time zone.

A sales organisation reports and staffs by these three regions, each with its own leaders and,
above all, its own working day: a region is a band of time zones. So a rep's or a market's region
comes from its time zone (which every rep and market has), not from a country table: the zone's
area (``America/``, ``Europe/``, ``Asia/``...) decides, and where an area straddles two regions
the zone's standard UTC offset does. The Middle East files under ``Asia/`` but sells from EMEA
(below UTC+04:30: Dubai, Riyadh, Tehran); Atlantic islands at UTC-01:00 or later (Azores, Canaries,
Reykjavik) are EMEA, the others (Bermuda, Stanley) Americas; Indian Ocean islands from UTC+05:00
(Maldives, Cocos) are APAC, the others (Mauritius, Reunion) EMEA. Zones with no area (``UTC``,
``Etc/GMT+5``) go by the same offset bands.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from .errors import ValidationError
from .timezones import zone as time_zone

REGIONS = ("Americas", "EMEA", "APAC")
_AREAS = {"America": "Americas", "Europe": "EMEA", "Africa": "EMEA", "Australia": "APAC"}


def standard_offset_hours(timezone: str) -> float:
    """The zone's UTC offset without daylight saving time, in hours (the smaller of January's and July's)."""
    zone = time_zone(timezone)
    return min(dt.datetime(2027, month, 15, 12, tzinfo=zone).utcoffset().total_seconds() / 3600 for month in (1, 7))


@lru_cache(maxsize=None)
def region_of(timezone: str) -> str:
    """``Americas``, ``EMEA`` or ``APAC`` for an IANA zone name (see the module's notes); an empty
    string for a name that is no zone."""
    area = timezone.split("/")[0]
    if area in _AREAS:
        return _AREAS[area]
    try:
        offset = standard_offset_hours(timezone)
    except ValidationError:  # the zone checks refuse such a name on input
        return ""
    if area == "Pacific":  # Galapagos and Easter Island belong to Ecuador and Chile
        return "Americas" if -7 <= offset <= -3 else "APAC"
    if area == "Atlantic":
        return "EMEA" if offset >= -1 else "Americas"
    if area == "Indian":
        return "APAC" if offset >= 5 else "EMEA"
    return "Americas" if offset < -1 else "EMEA" if offset < 4.5 else "APAC"  # Asia, Antarctica, UTC, Etc
