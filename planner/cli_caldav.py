"""CalDAV on the command line: ``publish``, and ``import-busy --url`` (busy times from a server).

The password comes from ``REP_PLANNER_CALDAV_PASSWORD``, the system keyring, or a prompt in a
terminal (:mod:`planner.caldav_password`), never from an option (it would sit in the shell's
history) and never from the database. Progress goes to stderr, the summary to stdout. ``publish``
exits 1 when the server refused some events or the publish stopped part-way (what was done is
recorded, and running it again completes it); 2 on bad input, as every command.
"""

from __future__ import annotations

import datetime as dt
import getpass
import sys

from .caldav_client import Account, check_url
from .caldav_password import password_for
from .cli import _emit, _store, _week, command
from .errors import PlannerError
from .i18n import _, amount, fixed, ngettext, number


def server_options(p, *, required: bool) -> None:
    p.add_argument("--url", required=required, help=_("the calendar's address (https://...)"))
    p.add_argument("--user", required=required, help=_("the user name on the calendar server"))
    p.add_argument("--ca-cert", help=_("a certificate file to trust, for a server with its own (self-signed) one"))


def account(args) -> Account:
    """The server and user the options name, with the password from where passwords come from."""
    if not args.user:
        raise PlannerError(_("--user: give the user name on the calendar server"))
    url = check_url(args.url)
    if args.ca_cert:
        try:
            open(args.ca_cert, "rb").close()
        except OSError as exc:
            raise PlannerError(_("--ca-cert: cannot read {file} ({reason})").format(
                file=args.ca_cert, reason=exc.strerror)) from None
    ask = (lambda question: getpass.getpass(question)) if sys.stdin.isatty() else None
    password, _source = password_for(url, args.user, ask)
    return Account(url, args.user, password, args.ca_cert)


def add_parsers(add) -> None:
    """``publish``'s arguments (``add`` is :func:`planner.cli.build_parser`'s helper)."""
    p = add("publish", _("publish reps' weeks to a CalDAV calendar (one event per resource, kept in step with "
                       "the plan)"), reads=True)
    p.add_argument("--week", help=_("first ISO week (default: this week)"))
    p.add_argument("--weeks", type=int, default=1, help=_("how many weeks (default 1)"))
    p.add_argument("--rep", help=_("one rep (default: all)"))
    server_options(p, required=True)
    p.add_argument("--per-rep", action="store_true",
                   help=_("one calendar per rep inside the collection at --url (rep-planner-NAME/)"))
    p.add_argument("--create", action="store_true", help=_("create the calendar(s) if missing"))
    p.add_argument("--dry-run", action="store_true",
                   help=_("read the calendar and say what would change; write nothing"))
    p.add_argument("--stretch", action="store_true", help=_("publish the stretched week"))
    p.add_argument("--connections", type=int, default=4, help=_("requests at once, 1 to 16 (default 4)"))


class _Progress:
    """``Publishing: 120 of 1,221 changes`` on stderr (``Checking`` in a dry run): rewritten in place in
    a terminal, else a line at every tenth."""

    def __init__(self, checking: bool = False):
        self.tty = sys.stderr.isatty()
        self.shown = -1
        self.line = _("Checking: {done} of {total} changes") if checking else _("Publishing: {done} of {total} changes")

    def __call__(self, done: int, total: int) -> None:
        tenth = done * 10 // max(total, 1)
        if self.tty:
            print("\r" + self.line.format(done=amount(done), total=amount(total)), end="" if done < total else "\n",
                  file=sys.stderr, flush=True)
        elif tenth != self.shown:
            self.shown = tenth
            print(self.line.format(done=amount(done), total=amount(total)), file=sys.stderr, flush=True)


def _result_json(r) -> dict:
    def listed(outcomes):
        return [{"uid": o.change.uid, "summary": o.change.record.summary if o.change.record else None,
                 "problem": o.problem} for o in outcomes]
    return {"url": r.url, "reps": list(r.reps), "events": r.events, "created": r.created, "updated": r.updated,
            "deleted": r.deleted, "unchanged": r.unchanged, "kept": listed(r.kept), "failed": listed(r.failed),
            "created_calendar": r.made_calendar, "interrupted": r.interrupted or None, "unplaced": r.unplaced,
            "unplaced_hours": r.unplaced_hours, "seconds": round(r.seconds, 3),
            "connections": r.connections}


def _result_text(r, dry_run: bool) -> list[str]:
    counts = dict(events=r.events, url=r.url, created=r.created, updated=r.updated, deleted=r.deleted,
                  unchanged=r.unchanged)
    if dry_run:
        lines = [_("Would publish {events} events to {url}: {created} to create, {updated} to update, "
                   "{deleted} to delete, {unchanged} unchanged").format(**counts)]
    else:
        lines = [_("Published {events} events to {url}: {created} created, {updated} updated, "
                   "{deleted} deleted, {unchanged} unchanged ({seconds} s)").format(**counts, seconds=fixed(r.seconds, 1))]
    if r.made_calendar:
        lines.append(_("  would create the calendar") if dry_run else _("  created the calendar"))
    lines += [_("  kept as it is in the calendar: {event} ({problem})").format(
        event=o.change.record.summary if o.change.record else o.change.uid, problem=o.problem) for o in r.kept]
    lines += [_("  not published: {event} ({problem})").format(
        event=o.change.record.summary if o.change.record else o.change.uid, problem=o.problem) for o in r.failed]
    if r.unplaced:
        lines.append(_("  {blocks} blocks ({hours} h of work) could not be placed").format(
            blocks=r.unplaced, hours=number(r.unplaced_hours)))
    if r.interrupted:
        lines.append(f"  {r.interrupted}")
    return lines


@command("publish")
def cmd_publish(args, today):
    from .caldav_publish import publish

    store = _store(args)
    scenario = store.load()
    reps = [scenario.rep(args.rep).name] if args.rep else [r.name for r in scenario.reps]
    year, week = _week(args, today)
    target = account(args)
    progress = _Progress(checking=args.dry_run)
    try:
        results = publish(store, target, reps, year, week, args.weeks, per_rep=args.per_rep, create=args.create,
                          dry_run=args.dry_run, stretch=args.stretch, connections=args.connections,
                          now=dt.datetime.now(dt.timezone.utc), progress=progress)
    except KeyboardInterrupt:
        print(_("Interrupted: what was done is recorded; publish again to complete it"), file=sys.stderr)
        return 130
    data = {"dry_run": args.dry_run, "calendars": [_result_json(r) for r in results]}
    _emit(args, data, [line for r in results for line in _result_text(r, args.dry_run)])
    return 0 if all(r.complete for r in results) else 1


def import_busy_from_server(args, store, rep: str, start: dt.datetime, end: dt.datetime) -> None:
    """``import-busy --url URL --user USER --rep R``: the rep's own calendar on a server."""
    from .caldav_busy import import_busy_from_server as read

    if args.file:
        raise PlannerError(_("import-busy: give a file or --url, not both"))
    done = read(store, rep, account(args), start, end)
    own = ngettext("; {n} event published by Rep Planner left out", "; {n} events published by Rep Planner left out",
                   done.own).format(n=done.own) if done.own else ""
    read_events = ngettext("{n} event read", "{n} events read", done.events).format(n=done.events)
    print(_("Imported {busy} busy times for {rep} from {url} ({start} to {end}; {read}{own})").format(
        busy=done.busy, rep=rep, url=done.calendar, start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}",
        read=read_events, own=own))
