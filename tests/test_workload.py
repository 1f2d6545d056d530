import pytest

from planner.errors import ValidationError
from planner.model import ActivityType, Assignment, Market, Rep, Scenario, Settings
from planner.team import CoverChoice, check, compare_plans, format_clock, rep_week, team_week, what_if
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
    # 72 h of declared hours, less the 1 h lunch the scheduler keeps free on each of the five days.
    assert (weekly.severity, weekly.value, weekly.threshold) == ("critical", 67, 55)
    assert [f.value for f in by_rule["daily_rest"]] == [7, 7, 7, 9]  # each night, then Thursday to Friday
    assert by_rule["daily_rest"][0].days == ("2027-03-15", "2027-03-16")
    assert {f.value for f in by_rule["daily_span"]} == {17}
    assert by_rule["night_work"][0].value == 4  # 23:00-24:00, Monday to Thursday
    assert len(by_rule["split_shift"]) == 4
    assert all(f.source for f in flags)
    assert "WHO/ILO" in weekly.source and "2003/88/EC" in by_rule["daily_rest"][0].source


def test_an_ordinary_week_gets_no_flag():
    assert flags_of("Mon-Fri 09:00-17:30") == ()


# Working time: the declared hours less the 1 h lunch break of each working day.
@pytest.mark.parametrize("hours,rules,expected", [
    ("Mon-Fri 08:00-18:30", "eu-wtd", None),           # 47.5 h
    ("Mon-Fri 08:00-18:30", "ch-arg", "warning"),      # above the Swiss 45 h
    ("Mon-Fri 08:00-18:00", "us-flsa", "info"),        # 45 h: above the US 40 h overtime line
    ("Mon-Fri 07:00-18:00", "eu-wtd", "warning"),      # 50 h
    ("Mon-Sat 07:00-17:30", "who-ilo", "critical"),    # 57 h
])
def test_weekly_hours_by_preset(hours, rules, expected):
    weekly = [f for f in flags_of(hours, rules) if f.rule == "weekly_hours"]
    assert (weekly[0].severity if weekly else None) == expected


def test_thresholds_can_be_overridden_in_the_scenario():
    assert [f for f in flags_of("Mon-Fri 07:00-18:00") if f.rule == "weekly_hours"]  # 50 h
    assert not [f for f in flags_of("Mon-Fri 07:00-18:00", thresholds={"weekly_warning": 52})
                if f.rule == "weekly_hours"]
    night = [f for f in flags_of("Mon-Fri 16:00-22:30", thresholds={"night_start": "22:00"}) if f.rule == "night_work"]
    assert night and night[0].value == 2.5
    with pytest.raises(ValidationError, match="thresholds.weekly_limit"):
        Thresholds().override({"weekly_limit": 50})


def test_weekly_rest_is_measured_across_the_week_edges():
    # Seven days a week, 08:00-18:00: the longest rest is 14 h (lunch is a break, not rest).
    weekly_rest = [f for f in flags_of("Mon-Sun 08:00-18:00") if f.rule == "weekly_rest"]
    assert weekly_rest and weekly_rest[0].value == 14


def test_rolling_average_over_weeks():
    s = Scenario("t", reps=[Rep("R", "Europe/Zurich", "CH", "Mon-Fri 07:00-18:00", 50)])
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
        assert week.working_hours >= 70
    plan = optimise(demo, 2027, 11, hire=False)
    calm = team_week(apply_plan(demo, plan), 2027, 11, stretch=True)
    for week in calm:
        assert week.flags == () and week.outside_hours == 0


def test_compare_plans_shows_the_cost_of_covering_everything(demo):
    plan = optimise(demo, 2027, 11, hire=False)
    for c in compare_plans(demo, apply_plan(demo, plan), 2027, 11):
        assert c.everything.working_hours > c.optimised.working_hours
        assert c.everything.earliest_start < c.optimised.earliest_start
    assert format_clock(26 * 60 + 30) == "02:30 (+1)"


def test_what_if_dropping_a_market(demo):
    before, after = what_if(demo, "Laura", 2027, 11, drop="US West", stretch=True)
    assert "US West" in before.by_market and "US West" not in after.by_market
    assert after.working_hours < before.working_hours
    _, added = what_if(demo.replace(assignments=[a for a in demo.assignments if a.market != "India"]),
                       "Laura", 2027, 11, add="India")
    assert "India" in added.by_market


def rep_alone(hours, tz, country, rules, **settings):
    return Scenario("t", reps=[Rep("R", tz, country, hours, 45, rules)], settings=Settings(**settings))


def test_a_new_york_nine_to_six_under_us_flsa_is_40_hours_and_not_flagged():
    # The scheduler keeps 12:00-13:00 free every day, so 09:00-18:00 is a 40-hour week.
    week = rep_week(rep_alone("Mon-Fri 09:00-18:00", "America/New_York", "US", "us-flsa"), "R", 2027, 11)
    assert week.working_hours == 40 and week.capacity_hours == 40
    assert not [f for f in week.flags if f.rule == "weekly_hours"]


def test_a_zurich_eight_to_half_five_under_ch_arg_is_42_5_hours_and_not_flagged():
    week = rep_week(rep_alone("Mon-Fri 08:00-17:30", "Europe/Zurich", "CH", "ch-arg"), "R", 2027, 11)
    assert week.working_hours == 42.5
    assert not [f for f in week.flags if f.rule == "weekly_hours"]


def test_without_a_lunch_break_the_same_hours_are_flagged():
    week = rep_week(rep_alone("Mon-Fri 09:00-18:00", "America/New_York", "US", "us-flsa", lunch_minutes=0),
                    "R", 2027, 11)
    assert week.working_hours == 45
    assert [(f.rule, f.severity) for f in week.flags] == [("weekly_hours", "info")]


