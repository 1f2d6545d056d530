"""The guides' console examples, run as written: each ``$ rep-planner`` line of a ```console block
and what the guide shows printed under it."""

import datetime as dt
import functools
import shlex
from pathlib import Path

ROOT = Path(__file__).parent.parent
PROMPT = "$ rep-planner "


def console_lines(text: str) -> list[tuple[list[str], list[str]]]:
    """Each ``$ rep-planner`` line of ``text``'s console blocks, as argv, and the lines shown under it."""
    steps, in_block = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            in_block = line == "```console"
        elif in_block and line.startswith(PROMPT):
            steps.append((shlex.split(line[len(PROMPT):]), []))
        elif in_block:
            steps[-1][1].append(line)
    return steps


def console_steps(path: Path, section: str | None = None) -> list[tuple[list[str], str]]:
    """Each step of the guide at ``path`` (of its ``## section`` only, if named), its output as one text."""
    text = path.read_text(encoding="utf-8")
    if section is not None:
        text = text.split(f"## {section}")[1].split("\n## ")[0]
    return [(argv, "\n".join(out)) for argv, out in console_lines(text)]


def runs_as_written(steps, run) -> None:
    """Each step, run (``run(argv)`` gives its exit code and all it printed), prints what the guide
    shows and exits with 2 where the guide shows an error, else 0."""
    for argv, expected in steps:
        code, printed = run(argv)
        assert printed.rstrip("\n") == expected, argv
        assert code == (2 if expected.startswith("error: ") else 0), argv


def shows(printed: list[str], expected: list[str]) -> bool:
    """``printed`` is ``expected``, where a line "..." stands for any lines (at least one)."""
    if not expected:
        return not printed
    if expected[0].strip() == "...":
        return any(shows(printed[i:], expected[1:]) for i in range(1, len(printed) + 1))
    return bool(printed) and printed[0] == expected[0] and shows(printed[1:], expected[1:])


def runs_as_shown(steps, run) -> None:
    """As :func:`runs_as_written`, for steps of :func:`console_lines`, where a line "..." the guide
    shows stands for lines it leaves out."""
    for argv, expected in steps:
        code, printed = run(argv)
        assert shows(printed.rstrip("\n").splitlines(), expected), (argv, printed)
        assert code == (2 if expected[0].startswith("error: ") else 0), argv


def guide_clock(monkeypatch) -> None:
    """The command line as the guides show it: a clock that moves on a minute a change from
    2027-03-17 09:30 UTC, read in Zurich, every change by "ana"."""
    from planner import history
    from planner.storage import Store

    ticks = (dt.datetime(2027, 3, 17, 9, 30, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=m) for m in range(1000))
    monkeypatch.setattr("planner.cli_data.Store", functools.partial(Store, clock=lambda: next(ticks)))
    monkeypatch.setattr(history, "_AUTHOR", ["ana"])
    monkeypatch.setenv("TZ", "Europe/Zurich")


def command_line(capsys, *first: str):
    """``rep-planner`` as the guides run it, on 2027-03-17: ``run(*argv)`` (after ``first``) gives its
    exit code and all it printed, out and err as a terminal shows them."""
    from planner.cli import main

    def run(*argv):
        code = main([*first, *map(str, argv)], today=dt.date(2027, 3, 17))
        out, err = capsys.readouterr()
        return code, out + err
    return run
