"""Two planners on one plan (planner/conflicts.py), on a SQLite file and on PostgreSQL: a change made on
an older revision that touches a row changed meanwhile is refused, naming who changed it, and writes
nothing; one that touches other rows lands on top of the newer plan, keeping the colleague's rows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planner import commands, conflicts, history
from planner.model import Assignment
from planner.scenario_file import load
from planner.storage import DEMO_PATH, Store


@pytest.fixture
def plan(demo_on_both_engines):
    return demo_on_both_engines


def read(store: Store):
    """The plan as a planner reads it, and the revision it is at."""
    base = history.latest(store) or 0   # first: a revision landing between the two is seen, not missed
    return store.load(), base


def test_a_change_to_a_row_changed_meanwhile_is_refused_naming_who_and_nothing_of_it_is_written(plan, monkeypatch):
    claire, marc = Store(plan, create=False, source="app"), Store(plan, create=False, source="cli")
    marc_plan, marc_base = read(marc)
    monkeypatch.setattr(history, "_AUTHOR", ["claire"])
    done = conflicts.apply(claire, commands.Assign("Brazil", "Marco"), read(claire)[1])
    assert done.revision == marc_base + 1 and not done.caught_up
    monkeypatch.setattr(history, "_AUTHOR", ["marc"])
    # Marc, on the plan he read before Claire's change, gives Brazil to Laura and renames its rep's
    # market at once (two rows): refused whole
    with pytest.raises(conflicts.Conflict) as refused:
        conflicts.apply(marc, commands.SetAssignments(
            tuple(a if a.market != "Brazil" else Assignment("Laura", "Brazil", True) for a in marc_plan.assignments),
            "Lock Brazil with Laura"), marc_base, previous=marc_plan)
    assert str(refused.value) == (f"{marc.path}: not saved: claire (app) changed the assignment of Brazil meanwhile "
                                  f"(revision {done.revision}: Assign Brazil to Marco); the plan you changed was at "
                                  f"revision {marc_base}")
    assert refused.value.revision.author == "claire"
    assert history.latest(marc) == done.revision                    # no revision of Marc's
    assert marc.load().rep_of("Brazil") == "Marco"                  # Claire's assignment stands
    assert marc.db.execute("SELECT count(*) FROM history_capture").fetchone()[0] == 0   # nothing left over
    # Once Marc has read the newer plan, the same change lands.
    again = conflicts.apply(marc, commands.Assign("Brazil", "Laura"), read(marc)[1])
    assert again.revision == done.revision + 1 and marc.load().rep_of("Brazil") == "Laura"


def test_changes_to_other_rows_both_land_and_the_later_keeps_the_earlier_ones_rows(plan):
    claire, marc = Store(plan, create=False, source="app"), Store(plan, create=False, source="app")
    marc_plan, marc_base = read(marc)
    claire_plan, claire_base = read(claire)
    # Claire changes Nigeria (the last market); Marc, on the older plan, removes US West (the first),
    # which moves every market after it up one place, Nigeria included.
    first = conflicts.apply(claire, commands.EditMarket("Nigeria", "tier", "A"), claire_base, previous=claire_plan)
    second = conflicts.apply(marc, commands.RemoveMarket("US West"), marc_base, previous=marc_plan)
    assert second.caught_up and second.revision == first.revision + 1
    final = Store(plan, create=False).load()
    assert final.market("Nigeria").tier == "A"                      # not written back from Marc's older plan
    assert "US West" not in [m.name for m in final.markets]
    assert second.change.scenario == final                          # what Marc's app shows is the plan now
    assert [r.text for r in history.revisions(claire, 2)] == ["Remove market US West", "Change Nigeria's tier"]


def test_the_app_writes_no_stale_row_back_when_it_removes_a_row_after_a_colleagues_edit(plan):
    """Store.save's "write only what differs from what I read": the rows a removal renumbers are the
    colleague's, not the ones read before their change."""
    claire, marc = Store(plan, create=False), Store(plan, create=False)
    marc_plan, marc_base = read(marc)
    conflicts.apply(claire, commands.EditMarket("India", "value", "99000"), read(claire)[1])
    conflicts.apply(marc, commands.RemoveMarket("Gulf"), marc_base, previous=marc_plan)
    assert Store(plan, create=False).load().market("India").value == 99000


