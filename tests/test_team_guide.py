"""docs/team-plan.md's roles section (its ```shell-session blocks) replayed on a new team plan: the same
commands print the same lines. The guide's logins (pia, ray, rio) are made afresh, as the guide shows."""

from __future__ import annotations

from tests import team_plan


def guide_steps() -> list[tuple[list[str], str]]:
    """The ``$ rep-planner`` lines of docs/team-plan.md's roles blocks (```shell-session) and what each prints."""
    import shlex
    from pathlib import Path

    text = (Path(__file__).parent.parent / "docs" / "team-plan.md").read_text(encoding="utf-8")
    steps, block = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            block = line == "```shell-session"
        elif block and line.startswith("$ rep-planner "):
            steps.append((shlex.split(line[len("$ rep-planner "):]), []))
        elif block:
            steps[-1][1].append(line)
    return [(argv, "\n".join(out)) for argv, out in steps]


def test_the_roles_guide_shows_real_commands_and_their_real_output(pg_cluster, tmp_path, monkeypatch, capsys):
    from planner.cli import main

    team = team_plan.make(pg_cluster, tmp_path, monkeypatch.setenv, seed=False)
    for login in ("pia", "ray", "rio", "eve"):   # other tests' plans on this server made them already
        pg_cluster.admin(f"DROP ROLE IF EXISTS {login}")
    monkeypatch.setattr("getpass.getpass", lambda prompt: team.passwords[prompt.split()[2]])  # "Password for pia ..."
    urls = {f"postgresql://{login}@127.0.0.1:5432/plans": team.url(login) for login in team_plan.LOGINS}
    steps = guide_steps()
    assert len(steps) >= 12
    for argv, expected in steps:
        code = main([urls.get(a, a) for a in argv], today=team_plan.TODAY)
        out, err = capsys.readouterr()
        printed = out + err
        for shown, real in urls.items():
            printed = printed.replace(real, shown)
        assert printed.rstrip("\n") == expected, argv
        assert code == (2 if expected.startswith("error: ") else 0), argv

