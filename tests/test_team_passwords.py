"""Where a team member's password comes from: libpq's places first, then the system keyring (the
``keyring`` package, as for a CalDAV server), never a file of the app's."""

from __future__ import annotations

import pytest

from tests import team_plan


class FakeKeyring:
    def __init__(self, stored: dict):
        self.stored, self.asked = stored, []

    def get_password(self, service, user):
        self.asked.append((service, user))
        return self.stored.get((service, user))


@pytest.fixture
def team(pg_cluster, tmp_path, monkeypatch):
    made = team_plan.with_members(pg_cluster, tmp_path, monkeypatch)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))   # libpq's places hold nothing now
    monkeypatch.delenv("PGPASSWORD", raising=False)
    return made


def test_a_password_the_keyring_keeps_opens_the_plan_when_libpq_has_none(team, monkeypatch, capsys):
    service = f"rep-planner:postgresql://{team.cluster.host}:{team.cluster.port}"
    keyring = FakeKeyring({(service, "ray"): team.passwords["ray"]})
    monkeypatch.setattr("planner.caldav_password._keyring", lambda: keyring)
    capsys.readouterr()
    assert team.cli("ray", "team", "list") == 0
    assert capsys.readouterr().out.splitlines()[-1] == "You are ray, rep (Laura)."
    assert keyring.asked[0] == (service, "ray")


def test_with_no_password_anywhere_the_refusal_says_where_one_is_looked_for(team, monkeypatch, capsys):
    monkeypatch.setattr("planner.caldav_password._keyring", lambda: FakeKeyring({}))
    capsys.readouterr()
    assert team.cli("ray", "reps") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "PGPASSWORD, ~/.pgpass" in err and team.passwords["ray"] not in err


def test_libpq_s_own_password_comes_first_and_the_keyring_is_not_asked(team, monkeypatch, capsys):
    keyring = FakeKeyring({})
    monkeypatch.setattr("planner.caldav_password._keyring", lambda: keyring)
    monkeypatch.setenv("PGPASSWORD", team.passwords["rio"])
    assert team.cli("rio", "reps") == 0
    assert keyring.asked == []
