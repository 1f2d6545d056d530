"""Roles on a team's plan, enforced by the server: psql-style writes with each member's own
credentials (psycopg directly, nothing of Rep Planner in between). MATRIX is the whole picture:
one line per write, the roles the server lets make it; every other role is refused, with
SQLSTATE 42501 (insufficient privilege) and a one-line message, and the plan is left as it was.

Each write runs as a change would: in a transaction with ``rep_planner.recording`` on and the
history's capture table there, so what refuses it is the role, not a missing step; then it is
rolled back, so every line starts from the same plan (tests/team_plan.py).
"""

from __future__ import annotations

import pytest

from tests import team_plan

D, P, R, O = "ana", "pia", "ray", "rio"   # director, planner of EMEA, rep (Laura), read-only
NOBODY: tuple[str, ...] = ()

BUSY = "INSERT INTO busy (rep, start, \"end\", summary, source) VALUES ('{}', '2027-03-16T09:00:00Z', " \
       "'2027-03-16T10:00:00Z', 'Dentist', 'app')"
MARKET = "INSERT INTO markets VALUES ('{}', 99, '{}', 'XX', NULL, 'Mon-Fri 09:00-17:00', 'B', 1)"

# (what, SQL statements, the logins the server lets do it)
MATRIX = [
    ("change a market of the Americas (Brazil)", ["UPDATE markets SET tier = tier || '+' WHERE name = 'Brazil'"], (D,)),
    ("change a market of EMEA (DACH)", ["UPDATE markets SET tier = tier || '+' WHERE name = 'DACH'"], (D, P)),
    ("move an EMEA market to an Americas time zone", ["UPDATE markets SET timezone = 'America/Chicago' "
                                                     "WHERE name = 'DACH'"], (D,)),
    ("add a market in EMEA", [MARKET.format("Nordics", "Europe/Stockholm")], (D, P)),
    ("add a market in APAC", [MARKET.format("Japan", "Asia/Tokyo")], (D,)),
    ("remove a market of the Americas", ["DELETE FROM markets WHERE name = 'Brazil'"], (D,)),
    ("change Brazil's weekly workload", ["UPDATE workload SET count = count + 1 WHERE market = 'Brazil'"], (D,)),
    ("change DACH's weekly workload", ["UPDATE workload SET count = count + 1 WHERE market = 'DACH'"], (D, P)),
    ("give DACH to Laura (an EMEA rep)", ["UPDATE assignments SET rep = 'Laura' WHERE market = 'DACH'"], (D, P)),
    ("give DACH to Zoe (an Americas rep)", ["UPDATE assignments SET rep = 'Zoe' WHERE market = 'DACH'"], (D,)),
    ("take Brazil from Zoe", ["DELETE FROM assignments WHERE market = 'Brazil'"], (D,)),
    ("delete every assignment", ["DELETE FROM assignments"], (D,)),
    ("change rep Laura (EMEA)", ["UPDATE reps SET max_weekly_hours = max_weekly_hours - 1 WHERE name = 'Laura'"], (D, P)),
    ("change rep Zoe (Americas)", ["UPDATE reps SET max_weekly_hours = max_weekly_hours - 1 WHERE name = 'Zoe'"], (D,)),
    ("add a rep in the Americas", ["INSERT INTO reps VALUES ('Yann', 9, 'America/Chicago', 'US', NULL, "
                                   "'Mon-Fri 09:00-17:00', 40, '')"], (D,)),
    ("change the plan's settings", ["UPDATE meta SET value = '{}' WHERE key = 'thresholds'"], (D,)),
    ("add an activity", ["INSERT INTO activities VALUES ('Lunch', 9, 60, 1)"], (D,)),
    ("add a busy time of Laura", [BUSY.format("Laura")], (D, P, R)),
    ("add a busy time of Marco (EMEA)", [BUSY.format("Marco")], (D, P)),
    ("add a busy time of Zoe (Americas)", [BUSY.format("Zoe")], (D,)),
    ("pin a block of Laura", ["INSERT INTO pins VALUES ('Laura', '2027-W11', 'Brazil', 'Demo', 0, "
                              "'2027-03-16T14:00:00Z')"], (D, P, R)),
    ("pin a block of Zoe", ["INSERT INTO pins VALUES ('Zoe', '2027-W11', 'Brazil', 'Demo', 0, "
                            "'2027-03-16T14:00:00Z')"], (D,)),
    ("keep an export record of Laura", ["INSERT INTO exports VALUES ('u1', 'Laura', '2027-W11', 0, 'f', 's', 'a', "
                                        "'b', 0)"], (D, P, R)),
    ("keep an export record of Marco", ["INSERT INTO exports VALUES ('u1', 'Marco', '2027-W11', 0, 'f', 's', 'a', "
                                        "'b', 0)"], (D, P)),
    ("save an alternative", ["INSERT INTO alternatives VALUES ('Mine', 9, NULL)"], (D, P)),
    ("add a director to the team", ["INSERT INTO members VALUES ('eve', 'director', '', NULL)"], (D,)),
    ("make oneself a director", ["UPDATE members SET role = 'director', regions = '' WHERE login = current_user"],
     (D,)),
    ("grant oneself the plan's director role", ["GRANT {director} TO CURRENT_USER"], (D,)),
    ("append the next revision", ["INSERT INTO history VALUES ((SELECT max(revision) + 1 FROM history), "
                                  "'2027-03-17T09:00:00Z', 'cli', 'x', 'Mine', NULL)"], (D, P, R)),
    ("append a revision out of turn", ["INSERT INTO history VALUES (1000, '2027-03-17T09:00:00Z', 'cli', 'x', "
                                       "'Fake', NULL)"], (D,)),
    ("add rows to an old revision", ["INSERT INTO history_rows VALUES (1, 'markets', '[\"Fake\"]', NULL, '{}')"], (D,)),
    ("rewrite a revision", ["UPDATE history SET text = 'Nothing' WHERE revision = 1"], (D,)),
    ("delete the history", ["DELETE FROM history"], (D,)),
    ("TRUNCATE the busy times", ["TRUNCATE busy"], (D,)),
    ("ALTER a table", ["ALTER TABLE markets ADD COLUMN note TEXT"], (D,)),
    ("DROP a table", ["DROP TABLE pins"], (D,)),
    ("drop the row guard", ["DROP TRIGGER rep_planner_guard ON markets"], (D,)),
    ("disable the row guard", ["ALTER TABLE markets DISABLE TRIGGER rep_planner_guard"], (D,)),
    ("disable every trigger (replica mode)", ["SET LOCAL session_replication_role = replica"], NOBODY),
    ("SET rep_planner.recording off, then add a busy time of Laura", [
        "SELECT set_config('rep_planner.recording', 'off', true)", BUSY.format("Laura")], NOBODY),
    ("stand in a temporary members table, then change Brazil", [
        "CREATE TEMP TABLE members AS SELECT current_user::text AS login, 'director'::text AS role, "
        "''::text AS regions, NULL::text AS rep",
        "UPDATE markets SET tier = tier || '+' WHERE name = 'Brazil'"], (D,)),
]

