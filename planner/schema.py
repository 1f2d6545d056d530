"""The database's schema: one sqlite-utils ``Migrations`` step per change of it, applied in order.

A step once released is never edited: a new step changes what an older one made. A database holding a
step this version does not know was written by a newer version and is refused (:func:`check_version`).

Each step has its PostgreSQL text beside it in :data:`POSTGRES` (applied by
:mod:`planner.engines.postgres`): the same tables, columns and keys, in PostgreSQL's words (REAL is
``DOUBLE PRECISION``, SQLite's row-id key an identity column), with foreign keys ``DEFERRABLE`` so that a
rename or an undo can check them at commit as SQLite's ``defer_foreign_keys`` does.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils import Migrations

from . import history
from .engines import pg_roles_sql as _pg_roles_sql
from .errors import PlannerError
from .i18n import _

migrations = Migrations("rep-planner")
POSTGRES: dict[str, tuple[str, ...]] = {}   # step name -> its statements on PostgreSQL


@migrations()
def m001_scenario(db: sqlite_utils.Database) -> None:
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("""CREATE TABLE activities (
        name TEXT PRIMARY KEY, position INTEGER NOT NULL,
        minutes INTEGER NOT NULL, live INTEGER NOT NULL)""")
    db.execute("""CREATE TABLE reps (
        name TEXT PRIMARY KEY, position INTEGER NOT NULL, timezone TEXT NOT NULL,
        country TEXT NOT NULL, subdivision TEXT, hours TEXT NOT NULL,
        max_weekly_hours REAL NOT NULL, rules TEXT NOT NULL)""")
    db.execute("""CREATE TABLE markets (
        name TEXT PRIMARY KEY, position INTEGER NOT NULL, timezone TEXT NOT NULL,
        country TEXT NOT NULL, subdivision TEXT, hours TEXT NOT NULL,
        tier TEXT NOT NULL, value REAL NOT NULL)""")
    db.execute("""CREATE TABLE workload (
        market TEXT NOT NULL REFERENCES markets(name) ON DELETE CASCADE,
        activity TEXT NOT NULL REFERENCES activities(name) ON DELETE CASCADE,
        position INTEGER NOT NULL, count INTEGER NOT NULL,
        PRIMARY KEY (market, activity))""")
    db.execute("""CREATE TABLE assignments (
        market TEXT PRIMARY KEY REFERENCES markets(name) ON DELETE CASCADE,
        rep TEXT NOT NULL REFERENCES reps(name) ON DELETE CASCADE,
        position INTEGER NOT NULL, locked INTEGER NOT NULL)""")


POSTGRES["m001_scenario"] = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE activities (
        name TEXT PRIMARY KEY, position INTEGER NOT NULL,
        minutes INTEGER NOT NULL, live INTEGER NOT NULL)""",
    """CREATE TABLE reps (
        name TEXT PRIMARY KEY, position INTEGER NOT NULL, timezone TEXT NOT NULL,
        country TEXT NOT NULL, subdivision TEXT, hours TEXT NOT NULL,
        max_weekly_hours DOUBLE PRECISION NOT NULL, rules TEXT NOT NULL)""",
    """CREATE TABLE markets (
        name TEXT PRIMARY KEY, position INTEGER NOT NULL, timezone TEXT NOT NULL,
        country TEXT NOT NULL, subdivision TEXT, hours TEXT NOT NULL,
        tier TEXT NOT NULL, value DOUBLE PRECISION NOT NULL)""",
    """CREATE TABLE workload (
        market TEXT NOT NULL REFERENCES markets(name) ON DELETE CASCADE DEFERRABLE,
        activity TEXT NOT NULL REFERENCES activities(name) ON DELETE CASCADE DEFERRABLE,
        position INTEGER NOT NULL, count INTEGER NOT NULL,
        PRIMARY KEY (market, activity))""",
    """CREATE TABLE assignments (
        market TEXT PRIMARY KEY REFERENCES markets(name) ON DELETE CASCADE DEFERRABLE,
        rep TEXT NOT NULL REFERENCES reps(name) ON DELETE CASCADE DEFERRABLE,
        position INTEGER NOT NULL, locked INTEGER NOT NULL)""",
)


