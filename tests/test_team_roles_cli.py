"""Roles on a team's plan through the command line, each member with their own login
(tests/team_plan.py): a write the role may not make is refused by the server, said in one line
naming what was refused, exit code 2, and nothing of the plan changes; one it may make is saved,
and the member's own undo takes it back. The team's commands are a director's."""

from __future__ import annotations

import pytest

from tests import team_plan
from tests.test_engines import BUSY

# (login, command, what the one line says when refused; None: allowed)
MATRIX = [
    ("ray", ["market", "set", "Brazil", "tier", "A"], "permission denied for table markets"),
    ("ray", ["market", "assign", "DACH", "Laura"], "permission denied for table assignments"),
    ("ray", ["rep", "set", "Laura", "max-hours", "40"], "permission denied for table reps"),
    ("ray", ["import-busy", "{busy}", "--rep", "Marco"], "may change only Laura's busy times and pinned blocks, "
                                                        "not a busy time of Marco"),
    ("ray", ["alternatives", "save", "Mine"], "permission denied for table alternatives"),
    ("ray", ["undo", "--revision", "3"], "permission denied for table assignments"),  # ana's: Brazil to Zoe
    ("ray", ["assign", "--week", "2027-W11", "--apply"], "permission denied for table assignments"),
    ("ray", ["team", "add-member", "eve", "--role", "director"], "only a director changes the team (you are ray, rep (Laura))"),
    ("ray", ["import-busy", "{busy}", "--rep", "Laura"], None),
    ("pia", ["market", "set", "Brazil", "tier", "A"], "pia plans EMEA and may not change market Brazil (Americas)"),
    ("pia", ["market", "assign", "DACH", "Zoe"], "may not give DACH to Zoe (Americas)"),
    ("pia", ["market", "unassign", "Brazil"], "may not change the assignment of Brazil (Americas)"),
    ("pia", ["rep", "set", "Zoe", "max-hours", "30"], "may not change rep Zoe (Americas)"),
    ("pia", ["activity", "set", "Demo", "minutes", "50"], "permission denied for table activities"),
    ("pia", ["import-busy", "{busy}", "--rep", "Zoe"], "may not change a busy time of Zoe (Americas)"),
    ("pia", ["undo", "--revision", "3"], "may not change the assignment of Brazil (Americas)"),
    ("pia", ["assign", "--week", "2027-W11", "--apply"], "pia plans EMEA and may not"),  # the optimiser's plan
    ("pia", ["team", "add-member", "eve", "--role", "director"], "only a director changes the team (you are pia, planner of EMEA)"),
    ("pia", ["team", "remove", "ray"], "only a director changes the team"),
    ("pia", ["market", "set", "DACH", "tier", "A"], None),
    ("pia", ["market", "assign", "DACH", "Laura"], None),
    ("pia", ["rep", "set", "Laura", "max-hours", "40"], None),
    ("pia", ["alternatives", "save", "Mine"], None),
    ("rio", ["market", "set", "DACH", "tier", "A"], "permission denied for table markets"),
    ("rio", ["import-busy", "{busy}", "--rep", "Laura"], "permission denied for table busy"),
    ("rio", ["alternatives", "save", "Mine"], "permission denied for table alternatives"),
    ("rio", ["undo", "--revision", "3"], "permission denied for table assignments"),
    ("rio", ["team", "add-member", "eve", "--role", "director"], "only a director changes the team (you are rio, read-only)"),
    ("nemo", ["reps"], "permission denied for table _rep_planner_migrations"),
    ("nemo", ["market", "set", "DACH", "tier", "A"], "permission denied for table _rep_planner_migrations"),
    ("ana", ["market", "set", "Brazil", "tier", "A"], None),
    ("ana", ["activity", "set", "Demo", "minutes", "50"], None),
]
PLAN = ("meta", "activities", "reps", "markets", "workload", "assignments", "busy", "pins", "alternatives", "members")


@pytest.fixture(scope="module")
def team(pg_cluster, tmp_path_factory):
    patch = pytest.MonkeyPatch()
    folder = tmp_path_factory.mktemp("team-cli")
    try:
        made = team_plan.with_members(pg_cluster, folder, patch)
        (folder / "busy.ics").write_text(BUSY)
        made.busy = str(folder / "busy.ics")
        yield made
    finally:
        patch.undo()


def _plan(team) -> dict:
    return {t: rows for t, rows in team.snapshot().items() if t in PLAN}


