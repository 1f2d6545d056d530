import datetime as dt
import json


import pytest

from planner import scenario_file
from planner.cli import main
from planner.schedule import build_week

AD_HOC = ["overlap", "--rep-tz", "Europe/Zurich", "--rep-hours", "Mon-Fri 09:00-18:00",
          "--market-tz", "America/New_York", "--market-hours", "Mon-Fri 09:00-17:00"]


def run(capsys, *args, today=dt.date(2027, 3, 17)):
    code = main(list(args), today=today)
    out, err = capsys.readouterr()
    return code, out, err


def test_ad_hoc_overlap_json(capsys):
    code, out, err = run(capsys, *AD_HOC, "--week", "2027-W11", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["hours"] == 20
    assert data["intervals"][0] == {"start": "2027-03-15T14:00:00+01:00", "end": "2027-03-15T18:00:00+01:00"}
    assert len(data["intervals"]) == 5


def test_week_defaults_to_the_injected_today(capsys):
    _, out, _ = run(capsys, *AD_HOC, "--json", today=dt.date(2027, 3, 10))
    assert json.loads(out)["hours"] == 15


@pytest.mark.parametrize("args,expected", [
    (["--rep-tz", "Mars/Olympus"], "--rep-tz: not an IANA time zone"),
    (["--rep-hours", "Mon-Fri 09:00-25:00"], "--rep-hours: hours clause 1"),
    (["--week", "2027-W60"], "week: an ISO week looks like 2027-W11"),
    (["--market-hours", "Mon-Fry 09:00-17:00"], "'Fry'"),
])
def test_bad_input_exits_2_with_one_line(capsys, args, expected):
    argv = list(AD_HOC)
    for flag, value in zip(args[::2], args[1::2]):
        if flag in argv:
            argv[argv.index(flag) + 1] = value
        else:
            argv += [flag, value]
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert expected in err
    assert err.count("\n") == 1 and out == ""


def test_scenario_commands(capsys, tmp_path, demo):
    db = str(tmp_path / "p.db")
    assert run(capsys, "--db", db, "demo")[0] == 0
    code, out, _ = run(capsys, "--db", db, "reps", "--json")
    assert [r["name"] for r in json.loads(out)] == [r.name for r in demo.reps]
    code, out, _ = run(capsys, "--db", db, "markets", "--json")
    markets = json.loads(out)
    assert {m["name"]: m["rep"] for m in markets} == {a.market: a.rep for a in demo.assignments}
    code, out, _ = run(capsys, "--db", db, "overlap", "--week", "2027-W11", "--json")
    matrix = json.loads(out)
    assert matrix["reps"] == ["Laura", "Marco"] and len(matrix["hours"][0]) == len(demo.markets)
    code, out, _ = run(capsys, "--db", db, "overlap", "--rep", "Laura", "--market", "US East", "--week", "2027-W11", "--json")
    # Laura works 08:30-17:30 Zurich; NY 09:00 EDT is 14:00 CET: 3.5 h a day.
    assert json.loads(out)["hours"] == 17.5
    path = tmp_path / "out.json"
    assert run(capsys, "--db", db, "export-scenario", str(path))[0] == 0
    assert scenario_file.load(path) == demo


def test_import_replaces_and_demo_does_not_overwrite_silently(capsys, tmp_path, demo):
    db = str(tmp_path / "p.db")
    small = demo.replace(name="Small", markets=demo.markets[:2], assignments=demo.assignments[:2])
    scenario_file.save(small, tmp_path / "small.json")
    assert run(capsys, "--db", db, "import", str(tmp_path / "small.json"))[0] == 0
    code, _, err = run(capsys, "--db", db, "demo")
    assert code == 2 and "--replace" in err
    code, out, _ = run(capsys, "--db", db, "markets", "--json")
    assert len(json.loads(out)) == 2
    assert run(capsys, "--db", db, "demo", "--replace")[0] == 0


def test_a_bad_import_keeps_the_database(capsys, tmp_path):
    db = str(tmp_path / "p.db")
    run(capsys, "--db", db, "demo")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "rep-planner/1", "name": "x", "activities": [], "reps": [], "markets": [], "oops": 1}')
    code, _, err = run(capsys, "--db", db, "import", str(bad))
    assert code == 2 and "oops: unknown key" in err
    _, out, _ = run(capsys, "--db", db, "reps", "--json")
    assert len(json.loads(out)) == 2


