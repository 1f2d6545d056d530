"""``rep-planner``: the command line, a thin layer over the core.

Every read command takes ``--json``. Exit code 0 on success; 2 on bad input,
with one line on stderr naming the problem.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Callable, Sequence

from . import cli_errors, i18n, scenario_file
from .errors import PlannerError
from .i18n import N_, _, amount, fixed, number
from .storage import default_path
from .terminal import escape
from .timezones import parse_week, week_of

COMMANDS: dict[str, Callable] = {}


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", cli_errors.HelpFormatter)
        super().__init__(*args, **kwargs)
        cli_errors.help_words(self)  # the reader's language is chosen before the parser is built

    def error(self, message):  # one line, exit 2, as for any bad input
        raise PlannerError(f"{self.prog}: {cli_errors.argparse_message(message)}")


def command(name: str):
    def register(fn):
        COMMANDS[name] = fn
        return fn
    return register


def _say(lines: str | Sequence[str], file=None) -> None:
    """Print one line, or a list of lines, each escaped whole: a newline or an escape sequence
    in a stored name shows as \\n or \\x1b and the terminal runs nothing (planner.terminal)."""
    print("\n".join(escape(line) for line in ([lines] if isinstance(lines, str) else lines)), file=file)


def _emit(args, data, text: str | Sequence[str]) -> None:
    if args.json:
        print(escape(json.dumps(data, indent=2, ensure_ascii=False), json=True))
    else:
        _say(text)


def _store(args):
    """The database named by --db, which must exist: only demo, import, import-csv and import-xlsx create one
    (planner.cli_data). Opened read-only with --read-only."""
    return cli_data.existing_store(args)


def _week(args, today: dt.date) -> tuple[int, int]:
    return parse_week(args.week) if args.week else week_of(today)


def _table(headers: Sequence[str], rows: Sequence[Sequence]) -> list[str]:
    cells = [[escape(str(c)) for c in row] for row in [headers, *rows]]  # escaped before measuring
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


@command("export-scenario")
def cmd_export_scenario(args, today):
    store = _store(args)
    scenario = store.load()
    scenario_file.save(scenario, args.file, database=store.path)
    _say(_("Wrote {name} to {file}").format(name=repr(scenario.name), file=args.file))


@command("reps")
def cmd_reps(args, today):
    scenario = _store(args).load()
    markets_of: dict[str, list[str]] = {}
    for a in scenario.assignments:
        markets_of.setdefault(a.rep, []).append(a.market)
    order = {m.name: i for i, m in enumerate(scenario.markets)}
    data = [row | {"markets": sorted(markets_of.get(row["name"], ()), key=order.__getitem__)}
            for row in scenario_file.scenario_to_dict(scenario)["reps"]]
    rows = [(r["name"], r["timezone"], r["hours"], number(r["max_weekly_hours"]), r["rules"], ", ".join(r["markets"])) for r in data]
    _emit(args, data, _table((_("Rep"), _("Time zone"), _("Hours"), _("Max h/week"), _("Rules"), _("Markets")), rows))


@command("markets")
def cmd_markets(args, today):
    scenario = _store(args).load()
    rows = scenario_file.scenario_to_dict(scenario)["markets"]  # once: it serialises the whole plan
    rep_of = {a.market: a.rep for a in scenario.assignments}
    data = []
    for m, row in zip(scenario.markets, rows):
        load = scenario.workload(m)
        data.append(row | {"rep": rep_of.get(m.name), "live_hours": load.live_hours, "async_hours": load.async_hours})
    rows = [(d["name"], d["timezone"], d["hours"], d["tier"], amount(d["value"]),
             fixed(d["live_hours"]), fixed(d["async_hours"]), d["rep"] or "-") for d in data]
    _emit(args, data, _table((_("Market"), _("Time zone"), _("Hours"), _("Tier"), _("Value"), _("Live h"),
                              _("Async h"), _("Rep")), rows))



def version_line() -> str:
    """``rep-planner 0.1.0 (time zones: tzdata 2026f)``: the data every instant comes from."""
    from . import __version__
    from .timezones import tzdata_package_version, tzdata_version

    return (f"rep-planner {__version__} (time zones: tzdata {tzdata_version()}, "
            f"from the tzdata package {tzdata_package_version()})")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="rep-planner", description=_("Plan sales reps' weeks across time zones."))
    parser.add_argument("--db", default=None, help=_(
        "database file (default: {path}), or a team's plan on a server: postgresql://user@host:port/dbname"
    ).format(path=default_path()))
    parser.add_argument("--read-only", action="store_true", help=_(READ_ONLY_HELP))
    parser.add_argument("--lang", default=None, help=_(LANG_HELP))
    parser.add_argument("--version", action="version", version=version_line(), help=_(cli_errors.VERSION_HELP))
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def add(name, help_text, *, reads=False):
        p = sub.add_parser(name, help=help_text, description=help_text)
        if reads:
            p.add_argument("--json", action="store_true", help=_("print JSON"))
        p.add_argument("--db", default=argparse.SUPPRESS, help=_("database file or postgresql:// URL"))
        p.add_argument("--read-only", action="store_true", default=argparse.SUPPRESS, help=_(READ_ONLY_HELP))
        p.add_argument("--lang", default=argparse.SUPPRESS, help=_(LANG_HELP))
        return p

    cli_data.add_parsers(add)
    cli_history.add_parsers(add)
    cli_hire.add_parsers(add)
    cli_alternatives.add_parsers(add)
    cli_whatif.add_parsers(add)
    add("export-scenario", _("write the database's scenario to a JSON file")).add_argument("file")
    add("reps", _("list reps"), reads=True)
    add("markets", _("list markets and their weekly workload"), reads=True)
    p = add("overlap", _("hours in which reps and markets can talk, in one ISO week"), reads=True)
    p.add_argument("--week", help=_("ISO week such as 2027-W11 (default: this week)"))
    p.add_argument("--rep", help=_("rep name in the scenario"))
    p.add_argument("--market", help=_("market name in the scenario"))
    p.add_argument("--rep-tz")
    p.add_argument("--rep-hours")
    p.add_argument("--rep-country", help=_("subtract this country's public holidays from the rep's hours"))
    p.add_argument("--market-tz")
    p.add_argument("--market-hours")
    p.add_argument("--market-country", help=_("subtract this country's public holidays from the market's hours"))
    p.add_argument("--no-holidays", action="store_true", help=_("ignore public holidays"))
    p = add("assign", _("choose which rep covers which market (HiGHS), and explain why"), reads=True)
    p.add_argument("--week", help=_("planning week such as 2027-W11 (default: this week)"))
    p.add_argument("--apply", action="store_true", help=_("store the plan (locked assignments are kept)"))
    p.add_argument("--time-limit", type=float, default=30.0, help=_("seconds to search (default 30)"))
    p = add("schedule", _("build reps' weeks from their markets' workload"), reads=True)
    p.add_argument("--week", help=_("ISO week such as 2027-W11 (default: this week)"))
    p.add_argument("--rep", help=_("one rep (default: all)"))
    p.add_argument("--stretch", action="store_true", help=_("place everything, outside working hours if need be"))
    p = add("check", _("workload flags per rep (long weeks, short rest, night work...)"), reads=True)
    p.add_argument("--week", help=_("first ISO week (default: this week)"))
    p.add_argument("--weeks", type=int, default=1, help=_("weeks to check, for the rolling average (default 1)"))
    p.add_argument("--rep", help=_("one rep (default: all)"))
    p.add_argument("--stretch", action="store_true", help=_("check the stretched schedule (everything placed)"))
    p = add("export", _("write reps' weeks to an iCalendar file for Google, Outlook, Apple, Thunderbird"), reads=True)
    p.add_argument("--week", help=_("first ISO week (default: this week)"))
    p.add_argument("--weeks", type=int, default=1, help=_("how many weeks (default 1)"))
    p.add_argument("--rep", help=_("one rep (default: all)"))
    p.add_argument("--per-rep", action="store_true", help=_("one file per rep; -o is then a folder"))
    p.add_argument("--stretch", action="store_true", help=_("export the stretched week"))
    p.add_argument("-o", "--output", required=True, help=_("the .ics file (or folder with --per-rep)"))
    p = add("import-busy", _("import a rep's existing meetings (.ics file or CalDAV calendar) as busy times"))
    p.add_argument("file", nargs="?")
    cli_caldav.server_options(p, required=False)
    p.add_argument("--rep", required=True)
    p.add_argument("--days", type=int, default=365, help=_("days ahead to import, 1 to 3650 (default 365)"))
    p.add_argument("--days-back", type=int, default=7, help=_("days back to import, 0 to 3650 (default 7)"))
    cli_sheets.add_parsers(add)
    p = add("compare", _("cover every market (as assigned) against the optimised plan, per rep; or two "
                       "alternatives side by side"), reads=True)
    p.add_argument("plans", nargs="*", metavar="PLAN",
                   help=_("two plans to compare: alternatives' names, or 'current' for the plan open now"))
    p.add_argument("--week", help=_("ISO week (default: this week)"))
    p.add_argument("--time-limit", type=float, default=30.0)
    cli_caldav.add_parsers(add)
    cli_report.add_parsers(add)
    cli_team.add_parsers(add)
    from .cli_edit import add_edit_commands  # rep, market, activity: editing for automation
    COMMANDS.update(add_edit_commands(sub, _store, _emit))
    return parser


def main(argv: Sequence[str] | None = None, *, today: dt.date | None = None,
         translator: i18n.Translator | None = None) -> int:
    """Run one command; ``today`` is injected by tests (default: the system date).

    The language is ``--lang``, else the environment's (planner.i18n), else English; ``translator``
    is injected by tests. ``--json`` answers in English whatever the language: it is for programs."""
    argv = sys.argv[1:] if argv is None else list(argv)
    language, wants_json = _language_of(argv)
    if wants_json:
        translator = i18n.ENGLISH
    elif translator is None:
        translator = i18n.Translator(language or i18n.from_environment())
    with i18n.using(translator):
        return _run(argv, today)


def _language_of(argv: Sequence[str]) -> tuple[str | None, bool]:
    """``--lang`` and ``--json`` read before the command line is parsed, so that its errors are in
    the reader's language too (the parser itself checks them after)."""
    language, wants_json = None, False
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--json":
            wants_json = True
        elif arg == "--lang" and i + 1 < len(argv):
            language = argv[i + 1]
        elif arg.startswith("--lang="):
            language = arg.partition("=")[2]
    return language, wants_json


