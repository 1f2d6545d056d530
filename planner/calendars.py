"""Calendar files in and out of the store: shared by the CLI and the app."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .calendar_store import CalendarStore
from .errors import PlannerError
from .files import write_whole
from .i18n import _
from .schedule import Schedule, build_week
from .storage import Store
from .team import RepWeek, rep_week
from .timezones import add_weeks, format_week, week_monday


@dataclass(frozen=True)
class ExportedFile:
    path: Path
    reps: tuple[str, ...]
    events: int
    new: int
    changed: int
    removed: tuple  # ExportRecord
    unplaced: int = 0             # blocks of the exported weeks that could not be placed (not in the file)
    unplaced_hours: float = 0.0
    not_placed: tuple = ()        # (week, Unplaced) of each of those blocks
    notes: tuple[str, ...] = ()   # what the plan of these weeks may lack (holiday calendars that end)


def not_placed_lines(not_placed) -> list[str]:
    """Blocks that could not be placed, one line per rep: ``Laura: 3 x Demo for US East, 1 x Call for Mexico``."""
    counts: dict[str, dict[tuple[str, str], int]] = {}
    for _week, block in not_placed:
        per_rep = counts.setdefault(block.rep, {})
        per_rep[(block.activity, block.market)] = per_rep.get((block.activity, block.market), 0) + 1
    return [f"{rep}: " + ", ".join(_("{n} x {activity} for {market}").format(n=n, activity=activity, market=market)
                                   for (activity, market), n in sorted(blocks.items(), key=lambda b: (-b[1], b[0])))
            for rep, blocks in counts.items()]


def calendar_inputs(store: Store, scenario, year: int, week: int
                    ) -> tuple[dict[str, list[tuple[dt.datetime, dt.datetime]]], dict[str, dict]]:
    """Each rep's busy times (UTC) and pinned blocks of ISO week ``year-Wweek``: what the scheduler
    works around, for :func:`rep_schedule`, the workload rules and the optimiser alike."""
    calendars = CalendarStore(store)
    name = format_week(year, week)
    return ({r.name: calendars.busy(r.name) for r in scenario.reps},
            {r.name: calendars.pins(r.name, name) for r in scenario.reps})


def rep_schedule(store: Store, scenario, rep: str, year: int, week: int, stretch: bool = False) -> Schedule:
    """A rep's week with their imported busy times and pinned blocks."""
    calendars = CalendarStore(store)
    return build_week(scenario, rep, year, week, stretch=stretch, busy=calendars.busy(rep),
                      pins=calendars.pins(rep, format_week(year, week)))


def rep_account(store: Store, scenario, rep: str, year: int, week: int, stretch: bool = False) -> RepWeek:
    """The account of a rep's week (:class:`planner.team.RepWeek`) with their busy times and pins."""
    calendars = CalendarStore(store)
    return rep_week(scenario, rep, year, week, stretch=stretch, busy=calendars.busy(rep),
                    pins=calendars.pins(rep, format_week(year, week)))


def inputs_of(store: Store, scenario):
    """:func:`calendar_inputs` for any week, as :func:`planner.team.check` takes it."""
    return lambda year, week: calendar_inputs(store, scenario, year, week)


def export_files(store: Store, reps: Sequence[str], year: int, week: int, weeks: int, output: str | Path, *,
                 per_rep: bool = False, stretch: bool = False, now: dt.datetime) -> list[ExportedFile]:
    """Write the reps' weeks as .ics: one file, or one per rep in the folder ``output``.

    Each file is written whole or not at all; what was exported is remembered so
    the next export keeps UIDs and raises SEQUENCE only on what changed.
    """
    from .ics_export import export_weeks
    from .public_holidays import incomplete_years

    if not 1 <= weeks <= 104:
        raise PlannerError(_("weeks: give 1 to {n} weeks (got {weeks})").format(n=104, weeks=weeks))
    if not reps:
        raise PlannerError(_("choose at least one rep to export"))
    scenario = store.load()
    for rep in reps:
        scenario.rep(rep)
    calendars = CalendarStore(store)
    span = [add_weeks(year, week, d) for d in range(weeks)]
    names = [format_week(*w) for w in span]
    if not str(output):
        raise PlannerError(_("give the name of the file (or with one file per rep, the folder) to write"))
    output = Path(output)
    if per_rep:
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PlannerError(_("{path}: cannot create the folder ({problem})").format(path=output,
                                                                                       problem=exc.strerror)) from None
    first, last = week_monday(*span[0]), week_monday(*span[-1]) + dt.timedelta(days=6)
    written = []
    for group in ([[r] for r in reps] if per_rep else [list(reps)]):
        schedules = [rep_schedule(store, scenario, r, y, w, stretch) for r in group for (y, w) in span]
        name = f"Rep Planner: {group[0]}" if len(group) == 1 else f"Rep Planner: {scenario.name}"
        previous = {r.uid: r for r in calendars.export_records(group, names)}
        report = export_weeks(schedules, scenario, now=now, calendar_name=name, previous=previous)
        path = output / f"{group[0]}.ics" if per_rep else output
        write_whole(path, report.ics, database=store.path)
        calendars.save_export_records([r for r in report.records if previous.get(r.uid) != r])  # what changed
        places = [(r.country, r.subdivision) for r in map(scenario.rep, group)]
        places += [(m.country, m.subdivision) for r in group for m in scenario.markets_of(r)]
        written.append(ExportedFile(path, tuple(group), report.events, len(report.new), len(report.changed),
                                    report.removed, sum(len(s.unplaced) for s in schedules),
                                    sum(s.unplaced_live_hours + s.unplaced_async_hours for s in schedules),
                                    tuple((s.week, u) for s in schedules for u in s.unplaced),
                                    tuple(incomplete_years(places, first, last))))
    return written


def import_busy(store: Store, rep: str, path: str | Path, start: dt.datetime, end: dt.datetime) -> int:
    """Replace the busy times ``path`` gave ``rep`` last time; returns how many."""
    from .ics_import import read_busy_file

    timezone = store.load().rep(rep).timezone
    busy = read_busy_file(path, timezone=timezone, start=start, end=end)
    # A byte that is not UTF-8 in the file's name is kept as \xff: the database holds only UTF-8.
    source = os.fsencode(path).decode("utf-8", "backslashreplace")
    return CalendarStore(store).replace_busy(rep, busy, source=source)
