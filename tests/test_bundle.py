"""The installable bundle (bundle/build.sh, docs/install.md): its command line and its app, started
from an empty environment as a person's desktop starts them, do what the installed ones do.

Needs a built bundle: ``REP_PLANNER_BUNDLE=dist/rep-planner`` (``.ci/run`` builds one and sets it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = os.environ.get("REP_PLANNER_BUNDLE")
pytestmark = pytest.mark.skipif(not BUNDLE, reason="no bundle to test: build one with bundle/build.sh and "
                                                   "set REP_PLANNER_BUNDLE=dist/rep-planner")
WEEK = "2027-W11"
# Each command as a person types it, in order, on one database (the first start makes it).
COMMANDS = [
    ["demo"],
    ["--version"],
    ["reps"],
    ["markets"],
    ["assign", "--week", WEEK],
    ["compare", "--week", WEEK],
    ["check", "--week", WEEK],
    ["export", "--week", WEEK, "--weeks", "2", "-o", "plan.ics"],
    ["export-csv", "markets", "markets.csv"],
    ["export-xlsx", "markets", "markets.xlsx"],  # the workbook's own clock is inside: read back instead
    ["import-xlsx", "markets", "markets.xlsx", "--dry-run"],
    ["overlap", "--week", WEEK],
    ["--lang", "fr", "check", "--week", WEEK],  # the core's French catalogue and Babel's data are inside
    ["assign", "--week", "2027-W99"],  # a refusal: its message and exit code 2
]


@pytest.fixture(scope="module")
def bundle() -> Path:
    folder = Path(BUNDLE).resolve()
    for name in ("rep-planner", "rep-planner-app"):
        assert (folder / name).is_file(), f"REP_PLANNER_BUNDLE={BUNDLE} holds no {name}: build it first"
    return folder


def bare_environment(home: Path, **extra: str) -> dict[str, str]:
    """What ``env -i PATH=/usr/bin:/bin HOME=...`` leaves: no virtual environment, no PYTHONPATH."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), **extra}


def installed_cli() -> list[str]:
    """The installed command line of the Python running the tests (the venv's ``rep-planner``)."""
    script = Path(sys.executable).parent / "rep-planner"
    return [str(script)] if script.exists() else [sys.executable, "-m", "planner.cli"]


def run_all(cli: list[str], home: Path, extra: dict[str, str]) -> list[tuple]:
    """Run COMMANDS in a fresh home; each one's exit code, output, errors, and the files written."""
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir()
    results = []
    for command in COMMANDS:
        done = subprocess.run(cli + command, cwd=home, env=bare_environment(home, **extra),
                              capture_output=True, timeout=300)
        results.append((command, done.returncode, done.stdout, done.stderr))
    # DTSTAMP is the moment of the export (RFC 5545): the one line that must differ between runs.
    ics = re.sub(rb"DTSTAMP:\d{8}T\d{6}Z", b"DTSTAMP:-", (home / "plan.ics").read_bytes())
    results.append(("plan.ics", ics, (home / "markets.csv").read_bytes()))
    return results


def test_every_command_from_the_bundle_writes_what_the_installed_command_line_writes(bundle, tmp_path):
    # The same home folder for both, one after the other: paths in the output are the same too.
    home = tmp_path / "home"
    cli = installed_cli()
    installed = run_all(cli, home, {"PYTHONPATH": str(ROOT)} if "-m" in cli else {})
    bundled = run_all([str(bundle / "rep-planner")], home, {})
    for expected, got in zip(installed, bundled):
        assert got == expected, f"{expected[0]}: the bundle's output differs from the installed one's:\n" \
                                f"installed: {expected[1:]!r:.2000}\nbundle:    {got[1:]!r:.2000}"
    assert installed[0][1] == 0 and b"2 reps, 12 markets" in installed[0][2]
    assert installed[-2][1] == 2 and b"2027-W99" in installed[-2][3]
    french = next(out for command, _code, out, _err in installed[:-1] if command[:2] == ["--lang", "fr"])
    assert "h de temps de travail en 2027-W11".encode() in french
    assert b"BEGIN:VEVENT" in installed[-1][1]


