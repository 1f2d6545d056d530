"""``history`` and ``undo`` on the command line: the change history (:mod:`planner.history`).

``history`` lists revisions, newest first, with times in the reader's zone; it reads only, so it
works with ``--read-only``. ``undo`` reverts the latest revision (or ``--revision N``) as a new
revision, exactly as the app's Undo reverts its own change, and prints what it wrote back;
``--dry-run`` checks and prints without saving.
"""

from __future__ import annotations

from . import conflicts, history
from .cli import _emit, _store, _table, command
from .errors import ValidationError
from .i18n import _, ngettext
from .timezones import check_zone, in_zone, reader_zone

LIMIT = 20
SHOWN_ROWS = 10
# The kinds of rows, as --json names them.
JSON_NAMES = {"meta": "settings", "workload": "weekly_counts", "busy": "busy_times", "pins": "pinned_blocks",
              "exports": "export_records", "published": "published_records"}


def _zone(args) -> str:
    return check_zone(args.tz, "--tz") if args.tz else reader_zone()


def _when(revision: history.Revision, zone: str) -> str:
    return f"{in_zone(revision.time, zone):%Y-%m-%d %H:%M:%S}"


def _revision_json(r: history.Revision, zone: str) -> dict:
    return {"revision": r.number, "time": r.time.isoformat().replace("+00:00", "Z"),
            "local_time": in_zone(r.time, zone).isoformat(), "source": r.source, "author": r.author,
            "text": r.text, "undoes": r.undoes, "rows": {JSON_NAMES.get(t, t): n for t, n in r.counts.items()}}


@command("history")
def cmd_history(args, today):
    if args.limit < 1:
        raise ValidationError("--limit", args.limit, _("give how many revisions to show, 1 or more"))
    zone = _zone(args)
    store = _store(args)
    found = history.revisions(store, args.limit + 1)
    more, found = len(found) > args.limit, found[:args.limit]
    if not found:
        lines = [_("No changes recorded in {path} yet.").format(path=store.path)]
    else:
        rows = [(r.number, _when(r, zone), r.source, r.text, r.counts_text()) for r in found]
        lines = [_("Changes to {path}, newest first (times in {zone}):").format(path=store.path, zone=zone),
                 *_table((_("Revision"), _("Time"), _("Source"), _("Change"), _("Rows changed")), rows)]
        if more:
            lines.append(_("Older revisions: 'history --limit {n}' shows more.").format(n=args.limit * 2))
    _emit(args, [_revision_json(r, zone) for r in found], lines)


def _lines(rows: list[history.Row]) -> list[str]:
    """What the undo wrote back, a line a row: real changes first, rows that only moved in a list last."""
    def moved_only(row):
        return row.before and row.after and {c for c in row.before if row.before[c] != row.after.get(c)} == {"position"}

    ordered = sorted((r for r in rows if r.table not in history.CALENDAR_RECORDS), key=lambda r: bool(moved_only(r)))
    lines = [f"  {r.undo_line()}" for r in ordered[:SHOWN_ROWS]]
    if len(ordered) > SHOWN_ROWS:
        left = len(ordered) - SHOWN_ROWS
        lines.append(ngettext("  and {n} more rows", "  and {n} more rows", left).format(n=left))
    return lines


@command("undo")
def cmd_undo(args, today):
    if args.revision is not None and args.revision < 1:
        raise ValidationError("--revision", args.revision, _("give a revision number that 'history' lists"))
    zone = _zone(args)
    store = _store(args)
    try:
        # a team's plan: a colleague's change is theirs to take back (planner.conflicts)
        conflicts.refuse_others(store, args.revision if args.revision is not None else history.latest(store))
        done = history.undo(store, args.revision, source="cli", dry_run=args.dry_run)
    except ValidationError as exc:
        if exc.where != "revision":
            raise
        raise ValidationError("--revision", exc.value, exc.problem) from None
    target = done.target
    head = (_("Would undo revision {n} ({source}, {when} {zone}): {text}") if args.dry_run else
            _("Undid revision {n} ({source}, {when} {zone}): {text}")).format(
        n=target.number, source=target.source, when=_when(target, zone), zone=zone, text=target.text)
    tail = (_("Nothing saved (--dry-run)") if args.dry_run else
            _("Saved as revision {n}: {text} ('undo' again reverts it)").format(n=done.revision, text=done.text))
    data = {"undone": _revision_json(target, zone), "revision": done.revision, "text": done.text,
            "dry_run": args.dry_run,
            "rows": [{"kind": JSON_NAMES.get(r.table, r.table), "key": list(r.key), "was": r.after, "now": r.before}
                     for r in done.rows]}
    _emit(args, data, [head, *_lines(done.rows), tail])


def add_parsers(add) -> None:
    """The history commands' arguments (``add`` is :func:`planner.cli.build_parser`'s helper)."""
    p = add("history", _("list the changes made to the database, newest first"), reads=True)
    p.add_argument("--limit", type=int, default=LIMIT,
                   help=_("how many revisions to show (default {count})").format(count=LIMIT))
    p.add_argument("--tz", help=_("show times in this IANA zone (default: this computer's)"))
    p = add("undo", _("revert the latest change (or --revision N) as a new change, which 'undo' reverts in turn"),
            reads=True)
    p.add_argument("--revision", type=int, help=_("the revision to revert (default: the latest)"))
    p.add_argument("--dry-run", action="store_true", help=_("say what would be reverted, save nothing"))
    p.add_argument("--tz", help=_("show times in this IANA zone (default: this computer's)"))
