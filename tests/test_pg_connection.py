"""Opening a team's plan on a PostgreSQL server from the command line: where the password comes
from, what a failed connection says (one line, exit 2, no password), and what a database without a
plan, or opened --read-only, refuses."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import psycopg
import pytest

from planner.cli import main
from planner.engines import postgres
from planner.errors import PlannerError
from planner.schema import migrations
from planner.storage import Store
from tests.caldav_servers import free_port


def run(capsys, *argv) -> tuple[int, str]:
    code = main([str(a) for a in argv], today=dt.date(2027, 3, 17))
    out, err = capsys.readouterr()
    return code, out + err


def _tables(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        return [r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables "
                                           "WHERE table_schema = 'public'")]


def test_the_password_comes_from_libpqs_password_file_or_pgpassword(capsys, monkeypatch, pg_url, pg_cluster,
                                                                    tmp_path):
    assert run(capsys, "--db", pg_url, "demo")[0] == 0   # the session's password file (PGPASSFILE)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    code, text = run(capsys, "--db", pg_url, "reps")
    assert code == 2 and text.count("\n") == 1
    assert text.startswith(f"error: {pg_url}: cannot connect to server 127.0.0.1, port {pg_cluster.port}, "
                           f"database {pg_url.rsplit('/', 1)[1]} (")
    assert "no password supplied" in text and "PGPASSWORD, ~/.pgpass" in text
    monkeypatch.setenv("PGPASSWORD", pg_cluster.password)
    code, text = run(capsys, "--db", pg_url, "reps")
    assert code == 0 and "Laura" in text


def test_a_wrong_password_is_refused_in_one_line_that_never_shows_it(capsys, monkeypatch, pg_url, pg_cluster):
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    host = pg_url.split("@", 1)[1]
    code, text = run(capsys, "--db", f"postgresql://postgres:Wr0ngSecret@{host}", "demo")
    assert code == 2 and text.count("\n") == 1
    assert "Wr0ngSecret" not in text and "password authentication failed" in text
    assert text.startswith(f"error: postgresql://postgres@{host}: cannot connect to server 127.0.0.1")
    # the right one, given in the URL, works, and is shown nowhere: not in what is printed, not in the history
    code, text = run(capsys, "--db", f"postgresql://postgres:{pg_cluster.password}@{host}", "demo")
    assert code == 0 and pg_cluster.password not in text and f"postgresql://postgres@{host}" in text
    code, text = run(capsys, "--db", f"postgresql://postgres:{pg_cluster.password}@{host}", "history", "--json")
    assert code == 0 and pg_cluster.password not in text


def test_no_server_there_is_one_line_naming_host_port_and_database_and_exit_2():
    port = free_port()
    done = subprocess.run([sys.executable, "-m", "planner.cli", "--db", f"postgresql://ann@127.0.0.1:{port}/plans",
                           "reps"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"error: postgresql://ann@127.0.0.1:{port}/plans: cannot connect to server 127.0.0.1, port {port}, "
        "database plans (Connection refused; is the server running on that host and accepting TCP/IP connections?)"]


def test_a_missing_database_on_the_server_is_named(capsys, pg_cluster):
    url = pg_cluster.url("no_such_plan")
    code, text = run(capsys, "--db", url, "reps")
    assert code == 2 and 'database "no_such_plan" does not exist' in text and "createdb" in text


def test_a_database_without_a_plan_is_refused_by_commands_that_create_none_and_left_empty(capsys, pg_url):
    for argv in (["reps"], ["history"], ["market", "assign", "Brazil", "Laura"], ["--read-only", "reps"]):
        code, text = run(capsys, "--db", pg_url, *argv)
        assert code == 2, argv
        assert text == (f"error: {pg_url}: no plan in this database yet, and this command creates none; 'demo', "
                        "'import FILE' or 'import-csv reps FILE' create one\n")
    assert _tables(pg_url) == []


def test_read_only_reads_and_the_server_refuses_every_write(capsys, pg_url):
    assert run(capsys, "--db", pg_url, "demo")[0] == 0
    code, text = run(capsys, "--db", pg_url, "--read-only", "reps")
    assert code == 0 and "Laura" in text
    store = Store(pg_url, read_only=True)
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        store.db.execute("UPDATE reps SET max_weekly_hours = 1")
    store.close()
    assert run(capsys, "--db", pg_url, "--read-only", "history", "--json")[0] == 0


def test_backups_and_restore_on_a_server_say_where_its_safety_lies(capsys, pg_url):
    assert run(capsys, "--db", pg_url, "demo")[0] == 0
    for argv in (["backups"], ["restore", "latest"]):
        code, text = run(capsys, "--db", pg_url, *argv)
        assert code == 2 and "a plan on a server has no backup files" in text and "'undo'" in text


def test_two_apps_opening_a_new_database_at_once_make_its_tables_once(pg_url):
    import threading

    errors, stores = [], []

    def open_it():
        try:
            stores.append(Store(pg_url))
        except Exception as exc:  # noqa: BLE001 (the test reports whatever failed)
            errors.append(exc)
    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(stores) == 4
    with psycopg.connect(pg_url) as conn:
        steps = [r[0] for r in conn.execute(f"SELECT name FROM {postgres.MIGRATIONS_TABLE} ORDER BY id")]
    assert steps[:5] == ["m001_scenario", "m002_calendars", "m003_history", "m004_published", "m005_alternatives"]
    assert steps == [m.name for m in migrations._migrations]   # each step once, in order
    for store in stores:
        store.close()


def test_urls_lose_their_password_wherever_it_is_given():
    assert postgres.redacted("postgresql://ann:s3cret@db.example.com:5433/plans?sslmode=require") == \
        "postgresql://ann@db.example.com:5433/plans?sslmode=require"
    assert postgres.redacted("postgres://ann@host/plans?password=s3cret&sslmode=prefer") == \
        "postgres://ann@host/plans?sslmode=prefer"
    assert postgres.redacted("postgresql://ann@host/plans") == "postgresql://ann@host/plans"
    assert postgres.redacted("postgresql:///plans?port=5433") == "postgresql:///plans?port=5433"
    assert postgres.redacted("postgresql://:s3cret@/plans?host=/run/pg") == "postgresql://@/plans?host=%2Frun%2Fpg"


def test_a_connection_lost_mid_change_leaves_nothing_of_it_and_says_so(capsys, pg_url):
    import dataclasses

    from planner import history

    assert run(capsys, "--db", pg_url, "demo")[0] == 0
    store = Store(pg_url)
    before = store.load()
    pid = store.db.execute("SELECT pg_backend_pid()").fetchone()[0]
    changed = dataclasses.replace(before, assignments=before.assignments[1:])
    with pytest.raises(PlannerError) as refused:
        with history.recording(store, "Drop an assignment"):
            store.save(changed, previous=before)
            with psycopg.connect(pg_url, autocommit=True) as other:   # the server drops this client
                other.execute("SELECT pg_terminate_backend(%s)", [pid])
            store.db.execute("SELECT 1")
    assert str(refused.value).startswith(f"{pg_url}: the change was not saved (")
    assert "\n" not in str(refused.value) and "the database is unchanged" in str(refused.value)
    again = Store(pg_url, create=False)
    assert again.load() == before and history.latest(again) == 1
    again.close()


def test_a_plan_read_while_another_planner_commits_is_one_moment_of_it(capsys, monkeypatch, pg_url):
    """Another planner adds a market and assigns it between the load's read of the markets and of the
    assignments: the load sees neither (before, an assignment to a market it had not read was refused)."""
    from planner.engines.pg_database import PostgresDatabase

    assert run(capsys, "--db", pg_url, "demo")[0] == 0
    store = Store(pg_url)
    before = store.load()
    table_of = PostgresDatabase.__getitem__
    meanwhile = []

    def reading(db, table):
        if table == "assignments" and db is store.db and not meanwhile:
            meanwhile.append([run(capsys, "--db", pg_url, *argv)[0] for argv in (
                ["market", "add", "Chile", "--timezone", "America/Santiago", "--country", "CL"],
                ["market", "assign", "Chile", "Laura"])])
        return table_of(db, table)
    monkeypatch.setattr(PostgresDatabase, "__getitem__", reading)
    assert store.load() == before
    assert meanwhile == [[0, 0]]
    monkeypatch.setattr(PostgresDatabase, "__getitem__", table_of)
    assert store.load().rep_of("Chile") == "Laura"
    store.close()
