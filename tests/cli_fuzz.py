"""Argument lists for fuzzing the command line, built from its own parser.

:func:`commands` walks ``planner.cli.build_parser()`` down every level of subcommands, so a
command added later is fuzzed without editing this file. For each option and positional,
:func:`argv_for` draws a value from the demo plan (its reps, markets, activities, zones, weeks,
files that exist) or a hostile one; which pool an argument gets is read from its name
(``--week``, ``rep``, ``file``...), its ``type`` and its ``choices``, and a name it does not
know gets every pool. Files are :class:`InSandbox` names, made real per example by
:func:`make_sandbox` in a folder of their own, next to a copy of the demo database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from planner import csv_io, scenario_file
from planner.storage import DEMO_PATH, Store

from .corpus.make_corpus import BASE
from .test_corpus import BUSY_ICS

DEMO = scenario_file.load(DEMO_PATH)
DB = "plans.db"
BACKUP_TIME = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.timezone.utc)
BACKUPS = ["latest", "20270301T090000Z", "20270317T103000Z"]  # the sandbox's backup, and one it has not

# Commands never fuzzed, with the reason (a command that talks to a server or opens a window).
# None today: the app is its own program (rep-planner-app), and no command reaches a server; one
# that tries is refused its connection in the fuzz (tests/test_cli_fuzz.py), so it cannot hang it.
EXCLUDED: dict[tuple[str, ...], str] = {}


@dataclass(frozen=True)
class InSandbox:
    """A path inside the example's own folder (see :func:`make_sandbox`)."""
    name: str


@dataclass(frozen=True)
class Command:
    path: tuple[str, ...]                  # ("rep", "add")
    actions: tuple[argparse.Action, ...]   # its options and positionals, --db and --read-only included
    groups: tuple                          # its mutually exclusive groups


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[Command]:
    """Every command the parser runs, subcommands of subcommands included."""
    sub = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not sub:
        return [Command(path, tuple(parser._actions), tuple(parser._mutually_exclusive_groups))]
    found, seen = [], set()
    for name, child in sub[0].choices.items():
        if id(child) not in seen and path + (name,) not in EXCLUDED:  # an alias is the same parser
            seen.add(id(child))
            found += commands(child, path + (name,))
    return found


EXITING = (argparse._HelpAction, argparse._VersionAction)  # print and exit 0, whatever else is given


