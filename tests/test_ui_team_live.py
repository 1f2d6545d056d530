"""Two planners on the team's plan at once, through the app's keys and buttons: a colleague's change
shows within a second with who made it; an edit of a row they changed meanwhile is refused with their
name and the plan refreshed, and typed again it lands; their change is not this app's to undo; the
optimiser's plan for an older plan is not applied. The colleague is another process (another
operating-system user as the history's author), as on a team."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from planner import history
from planner.scenario_file import load
from planner.storage import DEMO_PATH, Store

from .user_input import (bring_to_front, cell, click_cell, commit, open_window, press, type_into_cell, type_text,
                         undo)

TODAY = dt.date(2027, 3, 17)
DOC_URL = "postgresql://ana@127.0.0.1:5432/plans"


def documented(start: str, url: str = DOC_URL) -> str:
    """The line of docs/team-plan.md that starts so, as this test's server would show it: the guide
    quotes what the app says."""
    text = (Path(__file__).parent.parent / "docs" / "team-plan.md").read_text(encoding="utf-8")
    return next(line.strip() for line in text.splitlines() if line.strip().startswith(start)).replace(DOC_URL, url)


def colleague(url: str, *argv: str, who: str = "claire") -> None:
    """``who`` runs a rep-planner command on the team's plan from their own machine (a process)."""
    done = subprocess.run([sys.executable, "-c", "import sys; from planner.cli import main; sys.exit(main(sys.argv[1:]))",
                           "--db", url, *argv], env={**os.environ, "LOGNAME": who, "USER": who},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def team(pg_url, monkeypatch):
    """The demo on the server; this app's planner is marc."""
    store = Store(pg_url)
    store.save(load(DEMO_PATH), text="Demo scenario")
    store.close()
    monkeypatch.setattr(history, "_AUTHOR", ["marc"])
    return pg_url


@pytest.fixture
def window(qtbot, tmp_path, team):
    w = open_window(qtbot, tmp_path, Store(team, create=False, source="app"), TODAY)
    bring_to_front(qtbot, w)
    qtbot.waitUntil(lambda: w.live.listening, timeout=10000)
    return w


def max_hours(window, rep):
    window.show_view("team")
    return cell(window.team.table.model(), rep, "Max h/week")


def test_a_colleagues_change_shows_within_a_second_with_who_made_it(qtbot, window, team):
    heard = []
    window.live.heard.connect(heard.append)
    colleague(team, "market", "assign", "Brazil", "Marco")
    landed = time.monotonic()
    qtbot.waitUntil(lambda: bool(heard), timeout=1000)
    assert time.monotonic() - landed < 1.0
    assert heard == [documented("claire (command line): ")]
    assert window.statusBar().currentMessage() == heard[0]
    assert window.session.scenario == Store(team, create=False).load()   # the views show the new plan
    assert window.session.seen == history.latest(window.session.store)


def test_an_edit_of_a_row_a_colleague_changed_meanwhile_is_refused_then_typed_again_lands(qtbot, window, team):
    window.live.stop()  # as if their change's announcement were still on its way
    colleague(team, "rep", "set", "Laura", "max-hours", "30")
    stack = window.session.undo_stack
    type_into_cell(qtbot, window.team.table, max_hours(window, "Laura"), "35")
    said = window.statusBar().currentMessage()
    assert said == (f"{team}: not saved: claire (cli) changed rep Laura meanwhile (revision 2: Change Laura's max "
                    "weekly hours); the plan you changed was at revision 1. The plan now shows their change; "
                    "make yours again if it still applies.")
    assert said == documented(f"{DOC_URL}: not saved:", team)
    assert max_hours(window, "Laura").data() == "30"                 # refreshed to the plan as it is
    assert stack.count() == 0 and not stack.canUndo()                # the refused change is not there to undo
    assert history.latest(window.session.store) == 2                 # nothing of it was written
    undo(qtbot, window)                                              # Ctrl+Z: nothing of Claire's is undone
    assert Store(team, create=False).load().rep("Laura").max_weekly_hours == 30

    type_into_cell(qtbot, window.team.table, max_hours(window, "Laura"), "35")
    assert Store(team, create=False).load().rep("Laura").max_weekly_hours == 35
    assert [(r.author, r.text) for r in history.revisions(window.session.store, 2)] == [
        ("marc", "Change Laura's max weekly hours"), ("claire", "Change Laura's max weekly hours")]
    # An edit of another row, on a plan read before a colleague's change, lands beside it.
    colleague(team, "market", "assign", "India", "Laura")
    type_into_cell(qtbot, window.team.table, max_hours(window, "Marco"), "39")
    plan = Store(team, create=False).load()
    assert plan.rep("Marco").max_weekly_hours == 39 and plan.rep_of("India") == "Laura"
    assert window.session.scenario == plan


def test_a_colleagues_change_is_not_this_apps_to_undo(qtbot, window, team):
    colleague(team, "market", "assign", "Brazil", "Marco")
    qtbot.waitUntil(lambda: window.session.scenario.rep_of("Brazil") == "Marco", timeout=5000)
    press(qtbot, Qt.Key_H, Qt.ControlModifier, window)             # View > History
    panel = window.history_panel
    qtbot.waitUntil(panel.isVisible)
    table = panel.table
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=table.visualRect(table.model().index(0, 1)).center())
    assert panel.selected().text == "Assign Brazil to Marco"
    qtbot.mouseClick(panel.undo_button, Qt.LeftButton)
    assert panel.notice.text() == ("revision 2 (Assign Brazil to Marco) is claire (cli)'s change; on a team's plan "
                                   "you undo your own changes only: ask them, or make the change yourself")
    assert Store(team, create=False).load().rep_of("Brazil") == "Marco" and history.latest(window.session.store) == 2


