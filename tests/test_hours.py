import pytest

from planner.errors import ValidationError
from planner.hours import Shift, format_hours, parse_hours

CANONICAL = [
    "Mon-Fri 09:00-18:00",
    "Mon-Thu 07:00-17:00, 18:00-24:00; Fri 09:00-17:00",
    "Sun-Thu 08:00-16:00",
    "Fri 22:00-02:00",
    "Mon-Sun 00:00-24:00",
    "Mon,Wed 09:00-12:00; Tue,Thu 13:00-17:30",
    "Mon-Sat 10:00-18:30",
]


@pytest.mark.parametrize("text", CANONICAL)
def test_canonical_text_round_trips(text):
    assert format_hours(parse_hours(text)) == text
    assert parse_hours(format_hours(parse_hours(text))) == parse_hours(text)


def test_story_week_parses_to_its_shifts():
    hours = parse_hours("Mon-Thu 07:00-17:00, 18:00-24:00; Fri 09:00-17:00")
    assert hours.weekly_hours == 4 * 16 + 8 == 72
    assert Shift(0, 18 * 60, 24 * 60) in hours.shifts


def test_end_before_start_runs_past_midnight():
    (shift,) = parse_hours("Fri 22:00-02:00").shifts
    assert (shift.day, shift.start, shift.end) == (4, 22 * 60, 26 * 60)


def test_sunday_to_thursday_wraps_the_week():
    assert parse_hours("Sun-Thu 08:00-16:00").workdays == {6, 0, 1, 2, 3}


def test_lenient_spelling_is_written_canonically():
    assert format_hours(parse_hours(" mon-fri 9:00-17:00 ")) == "Mon-Fri 09:00-17:00"


BAD = [
    ("Mon-Fri 09:00-25:00", "00:00 to 24:00"),
    ("Mon-Fry 09:00-17:00", "'Fry'"),
    ("Mon-Fri 09:00-09:00", "cannot end when it starts"),
    ("Mon-Fri 9-17", "HH:MM"),
    ("Mon-Fri 09:60-17:00", "minutes must be 00 to 59"),
    ("Mon-Fri 24:00-02:00", "00:00 to 23:59"),
    ("", "empty"),
    ("09:00-17:00", "days then times"),
    ("Mon-Fri", "days then times"),
    ("Mon-Fri 09:00", "09:00-17:00"),
    ("Mon-Fri 09:00-12:00, 11:00-13:00", "overlaps"),
    ("Mon,Mon 09:00-12:00", "listed twice"),
    ("Sun 22:00-08:00; Mon 07:00-09:00", "overlaps"),
    ("Mon-Fri 09:00-17:00;", "clause 2"),
]


@pytest.mark.parametrize("text,expected", BAD)
def test_bad_hours_name_the_problem(text, expected):
    with pytest.raises(ValidationError) as info:
        parse_hours(text)
    assert expected in str(info.value)
