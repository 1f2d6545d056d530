"""Busy times from a rep's own calendar on a CalDAV server, for the scheduler to avoid.

The calendar's events are fetched whole (one REPORT with no time-range) and read here as the
file import reads a file (:func:`planner.ics_import.read_busy`: recurrences expanded on this
machine, inside the window only; all-day, free and cancelled events as there): servers' own
time-range filtering was seen an hour off (Xandikos for every zone tested, Radicale for London in
2040). Each resource is read on its own, with its own VTIMEZONEs, since two resources may carry
different rules under one TZID. Events this app published (their UID ends in ``@rep-planner``)
are the plan itself, not meetings, and are left out, so a rep may publish to the calendar they
import from. The import replaces what the same calendar brought last time, and nothing else.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .caldav_client import Account, Connection, ServerError, check_url
from .calendar_store import CalendarStore
from .errors import PlannerError
from .i18n import _
from .ics_import import MAX_INSTANCES, read_busy
from .storage import Store

_UID = re.compile(rb"^UID[;:](?:[^:\r\n]*:)?(.*?)\r?$", re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True)
class ServerBusy:
    calendar: str
    events: int   # resources read
    busy: int     # busy times imported
    own: int      # resources left out: events this app published


def _ours(data: bytes) -> bool:
    unfolded = re.sub(rb"\r?\n[ \t]", b"", data)
    uids = [u.strip() for u in _UID.findall(unfolded)]
    return bool(uids) and all(u.endswith(b"@rep-planner") for u in uids)


def import_busy_from_server(store: Store, rep: str, account: Account, start: dt.datetime,
                            end: dt.datetime) -> ServerBusy:
    """Replace the busy times the calendar at ``account.url`` gave ``rep`` last time with what it holds
    between ``start`` and ``end`` now."""
    timezone = store.load().rep(rep).timezone
    url = check_url(account.url)
    connection = Connection(account)
    try:
        kind = connection.calendar_kind(url)
        if kind != "calendar":
            raise ServerError((_("{url}: no calendar at this address; give the address of the rep's calendar")
                               if kind == "missing" else
                               _("{url}: not a calendar; give the address of the rep's calendar")).format(url=url))
        resources = connection.events(url)
    finally:
        connection.close()
    busy, own = [], 0
    for path, _etag, data in sorted(resources):
        if _ours(data):
            own += 1
            continue
        busy += read_busy(data, timezone=timezone, start=start, end=end, source=f"{url} ({path.rsplit('/', 1)[-1]})")
        if len(busy) > MAX_INSTANCES:
            raise PlannerError(_("{url}: more than {n} busy events between {start} and {end}; import a shorter "
                                 "period (--days)").format(url=url, n=MAX_INSTANCES, start=f"{start:%Y-%m-%d}",
                                                           end=f"{end:%Y-%m-%d}"))
    busy.sort(key=lambda b: (b.start, b.end))
    count = CalendarStore(store).replace_busy(rep, busy, source=url)
    return ServerBusy(url, len(resources), count, own)