def test_a_second_process_on_the_same_file_is_refused_by_the_same_rule(tmp_path):
    """SQLite: another program's change to the same row, made while this one held an older plan."""
    path = tmp_path / "shared.db"
    store = Store(path, source="app")
    store.save(load(DEMO_PATH), text="Demo scenario")
    mine, base = read(store)
    other = subprocess.run([sys.executable, "-c", (
        "import sys; from planner import commands, conflicts, history; from planner.storage import Store\n"
        "s = Store(sys.argv[1], create=False)\n"
        "print(conflicts.apply(s, commands.EditRep('Laura', 'max_weekly_hours', '30'), history.latest(s)).revision)")
        , str(path)], capture_output=True, text=True, timeout=60)
    assert other.returncode == 0, other.stderr
    with pytest.raises(conflicts.Conflict, match=r"changed rep Laura meanwhile \(revision 2: Change Laura's max "
                                                 r"weekly hours\)"):
        conflicts.apply(store, commands.EditRep("Laura", "hours", "Mon-Thu 09:00-17:00"), base, previous=mine)
    assert store.load().rep("Laura").max_weekly_hours == 30 and history.latest(store) == 2


def test_on_a_team_plan_undo_takes_back_your_own_change_only(pg_url, monkeypatch, capsys):
    from planner.cli import main

    monkeypatch.setattr(history, "_AUTHOR", ["marc"])
    assert main(["--db", pg_url, "demo"]) == 0
    assert main(["--db", pg_url, "rep", "set", "Laura", "max-hours", "42"]) == 0
    monkeypatch.setattr(history, "_AUTHOR", ["claire"])
    assert main(["--db", pg_url, "market", "assign", "Brazil", "Marco"]) == 0
    monkeypatch.setattr(history, "_AUTHOR", ["marc"])
    capsys.readouterr()
    assert main(["--db", pg_url, "undo"]) == 2
    assert capsys.readouterr().err == ("error: revision 3 (Assign Brazil to Marco) is claire (cli)'s change; on a "
                                       "team's plan you undo your own changes only: ask them, or make the change "
                                       "yourself\n")
    guide = (Path(__file__).parent.parent / "docs" / "team-plan.md").read_text(encoding="utf-8")
    assert "  error: revision 3 (Assign Brazil to Marco) is claire (cli)'s change; on a team's plan you undo your own " \
           "changes only: ask them, or make the change yourself\n" in guide              # as the guide quotes it
    assert history.latest(Store(pg_url, create=False)) == 3
    assert main(["--db", pg_url, "undo", "--revision", "2"]) == 0      # his own, which nobody built on
    plan = Store(pg_url, create=False).load()
    assert plan.rep("Laura").max_weekly_hours == 45 and plan.rep_of("Brazil") == "Marco"


def test_a_pinned_block_moved_on_an_older_plan_is_refused_when_a_colleague_moved_it_meanwhile(plan):
    import datetime as dt

    from planner.calendar_store import CalendarStore

    utc, block = dt.timezone.utc, ("US East", "Demo", 0)
    claire, marc = Store(plan, create=False), Store(plan, create=False)
    base = read(marc)[1]
    with conflicts.change(claire, "Pin Laura's blocks in 2027-W11", read(claire)[1], tables=("pins",)):
        CalendarStore(claire).replace_pins("Laura", "2027-W11", {block: dt.datetime(2027, 3, 16, 14, tzinfo=utc)})
    with pytest.raises(conflicts.Conflict, match=r"changed a pinned block of Laura in 2027-W11 meanwhile"):
        with conflicts.change(marc, "Pin Laura's blocks in 2027-W11", base, tables=("pins",)):
            CalendarStore(marc).replace_pins("Laura", "2027-W11", {block: dt.datetime(2027, 3, 17, 15, tzinfo=utc)})
    assert CalendarStore(marc).pins("Laura", "2027-W11") == {block: dt.datetime(2027, 3, 16, 14, tzinfo=utc)}
    # Marco's blocks, which nobody moved since Marc read the plan, are his to move.
    with conflicts.change(marc, "Pin Marco's blocks in 2027-W11", base, tables=("pins",)):
        CalendarStore(marc).replace_pins("Marco", "2027-W11", {("DACH", "Demo", 0): dt.datetime(2027, 3, 16, 9, tzinfo=utc)})
    assert history.latest(marc) == base + 2


def test_a_refused_change_is_said_in_the_readers_language(tmp_path):
    from planner import i18n

    path = str(tmp_path / "team.db")
    store = Store(path)
    store.save(load(DEMO_PATH), text="Demo scenario")
    mine, base = read(store)
    conflicts.apply(Store(path, create=False), commands.Assign("Brazil", "Marco"), base)
    with i18n.using(i18n.Translator("fr")), pytest.raises(conflicts.Conflict) as refused:
        conflicts.apply(store, commands.Assign("Brazil", "Laura"), base, previous=mine)
    assert str(refused.value).startswith(f"{path} : non enregistré : ") and "révision 2 : Assign Brazil to Marco" \
        in str(refused.value)
