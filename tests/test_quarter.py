"""The quarter (``check --weeks N``, planner.quarter): every week really scheduled, its figures those
of ``check --week W`` for each week, and the busiest weeks first."""

from __future__ import annotations

import json

import pytest

from planner.quarter import busiest_first, quarter, weeks_from
from planner.errors import ValidationError
from planner.timezones import add_weeks, format_week

from .test_cli import run
from .guides import ROOT, console_steps


def quarter_json(capsys, db, *extra, week="2027-W11", weeks=13):
    code, out, err = run(capsys, "--db", db, "check", "--week", week, "--weeks", str(weeks), "--json", *extra)
    assert code == 0, err
    return json.loads(out)["quarter"]


@pytest.mark.parametrize("stretch", [(), ("--stretch",)], ids=["as planned", "stretched"])
def test_each_week_of_the_quarter_is_the_week_check_gives_alone(capsys, demo_db, stretch):
    q = quarter_json(capsys, demo_db, *stretch)
    assert len(q["weeks"]) == 13 and q["weeks"][0] == "2027-W11" and q["weeks"][-1] == "2027-W23"
    for w, name in enumerate(q["weeks"]):
        code, out, err = run(capsys, "--db", demo_db, "check", "--week", name, "--json", *stretch)
        assert code == 0, err
        alone = {r["rep"]: r for r in json.loads(out)["reps"]}
        for row in q["reps"]:
            one = alone[row["rep"]]
            assert row["planned_hours"][w] == one["working_hours"], (row["rep"], name)
            assert row["unplaced_hours"][w] == one["unplaced_hours"], (row["rep"], name)
            assert row["flags"][w] == sorted(f["rule"] for f in one["flags"]), (row["rep"], name)
        total = q["totals"][w]
        assert total["planned_hours"] == pytest.approx(sum(r["working_hours"] for r in alone.values()))
        assert total["unplaced_hours"] == pytest.approx(sum(r["unplaced_hours"] for r in alone.values()))
        assert total["flags"] == sum(len(r["flags"]) for r in alone.values())


def test_holidays_move_the_load_and_the_busiest_weeks_come_first(capsys, demo_db):
    q = quarter_json(capsys, demo_db)
    laura = next(r for r in q["reps"] if r["rep"] == "Laura")
    weeks = q["weeks"]
    # Good Friday (26 Mar 2027) and Easter Monday take 8 h each from Laura's week; the same work is left
    # to fewer hours, so more of it finds no place.
    w11, w12, w13 = (weeks.index(w) for w in ("2027-W11", "2027-W12", "2027-W13"))
    assert laura["planned_hours"][w12] == laura["planned_hours"][w11] - 8
    assert laura["unplaced_hours"][w12] == laura["unplaced_hours"][w11] + 8
    assert laura["planned_hours"][w13] == laura["planned_hours"][w11] - 8
    totals = {t["week"]: t for t in q["totals"]}
    first = totals[q["busiest"][0]]
    assert q["busiest"][0] in ("2027-W12", "2027-W13", "2027-W18", "2027-W20")  # the holiday weeks
    assert first["overflow_hours"] == max(t["overflow_hours"] for t in q["totals"])
    overflow = [totals[w]["overflow_hours"] for w in q["busiest"]]
    assert overflow == sorted(overflow, reverse=True)
    code, out, _ = run(capsys, "--db", demo_db, "check", "--week", "2027-W11", "--weeks", "13")
    lines = out.splitlines()
    assert lines[0].startswith(f"Busiest weeks: {q['busiest'][0]} ({first['planned_hours']:g} h planned, "
                               f"{first['overflow_hours']:g} h of work that does not fit")


