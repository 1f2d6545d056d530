import datetime as dt
import time
from pathlib import Path

import icalendar
import pytest

from planner.errors import PlannerError
from planner.ics_export import export_weeks
from planner.ics_import import read_busy
from planner.schedule import Event, Schedule, build_week, check_move, freeze
from planner.territories import apply_plan, optimise

UTC = dt.timezone.utc
NOW = dt.datetime(2027, 3, 1, tzinfo=UTC)
WINDOW = dict(start=dt.datetime(2027, 1, 1, tzinfo=UTC), end=dt.datetime(2028, 1, 1, tzinfo=UTC))
CORPUS = Path(__file__).parent / "corpus" / "ics"


def events_of(ics: bytes) -> dict[str, icalendar.Event]:
    return {str(e["uid"]): e for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")}


def test_export_has_what_calendar_clients_need(demo):
    week = build_week(demo, "Laura", 2027, 11)
    report = export_weeks([week], demo, now=NOW, calendar_name="Laura's week")
    assert b"\r\n" in report.ics and all(len(line) <= 75 for line in report.ics.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(report.ics)
    for key in ("prodid", "version", "calscale", "method", "x-wr-calname"):
        assert key in cal
    assert str(cal["method"]) == "PUBLISH"
    event = next(e for e in cal.walk("VEVENT") if "Demo" in str(e["summary"]))
    for key in ("uid", "dtstamp", "dtstart", "dtend", "summary", "description", "categories", "transp", "sequence"):
        assert key in event
    assert event["dtstart"].params["TZID"] == "Europe/Zurich"
    assert "Prospect's time" in str(event["description"])
    assert event.walk("VALARM")  # a reminder before live work


def test_round_trip_export_then_import_as_busy(demo):
    week = build_week(demo, "Marco", 2027, 11)
    report = export_weeks([week], demo, now=NOW)
    busy = read_busy(report.ics, timezone="Europe/Zurich", **WINDOW)
    assert [(b.start, b.end) for b in busy] == sorted((e.start, e.end) for e in week.events)


def _move_one_demo(scenario, rep):
    week = build_week(scenario, rep, 2027, 11)
    first = export_weeks([week], scenario, now=NOW)
    moved = next(e for e in week.events if e.activity == "Demo")
    target = next(moved.start + dt.timedelta(minutes=15 * k) for k in range(-40, 40)
                  if k and check_move(scenario, week, moved.key, moved.start + dt.timedelta(minutes=15 * k)) is None)
    again = build_week(scenario, rep, 2027, 11, pins=freeze(week) | {moved.key: target})
    second = export_weeks([again], scenario, now=NOW, previous={r.uid: r for r in first.records})
    return week, again, first, second


def test_re_export_after_moving_one_block_keeps_uids_and_bumps_only_that_sequence(demo):
    planned = apply_plan(demo, optimise(demo, 2027, 11, hire=False))
    week, again, first, second = _move_one_demo(planned, "Laura")
    assert not week.unplaced
    before, after = events_of(first.ics), events_of(second.ics)
    assert set(before) == set(after)
    bumped = [uid for uid in after if after[uid]["sequence"] != before[uid]["sequence"]]
    assert len(bumped) == 1 and after[bumped[0]]["sequence"] == 1
    assert second.changed == tuple(bumped) and not second.new and not second.removed


def test_moving_a_block_in_a_full_week_lets_waiting_work_in_and_says_so(demo):
    week, again, first, second = _move_one_demo(demo, "Laura")
    before, after = events_of(first.ics), events_of(second.ics)
    assert set(before) <= set(after)
    assert set(second.new) == set(after) - set(before) and len(again.unplaced) < len(week.unplaced)
    assert len(second.changed) == 1


def test_check_move_refuses_bad_drops_with_a_reason(demo):
    week = build_week(demo, "Laura", 2027, 11)
    demo_block = next(e for e in week.events if e.activity == "Demo" and e.market == "US East")
    other = next(e for e in week.events if e.key != demo_block.key)
    assert "overlap" in check_move(demo, week, demo_block.key, other.start)
    assert "quarter hour" in check_move(demo, week, demo_block.key, demo_block.start + dt.timedelta(minutes=5))
    night = dt.datetime(2027, 3, 16, 2, tzinfo=UTC)  # 03:00 Zurich, 22:00 New York the day before
    assert "business hours" in check_move(demo, week, demo_block.key, night)
    assert "outside this week" in check_move(demo, week, demo_block.key, dt.datetime(2027, 3, 30, 9, tzinfo=UTC))


def test_an_event_that_is_gone_is_reported_and_cancelled_not_dropped(demo):
    week = build_week(demo, "Laura", 2027, 11)
    first = export_weeks([week], demo, now=NOW)
    fewer = Schedule(week.rep, week.week, week.events[1:], ())
    second = export_weeks([fewer], demo, now=NOW, previous={r.uid: r for r in first.records})
    assert len(second.removed) == 1
    gone = events_of(second.ics)[second.removed[0].uid]
    assert str(gone["status"]) == "CANCELLED" and gone["sequence"] == 1


def test_an_ambiguous_local_time_is_written_in_utc(demo):
    # 02:30 on 31 October 2027 happens twice in Zurich.
    start = dt.datetime(2027, 10, 31, 0, 30, tzinfo=UTC)  # 02:30 CEST, the first one
    event = Event("Laura", "DACH", "Demo", start, start + dt.timedelta(minutes=45), True)
    report = export_weeks([Schedule("Laura", "2027-W43", (event,), ())], demo, now=NOW)
    (vevent,) = events_of(report.ics).values()
    assert "TZID" not in vevent["dtstart"].params and vevent.decoded("dtstart") == start



def test_a_team_calendar_names_the_rep_in_every_summary_and_lists_rep_and_market(demo):
    weeks = [build_week(demo, rep.name, 2027, 11) for rep in demo.reps]
    team = events_of(export_weeks(weeks, demo, now=NOW).ics)
    assert len(team) == sum(len(w.events) for w in weeks) > 0
    for event in team.values():
        rep, _, rest = str(event["summary"]).partition(" · ")
        activity, market = rest.split(": ")
        assert rep in {r.name for r in demo.reps}
        categories = event["categories"].cats
        assert categories[:3] == ["Rep Planner", rep, market] and categories[3] in ("Live", "Async")
        assert str(event["description"]).startswith(f"Rep: {rep}.")
    assert {str(e["summary"]).split(" · ")[0] for e in team.values()} == {r.name for r in demo.reps}
    # A rep's own calendar keeps the short title; the categories still name the rep.
    own = events_of(export_weeks(weeks[:1], demo, now=NOW).ics)
    assert all(" · " not in str(e["summary"]) and weeks[0].rep in e["categories"].cats for e in own.values())


def test_prodid_names_the_time_zone_data():
    import tzdata

    report = export_weeks([], None, now=NOW)
    assert f"tzdata {tzdata.IANA_VERSION}".encode() in report.ics.split(b"PRODID:")[1].split(b"\r\n")[0]


def test_long_names_in_any_script_fold_at_75_octets_and_read_back_whole():
    from planner.model import ActivityType, Market, Rep, Scenario

    market = "Zürich–São Paulo 東京 key accounts, Øresund; the \\ long way round" * 2
    scenario = Scenario("p", [ActivityType("Démo", 45, True)], [Rep("Zoë", "Europe/Zurich", "CH", "Mon-Fri 09:00-18:00")],
                        [Market(market, "Asia/Tokyo", "JP", "Mon-Fri 09:00-18:00", "A", 1, {"Démo": 1})])
    start = dt.datetime(2027, 3, 15, 8, tzinfo=UTC)
    event = Event("Zoë", market, "Démo", start, start + dt.timedelta(minutes=45), True)
    data = export_weeks([Schedule("Zoë", "2027-W11", (event,), ())], scenario, now=NOW).ics
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines) and any(line.startswith(b" ") for line in lines)
    for line in lines:
        line.decode("utf-8")  # no character cut in two by a fold
    (read,) = events_of(data).values()
    assert str(read["summary"]) == f"Démo: {market}"
    assert read.decoded("dtstart") == start

# --- importing busy times ---------------------------------------------------------------------

CAL = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{body}END:VCALENDAR\r\n"


def ics(*events: str, header: str = "") -> bytes:
    body = header + "".join(f"BEGIN:VEVENT\r\nUID:{i}\r\nDTSTAMP:20270101T000000Z\r\n{e}END:VEVENT\r\n"
                            for i, e in enumerate(events))
    return CAL.format(body=body).encode()


def test_recurring_meetings_are_expanded_in_the_window():
    data = ics("DTSTART;TZID=Europe/Zurich:20270104T100000\r\nDTEND;TZID=Europe/Zurich:20270104T110000\r\n"
               "RRULE:FREQ=WEEKLY;BYDAY=MO\r\nSUMMARY:Team\r\n")
    busy = read_busy(data, timezone="Europe/Zurich", start=dt.datetime(2027, 3, 1, tzinfo=UTC),
                     end=dt.datetime(2027, 4, 5, tzinfo=UTC))
    assert len(busy) == 5
    # 10:00 Zurich is 09:00Z before 28 March and 08:00Z after.
    assert busy[0].start == dt.datetime(2027, 3, 1, 9, tzinfo=UTC)
    assert busy[-1].start == dt.datetime(2027, 3, 29, 8, tzinfo=UTC)


def test_all_day_events_block_whole_local_days_with_an_exclusive_end():
    data = ics("DTSTART;VALUE=DATE:20270315\r\nDTEND;VALUE=DATE:20270317\r\nSUMMARY:Trade fair\r\n")
    (busy,) = read_busy(data, timezone="Asia/Kolkata", **WINDOW)
    assert busy.start == dt.datetime(2027, 3, 14, 18, 30, tzinfo=UTC)  # 15 March 00:00 +05:30
    assert busy.end == dt.datetime(2027, 3, 16, 18, 30, tzinfo=UTC)    # 17 March 00:00, not included


def test_free_and_cancelled_events_are_not_busy():
    data = ics("DTSTART:20270315T100000Z\r\nDTEND:20270315T110000Z\r\nTRANSP:TRANSPARENT\r\n",
               "DTSTART:20270316T100000Z\r\nDTEND:20270316T110000Z\r\nSTATUS:CANCELLED\r\n",
               "DTSTART:20270317T100000Z\r\nDTEND:20270317T110000Z\r\n")
    assert [b.start.day for b in read_busy(data, timezone="UTC", **WINDOW)] == [17]


def test_google_x_wr_timezone_files():
    # Google writes UTC times plus X-WR-TIMEZONE; recurring events follow the named zone's DST.
    data = ics("DTSTART:20270301T090000Z\r\nDTEND:20270301T100000Z\r\nRRULE:FREQ=WEEKLY;COUNT=5\r\n",
               header="X-WR-TIMEZONE:Europe/Zurich\r\n")
    busy = read_busy(data, timezone="Europe/Zurich", **WINDOW)
    assert busy[0].start == dt.datetime(2027, 3, 1, 9, tzinfo=UTC)
    assert busy[-1].start == dt.datetime(2027, 3, 29, 8, tzinfo=UTC)  # still 10:00 in Zurich


def test_outlook_windows_zone_names():
    data = ics("DTSTART;TZID=W. Europe Standard Time:20270315T100000\r\n"
               "DTEND;TZID=W. Europe Standard Time:20270315T110000\r\n")
    (busy,) = read_busy(data, timezone="Europe/Zurich", **WINDOW)
    assert busy.start == dt.datetime(2027, 3, 15, 9, tzinfo=UTC)


def test_a_recurrence_with_no_end_is_bounded_by_the_window():
    data = ics("DTSTART:20270101T100000Z\r\nDTEND:20270101T101500Z\r\nRRULE:FREQ=HOURLY\r\n")
    started = time.perf_counter()
    busy = read_busy(data, timezone="UTC", start=dt.datetime(2027, 1, 1, tzinfo=UTC),
                     end=dt.datetime(2027, 1, 8, tzinfo=UTC))
    assert len(busy) == 7 * 24 - 10 and time.perf_counter() - started < 10


def test_ten_megabytes_of_folding_is_refused_at_once():
    data = b"BEGIN:VCALENDAR\r\nX-JUNK:" + b"a\r\n " * (10 * 1024 * 1024 // 4) + b"\r\nEND:VCALENDAR\r\n"
    started = time.perf_counter()
    with pytest.raises(PlannerError, match="too large"):
        read_busy(data, timezone="UTC", **WINDOW)
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.ics")), ids=lambda p: p.name)
def test_hostile_files_give_a_clear_error_quickly(path):
    """Each file in tests/corpus/ics is refused with the message in its .expected file."""
    expected = path.with_suffix(".expected").read_text().strip()
    started = time.perf_counter()
    with pytest.raises(PlannerError) as info:
        read_busy(path.read_bytes(), timezone="Europe/Zurich", source=path.name, **WINDOW)
    assert expected in str(info.value) and str(info.value).startswith(path.name)
    assert time.perf_counter() - started < 5


def test_the_corpus_is_there():
    assert len(list(CORPUS.glob("*.ics"))) >= 15


def test_an_event_ending_in_lord_howes_repeated_half_hour_round_trips(demo):
    # Found by the property test: Lord Howe goes back from +11 to +10:30 at 15:00Z on 1 April 2028,
    # so 15:00Z is 01:30 local, a time that happens twice.
    from planner.model import ActivityType, Market, Rep, Scenario
    scenario = Scenario("p", [ActivityType("Call", 30, True)],
                        [Rep("Rep", "Australia/Lord_Howe", "AU", "Mon-Sun 00:00-24:00")],
                        [Market("M", "Australia/Lord_Howe", "AU", "Mon-Sun 00:00-24:00", "A", 1, {"Call": 1})])
    start = dt.datetime(2028, 4, 1, 13, tzinfo=UTC)
    event = Event("Rep", "M", "Call", start, start + dt.timedelta(hours=2), True)
    report = export_weeks([Schedule("Rep", "2028-W13", (event,), ())], scenario, now=NOW)
    busy = read_busy(report.ics, timezone="Australia/Lord_Howe", start=dt.datetime(2028, 3, 25, tzinfo=UTC),
                     end=dt.datetime(2028, 4, 10, tzinfo=UTC))
    assert [(b.start, b.end) for b in busy] == [(event.start, event.end)]


def test_a_weekly_meeting_across_a_dst_change_keeps_its_exact_length():
    # 01:00-03:00 Zurich every Sunday: on 28 March 2027 the clocks jump at 02:00, and RFC 5545
    # keeps the exact two hours from DTEND - DTSTART.
    data = ics("DTSTART;TZID=Europe/Zurich:20270321T010000\r\nDTEND;TZID=Europe/Zurich:20270321T030000\r\n"
               "RRULE:FREQ=WEEKLY;COUNT=3\r\n")
    busy = read_busy(data, timezone="Europe/Zurich", **WINDOW)
    assert [b.end - b.start for b in busy] == [dt.timedelta(hours=2)] * 3


def test_a_moved_instance_of_a_recurring_meeting_keeps_its_own_times():
    data = ics("DTSTART;TZID=Europe/Zurich:20270301T100000\r\nDTEND;TZID=Europe/Zurich:20270301T110000\r\n"
               "RRULE:FREQ=WEEKLY;COUNT=3\r\n",
               "RECURRENCE-ID;TZID=Europe/Zurich:20270308T100000\r\nDTSTART;TZID=Europe/Zurich:20270308T140000\r\n"
               "DTEND;TZID=Europe/Zurich:20270308T163000\r\n")
    busy = read_busy(data.replace(b"UID:1", b"UID:0"), timezone="Europe/Zurich", **WINDOW)
    assert [(b.start.hour, b.end - b.start) for b in busy] == [
        (9, dt.timedelta(hours=1)), (13, dt.timedelta(hours=2, minutes=30)), (9, dt.timedelta(hours=1))]


def test_export_reports_blocks_not_placed_and_holiday_calendars_that_end(tmp_path, capsys):
    """India's lunar holidays end in 2035: the export says so in its own words, not a library warning."""
    import json
    import warnings

    from planner.cli import main
    from planner.public_holidays import incomplete_years

    db, out = str(tmp_path / "p.db"), str(tmp_path / "team.ics")
    export = ["--db", db, "export", "--week", "2035-W52", "--weeks", "2", "-o", out]
    assert main(["--db", db, "demo"]) == 0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert main(export) == 0
    assert not [w for w in caught if "Holidays" in str(w.message)]
    lines = capsys.readouterr().out.splitlines()
    assert ("  note: Public holidays for IN are known only from 2001 to 2035: weeks in 2036 are planned "
            "with some of them missing") in lines
    assert any(line.startswith("  not placed: Laura: ") and " x Demo for US West" in line for line in lines)
    assert main(export + ["--json"]) == 0
    (exported,) = json.loads(capsys.readouterr().out)["files"]
    assert len(exported["not_placed"]) == exported["unplaced"] > 0
    assert {"rep", "week", "market", "activity", "minutes", "reason"} <= set(exported["not_placed"][0])
    assert incomplete_years([("IN", None)], dt.date(1999, 1, 1), dt.date(2037, 1, 1)) == [
        "Public holidays for IN are known only from 2001 to 2035: weeks in 1999-2000, 2036-2037 are planned "
        "with some of them missing"]
    assert incomplete_years([("CH", None)], dt.date(2036, 1, 1), dt.date(2037, 1, 1)) == []


def test_a_calendar_whose_file_name_is_not_utf8_is_imported(capsys, demo_db, tmp_path):
    """A byte that is not UTF-8 in the file's name reaches argv as a lone surrogate, which the database
    cannot store as the busy times' source: a UnicodeEncodeError (found by tests/test_cli_fuzz.py).
    Imported again, it replaces what it brought the first time."""
    import sqlite3

    from planner.cli import main

    from .test_corpus import BUSY_ICS

    path = tmp_path / "busy\udcff.ics"
    path.write_text(BUSY_ICS, encoding="utf-8", newline="")
    for _ in range(2):
        assert main(["--db", demo_db, "import-busy", str(path), "--rep", "Laura"], today=dt.date(2027, 3, 10)) == 0
    assert "busy\\udcff.ics" in capsys.readouterr().out
    conn = sqlite3.connect(demo_db)
    sources = conn.execute("SELECT source, count(*) FROM busy GROUP BY source").fetchall()
    assert sources == [(str(tmp_path / "busy\\xff.ics"), 1)]
    conn.close()


def test_a_good_calendar_is_read_without_searching_it_for_line_numbers(demo, monkeypatch):
    """Line numbers name a bad line; looking one up for every event (a scan of the whole file each) made
    reading a year exported for two reps, 13,712 events, take 72 s (found by tests/test_cli_fuzz.py)."""
    from planner import ics_import

    def searched(*args):
        raise AssertionError("searched the file for a line number")

    now = dt.datetime(2027, 3, 1, tzinfo=dt.timezone.utc)
    ics = export_weeks([build_week(demo, "Laura", 2027, 11)], demo, now=now).ics
    monkeypatch.setattr(ics_import, "_line_of", searched)
    busy = read_busy(ics, timezone="Europe/Zurich", start=dt.datetime(2027, 3, 1, tzinfo=dt.timezone.utc),
                     end=dt.datetime(2027, 4, 1, tzinfo=dt.timezone.utc))
    assert len(busy) > 10