def _run(argv: Sequence[str], today: dt.date | None) -> int:
    try:
        args = build_parser().parse_args(argv)
        cli_data.refuse_writes(args)
        code = COMMANDS[args.command](args, today or dt.date.today())
    except PlannerError as exc:
        _say(_("error: {message}").format(message=exc).replace("\n", " "), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    finally:
        cli_data.close_stores()
    return code or 0


from . import cli_data  # noqa: E402  (registers demo, import, backups, restore; uses command above)
from . import cli_history  # noqa: E402  (registers history and undo)
from . import cli_caldav  # noqa: E402  (registers publish)
from . import cli_check  # noqa: E402,F401  (registers check: flags, and the quarter over --weeks N)
from . import cli_hire  # noqa: E402  (registers hire)
from . import cli_alternatives  # noqa: E402  (registers alternatives and switch)
from . import cli_sheets  # noqa: E402  (registers import-csv, export-csv, import-xlsx, export-xlsx)
from . import cli_whatif  # noqa: E402  (registers whatif)
from . import cli_report  # noqa: E402  (registers report; draws with ui.report_pdf when it runs)
from . import cli_team  # noqa: E402  (registers push)
from . import cli_plan  # noqa: E402,F401  (registers overlap, assign, schedule, export, import-busy, compare)

LANG_HELP = N_("language of the messages, e.g. fr (default: LANG; --json output is always English)")
READ_ONLY_HELP = N_("open the database without writing or creating anything (commands that only read)")

if __name__ == "__main__":  # python -m planner.cli: run the module the command modules registered into
    from planner.cli import main as registered_main

    sys.exit(registered_main())
