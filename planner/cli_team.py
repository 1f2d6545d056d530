"""A team's plan on a server from the command line: ``push --to postgresql://...`` copies a file's plan
there (planner.push); ``team`` lists, adds and removes its members (planner.engines.pg_roles, which the
server enforces); every other command reaches the server with ``--db postgresql://...``."""

from __future__ import annotations

import argparse
import getpass

from . import cli_data
from . import push as pushing
from .cli import _emit, _store, _table, command
from .engines import is_server
from .engines import pg_roles
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


def _member_json(m: pg_roles.Member) -> dict:
    return {"login": m.login, "role": m.role, "regions": list(m.regions), "rep": m.rep}


@command("team")
def cmd_team(args, today):
    store = _store(args)
    action = getattr(args, "action", None) or "list"
    args.json = getattr(args, "json", False)   # 'team' alone lists, without the list verb's flag
    if action == "list" and not store.on_server:
        _emit(args, {"members": [], "you": None}, _(
            "{path} is a plan in a file: it has no team, one planner keeps it ('push --to postgresql://...' shares "
            "it on a server)").format(path=store.path))
    elif action == "list":
        found, you = pg_roles.members(store), pg_roles.me(store)
        rows = [(m.login, pg_roles.role_name(m.role), ", ".join(m.regions), m.rep or "") for m in found]
        lines = [_("The team of {path}:").format(path=store.path),
                 *_table((_("Login"), _("Role"), _("Regions"), _("Rep")), rows)]
        lines.append(_("You are {login}, {role}.").format(login=you.login, role=you.describe()) if you
                     else _("You are not on this team."))
        _emit(args, {"members": [_member_json(m) for m in found], "you": you and _member_json(you)}, lines)
    elif action == "add-member":
        member = pg_roles.checked(store, args.login, args.role, args.regions, args.rep)
        # the prompt's third word is the login (tests answer by it)
        password = getpass.getpass(_("Password for {login} (never stored): ").format(login=args.login)) \
            if args.password else None
        made = pg_roles.add_member(store, member, password)
        if not made:
            text = _("{login} is {role} on {path}")
        elif password is None:
            text = _("{login} is {role} on {path} (a new login; its password: set with --password, or by the "
                     "server's administrator)")
        else:
            text = _("{login} is {role} on {path} (a new login)")
        print(text.format(login=member.login, role=member.describe(), path=store.path))
    elif action == "remove":
        gone = pg_roles.remove_member(store, args.login)
        print(_("{login} ({role}) is off the team of {path}; the login itself is kept").format(
            login=gone.login, role=gone.describe(), path=store.path))


def add_parsers(add) -> None:
    p = add("push", _("copy this plan (file) to a team's PostgreSQL server: scenario, busy times, pinned blocks, "
                    "alternatives"), reads=True)
    p.add_argument("--to", required=True, metavar="URL", help=_("postgresql://user@host:port/dbname"))
    p.add_argument("--replace", action="store_true", help=_("replace a different plan held there (undo on the "
                                                           "server brings it back)"))
    p = add("team", _("a team's plan on a server: list its members, add one or take one off (a director's)"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))

    def verb(name: str, help_text: str):
        v = actions.add_parser(name, help=help_text, description=help_text)
        v.add_argument("--db", default=argparse.SUPPRESS, help=_("postgresql://user@host:port/dbname"))
        return v

    verb("list", _("the members, their roles and regions, and who you are (the default)")).add_argument(
        "--json", action="store_true", help=_("print JSON"))
    v = verb("add-member", _("give a login a role on this plan (making the login if the server has none)"))
    v.add_argument("login", metavar="LOGIN", help=_("the PostgreSQL login"))
    v.add_argument("--role", required=True, choices=pg_roles.ROLES, help=_("director, planner, rep or read-only"))
    v.add_argument("--regions", help=_("a planner's regions, comma-separated: Americas, EMEA, APAC"))
    v.add_argument("--rep", help=_("a rep's login: the rep whose busy times and pinned blocks they edit"))
    v.add_argument("--password", action="store_true",
                   help=_("type the login's password (encrypted here, never stored)"))
    verb("remove", _("take a login off the team (the login itself is kept)")).add_argument(
        "login", metavar="LOGIN", help=_("the PostgreSQL login"))
