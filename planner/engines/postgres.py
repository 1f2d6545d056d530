"""The PostgreSQL engine: a team's plan in one database on a server, through psycopg 3 (libpq).

``--db postgresql://user@host:port/dbname`` opens it. The password comes from libpq's usual places
(``PGPASSWORD``, ``~/.pgpass``, a service file), then the system keyring (:func:`keyring_password`)
or, in the app, from a prompt held in this process's memory only (:func:`remember_password`); it is never stored, and never shown: :func:`redacted` takes
it out of every URL a message or the app shows. libpq's default ``sslmode=prefer`` uses TLS whenever
the server offers it; ``?sslmode=require`` (or ``verify-full``) in the URL insists on it.

The schema is :mod:`planner.schema`'s steps, each with its PostgreSQL text beside its SQLite one,
applied in one transaction under an advisory lock (two apps opening a new database at once make it
once). The change history is caught by real triggers (:data:`CAPTURE_FUNCTION`) that act only while
a recorded change has set the transaction-local ``rep_planner.recording``; they write into a temporary
table of the connection, as SQLite's temporary triggers do, so :mod:`planner.history` reads the same.
Changes take a transaction-scoped advisory lock first, so they commit one at a time and revision
numbers are dense and in commit order.
"""

from __future__ import annotations

import contextlib
import json
from urllib.parse import parse_qsl, urlencode, urlsplit

import psycopg
from psycopg.conninfo import conninfo_to_dict

from ..errors import PlannerError
from ..i18n import _
from .pg_database import PostgresDatabase

MIGRATIONS_TABLE = "_rep_planner_migrations"
_CHANGE_LOCK = 7_256_071   # pg_advisory_xact_lock keys: one writer of the plan at a time,
_SCHEMA_LOCK = 7_256_072   # one upgrade of the schema at a time
_PASSWORDS: dict[str, str] = {}   # redacted URL -> a password typed in the app, in memory only

CAPTURE_FUNCTION = """CREATE OR REPLACE FUNCTION history_catch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE k text;
BEGIN
  IF current_setting('rep_planner.recording', true) IS DISTINCT FROM 'on' THEN RETURN NULL; END IF;
  -- the first write to a row keeps its value before the change; every write sets the value after;
  -- a changed key is the old row gone and a new one added
  IF TG_OP <> 'INSERT' THEN
    SELECT jsonb_agg(to_jsonb(OLD) -> c ORDER BY n)::text INTO k FROM unnest(TG_ARGV) WITH ORDINALITY AS a(c, n);
    INSERT INTO pg_temp.history_capture VALUES (TG_TABLE_NAME, k, row_to_json(OLD)::text, NULL)
      ON CONFLICT (table_name, key) DO UPDATE SET after = excluded.after;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT jsonb_agg(to_jsonb(NEW) -> c ORDER BY n)::text INTO k FROM unnest(TG_ARGV) WITH ORDINALITY AS a(c, n);
    INSERT INTO pg_temp.history_capture VALUES (TG_TABLE_NAME, k, NULL, row_to_json(NEW)::text)
      ON CONFLICT (table_name, key) DO UPDATE SET after = excluded.after;
  END IF;
  RETURN NULL;
END $$"""