def root_flags(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """The options given before the command (``--read-only``, ``--version``), but ``--db``."""
    return [a for a in parser._actions if a.option_strings and a.dest != "db"]


def exiting_options(parser: argparse.ArgumentParser) -> set[str]:
    """``-h``, ``--help``, ``--version``: of the parser and of every command."""
    found = {o for a in parser._actions if isinstance(a, EXITING) for o in a.option_strings}
    for sub in (a for a in parser._actions if isinstance(a, argparse._SubParsersAction)):
        for child in sub.choices.values():
            found |= exiting_options(child)
    return found


# --- values ---------------------------------------------------------------------------------------

REPS = [r.name for r in DEMO.reps]
MARKETS = [m.name for m in DEMO.markets]
ACTIVITIES = [a.name for a in DEMO.activities]
NEW_NAMES = ["Ana", "Chile", "Webinar", "Zürich office", "東京", "O'Brien, Jr.", "=1+1", "-dash", "@cmd"]
ZONES = sorted({r.timezone for r in DEMO.reps} | {m.timezone for m in DEMO.markets} | {"UTC", "Asia/Kathmandu"})
BAD_ZONES = ["EST", "US/Eastern", "Europe/Zurch", "europe/zurich", "UTC+2", "../../etc/passwd", "localtime"]
_DEMO_FILE = scenario_file.scenario_to_dict(DEMO)
HOURS = sorted({x["hours"] for x in _DEMO_FILE["reps"] + _DEMO_FILE["markets"]}
               | {"Mon-Fri 09:00-17:00", "Mon-Fri 08:00-12:00, 13:00-18:00", "Sun-Thu 09:00-17:00",
                  "Mon-Fri 20:00-02:00"})
BAD_HOURS = ["Mon-Fri 09:00-25:00", "Mon-Fry 09:00-17:00", "9-5", "Mon-Fri 09:00-09:00", "Mon-Sun 00:00-24:00"]
COUNTRIES = sorted({m.country for m in DEMO.markets} | {"CH"}) + ["XX", "ch", "Narnia"]
REGIONS = ["ZH", "BE", "CA", "NY", "XX", "zh"]
WEEKS = ["2027-W11", "2027-W01", "2027-W52", "2026-W53", "2027-W13", "1970-W01", "2099-W52"]
BAD_WEEKS = ["0001-W01", "9999-W52", "1969-W52", "2100-W01", "2027-W00", "2027-W53", "2027-W99", "2027W11",
             "2027-11", "W11", "2027-W1x"]
NUMBERS = ["1", "2", "3", "5", "30", "45", "52", "0.5", "104", "480", "3650"]
BAD_NUMBERS = ["0", "-1", "-0", "-5", "1e308", "-1e308", "9" * 40, "nan", "-nan", "inf", "-inf", "Infinity", "0x10",
               "1_000", "1,5", "٣", "½", "1e-320", "105", "53", "481", "3651", "100000000", "99999999999"]
TEXT = ["A", "B", "C", "live", "async", "none", "eu-wtd", "who-ilo", "us-flsa", "ch-arg", "Demo=3", "Demo=-1",
        "Nothing=2", "=3", "Demo="]
HOSTILE = [
    "", " ", "  \t ", "-", "--", "-x", "--db", "--help", "-h", "\x1b[2J\x1b[H", "\x1b]0;pwned\x07", "\x07", "a\nb",
    "\r", "\x7f", "\x9b2J", "Line\u2028Break", "\u202eevil", "\ufeffBOM", "e\u0301", "👩\u200d💻", "名前" * 3,
    "\udcff",  # a byte that is not UTF-8, as Python decodes it from argv
    "x" * 10_000, "é" * 300, "'; DROP TABLE reps; --", "%s%n%x", "{0}{}", "$(reboot)", "*", "~", ".", "..",
    "0001-W01", "9999-W52",
]
FILES = {  # name in the sandbox -> what it holds (made by make_sandbox)
    "busy.ics": "a well-formed calendar", "reps.csv": "the demo's reps", "markets.csv": "the demo's markets",
    "plan.json": "a valid scenario other than the demo", "demo.json": "the demo as a scenario file",
    "folder": "a directory", "null": "a link to /dev/null", "locked.csv": "a file with no read permission",
    "empty.ics": "an empty file",
}
PATHS = [InSandbox(n) for n in FILES] + [InSandbox(n) for n in (
    "nothing.ics", "typo/plans.db", "out.ics", "out.csv", "out.json", "new/out.ics", DB, "-o", "folder/")]
DATABASES = [InSandbox(DB)] * 6 + [InSandbox(n) for n in (
    "typo/plans.db", "other.db", "folder", "null", "busy.ics", "empty.ics", "x" * 300)]


def _text():
    """Any short text an argv can hold (not NUL: the operating system cannot pass one)."""
    return st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=12)


def _pool(*values):
    return st.sampled_from([v for group in values for v in group])


