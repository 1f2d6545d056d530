"""iCalendar content lines (RFC 5545 section 3.1), written directly.

The export writes tens of thousands of properties; building each as an ``icalendar``
object cost most of a 52-week team export (9 s for 14,000 events). Only the few value
types the export uses are here, each written as RFC 5545 says: TEXT escaped (3.3.11),
lines folded at 75 octets without splitting a UTF-8 character, CRLF line ends.
"""

from __future__ import annotations

import datetime as dt
import re

_SPECIAL = re.compile(r"[\\;,\r\n]")


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newline escaped."""
    if _SPECIAL.search(value) is None:
        return value
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))


def fold_lines(lines) -> str:
    """:func:`fold` of each line, joined."""
    return "".join(line + "\r\n" if len(line) <= 75 and line.isascii() else fold(line) for line in lines)


def fold(line: str) -> str:
    """``line`` with CRLF, folded into pieces of at most 75 octets (continuations start with a space)."""
    data = line.encode()
    if len(data) <= 75:
        return line + "\r\n"
    pieces, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:  # never inside a UTF-8 character
            end -= 1
        pieces.append(data[start:end].decode())
        start, limit = end, 74
    return "\r\n ".join(pieces) + "\r\n"


def content_line(name: str, value: str, params: str = "") -> str:
    """``NAME;PARAMS:value`` for a TEXT value, unfolded (without CRLF)."""
    return f"{name}{params}:{escape_text(value)}"


def text_list(values) -> str:
    """A multi-valued TEXT property's value (CATEGORIES): each escaped, comma-separated."""
    return ",".join(escape_text(v) for v in values)


def utc_text(instant: dt.datetime) -> str:
    """``20270315T130000Z`` (seconds kept, fractions dropped: iCalendar has none)."""
    u = instant.astimezone(dt.timezone.utc)
    return f"{u.year:04d}{u.month:02d}{u.day:02d}T{u.hour:02d}{u.minute:02d}{u.second:02d}Z"


def local_text(local: dt.datetime) -> str:
    """``20270315T090000``: a wall-clock time, for a property with a TZID."""
    return f"{local.year:04d}{local.month:02d}{local.day:02d}T{local.hour:02d}{local.minute:02d}{local.second:02d}"


def offset_text(offset: dt.timedelta) -> str:
    """A UTC offset: ``+0100``, ``-0330``, ``+0545`` (``+002030`` when it has seconds)."""
    seconds = int(offset.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{seconds:02d}" if seconds else "")


def duration_text(delta: dt.timedelta) -> str:
    """A DURATION in minutes: ``-PT10M``."""
    minutes = int(delta.total_seconds() // 60)
    return f"{'-' if minutes < 0 else ''}PT{abs(minutes)}M"


def parameter_value(value: str) -> str:
    """A parameter value, quoted when it holds ``:``, ``;`` or ``,`` (RFC 5545 3.2)."""
    return f'"{value}"' if any(c in value for c in ":;,") else value