def redacted(url: str) -> str:
    """``url`` without a password (in the user part or as ``?password=``), otherwise as given."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    user, at, host = parts.netloc.rpartition("@")
    if ":" not in user and not any(k == "password" for k, _v in pairs):
        return url
    netloc = f"{user.split(':', 1)[0]}{at}{host}"
    query = urlencode([(k, v) for k, v in pairs if k != "password"])
    # urlunsplit would drop an empty host's "//" (postgresql:///plans: the local socket)
    return f"{parts.scheme}://{netloc}{parts.path}" + (f"?{query}" if query else "") + (
        f"#{parts.fragment}" if parts.fragment else "")


def remember_password(url: str, password: str) -> None:
    """Use ``password`` for ``url`` in this process (the app's prompt, a URL that held one), so that the
    app's workers, which open connections of their own to ``redacted(url)``, can log in too; never
    written anywhere."""
    _PASSWORDS[redacted(url)] = password


def forget_password(url: str) -> None:
    _PASSWORDS.pop(redacted(url), None)


def _where(params: dict) -> str:
    return _("server {host}, port {port}, database {database}").format(
        host=params.get("host") or params.get("hostaddr") or _("(local socket)"), port=params.get("port") or 5432,
        database=params.get("dbname") or params.get("user") or _("(default)"))


def _reason(text: str) -> str:
    """libpq's message on one line, without its "connection to server ... failed:" preamble."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    text = "; ".join(line[:1].lower() + line[1:] if i else line for i, line in enumerate(lines))
    text = text.split(" failed: ")[-1].removeprefix("connection failed: ")
    text = text.replace("FATAL:  ", "").strip()
    if "password" in text and ("no password supplied" in text or "authentication failed" in text):
        text += " (" + _("Rep Planner takes the password from PGPASSWORD, ~/.pgpass or a service file, or asks for "
                         "it in the app") + ")"
    elif "does not exist" in text and "database" in text:
        text += " (" + _("create it first, e.g. createdb, or ask the server's administrator") + ")"
    return text


def keyring_password(params: dict) -> str | None:
    """The password the system keyring keeps for this server and login (``keyring set
    rep-planner:postgresql://HOST[:PORT] LOGIN``), or None; asked only when libpq's own places give none."""
    import getpass

    from ..caldav_password import from_keyring

    host = params.get("host") or params.get("hostaddr") or "localhost"
    port = f":{params['port']}" if params.get("port") else ""
    return from_keyring(f"postgresql://{host}{port}", params.get("user") or getpass.getuser())


def connect(url: str, *, read_only: bool = False) -> psycopg.Connection:
    """A connection to ``url`` (autocommit); one line naming the server and what failed otherwise."""
    shown = redacted(url)
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise PlannerError(_("{url}: not a PostgreSQL URL ({reason})").format(url=shown, reason=_reason(str(exc)))
                           ) from None
    extra = {"application_name": "rep-planner"}
    if "connect_timeout" not in params:
        extra["connect_timeout"] = 10
    if "password" not in params and shown in _PASSWORDS:
        extra["password"] = _PASSWORDS[shown]
    secret = params.get("password") or extra.get("password")
    try:
        try:
            raw = psycopg.connect(url, autocommit=True, **extra)
        except psycopg.OperationalError as exc:
            stored = None if secret or "password" not in str(exc) else keyring_password(params)
            if stored is None:
                raise
            secret = stored  # libpq's places had none: the system keyring's, as for a CalDAV server
            raw = psycopg.connect(url, autocommit=True, **extra, password=stored)
    except psycopg.Error as exc:
        reason = _reason(str(exc))
        if secret and len(secret) > 2:
            reason = reason.replace(secret, "***")
        raise PlannerError(_("{url}: cannot connect to {where} ({reason})").format(
            url=shown, where=_where(params), reason=reason)) from None
    if params.get("password"):
        remember_password(url, params["password"])  # what opens redacted(url) later logs in the same way
    raw.execute("SET lock_timeout = '10s'")  # as SQLite's busy timeout: a writer waits, then is told
    if read_only:
        raw.execute("SET default_transaction_read_only = on")
    return raw


class PostgresEngine:
    name = "postgresql"
    errors = psycopg.Error
    differs = "IS DISTINCT FROM"

    @staticmethod
    def explain(exc: psycopg.Error) -> str:
        text = " ".join(str(exc).split("\n")[:1]).strip() or type(exc).__name__
        if "read-only transaction" in text:
            return _("{text}: it was opened read-only").format(text=text)
        if isinstance(exc, psycopg.OperationalError) and ("closed" in text or "terminat" in text or "lost" in text):
            return _("{text}: the connection to the server was lost; reconnect and try again").format(text=text)
        if "lock timeout" in text:
            return _("{text}: another planner is writing to the plan; try again in a moment").format(text=text)
        if isinstance(exc, psycopg.errors.InsufficientPrivilege) and not text.startswith("refused by the server"):
            return _("refused by the server: {text}, which your role on this team's plan does not allow ('team list' "
                     "says who you are)").format(text=text)
        return text

    @staticmethod
    def begin_change(db, nested: bool) -> None:
        if nested:
            db.execute("SAVEPOINT history_change")
        else:
            db.execute("BEGIN")
            db.execute("SELECT pg_advisory_xact_lock(?)", [_CHANGE_LOCK])

    @staticmethod
    @contextlib.contextmanager
    def reading(db):
        """Reads that must see one moment of the plan (a load: six tables), in a read-only snapshot
        transaction, unless they are part of a transaction already."""
        if db.conn.in_transaction:
            yield
            return
        db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield
        finally:
            db.conn.rollback()  # it wrote nothing: ending it is all

    @staticmethod
    def capture_on(db) -> None:
        db.execute("SELECT set_config('rep_planner.recording', 'on', true)")

    @staticmethod
    def capture_off(db) -> None:
        db.execute("SELECT set_config('rep_planner.recording', 'off', true)")

    @staticmethod
    def key_match(key: tuple) -> tuple[str, list]:
        return "?", [json.dumps(list(key), ensure_ascii=False)]  # jsonb's text: ["Brazil", "Demo"]

    @staticmethod
    def new_revision(db, values: list) -> int:
        from .pg_notify import announce

        # under the change lock: the next number is the highest committed one plus one
        number = db.execute("INSERT INTO history (revision, time, source, author, text, undoes) VALUES "
                            "((SELECT coalesce(max(revision), 0) + 1 FROM history), ?, ?, ?, ?, ?) RETURNING revision",
                            values).fetchone()[0]
        announce(db, number)  # open apps hear of it at commit (planner.engines.pg_notify)
        return number

    @staticmethod
    def defer_foreign_keys(db) -> None:
        db.execute("SET CONSTRAINTS ALL DEFERRED")

    @staticmethod
    def rows_copied(db) -> None:
        """Rows were written with the keys another database gave them (a push): the busy times' identity
        goes on from the highest id there is, so the next one made here takes none of theirs."""
        db.execute("SELECT setval(pg_get_serial_sequence('busy', 'id'), coalesce((SELECT max(id) FROM busy), 0) + 1, "
                   "false)")

    @staticmethod
    def table_columns(db, table: str) -> tuple[list[str], list[str]]:
        return db.columns_of(table)

    @staticmethod
    def capture(store) -> None:
        db = store.db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS history_capture (table_name TEXT NOT NULL, key TEXT NOT NULL, "
                   "before TEXT, after TEXT, PRIMARY KEY (table_name, key))")
        store._capturing = True


ENGINE = PostgresEngine()


def _applied(db: PostgresDatabase) -> list[str]:
    if db.execute("SELECT to_regclass(?)", [MIGRATIONS_TABLE]).fetchone()[0] is None:
        return []
    return [r[0] for r in db.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY id")]


def _install_capture(db: PostgresDatabase) -> None:
    """The history's trigger on every recorded table there is (again after a step adds one)."""
    from ..history import RECORDED

    db.execute(CAPTURE_FUNCTION)
    for table in RECORDED:
        columns, keys = db.columns_of(table)
        if columns:
            args = ", ".join(f"'{k}'" for k in keys)
            db.execute(f'CREATE OR REPLACE TRIGGER history_catch AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
                       f"FOR EACH ROW EXECUTE FUNCTION history_catch({args})")


def _upgrade(db: PostgresDatabase) -> None:
    """Apply the pending schema steps, all in one transaction, once whoever else is upgrading is done."""
    from ..schema import POSTGRES, migrations

    with db.atomic():
        db.execute("SELECT pg_advisory_xact_lock(?)", [_SCHEMA_LOCK])
        db.execute(f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (id INTEGER GENERATED ALWAYS AS IDENTITY "
                   "PRIMARY KEY, migration_set TEXT NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, "
                   "UNIQUE (migration_set, name))")
        done = set(_applied(db))
        for step in migrations._migrations:
            if step.name not in done:
                for statement in POSTGRES[step.name]:
                    db.execute(statement)
                db.execute(f"INSERT INTO {MIGRATIONS_TABLE} (migration_set, name, applied_at) "
                           "VALUES (?, ?, now()::text)", [migrations.name, step.name])
        db._columns.clear()
        _install_capture(db)


def open_database(store, url: str, *, create: bool, read_only: bool) -> PostgresDatabase:
    """The plan's database at ``url``, checked and upgraded; ``create=False`` (or ``read_only``) refuses
    a database that holds no plan's tables yet instead of making them."""
    from ..schema import migrations

    db = PostgresDatabase(connect(url, read_only=read_only))
    try:
        applied = _applied(db)
        known = [m.name for m in migrations._migrations]
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise PlannerError(_("{path}: written by a newer version of Rep Planner (schema step {step!r}); update "
                                 "the app or open another database").format(path=store.path, step=unknown[-1]))
        if not applied and (read_only or not create):
            raise PlannerError(_("{url}: no plan in this database yet").format(url=store.path))
        if len(applied) < len(known):
            if read_only:
                raise PlannerError(_("{url}: this database needs an upgrade, which a read-only connection cannot "
                                     "make; open it normally").format(url=store.path))
            _upgrade(db)
    except psycopg.Error as exc:
        db.close()
        raise PlannerError(_("{url}: cannot open the plan ({reason})").format(url=store.path, reason=ENGINE.explain(exc))
                           ) from None
    except PlannerError:
        db.close()
        raise
    return db


def holds_no_plan(url: str) -> bool:
    """The database at ``url`` has no plan's tables yet (what a missing file is to SQLite)."""
    raw = connect(url, read_only=True)
    try:
        return not _applied(PostgresDatabase(raw))
    except psycopg.Error as exc:  # a login the plan's team does not list may not read it
        raise PlannerError(_("{url}: cannot open the plan ({reason})").format(url=redacted(url),
                                                                          reason=ENGINE.explain(exc))) from None
    finally:
        raw.close()
