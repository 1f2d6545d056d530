"""Faults on a team's plan: a planner's process killed (SIGKILL) in the middle of a change leaves none of
it (on both engines), and the app through a server stopped and started again says it is offline,
refuses edits in one line writing nothing, and works again once the server is back."""

from __future__ import annotations

import datetime as dt
import shlex
import signal
import subprocess
import sys

import pytest

from planner import commands, conflicts, history
from planner.scenario_file import load
from planner.storage import DEMO_PATH, Store

from .user_input import bring_to_front, cell, open_window, type_into_cell

TODAY = dt.date(2027, 3, 17)

# A planner's change that stops, once its rows and its revision are written and before its commit,
# until the test says so on its stdin (a pipe): the test kills it there.
HALF_A_CHANGE = """
import sys
from planner import commands, conflicts, history
from planner.storage import Store

store = Store(sys.argv[1], create=False)
numbered = type(store.engine).new_revision

def new_revision(db, values):
    number = numbered(db, values)
    print(number, flush=True)
    sys.stdin.readline()          # killed here
    return number

type(store.engine).new_revision = staticmethod(new_revision)
conflicts.apply(store, commands.RemoveRep("Laura"), history.latest(store))
"""


@pytest.fixture
def plan(demo_on_both_engines):
    return demo_on_both_engines


def tables(store) -> dict:
    return {t: sorted(map(tuple, store.db.execute(f'SELECT * FROM "{t}"').fetchall()), key=repr)
            for t in ("reps", "markets", "assignments", "workload", "busy", "pins", "history", "history_rows")}


def test_a_writer_killed_in_the_middle_of_a_change_leaves_none_of_it(plan):
    before = tables(Store(plan, create=False))
    writer = subprocess.Popen([sys.executable, "-c", HALF_A_CHANGE, plan], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "2"      # its rows and its revision are written
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    store = Store(plan, create=False)
    assert tables(store) == before                            # no rep removed, no revision, no rows of it
    # The plan's write lock went with the process: the next change lands, as revision 2.
    done = conflicts.apply(store, commands.Assign("Brazil", "Marco"), history.latest(store))
    assert done.revision == 2 and history.revision(store, 2).text == "Assign Brazil to Marco"
    assert [r.name for r in store.load().reps] == ["Laura", "Marco"]


def _server_options(cluster) -> str:
    """The options the test server was started with (postmaster.opts), to start it again the same."""
    words = shlex.split((cluster.folder / "data" / "postmaster.opts").read_text())
    at = words.index("-D")
    return shlex.join(words[1:at] + words[at + 2:])


def test_the_app_says_it_is_offline_while_the_server_is_down_and_works_again_after(qtbot, tmp_path, pg_url,
                                                                                    pg_cluster, monkeypatch):
    from tests import pg_server

    if pg_cluster.folder is None:
        pytest.skip("the server is not this test session's own (REP_PLANNER_PG_URL): it cannot be stopped here")
    monkeypatch.setattr(history, "_AUTHOR", ["marc"])
    Store(pg_url).save(load(DEMO_PATH), text="Demo scenario")
    window = open_window(qtbot, tmp_path, Store(pg_url, create=False, source="app"), TODAY)
    bring_to_front(qtbot, window)
    qtbot.waitUntil(lambda: window.live.listening, timeout=10000)
    window.show_view("team")
    table = window.team.table

    def laura_max_hours():
        return cell(table.model(), "Laura", "Max h/week")

    data, options = str(pg_cluster.folder / "data"), _server_options(pg_cluster)
    stopped = pg_server._as_postgres([str(pg_cluster.bin / "pg_ctl"), "stop", "-D", data, "-m", "fast", "-w"])
    assert stopped.returncode == 0, stopped.stderr
    try:
        qtbot.waitUntil(lambda: window.live.offline_label.isVisible(), timeout=5000)
        assert window.live.offline_label.text() == "Offline"
        assert window.statusBar().currentMessage().startswith("Offline: the plan's server cannot be reached (")
        type_into_cell(qtbot, table, laura_max_hours(), "33")
        said = window.statusBar().currentMessage()
        assert said.startswith(f"{pg_url}: the change was not saved (") and "\n" not in said
        assert said.endswith("; the database is unchanged") and "connection" in said
        assert window.session.undo_stack.count() == 0
    finally:
        started = pg_server._as_postgres([str(pg_cluster.bin / "pg_ctl"), "start", "-D", data, "-w", "-t", "60",
                                          "-l", str(pg_cluster.folder / "server.log"), "-o", options])
        assert started.returncode == 0, started.stderr
    qtbot.waitUntil(lambda: not window.live.offline_label.isVisible(), timeout=10000)
    assert window.statusBar().currentMessage() == "Back online: the plan is read again from the server"
    server = Store(pg_url, create=False)
    assert history.latest(server) == 1 and server.load().rep("Laura").max_weekly_hours == 45   # nothing half-written
    type_into_cell(qtbot, table, laura_max_hours(), "33")
    assert Store(pg_url, create=False).load().rep("Laura").max_weekly_hours == 33 and history.latest(server) == 2


def test_the_app_whose_connection_the_server_ended_reconnects_when_it_hears_of_a_change(qtbot, tmp_path, pg_url,
                                                                                       pg_cluster, monkeypatch):
    from .test_ui_team_live import colleague

    monkeypatch.setattr(history, "_AUTHOR", ["marc"])
    Store(pg_url).save(load(DEMO_PATH), text="Demo scenario")
    window = open_window(qtbot, tmp_path, Store(pg_url, create=False, source="app"), TODAY)
    bring_to_front(qtbot, window)
    qtbot.waitUntil(lambda: window.live.listening, timeout=10000)
    pg_cluster.admin(f"SELECT pg_terminate_backend({window.session.store.db.conn.raw.info.backend_pid})")
    heard = []
    window.live.heard.connect(heard.append)
    colleague(pg_url, "market", "assign", "Brazil", "Marco")
    qtbot.waitUntil(lambda: bool(heard), timeout=5000)
    assert heard == ["claire (command line): Assign Brazil to Marco"]
    assert window.session.scenario.rep_of("Brazil") == "Marco"
    window.show_view("team")
    type_into_cell(qtbot, window.team.table, cell(window.team.table.model(), "Laura", "Max h/week"), "33")
    assert Store(pg_url, create=False).load().rep("Laura").max_weekly_hours == 33