@pytest.mark.parametrize("login, argv, refusal", MATRIX, ids=[f"{login}-{' '.join(argv[:3])}" for login, argv, _ in MATRIX])
def test_the_command_line_does_only_what_the_role_allows(team, capsys, login, argv, refusal):
    argv = [a.format(busy=team.busy) for a in argv]
    capsys.readouterr()
    before, history_before = _plan(team), team.snapshot()["history"]
    code = team.cli(login, *argv)
    out, err = capsys.readouterr()
    if refusal is not None:
        assert code == 2, out
        assert not out and err.count("\n") == 1 and err.startswith("error: "), err
        assert "refused by the server" in err and refusal in err, err
        assert "Traceback" not in err
        assert team.snapshot()["history"] == history_before and _plan(team) == before
    else:
        assert code == 0, err
        assert _plan(team) != before
        assert team.cli(login, "undo") == 0, capsys.readouterr()   # each takes back their own change
        assert _plan(team) == before


def test_the_director_adds_lists_and_removes_members_and_a_member_sees_who_they_are(team, capsys):
    capsys.readouterr()
    assert team.cli("pia", "team", "list") == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[-1] == "You are pia, planner of EMEA."
    rows = [line.split() for line in listed[3:-1]]
    assert rows == [["ana", "director"], ["pia", "planner", "EMEA"], ["ray", "rep", "Laura"], ["rio", "read-only"]]
    assert team.cli("ana", "team", "add-member", "eve", "--role", "planner", "--regions", "apac,emea") == 0
    assert capsys.readouterr().out.startswith("eve is planner of APAC, EMEA on ")
    assert team.cli("ana", "team", "add-member", "eve", "--role", "rep", "--rep", "Zoe") == 0   # changed, not added
    assert team.cli("ana", "team", "list", "--json") == 0
    import json

    found = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert {"login": "eve", "role": "rep", "regions": [], "rep": "Zoe"} in found["members"]
    assert team.cli("ana", "team", "remove", "eve") == 0
    assert "eve (rep (Zoe)) is off the team" in capsys.readouterr().out
    assert "eve" not in {m["login"] for m in _members(team)}


def _members(team) -> list[dict]:
    import psycopg

    with psycopg.connect(team.cluster.url(team.dbname)) as conn:
        return [{"login": r[0]} for r in conn.execute("SELECT login FROM members")]


@pytest.mark.parametrize("argv, said", [
    (["--role", "boss"], "argument --role: invalid choice: 'boss'"),
    (["--role", "planner"], "--regions: a planner plans one or more regions (Americas, EMEA, APAC) (got '')"),
    (["--role", "planner", "--regions", "Europe"], "--regions: not a region; the regions are Americas, EMEA, APAC "
                                                   "(got 'Europe')"),
    (["--role", "rep", "--rep", "Nobody"], "--rep: no such rep; the plan's reps are Laura, Marco, Zoe (got 'Nobody')"),
    (["--role", "read-only", "--regions", "EMEA"], "--regions: only a planner has regions; a read-only has none"),
])
def test_a_wrong_member_is_one_line_and_changes_nothing(team, capsys, argv, said):
    capsys.readouterr()
    members = _members(team)
    assert team.cli("ana", "team", "add-member", "eve", *argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and said in err, err
    assert _members(team) == members


def test_the_last_director_stays(team, capsys):
    assert team.cli("ana", "team", "remove", "ana") == 2
    assert "the plan's last director; add another director first" in capsys.readouterr().err


def test_a_plan_in_a_file_has_no_team(tmp_path, capsys):
    from planner.cli import main

    assert main(["--db", str(tmp_path / "plan.db"), "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", str(tmp_path / "plan.db"), "team", "list"]) == 0
    assert "is a plan in a file: it has no team" in capsys.readouterr().out
    assert main(["--db", str(tmp_path / "plan.db"), "team", "add-member", "eve", "--role", "director"]) == 2
    assert "a plan in a file has no team" in capsys.readouterr().err


def test_a_creator_who_may_not_create_roles_is_told_so_and_no_plan_is_made(pg_cluster, tmp_path, monkeypatch, capsys):
    team = team_plan.make(pg_cluster, tmp_path, monkeypatch.setenv, seed=False)
    pg_cluster.admin("ALTER ROLE ana NOCREATEROLE")
    try:
        capsys.readouterr()
        assert team.cli("ana", "demo") == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "ana may not create roles" in err and "ALTER ROLE ana CREATEROLE" in err, err
        assert team.cli("ana", "reps") == 2
        assert "no plan in this database yet" in capsys.readouterr().err
    finally:
        pg_cluster.admin("ALTER ROLE ana CREATEROLE")
