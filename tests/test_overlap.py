"""Overlap in the hard weeks. Each expected figure is worked out in a comment
from the two zones' UTC offsets that week."""

import datetime as dt

import pytest

from planner.hours import parse_hours
from planner.overlap import Side, overlap, overlap_matrix


def side(tz, hours, country=None, subdivision=None):
    return Side(tz, parse_hours(hours), country, subdivision)


ZURICH = side("Europe/Zurich", "Mon-Fri 09:00-18:00")
NEW_YORK = side("America/New_York", "Mon-Fri 09:00-17:00")


@pytest.mark.parametrize("week,hours", [
    (10, 15),  # CET +1, EST -5: NY 09:00 is 15:00 Zurich, 3 h a day
    (11, 20),  # US on EDT from 14 March, Europe not until 28 March: 4 h a day
    (12, 20),
    (13, 15),  # both on summer time
    (43, 15),
    (44, 20),  # Europe back on CET 31 October, US on EDT until 7 November
    (45, 15),
])
def test_zurich_new_york_through_the_mismatch_weeks(week, hours):
    assert overlap(ZURICH, NEW_YORK, 2027, week, holidays=False).hours == hours


def test_intervals_are_utc_instants_in_the_rep_week():
    result = overlap(ZURICH, NEW_YORK, 2027, 11, holidays=False)
    assert len(result.intervals) == 5
    first = result.intervals[0]
    # Monday 15 March: 09:00 EDT = 13:00Z; 18:00 CET = 17:00Z
    assert (first.start, first.end) == (dt.datetime(2027, 3, 15, 13, tzinfo=dt.timezone.utc),
                                        dt.datetime(2027, 3, 15, 17, tzinfo=dt.timezone.utc))


@pytest.mark.parametrize("rep,market,week,hours", [
    # Southern hemisphere. Singapore +8 vs Sydney: AEDT +11 (3 h ahead) in January -> Sydney
    # 09-17 is 06-14 in Singapore, 5 h a day; AEST +10 in July -> 07-15, 6 h a day.
    (side("Asia/Singapore", "Mon-Fri 09:00-18:00"), side("Australia/Sydney", "Mon-Fri 09:00-17:00"), 2, 25),
    (side("Asia/Singapore", "Mon-Fri 09:00-18:00"), side("Australia/Sydney", "Mon-Fri 09:00-17:00"), 28, 30),
    # Sydney leaves DST on 4 April 2027: W13 still AEDT, W14 AEST.
    (side("Asia/Singapore", "Mon-Fri 09:00-18:00"), side("Australia/Sydney", "Mon-Fri 09:00-17:00"), 13, 25),
    (side("Asia/Singapore", "Mon-Fri 09:00-18:00"), side("Australia/Sydney", "Mon-Fri 09:00-17:00"), 14, 30),
    # Tokyo +9 vs Auckland: NZDT +13 -> Auckland 09-17 is 05-13 Tokyo (4 h); NZST +12 -> 06-14 (5 h).
    # NZ leaves DST 4 April and enters it 26 September 2027.
    (side("Asia/Tokyo", "Mon-Fri 09:00-18:00"), side("Pacific/Auckland", "Mon-Fri 09:00-17:00"), 13, 20),
    (side("Asia/Tokyo", "Mon-Fri 09:00-18:00"), side("Pacific/Auckland", "Mon-Fri 09:00-17:00"), 14, 25),
    (side("Asia/Tokyo", "Mon-Fri 09:00-18:00"), side("Pacific/Auckland", "Mon-Fri 09:00-17:00"), 38, 25),
    (side("Asia/Tokyo", "Mon-Fri 09:00-18:00"), side("Pacific/Auckland", "Mon-Fri 09:00-17:00"), 39, 20),
    # Kolkata +05:30: CET -> 10-18 Kolkata is 05:30-13:30 Zurich (4.5 h); CEST -> 06:30-14:30 (5.5 h).
    (ZURICH, side("Asia/Kolkata", "Mon-Fri 10:00-18:00"), 10, 22.5),
    (ZURICH, side("Asia/Kolkata", "Mon-Fri 10:00-18:00"), 20, 27.5),
    # Kathmandu +05:45 vs London: GMT -> 10-17 is 04:15-11:15 (2.25 h); BST -> 05:15-12:15 (3.25 h).
    (side("Europe/London", "Mon-Fri 09:00-17:00"), side("Asia/Kathmandu", "Mon-Fri 10:00-17:00"), 3, 11.25),
    (side("Europe/London", "Mon-Fri 09:00-17:00"), side("Asia/Kathmandu", "Mon-Fri 10:00-17:00"), 25, 16.25),
    # Chatham +13:45 (January) / +12:45 (May) vs a UTC evening shift: Chatham Tue-Fri 09:00 is
    # UTC Mon-Thu 19:15 / 20:15, so 4 evenings of 4 h / 3.75 h.
    (side("UTC", "Mon-Fri 20:00-24:00"), side("Pacific/Chatham", "Mon-Fri 09:00-17:00"), 2, 16),
    (side("UTC", "Mon-Fri 20:00-24:00"), side("Pacific/Chatham", "Mon-Fri 09:00-17:00"), 20, 15),
    # Lord Howe's 30-minute DST: +11 in January (09:00 = 22:00Z, 2 h), +10:30 in May (22:30Z, 1.5 h).
    (side("UTC", "Mon-Fri 20:00-24:00"), side("Australia/Lord_Howe", "Mon-Fri 09:00-17:00"), 2, 8),
    (side("UTC", "Mon-Fri 20:00-24:00"), side("Australia/Lord_Howe", "Mon-Fri 09:00-17:00"), 20, 6),
    # Riyadh works Sun-Thu, +3: 09-17 is 07-15 CET (6 h) / 08-16 CEST (7 h), on the 4 shared days.
    (ZURICH, side("Asia/Riyadh", "Sun-Thu 09:00-17:00"), 10, 24),
    (ZURICH, side("Asia/Riyadh", "Sun-Thu 09:00-17:00"), 20, 28),
    # Past midnight: LA Friday 09-17 PST is Zurich Fri 18:00-Sat 02:00; the rep works 22:00-02:00.
    (side("Europe/Zurich", "Fri 22:00-02:00"), side("America/Los_Angeles", "Mon-Fri 09:00-17:00"), 3, 4),
])
def test_hard_zones(rep, market, week, hours):
    assert overlap(rep, market, 2027, week, holidays=False).hours == pytest.approx(hours)