def test_a_clock_change_moves_the_stretched_load(capsys, demo_db, demo):
    """Between 2027-W11 and W14 Europe moves its clocks forward (28 Mar) and Australia and New Zealand
    theirs back (4 Apr): Sydney goes from 10 to 8 hours ahead of Zurich. Marco covers both and has no
    holiday in either week, yet the same markets' work spills differently."""
    import datetime as dt

    from planner.public_holidays import holidays_between

    marco = [demo.rep("Marco")] + list(demo.markets_of("Marco"))
    for monday in (dt.date(2027, 3, 15), dt.date(2027, 4, 5)):  # no holiday on a working day
        assert not [d for side in marco for d in holidays_between(side.country, side.subdivision, monday,
                                                                  monday + dt.timedelta(days=6)) if d.weekday() < 5]
    q = quarter_json(capsys, demo_db, "--stretch", "--rep", "Marco")
    totals = {t["week"]: t for t in q["totals"]}
    assert totals["2027-W11"]["outside_hours"] != totals["2027-W14"]["outside_hours"]
    assert totals["2027-W11"]["planned_hours"] == totals["2027-W14"]["planned_hours"]


def test_the_text_table_shows_the_json_figures(capsys, demo_db):
    q = quarter_json(capsys, demo_db, "--rep", "Marco")
    code, out, _ = run(capsys, "--db", demo_db, "check", "--week", "2027-W11", "--weeks", "13", "--rep", "Marco")
    lines = out.splitlines()
    header = lines[2].split()
    assert header == ["Rep", *(w.split("-")[1] for w in q["weeks"])]
    marco = next(line for line in lines if line.startswith("Marco "))
    cells = marco.split()[1:]
    assert [float(c.rstrip("!*")) for c in cells] == q["reps"][0]["planned_hours"]
    assert all(c.endswith("!") for c in cells) == all(n > 0 for n in q["reps"][0]["critical"])
    # Then each week's line, as check gives it for one week.
    assert lines[lines.index(marco) + 5].startswith("Marco: 40 h of working time in 2027-W11")


def test_busiest_first_ranks_work_that_does_not_fit_then_critical_flags():
    from planner.quarter import WeekTotal

    totals = [WeekTotal("a", 80, 10, 0, 1, 0, 1, 1), WeekTotal("b", 64, 20, 0, 1, 0, 1, 1),
              WeekTotal("c", 80, 10, 0, 2, 0, 2, 1), WeekTotal("d", 80, 0, 5, 0, 3, 3, 1)]
    assert busiest_first(totals) == (1, 2, 0, 3)


def test_weeks_are_refused_outside_1_to_52_and_past_2099():
    assert weeks_from(2027, 52, 2) == [(2027, 52), (2028, 1)]
    for bad in (0, 53, -1, True, 2.0):
        with pytest.raises(ValidationError, match="weeks"):
            weeks_from(2027, 11, bad)
    with pytest.raises(ValidationError, match="run past 2099"):
        weeks_from(2099, 50, 13)
    assert weeks_from(2099, 40, 13)[-1] == (2099, 52)


def test_quarter_in_the_core_equals_the_command_line(capsys, demo_db, demo):
    q = quarter(demo, 2027, 11)
    cli = quarter_json(capsys, demo_db)
    assert q.to_dict() == cli
    assert [format_week(*add_weeks(2027, 11, n)) for n in range(13)] == list(q.weeks)


def readme_quarter() -> list[tuple[list[str], str]]:
    """The README's ``check --weeks`` examples and their output (other examples need other plans)."""
    steps, taking = [], False
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("$ ") or line.startswith("```"):
            taking = line.startswith("$ rep-planner check ") and "--weeks" in line
            if taking:
                steps.append((line[len("$ rep-planner "):].split(), []))
        elif taking:
            steps[-1][1].append(line)
    assert steps
    return [(argv, "\n".join(out)) for argv, out in steps]


def test_the_quarter_guide_shows_real_commands_and_their_real_output(capsys, demo_db):
    """docs/quarter.md, and the README's quarter: every command run, its output compared (a block
    ending in "..." up to there)."""
    steps = console_steps(ROOT / "docs" / "quarter.md")
    assert len(steps) >= 3
    steps += readme_quarter()
    for argv, expected in steps:
        code, out, err = run(capsys, "--db", demo_db, *argv)
        if expected.endswith("..."):
            expected = expected[:-3].rstrip("\n")
            assert (out + err).startswith(expected), argv
        else:
            assert (out + err).rstrip("\n") == expected, argv
        assert code == (2 if expected.startswith("error: ") else 0), argv
