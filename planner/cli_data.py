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
from .i18n import N_, _, ngettext
from .storage import DEMO_PATH, NotWritable, Store, default_path, new_scenario, replace_scenario

# The commands that only read (given their options); any other command refuses --read-only.
READS = {
    "reps": None, "markets": None, "overlap": None, "schedule": None, "check": None, "compare": None,
    "export-scenario": None, "export-csv": None, "export-xlsx": None, "backups": None, "history": None,
    "hire": None, "report": None,
    "assign": lambda args: not args.apply,
    "import-csv": lambda args: args.dry_run, "import-xlsx": lambda args: args.dry_run,
    "alternatives": lambda args: getattr(args, "action", None) in (None, "list"),
    "team": lambda args: getattr(args, "action", None) in (None, "list"),
}
CREATE_HINT = N_("'demo', 'import FILE' or 'import-csv reps FILE' create one")
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
        raise PlannerError(_("{path}: cannot open the database ({reason})").format(path=path, reason=exc.strerror)) from None
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
        raise PlannerError(_("--read-only: export records the events it writes in the database, so that the next "
                             "export updates them; run it without --read-only"))
    what = {"assign": "assign --apply", "import-csv": _("import-csv without --dry-run"),
            "import-xlsx": _("import-xlsx without --dry-run")}.get(
        args.command, " ".join(filter(None, (args.command, getattr(args, "action", None)))))
    raise PlannerError(_("--read-only: {command} changes the database; run it without --read-only").format(command=what))


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
        raise PlannerError(_("{path}: no such database, and this command creates none; {hint}").format(
            path=path, hint=_(CREATE_HINT)))
    if _absent(path):  # a read command wrote a database into it, then said it held no plan
        raise PlannerError(_("{path}: an empty file, not a database; {hint}").format(path=path, hint=_(CREATE_HINT)))
    try:
        return _opening(Store(path, create=False, read_only=getattr(args, "read_only", False)))
    except NotWritable as exc:
        raise PlannerError(_("{problem}; add --read-only to read it").format(problem=str(exc).split(';')[0].rstrip())) from None


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
    return ", ".join((ngettext("{n} rep", "{n} reps", s.reps).format(n=s.reps),
                      ngettext("{n} market", "{n} markets", s.markets).format(n=s.markets),
                      ngettext("{n} assignment", "{n} assignments", s.assignments).format(n=s.assignments)))


def _sizes(scenario, *, assignments: bool = True) -> str:
    """ "3 reps, 21 markets, 19 assignments": English says "1 reps" as it always has (scripts read it)."""
    parts = [ngettext("{n} reps", "{n} reps", len(scenario.reps)).format(n=len(scenario.reps)),
             ngettext("{n} markets", "{n} markets", len(scenario.markets)).format(n=len(scenario.markets))]
    if assignments:
        n = len(scenario.assignments)
        parts.append(ngettext("{n} assignments", "{n} assignments", n).format(n=n))
    return ", ".join(parts)


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
                _("{path} already holds {name} ({sizes}); add --replace to replace it (a backup is kept first)").format(
                    path=store.path, name=repr(current.name), sizes=_sizes(current)))
    return store, replace_scenario(store, scenario, cause, text)


def _kept_line(kept: backups.Backup | None) -> list[str]:
    return [_("Kept a backup of the plan it replaced: {name} ('restore {name}' brings it back)").format(name=kept.name)
            ] if kept else []


@command("demo")
def cmd_demo(args, today):
    demo = scenario_file.load(DEMO_PATH)
    store, kept = _replace(args, demo, "before the demo", f"Demo scenario {demo.name!r}")
    _say([_("Demo scenario {name} is in {path}: {sizes}").format(
        name=repr(demo.name), path=store.path, sizes=_sizes(demo, assignments=False)), *_kept_line(kept)])


@command("import")
def cmd_import(args, today):
    scenario = scenario_file.load(args.file)  # a bad file is refused before anything is created
    store, kept = _replace(args, scenario, f"before import of {Path(args.file).name}",
                           f"Import {Path(args.file).name}")
    _say([_("Imported {name} into {path}: {sizes}").format(name=repr(scenario.name), path=store.path,
                                                            sizes=_sizes(scenario)), *_kept_line(kept)])


def _listed(path: Path | str) -> list[backups.Backup]:
    if is_server(path):
        from .engines import postgres

        raise PlannerError(_("{url}: a plan on a server has no backup files: the server's own backups keep it, "
                             "and 'history' and 'undo' take back any change").format(url=postgres.redacted(path)))
    found = backups.listing(path)
    if not path.exists() and not found:
        raise PlannerError(_("{path}: no such database, and no backups of it").format(path=path))
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
        rows.append((b.name, f"{b.time:%Y-%m-%d %H:%M:%S}", b.cause, s.scenario if s else _("(cannot be read)"),
                     *((s.reps, s.markets, s.assignments) if s else ("-", "-", "-"))))
    if not found:
        text = _("No backups of {path} yet; demo --replace, import --replace and restore keep one "
                 "before they replace the plan.").format(path=path)
    else:
        text = [_("Backups of {path}, newest first, in {folder} (the newest {n} are kept):").format(
                    path=path, folder=backups.folder_of(path), n=backups.KEEP),
                *_table((_("Name"), _("Made (UTC)"), _("Cause"), _("Scenario"), _("Reps"), _("Markets"),
                         _("Assignments")), rows)]
    _emit(args, data, text)


@command("restore")
def cmd_restore(args, today):
    path = db_path(args)
    _listed(path)
    done = backups.restore(path, args.name, now=dt.datetime.now(dt.timezone.utc))
    b = done.backup
    lines = [_("Restored {name} ({cause}, made {time} UTC) into {path}: {scenario}, {counts}").format(
        name=b.name, cause=b.cause, time=f"{b.time:%Y-%m-%d %H:%M:%S}", path=path,
        scenario=repr(done.summary.scenario), counts=_counts(done.summary))]
    if done.before:
        lines.append(_("The state it replaced is backup {name} ('restore {name}' brings it back)").format(
            name=done.before.name))
    if done.set_aside:
        lines.append(_("The damaged database was moved, unchanged, to {path}").format(path=done.set_aside))
    _say(lines)


def add_parsers(add) -> None:
    """The lifecycle commands' arguments (``add`` is :func:`planner.cli.build_parser`'s helper)."""
    add("demo", _("put the demo scenario in the database (creates it if need be)")).add_argument(
        "--replace", action="store_true", help=_("replace a plan already there (a backup is kept first)"))
    p = add("import", _("put a JSON scenario file in the database (creates it if need be)"))
    p.add_argument("file")
    p.add_argument("--replace", action="store_true", help=_("replace a plan already there (a backup is kept first)"))
    add("backups", _("list the database's backups (the newest {count} are kept)").format(count=backups.KEEP),
        reads=True)
    add("restore", _("bring a backup back (the state it replaces is backed up first)")).add_argument(
        "name", help=_("a name that 'backups' lists, or 'latest'"))
