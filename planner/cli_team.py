"""A team's plan on a server from the command line: ``push --to postgresql://...`` copies a file's plan
there (planner.push); every other command reaches the server with ``--db postgresql://...``."""

from __future__ import annotations

from . import cli_data
from . import push as pushing
from .cli import _emit, command
from .engines import is_server
from .errors import PlannerError
from .i18n import _, ngettext


@command("push")
def cmd_push(args, today):
    if not is_server(args.to):
        raise PlannerError(_("push --to: {url!r} is not a server's URL; give postgresql://user@host:port/dbname")
                           .format(url=cli_data.shown(args.to)))
    done = pushing.push(cli_data.existing_store(args), args.to, replace=args.replace)
    data = {"to": done.target, "scenario": done.scenario, "reps": done.reps, "markets": done.markets,
            "alternatives": done.alternatives, "busy_times": done.busy, "revision": done.revision}
    if done.revision is None:
        text = _("{url} holds this plan already: nothing pushed.").format(url=done.target)
    else:
        counts = ", ".join((
            ngettext("{n} rep", "{n} reps", done.reps).format(n=done.reps),
            ngettext("{n} market", "{n} markets", done.markets).format(n=done.markets),
            ngettext("{n} alternative", "{n} alternatives", done.alternatives).format(n=done.alternatives),
            ngettext("{n} busy time", "{n} busy times", done.busy).format(n=done.busy)))
        text = _("Pushed {name!r} to {url}: {counts}; revision {n} there ('history' on the server lists it)").format(
            name=done.scenario, url=done.target, counts=counts, n=done.revision)
    _emit(args, data, text)


def add_parsers(add) -> None:
    p = add("push", "copy this plan (file) to a team's PostgreSQL server: scenario, busy times, pinned blocks, "
                    "alternatives", reads=True)
    p.add_argument("--to", required=True, metavar="URL", help="postgresql://user@host:port/dbname")
    p.add_argument("--replace", action="store_true", help="replace a different plan held there (undo on the "
                                                           "server brings it back)")
