"""Who may change what on a team's plan, enforced by the PostgreSQL server (the SQL is
:mod:`planner.engines.pg_roles_sql`; the app and the command line only say it).

Four roles, in the sales director's words:

- **director**: edits everything, the team included (``team add-member``, ``team remove``). The
  plan's creator (who made it on the server: ``demo``, ``import``, ``push``) is its first director.
- **planner**: edits the reps and markets *of their regions*, their weekly counts and assignments,
  and those reps' busy times and pinned blocks; saves and switches alternatives (a switch that
  would change another region's rows is refused).
- **rep**: reads the whole plan; edits only their own busy times and pinned blocks, and exports
  their own week.
- **read-only**: reads.

A *region* is the sales region of :mod:`planner.regions`, Americas, EMEA or APAC, the way the
organisation reports and staffs: it comes from a market's or a rep's time zone (which every one
has), so there is no region to type in and none to keep in step when a market moves. The server
computes it with the same rules (a test compares both on every zone). An assignment belongs to its
market's region: a planner may take their region's market from anyone, but give it only to a rep of
their regions; moving a market to another region's rep is a director's call, as it loads a week
another planner answers for.

The members (login -> role, regions, rep) are the plan's ``members`` table, which only a director
can change. Passwords are never stored by Rep Planner: a new login's password is typed once
(``--password``), encrypted on this machine (SCRAM, as psql's ``\\password`` does) and handed to the
server, or set by the server's administrator.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from psycopg import sql

from ..errors import PlannerError, ValidationError
from ..i18n import N_, _
from ..regions import REGIONS

ROLES = ("director", "planner", "rep", "read-only")
_ROLE_NAMES = {"director": N_("director"), "planner": N_("planner"), "rep": N_("rep"), "read-only": N_("read-only")}
_GROUP = {"director": "director", "planner": "planner", "rep": "rep", "read-only": "readonly"}


@dataclass(frozen=True)
class Member:
    login: str
    role: str
    regions: tuple[str, ...] = ()
    rep: str | None = None

    def describe(self) -> str:
        """ "planner of EMEA, APAC", "rep (Laura)", "director", "read-only" """
        if self.role == "planner":
            return _("planner of {regions}").format(regions=", ".join(self.regions) or _("no region"))
        if self.role == "rep":
            return _("rep ({rep})").format(rep=self.rep)
        return role_name(self.role)

    def may_edit_territory(self) -> bool:
        """Reps, markets and assignments: some (a planner's regions) or all (a director)."""
        return self.role in ("director", "planner")


def role_name(role: str) -> str:
    """A role in the reader's language (the command line takes it in English: --role read-only)."""
    return _(_ROLE_NAMES[role]) if role in _ROLE_NAMES else role


def group_role(dbname: str, role: str) -> str:
    """The server's group role of ``role`` on the plan in database ``dbname``."""
    return f"rep_planner_{dbname}_{_GROUP[role]}"


def _server(store) -> None:
    if not store.on_server:
        raise PlannerError(_("{path}: a plan in a file has no team (one planner keeps it); 'push --to "
                             "postgresql://...' puts it on a server, where a team shares it").format(path=store.path))


def me(store) -> Member | None:
    """Who this connection is on the team (None: a login the team does not list). A superuser
    counts as a director, as the server counts them."""
    if not store.on_server:
        return None
    login, role, regions, rep = store.db.execute("SELECT * FROM rep_planner_member()").fetchone()
    return Member(login, role, tuple(regions or ()), rep) if role else None


def members(store) -> list[Member]:
    _server(store)
    return [Member(login, role, tuple(r for r in regions.split(",") if r), rep)
            for login, role, regions, rep in store.db.execute(
                "SELECT login, role, regions, rep FROM members ORDER BY "
                "array_position(ARRAY['director', 'planner', 'rep', 'read-only'], role), login")]


def _regions(given: str | None) -> tuple[str, ...]:
    wanted = [r.strip() for r in (given or "").split(",") if r.strip()]
    known = {r.lower(): r for r in REGIONS}
    for region in wanted:
        if region.lower() not in known:
            raise ValidationError("--regions", region, _("not a region; the regions are {regions}").format(
                regions=", ".join(REGIONS)))
    return tuple(dict.fromkeys(known[r.lower()] for r in wanted))


def checked(store, login: str, role: str, regions: str | None, rep: str | None) -> Member:
    """The member ``team add-member`` would make, or one line saying which argument is wrong."""
    if not login.strip():
        raise ValidationError("LOGIN", login, _("empty"))
    if role not in ROLES:
        raise ValidationError("--role", role, _("not a role; the roles are {roles}").format(roles=", ".join(ROLES)))
    chosen = _regions(regions)
    if role == "planner" and not chosen:
        raise ValidationError("--regions", regions or "", _("a planner plans one or more regions ({regions})").format(
            regions=", ".join(REGIONS)))
    if role != "planner" and chosen:
        raise ValidationError("--regions", regions, _("only a planner has regions; a {role} has none").format(
            role=role_name(role)))
    if role == "rep":
        names = [r[0] for r in store.db.execute("SELECT name FROM reps ORDER BY position")]
        if not rep:
            raise ValidationError("--rep", "", _("a rep's login edits one rep's calendar: name the rep"))
        if rep not in names:
            raise ValidationError("--rep", rep, _("no such rep; the plan's reps are {reps}").format(reps=", ".join(names)))
    elif rep:
        raise ValidationError("--rep", rep, _("only a rep's login names a rep; a {role} edits no one's calendar "
                                              "only").format(role=role_name(role)))
    return Member(login, role, chosen, rep if role == "rep" else None)


def _refused(store, what: str, exc: psycopg.Error) -> PlannerError:
    """One line: what was refused, the server's reason and, for a refusal, who the user is."""
    text = store.engine.explain(exc)
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        who = me(store)
        if who:
            text = _("{reason}; only a director changes the team (you are {login}, {role})").format(
                reason=text, login=who.login, role=who.describe())
    return PlannerError(f"{store.path}: {what}: {text}")


def add_member(store, member: Member, password: str | None = None) -> bool:
    """Put ``member`` on the team, in one transaction: their login is made if the server has none
    (which takes a director with the right to create roles), granted this plan's group role of
    their role (and no other), and listed in ``members``; ``password``, when given, is set on it,
    encrypted here. Returns whether the login was made. A member already listed is changed."""
    _server(store)
    db = store.db
    dbname = db.execute("SELECT current_database()").fetchone()[0]
    login = sql.Identifier(member.login)
    try:
        with db.atomic():
            made = db.execute("SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ?)", [member.login]).fetchone()[0]
            raw = db.conn.raw
            if made:
                raw.execute(sql.SQL("CREATE ROLE {} LOGIN").format(login))
            for role in ROLES:
                if role != member.role:
                    raw.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group_role(dbname, role)), login))
            raw.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group_role(dbname, member.role)), login))
            db.execute("INSERT INTO members (login, role, regions, rep) VALUES (?, ?, ?, ?) ON CONFLICT (login) DO "
                       "UPDATE SET role = excluded.role, regions = excluded.regions, rep = excluded.rep",
                       [member.login, member.role, ",".join(member.regions), member.rep])
            if password is not None:
                secret = raw.pgconn.encrypt_password(password.encode(), member.login.encode(), b"scram-sha-256")
                raw.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(login, sql.Literal(secret.decode())))
    except psycopg.Error as exc:
        raise _refused(store, f"team add-member {member.login}", exc) from None
    return made


def remove_member(store, login: str) -> Member:
    """Take ``login`` off the team: out of ``members`` and this plan's group roles (the login itself
    stays: it may work on other plans). The last director cannot be removed."""
    _server(store)
    found = {m.login: m for m in members(store)}
    if login not in found:
        raise ValidationError("LOGIN", login, _("not on the team; 'team list' shows who is ({logins})").format(
            logins=", ".join(found)))
    member = found[login]
    if member.role == "director" and sum(m.role == "director" for m in found.values()) == 1:
        raise ValidationError("LOGIN", login, _("the plan's last director; add another director first"))
    db = store.db
    dbname = db.execute("SELECT current_database()").fetchone()[0]
    try:
        with db.atomic():
            db.execute("DELETE FROM members WHERE login = ?", [login])  # only a director holds the privilege
            for role in ROLES:
                db.conn.raw.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group_role(dbname, role)),
                                                                        sql.Identifier(login)))
    except psycopg.Error as exc:
        raise _refused(store, f"team remove {login}", exc) from None
    return member