CASES = [(login, what, statements, login in allowed) for what, statements, allowed in MATRIX
         for login in team_plan.LOGINS]


@pytest.fixture(scope="module")
def team(pg_cluster, tmp_path_factory):
    patch = pytest.MonkeyPatch()
    try:
        made = team_plan.with_members(pg_cluster, tmp_path_factory.mktemp("team"), patch)
        made.before = made.snapshot()
        yield made
    finally:
        patch.undo()


@pytest.mark.parametrize("login, what, statements, allowed", CASES,
                         ids=[f"{login}-{what}" for login, what, _, _ in CASES])
def test_the_server_lets_each_role_make_only_its_own_writes(team, login, what, statements, allowed):
    import psycopg

    director_role = f"rep_planner_{team.dbname}_director"
    with team.connect(login) as conn:
        conn.execute("CREATE TEMP TABLE history_capture (table_name TEXT NOT NULL, key TEXT NOT NULL, "
                     "before TEXT, after TEXT, PRIMARY KEY (table_name, key))")
        conn.execute("SELECT set_config('rep_planner.recording', 'on', true)")
        try:
            for statement in statements:
                cursor = conn.execute(statement.replace("{director}", f'"{director_role}"'))
        except psycopg.Error as exc:
            refusal = exc
        else:
            refusal = None
        finally:
            conn.rollback()
    if allowed:
        assert refusal is None, f"{login} ({team_plan.LOGINS[login]}) was refused: {refusal}"
        if statements[-1].startswith(("INSERT", "UPDATE", "DELETE")):
            assert cursor.rowcount >= 1, "a write the server quietly skipped is not one it allowed"
    else:
        assert refusal is not None, f"{login} ({team_plan.LOGINS[login]}) may {what}"
        assert refusal.sqlstate == "42501", (refusal.sqlstate, str(refusal))   # insufficient privilege
        assert "\n" not in refusal.diag.message_primary
    assert team.snapshot() == team.before


def test_the_matrix_refuses_every_role_something_and_lets_each_writer_do_something():
    refused = {login: sum(not ok for who, _, _, ok in CASES if who == login) for login in team_plan.LOGINS}
    allowed = {login: sum(ok for who, _, _, ok in CASES if who == login) for login in team_plan.LOGINS}
    assert all(refused.values()), refused   # even a director may not write unrecorded
    assert allowed["rio"] == allowed["nemo"] == 0
    assert allowed["ana"] > allowed["pia"] > allowed["ray"] > 0


def test_the_server_s_regions_are_the_app_s_on_every_zone_both_know(team):
    import zoneinfo

    from planner.regions import region_of

    with team.connect("rio") as conn:
        known = {r[0] for r in conn.execute("SELECT name FROM pg_timezone_names")}
        zones = sorted(known & zoneinfo.available_timezones() - {"localtime"})  # the machine's own: no zone's name
        on_server = dict(conn.execute("SELECT z, rep_planner_region(z) FROM unnest(%s::text[]) AS z", [zones]).fetchall())
    assert len(zones) > 400
    assert {z: on_server[z] for z in zones if on_server[z] != region_of(z)} == {}