def test_the_story_week_stays_critical():
    week = rep_week(rep_alone(STORY, "Europe/Zurich", "CH", "ch-arg"), "R", 2027, 11)
    assert ("weekly_hours", "critical") in {(f.rule, f.severity) for f in week.flags}


def test_a_shift_past_midnight_counts_its_hours_on_each_day_it_covers():
    # 18:00 to 06:00: 6 h on Monday and 6 h on Tuesday, one working day that belongs to Monday.
    flags = flags_of("Mon 18:00-24:00; Tue 00:00-06:00")
    assert not [f for f in flags if f.rule == "daily_hours"]
    by_rule = {f.rule: f for f in flags}
    assert by_rule["night_work"].value == 7  # 23:00-06:00
    assert by_rule["night_work"].days == ("2027-03-15",)
    assert flags_of("Mon 18:00-24:00; Tue 00:00-06:00", thresholds={"daily_hours": 5}) != ()
    long = [f for f in flags_of("Mon 18:00-24:00; Tue 00:00-06:00", thresholds={"daily_hours": 5})
            if f.rule == "daily_hours"]
    assert [(f.days, f.value) for f in long] == [(("2027-03-15",), 6), (("2027-03-16",), 6)]


def test_a_week_worked_round_the_clock_is_24_hours_a_day_not_168_on_monday():
    s = rep_alone("Mon-Sun 00:00-24:00", "Europe/Zurich", "CH", "eu-wtd", lunch_minutes=0)
    flags = rep_week(s, "R", 2027, 11).flags
    daily = [f for f in flags if f.rule == "daily_hours"]
    assert [f.value for f in daily] == [24] * 7
    assert [f.days[0] for f in daily] == [f"2027-03-{d}" for d in range(15, 22)]
    assert {"weekly_hours", "weekly_rest", "night_work"} <= {f.rule for f in flags}


ACTS = (ActivityType("Demo", 45, True), ActivityType("Email", 20, False))


def one_market(weekly, tz="America/New_York", hours="Mon-Fri 09:00-17:00"):
    rep = Rep("R", "Europe/Zurich", "CH", "Mon-Fri 09:00-17:00", 40)
    market = Market("M", tz, "US", hours, "A", 100, weekly)
    return Scenario("t", ACTS, [rep], [market], [Assignment("R", "M")])


def test_async_work_that_does_not_fit_is_a_warning_with_its_hours_and_reason():
    # 35 h of working time; 120 emails of 20 min take 120 half-hour slots: 60 h of work.
    s = one_market({"Email": 120})
    week = rep_week(s, "R", 2027, 11)
    flag = next(f for f in week.flags if f.rule == "unplaced_work")
    assert flag.severity == "warning" and flag.value == 25 == week.unplaced_async_hours
    assert week.placed_hours == 35 and week.load_hours == 60
    assert flag.message.startswith("50 blocks (25 h of async work) could not be placed: M Email: no working hours left")
    assert "evenings" in flag.source


def test_live_work_that_does_not_fit_is_critical():
    s = one_market({"Demo": 3}, tz="Australia/Sydney")  # Sydney's day never meets Zurich's
    week = rep_week(s, "R", 2027, 11)
    flag = next(f for f in week.flags if f.rule == "unplaced_work")
    assert (flag.severity, flag.value) == ("critical", 2.25)
    assert "3 blocks (2.25 h of live work)" in flag.message and "never meet" in flag.message
    assert week.unplaced_live_hours == 2.25 and week.unplaced_blocks == 3


def test_the_load_is_the_assigned_workload_on_the_quarter_hour_grid(demo):
    for week in team_week(demo, 2027, 11):
        markets = demo.markets_of(week.rep)
        assert week.load_hours == sum(demo.workload(m).total_hours for m in markets)  # all multiples of 15 min
        assert week.placed_hours + week.unplaced_hours == week.load_hours
    s = one_market({"Email": 3})
    assert rep_week(s, "R", 2027, 11).load_hours == 1.5  # 3 x 20 min, each on two 15-minute slots


def test_who_ilo_cites_the_who_ilo_estimates_not_the_eu_directive():
    weekly = [f for f in flags_of("Mon-Sat 07:00-17:30", "who-ilo") if f.rule == "weekly_hours"][0]
    assert "Pega et al." in weekly.source and "154:106595" in weekly.source
    assert "2003/88/EC" not in weekly.source
    s = Scenario("t", reps=[Rep("R", "Europe/Zurich", "CH", "Mon-Fri 07:00-18:00", 50, "who-ilo")])
    average = [f for f in check(s, 2027, 20, weeks=2)[0]["flags"] if f.rule == "average_weekly_hours"][0]
    assert "2003/88/EC" not in average.source and "Pega" in average.source


def test_cover_all_gives_a_market_to_the_rep_sharing_most_working_hours_then_the_least_loaded():
    from planner.team import cover_choices, cover_everything

    reps = [Rep(n, "Europe/Zurich", "CH", "Mon-Fri 09:00-18:00", 45) for n in ("A", "B")]
    markets = [Market(n, "Europe/London", "GB", "Mon-Fri 09:00-17:00", "A", 100, {"Demo": 2}) for n in ("M1", "M2")]
    s = Scenario("t", ACTS, reps, markets, [Assignment("A", "M1")])
    # London 09:00-17:00 is 10:00-18:00 in Zurich: 8 h a day less lunch, 35 h for either rep.
    assert cover_choices(s, 2027, 11) == [
        CoverChoice("M2", "B", 35, "most shared hours: 35 h, as many as A; least work already assigned: 0 h")]
    assert {a.market: a.rep for a in cover_everything(s, 2027, 11).assignments} == {"M1": "A", "M2": "B"}
