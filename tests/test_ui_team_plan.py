"""File > Open team plan...: the app on the team's plan on a PostgreSQL server, opened through the
menu with the keyboard, the password typed into a password field and kept nowhere; the optimiser's
worker connects on its own and its plan, applied, is a revision on the server that Undo reverts."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from planner import history
from planner.cli import main
from planner.engines import postgres
from planner.storage import Store, open_store

from .user_input import (bring_to_front, choose, open_window, press, replace_text, type_text, undo,
                         when_a_dialog_opens)

TODAY = dt.date(2027, 3, 17)  # 2027-W11


@pytest.fixture
def team_url(pg_url, capsys, monkeypatch, tmp_path):
    """The demo on the server, Brazil given to Marco there; then a machine with no password for it."""
    for argv in (["demo"], ["market", "assign", "Brazil", "Marco"]):
        assert main(["--db", pg_url, *argv], today=TODAY) == 0
    capsys.readouterr()
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    yield pg_url
    postgres.forget_password(pg_url)


def test_the_app_opens_the_team_plan_asking_for_the_password_and_works_on_the_server(qtbot, tmp_path, team_url,
                                                                                   pg_cluster):
    window = open_window(qtbot, tmp_path, open_store(tmp_path / "mine.db"), TODAY, size=None)
    bring_to_front(qtbot, window)
    assert window.session.scenario.rep_of("Brazil") == "Laura"   # the file's plan
    said = []

    def log_in(dialog):
        bring_to_front(qtbot, dialog)
        assert dialog.password.echoMode() == QLineEdit.Password
        replace_text(qtbot, dialog.url, team_url)
        press(qtbot, Qt.Key_Return)                     # no password anywhere: the server refuses
        said.append(dialog.message.text())
        assert dialog.isVisible() and dialog.password.hasFocus()
        type_text(qtbot, "not-it")
        press(qtbot, Qt.Key_Return)
        said.append(dialog.message.text())
        type_text(qtbot, pg_cluster.password)
        press(qtbot, Qt.Key_Return)

    seen = when_a_dialog_opens(log_in)
    choose(qtbot, window, "&File", "Open &team plan...")
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible(), timeout=30000)  # open() returns at once
    dialog, *errors = seen
    assert not errors, errors
    assert "no password supplied" in said[0] and "PGPASSWORD" in said[0]
    assert "password authentication failed" in said[1] and "not-it" not in said[1]
    store = window.session.store
    assert store.on_server and store.path == team_url
    assert window.session.scenario.rep_of("Brazil") == "Marco"   # the server's plan, not the file's
    assert team_url in window.statusBar().currentMessage()
    window.settings.sync()
    assert pg_cluster.password not in (tmp_path / "settings.ini").read_text()   # the recent list holds the URL only
    assert dialog.password.text() == ""

    # The optimiser's worker opens a connection of its own to the server, with the typed password.
    window.show_view("territories")
    view = window.territories
    qtbot.mouseClick(view.optimise_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.worker is None, timeout=60000)
    assert "Proven best" in view.report.toPlainText(), view.report.toPlainText()
    qtbot.mouseClick(view.apply_button, Qt.LeftButton)
    server = Store(team_url, create=False)
    newest = history.revisions(server, limit=1)[0]
    assert newest.number == 3 and newest.source in ("optimiser", "app")
    applied = server.load()
    assert window.session.scenario == applied
    bring_to_front(qtbot, window)
    undo(qtbot, window)                                          # a revision on the server too
    qtbot.waitUntil(lambda: history.latest(server) == 4)
    assert history.revision(server, 4).undoes == 3
    assert server.load().rep_of("Brazil") == "Marco" and window.session.scenario == server.load()
    server.close()


def test_a_url_that_is_not_a_server_is_refused_in_the_dialog(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, open_store(tmp_path / "mine.db"), TODAY, size=None)
    bring_to_front(qtbot, window)
    said = []

    def give_a_path(dialog):
        bring_to_front(qtbot, dialog)
        replace_text(qtbot, dialog.url, str(tmp_path / "plans.db"))
        press(qtbot, Qt.Key_Return)
        said.append((dialog.isVisible(), dialog.message.text()))
        dialog.reject()

    seen = when_a_dialog_opens(give_a_path)
    press(qtbot, Qt.Key_O, Qt.ControlModifier | Qt.ShiftModifier, window)
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible())
    assert not seen[1:], seen
    assert said == [(True, "Give the server's URL: postgresql://user@host:port/database")]
    assert not window.session.store.on_server
