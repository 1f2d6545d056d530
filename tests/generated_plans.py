"""A generated plan at a size the app works out off the GUI thread, with calendars: one rep with a
day-long meeting, another with a block pinned by hand, so that the figures worked out in the
background read them as the core does."""

import datetime as dt
from pathlib import Path

from benchmarks.generate import generate
from planner.calendar_store import CalendarStore
from planner.storage import Store
from planner.team import cover_everything


def plan_with_calendars(path: Path, reps: int, year: int, week: int) -> Path:
    """``reps`` reps and 50 markets, every market covered; the first rep in a meeting on Tuesday of
    the ISO week ``year``-W``week`` from 08:00 to 16:00 UTC, the second with a follow-up of their
    first market pinned to 03:00 UTC on its Thursday."""
    scenario = cover_everything(generate(reps, 50, seed=7), 2027, 11)
    store = Store(path)
    store.save(scenario)
    calendars = CalendarStore(store)
    busy, pinned = scenario.reps[0].name, scenario.reps[1].name
    tuesday, thursday = dt.date.fromisocalendar(year, week, 2), dt.date.fromisocalendar(year, week, 4)
    calendars._replace_rows("busy", "rep = ?", [busy], [{
        "rep": busy, "start": f"{tuesday}T08:00:00+00:00", "end": f"{tuesday}T16:00:00+00:00",
        "summary": "Offsite", "source": "test.ics"}], "the busy times were")
    market = scenario.markets_of(pinned)[0].name
    calendars.replace_pins(pinned, f"{year}-W{week:02d}", {(market, "Follow-up", 0): dt.datetime.combine(
        thursday, dt.time(3, 0), dt.timezone.utc)})
    store.close()
    return path
