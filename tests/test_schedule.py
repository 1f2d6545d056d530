import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.model import ActivityType, Assignment, Market, Rep, Scenario, Settings
from planner.overlap import Side, overlap, side_minutes, to_minute, week_window
from planner.schedule import build_week
from planner.timezones import in_zone, is_ambiguous

from .strategies import ZONES, weeks_near_transitions

UTC = dt.timezone.utc
ACTS = (ActivityType("Demo", 45, True), ActivityType("Call", 30, True), ActivityType("Email", 15, False))


def scenario(rep_hours="Mon-Fri 09:00-18:00", rep_tz="Europe/Zurich", markets=(), **settings):
    rep = Rep("Ana", rep_tz, "CH", rep_hours, 45)
    return Scenario("t", ACTS, [rep], list(markets), [Assignment("Ana", m.name) for m in markets],
                    Settings(**settings))


def market(name="NY", tz="America/New_York", hours="Mon-Fri 09:00-17:00", country="US", **weekly):
    return Market(name, tz, country, hours, "A", 100, weekly or {"Demo": 4, "Call": 3, "Email": 8})


def local(e, tz="Europe/Zurich"):
    return in_zone(e.start, tz), in_zone(e.end, tz)


def test_live_work_lands_in_shared_hours_and_spreads_over_the_week():
    week = build_week(scenario(markets=[market()]), "Ana", 2027, 11)
    live = [e for e in week.events if e.live]
    assert len(live) == 7 and not week.unplaced
    shared = overlap(Side("Europe/Zurich", scenario().rep("Ana").hours, "CH"),
                     Side("America/New_York", market().hours, "US"), 2027, 11).intervals
    for e in live:
        assert any(i.start <= e.start and e.end <= i.end for i in shared)
    assert len({local(e)[0].date() for e in live}) >= 4  # not piled onto Monday


def test_no_two_blocks_overlap_and_the_week_is_deterministic():
    s = scenario(markets=[market(), market("UK", "Europe/London", "Mon-Fri 09:00-17:30", "GB")])
    first, second = build_week(s, "Ana", 2027, 11), build_week(s, "Ana", 2027, 11)
    assert first == second
    spans = sorted((e.start, e.end) for e in first.events)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_back_to_back_live_work_is_capped():
    busy = market("UK", "Europe/London", "Mon-Fri 09:00-17:30", "GB", Demo=20, Call=10)
    week = build_week(scenario(markets=[busy], max_live_run_minutes=90), "Ana", 2027, 11)
    live = sorted((e.start, e.end) for e in week.events if e.live)
    run_start, run_end = live[0]
    for start, end in live[1:]:
        if start == run_end:
            run_end = end
        else:
            assert (run_end - run_start) <= dt.timedelta(minutes=90)
            run_start, run_end = start, end
    assert (run_end - run_start) <= dt.timedelta(minutes=90)


def test_lunch_is_kept_free():
    busy = market("UK", "Europe/London", "Mon-Fri 08:00-19:00", "GB", Demo=20, Call=20, Email=40)
    week = build_week(scenario(markets=[busy]), "Ana", 2027, 11)
    for e in week.events:
        start, end = local(e)
        assert end.time() <= dt.time(12) or start.time() >= dt.time(13)


def test_busy_times_and_holidays_are_respected():
    ny = market()
    # Thanksgiving 2027 (Thu 25 Nov): no live NY work that day; Monday is busy all day.
    busy = [(dt.datetime(2027, 11, 22, 7, tzinfo=UTC), dt.datetime(2027, 11, 22, 18, tzinfo=UTC))]
    week = build_week(scenario(markets=[ny]), "Ana", 2027, 47, busy=busy)
    days = {local(e)[0].date() for e in week.events}
    assert dt.date(2027, 11, 22) not in days
    assert dt.date(2027, 11, 25) not in {local(e)[0].date() for e in week.events if e.live}


def test_unplaceable_work_comes_back_with_its_reason():
    # Zurich 09:00-18:00 never meets Auckland 09:00-17:00 (NZDT, March).
    week = build_week(scenario(markets=[market("NZ", "Pacific/Auckland", country="NZ")]), "Ana", 2027, 11)
    live_unplaced = [u for u in week.unplaced if u.activity in ("Demo", "Call")]
    assert len(live_unplaced) == 7
    assert all("never meet" in u.reason for u in live_unplaced)


