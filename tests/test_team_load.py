"""The load test: 20 planners' processes x 200 changes each on one team plan (half of them editing the
same three reps), each on the plan it last read, as the app does. Afterwards every acknowledged change
is in the history exactly once with the value its writer wrote, the plan holds each rep's last
acknowledged value, and every other change was refused as a conflict and written nowhere: 0 lost,
0 duplicated (benchmarks/bench_team_load.py runs the same and prints changes per second)."""

from __future__ import annotations

import pytest

from benchmarks.bench_team_load import HOT, check, prepare, run


def test_twenty_writers_lose_and_duplicate_nothing_on_the_server(pg_url):
    prepare(pg_url, 20)
    load = run(pg_url, writers=20, changes=200, listen=True)
    assert check(pg_url, load, since=1) == []
    assert len(load.acked) + len(load.refused) == 20 * 200
    assert {rep for rep, _value in load.refused} <= set(HOT)        # only the reps others edit too
    assert load.refused and len(load.acked) > 10 * 200                # the hot reps clashed; the others never
    assert set(load.heard) == {revision for revision, *_rest in load.acked}   # every one announced, once
    print(f"\n{load.rate:,.0f} changes/s, {len(load.refused)} refused as conflicts")


@pytest.mark.parametrize("writers, changes", [(4, 50)])
def test_writers_on_one_file_follow_the_same_rule(tmp_path, writers, changes):
    where = str(tmp_path / "team.db")
    prepare(where, writers)
    load = run(where, writers=writers, changes=changes)
    assert check(where, load, since=1) == []
    assert len(load.acked) + len(load.refused) == writers * changes
