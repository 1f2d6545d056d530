import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil

import pytest

from planner import scenario_file
from planner.storage import DEMO_PATH, Store


@pytest.fixture(scope="session")
def demo():
    return scenario_file.load(DEMO_PATH)


@pytest.fixture(scope="session")
def _prepared_demo_db(tmp_path_factory, demo):
    path = tmp_path_factory.mktemp("prepared") / "demo.db"
    store = Store(path)
    store.save(demo)
    store.close()  # the last connection: the -wal is written into the file and removed
    assert not path.with_name("demo.db-wal").exists()
    return path


@pytest.fixture
def demo_db(tmp_path, _prepared_demo_db) -> str:
    """A database holding the demo, as `rep-planner demo` makes it (only demo, import and
    import-csv create a database; every other command needs one that exists)."""
    path = tmp_path / "p.db"
    shutil.copyfile(_prepared_demo_db, path)
    return str(path)


@pytest.fixture(scope="session")
def pg_cluster(tmp_path_factory):
    """One PostgreSQL server for the session (tests/pg_server.py): skipped where none can be had,
    a failure in CI."""
    from tests import pg_server

    cluster = pg_server.start()
    folder = tmp_path_factory.mktemp("libpq")
    before = os.environ.get("PGPASSFILE")
    os.environ["PGPASSFILE"] = str(cluster.pgpass(folder))
    yield cluster
    if before is None:
        os.environ.pop("PGPASSFILE", None)
    else:
        os.environ["PGPASSFILE"] = before
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """A fresh, empty PostgreSQL database for this test: its URL (a superuser's)."""
    from tests import pg_server

    return pg_server.fresh_database(pg_cluster)


@pytest.fixture(params=["sqlite", "postgresql"])
def demo_on_both_engines(request, tmp_path) -> str:
    """The demo's plan in a SQLite file, then in a fresh PostgreSQL database: its path or URL."""
    where = str(tmp_path / "team.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    store = Store(where)
    store.save(scenario_file.load(DEMO_PATH), text="Demo scenario")
    store.close()
    return where
