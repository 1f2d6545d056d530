"""The report in the reader's language, and the command line's report drawn with the bundle's font
when the machine has none (as the app does)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .test_report import WEEK, report_cli, text_of, words

ROOT = Path(__file__).parent.parent
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # fonts-dejavu-core, as bundle/build.sh uses


def test_the_report_in_french(demo_db, tmp_path):
    out = tmp_path / "plan.pdf"
    result = report_cli(demo_db, out, "--weeks", "2", env={"LANG": "fr_CH.UTF-8"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{result.stdout.split()[0]} pages (A4) écrites dans {out}")
    text = words(text_of(out))
    for french in ("Plan pour 2027-W11 à 2027-W12", "Valeur couverte : 5'060'000 sur 5'060'000 (100%)",
                   "Marchés laissés de côté", "Territoire", "Alertes de charge, 2027-W11 à 2027-W12",
                   "n'ont pas pu être placés", "Le travail qui ne tient pas dans les heures de travail"):
        assert french in text, french
    for english in ("Value covered", "Markets left out", "Territory", "could not be placed", "Workload flags"):
        assert english not in text, english


def test_the_command_lines_report_uses_the_bundles_font_on_a_machine_without_fonts(demo_db, tmp_path):
    """A bundle carries DejaVu Sans in resources/fonts: the report's QApplication registers it as the
    app does, or a machine with no fonts of its own could not write the report's words."""
    if not DEJAVU.is_file():
        pytest.skip("DejaVu Sans is not installed (Debian: fonts-dejavu-core)")
    bundled = tmp_path / "bundle-fonts"
    bundled.mkdir()
    shutil.copy(DEJAVU, bundled)
    empty = tmp_path / "fonts"
    empty.mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>{empty}</dir>'
                      f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>')
    out = tmp_path / "plan.pdf"
    # The command line as the bundle runs it: ui.app.FONTS is the bundle's font folder.
    program = ("import sys; from pathlib import Path; import ui.app; ui.app.FONTS = Path(sys.argv[1]); "
               "from planner.cli import main; sys.exit(main(sys.argv[2:]))")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "FONTCONFIG_FILE": str(config),
           "QT_QPA_FONTDIR": str(empty), "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", program, str(bundled), "--db", demo_db, "report", "--week", WEEK,
                             "-o", str(out)], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Laura (Europe/Zurich), 2027-W11" in text_of(out)