# Which values an argument gets, from words in its name; the first that matches wins.
BY_NAME = [
    (("db",), lambda: _pool(DATABASES)),
    (("week",), lambda: _pool(WEEKS, WEEKS, BAD_WEEKS)),
    (("tz", "timezone", "zone"), lambda: _pool(ZONES, BAD_ZONES)),
    (("hours",), lambda: _pool(HOURS, BAD_HOURS, NUMBERS)),
    (("country",), lambda: _pool(COUNTRIES)),
    (("region",), lambda: _pool(REGIONS, [""])),
    (("file", "output", "path"), lambda: _pool(PATHS)),
    (("activity",), lambda: _pool(ACTIVITIES, NEW_NAMES[2:3])),
    (("rep",), lambda: _pool(REPS, REPS, NEW_NAMES[:1])),
    (("market",), lambda: _pool(MARKETS, NEW_NAMES[1:2])),
    (("name", "new"), lambda: _pool(REPS, MARKETS, ACTIVITIES, NEW_NAMES)),
    (("days", "weeks", "count", "minutes", "limit", "max"), lambda: _pool(NUMBERS, BAD_NUMBERS[:8])),
]


KINDS = {"rep": REPS, "market": MARKETS, "activity": ACTIVITIES, "restore": BACKUPS}


def _everything():
    return _pool(REPS, MARKETS, ACTIVITIES, NEW_NAMES, ZONES, HOURS, COUNTRIES, WEEKS, NUMBERS, TEXT, PATHS)


def value_for(action: argparse.Action, path: tuple[str, ...], mode: str):
    """Values for one argument: ones it may take ("calm"), hostile ones ("hostile"), or both ("wild")."""
    name = action.dest.replace("-", "_").lower()
    if name == "name" and path[0] in KINDS:  # rep set NAME: a rep's name, mostly; restore NAME: a backup's
        fitting = _pool(KINDS[path[0]], KINDS[path[0]], NEW_NAMES)
    elif action.choices is not None:
        fitting = st.sampled_from(list(action.choices))
    elif action.type in (int, float):
        fitting = _pool(NUMBERS)
    else:
        makers = [make for words, make in BY_NAME if any(w in name.split("_") for w in words)]
        fitting = makers[0]() if makers else _everything()
    hostile = st.one_of(_pool(HOSTILE, BAD_NUMBERS, BAD_ZONES, BAD_HOURS), _text(), _everything())
    if name == "db" or mode == "calm":
        return fitting
    return hostile if mode == "hostile" else st.one_of(fitting, fitting, hostile)


# --- argument lists -------------------------------------------------------------------------------

@st.composite
def argv_for(draw, command: Command, flags: list[argparse.Action]):
    """An argument list for ``command``: its path, its positionals in order, options in any order.
    A third are calm (values each argument may take, which reach deep into a command); a third are
    calm but for one hostile value; the others are wild: hostile values mixed in, and now and then
    an argument left out or an unknown one added."""
    kind = draw(st.sampled_from(["calm", "one", "wild"]))
    takes_value = [a for a in command.actions if a.nargs != 0 and not isinstance(a, EXITING)]
    odd_one = draw(st.sampled_from(takes_value)) if kind == "one" and takes_value else None
    words: list = [f.option_strings[-1] for f in flags  # --help and --version now and then
                   if draw(st.integers(0, 99 if isinstance(f, EXITING) else 7)) == 0]
    shared = {o for f in flags for o in f.option_strings}
    words += list(command.path)
    positionals, options = [], []
    exclusive = {id(a): g for g in command.groups for a in g._group_actions}
    chosen = {id(g): draw(st.sampled_from(g._group_actions)) for g in command.groups if g.required}
    for action in command.actions:
        mode = "hostile" if action is odd_one else "wild" if kind == "wild" else "calm"
        if isinstance(action, EXITING):
            if draw(st.integers(0, 99)) == 0:
                options.append([action.option_strings[0]])
            continue
        group = exclusive.get(id(action))
        required = action.required or action is odd_one or (group is not None and chosen.get(id(group)) is action)
        if set(action.option_strings) & shared and draw(st.integers(0, 7)):
            continue  # --read-only, given before the command as often as after
        if not action.option_strings:
            positionals.append(draw(value_for(action, command.path, mode)))
            continue
        if not (required or draw(st.integers(0, 2)) == 0):
            continue
        option = draw(st.sampled_from(action.option_strings))
        if action.nargs == 0:
            options.append([option])
        else:
            times = draw(st.integers(1, 3)) if isinstance(action, argparse._AppendAction) else 1
            for _ in range(times):
                value = draw(value_for(action, command.path, mode))
                joined = isinstance(value, str) and option.startswith("--") and draw(st.integers(0, 4)) == 0
                options.append([f"{option}={value}"] if joined else [option, value])
    if kind == "wild" and positionals and draw(st.integers(0, 9)) == 0:
        positionals.pop(draw(st.integers(0, len(positionals) - 1)))  # one left out
    if kind == "wild" and options and draw(st.integers(0, 9)) == 0:
        options.pop(draw(st.integers(0, len(options) - 1)))  # a required one, maybe
    if kind == "wild" and draw(st.integers(0, 9)) == 0:
        options.append([draw(_pool(["--bogus", "--db", "--week", "-o", "--json", "--json"], HOSTILE))])
    order = draw(st.permutations(range(len(options)))) if options else []
    split = draw(st.integers(0, len(order)))  # options before and after the positionals
    for i in order[:split]:
        words += options[i]
    words += positionals
    for i in order[split:]:
        words += options[i]
    return words


