"""A PostgreSQL connection with the small part of sqlite-utils' ``Database`` API the plan uses
(listed in :mod:`planner.engines`), so that storage, history, alternatives and calendars keep one
code path on both engines.

SQL is written once with ``?`` placeholders; here they become psycopg's ``%s`` (and a literal ``%``
becomes ``%%``), once per distinct statement. The connection is in autocommit mode: a statement
outside :meth:`PostgresDatabase.atomic` or a recorded change is its own transaction, as in SQLite.
"""

from __future__ import annotations

import contextlib
import functools
import itertools

import psycopg
from psycopg.rows import dict_row

_savepoints = itertools.count(1)
_OPEN = (psycopg.pq.TransactionStatus.INTRANS, psycopg.pq.TransactionStatus.INERROR,
         psycopg.pq.TransactionStatus.ACTIVE)


@functools.lru_cache(maxsize=512)
def translated(sql: str) -> str:
    """``sql`` with SQLite's ``?`` placeholders as psycopg's ``%s``."""
    return sql.replace("%", "%%").replace("?", "%s")


def _quoted(names) -> str:
    return ", ".join(f'"{n}"' for n in names)


class _Connection:
    """What code reaches through ``db.conn``: the transaction state, executemany, rollback."""

    def __init__(self, raw: psycopg.Connection):
        self.raw = raw

    @property
    def in_transaction(self) -> bool:
        """In a transaction, an aborted one included (not on a lost connection: there is none to end)."""
        return self.raw.info.transaction_status in _OPEN

    def execute(self, sql: str, params=()):
        return self.raw.execute(translated(sql), list(params))

    def executemany(self, sql: str, rows) -> None:
        rows = list(rows)
        if rows:
            with self.raw.cursor() as cursor:
                cursor.executemany(translated(sql), rows)

    def rollback(self) -> None:
        """End the transaction without its changes; on a lost connection the server has dropped them."""
        if self.in_transaction:
            try:
                self.raw.execute("ROLLBACK")
            except psycopg.OperationalError:
                if not self.raw.broken:
                    raise

    def commit(self) -> None:
        if self.in_transaction:
            self.raw.execute("COMMIT")

    def close(self) -> None:
        self.raw.close()


class Table:
    def __init__(self, db: "PostgresDatabase", name: str):
        self.db, self.name = db, name

    def exists(self) -> bool:
        return self.name in self.db.table_names()

    @property
    def pks(self) -> list[str]:
        return self.db.columns_of(self.name)[1]

    @property
    def count(self) -> int:
        return self.db.execute(f'SELECT count(*) FROM "{self.name}"').fetchone()[0]

    @property
    def rows(self):
        return self.rows_where()

    def rows_where(self, where: str | None = None, where_args=None, order_by: str | None = None):
        sql = f'SELECT * FROM "{self.name}"' + (f" WHERE {where}" if where else "") + (
            f" ORDER BY {order_by}" if order_by else "")
        with self.db.conn.raw.cursor(row_factory=dict_row) as cursor:
            yield from cursor.execute(translated(sql), list(where_args or ()))

    def _write(self, rows, conflict: str) -> None:
        rows = list(rows)
        if not rows:
            return
        columns = list(rows[0])
        sql = (f'INSERT INTO "{self.name}" ({_quoted(columns)}) VALUES ({", ".join("?" * len(columns))})'
               + conflict(columns))
        self.db.conn.executemany(sql, [[row.get(c) for c in columns] for row in rows])

    def upsert_all(self, rows, pk) -> None:
        keys = [pk] if isinstance(pk, str) else list(pk)

        def conflict(columns):
            updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c not in keys)
            return f" ON CONFLICT ({_quoted(keys)}) " + (f"DO UPDATE SET {updates}" if updates else "DO NOTHING")
        self._write(rows, conflict)

    def insert_all(self, rows) -> None:
        self._write(rows, lambda columns: "")

    def delete(self, key) -> None:
        key = list(key) if isinstance(key, (tuple, list)) else [key]
        self.db.execute(f'DELETE FROM "{self.name}" WHERE ' + " AND ".join(f'"{k}" = ?' for k in self.pks), key)

    def delete_where(self, where: str, where_args=None) -> None:
        self.db.execute(f'DELETE FROM "{self.name}" WHERE {where}', list(where_args or ()))


class PostgresDatabase:
    """One connection to the plan's database on a PostgreSQL server."""

    def __init__(self, raw: psycopg.Connection):
        self.conn = _Connection(raw)
        self._columns: dict[str, tuple[list[str], list[str]]] = {}

    def execute(self, sql: str, params=()):
        return self.conn.execute(sql, params)

    def __getitem__(self, table: str) -> Table:
        return Table(self, table)

    def table_names(self) -> list[str]:
        return [r[0] for r in self.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_type = 'BASE TABLE' ORDER BY table_name")]

    def columns_of(self, table: str) -> tuple[list[str], list[str]]:
        """The table's columns in order and its primary key's, in order (kept: the schema is fixed
        once the database is open)."""
        if table not in self._columns:
            columns = [r[0] for r in self.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(?) AND attnum > 0 "
                "AND NOT attisdropped ORDER BY attnum", [f'"{table}"'])]
            keys = [r[0] for r in self.execute(
                "SELECT a.attname FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) "
                "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                "WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY k.n", [f'"{table}"'])]
            if not columns:
                return [], []
            self._columns[table] = (columns, keys)
        return self._columns[table]

    @contextlib.contextmanager
    def atomic(self):
        """A transaction, or a savepoint inside one; rolled back on an error."""
        if self.conn.in_transaction:
            name = f"atomic_{next(_savepoints)}"
            self.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                self.execute(f"RELEASE SAVEPOINT {name}")
        else:
            self.execute("BEGIN")
            try:
                yield self
            except BaseException:
                self.conn.rollback()
                raise
            else:
                self.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()