def test_unknown_rep_in_scenario_overlap(capsys, tmp_path, demo_db):
    db = demo_db
    code, _, err = run(capsys, "--db", db, "overlap", "--rep", "Nobody", "--market", "US East")
    assert code == 2 and "no rep has this name" in err


def test_console_script_runs(tmp_path):
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "planner.cli", *AD_HOC, "--week", "2027-W13", "--json"],
                            capture_output=True, text=True, check=True)
    assert json.loads(result.stdout)["hours"] == 15


def test_assign_prints_the_plan_and_apply_stores_it(capsys, tmp_path, demo_db):
    db = demo_db
    code, out, err = run(capsys, "--db", db, "assign", "--week", "2027-W11", "--json")
    assert code == 0, err
    plan = json.loads(out)
    assert plan["status"] in ("optimal", "feasible") and plan["gap"] == 0
    for key in ("rep", "market", "overlap_hours", "load_hours", "value"):
        assert key in plan["assignments"][0]
    assert {u["market"] for u in plan["unassigned"]} >= {"US West", "Australia", "New Zealand"}
    assert all(set(h) >= {"timezone", "markets", "value"} for h in plan["hire"])
    # Not applied yet: the demo's cover-everything assignment is still stored.
    _, out, _ = run(capsys, "--db", db, "markets", "--json")
    assert {m["name"]: m["rep"] for m in json.loads(out)}["US West"] == "Laura"
    assert run(capsys, "--db", db, "assign", "--week", "2027-W11", "--apply")[0] == 0
    _, out, _ = run(capsys, "--db", db, "markets", "--json")
    stored = {m["name"]: m["rep"] for m in json.loads(out)}
    assert stored == {a["market"]: a["rep"] for a in plan["assignments"]} | {
        u["market"]: None for u in plan["unassigned"]}


def test_schedule_json_gives_instants_with_offsets(capsys, tmp_path, demo_db):
    db = demo_db
    code, out, err = run(capsys, "--db", db, "schedule", "--week", "2027-W11", "--rep", "Laura", "--json")
    assert code == 0, err
    data = json.loads(out)
    event = data["events"][0]
    assert set(event) >= {"rep", "market", "activity", "start", "end", "outside_hours"}
    assert event["start"].endswith("+01:00")  # Zurich in March, before the change
    assert all(set(u) >= {"rep", "market", "activity", "minutes", "reason"} for u in data["unplaced"])
    code, out, _ = run(capsys, "--db", db, "schedule", "--week", "2027-W11", "--stretch", "--json")
    stretched = json.loads(out)
    assert not stretched["unplaced"] and any(e["outside_hours"] for e in stretched["events"])


def test_check_json_lists_flags_per_rep(capsys, tmp_path, demo_db):
    db = demo_db
    code, out, err = run(capsys, "--db", db, "check", "--week", "2027-W11", "--weeks", "2", "--stretch", "--json")
    assert code == 0, err
    reps = json.loads(out)["reps"]
    assert [r["rep"] for r in reps] == ["Laura", "Marco"]
    flag = reps[0]["flags"][0]
    assert set(flag) >= {"rule", "severity", "value", "threshold", "days", "source"}
    assert flag["severity"] == "critical" and flag["rule"] == "weekly_hours"
    code, _, err = run(capsys, "--db", db, "check", "--weeks", "0")
    assert code == 2 and "--weeks" in err


def test_compare_shows_both_plans(capsys, tmp_path, demo_db):
    code, out, err = run(capsys, "--db", demo_db, "compare", "--week", "2027-W11", "--json")
    assert code == 0, err
    reps = json.loads(out)["reps"]
    for r in reps:
        assert r["cover_everything"]["hours"] > r["optimised"]["hours"]
        assert r["optimised"]["flags"] == []


