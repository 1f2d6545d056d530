"""What was published to each CalDAV calendar: the export records of :mod:`planner.ics_export`
again, one set per calendar (a server is not a file: one plan can be published to several), each
with the ETag the server gave the event's resource, so the next publish knows what is unchanged.

Events live at an address made from their UID, so a record needs no address of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from .errors import PlannerError
from .i18n import _
from .ics_export import ExportRecord

_UNSAFE = re.compile(r"[^A-Za-z0-9.-]")


@dataclass(frozen=True)
class Published:
    record: ExportRecord
    etag: str | None  # None: not on the server (cancelled and deleted, or its ETag unknown)


def resource_name(uid: str) -> str:
    """The resource's file name in the calendar, made from its UID and nothing else: letters, digits,
    dots and dashes kept, any other character written ``_XX`` (its code in hex), so two UIDs never
    share a name. ``2027-W11.laura.demo.0.1a2b3c4d@rep-planner`` -> ``...1a2b3c4d_40rep-planner.ics``."""
    return _UNSAFE.sub(lambda m: "".join(f"_{b:02X}" for b in m.group().encode()), uid) + ".ics"


def uid_of(name: str) -> str | None:
    """The UID :func:`resource_name` made ``name`` from; None for a name it could not have made."""
    if not name.endswith(".ics"):
        return None
    stem = name[:-4]
    if re.search(r"[^A-Za-z0-9._-]|_(?![0-9A-F]{2})", stem):
        return None
    try:
        return re.sub(r"(?:_[0-9A-F]{2})+", lambda m: bytes.fromhex(m.group().replace("_", "")).decode(), stem)
    except UnicodeDecodeError:
        return None


def resource_url(calendar: str, uid: str) -> str:
    return urljoin(calendar, resource_name(uid))


def load(db, calendar: str, reps, weeks) -> dict[str, Published]:
    """The records of ``reps`` in ``weeks`` published to ``calendar``, by UID."""
    reps, weeks = list(reps), list(weeks)
    if not reps or not weeks:
        return {}
    where = (f"calendar = ? AND rep IN ({', '.join('?' * len(reps))}) "
             f"AND week IN ({', '.join('?' * len(weeks))})")
    return {r["uid"]: Published(ExportRecord(r["uid"], r["rep"], r["week"], r["sequence"], r["fingerprint"],
                                             r["summary"], r["start"], r["end"], bool(r["cancelled"])), r["etag"])
            for r in db["published"].rows_where(where, [calendar] + reps + weeks)}


def save(store, calendar: str, published) -> None:
    """Record ``published`` (:class:`Published`) for ``calendar``, in one transaction."""
    rows = [{"calendar": calendar, "uid": p.record.uid, "rep": p.record.rep, "week": p.record.week,
             "sequence": p.record.sequence, "fingerprint": p.record.fingerprint, "summary": p.record.summary,
             "start": p.record.start, "end": p.record.end, "cancelled": int(p.record.cancelled), "etag": p.etag}
            for p in published]
    if not rows:
        return
    try:
        with store.db.atomic():
            store.db["published"].upsert_all(rows, pk=("calendar", "uid"))
    except store.engine.errors as exc:
        raise PlannerError(_("{path}: what was published was not recorded ({reason}); the next publish "
                             "reads the calendar again and completes it").format(path=store.path, reason=exc)) from None