def screenshot(app: list[str], home: Path, png: Path, *options: str, **extra: str) -> bytes:
    """The app's window rendered offscreen to ``png``, started as a person starts it (first start: demo)."""
    done = subprocess.run(app + ["--screenshot", str(png), "--view", "week", "--week", WEEK, *options],
                          env=bare_environment(home, **extra), capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return png.read_bytes()


def image(data: bytes):
    from PySide6.QtGui import QImage

    picture = QImage.fromData(data, "PNG")
    assert not picture.isNull(), "not a PNG picture"
    return picture


def colours(picture, step: int = 4) -> int:
    return len({picture.pixel(x, y) for x in range(0, picture.width(), step)
                for y in range(0, picture.height(), step)})


def test_the_bundles_app_finds_its_data_folder_demo_and_translations_as_the_installed_one(bundle, tmp_path):
    # Same home path one after the other: the status bar (which shows the database's path) matches too.
    home = tmp_path / "home"
    venv_app = [sys.executable, str(ROOT / "main.py")]
    shots = {}
    for who, app in (("installed", venv_app), ("bundle", [str(bundle / "rep-planner-app")])):
        for lang in ("en", "fr"):
            shutil.rmtree(home, ignore_errors=True)
            home.mkdir()
            shots[who, lang] = screenshot(app, home, tmp_path / f"{who}-{lang}.png", "--lang", lang)
        assert (home / ".local" / "share" / "rep-planner" / "rep-planner.db").is_file()
    picture = image(shots["bundle", "en"])
    assert (picture.width(), picture.height()) == (1280, 800)
    assert colours(picture) > 50, "the window is blank: a week of the demo has blocks in a dozen colours"
    assert image(shots["bundle", "fr"]) != picture, "--lang fr changed nothing: no translation in the bundle"
    assert image(shots["bundle", "en"]) == image(shots["installed", "en"])
    assert image(shots["bundle", "fr"]) == image(shots["installed", "fr"])


def fontconfig(folder: Path, *font_dirs: Path) -> Path:
    """A fontconfig setup that sees only ``font_dirs`` (none: a machine with no fonts installed)."""
    folder.mkdir()
    dirs = "".join(f"<dir>{d}</dir>" for d in font_dirs)
    (folder / "fonts.conf").write_text(f'<?xml version="1.0"?><fontconfig>{dirs}'
                                       f"<cachedir>{folder / 'cache'}</cachedir></fontconfig>")
    return folder / "fonts.conf"


def test_on_a_machine_without_fonts_the_bundle_draws_text_in_its_own_font(bundle, tmp_path):
    app = [str(bundle / "rep-planner-app")]
    fonts = bundle / "_internal" / "resources" / "fonts"
    assert (fonts / "DejaVuSans.ttf").is_file() and (fonts / "LICENSE-DejaVu.txt").is_file()
    home = tmp_path / "home"
    home.mkdir()
    none = screenshot(app, home, tmp_path / "none.png", FONTCONFIG_FILE=str(fontconfig(tmp_path / "none")))
    dejavu_only = screenshot(app, home, tmp_path / "dejavu.png",
                             FONTCONFIG_FILE=str(fontconfig(tmp_path / "dejavu", fonts)))
    # With no font at all, every letter would be an empty box; with the bundle's own font the
    # window is the one a machine with only DejaVu Sans installed shows.
    assert image(none) == image(dejavu_only)


def test_a_missing_system_library_stops_the_bundles_app_with_a_message_naming_it(bundle, tmp_path):
    # Qt's X11 plugin as on a machine that lacks one of its libraries: the same file, asking for a
    # library no machine has (the name in its DT_NEEDED list changed, same length).
    plugins = tmp_path / "platforms"
    plugins.mkdir()
    original = (bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so").read_bytes()
    assert original.count(b"\0libxcb-cursor.so.0\0") == 1
    (plugins / "libqxcb.so").write_bytes(original.replace(b"\0libxcb-cursor.so.0\0", b"\0libxcb-cursoX.so.0\0"))
    done = subprocess.run([str(bundle / "rep-planner-app")], capture_output=True, text=True, timeout=300,
                          env=bare_environment(tmp_path, DISPLAY=":99", QT_QPA_PLATFORM_PLUGIN_PATH=str(plugins)))
    assert done.returncode == 2, done.stderr
    assert "Rep Planner cannot start: Qt's X11 (xcb) platform plugin needs system libraries" in done.stderr
    assert "libxcb-cursoX.so.0" in done.stderr
    assert "rep-planner-app --screenshot out.png" in done.stderr  # the bundle's command, not main.py