def test_export_then_re_export_reports_changes_and_import_busy(capsys, tmp_path, demo_db):
    db, out = demo_db, tmp_path / "team.ics"
    code, text, err = run(capsys, "--db", db, "export", "--week", "2027-W11", "-o", str(out), "--json")
    assert code == 0, err
    first = json.loads(text)["files"][0]
    assert first["events"] > 0 and first["new"] == first["events"]
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    _, text, _ = run(capsys, "--db", db, "export", "--week", "2027-W11", "-o", str(out), "--json")
    again = json.loads(text)["files"][0]
    assert (again["new"], again["changed"], again["removed"]) == (0, 0, [])
    code, text, _ = run(capsys, "--db", db, "export", "--week", "2027-W11", "--per-rep", "-o", str(tmp_path / "reps"))
    assert code == 0 and sorted(p.name for p in (tmp_path / "reps").iterdir()) == ["Laura.ics", "Marco.ics"]
    # Marco's existing meetings: Laura's whole week, as a calendar he imports.
    code, text, err = run(capsys, "--db", db, "import-busy", str(tmp_path / "reps" / "Laura.ics"), "--rep", "Marco",
                          today=dt.date(2027, 3, 1))
    assert code == 0, err
    _, text, _ = run(capsys, "--db", db, "schedule", "--week", "2027-W11", "--rep", "Marco", "--json")
    marco = json.loads(text)["events"]
    _, text, _ = run(capsys, "--db", db, "schedule", "--week", "2027-W11", "--rep", "Laura", "--json")
    laura = json.loads(text)["events"]
    busy = [(dt.datetime.fromisoformat(e["start"]), dt.datetime.fromisoformat(e["end"])) for e in laura]
    for e in marco:
        start, end = dt.datetime.fromisoformat(e["start"]), dt.datetime.fromisoformat(e["end"])
        assert all(end <= b0 or b1 <= start for b0, b1 in busy)


def test_import_busy_refuses_a_broken_file_and_keeps_what_was_there(capsys, tmp_path, demo_db):
    db = demo_db
    bad = tmp_path / "bad.ics"
    bad.write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20270315T100000Z\r\n")
    code, _, err = run(capsys, "--db", db, "import-busy", str(bad), "--rep", "Laura")
    assert code == 2 and "ends before END:VEVENT" in err


def test_check_on_the_demo_flags_unplaced_work_for_both_reps(capsys, tmp_path, demo_db, demo):
    from planner.team import cover_choices

    assert cover_choices(demo, 2027, 11) == []  # the demo assigns every market
    db = demo_db
    code, out, err = run(capsys, "--db", db, "check", "--week", "2027-W11")
    assert code == 0, err
    assert "no flags" not in out
    lines = out.splitlines()
    week = {r: build_week(demo, r, 2027, 11) for r in ("Laura", "Marco")}
    missing = {r: sum(u.minutes for u in w.unplaced) / 60 for r, w in week.items()}
    assert "Laura: 40 h of working time in 2027-W11, 30 h of work not placed" in lines
    assert f"Marco: 40 h of working time in 2027-W11, {missing['Marco']:g} h of work not placed" in lines
    assert [line.split(":")[0].split() for line in lines if "unplaced_work" in line] == [
        ["CRITICAL", "unplaced_work"]] * 2
    live = sum(u.minutes for u in week["Laura"].unplaced if u.live) / 60
    assert (f"{len(week['Laura'].unplaced)} blocks ({live:g} h of live work, {30 - live:g} h of async work) "
            "could not be placed: US West Demo:") in out
    code, out, _ = run(capsys, "--db", db, "check", "--week", "2027-W11", "--json")
    laura = json.loads(out)["reps"][0]
    assert {k: laura[k] for k in ("working_hours", "capacity_hours", "placed_hours", "unplaced_hours",
                                  "unplaced_live_hours", "unplaced_async_hours", "unplaced_blocks",
                                  "load_hours")} == {
        "working_hours": 40, "capacity_hours": 40, "placed_hours": 40, "unplaced_hours": 30,
        "unplaced_live_hours": live, "unplaced_async_hours": 30 - live,
        "unplaced_blocks": len(week["Laura"].unplaced), "load_hours": 70}
    assert laura["load_hours"] == sum(demo.workload(m).total_hours for m in demo.markets_of("Laura"))
    assert laura["unplaced_reasons"] and laura["accounts"][0]["week"] == "2027-W11"
    flag = next(f for f in laura["flags"] if f["rule"] == "unplaced_work")
    assert (flag["severity"], flag["value"], flag["week"]) == ("critical", 30, "2027-W11")


def test_check_over_several_weeks_names_the_week_of_each_flag(capsys, tmp_path, demo_db):
    db = demo_db
    code, out, err = run(capsys, "--db", db, "check", "--week", "2027-W11", "--weeks", "2", "--rep", "Laura")
    assert code == 0, err
    lines = [line for line in out.splitlines() if line.startswith("Laura: ")]  # after the quarter's table
    assert lines[:2] == ["Laura: 40 h of working time in 2027-W11, 30 h of work not placed",
                         "Laura: 32 h of working time in 2027-W12, 38 h of work not placed"]  # Good Friday
    flags = [line for line in out.splitlines() if line.startswith("  ")]
    assert [line.split(":")[0].split()[-1] for line in flags] == ["(2027-W11)", "(2027-W12)"]