def test_stretch_places_everything_and_marks_blocks_outside_hours():
    s = scenario(markets=[market("NZ", "Pacific/Auckland", country="NZ"), market("LA", "America/Los_Angeles")])
    normal = build_week(s, "Ana", 2027, 11)
    stretched = build_week(s, "Ana", 2027, 11, stretch=True)
    assert normal.unplaced and not stretched.unplaced
    rep_spans = side_minutes(s.rep("Ana").side, 2027, 11, week_window("Europe/Zurich", 2027, 11))
    for e in stretched.events:
        inside = any(a <= to_minute(e.start) and to_minute(e.end) <= b for a, b in rep_spans)
        assert e.outside_hours == (not inside)
    assert any(e.outside_hours for e in stretched.events)


def test_pinned_blocks_stay_where_they_were_put():
    s = scenario(markets=[market()])
    week = build_week(s, "Ana", 2027, 11)
    demo = next(e for e in week.events if e.activity == "Demo")
    moved_to = dt.datetime(2027, 3, 19, 15, 0, tzinfo=UTC)  # Friday 16:00 Zurich
    again = build_week(s, "Ana", 2027, 11, pins={demo.key: moved_to})
    pinned = [e for e in again.events if e.key == demo.key]
    assert len(pinned) == 1 and pinned[0].start == moved_to and pinned[0].pinned
    assert len(again.events) == len(week.events)


def test_no_block_starts_or_ends_at_a_local_time_that_happens_twice():
    # Zurich falls back on 31 October 2027: 02:00-03:00 happens twice. A night worker's week.
    s = scenario(rep_hours="Mon-Sun 00:00-06:00", markets=[market("UK", "Europe/London", "Mon-Sun 00:00-06:00", "GB",
                                                                  Demo=10, Call=10, Email=20)])
    week = build_week(s, "Ana", 2027, 43, holidays=False)
    assert week.events
    for e in week.events:
        assert not is_ambiguous(e.start, "Europe/Zurich") and not is_ambiguous(e.end, "Europe/Zurich")


HOURS = ["Mon-Fri 09:00-17:00", "Mon-Fri 08:00-12:00, 13:00-18:00", "Sun-Thu 09:00-17:00", "Mon-Sat 10:00-18:30",
         "Mon-Fri 20:00-02:00", "Tue-Sat 06:00-14:00"]


@settings(max_examples=int(os.environ.get("REP_PLANNER_EXAMPLES", "40")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ZONES), st.sampled_from(HOURS),
       st.lists(st.tuples(st.sampled_from(ZONES), st.sampled_from(HOURS), st.integers(0, 6), st.integers(0, 6),
                          st.integers(0, 12)), min_size=1, max_size=4),
       st.booleans(), st.data())
def test_schedule_invariants_on_random_scenarios(rep_tz, rep_hours, markets, stretch, data):
    year, week = data.draw(weeks_near_transitions(rep_tz))
    ms = [Market(f"M{i}", tz, "CH", h, "B", 10 * (i + 1), {"Demo": d, "Call": c, "Email": e})
          for i, (tz, h, d, c, e) in enumerate(markets)]
    s = scenario(rep_hours, rep_tz, ms)
    result = build_week(s, "Ana", year, week, stretch=stretch, holidays=False)
    spans = sorted((e.start, e.end) for e in result.events)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    rep_side = s.rep("Ana").side
    for e in result.events:
        if e.live:
            market = s.market(e.market)
            shared = overlap(Side(rep_tz, rep_side.hours), Side(market.timezone, market.hours), year, week,
                             holidays=False).intervals
            within_market = any(a <= to_minute(e.start) and to_minute(e.end) <= b for a, b in side_minutes(
                Side(market.timezone, market.hours), year, week, (to_minute(e.start) - 2880, to_minute(e.end) + 2880),
                holidays=False))
            assert within_market
            if not e.outside_hours:
                assert any(i.start <= e.start and e.end <= i.end for i in shared)
    placed = len(result.events) + len(result.unplaced)
    assert placed == sum(d + c + e for _, _, d, c, e in markets)


MONDAY_2PM = dt.datetime(2027, 3, 15, 13, tzinfo=UTC)  # 14:00 in Zurich, 09:00 in New York (2027-W11)


def one_hour_of_ny(calls, pins=None, **settings):
    """Ana shares one hour a week with New York: Monday 14:00-15:00 on her clock."""
    s = scenario(markets=[market(hours="Mon 09:00-10:00", Call=calls)], **settings)
    return build_week(s, "Ana", 2027, 11, pins=pins)


