"""The app survives as many Qt calls and signals as a long working day makes."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent

MANY_CALLS = """
import ui  # what every part of the app imports first
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])

class Emitter(QObject):
    ping = Signal()

emitter, label = Emitter(), QLabel()
for _ in range(200_000):  # a Qt call that returns nothing, and a signal
    label.setEnabled(True)
    emitter.ping.emit()
print("still running")
"""


def test_two_hundred_thousand_qt_calls_and_signals_do_not_abort_the_app():
    # PySide6 6.12 on Python 3.11 dropped a reference to None per such call and to True per
    # signal: the app aborted ("none_dealloc"/"bool_dealloc") after a few thousand of them.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", MANY_CALLS], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "still running" in done.stdout