def test_schedule_and_export_summaries_report_the_blocks_not_placed(capsys, tmp_path, demo_db, demo):
    week = {r: build_week(demo, r, 2027, 11) for r in ("Laura", "Marco")}
    laura = week["Laura"]
    db = demo_db
    code, out, err = run(capsys, "--db", db, "schedule", "--week", "2027-W11", "--rep", "Laura")
    assert code == 0, err
    assert out.splitlines()[0] == (f"Laura (Europe/Zurich), 2027-W11: {len(laura.events)} blocks (40 h), "
                                   f"0 outside working hours, {len(laura.unplaced)} not placed (30 h)")
    code, out, _ = run(capsys, "--db", db, "schedule", "--week", "2027-W11", "--rep", "Laura", "--json")
    data = json.loads(out)
    assert data["reps"][0]["unplaced_blocks"] == len(data["unplaced"]) == len(laura.unplaced)
    assert sum(u["live"] for u in data["unplaced"]) == sum(u.live for u in laura.unplaced) > 0
    code, out, err = run(capsys, "--db", db, "export", "--week", "2027-W11", "-o", str(tmp_path / "t.ics"))
    assert code == 0, err
    events = sum(len(w.events) for w in week.values())
    missing = sum(len(w.unplaced) for w in week.values())
    hours = sum(u.minutes for w in week.values() for u in w.unplaced) / 60
    assert out.splitlines()[0] == (f"Wrote {events} events to " + str(tmp_path / "t.ics") + f" ({events} new, "
                                   f"0 changed, 0 removed); {missing} blocks ({hours:g} h of work) could not be placed")
    assert out.splitlines()[1].startswith("  not placed: Laura: ")


def test_overlap_of_scenario_reps_takes_lunch_out_and_says_so(capsys, tmp_path, demo_db):
    db = demo_db
    code, out, err = run(capsys, "--db", db, "overlap", "--rep", "Laura", "--market", "UK & Ireland",
                         "--week", "2027-W11")
    assert code == 0, err
    # London 09:00-17:30 is 10:00-18:30 in Zurich; Laura works 08:30-17:30: 7.5 h a day, less lunch.
    assert out.splitlines()[0] == "32.5 h of overlap (Laura's lunch 12:00-13:00 taken out)"
    assert out.splitlines()[1] == "  Mon 2027-03-15 10:00 - 12:00 (Europe/Zurich, 2 h)"
    _, out, _ = run(capsys, "--db", db, "overlap", "--rep", "Laura", "--market", "UK & Ireland",
                    "--week", "2027-W11", "--json")
    data = json.loads(out)
    assert data["hours"] == 32.5 and data["lunch_excluded"] is True
    _, out, _ = run(capsys, "--db", db, "overlap", "--week", "2027-W11")
    assert out.splitlines()[0] == "Overlap hours, 2027-W11 (lunch 12:00-13:00 taken out)"
    # Two bare sides have no lunch: the ad-hoc form stays raw.
    _, out, _ = run(capsys, "overlap", "--rep-tz", "Europe/Zurich", "--rep-hours", "Mon-Fri 08:30-17:30",
                    "--market-tz", "Europe/London", "--market-hours", "Mon-Fri 09:00-17:30", "--week", "2027-W11")
    assert out.splitlines()[0] == "37.5 h of overlap"


def test_assign_and_compare_give_the_optimiser_the_reps_busy_times_and_pins(capsys, tmp_path, monkeypatch):
    import planner.territories as territories
    from planner.calendars import calendar_inputs
    from planner.calendar_store import CalendarStore
    from planner.storage import open_store

    db = str(tmp_path / "p.db")
    run(capsys, "--db", db, "demo")
    store = open_store(db)
    busy_start = dt.datetime(2027, 3, 15, 9, tzinfo=dt.timezone.utc)
    pin = {("US East", "Demo", 0): dt.datetime(2027, 3, 16, 14, tzinfo=dt.timezone.utc)}
    (tmp_path / "busy.ics").write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
        "DTSTAMP:20270301T000000Z\r\nDTSTART:20270315T090000Z\r\nDTEND:20270315T110000Z\r\nSUMMARY:x\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n")
    assert run(capsys, "--db", db, "import-busy", str(tmp_path / "busy.ics"), "--rep", "Marco",
               today=dt.date(2027, 3, 1))[0] == 0
    CalendarStore(store).replace_pins("Laura", "2027-W11", pin)
    busy, pins = calendar_inputs(store, store.load(), 2027, 11)
    assert busy == {"Laura": [], "Marco": [(busy_start, busy_start + dt.timedelta(hours=2))]}
    assert pins == {"Laura": pin, "Marco": {}}
    seen = []
    real = territories.optimise

    def spy(scenario, year, week, **kwargs):
        seen.append((kwargs.get("busy"), kwargs.get("pins")))
        return real(scenario, year, week, **kwargs)

    monkeypatch.setattr(territories, "optimise", spy)
    assert run(capsys, "--db", db, "assign", "--week", "2027-W11", "--time-limit", "5")[0] == 0
    assert run(capsys, "--db", db, "compare", "--week", "2027-W11", "--time-limit", "5")[0] == 0
    assert seen == [(busy, pins), (busy, pins)]


