"""The database's lifecycle on the command line: which commands create one, backups, restore, --read-only.

Only ``demo``, ``import``, ``import-csv`` and ``import-xlsx`` create a database; every other command on a
missing file exits 2 naming the path and creates nothing. ``demo`` and ``import`` replace
a plan that has reps or markets only with ``--replace``, and keep a backup of it first;
``backups`` lists the backups and ``restore`` brings one back (keeping the state it replaces).
``--read-only`` opens the database without writing or creating anything, for the commands
that only read; a command that writes refuses it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import backups, history, scenario_file
from .cli import _emit, _say, _table, command
from .engines import is_server
from .errors import PlannerError
from .i18n import _
from .storage import DEMO_PATH, NotWritable, Store, default_path, new_scenario, replace_scenario

# The commands that only read (given their options); any other command refuses --read-only.
READS = {
    "reps": None, "markets": None, "overlap": None, "schedule": None, "check": None, "compare": None,
    "export-scenario": None, "export-csv": None, "export-xlsx": None, "backups": None, "history": None,
    "hire": None, "report": None,
    "assign": lambda args: not args.apply,
    "import-csv": lambda args: args.dry_run, "import-xlsx": lambda args: args.dry_run,
    "alternatives": lambda args: getattr(args, "action", None) in (None, "list"),
}
CREATE_HINT = "'demo', 'import FILE' or 'import-csv reps FILE' create one"
_opened: list[Store] = []


def close_stores() -> None:
    """Close what the command opened, refused or not: the last connection to a WAL database folds
    its -wal into the file and removes it and the -shm, so a refusal leaves the folder as it was."""
    while _opened:
        _opened.pop().close()


def _opening(store: Store) -> Store:
    _opened.append(store)
    return store


def db_path(args) -> Path | str:
    """The database file named by ``--db`` (or the default one), or its ``postgresql://`` URL."""
    if is_server(args.db):
        return args.db
    path = Path(args.db) if args.db else default_path()
    try:
        path.exists()  # a name too long, a folder we may not enter: said here, not as a traceback later
    except OSError as exc:
        raise PlannerError(f"{path}: cannot open the database ({exc.strerror})") from None
    return path


def shown(path: Path | str) -> str:
    """``path`` as a message shows it: a server's URL without its password."""
    if is_server(path):
        from .engines import postgres

        return postgres.redacted(path)
    return str(path)


def refuse_writes(args) -> None:
    """``--read-only`` on a command that would write: refused before the database is opened."""
    if not getattr(args, "read_only", False):
        return
    if args.command in READS and (READS[args.command] is None or READS[args.command](args)):
        return
    if args.command == "export":
        raise PlannerError("--read-only: export records the events it writes in the database, so that the next "
                           "export updates them; run it without --read-only")
    what = {"assign": "assign --apply", "import-csv": "import-csv without --dry-run",
            "import-xlsx": "import-xlsx without --dry-run"}.get(
        args.command, " ".join(filter(None, (args.command, getattr(args, "action", None)))))
    raise PlannerError(f"--read-only: {what} changes the database; run it without --read-only")


def _absent(path: Path | str) -> bool:
    """No database there yet: no file, or an empty one (SQLite would write a new database into it); on a
    server, a database without the plan's tables."""
    if is_server(path):
        from .engines import postgres

        return postgres.holds_no_plan(path)
    return not path.exists() or (path.is_file() and path.stat().st_size == 0)


def existing_store(args) -> Store:
    """The database named by ``--db`` (or the default one), which must exist already."""
    path = db_path(args)
    if is_server(path):
        from .engines import postgres

        if _absent(path):
            raise PlannerError(_("{url}: no plan in this database yet, and this command creates none; 'demo', "
                                 "'import FILE' or 'import-csv reps FILE' create one").format(url=postgres.redacted(path)))
        return _opening(Store(path, create=False, read_only=getattr(args, "read_only", False)))
    if not path.exists():
        raise PlannerError(f"{path}: no such database, and this command creates none; {CREATE_HINT}")
    if _absent(path):  # a read command wrote a database into it, then said it held no plan
        raise PlannerError(f"{path}: an empty file, not a database; {CREATE_HINT}")
    try:
        return _opening(Store(path, create=False, read_only=getattr(args, "read_only", False)))
    except NotWritable as exc:
        raise PlannerError(f"{str(exc).split(';')[0]}; add --read-only to read it") from None


def store_or_new(args) -> tuple[Store | None, object]:
    """The existing database and its scenario, or (None, a new plan) when the file is not there yet."""
    if not _absent(db_path(args)):
        store = existing_store(args)
        return store, store.load()
    return None, new_scenario()


def created(args, scenario, text: str) -> Store:
    """A new database at ``--db`` holding ``scenario`` (its folder is made if need be); its first
    revision, an import, says ``text``."""
    store = _opening(Store(db_path(args)))
    with history.recording(store, text, source="import"):
        store.save(scenario)
    return store


