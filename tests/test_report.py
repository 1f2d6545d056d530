"""The PDF report for the meeting, read back as a reader would: its text with ``pdftotext``, its
pages drawn with ``pdftoppm``, its fonts with ``pdffonts`` and its paper with ``pdfinfo`` (Debian's
poppler-utils, which CI installs; elsewhere the tests skip and say so)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planner.report import build_report
from planner.storage import open_store

ROOT = Path(__file__).parent.parent
WEEK = "2027-W11"
PAPER = {"A4": (595, 842), "Letter": (612, 792)}   # points, portrait


def poppler(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        message = f"{tool} (Debian's poppler-utils) is not installed (see .ci/run for how CI installs it)"
        if os.environ.get("REP_PLANNER_REQUIRE_INTEROP") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return found


def text_of(pdf: Path) -> str:
    """The words in the order they were written (a table cell's lines together, not read across columns)."""
    return subprocess.run([poppler("pdftotext"), "-raw", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    out = subprocess.run([poppler("pdfinfo"), "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+) pts", out)]


def report_cli(db: str, out: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``rep-planner report`` in a process of its own, as a user runs it on a server: no display,
    and no QT_QPA_PLATFORM set (the command chooses the offscreen platform itself)."""
    clean = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    clean["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "planner.cli", "--db", db, "report", "--week", WEEK, "-o", str(out),
                           *extra], capture_output=True, text=True, env=clean | (env or {}), cwd=ROOT, timeout=300)


def words(text: str) -> str:
    """Text with its lines joined: a long name or reason may wrap in a table cell."""
    return " ".join(text.split())


def test_the_report_holds_every_rep_market_and_flag_as_searchable_text_with_embedded_fonts(demo_db, tmp_path):
    out = tmp_path / "plan.pdf"
    result = report_cli(demo_db, out)
    assert result.returncode == 0, result.stderr
    assert f"to {out}" in result.stdout and not result.stderr
    report = build_report(open_store(demo_db), 2027, 11)
    text = words(text_of(out))
    for rep in report.scenario.reps:
        assert f"{rep.name} ({rep.timezone}), {WEEK}" in text   # the title of the rep's week page
    for market in report.scenario.markets:
        assert market.name in text
    assert report.flags
    for flag in report.flags:
        for part in (flag.rule, flag.source, flag.message[:60]):
            assert words(part) in text, part
    assert f"{report.plan.value:,.0f} of {report.plan.total_value:,.0f}" in text
    assert not re.search("[\ufb00-\ufb06]", text)   # no ligature: "flags" is found by a search for it
    # Each rep's week as the Week view draws it: its blocks are words on the page, not a picture.
    for page in report.rep_weeks:
        for event in page.account.schedule.events[:5]:
            assert event.activity in text
    fonts = subprocess.run([poppler("pdffonts"), str(out)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts   # the "emb" column


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_every_page_is_on_the_paper_asked_for_and_draws(demo_db, tmp_path, paper):
    from PySide6.QtGui import QImage

    out = tmp_path / f"plan-{paper}.pdf"
    result = report_cli(demo_db, out, "--page", paper)
    assert result.returncode == 0, result.stderr
    sizes = page_sizes(out)
    pages = int(re.search(r"Wrote (\d+) pages", result.stdout).group(1))
    assert len(sizes) == pages >= 4   # summary, a week per rep (2), flags
    assert all(sorted(size) == sorted(PAPER[paper]) for size in sizes), sizes
    weeks = [i for i, (w, h) in enumerate(sizes) if w > h]
    assert len(weeks) == 2   # the reps' weeks, on landscape pages
    subprocess.run([poppler("pdftoppm"), "-r", "40", "-png", str(out), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == pages
    for i, path in enumerate(images):
        image = QImage(str(path))
        inked = sum(1 for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
                    if image.pixelColor(x, y).lightness() < 200)
        assert inked > (400 if i in weeks else 20), (path.name, inked)   # a week page is full of blocks


def test_text_is_laid_out_at_its_size_on_the_page(demo_db, tmp_path):
    """Body text about 10 pt high, not the third of it a document laid out for the screen gives."""
    out = tmp_path / "plan.pdf"
    assert report_cli(demo_db, out).returncode == 0
    html = subprocess.run([poppler("pdftotext"), "-bbox", "-f", "1", "-l", "1", str(out), "-"],
                          capture_output=True, text=True, check=True).stdout
    heights = [float(b) - float(a) for a, b in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" '
                                                          r'yMax="([\d.]+)">Territory</word>', html)]
    assert heights and 10 <= heights[0] <= 30, heights   # a heading


def test_several_weeks_draw_each_rep_each_week_and_name_the_weeks_of_flags(demo_db, tmp_path):
    out = tmp_path / "plan.pdf"
    result = report_cli(demo_db, out, "--weeks", "2")
    assert result.returncode == 0, result.stderr
    text = words(text_of(out))
    for name in ("Laura", "Marco"):
        for week in ("2027-W11", "2027-W12"):
            assert f"{name} (Europe/Zurich), {week}" in text
    assert "Workload flags, 2027-W11 to 2027-W12" in text


def test_no_font_is_one_clear_line_exit_2_and_the_old_file_kept(demo_db, tmp_path):
    """With no font Qt writes a PDF without a word and says nothing: the command refuses instead."""
    empty = tmp_path / "fonts"
    empty.mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>{empty}</dir>'
                      f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>')
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"the last report")
    result = report_cli(demo_db, out, env={"FONTCONFIG_FILE": str(config), "QT_QPA_FONTDIR": str(empty)})
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert lines == ["error: no font found to write the report's text with: install one (Debian and Ubuntu: "
                     "apt-get install fonts-dejavu-core)"], result.stderr
    assert out.read_bytes() == b"the last report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("plan")] == ["plan.pdf"]


@pytest.mark.parametrize("where, problem", [("missing/plan.pdf", "No such file or directory"),
                                            (".", "this is a folder")])
def test_a_path_that_cannot_be_written_is_one_line_and_exit_2(demo_db, tmp_path, where, problem, capsys):
    from planner.cli import main

    target = tmp_path / where
    assert main(["--db", demo_db, "report", "--week", WEEK, "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"error: {target}") and problem in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.db"]


def test_bad_options_are_refused_before_anything_is_drawn(demo_db, capsys, tmp_path):
    from planner.cli import main

    for extra, message in ((["--weeks", "0"], "--weeks: give 1 to 52 weeks (got 0)"),
                           (["--page", "A3"], "invalid choice: 'A3'")):
        assert main(["--db", demo_db, "report", "-o", str(tmp_path / "x.pdf"), *extra]) == 2
        assert message in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_a_market_left_out_is_in_the_summary_with_its_reason_and_the_hires(demo_db, tmp_path):
    """The optimiser's words for a market nobody covers, against the loads of the plan as assigned."""
    from planner import commands

    store = open_store(demo_db)
    commands.apply(store, commands.Assign("US West", None), source="test", text="Unassign US West")
    report = build_report(store, 2027, 11)
    (left,) = report.plan.unassigned
    assert left.market == "US West" and left.reason
    assert report.plan.hire and any("US West" in h.markets for h in report.plan.hire)
    store.close()
    out = tmp_path / "plan.pdf"
    assert report_cli(demo_db, out).returncode == 0
    text = words(text_of(out))
    assert words(left.reason) in text
    hire = report.plan.hire[0]
    assert f"A rep in {hire.timezone} ({hire.hours}) would take {', '.join(hire.markets)}" in text


def test_file_export_report_writes_the_pdf_through_the_menu_and_the_file_dialog(qtbot, tmp_path, demo_db):
    import datetime as dt

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit

    from .user_input import bring_to_front, choose, open_window, when_a_dialog_opens

    window = open_window(qtbot, tmp_path, open_store(demo_db), dt.date(2027, 3, 17))
    bring_to_front(qtbot, window)
    out = tmp_path / "meeting.pdf"

    def fill(dialog):
        assert isinstance(dialog, QFileDialog)
        papers = dialog.findChild(QComboBox, "fileTypeCombo")
        qtbot.keyClick(papers, Qt.Key_Down)   # the paper is the file type chosen: A4, then US Letter
        assert papers.currentText() == "PDF, US Letter (*.pdf)"
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name.text() == f"report-{WEEK}.pdf"   # in the plan's folder
        qtbot.mouseClick(name, Qt.LeftButton)
        qtbot.keyClick(name, Qt.Key_A, Qt.ControlModifier)
        qtbot.keyClicks(name, "meeting")   # the dialog adds .pdf
        qtbot.keyClick(name, Qt.Key_Return)

    seen = when_a_dialog_opens(fill)
    choose(qtbot, window, "&File", "Export report (P&DF)...")
    qtbot.waitUntil(lambda: len(seen) > 0 and not seen[0].isVisible(), timeout=30000)
    assert len(seen) == 1, seen[1:]
    qtbot.waitUntil(lambda: "meeting.pdf" in window.statusBar().currentMessage(), timeout=30000)
    assert "Letter" in window.statusBar().currentMessage()
    assert all(sorted(size) == sorted(PAPER["Letter"]) for size in page_sizes(out))
    text = words(text_of(out))
    for name in [r.name for r in window.session.scenario.reps] + [m.name for m in window.session.scenario.markets]:
        assert name in text
    assert f"Plan for {WEEK}" in text
