"""Many planners writing one team's plan at once: throughput, refusals, and how fast apps hear of it.

``python -m benchmarks.bench_team_load [--writers 20] [--changes 200] [--db URL]``

Each writer is a process with its own connection (:class:`planner.storage.Store`), making ``--changes``
edits of a rep's weekly hours one after another, each on the plan it last read, as an app does
(:func:`planner.conflicts.apply`): half the writers edit the same three reps ("hot"), the other half one
rep each. A refused change (a colleague changed that rep meanwhile) is counted and the plan read
again; nothing is retried. Every value written is unique, so the history and the final plan can be
checked against what each writer was told (:func:`check`, which the load test runs too). A listener
(:class:`planner.engines.pg_notify.Listener`) times each revision's announcement from its writer's
acknowledgement.

The server is ``--db`` (a PostgreSQL URL whose database is replaced) or a throwaway local cluster as
the tests start theirs (tests/pg_server.py). Baseline, in the same run: one writer making the same
number of changes alone.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HOT = ("Hot 1", "Hot 2", "Hot 3")


@dataclass
class Load:
    """What the writers were told: ``acked`` (revision, rep, value, monotonic time acknowledged),
    ``refused`` (rep, value); ``seconds`` the run's wall time; ``heard`` revision -> time announced."""

    acked: list = field(default_factory=list)
    refused: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    seconds: float = 0.0
    heard: dict = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return (len(self.acked) + len(self.refused)) / self.seconds


def rep_of(writer: int, change: int, hot_writers: int) -> str:
    return HOT[(writer + change) % len(HOT)] if writer < hot_writers else f"Own {writer}"


def value_of(writer: int, change: int, changes: int) -> float:
    """A weekly-hours figure no other change writes: 10.000, 10.001, ..."""
    return 10 + (writer * changes + change) / 1000


def prepare(where: str, writers: int) -> None:
    """The demo's reps and activities (no markets: the changes are to reps, and each change made on an
    older plan reads the whole plan again under the change's lock), the three hot reps and one rep of
    each writer's own."""
    from planner import commands
    from planner.scenario_file import load
    from planner.storage import DEMO_PATH, Store

    plan = load(DEMO_PATH).replace(markets=(), assignments=())
    laura = plan.rep("Laura")
    extra = [dataclasses.replace(laura, name=n) for n in (*HOT, *(f"Own {w}" for w in range(writers)))]
    store = Store(where)
    store.save(commands.UpsertReps(tuple(extra)).apply(plan).scenario, text="Load test plan")
    store.close()


def _writer(where: str, w: int, changes: int, hot_writers: int, out, start) -> None:
    """One planner's process: its changes, then what it was told, sent through ``out``."""
    from planner import commands, conflicts, history
    from planner.errors import PlannerError
    from planner.storage import Store

    acked, refused, failed = [], [], []
    store = Store(where, create=False, source="cli")
    base = history.latest(store) or 0
    plan = store.load()
    start.wait()
    try:
        for i in range(changes):
            rep, value = rep_of(w, i, hot_writers), value_of(w, i, changes)
            try:
                done = conflicts.apply(store, commands.EditRep(rep, "max_weekly_hours", value), base, previous=plan)
            except conflicts.Conflict:
                refused.append((rep, value))
                base = history.latest(store) or 0
                plan = store.load()
                continue
            except PlannerError as exc:  # not a conflict: the load test fails on any
                failed.append(str(exc))
                continue
            acked.append((done.revision, rep, value, time.monotonic()))  # one clock for every process
            plan, base = done.change.scenario, done.at
    finally:
        store.close()
        out.send((acked, refused, failed))
        out.close()


