"""Kill a process mid-write 200 times: the database always opens, whole, with every reported commit.

A forked child applies random edits, one transaction each, and reports each
commit on a pipe; the parent kills it with SIGKILL after a random number of
reports (so at a random moment of the next write), then checks the file.
Every edit sets the market "India"'s value to its number, and the edits are
a pure function of that number, so the parent knows exactly which scenario
must be stored: the one after the last reported edit, or the one after it
(committed, killed before it could say so).
"""

import dataclasses
import os
import random
import signal

from planner.storage import Store, open_store

ROUNDS = int(os.environ.get("REP_PLANNER_KILLS", "200"))


def edit(scenario, n: int):
    """Edit number ``n``: India's value becomes n, plus one random change."""
    rng = random.Random(n)
    markets = list(scenario.markets)
    reps = list(scenario.reps)
    assignments = list(scenario.assignments)
    i = next(k for k, m in enumerate(markets) if m.name == "India")
    markets[i] = dataclasses.replace(markets[i], value=n)
    kind = rng.choice(["hours", "workload", "assign", "rename-market", "tier"])
    if kind == "hours":
        r = rng.randrange(len(reps))
        reps[r] = dataclasses.replace(reps[r], max_weekly_hours=rng.randint(20, 60))
    elif kind == "workload":
        m = rng.randrange(len(markets))
        weekly = dict(markets[m].weekly)
        weekly["Demo"] = rng.randint(0, 9)
        markets[m] = dataclasses.replace(markets[m], weekly=weekly)
    elif kind == "assign":
        market = rng.choice([m.name for m in markets])
        rep = rng.choice([r.name for r in reps] + [None])
        assignments = [a for a in assignments if a.market != market]
        if rep:
            assignments.append(dataclasses.replace(scenario.assignments[0], rep=rep, market=market, locked=False))
    elif kind == "rename-market":
        m = rng.choice([k for k, x in enumerate(markets) if x.name != "India"])
        old = markets[m].name
        new = old + "*" if not old.endswith("*" * 3) else old.rstrip("*")
        markets[m] = dataclasses.replace(markets[m], name=new)
        assignments = [dataclasses.replace(a, market=new) if a.market == old else a for a in assignments]
    else:
        m = rng.randrange(len(markets))
        markets[m] = dataclasses.replace(markets[m], tier=rng.choice("ABC"))
    return scenario.replace(reps=reps, markets=markets, assignments=assignments)


def _child(path, write_fd, start: int) -> None:
    store = Store(path)
    scenario = store.load()
    n = start
    while True:
        n += 1
        scenario = edit(scenario, n)
        store.save(scenario)
        os.write(write_fd, f"{n}\n".encode())


def test_two_hundred_kills_lose_nothing(tmp_path):
    path = tmp_path / "plans.db"
    store = open_store(path)
    expected = store.load()
    expected = expected.replace(markets=[dataclasses.replace(m, value=0) if m.name == "India" else m
                                         for m in expected.markets])
    store.save(expected)
    store.close()
    done, rng, clean, lost = 0, random.Random(7), 0, 0
    for _ in range(ROUNDS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: edit until killed
            os.close(read_fd)
            try:
                _child(str(path), write_fd, done)
            finally:
                os._exit(0)
        os.close(write_fd)
        wanted, reported, buffer = rng.randint(1, 4), done, b""
        while buffer.count(b"\n") < wanted:
            chunk = os.read(read_fd, 64)
            if not chunk:
                break
            buffer += chunk
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        while chunk:  # what it reported between the last read and the kill (a busy machine lets it run on)
            chunk = os.read(read_fd, 64)
            buffer += chunk
        os.close(read_fd)
        lines = buffer.split(b"\n")
        reported = int(lines[-2]) if len(lines) > 1 else done
        check = Store(path)
        assert check.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = check.load()
        check.close()
        counter = int(stored.market("India").value)
        if counter < reported:
            lost += 1
        assert counter in (reported, reported + 1), (counter, reported)
        for n in range(done + 1, counter + 1):
            expected = edit(expected, n)
        assert stored == expected
        done = counter
        clean += 1
    print(f"kill harness: {clean}/{ROUNDS} clean recoveries, {lost} lost commits, {done} commits in all")
    assert clean == ROUNDS and lost == 0
