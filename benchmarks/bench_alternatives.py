"""What alternatives cost, against the plain operation each is built on, measured in the same run.

``python -m benchmarks.bench_alternatives [--sizes demo,100x250,500x1000] [--repeats 5]``

For each size (the demo, then ``benchmarks.generate`` plans of reps x markets) a database holds plan
P; plan Q is P with every other market given to the next rep or to nobody. Timed, each the median of
``repeats`` (the garbage collector held off while timed), in alternating order with its baseline:

``save``     ``alternatives save NAME`` (read the plan, store it whole under its old name, name the open
             one), against a plain recorded save of Q over P (what Apply plan writes).
``switch``   ``switch`` between P and Q (store the open plan whole, write the other into the tables),
             against that plain save of the same scenario Q over P, and back.
``undo``     undoing a switch, against undoing that plain save.
``compare``  ``compare A B`` of P and Q (every rep's week, twice), against ``check`` of P and of Q
             (the same rep_week accounts, unstretched), once each.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from planner import alternatives, history
from planner.comparison import compare_alternatives
from planner.model import Assignment
from planner.storage import Store
from planner.team import check

from .bench_backups import scenario_of
from .timing import timed

YEAR, WEEK = 2027, 11


def other_plan(p):
    """Every other market to the next rep, or to nobody: half the assignments differ."""
    reps = [r.name for r in p.reps]
    out = []
    for i, a in enumerate(p.assignments):
        if i % 4 == 1:
            continue
        out.append(Assignment(reps[(reps.index(a.rep) + 1) % len(reps)], a.market) if i % 4 == 3 else a)
    return p.replace(assignments=out)


def assigned(p):
    """The plan, every market given to a rep in turn when the generator left them all unassigned."""
    if p.assignments:
        return p
    return p.replace(assignments=[Assignment(p.reps[i % len(p.reps)].name, m.name) for i, m in enumerate(p.markets)])


def measure(size: str, folder: Path, repeats: int) -> dict:
    p = assigned(scenario_of(size))
    q = other_plan(p)
    store = Store(folder / f"{size}.db")
    store.save(p, text="Import")
    alternatives.save_as(store, "P")
    alternatives.save_as(store, "Q")
    store.save(q, previous=p, text="Make Q")  # Q open, P stored
    times = {k: [] for k in ("save", "plain save", "switch", "plain switch", "undo switch", "undo plain")}
    names = iter(range(10**6))

    def plain_save():  # Q over P and back: the same rows a switch writes into the tables
        store.save(p, previous=q, text="Plain save")
        store.save(q, previous=p, text="Plain save back")

    def switch_twice():
        alternatives.switch(store, "P")
        alternatives.switch(store, "Q")

    for i in range(repeats):
        pair = (("save", lambda: alternatives.save_as(store, f"Q{next(names)}")),
                ("plain save", lambda: store.save(p, previous=q, text="Plain save")))
        for key, fn in (pair if i % 2 else pair[::-1]):
            times[key].append(timed(fn))
            if key == "plain save":
                store.save(q, previous=p, text="Back")
        pair = (("switch", switch_twice), ("plain switch", plain_save))
        for key, fn in (pair if i % 2 else pair[::-1]):
            times[key].append(timed(fn) / 2)
    for i in range(repeats):
        alternatives.switch(store, "P")
        times["undo switch"].append(timed(lambda: history.undo(store)))
        store.save(p, previous=q, text="Plain save")
        times["undo plain"].append(timed(lambda: history.undo(store)))
    median = {k: statistics.median(v) for k, v in times.items()}
    row = store.db.execute("SELECT length(plan) FROM alternatives WHERE name = 'P'").fetchone()[0]

    def compare():
        sides = [(n, alternatives.stored_plan(store, n).scenario, None) for n in ("P", "current")]
        compare_alternatives(sides[0], sides[1], YEAR, WEEK)

    compare_time = timed(compare)
    check_time = timed(lambda: (check(p, YEAR, WEEK), check(store.load(), YEAR, WEEK)))
    store.close()
    return {"size": size, "median": median, "stored": row, "compare": compare_time, "check": check_time}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="demo,100x250,500x1000")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"{'size':>9}  {'save':>8}  {'plain save':>10}  {'ratio':>5}  {'switch':>8}  {'plain save':>10}  "
          f"{'ratio':>5}  {'undo switch':>11}  {'undo plain':>10}  {'ratio':>5}  {'compare':>8}  "
          f"{'check x2':>8}  {'ratio':>5}  {'a stored plan':>13}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes.split(","):
            r = measure(size, Path(tmp), args.repeats)
            m = r["median"]
            ms = lambda s: f"{s * 1000:.1f} ms"  # noqa: E731
            print(f"{size:>9}  {ms(m['save']):>8}  {ms(m['plain save']):>10}  {m['save'] / m['plain save']:>5.2f}  "
                  f"{ms(m['switch']):>8}  {ms(m['plain switch']):>10}  {m['switch'] / m['plain switch']:>5.2f}  "
                  f"{ms(m['undo switch']):>11}  {ms(m['undo plain']):>10}  {m['undo switch'] / m['undo plain']:>5.2f}  "
                  f"{r['compare']:>7.2f}s  {r['check']:>7.2f}s  {r['compare'] / r['check']:>5.2f}  "
                  f"{r['stored'] / 1024:>10.0f} KB", flush=True)


if __name__ == "__main__":
    main()
