"""Putting a block that found no place into the week by hand: check_move and free_start."""

import dataclasses
import datetime as dt

from planner.model import ActivityType, Assignment, Market, Rep, Scenario
from planner.schedule import build_week, check_move, free_start, freeze
from planner.timezones import local_to_utc

MONDAY = dt.date(2027, 3, 15)  # 2027-W11: New York on EDT (UTC-4), Zurich on CET (UTC+1)


def zurich(day, hh, mm=0):
    return local_to_utc(MONDAY + dt.timedelta(days=day), hh * 60 + mm, "Europe/Zurich")


def calls_week(rep_hours="Mon 09:00-15:00", ny_hours="Mon 09:00-12:00", calls=3):
    """Ana shares Monday 14:00-15:00 (her clock) with New York: room for two 30-min calls."""
    s = Scenario("t", (ActivityType("Call", 30, True),), [Rep("Ana", "Europe/Zurich", "CH", rep_hours, 45)],
                 [Market("NY", "America/New_York", "US", ny_hours, "A", 100, {"Call": calls})],
                 [Assignment("Ana", "NY")])
    return s, build_week(s, "Ana", 2027, 11)


def reports_week(reports=3):
    s = Scenario("t", (ActivityType("Report", 60, False),), [Rep("Ana", "Europe/Zurich", "CH", "Mon 09:00-10:30", 45)],
                 [Market("NY", "America/New_York", "US", "Mon-Fri 09:00-17:00", "A", 100, {"Report": reports})],
                 [Assignment("Ana", "NY")])
    return s, build_week(s, "Ana", 2027, 11)


def test_a_block_that_found_no_place_has_a_key_that_pins_it_into_the_week():
    s, week = calls_week()
    (left,) = week.unplaced
    assert left.key == ("NY", "Call", 2) and left.key not in {e.key for e in week.events}
    start = zurich(0, 15)  # after Ana's hours, still inside New York's (10:00 EDT)
    assert check_move(s, week, left.key, start) is None
    again = build_week(s, "Ana", 2027, 11, pins=freeze(week) | {left.key: start})
    placed = next(e for e in again.events if e.key == left.key)
    assert placed.start == start and placed.pinned and placed.outside_hours
    assert again.unplaced == ()


def test_check_move_gives_the_reason_a_dropped_block_cannot_go_there():
    s, week = calls_week()
    (left,) = week.unplaced
    assert check_move(s, week, left.key, zurich(0, 14)).startswith("it would overlap Call for NY")
    assert check_move(s, week, left.key, zurich(0, 20)) == "live work must be inside NY's business hours"
    assert check_move(s, week, left.key, zurich(0, 15, 5)) == "blocks start on a quarter hour"
    assert check_move(s, week, ("NY", "Call", 9), zurich(0, 15)) == "that block is not in this week"


def test_free_start_puts_live_work_next_to_the_reps_hours_inside_the_markets():
    s, week = calls_week()
    (left,) = week.unplaced
    start = free_start(s, week, left.key)
    assert start == zurich(0, 15)  # the nearest quarter hour to Ana's day that New York still takes
    assert check_move(s, week, left.key, start) is None


def test_free_start_prefers_the_reps_own_hours_and_is_none_when_nothing_is_left():
    s, week = reports_week()
    first, second = week.unplaced
    # Her hours hold one 60-min report (09:00-10:00); the next fits 10:00-11:00, half outside them.
    assert free_start(s, week, first.key) == zurich(0, 10)
    emptied = dataclasses.replace(week, events=())
    assert free_start(s, emptied, second.key) == zurich(0, 9)
    # New York's only hour is taken by the two calls placed: a third live call has nowhere to go.
    s, week = calls_week(rep_hours="Mon-Fri 08:00-20:00", ny_hours="Mon 09:00-10:00")
    (left,) = week.unplaced
    assert free_start(s, week, left.key) is None
    assert all(check_move(s, week, left.key, zurich(d, 0) + dt.timedelta(minutes=15 * k))
               for d in range(7) for k in range(96))