def argv_lists(parser: argparse.ArgumentParser):
    """Argument lists for every command of ``parser`` (each command as likely as any other)."""
    flags = root_flags(parser)
    return st.sampled_from(commands(parser)).flatmap(lambda c: argv_for(c, flags))


# --- the sandbox ----------------------------------------------------------------------------------

def make_template(folder: Path, prepared_db: Path) -> None:
    """The demo database with one backup, and the files :data:`FILES` names, in ``folder``."""
    shutil.copyfile(prepared_db, folder / DB)
    store = Store(folder / DB, clock=lambda: BACKUP_TIME)
    store.backup("before the fuzz")
    store.close()
    (folder / "busy.ics").write_text(BUSY_ICS, encoding="utf-8", newline="")
    (folder / "reps.csv").write_text(_CSV["reps"], encoding="utf-8")
    (folder / "markets.csv").write_text(_CSV["markets"], encoding="utf-8")
    (folder / "plan.json").write_text(_PLAN, encoding="utf-8")
    shutil.copyfile(DEMO_PATH, folder / "demo.json")
    (folder / "folder").mkdir()
    # A link, so that a command replacing "/dev/null" replaces the link, never the machine's device.
    (folder / "null").symlink_to("/dev/null")
    (folder / "empty.ics").write_bytes(b"")


def make_sandbox(folder: Path, template: Path) -> None:
    """A copy of the template (:func:`make_template`) in ``folder``, for one example."""
    shutil.copytree(template, folder, symlinks=True, dirs_exist_ok=True)
    (folder / "locked.csv").write_text(_CSV["reps"], encoding="utf-8")  # made here: a copy needs to read it
    (folder / "locked.csv").chmod(0)


def resolve(argv: list, folder: Path) -> list[str]:
    return [str(folder / a.name) if isinstance(a, InSandbox) else a for a in argv]


def folder_state(folder: Path) -> dict[str, str]:
    """Every entry under ``folder``: a file's bytes' digest and mode, a link's target, "folder"."""
    state = {}
    for p in sorted(folder.rglob("*")):
        key = str(p.relative_to(folder))
        if p.is_symlink():
            state[key] = "link to " + os.readlink(p)
        elif p.is_dir():
            state[key] = "folder"
        else:
            mode = stat.S_IMODE(p.stat().st_mode)
            try:
                state[key] = f"{mode:o} " + hashlib.sha256(p.read_bytes()).hexdigest()
            except PermissionError:
                state[key] = f"{mode:o} unreadable, {p.stat().st_size} bytes, {p.stat().st_mtime_ns}"
    return state


_CSV = {"reps": csv_io.write_reps(DEMO), "markets": csv_io.write_markets(DEMO)}
_PLAN = json.dumps(BASE)
