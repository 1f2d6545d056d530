"""Every hostile input in tests/corpus: exit code 2, a message naming where, the database unchanged."""

import ast
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from planner.cli import main

from .corpus.make_corpus import BASE

CORPUS = Path(__file__).parent / "corpus"


def table_dump(db: Path) -> dict:
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(map(repr, conn.execute(f"SELECT * FROM [{t}]").fetchall())) for t in tables}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    db = tmp_path_factory.mktemp("corpus") / "plans.db"
    assert main(["--db", str(db), "demo"]) == 0
    return db, table_dump(db)


def folder_state(folder: Path) -> dict:
    """Every file beside the database and its bytes' digest: a refusal creates and changes nothing."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
            for p in sorted(folder.rglob("*"))}


def refused(capsys, database, argv, expected):
    db, before = database
    files = folder_state(db.parent)
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    assert code == 2, (argv, out)
    assert expected in err, err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert table_dump(db) == before
    assert folder_state(db.parent) == files


def cases(kind: str, pattern: str):
    return sorted((CORPUS / kind).glob(pattern))


def expected_of(path: Path) -> str:
    return path.with_suffix(".expected").read_text(encoding="utf-8").strip()


def tsv(name: str):
    rows = [line.split("\t") for line in (CORPUS / name).read_text(encoding="utf-8").splitlines()]
    return [(ast.literal_eval(value), expected) for value, expected in rows]


@pytest.mark.parametrize("path", cases("json", "*.json"), ids=lambda p: p.stem)
def test_scenario_files(capsys, database, path):
    refused(capsys, database, ["import", str(path)], expected_of(path))


@pytest.mark.parametrize("path", cases("csv", "*.csv"), ids=lambda p: p.stem)
def test_csv_files(capsys, database, path):
    kind = "markets" if path.stem.startswith("markets") else "reps"
    refused(capsys, database, ["import-csv", kind, str(path)], expected_of(path))


@pytest.mark.parametrize("path", cases("xlsx", "*.xlsx"), ids=lambda p: p.stem)
def test_excel_workbooks(capsys, database, path):
    kind = "markets" if path.stem.startswith("markets") else "reps"
    refused(capsys, database, ["import-xlsx", kind, str(path)], expected_of(path))
    refused(capsys, database, ["import-xlsx", kind, str(path), "--dry-run"], expected_of(path))


@pytest.mark.parametrize("path", cases("ics", "*.ics"), ids=lambda p: p.stem)
def test_calendar_files(capsys, database, path):
    refused(capsys, database, ["import-busy", str(path), "--rep", "Laura"], expected_of(path))


def _with(tmp_path, field, value) -> Path:
    data = json.loads(json.dumps(BASE))
    data["reps"][0][field] = value
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("value,expected", tsv("hours.tsv"), ids=lambda v: repr(v)[:30])
def test_hours_notation(capsys, database, tmp_path, value, expected):
    refused(capsys, database, ["import", str(_with(tmp_path, "hours", value))], expected)
    if value:  # an empty --rep-hours reads as "not given", refused for that reason
        refused(capsys, database, ["overlap", "--rep-tz", "UTC", "--rep-hours", value, "--market-tz", "UTC",
                                   "--market-hours", "Mon-Fri 09:00-17:00"], expected)


@pytest.mark.parametrize("value,expected", tsv("zones.tsv"), ids=lambda v: repr(v)[:30])
def test_zone_names(capsys, database, tmp_path, value, expected):
    refused(capsys, database, ["import", str(_with(tmp_path, "timezone", value))], expected)


BUSY_ICS = """BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//corpus//EN\r\nBEGIN:VEVENT\r\nUID:busy-1@corpus\r
DTSTART:20270316T090000Z\r\nDTEND:20270316T100000Z\r\nSUMMARY:Meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"""


@pytest.mark.parametrize("argv,expected", tsv("cli.tsv"), ids=lambda v: " ".join(v)[:40] if isinstance(v, list) else None)
def test_command_line_values(capsys, database, tmp_path, argv, expected):
    """Options given on the command line: "{ics}" stands for a well-formed calendar file, "{scenario}" for
    a valid scenario file, "{missing}" for a database that does not exist, "{out}" for a file to write,
    "{empty}" for an empty file, "{folder}" for a folder, "{db}" for the database the command opens."""
    ics, scenario = tmp_path / "busy.ics", tmp_path / "plan.json"
    ics.write_text(BUSY_ICS, encoding="utf-8", newline="")
    scenario.write_text(json.dumps(BASE), encoding="utf-8")
    (tmp_path / "empty.db").write_bytes(b"")
    (tmp_path / "folder").mkdir()
    before = folder_state(tmp_path)
    places = {"{ics}": ics, "{scenario}": scenario, "{missing}": tmp_path / "typo" / "plans.db",
              "{out}": tmp_path / "out.json", "{empty}": tmp_path / "empty.db", "{folder}": tmp_path / "folder",
              "{db}": database[0]}
    for place, path in places.items():
        expected = expected.replace(place, str(path))
    refused(capsys, database, [str(places.get(a, a)) for a in argv], expected)
    assert folder_state(tmp_path) == before  # no database, folder or output file made


def test_a_refused_day_range_keeps_the_busy_times_imported_before(capsys, tmp_path):
    import datetime as dt

    db, ics = tmp_path / "plans.db", tmp_path / "busy.ics"
    ics.write_text(BUSY_ICS, encoding="utf-8", newline="")
    today = dt.date(2027, 3, 10)
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "import-busy", str(ics), "--rep", "Laura"], today=today) == 0
    before = table_dump(db)
    assert any("Meeting" in row for row in before["busy"])
    capsys.readouterr()
    for argv in (["--days", "-5"], ["--days-back", "-400"]):
        assert main(["--db", str(db), "import-busy", str(ics), "--rep", "Laura", *argv], today=today) == 2
        assert table_dump(db) == before


def test_a_fifty_megabyte_scenario_is_refused_unread(capsys, database, tmp_path):
    path = tmp_path / "big.json"
    with open(path, "w") as fh:
        fh.write('{"format": "rep-planner/1", "name": "big", "activities": [], "reps": [')
        fh.write(",".join(['{"name": "x"}'] * (50 * 1024 * 1024 // 14)))
        fh.write('], "markets": []}')
    assert path.stat().st_size > 50 * 1024 * 1024
    refused(capsys, database, ["import", str(path)], "too large for a scenario")


def test_the_corpus_has_at_least_150_cases():
    count = (len(cases("json", "*.json")) + len(cases("csv", "*.csv")) + len(cases("ics", "*.ics"))
             + len(cases("xlsx", "*.xlsx"))
             + len(tsv("hours.tsv")) + len(tsv("zones.tsv")) + len(tsv("cli.tsv")))
    assert count >= 150


def test_csv_we_write_cannot_run_as_a_formula(tmp_path):
    from planner import csv_io
    from planner.model import Rep, Scenario

    scenario = Scenario("x", reps=[Rep("=HYPERLINK(\"http://evil\")", "UTC", "CH", "Mon-Fri 09:00-17:00"),
                                   Rep("+SUM(1)", "UTC", "CH", "Mon-Fri 09:00-17:00"),
                                   Rep("@cmd", "UTC", "CH", "Mon-Fri 09:00-17:00"),
                                   Rep("-2+3", "UTC", "CH", "Mon-Fri 09:00-17:00")])
    text = csv_io.write_reps(scenario)
    import csv
    import io
    cells = [row[0] for row in csv.reader(io.StringIO(text))][1:]
    assert cells == ["'=HYPERLINK(\"http://evil\")", "'+SUM(1)", "'@cmd", "'-2+3"]


def test_a_name_stored_before_control_characters_were_refused_still_loads(capsys, tmp_path):
    """Refused as input, but a database that already holds such a name opens, and edits of other
    reps still save."""
    from planner import commands
    from planner.storage import Store

    db = tmp_path / "plans.db"
    assert main(["--db", str(db), "demo"]) == 0
    conn = sqlite3.connect(db)
    with conn:
        old = conn.execute("SELECT name FROM reps ORDER BY position").fetchone()[0]
        for table, column in (("reps", "name"), ("assignments", "rep"), ("busy", "rep")):
            conn.execute(f"UPDATE [{table}] SET [{column}] = ? WHERE [{column}] = ?", (old + "\x1b[31m", old))
    conn.close()
    capsys.readouterr()
    assert main(["--db", str(db), "reps"]) == 0
    store = Store(db)
    scenario = store.load()
    assert scenario.reps[0].name == old + "\x1b[31m"
    other = scenario.reps[1].name
    store.save(commands.EditRep(other, "max_weekly_hours", "35").apply(scenario).scenario)
    assert store.load().rep(other).max_weekly_hours == 35


def test_a_zone_alias_stored_before_aliases_were_refused_still_loads(capsys, tmp_path):
    import datetime as dt

    from planner.storage import Store
    from planner.timezones import canonical_problem

    assert canonical_problem("Europe/Oslo") is None  # a link in tzdata, but Norway's own name in zone.tab
    assert canonical_problem("UTC") is None and canonical_problem("America/New_York") is None
    db = tmp_path / "plans.db"
    assert main(["--db", str(db), "demo"]) == 0
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE reps SET timezone = 'US/Eastern' WHERE position = (SELECT MIN(position) FROM reps)")
    conn.close()
    capsys.readouterr()
    assert main(["--db", str(db), "reps"]) == 0
    assert Store(db).load().reps[0].timezone == "US/Eastern"
    ics = tmp_path / "busy.ics"
    ics.write_text(BUSY_ICS, encoding="utf-8", newline="")
    rep = Store(db).load().reps[0].name
    assert main(["--db", str(db), "import-busy", str(ics), "--rep", rep], today=dt.date(2027, 3, 10)) == 0


def test_the_generator_reproduces_the_corpus_files():
    """tests/corpus/make_corpus.py is the corpus's source: a case added to a .tsv by hand would be lost
    the next time it runs."""
    from .corpus import make_corpus as generator

    for name, rows in (("cli.tsv", generator.CLI), ("hours.tsv", generator.HOURS), ("zones.tsv", generator.ZONES)):
        assert (CORPUS / name).read_text(encoding="utf-8") == "".join(f"{a!r}\t{e}\n" for a, e in rows), name
    stored = {p.name: p.read_bytes() for p in (CORPUS / "xlsx").iterdir()}
    made = {}
    for name, (data, expected) in generator.XLSX.items():
        made[f"{name}.xlsx"], made[f"{name}.expected"] = data, (expected + "\n").encode()
    assert stored == made  # no workbook added, changed or left behind by hand