def test_a_sunday_night_shift_counts_both_halves_in_the_week():
    # 2 h on this Sunday before midnight, and 2 h on Monday from last Sunday's shift.
    rep = side("Europe/Zurich", "Sun 22:00-02:00")
    anyone = side("Europe/Zurich", "Mon-Sun 00:00-24:00")
    assert overlap(rep, anyone, 2027, 20, holidays=False).hours == 4


def test_spring_forward_night_loses_its_missing_hour():
    # Zurich springs forward 28 March 2027 at 02:00: a Sun 00:00-04:00 shift lasts 3 h.
    rep = side("Europe/Zurich", "Sun 00:00-04:00")
    anyone = side("UTC", "Mon-Sun 00:00-24:00")
    assert overlap(rep, anyone, 2027, 12, holidays=False).hours == 3


def test_fall_back_night_gains_its_repeated_hour():
    # Zurich falls back 31 October 2027 at 03:00: Sun 00:00-04:00 lasts 5 h.
    rep = side("Europe/Zurich", "Sun 00:00-04:00")
    anyone = side("UTC", "Mon-Sun 00:00-24:00")
    assert overlap(rep, anyone, 2027, 43, holidays=False).hours == 5


def test_public_holidays_of_either_side_are_subtracted():
    rep = side("Europe/Zurich", "Mon-Fri 09:00-18:00", "CH")
    us = side("America/New_York", "Mon-Fri 09:00-17:00", "US")
    # Thanksgiving, Thursday 25 November 2027: 3 h a day on four days instead of five.
    assert overlap(rep, us, 2027, 47).hours == 12
    assert overlap(rep, us, 2027, 47, holidays=False).hours == 15
    # Ascension Day, Thursday 6 May 2027, is a Swiss national holiday.
    assert overlap(rep, us, 2027, 18).hours == 12
    # Easter Monday, 29 March 2027, is a holiday in the canton of Zurich, not nationwide.
    assert overlap(rep, us, 2027, 13).hours == 15
    zurich_canton = side("Europe/Zurich", "Mon-Fri 09:00-18:00", "CH", "ZH")
    assert overlap(zurich_canton, us, 2027, 13).hours == 12


def test_matrix_equals_pair_by_pair():
    reps = [("Zurich", ZURICH), ("Tokyo", side("Asia/Tokyo", "Mon-Fri 09:00-18:00", "JP")),
            ("Night", side("Europe/Zurich", "Fri 22:00-02:00"))]
    markets = [("NY", side("America/New_York", "Mon-Fri 09:00-17:00", "US")),
               ("Auckland", side("Pacific/Auckland", "Mon-Fri 09:00-17:00", "NZ")),
               ("Riyadh", side("Asia/Riyadh", "Sun-Thu 09:00-17:00", "SA")),
               ("Chatham", side("Pacific/Chatham", "Mon-Fri 09:00-17:00"))]
    for week in (11, 13, 14, 44, 47):
        matrix = overlap_matrix(reps, markets, 2027, week)
        for i, (_, r) in enumerate(reps):
            for j, (_, m) in enumerate(markets):
                assert matrix.hours[i][j] == overlap(r, m, 2027, week).hours


def test_a_holiday_calendar_outside_its_years_prints_no_warning(capsys):
    """India's calendar is complete for 2001-2035 only; a week in 1970 or 2040 printed the holidays
    package's UserWarning on stderr (found by tests/test_cli_fuzz.py). Its fixed-date holidays still count."""
    import warnings

    from planner import public_holidays
    from planner.cli import main

    public_holidays._computed.cache_clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert dt.date(2040, 1, 26) in public_holidays.holidays_between("IN", None, dt.date(2040, 1, 1),
                                                                         dt.date(2040, 1, 31))  # Republic Day
        assert main(["overlap", "--rep-tz", "Asia/Kolkata", "--rep-hours", "Mon-Fri 09:00-17:00", "--rep-country",
                     "IN", "--market-tz", "UTC", "--market-hours", "Mon-Fri 09:00-17:00", "--week", "1970-W02"]) == 0
    assert capsys.readouterr().err == ""
