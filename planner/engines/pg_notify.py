"""Live updates on a team's plan: every committed revision is announced, and an open app hears it.

:func:`announce` runs in the change's transaction, right after its revision is numbered:
``pg_notify`` is transactional, so the announcement goes out when the change commits and never for
one rolled back. PostgreSQL delivers a notification only to listeners on the same database, so the
one channel name is a channel per plan database. :class:`Listener` waits for announcements on a
connection of its own (the app runs it off the GUI thread) and gives the revision numbers.
"""

from __future__ import annotations

import psycopg

from . import postgres

CHANNEL = "rep_planner_revisions"


def announce(db, revision: int) -> None:
    """Tell the plan's listeners, at commit, that ``revision`` landed."""
    db.execute("SELECT pg_notify(?, ?)", [CHANNEL, str(revision)])


class Listener:
    """A connection listening for the plan's revisions; :meth:`wait` gives the numbers that arrived.

    Connecting (:meth:`open`) raises :class:`planner.errors.PlannerError` when the server cannot be
    reached; :meth:`wait` raises ``psycopg.OperationalError`` when the connection is lost (the server
    stopped): the caller says it is offline and opens again later.
    """

    def __init__(self, url: str):
        self.url, self.conn = url, None

    def open(self) -> None:
        self.conn = postgres.connect(self.url)
        self.conn.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float) -> list[int]:
        """The revisions announced within ``timeout`` seconds (all those already queued at once)."""
        got = [int(n.payload) for n in self.conn.notifies(timeout=timeout, stop_after=1)]
        if got:  # the rest of a burst, without waiting again
            got += [int(n.payload) for n in self.conn.notifies(timeout=0)]
        return got

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except psycopg.Error:
                pass
            self.conn = None