@migrations()
def m002_calendars(db: sqlite_utils.Database) -> None:
    db.execute("""CREATE TABLE exports (
        uid TEXT PRIMARY KEY, rep TEXT NOT NULL, week TEXT NOT NULL, sequence INTEGER NOT NULL,
        fingerprint TEXT NOT NULL, summary TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL,
        cancelled INTEGER NOT NULL)""")
    db.execute("CREATE INDEX exports_rep_week ON exports (rep, week)")
    db.execute("""CREATE TABLE busy (
        id INTEGER PRIMARY KEY, rep TEXT NOT NULL REFERENCES reps(name) ON DELETE CASCADE ON UPDATE CASCADE,
        start TEXT NOT NULL, "end" TEXT NOT NULL, summary TEXT NOT NULL, source TEXT NOT NULL)""")
    db.execute("CREATE INDEX busy_rep ON busy (rep, start)")
    db.execute("""CREATE TABLE pins (
        rep TEXT NOT NULL REFERENCES reps(name) ON DELETE CASCADE ON UPDATE CASCADE,
        week TEXT NOT NULL, market TEXT NOT NULL, activity TEXT NOT NULL, n INTEGER NOT NULL,
        start TEXT NOT NULL, PRIMARY KEY (rep, week, market, activity, n))""")


POSTGRES["m002_calendars"] = (
    """CREATE TABLE exports (
        uid TEXT PRIMARY KEY, rep TEXT NOT NULL, week TEXT NOT NULL, sequence INTEGER NOT NULL,
        fingerprint TEXT NOT NULL, summary TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL,
        cancelled INTEGER NOT NULL)""",
    "CREATE INDEX exports_rep_week ON exports (rep, week)",
    """CREATE TABLE busy (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        rep TEXT NOT NULL REFERENCES reps(name) ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE,
        start TEXT NOT NULL, "end" TEXT NOT NULL, summary TEXT NOT NULL, source TEXT NOT NULL)""",
    "CREATE INDEX busy_rep ON busy (rep, start)",
    """CREATE TABLE pins (
        rep TEXT NOT NULL REFERENCES reps(name) ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE,
        week TEXT NOT NULL, market TEXT NOT NULL, activity TEXT NOT NULL, n INTEGER NOT NULL,
        start TEXT NOT NULL, PRIMARY KEY (rep, week, market, activity, n))""",
)


@migrations()
def m003_history(db: sqlite_utils.Database) -> None:
    for statement in history.SCHEMA:  # the change history (planner.history)
        db.execute(statement)


POSTGRES["m003_history"] = history.SCHEMA_POSTGRES


@migrations()
def m004_published(db: sqlite_utils.Database) -> None:
    # What was published to each CalDAV calendar (planner.caldav_records): the export records
    # again, per calendar, with the ETag the server gave; never a password.
    db.execute("""CREATE TABLE published (
        calendar TEXT NOT NULL, uid TEXT NOT NULL, rep TEXT NOT NULL, week TEXT NOT NULL,
        sequence INTEGER NOT NULL, fingerprint TEXT NOT NULL, summary TEXT NOT NULL, start TEXT NOT NULL,
        "end" TEXT NOT NULL, cancelled INTEGER NOT NULL, etag TEXT, PRIMARY KEY (calendar, uid))""")
    db.execute("CREATE INDEX published_rep_week ON published (calendar, rep, week)")


POSTGRES["m004_published"] = (
    """CREATE TABLE published (
        calendar TEXT NOT NULL, uid TEXT NOT NULL, rep TEXT NOT NULL, week TEXT NOT NULL,
        sequence INTEGER NOT NULL, fingerprint TEXT NOT NULL, summary TEXT NOT NULL, start TEXT NOT NULL,
        "end" TEXT NOT NULL, cancelled INTEGER NOT NULL, etag TEXT, PRIMARY KEY (calendar, uid))""",
    "CREATE INDEX published_rep_week ON published (calendar, rep, week)",
)


@migrations()
def m005_alternatives(db: sqlite_utils.Database) -> None:
    from . import alternatives

    for statement in alternatives.SCHEMA:  # named versions of the plan (planner.alternatives)
        db.execute(statement)


# the same text on both engines (a name, a position, a plan as JSON text)
POSTGRES["m005_alternatives"] = ("CREATE TABLE alternatives (name TEXT PRIMARY KEY, position INTEGER NOT NULL, plan TEXT)",)


@migrations()
def m006_team_roles(db: sqlite_utils.Database) -> None:
    # A team's members and their roles (planner.engines.pg_roles). A file has one planner and no
    # roles; the table is there, empty, so that both engines hold the same schema.
    from .engines.pg_roles_sql import MEMBERS

    db.execute(MEMBERS)


# the members, and what the server enforces: group roles, grants, the row guard, policies
POSTGRES["m006_team_roles"] = _pg_roles_sql.statements()


def check_version(db: sqlite_utils.Database, path) -> None:
    """Refuse a database written by a newer version of the app (a schema step this one does not know)."""
    known = {m.name for m in migrations._migrations}
    unknown = [m.name for m in migrations.applied(db) if m.name not in known]
    if unknown:
        raise PlannerError(_("{path}: written by a newer version of Rep Planner (schema step {step}); "
                             "update the app or open another database").format(path=path, step=repr(unknown[-1])))