def test_live_work_with_every_shared_hour_taken_has_no_hours_left():
    week = one_hour_of_ny(3)
    assert len(week.events) == 2
    assert [u.reason for u in week.unplaced] == ["no hours left: other work takes all the hours Ana shares with NY"]


def test_live_work_with_free_minutes_only_in_short_pieces_has_no_gap_long_enough():
    week = one_hour_of_ny(2, pins={("NY", "Call", 0): MONDAY_2PM + dt.timedelta(minutes=15)})
    assert [u.reason for u in week.unplaced] == [
        "no gap long enough left: 0.5 h of shared hours with NY are free, in pieces of at most 15 min, "
        "too short for a 30-min Call"]


def test_live_work_stopped_by_the_back_to_back_limit_says_so():
    week = one_hour_of_ny(2, pins={("NY", "Call", 0): MONDAY_2PM}, max_live_run_minutes=45)
    assert [u.reason for u in week.unplaced] == [
        "no gap long enough left: every free stretch shared with NY would make live work run past the "
        "45-min back-to-back limit"]
    assert week.unplaced[0].live


def async_week(reports, pins=None):
    acts = (ActivityType("Report", 60, False),)
    m = Market("NY", "America/New_York", "US", "Mon-Fri 09:00-17:00", "A", 100, {"Report": reports})
    s = Scenario("t", acts, [Rep("Ana", "Europe/Zurich", "CH", "Mon 09:00-10:30", 45)], [m],
                 [Assignment("Ana", "NY")])
    return build_week(s, "Ana", 2027, 11, pins=pins)


def test_async_work_names_whether_hours_or_a_long_enough_stretch_ran_out():
    assert [u.reason for u in async_week(3).unplaced] == [
        "no free stretch of 60 min left in Ana's working hours (the longest is 30 min)",
        "no free stretch of 60 min left in Ana's working hours (the longest is 30 min)"]
    pinned = async_week(2, pins={("NY", "Report", 0): dt.datetime(2027, 3, 15, 8, 15, tzinfo=UTC)})
    assert [u.reason for u in pinned.unplaced] == [
        "no free stretch of 60 min left in Ana's working hours (the longest is 15 min)"]
    full = Scenario("t", (ActivityType("Report", 45, False),),
                    [Rep("Ana", "Europe/Zurich", "CH", "Mon 09:00-10:30", 45)],
                    [Market("NY", "America/New_York", "US", "Mon-Fri 09:00-17:00", "A", 100, {"Report": 3})],
                    [Assignment("Ana", "NY")])
    assert [(u.reason, u.live) for u in build_week(full, "Ana", 2027, 11).unplaced] == [
        ("no working hours left in Ana's week", False)]


def test_lunch_has_one_definition():
    from planner import schedule, working_time
    assert schedule.lunch_spans is working_time.lunch_spans


def test_live_work_goes_where_the_other_markets_need_it_least():
    """Singapore shares only 08:00-10:00 with a Zurich rep, and needs most of it for its calls.
    The Swiss market's demos, worth more and placed first, could go anywhere in the day: they
    must leave the Singapore window free, so that the week holds both."""
    from planner.model import ActivityType, Market, Rep, Scenario, Settings

    activities = (ActivityType("Demo", 60, True), ActivityType("Call", 30, True))
    rep = Rep("Ana", "Europe/Zurich", "CH", "Mon-Fri 08:00-17:00")
    swiss = Market("Swiss", "Europe/Zurich", "CH", "Mon-Fri 08:00-17:00", "A", 200, {"Demo": 10})
    singapore = Market("Singapore", "Asia/Singapore", "SG", "Mon-Fri 15:00-17:00", "A", 100, {"Call": 15})
    scenario = Scenario("contested", activities, (rep,), (swiss, singapore), (), Settings())
    week = build_week(scenario, "Ana", 2027, 11, markets=[swiss, singapore])
    assert week.unplaced == ()
    assert not any(e.outside_hours for e in week.events)


def test_a_nearly_full_week_keeps_its_long_blocks(demo):
    """Laura with US East, DACH and Gulf: 38.75 h of work in her 40 h. Fifteen-minute follow-ups
    placed before the 60-minute proposals used to leave no free hour for two of them."""
    markets = [demo.market(m) for m in ("US East", "DACH", "Gulf")]
    week = build_week(demo, "Laura", 2027, 11, markets=sorted(markets, key=lambda m: (-m.value, m.name)))
    assert week.unplaced == ()
    assert sum(e.minutes for e in week.events) / 60 == sum(demo.workload(m).total_hours for m in markets)
