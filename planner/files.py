"""Reading a file the user names, within a size limit.

A refused file is reported with its own size, and sizes and limits are in the
same unit (MB of 2**20 bytes, as file managers show them): reading only up to
the limit and reporting what was read gave "8.4 MB is too large" for a 30 MB file.
"""

from __future__ import annotations

import os

from .errors import PlannerError


def megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


def too_large(source, size: int | None, limit: int, what: str, advice: str = "") -> PlannerError:
    """The error for a file of ``size`` bytes (None: unknown, more than ``limit``)."""
    amount = megabytes(size) if size is not None else f"more than {limit / 2**20:g} MB"
    return PlannerError(f"{source}: {amount} is too large for {what} (limit {limit / 2**20:g} MB)"
                        + (f"; {advice}" if advice else ""))


def read_limited(path, limit: int, what: str, advice: str = "") -> bytes:
    """The bytes of ``path``; a file over ``limit`` bytes is refused before it is read."""
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > limit:
                raise too_large(path, size, limit, what, advice)
            data = fh.read(limit + 1)  # a pipe reports no size, and a file may grow meanwhile
    except OSError as exc:
        raise PlannerError(f"{path}: cannot read the file ({exc.strerror})") from None
    if len(data) > limit:
        raise too_large(path, None, limit, what, advice)
    return data
