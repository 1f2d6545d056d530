"""Values as a person types them, in a table cell or on the command line, read one way for every edit.

The app's cells and the CLI's arguments arrive as text; the edits in :mod:`planner.commands`
and the constructors here read it with :func:`typed`, so both accept and refuse the same text
with the same message. The model then checks the values (:mod:`planner.model`).
"""

from __future__ import annotations

from typing import Mapping

from .errors import ValidationError
from .i18n import _
from .model import ActivityType, Market, Rep


def number(field_name: str, value):
    """A number typed as text ("3", "1,000", "2.5"); a whole one becomes an int, as stored numbers load."""
    if not isinstance(value, str) or not value.strip():
        return value
    try:
        number = float(value.replace(",", "").strip())
    except ValueError:
        raise ValidationError(field_name, value, _("must be a number")) from None
    return int(number) if number.is_integer() else number


def typed(field_name: str, value, where: str = ""):
    """A field's value as a person types it (a table cell, a command-line argument), as every edit reads it.

    Names lose surrounding spaces, country and region codes are upper-cased (an empty region is
    none), numbers may carry thousands separators. A value that is not text is returned as is.
    ``where`` names the rep, market or activity in the message for text that is not a number.
    """
    if not isinstance(value, str):
        return value
    if field_name == "name":
        return value.strip()
    if field_name in ("country", "subdivision"):
        code = value.strip().upper()
        return None if field_name == "subdivision" and not code else code
    if field_name in ("max_weekly_hours", "value", "minutes"):
        return number(f"{where}.{field_name}" if where else field_name, value)
    return value


def new_rep(name, timezone, country, hours="Mon-Fri 09:00-17:00", max_weekly_hours=40, rules="eu-wtd",
            subdivision=None) -> Rep:
    """A rep from values as typed, read as the edits read them (:func:`typed`)."""
    name = typed("name", name)
    return Rep(name, timezone, typed("country", country), hours,
               typed("max_weekly_hours", max_weekly_hours, f"rep {name!r}"), rules, typed("subdivision", subdivision))


def new_market(name, timezone, country, hours="Mon-Fri 09:00-17:00", tier="B", value=0,
               weekly: Mapping[str, object] | None = None, subdivision=None) -> Market:
    """A market from values as typed; weekly counts are read as :class:`SetWorkload` reads them."""
    name = typed("name", name)
    counts = {a: number(f"market {name!r}.weekly[{a!r}]", n) for a, n in (weekly or {}).items()}
    return Market(name, timezone, typed("country", country), hours, tier, typed("value", value, f"market {name!r}"),
                  counts, typed("subdivision", subdivision))


def new_activity(name, minutes, live: bool) -> ActivityType:
    """An activity type from values as typed."""
    name = typed("name", name)
    return ActivityType(name, typed("minutes", minutes, f"activity {name!r}"), live)
