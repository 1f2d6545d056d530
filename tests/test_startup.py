"""A clear start on any Linux desktop: the check before Qt loads (ui/platform_check.py)."""

import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ui import platform_check as pc

ROOT = Path(__file__).parent.parent
QT = pc.qt_dir()
needs_wheel_qt = pytest.mark.skipif(QT is None or not sys.platform.startswith("linux"),
                                    reason="PySide6's bundled Qt on Linux")
DESKTOP = {"DISPLAY": ":0"}  # an X11 desktop, QT_QPA_PLATFORM unset


def missing(*sonames):
    """A loader that cannot find ``sonames`` (with the dynamic loader's own words)."""
    return lambda name: (f"{name}: cannot open shared object file: No such file or directory"
                         if name in sonames else None)


def run_check(environ, load):
    out = io.StringIO()
    return pc.ensure_startable(environ, load, qt=QT, platform="linux", stream=out), out.getvalue()


@needs_wheel_qt
def test_missing_xcb_library_names_both_packages_and_exits_2():
    code, text = run_check(DESKTOP, missing("libxcb-cursor.so.0"))
    assert code == 2
    assert "libxcb-cursor.so.0" in text
    assert "sudo apt install libxcb-cursor0" in text
    assert "sudo dnf install xcb-util-cursor" in text
    assert "X11 (xcb)" in text and "could not load" not in text.lower()


@needs_wheel_qt
def test_every_missing_library_is_named_once_in_one_message():
    code, text = run_check(DESKTOP, missing("libxcb-icccm.so.4", "libxcb-keysyms.so.1"))
    assert code == 2
    assert text.count("Rep Planner cannot start") == 1
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in text
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms" in text


@needs_wheel_qt
def test_a_library_missing_underneath_another_is_the_one_named():
    # libxcb-cursor.so.0 is there but cannot load: the loader says the library it needs is missing
    def load(name):
        if name == "libxcb-cursor.so.0":
            return "libxcb-image.so.0: cannot open shared object file: No such file or directory"
        return None
    code, text = run_check(DESKTOP, load)
    assert code == 2
    assert "libxcb-image0" in text and "libxcb-cursor0" not in text


@needs_wheel_qt
def test_qt_gui_libraries_are_checked_offscreen_too():
    code, text = run_check({"QT_QPA_PLATFORM": "offscreen"}, missing("libEGL.so.1", "libfontconfig.so.1"))
    assert code == 2
    assert "sudo apt install libegl1 libfontconfig1" in text
    assert "sudo dnf install libglvnd-egl fontconfig" in text


@needs_wheel_qt
def test_all_libraries_present_lets_the_app_start():
    asked = []
    code, text = run_check(DESKTOP, lambda name: asked.append(name))
    assert code is None and text == ""
    assert "libxcb-cursor.so.0" in asked and "libEGL.so.1" in asked


@needs_wheel_qt
def test_offscreen_does_not_need_the_xcb_libraries():
    code, _ = run_check({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, missing("libxcb-cursor.so.0"))
    assert code is None


@needs_wheel_qt
def test_a_wayland_session_needs_only_one_working_plugin():
    both = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}
    assert run_check(both, missing("libxcb-cursor.so.0"))[0] is None  # Qt uses Wayland
    code, text = run_check({"WAYLAND_DISPLAY": "wayland-0"}, missing("libwayland-cursor.so.0"))
    assert code == 2 and "Wayland" in text and "sudo apt install libwayland-cursor0" in text


def test_no_display_says_so_plainly():
    code, text = run_check({}, missing())
    assert code == 2
    assert "no display is available" in text
    assert "QT_QPA_PLATFORM=offscreen" in text and "--screenshot" in text


def test_which_platform_plugins_qt_will_try():
    assert pc.candidates({}) is None
    assert pc.candidates({"DISPLAY": ":1"}) == ["xcb"]
    assert pc.candidates({"WAYLAND_DISPLAY": "wayland-0"}) == ["wayland"]
    assert pc.candidates({"DISPLAY": ":1", "XDG_SESSION_TYPE": "wayland"}) == ["wayland", "xcb"]
    assert pc.candidates({"QT_QPA_PLATFORM": "offscreen"}) == ["offscreen"]
    assert pc.candidates({"QT_QPA_PLATFORM": "xcb:foo=1;wayland", "DISPLAY": ":1"}) == ["xcb", "wayland"]
    assert pc.candidates({"QT_QPA_PLATFORM": "xcb"}) is None  # asked for X11, but there is no X server