def test_the_optimisers_plan_for_an_older_plan_is_not_applied(qtbot, window, team):
    window.show_view("territories")
    view = window.territories
    qtbot.mouseClick(view.optimise_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.worker is None, timeout=60000)
    assert view.apply_button.isEnabled()
    colleague(team, "market", "assign", "Brazil", "Marco")
    qtbot.waitUntil(lambda: window.session.scenario.rep_of("Brazil") == "Marco", timeout=5000)
    qtbot.mouseClick(view.apply_button, Qt.LeftButton)
    assert view.notice.text() == ("Not applied: the plan changed since the optimiser read it (claire (command "
                                  "line): Assign Brazil to Marco); press Optimise to plan again on the plan as it "
                                  "is now")
    assert view.notice.text() == documented("Not applied:")
    assert history.latest(window.session.store) == 2 and not view.apply_button.isEnabled()
    qtbot.mouseClick(view.optimise_button, Qt.LeftButton)            # again, on the plan as it is now
    qtbot.waitUntil(lambda: view.worker is None, timeout=60000)
    qtbot.mouseClick(view.apply_button, Qt.LeftButton)
    newest = history.revisions(window.session.store, 1)[0]
    assert (newest.number, newest.author, newest.source) == (3, "marc", "optimiser")


def test_a_colleagues_change_waits_for_the_cell_being_typed_into_and_is_said_once_saved(qtbot, window, team):
    heard = []
    window.live.heard.connect(heard.append)
    index = max_hours(window, "Marco")
    click_cell(qtbot, window.team.table, index)
    type_text(qtbot, "41")                                           # the editor is open, "41" in it
    with qtbot.waitSignal(window.live.thread.arrived, timeout=5000):
        colleague(team, "market", "assign", "Brazil", "Marco")
    assert heard == [] and window.session.scenario.rep_of("Brazil") == "Laura"   # not read under the editor
    commit(qtbot, window.team.table)                                 # Enter: saved on top of Claire's change
    plan = Store(team, create=False).load()
    assert plan.rep("Marco").max_weekly_hours == 41 and plan.rep_of("Brazil") == "Marco"
    assert heard == ["claire (command line): Assign Brazil to Marco"]
    assert window.session.scenario == plan