def test_compare_says_how_cover_all_assigned_the_markets_nobody_covered(capsys, tmp_path, demo):
    db = str(tmp_path / "p.db")
    open_demo = demo.replace(assignments=[a for a in demo.assignments if a.market != "US West"])
    scenario_file.save(open_demo, tmp_path / "s.json")
    run(capsys, "--db", db, "import", str(tmp_path / "s.json"))
    code, out, err = run(capsys, "--db", db, "compare", "--week", "2027-W11", "--time-limit", "5")
    assert code == 0, err
    assert out.splitlines()[-2:] == ['"Cover all" gave the markets nobody covers to:',
                                     "  US West -> Marco (most shared hours: 5 h)"]
    _, out, _ = run(capsys, "--db", db, "compare", "--week", "2027-W11", "--time-limit", "5", "--json")
    assert json.loads(out)["cover_all"] == [{"market": "US West", "rep": "Marco", "shared_hours": 5,
                                             "reason": "most shared hours: 5 h"}]


@pytest.mark.parametrize("source", ["demo", "generated"])
def test_assign_check_and_the_optimiser_give_each_rep_the_same_load_and_capacity(capsys, tmp_path, demo_db, source):
    """One account: after `assign --apply`, each rep's load and capacity in `assign` are what
    `check` reports for the same week, and nothing is left unplaced."""
    db = demo_db
    if source == "generated":
        from benchmarks.generate import generate
        scenario_file.save(generate(12, 40, seed=2), tmp_path / "g.json")
        assert run(capsys, "--db", db, "import", str(tmp_path / "g.json"), "--replace")[0] == 0
    code, out, err = run(capsys, "--db", db, "assign", "--week", "2027-W11", "--apply", "--json")
    assert code == 0, err
    plan = {r["rep"]: r for r in json.loads(out)["reps"]}
    code, out, err = run(capsys, "--db", db, "check", "--week", "2027-W11", "--json")
    assert code == 0, err
    for account in json.loads(out)["reps"]:
        mine = plan[account["rep"]]
        assert account["load_hours"] == pytest.approx(mine["load_hours"]), account["rep"]
        assert account["capacity_hours"] == pytest.approx(mine["capacity_hours"]), account["rep"]
        assert account["unplaced_blocks"] == 0 and not any(f["rule"] == "unplaced_work" for f in account["flags"])


def test_reps_and_markets_serialise_the_plan_once(capsys, tmp_path, monkeypatch):
    """`reps --json` on 500 reps took 51 s: the whole plan was serialised again for every row."""
    from benchmarks.generate import generate
    from planner.storage import Store
    from planner.team import cover_everything

    scenario = cover_everything(generate(12, 30), 2027, 11)
    db = tmp_path / "big.db"
    store = Store(db)
    store.save(scenario)
    store.close()
    calls = []
    real = scenario_file.scenario_to_dict
    monkeypatch.setattr(scenario_file, "scenario_to_dict", lambda s: calls.append(1) or real(s))
    for command in ("reps", "markets"):
        calls.clear()
        code, out, err = run(capsys, "--db", str(db), command, "--json")
        assert code == 0, err
        assert len(calls) == 1
    reps = json.loads(run(capsys, "--db", str(db), "reps", "--json")[1])
    assert {r["name"]: r["markets"] for r in reps} == {
        r.name: [m.name for m in scenario.markets_of(r.name)] for r in scenario.reps}
    markets = json.loads(run(capsys, "--db", str(db), "markets", "--json")[1])
    assert {m["name"]: m["rep"] for m in markets} == {m.name: scenario.rep_of(m.name) for m in scenario.markets}