def test_not_linux_or_switched_off_is_not_checked():
    assert pc.check({}, missing(), platform="darwin") is None
    assert pc.check({"REP_PLANNER_SKIP_PLATFORM_CHECK": "1"}, missing(), platform="linux") is None


def test_a_library_not_in_the_table_is_still_named_with_a_way_to_find_it():
    text = pc.message(pc.Problem(missing={"libfoo.so.7": "not found"}, plugins=["xcb"]))
    assert "libfoo.so.7" in text and "apt-file search libfoo.so.7" in text and "dnf provides" in text


@needs_wheel_qt
def test_the_table_knows_every_system_library_the_installed_qt_needs():
    platforms = QT / "plugins" / "platforms"
    needed = pc.system_libraries([QT / "lib" / pc.QT_CORE] + [platforms / f for f in pc.PLUGINS.values()],
                                 QT / "lib")
    assert "libxcb-cursor.so.0" in needed and "libEGL.so.1" in needed
    assert [name for name in needed if name not in pc.LIBRARIES] == []


@needs_wheel_qt
@pytest.mark.skipif(shutil.which("readelf") is None, reason="binutils' readelf")
def test_elf_reader_agrees_with_readelf():
    plugin = QT / "plugins" / "platforms" / "libqxcb.so"
    out = subprocess.run(["readelf", "-d", str(plugin)], capture_output=True, text=True, check=True).stdout
    expected = [line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]
    assert pc.elf_needed(plugin) == expected


def test_the_real_loader():
    assert pc.dlopen("libc.so.6") is None
    error = pc.dlopen("librep-planner-nope.so.9")
    assert error is not None and pc.missing_name("librep-planner-nope.so.9", error) == "librep-planner-nope.so.9"


@needs_wheel_qt
def test_the_check_is_fast():
    # CPU time, not wall time: on a loaded machine the wall clock measured the other processes too.
    start = time.process_time()
    pc.check(DESKTOP, qt=QT, platform="linux")
    assert time.process_time() - start < 0.1


def _main(tmp_path, code, *args, env=None):
    """``ui.app.main`` in a fresh process (no QApplication yet), after ``code`` set up the check."""
    script = ("import sys\nimport ui.platform_check as pc\n" + code
              + "\nfrom ui.app import main\nsys.exit(main(sys.argv[1:]))\n")
    environ = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    environ.update(env or {})
    return subprocess.run([sys.executable, "-c", script, "--db", str(tmp_path / "s.db"), *args],
                          capture_output=True, text=True, timeout=60, cwd=ROOT, env=environ)


@needs_wheel_qt
def test_app_stops_before_qt_with_the_message(tmp_path):
    result = _main(tmp_path, "pc.dlopen = lambda name: None if name != 'libxcb-icccm.so.4' "
                             "else name + ': cannot open shared object file'", env=DESKTOP)
    assert result.returncode == 2
    assert "sudo apt install libxcb-icccm4" in result.stderr and "sudo dnf install xcb-util-wm" in result.stderr
    assert "qt.qpa" not in result.stderr and "Traceback" not in result.stderr


def test_app_without_a_display_says_so(tmp_path):
    result = _main(tmp_path, "")
    assert result.returncode == 2
    assert "no display is available" in result.stderr and "Traceback" not in result.stderr


@needs_wheel_qt
def test_app_starts_when_everything_is_there(tmp_path):
    # The check sees an X11 desktop with every library present; Qt itself then draws offscreen.
    out = tmp_path / "team.png"
    result = _main(tmp_path, "real = pc.check\n"
                             "pc.check = lambda *a, **k: real({'DISPLAY': ':0'}, load=lambda name: None)",
                   "--screenshot", str(out), env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_screenshot_offscreen_still_works(tmp_path):
    out = tmp_path / "week.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run([sys.executable, "main.py", "--db", str(tmp_path / "s.db"), "--screenshot", str(out),
                             "--view", "week", "--week", "2027-W11"], capture_output=True, text=True, timeout=60,
                            cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
