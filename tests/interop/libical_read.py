"""Reads .ics files with libical (as Evolution does) through GObject introspection, all in one process.

Run with the system Python that has Debian's python3-gi and gir1.2-ical-3.0: prints
{file: {uid: [start UTC, end UTC, status]}} as JSON, plus {file: {tzid: location}}
under "__locations__".
"""

import datetime
import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402

UTC = datetime.timezone.utc


def utc(t):
    zone = t.get_timezone() or ICalGLib.Timezone.get_utc_timezone()
    return datetime.datetime.fromtimestamp(t.as_timet_with_zone(zone), UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


out, locations = {}, {}
for path in sys.argv[1:]:
    cal = ICalGLib.Component.new_from_string(open(path, encoding="utf-8").read())
    events, zones = {}, {}
    vtz = cal.get_first_component(ICalGLib.ComponentKind.VTIMEZONE_COMPONENT)
    while vtz is not None:
        zone = ICalGLib.Timezone.new()
        zone.set_component(vtz.clone())
        zones[zone.get_tzid()] = zone.get_location()
        vtz = cal.get_next_component(ICalGLib.ComponentKind.VTIMEZONE_COMPONENT)
    event = cal.get_first_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    while event is not None:
        status = event.get_first_property(ICalGLib.PropertyKind.STATUS_PROPERTY)
        events[event.get_uid()] = [utc(event.get_dtstart()), utc(event.get_dtend()),
                                   status.get_value_as_string() if status else None]
        event = cal.get_next_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    out[path], locations[path] = events, zones
out["__locations__"] = locations
json.dump(out, sys.stdout)
