"""Reps and markets to and from spreadsheets: ``import-csv``/``export-csv`` and
``import-xlsx``/``export-xlsx``.

Both formats behave alike: the same columns and checks (planner.csv_io), a bad row refuses
the whole file with every bad row named, ``--dry-run`` says what an import would do and saves
nothing, and an import says "n added, m changed, k unchanged". Importing creates the
database if it is not there yet; a file that changes nothing leaves the database as it was.
"""

from __future__ import annotations

from pathlib import Path

from . import commands, csv_io, xlsx_io
from .cli import _say, _store, command
from .files import write_whole
from .i18n import N_, _

FORMATS = {"csv": csv_io, "xlsx": xlsx_io}
KINDS = {"reps": N_("reps"), "markets": N_("markets")}


def _import(args, module) -> None:
    from . import cli_data

    store, scenario = cli_data.store_or_new(args)  # a new plan when the file is not there yet
    data = module.read_file(args.file)
    if args.kind == "reps":
        result = module.read_reps(data, str(args.file))
        change = commands.UpsertReps(result.items)
    else:
        result = module.read_markets(data, scenario, str(args.file))
        change = commands.UpsertMarkets(result.items)
    result.raise_if_any(str(args.file))
    counts = csv_io.import_counts(getattr(scenario, args.kind), result.items)
    source = f"{args.file}, {result.sheet}" if result.sheet else f"{args.file}"
    n, kind = len(result.items), _(KINDS[args.kind])
    if args.dry_run:
        _say(_("{source}: {n} {kind} would be imported: {counts}; nothing saved (--dry-run)").format(
            source=source, n=n, kind=kind, counts=counts))
        return
    text = _("Import {n} {kind} from {file}").format(n=n, kind=kind, file=Path(args.file).name)
    if store is None:  # a new database whose first revision is this import
        cli_data.created(args, change.apply(scenario).scenario, text)
    elif counts.added or counts.changed:
        commands.apply(store, change, source="import", text=text)
    _say(_("Imported {n} {kind} from {source}{comma} into {path}: {counts}").format(
        n=n, kind=kind, source=source, comma="," * bool(result.sheet), path=cli_data.shown(cli_data.db_path(args)),
        counts=counts))


def _export(args, module) -> None:
    store = _store(args)
    scenario = store.load()
    data = module.write_reps(scenario) if args.kind == "reps" else module.write_markets(scenario)
    write_whole(args.file, data.encode("utf-8") if isinstance(data, str) else data, database=store.path)
    _say(_("Wrote {n} {kind} to {file}").format(n=len(scenario.reps if args.kind == "reps" else scenario.markets),
                                               kind=_(KINDS[args.kind]), file=args.file))


for _name, _module in FORMATS.items():
    command(f"import-{_name}")(lambda args, today, module=_module: _import(args, module))
    command(f"export-{_name}")(lambda args, today, module=_module: _export(args, module))


def add_parsers(add) -> None:
    """The spreadsheet commands' arguments (``add`` is :func:`planner.cli.build_parser`'s helper)."""
    # Whole sentences per format, so that a language may agree its words with "a CSV file".
    sentences = {
        "csv": (_("add or update reps or markets from a CSV file (a bad row refuses the whole file)"),
                _("write reps or markets to a CSV file for spreadsheets")),
        "xlsx": (_("add or update reps or markets from an Excel workbook (.xlsx) (a bad row refuses the whole file)"),
                 _("write reps or markets to an Excel workbook (.xlsx) for spreadsheets")),
    }
    for name, (import_help, export_help) in sentences.items():
        p = add(f"import-{name}", import_help)
        p.add_argument("kind", choices=("reps", "markets"))
        p.add_argument("file")
        p.add_argument("--dry-run", action="store_true", help=_("check the file, save nothing"))
        p = add(f"export-{name}", export_help)
        p.add_argument("kind", choices=("reps", "markets"))
        p.add_argument("file")
