"""What recording the change history costs an edit, against the same edit without it, in the same run.

``python -m benchmarks.bench_history [--sizes demo,100x250,500x1000] [--edits 40]``

For each size (the demo, then ``benchmarks.generate`` plans of reps x markets) two copies of a
database hold the plan: one records the history (as every change now does), the other has
recording switched off (no capture triggers; the save one plain transaction, as before the
history). Each edit is made on both, the recorded copy first every other time (the second finds
caches warm), so drift in the machine's speed hits both alike; the garbage collector is held off
while an edit is timed. Two paths:

``app``  the app's: the scenario is known, the command applied and saved with ``previous=``
         (``Session.do``); an assignment, a rep's hours, a market's weekly count, in turn.
``cli``  the command line's: ``commands.apply`` reads the plan and saves the change.

Printed: the median milliseconds per edit without and with the history and their ratio, the bytes
an edit stores in the history (its rows, before and after), what the import stored, and an undo.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import tempfile
from pathlib import Path

from planner import commands, history
from planner.storage import Store

from .bench_backups import scenario_of
from .timing import timed


@contextlib.contextmanager
def _plain(store, text, **_):
    yield history.Recording(text, "cli")  # Store.save's own transaction, nothing recorded


def without_triggers(store: Store) -> Store:
    for (name,) in store.db.execute("SELECT name FROM temp.sqlite_master WHERE type = 'trigger'").fetchall():
        store.db.execute(f"DROP TRIGGER temp.[{name}]")
    return store


@contextlib.contextmanager
def history_off():
    """``recording`` a no-op for the block (the plain copy has no triggers either)."""
    saved = history.recording, commands.recording
    history.recording = commands.recording = _plain
    try:
        yield
    finally:
        history.recording, commands.recording = saved


def edits(scenario, n: int) -> list:
    """``n`` edits that each change something, whatever came before: toggles, in turn."""
    reps, markets = [r.name for r in scenario.reps], [m.name for m in scenario.markets]
    activity = scenario.activities[0].name
    out = []
    for i in range(n):
        market = markets[(i * 7) % len(markets)]
        kind = i % 3
        if kind == 0:
            out.append(lambda s, m=market, i=i: commands.Assign(m, reps[(reps.index(s.rep_of(m)) + 1) % len(reps)]
                                                                if s.rep_of(m) else reps[i % len(reps)]))
        elif kind == 1:
            rep = reps[i % len(reps)]
            out.append(lambda s, r=rep: commands.EditRep(r, "hours", "Mon-Fri 08:00-16:00"
                                                         if str(s.rep(r).hours) != "Mon-Fri 08:00-16:00"
                                                         else "Mon-Fri 09:00-17:00"))
        else:
            out.append(lambda s, m=market: commands.SetWorkload(m, activity, s.market(m).weekly.get(activity, 0) % 5 + 1))
    return out


def measure(size: str, folder: Path, n: int) -> dict:
    scenario = scenario_of(size)
    store = Store(folder / "recorded.db")
    import_time = timed(lambda: store.save(scenario, text="Import"))
    store.close()
    shutil.copyfile(folder / "recorded.db", folder / "plain.db")
    stores = {True: Store(folder / "recorded.db"), False: without_triggers(Store(folder / "plain.db"))}
    known = {on: s.load() for on, s in stores.items()}

    def app_edit(on, make):
        store, before = stores[on], known[on]
        command = make(before)
        change = command.apply(before)
        with history.recording(store, command.text, source="app"):
            store.save(change.scenario, change.renamed_reps, change.renamed_markets, previous=before)
        known[on] = change.scenario

    def cli_edit(on, make):
        commands.apply(stores[on], make(stores[on].load()))

    times = {(path, on): [] for path in ("app", "cli") for on in (False, True)}
    for path, edit in (("app", app_edit), ("cli", cli_edit)):
        for i, make in enumerate(edits(scenario, n if path == "app" else max(6, n // 2))):
            for on in ((True, False) if i % 2 else (False, True)):
                with contextlib.nullcontext() if on else history_off():
                    times[(path, on)].append(timed(lambda: edit(on, make)))
        known = {on: s.load() for on, s in stores.items()}
    assert stores[True].load() == stores[False].load(), "the two copies hold different plans"
    store = stores[True]
    size_of = "SELECT count(*), sum(length(key) + ifnull(length(before), 0) + ifnull(length(after), 0)) " \
              "FROM history_rows WHERE revision = ?"
    last = history.latest(store)
    edit_rows, edit_bytes = store.db.execute(size_of, [last]).fetchone()
    import_rows, import_bytes = store.db.execute(size_of, [1]).fetchone()
    undo = timed(lambda: history.undo(store))
    for s in stores.values():
        s.close()
    median = {k: statistics.median(v) for k, v in times.items()}
    return {"size": size, "import": import_time, "median": median, "edit_rows": edit_rows, "edit_bytes": edit_bytes,
            "import_rows": import_rows, "import_bytes": import_bytes, "undo": undo}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="demo,100x250,500x1000")
    parser.add_argument("--edits", type=int, default=40, help="edits of the app's path per size (half as many on the CLI's)")
    args = parser.parse_args()
    print(f"{'size':>9}  {'app edit: plain':>15}  {'recorded':>8}  {'ratio':>5}  {'cli edit: plain':>15}  "
          f"{'recorded':>8}  {'ratio':>5}  {'an edit stores':>16}  {'the import stored':>22}  {'undo':>8}")
    for size in args.sizes.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            r = measure(size, Path(tmp), args.edits)
        m = r["median"]
        print(f"{r['size']:>9}  {m['app', False] * 1000:12.2f} ms  {m['app', True] * 1000:5.2f} ms  "
              f"{m['app', True] / m['app', False]:4.2f}x  {m['cli', False] * 1000:12.1f} ms  "
              f"{m['cli', True] * 1000:5.1f} ms  {m['cli', True] / m['cli', False]:4.2f}x  "
              f"{r['edit_rows']} row, {r['edit_bytes']:>5} B  {r['import_rows']:>5} rows, "
              f"{r['import_bytes'] / 1e6:5.2f} MB  {r['undo'] * 1000:5.1f} ms")


if __name__ == "__main__":
    main()
