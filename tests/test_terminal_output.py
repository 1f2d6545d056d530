"""Names stored before control characters were refused are printed escaped: a terminal runs
nothing and tables keep one row per line."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import json
import unicodedata

import pytest

from planner.cli import main
from planner.model import stored_data
from planner.storage import Store
from planner.terminal import escape

from .test_corpus import BUSY_ICS

# An OSC sequence that retitles the window and ends in a bell, a newline, the 8-bit CSI
# (C1 control), a Unicode line separator and a blink escape.
REP, OTHER = "Laura\x1b]0;pwned\x07", "Marco\nEvil"
MARKET, SEPARATED = "Tokyo\x9b2J", "Line\u2028Break"
ACTIVITY = "Demo\x1b[5m"
TODAY = dt.date(2027, 3, 10)


def acted_on(text: str) -> list[str]:
    """The characters of ``text`` a terminal would act on, other than the line breaks we print."""
    return [ch for ch in text if ch != "\n" and unicodedata.category(ch) in ("Cc", "Zl", "Zp")]


def test_a_byte_that_is_not_utf8_is_printed_escaped():
    """A file name or value holding a byte that is not UTF-8 reaches argv as a lone surrogate, which a
    UTF-8 terminal cannot be sent: printing it was a UnicodeEncodeError (found by tests/test_cli_fuzz.py)."""
    assert escape("plan\udcff.csv") == "plan\\udcff.csv"
    assert escape("\ud800") == "\\ud800"
    assert json.loads(escape(json.dumps({"n": "a\udcff"}, ensure_ascii=False), json=True)) == {"n": "a\udcff"}


def test_escape_writes_controls_as_python_would_and_leaves_the_rest():
    assert escape(REP) == "Laura\\x1b]0;pwned\\x07"
    assert escape(OTHER) == "Marco\\nEvil" and escape(SEPARATED) == "Line\\u2028Break"
    assert escape(MARKET) == "Tokyo\\x9b2J"
    for fine in ("Zürich", "São Paulo", "東京", "👩\u200d💻 team", "‮RLO", "a\\nb", "tab\u00a0nbsp"):
        assert escape(fine) == fine
    assert json.loads(escape(json.dumps({"n": MARKET}, ensure_ascii=False), json=True)) == {"n": MARKET}
    assert acted_on(escape("".join(map(chr, range(0x110000 // 64))))) == []


@pytest.fixture(scope="module")
def database(tmp_path_factory, demo):
    """The demo with hostile names, stored as an old database would hold them."""
    rename = {demo.reps[0].name: REP, demo.reps[1].name: OTHER,
              demo.markets[0].name: MARKET, demo.markets[1].name: SEPARATED, demo.activities[0].name: ACTIVITY}
    new = lambda name: rename.get(name, name)  # noqa: E731
    with stored_data():
        scenario = demo.replace(
            activities=[dataclasses.replace(a, name=new(a.name)) for a in demo.activities],
            reps=[dataclasses.replace(r, name=new(r.name)) for r in demo.reps],
            markets=[dataclasses.replace(m, name=new(m.name), weekly={new(k): v for k, v in m.weekly.items()})
                     for m in demo.markets],
            assignments=[dataclasses.replace(a, rep=new(a.rep), market=new(a.market)) for a in demo.assignments])
    folder = tmp_path_factory.mktemp("hostile")
    Store(folder / "plans.db").save(scenario)
    (folder / "busy.ics").write_text(BUSY_ICS, encoding="utf-8", newline="")
    return folder


def run(folder, *argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", str(folder / "plans.db"), *map(str, argv)], today=TODAY)
    return code, out.getvalue(), err.getvalue()


WEEK = ["--week", "2027-W11"]
COMMANDS = [
    ["reps"], ["markets"], ["overlap", *WEEK], ["overlap", "--rep", REP, "--market", MARKET, *WEEK],
    ["schedule", *WEEK], ["check", *WEEK], ["compare", *WEEK, "--time-limit", "5"],
    ["assign", *WEEK, "--time-limit", "5"], ["export", *WEEK, "-o", "{folder}/week.ics"],
    ["import-busy", "{folder}/busy.ics", "--rep", REP, "--days", "30"],
    ["export-csv", "markets", "{folder}/markets.csv"], ["history"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: a[0] + ("-pair" if "--rep" in a and a[0] == "overlap" else ""))
def test_every_command_prints_stored_names_escaped(database, argv):
    argv = [a.replace("{folder}", str(database)) for a in argv]
    code, out, err = run(database, *argv)
    assert code == 0, err
    assert acted_on(out) == [] and acted_on(err) == []
    shown = [escape(n) for n in (REP, OTHER, MARKET, SEPARATED, ACTIVITY)]
    if argv[0] in ("reps", "markets", "overlap", "compare", "schedule", "check", "assign", "import-busy"):
        assert any(s in out for s in shown), out
    if argv[0] == "reps":  # a header, a rule and one line per rep
        assert len(out.strip("\n").split("\n")) == 2 + 2


@pytest.mark.parametrize("argv", [a for a in COMMANDS if a[0] in ("reps", "markets", "overlap", "schedule", "check")],
                         ids=lambda a: a[0])
def test_json_output_holds_the_names_exactly_and_nothing_a_terminal_runs(database, argv):
    code, out, err = run(database, *argv, "--json")
    assert code == 0, err
    assert acted_on(out) == []
    names = {REP, OTHER, MARKET, SEPARATED, ACTIVITY}

    def strings(value):
        if isinstance(value, dict):
            yield from (s for k, v in value.items() for s in (*strings(k), *strings(v)))
        elif isinstance(value, list):
            yield from (s for v in value for s in strings(v))
        elif isinstance(value, str):
            yield value
    assert names & set(strings(json.loads(out)))


def test_errors_that_repeat_what_was_typed_are_escaped(database):
    """Including a CSV export of such names: imported again, every such name is refused, escaped."""
    assert run(database, "export-csv", "reps", database / "reps.csv")[0] == 0
    for argv in (["overlap", "--rep", REP, "--market", "Nowhere\x1b[2J"], ["reps", "\x1b[2J\x07"],
                 ["import-csv", "markets", database / "missing\x1b[31m.csv"],
                 ["import-csv", "reps", database / "reps.csv"]):
        code, out, err = run(database, *argv)
        assert code == 2 and err.startswith("error: ") and err.count("\n") == 1
        assert acted_on(err) == [], err


def test_the_command_line_prints_only_through_the_escaping_functions():
    """New commands print through _say or _emit too (planner.terminal.escape on every line)."""
    import ast
    import inspect

    from planner import cli, cli_data, cli_edit, cli_history

    printing = set()
    for module in (cli, cli_data, cli_edit, cli_history):
        tree = ast.parse(inspect.getsource(module))
        printing |= {(module.__name__, fn.name) for fn in ast.walk(tree) if isinstance(fn, ast.FunctionDef)
                     for call in ast.walk(fn) if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "print"}
    assert printing == {("planner.cli", "_say"), ("planner.cli", "_emit")}
