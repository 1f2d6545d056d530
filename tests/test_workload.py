import pytest

from planner.errors import ValidationError
from planner.model import Rep, Scenario
from planner.team import check, compare_plans, format_clock, rep_week, team_week, what_if
from planner.territories import apply_plan, optimise
from planner.workload import Thresholds

STORY = "Mon-Thu 07:00-17:00, 18:00-24:00; Fri 09:00-17:00"


def flags_of(hours, rules="eu-wtd", thresholds=None, week=(2027, 11)):
    s = Scenario("t", reps=[Rep("R", "Europe/Zurich", "CH", hours, 45, rules)], thresholds=thresholds or {})
    return rep_week(s, "R", *week).flags


def test_the_story_week_gets_every_burnout_flag():
    flags = flags_of(STORY)
    by_rule = {}
    for f in flags:
        by_rule.setdefault(f.rule, []).append(f)
    weekly = by_rule["weekly_hours"][0]
    assert (weekly.severity, weekly.value, weekly.threshold) == ("critical", 72, 55)
    assert [f.value for f in by_rule["daily_rest"]] == [7, 7, 7, 9]  # each night, then Thursday to Friday
    assert by_rule["daily_rest"][0].days == ("2027-03-15", "2027-03-16")
    assert {f.value for f in by_rule["daily_span"]} == {17}
    assert by_rule["night_work"][0].value == 4  # 23:00-24:00, Monday to Thursday
    assert len(by_rule["split_shift"]) == 4
    assert all(f.source for f in flags)
    assert "WHO/ILO" in weekly.source and "2003/88/EC" in by_rule["daily_rest"][0].source


def test_an_ordinary_week_gets_no_flag():
    assert flags_of("Mon-Fri 09:00-17:30") == ()


@pytest.mark.parametrize("hours,rules,expected", [
    ("Mon-Fri 08:00-17:30", "eu-wtd", None),           # 47.5 h
    ("Mon-Fri 08:00-17:30", "ch-arg", "warning"),      # above the Swiss 45 h
    ("Mon-Fri 08:00-17:00", "us-flsa", "info"),        # 45 h: above the US 40 h overtime line
    ("Mon-Fri 07:00-17:00", "eu-wtd", "warning"),      # 50 h
    ("Mon-Sat 08:00-17:30", "who-ilo", "critical"),    # 57 h
])
def test_weekly_hours_by_preset(hours, rules, expected):
    weekly = [f for f in flags_of(hours, rules) if f.rule == "weekly_hours"]
    assert (weekly[0].severity if weekly else None) == expected


def test_thresholds_can_be_overridden_in_the_scenario():
    assert not [f for f in flags_of("Mon-Fri 07:00-17:00", thresholds={"weekly_warning": 52})
                if f.rule == "weekly_hours"]
    night = [f for f in flags_of("Mon-Fri 16:00-22:30", thresholds={"night_start": "22:00"}) if f.rule == "night_work"]
    assert night and night[0].value == 2.5
    with pytest.raises(ValidationError, match="thresholds.weekly_limit"):
        Thresholds().override({"weekly_limit": 50})


def test_weekly_rest_is_measured_across_the_week_edges():
    # Seven days a week, 08:00-18:00: the longest rest is 14 h.
    weekly_rest = [f for f in flags_of("Mon-Sun 08:00-18:00") if f.rule == "weekly_rest"]
    assert weekly_rest and weekly_rest[0].value == 14


def test_rolling_average_over_weeks():
    s = Scenario("t", reps=[Rep("R", "Europe/Zurich", "CH", "Mon-Fri 07:00-17:00", 50)])
    result = check(s, 2027, 20, weeks=4)[0]
    # 2027-W20 to W23 hold no Swiss national holiday (Whit Monday is cantonal).
    assert result["weekly_hours"] == [50, 50, 50, 50]
    average = [f for f in result["flags"] if f.rule == "average_weekly_hours"]
    assert average and average[0].value > 48 and len(average[0].days) == 4


def test_demo_fully_assigned_with_stretch_shows_the_story_and_the_optimised_plan_does_not(demo):
    burnt = team_week(demo, 2027, 11, stretch=True)
    for week in burnt:
        rules = {f.rule for f in week.flags}
        assert {"weekly_hours", "daily_rest", "night_work"} <= rules
        assert week.planned_hours >= 70
    plan = optimise(demo, 2027, 11, hire=False)
    calm = team_week(apply_plan(demo, plan), 2027, 11, stretch=True)
    for week in calm:
        assert week.flags == () and week.outside_hours == 0


def test_compare_plans_shows_the_cost_of_covering_everything(demo):
    plan = optimise(demo, 2027, 11, hire=False)
    for c in compare_plans(demo, apply_plan(demo, plan), 2027, 11):
        assert c.everything.planned_hours > c.optimised.planned_hours
        assert c.everything.earliest_start < c.optimised.earliest_start
    assert format_clock(26 * 60 + 30) == "02:30 (+1)"


def test_what_if_dropping_a_market(demo):
    before, after = what_if(demo, "Laura", 2027, 11, drop="US West", stretch=True)
    assert "US West" in before.by_market and "US West" not in after.by_market
    assert after.planned_hours < before.planned_hours
    _, added = what_if(demo.replace(assignments=[a for a in demo.assignments if a.market != "India"]),
                       "Laura", 2027, 11, add="India")
    assert "India" in added.by_market