def _counts(s) -> str:
    return (f"{s.reps} rep{'s' * (s.reps != 1)}, {s.markets} market{'s' * (s.markets != 1)}, "
            f"{s.assignments} assignment{'s' * (s.assignments != 1)}")


def _replace(args, scenario, cause: str, text: str) -> tuple[Store, backups.Backup | None]:
    """Put ``scenario`` in the database, creating it if need be; a plan already there with reps or
    markets is only replaced with --replace, and is backed up first. Recorded as an import, ``text``."""
    path = db_path(args)
    if _absent(path):
        return created(args, scenario, text), None
    store = existing_store(args)
    if store.holds_plan and not args.replace:
        current = store.load()
        if current != scenario:
            raise PlannerError(
                f"{store.path} already holds {current.name!r} ({len(current.reps)} reps, {len(current.markets)} markets, "
                f"{len(current.assignments)} assignments); add --replace to replace it (a backup is kept first)")
    return store, replace_scenario(store, scenario, cause, text)


def _kept_line(kept: backups.Backup | None) -> list[str]:
    return [f"Kept a backup of the plan it replaced: {kept.name} ('restore {kept.name}' brings it back)"
            ] if kept else []


@command("demo")
def cmd_demo(args, today):
    demo = scenario_file.load(DEMO_PATH)
    store, kept = _replace(args, demo, "before the demo", f"Demo scenario {demo.name!r}")
    _say([f"Demo scenario {demo.name!r} is in {store.path}: {len(demo.reps)} reps, {len(demo.markets)} markets",
          *_kept_line(kept)])


@command("import")
def cmd_import(args, today):
    scenario = scenario_file.load(args.file)  # a bad file is refused before anything is created
    store, kept = _replace(args, scenario, f"before import of {Path(args.file).name}",
                           f"Import {Path(args.file).name}")
    _say([f"Imported {scenario.name!r} into {store.path}: {len(scenario.reps)} reps, "
          f"{len(scenario.markets)} markets, {len(scenario.assignments)} assignments", *_kept_line(kept)])


def _listed(path: Path | str) -> list[backups.Backup]:
    if is_server(path):
        from .engines import postgres

        raise PlannerError(_("{url}: a plan on a server has no backup files: the server's own backups keep it, "
                             "and 'history' and 'undo' take back any change").format(url=postgres.redacted(path)))
    found = backups.listing(path)
    if not path.exists() and not found:
        raise PlannerError(f"{path}: no such database, and no backups of it")
    return found


@command("backups")
def cmd_backups(args, today):
    path = db_path(args)
    found = _listed(path)[::-1]
    data, rows = [], []
    for b in found:
        s = b.summary()
        data.append({"name": b.name, "time": b.time.isoformat().replace("+00:00", "Z"), "cause": b.cause,
                     "file": str(b.path), "scenario": s and s.scenario, "reps": s and s.reps,
                     "markets": s and s.markets, "assignments": s and s.assignments})
        rows.append((b.name, f"{b.time:%Y-%m-%d %H:%M:%S}", b.cause, s.scenario if s else "(cannot be read)",
                     *((s.reps, s.markets, s.assignments) if s else ("-", "-", "-"))))
    if not found:
        text = (f"No backups of {path} yet; demo --replace, import --replace and restore keep one "
                "before they replace the plan.")
    else:
        text = [f"Backups of {path}, newest first, in {backups.folder_of(path)} (the newest {backups.KEEP} are "
                f"kept):", *_table(("Name", "Made (UTC)", "Cause", "Scenario", "Reps", "Markets", "Assignments"), rows)]
    _emit(args, data, text)


@command("restore")
def cmd_restore(args, today):
    path = db_path(args)
    _listed(path)
    done = backups.restore(path, args.name, now=dt.datetime.now(dt.timezone.utc))
    b = done.backup
    lines = [f"Restored {b.name} ({b.cause}, made {b.time:%Y-%m-%d %H:%M:%S} UTC) into {path}: "
             f"{done.summary.scenario!r}, {_counts(done.summary)}"]
    if done.before:
        lines.append(f"The state it replaced is backup {done.before.name} "
                     f"('restore {done.before.name}' brings it back)")
    if done.set_aside:
        lines.append(f"The damaged database was moved, unchanged, to {done.set_aside}")
    _say(lines)


def add_parsers(add) -> None:
    """The lifecycle commands' arguments (``add`` is :func:`planner.cli.build_parser`'s helper)."""
    add("demo", "put the demo scenario in the database (creates it if need be)").add_argument(
        "--replace", action="store_true", help="replace a plan already there (a backup is kept first)")
    p = add("import", "put a JSON scenario file in the database (creates it if need be)")
    p.add_argument("file")
    p.add_argument("--replace", action="store_true", help="replace a plan already there (a backup is kept first)")
    add("backups", f"list the database's backups (the newest {backups.KEEP} are kept)", reads=True)
    add("restore", "bring a backup back (the state it replaces is backed up first)").add_argument(
        "name", help="a name that 'backups' lists, or 'latest'")
