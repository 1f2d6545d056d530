"""File > Publish to calendar server...: the dialog, driven with the keyboard and mouse, against Radicale."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt

from planner.storage import Store
from tests.caldav_helpers import planned, read_back
from tests.caldav_servers import caldav_server  # noqa: F401  (the servers, one of each kind)
from ui.main_window import MainWindow
from ui.publish_dialog import PublishDialog

TODAY = dt.date(2027, 3, 17)  # the app opens on 2027-W11
pytestmark = pytest.mark.parametrize("caldav_server", ["radicale"], indirect=True)


@pytest.fixture
def window(qtbot, tmp_path, demo_db, monkeypatch):
    keyring = pytest.importorskip("keyring")
    from keyring.backends import fail

    monkeypatch.delenv("REP_PLANNER_CALDAV_PASSWORD", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # no keyring on this machine, whatever the machine has
    w = MainWindow(Store(demo_db), TODAY, settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.show()
    yield w
    keyring.set_keyring(previous)


def open_dialog(window, qtbot) -> PublishDialog:
    qtbot.keyClick(window, Qt.Key_E, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: window.findChild(PublishDialog) is not None and window.findChild(PublishDialog).isVisible())
    return window.findChild(PublishDialog)


def tick(qtbot, box) -> None:
    """Click the box itself (the row is wider than its text, and a click past the text misses)."""
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(6, box.height() // 2))


def fill(qtbot, dialog, server, url, *, password=True, weeks=1):
    qtbot.keyClicks(dialog.url, url)
    qtbot.keyClicks(dialog.user, server.user)
    if password:
        qtbot.keyClicks(dialog.password, server.password)
    qtbot.keyClicks(dialog.rep, "Laura")
    dialog.weeks.selectAll()
    qtbot.keyClicks(dialog.weeks, str(weeks))


def test_publish_dialog_publishes_shows_progress_and_what_changed(window, qtbot, caldav_server, demo_db):  # noqa: F811
    url = caldav_server.new_calendar_url("ui")
    dialog = open_dialog(window, qtbot)
    fill(qtbot, dialog, caldav_server, url, password=False)
    qtbot.mouseClick(dialog.publish_button, Qt.LeftButton)
    assert dialog.status.text() == "Password: type it, or store it in the system keyring"
    assert dialog.worker is None  # nothing was sent

    qtbot.keyClicks(dialog.password, caldav_server.password)
    tick(qtbot, dialog.create)
    qtbot.mouseClick(dialog.publish_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.results is not None or dialog.worker is None, timeout=300_000)
    assert dialog.results is not None, dialog.status.text()
    want = planned(demo_db, ["Laura"], "2027-W11")
    assert dialog.status.text().splitlines()[:2] == [
        f"{url}: {len(want)} created, 0 updated, 0 deleted, 0 unchanged", "The calendar was created."]
    assert dialog.progress.value() == dialog.progress.maximum() == len(want)
    assert read_back(caldav_server, url) == want

    dialog.results = None
    tick(qtbot, dialog.dry_run)
    qtbot.mouseClick(dialog.publish_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=120_000)
    assert dialog.status.text().splitlines()[0] == (
        f"{url}: 0 to create, 0 to update, 0 to delete, {len(want)} unchanged")


def test_stop_ends_a_publish_part_way_and_what_was_sent_is_recorded(window, qtbot, caldav_server, demo_db):  # noqa: F811
    url = caldav_server.new_calendar_url("ui-stop")
    dialog = open_dialog(window, qtbot)
    fill(qtbot, dialog, caldav_server, url, weeks=2)
    tick(qtbot, dialog.create)
    qtbot.mouseClick(dialog.publish_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.value() >= 5, timeout=120_000)
    qtbot.mouseClick(dialog.stop_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=120_000)
    assert dialog.status.text() == "Stopped. What was published is recorded; publish again to complete it."
    on_server = read_back(caldav_server, url)
    with sqlite3.connect(demo_db) as db:
        recorded = {u for (u,) in db.execute("SELECT uid FROM published WHERE calendar = ?", [url])}
    assert 5 <= len(on_server) < len(planned(demo_db, ["Laura"], "2027-W11", 2))
    assert recorded == set(on_server)
