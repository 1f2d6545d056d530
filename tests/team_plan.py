"""A team's plan on the test server (tests/pg_server.py) with one login per role, made the way a
team makes it: the director, a login the server's administrator made with the right to create
roles, creates the plan (``demo``) and adds the others with ``team add-member --password``.

The demo's reps (Laura, Marco) and the markets DACH, UK & Ireland... are in EMEA; Zoe, a rep the
director adds, and the markets Brazil, US East... in the Americas.

    ana  director (the plan's creator and owner)
    pia   planner of EMEA
    ray   rep (Laura)
    rio   read-only
    nemo  a login of the server, not on the team
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from planner.cli import main

TODAY = dt.date(2027, 3, 17)  # 2027-W11
LOGINS = {"ana": "director", "pia": "planner", "ray": "rep", "rio": "read-only", "nemo": "not on the team"}
# one password per login for the whole test session: the logins are the server's, shared by every plan on it
PASSWORDS = {login: secrets.token_urlsafe(12) for login in LOGINS}
ZOE = ["rep", "add", "Zoe", "--timezone", "America/New_York", "--country", "US", "--hours", "Mon-Fri 09:00-17:00"]


@dataclass
class TeamPlan:
    cluster: object
    dbname: str
    passwords: dict = field(default_factory=dict)

    def url(self, login: str) -> str:
        """``login``'s URL to the plan: no password in it (libpq reads the test's password file)."""
        return f"postgresql://{login}@{self.cluster.host}:{self.cluster.port}/{self.dbname}"

    def cli(self, login: str, *argv: str) -> int:
        return main(["--db", self.url(login), *argv], today=TODAY)

    def connect(self, login: str) -> psycopg.Connection:
        """A raw connection with ``login``'s credentials, as psql would have (not autocommit)."""
        return psycopg.connect(self.url(login))

    def snapshot(self) -> dict:
        """Every row of every table of the plan, its history included, as the superuser sees it."""
        with psycopg.connect(self.cluster.url(self.dbname), autocommit=True) as conn:
            tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                                 "ORDER BY tablename")]
            return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}


def make(cluster, folder: Path, monkeypatch_env, *, seed: bool = True) -> TeamPlan:
    """The plan and its team (see the module); ``monkeypatch_env(name, value)`` sets an environment variable
    for the test's duration (the logins' passwords are in a libpq password file, as in each member's ~/.pgpass)."""
    dbname = f"team_{os.getpid()}_{secrets.token_hex(3)}"
    team = TeamPlan(cluster, dbname, dict(PASSWORDS))
    lines = [f"{cluster.host}:{cluster.port}:*:{cluster.user}:{cluster.password or ''}"]
    lines += [f"{cluster.host}:{cluster.port}:*:{login}:{pw}" for login, pw in team.passwords.items()]
    pgpass = folder / "pgpass"
    pgpass.write_text("\n".join(lines) + "\n")
    pgpass.chmod(0o600)
    monkeypatch_env("PGPASSFILE", str(pgpass))
    # what the server's administrator does: a login for the director, with the right to create roles,
    # owning the plan's database; and a login of the server that is on no team
    for login in ("ana", "nemo"):
        cluster.admin(f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{login}') THEN "
                      f"CREATE ROLE {login} LOGIN; END IF; END $$")
        cluster.admin(f"ALTER ROLE {login} PASSWORD '{team.passwords[login]}'")
    cluster.admin("ALTER ROLE ana CREATEROLE")
    cluster.admin(f'CREATE DATABASE "{dbname}" OWNER ana TEMPLATE template0')
    if not seed:  # the database only, as the administrator leaves it
        return team
    assert team.cli("ana", "demo") == 0
    assert team.cli("ana", *ZOE) == 0
    assert team.cli("ana", "market", "assign", "Brazil", "Zoe") == 0
    return team


def add_members(team: TeamPlan, typed_password) -> None:
    """ana adds pia, ray and rio, typing each one's password (``typed_password(login)`` answers the prompt)."""
    for login, extra in (("pia", ["--role", "planner", "--regions", "EMEA"]), ("ray", ["--role", "rep", "--rep", "Laura"]),
                         ("rio", ["--role", "read-only"])):
        typed_password(team.passwords[login])
        assert team.cli("ana", "team", "add-member", login, *extra, "--password") == 0


def with_members(cluster, folder: Path, patch) -> TeamPlan:
    """:func:`make`, then :func:`add_members` with each password typed at getpass's prompt; ``patch`` is
    the test's ``pytest.MonkeyPatch`` (its environment variables and the prompt last as long as it does)."""
    team = make(cluster, folder, patch.setenv)
    typed: list[str] = []
    patch.setattr("getpass.getpass", lambda prompt: typed.pop())
    add_members(team, typed.append)
    return team
