"""Reading a file the user names, within a size limit; writing one whole.

A refused file is reported with its own size, and sizes and limits are in the
same unit (MB of 2**20 bytes, as file managers show them): reading only up to
the limit and reporting what was read gave "8.4 MB is too large" for a 30 MB file.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import PlannerError
from .i18n import _, fixed, number


def megabytes(size: int) -> str:
    return _("{n} MB").format(n=fixed(size / 2**20, 1))


def too_large(source, size: int | None, limit: int, what: str, advice: str = "") -> PlannerError:
    """The error for a file of ``size`` bytes (None: unknown, more than ``limit``); ``what`` and
    ``advice`` are marked with ``N_`` where they are written, and translated here."""
    most = number(limit / 2**20)
    amount = megabytes(size) if size is not None else _("more than {n} MB").format(n=most)
    return PlannerError(_("{source}: {size} is too large for {what} (limit {limit} MB)").format(
        source=source, size=amount, what=_(what), limit=most) + (_("; {advice}").format(advice=_(advice)) if advice else ""))


def read_limited(path, limit: int, what: str, advice: str = "") -> bytes:
    """The bytes of ``path``; a file over ``limit`` bytes is refused before it is read."""
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > limit:
                raise too_large(path, size, limit, what, advice)
            data = fh.read(limit + 1)  # a pipe reports no size, and a file may grow meanwhile
    except OSError as exc:
        raise PlannerError(_("{path}: cannot read the file ({problem})").format(path=path, problem=exc.strerror)) from None
    if len(data) > limit:
        raise too_large(path, None, limit, what, advice)
    return data


def write_whole(path, data: bytes, *, database=None) -> None:
    """Write ``data`` to the file ``path`` whole or not at all: a crash or a full disk mid-write
    leaves the old file as it was, and nothing beside it.

    A link is followed, so the file it points to is updated and the link kept. A device or a
    pipe (/dev/null, /dev/stdout) is written straight: replacing it would put a regular file in
    its place (as root, /dev/null itself). ``database``, the database in use, is refused: the
    export took its place and the plan was lost.
    """
    if not str(path):
        raise PlannerError(_("give the name of the file to write"))
    try:
        target = Path(os.path.realpath(path))
        if database and target.exists() and os.path.exists(database) and os.path.samefile(target, database):
            raise PlannerError(_("{path}: this is the database; write the export to another file").format(path=path))
        if target.is_dir():
            raise PlannerError(_("{path}: this is a folder; give the name of a file").format(path=path))
        if target.exists() and not target.is_file():
            with open(target, "wb") as fh:
                fh.write(data)
            return
        tmp = target.with_name(target.name + ".tmp")
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    except OSError as exc:
        raise PlannerError(_("{path}: cannot write the file ({problem})").format(path=path, problem=exc.strerror)) from None
