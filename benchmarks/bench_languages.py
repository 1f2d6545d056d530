"""`check` in French against English on the same plan, in one run: what the catalogue and Babel's
dates and numbers cost. ``python -m benchmarks.bench_languages [--weeks 13] [--runs 7]``.

The demo's quarter with every block placed (--stretch) writes the most sentences `check` can:
a flag a day per rep, each with its hours and dates.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import statistics
import tempfile
from pathlib import Path

from planner.cli import main

from .timing import timed


def run(argv: list[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(argv, today=dt.date(2027, 3, 17)) == 0
    return out.getvalue()


def bench(weeks: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "demo.db")
        run(["--db", db, "demo"])
        check = ["--db", db, "check", "--week", "2027-W11", "--weeks", str(weeks), "--stretch"]
        lines = len(run(["--lang", "fr", *check]).splitlines())  # also loads the catalogue and Babel's data
        times = {"en": [], "fr": []}
        for _ in range(runs):  # interleaved, so that a busy machine slows both alike
            for lang in times:
                times[lang].append(timed(lambda lang=lang: run(["--lang", lang, *check])))
    en, fr = (statistics.median(times[lang]) for lang in ("en", "fr"))
    print(f"check --weeks {weeks} --stretch on the demo ({lines} lines), median of {runs}: "
          f"English {en * 1000:.0f} ms, French {fr * 1000:.0f} ms, ratio {fr / en:.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=13)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    bench(options.weeks, options.runs)