def run(where: str, writers: int = 20, changes: int = 200, listen: bool = False) -> Load:
    """``writers`` processes x ``changes`` edits on the plan at ``where`` (prepared: :func:`prepare`)."""
    import multiprocessing

    # Each writer forks from a fresh server process, not from this one (a test's, which may hold Qt's
    # threads); the modules a writer uses are loaded there once.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["planner.conflicts", "planner.commands",
                                    "planner.storage", "planner.engines.postgres"])
    load = Load()
    start = context.Barrier(writers + 1)
    stop = threading.Event()
    listener = None
    if listen:
        from planner.engines.pg_notify import Listener

        listener = Listener(where)
        listener.open()

        def hear():
            while not stop.is_set():
                for n in listener.wait(0.1):
                    load.heard.setdefault(n, time.monotonic())

        hearing = threading.Thread(target=hear)
    pipes, processes = [], []
    for w in range(writers):
        mine, theirs = context.Pipe(duplex=False)
        processes.append(context.Process(target=_writer, args=(where, w, changes, writers // 2, theirs, start)))
        pipes.append(mine)
    for p in processes:
        p.start()
    if listener is not None:
        hearing.start()
    start.wait()
    began = time.perf_counter()
    for mine in pipes:
        acked, refused, failed = mine.recv()
        load.acked += acked
        load.refused += refused
        load.failed += failed
    load.seconds = time.perf_counter() - began
    for p in processes:
        p.join()
    if listener is not None:
        deadline = time.monotonic() + 5
        newest = max((a[0] for a in load.acked), default=0)
        while newest not in load.heard and time.monotonic() < deadline:
            time.sleep(0.05)
        stop.set()
        hearing.join()
        listener.close()
    return load


def check(where: str, load: Load, since: int) -> list[str]:
    """What is wrong with the plan after ``load`` (nothing, when every acknowledged change is in the
    history once, with its value, the plan holds each rep's last acknowledged value, and no refused
    value was written anywhere); ``since`` is the revision before the load."""
    import json

    from planner.storage import Store

    store = Store(where, create=False, read_only=True)
    problems = []
    numbers = [r[0] for r in store.db.execute("SELECT revision FROM history WHERE revision > ? ORDER BY revision",
                                               [since])]
    acked = sorted(load.acked)
    if numbers != [a[0] for a in acked]:
        lost = {a[0] for a in acked} - set(numbers)
        problems.append(f"history holds {len(numbers)} revisions for {len(acked)} acknowledged changes "
                        f"(lost: {sorted(lost)[:5]}, unacknowledged: {sorted(set(numbers) - {a[0] for a in acked})[:5]})")
    written = {}
    for number, key, after in store.db.execute(
            "SELECT revision, key, after FROM history_rows WHERE revision > ? AND table_name = 'reps'", [since]):
        written.setdefault(number, []).append((json.loads(key)[0], json.loads(after)["max_weekly_hours"]))
    for number, rep, value, _when in acked:
        if written.get(number) != [(rep, value)]:
            problems.append(f"revision {number} holds {written.get(number)}, not {rep} = {value}")
    values = [v for rows in written.values() for _rep, v in rows]
    if len(values) != len(set(values)):
        problems.append("a value was written twice")
    refused = {v for _rep, v in load.refused} & set(values)
    if refused:
        problems.append(f"refused values were written: {sorted(refused)[:5]}")
    last = {}
    for number, rep, value, _when in acked:
        last[rep] = value
    plan = store.load()
    for rep, value in last.items():
        if plan.rep(rep).max_weekly_hours != value:
            problems.append(f"{rep} holds {plan.rep(rep).max_weekly_hours}, the last acknowledged is {value}")
    store.close()
    return problems + load.failed


def _server():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests import pg_server

    cluster = pg_server.start()
    if cluster.password and not os.environ.get("PGPASSWORD"):
        os.environ["PGPASSFILE"] = str(cluster.pgpass(Path(tempfile.mkdtemp(prefix="bench-pgpass-"))))
    return (lambda: pg_server.fresh_database(cluster)), cluster.stop


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--changes", type=int, default=200)
    args = parser.parse_args(argv)
    fresh, stop = _server()
    try:
        alone_url = fresh()
        prepare(alone_url, 1)
        alone = run(alone_url, 1, args.changes)
        url = fresh()
        prepare(url, args.writers)
        load = run(url, args.writers, args.changes, listen=True)
        problems = check(url, load, 1)
    finally:
        stop()
    delays = [load.heard[n] - when for n, _r, _v, when in load.acked if n in load.heard]
    print(f"one writer alone:     {args.changes} changes in {alone.seconds:.2f} s = {alone.rate:,.0f} changes/s")
    print(f"{args.writers} writers at once: {args.writers * args.changes} changes in {load.seconds:.2f} s = "
          f"{load.rate:,.0f} changes/s ({load.rate / alone.rate:.2f}x one writer)")
    print(f"acknowledged {len(load.acked)}, refused as conflicts {len(load.refused)} "
          f"(hot reps: {sum(r in HOT for r, _v in load.refused)}), lost 0 and duplicated 0: "
          f"{'yes' if not problems else 'NO: ' + problems[0]}")
    if delays:
        print(f"announcement heard after the writer's acknowledgement: median {statistics.median(delays) * 1000:.1f} ms, "
              f"max {max(delays) * 1000:.1f} ms ({len(delays)} of {len(load.acked)} heard)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
