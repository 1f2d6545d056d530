"""The change history on a PostgreSQL server with two planners writing: changes are taken one at a
time, each built on the one committed before it, numbered in the order they were committed."""

from __future__ import annotations

import threading

import pytest

from planner import commands, history
from planner.cli import main
from planner.errors import PlannerError
from planner.storage import Store


def test_a_change_made_while_another_is_being_saved_waits_and_is_built_on_it(pg_url):
    assert main(["--db", pg_url, "demo"]) == 0
    ana, ben = Store(pg_url, source="app"), Store(pg_url, source="app")
    ben_done, ben_started = [], threading.Event()

    def bens_change():
        ben_started.set()
        ben_done.append(commands.apply(ben, commands.Assign("India", "Laura")))

    with history.recording(ana, "Ana's change") as rec:
        plan = ana.load()
        ana.save(commands.Assign("Brazil", "Marco").apply(plan).scenario, previous=plan)
        other = threading.Thread(target=bens_change)
        other.start()
        ben_started.wait()
        other.join(timeout=1.0)
        assert other.is_alive() and not ben_done   # Ben waits for Ana's change to be committed
    other.join(timeout=30)
    assert not other.is_alive() and ben_done
    assert rec.revision == 2 and history.latest(ben) == 3
    assert [(r.number, r.text) for r in history.revisions(ana)][:2] == [(3, "Assign India to Laura"),
                                                                       (2, "Ana's change")]
    final = Store(pg_url, create=False).load()
    assert final.rep_of("Brazil") == "Marco" and final.rep_of("India") == "Laura"   # Ben's built on Ana's
    ana.close()
    ben.close()


def test_a_change_that_fails_leaves_no_revision_and_no_gap(pg_url):
    assert main(["--db", pg_url, "demo"]) == 0
    store = Store(pg_url)
    with pytest.raises(PlannerError, match="the change was not saved"):
        with history.recording(store, "Half a change"):
            store.db.execute("UPDATE reps SET max_weekly_hours = 30 WHERE name = 'Laura'")
            store.db.execute("INSERT INTO assignments VALUES ('Nowhere', 'Laura', 99, 0)")  # no such market
    assert store.load().rep("Laura").max_weekly_hours == 45 and history.latest(store) == 1
    commands.apply(store, commands.Assign("Brazil", "Marco"))
    assert history.latest(store) == 2   # the next number: no gap where the failed change was
    store.close()
