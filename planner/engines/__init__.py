"""Where a plan is stored: a SQLite file (one planner) or a PostgreSQL database (a team).

``--db PATH`` opens a file, ``--db postgresql://user@host:port/dbname`` a server (:func:`is_server`).
Either way :class:`planner.storage.Store` has ``store.db``, a database object with the same small
API (sqlite-utils' ``Database`` for SQLite, :class:`planner.engines.pg_database.PostgresDatabase`
for PostgreSQL):

- ``db.execute(sql, params)`` -> cursor (``fetchone``, ``fetchall``, iteration); SQL is written once,
  with ``?`` placeholders and double-quoted names, which both engines read;
- ``db[table].rows``, ``.rows_where(where, params, order_by=)``, ``.count``, ``.upsert_all(rows, pk=)``,
  ``.insert_all(rows)``, ``.delete(key)``, ``.delete_where(where, params)``;
- ``db.atomic()`` (a transaction, or a savepoint inside one), ``db.conn.in_transaction``,
  ``db.conn.executemany(sql, rows)``, ``db.conn.rollback()``, ``db.table_names()``, ``db.close()``;

and ``store.engine``, what differs between the two (:class:`planner.engines.sqlite.SqliteEngine`,
:class:`planner.engines.postgres.PostgresEngine`):

- ``name`` ("sqlite", "postgresql"), ``errors`` (the exception classes a failed statement raises),
  ``explain(exc)`` (the failure in one line, no password);
- ``reading(db)``: a context in which several reads see one moment (PostgreSQL: a read-only
  REPEATABLE READ transaction; SQLite: as they are); ``Store.load`` reads in it;
- ``begin_change(db, nested)``: start a change taken for writing at once (SQLite ``BEGIN IMMEDIATE``;
  PostgreSQL ``BEGIN`` and a transaction-scoped advisory lock, so changes commit one at a time and
  revision numbers follow commit order); a savepoint when ``nested``;
- ``capture(store)``, ``capture_on(db)``, ``capture_off(db)``: catch every row a recorded change writes
  into ``history_capture`` (SQLite: temporary triggers; PostgreSQL: real triggers that act only while
  the transaction-local setting ``rep_planner.recording`` is ``on``);
- ``differs``: the SQL operator "not equal, NULL included"; ``key_match(key)``: SQL and parameters
  matching a history key; ``new_revision(db, values)``: insert a history row, its number;
- ``defer_foreign_keys(db)``: check foreign keys at commit (a rename, an undo);
- ``rows_copied(db)``: rows were written with another database's keys (a push): PostgreSQL's busy-time
  identity goes on past them;
- ``table_columns(db, table)``: (columns, primary-key columns).
"""

from __future__ import annotations

SCHEMES = ("postgresql://", "postgres://")


def is_server(path) -> bool:
    """A PostgreSQL URL rather than a file's path."""
    return isinstance(path, str) and path.startswith(SCHEMES)
