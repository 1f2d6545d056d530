"""Alternatives: named versions of the plan, kept side by side in the plan's database.

The plan open now is the one in the plan's tables (reps, markets, assignments...): every command,
view and export works on it, as before alternatives. Once the plan has a name (``save_as``), the
``alternatives`` table holds one row per alternative: the open one with no stored plan (its plan
is in the tables), each other one with its plan stored whole (a scenario file's JSON). So
editing the open plan cannot touch another alternative's row, and another alternative is only
ever read.

``save_as(NAME)`` keeps the plan as it is now under the name it had (if any), and carries on as
NAME: the open plan is now NAME, and its edits from here on are NAME's ("Save as" in a document
editor). ``switch(NAME)`` stores the open plan whole under its name and writes NAME's plan into
the tables. Each operation (save, switch, delete, rename) is one transaction recorded in the change
history (:func:`planner.history.recording`), so ``undo`` and the app's Undo take it back exactly:
the tables and the ``alternatives`` rows are both recorded.

Busy times and pinned blocks belong to reps, not to an alternative: a rep who is in two
alternatives has the same busy times and pins in both. A rep the alternative switched to does not
have would lose them (the database removes a rep's busy times with the rep), so they are kept with
the alternative left (``busy`` and ``pins`` in its stored form) and come back when it is open
again, unless the rep has busy times (pins) in the tables by then, which are newer and win.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from . import history
from .errors import PlannerError, ValidationError
from .i18n import N_, _
from .model import _check_name, check_no_control_characters, stored_data
from .scenario_file import scenario_from_dict, scenario_to_dict

#: The name ``compare`` takes for the plan open now, whatever its name: never an alternative's name.
CURRENT = "current"
TAKEN = N_("an alternative has this name already; pick another or delete that one first")

# plan NULL: the open alternative, whose plan is the one in the plan's tables. One at most, kept so by
# the functions below, not by a unique index: an undo writes a switch's two rows back one at a time.
SCHEMA = ("CREATE TABLE alternatives (name TEXT PRIMARY KEY, position INTEGER NOT NULL, plan TEXT)",)

_BUSY = ("rep", "start", "end", "summary", "source")
_PINS = ("rep", "week", "market", "activity", "n", "start")


@dataclass(frozen=True)
class Alternative:
    name: str
    position: int
    open: bool   # the plan in the tables, the one every command and view works on


def check_name(name: str) -> str:
    """The name, spaces around it taken off, or a :class:`ValidationError` naming what is wrong."""
    name = name.strip() if isinstance(name, str) else name
    _check_name(name, "alternative")
    if name.casefold() == CURRENT:
        raise ValidationError("alternative.name", name, _("{current} is the plan open now, whatever its name; pick "
                                                          "another name").format(current=repr(CURRENT)))
    return name


def listing(store) -> list[Alternative]:
    """Every alternative, in the order they were saved."""
    return [Alternative(n, p, o == 1) for n, p, o in
            store.db.execute("SELECT name, position, plan IS NULL FROM alternatives ORDER BY position")]


def open_name(store) -> str | None:
    """The open alternative's name (None: the plan has no name yet)."""
    row = store.db.execute("SELECT name FROM alternatives WHERE plan IS NULL").fetchone()
    return row[0] if row else None


def _stored(store, name: str):
    """The row of alternative ``name``: (plan text or None when open); refused when there is none."""
    check_no_control_characters(name, "alternative")  # and no half character, which SQLite cannot be given
    row = store.db.execute("SELECT plan FROM alternatives WHERE name = ?", [name]).fetchone()
    if row is None:
        known = [a.name for a in listing(store)]
        hint = (_("; the alternatives are {names}").format(names=", ".join(known)) if known else
                _("; none saved yet ('alternatives save NAME')"))
        raise ValidationError("alternative", name, _("no alternative has this name") + hint)
    return row[0]


def _exists(store, name: str) -> bool:
    return store.db.execute("SELECT 1 FROM alternatives WHERE name = ?", [name]).fetchone() is not None


def _plan_text(scenario, busy=(), pins=()) -> str:
    form = {"scenario": scenario_to_dict(scenario)}
    if busy:
        form["busy"] = busy
    if pins:
        form["pins"] = pins
    return json.dumps(form, ensure_ascii=False, separators=(",", ":"))


def _calendar_rows(store, table: str, columns, reps) -> list[dict]:
    reps = sorted(reps)
    if not reps:
        return []
    select = ", ".join(f'"{c}"' for c in columns)
    rows = store.db.execute(f"SELECT {select} FROM \"{table}\" WHERE rep IN ({', '.join('?' * len(reps))}) "
                            f"ORDER BY {select}", reps).fetchall()
    return [dict(zip(columns, r)) for r in rows]


@dataclass(frozen=True)
class Stored:
    """An alternative's plan and the busy times and pins of its reps kept with it."""

    scenario: object
    busy: tuple = ()
    pins: tuple = ()


def stored_plan(store, name: str) -> Stored:
    """Alternative ``name`` as it is stored (the open one, or ``current``: the tables' plan)."""
    text = None if name.casefold() == CURRENT else _stored(store, name)
    if text is None:
        return Stored(store.load())
    form = json.loads(text)
    with stored_data():  # a value stored before a check was added still loads, as the tables' plan does
        scenario = scenario_from_dict(form["scenario"])
    return Stored(scenario, tuple(form.get("busy", ())), tuple(form.get("pins", ())))


def save_as(store, name: str, *, source: str | None = None) -> int | None:
    """Keep the open plan under its name (if it has one) and carry on as ``name``; the revision."""
    name = check_name(name)
    with history.recording(store, _('Save the plan as alternative "{name}"').format(name=name), source=source) as rec:
        if _exists(store, name):
            raise ValidationError("alternative", name, _(TAKEN))
        store.db.execute("UPDATE alternatives SET plan = ? WHERE plan IS NULL", [_plan_text(store.load())])
        store.db.execute("INSERT INTO alternatives VALUES (?, (SELECT coalesce(max(position) + 1, 0) "
                         "FROM alternatives), NULL)", [name])
    return rec.revision


def switch(store, name: str, *, source: str | None = None) -> int | None:
    """Store the open plan whole under its name and open alternative ``name``; the revision (None:
    ``name`` was open already)."""
    with history.recording(store, _('Switch to alternative "{name}"').format(name=name), source=source) as rec:
        if _stored(store, name) is None:
            return None
        chosen, current = stored_plan(store, name), store.load()
        leaving = {r.name for r in current.reps} - {r.name for r in chosen.scenario.reps}
        kept = _plan_text(current, _calendar_rows(store, "busy", _BUSY, leaving),
                          _calendar_rows(store, "pins", _PINS, leaving))
        store.db.execute("UPDATE alternatives SET plan = ? WHERE plan IS NULL", [kept])
        store.db.execute("UPDATE alternatives SET plan = NULL WHERE name = ?", [name])
        store.save(chosen.scenario, previous=current)
        for table, columns, rows in (("busy", _BUSY, chosen.busy), ("pins", _PINS, chosen.pins)):
            _bring_back(store, table, columns, rows, {r.name for r in chosen.scenario.reps})
    return rec.revision


def _bring_back(store, table: str, columns, rows, reps: set[str]) -> None:
    """The rows kept with the alternative, for its reps who hold none in ``table`` now."""
    held = {r for (r,) in store.db.execute(f'SELECT DISTINCT rep FROM "{table}"')}
    wanted = [tuple(row[c] for c in columns) for row in rows if row["rep"] in reps and row["rep"] not in held]
    if wanted:
        names = ", ".join(f'"{c}"' for c in columns)
        store.db.conn.executemany(f'INSERT INTO "{table}" ({names}) '
                                  f"VALUES ({', '.join('?' * len(columns))})", wanted)


def delete(store, name: str, *, source: str | None = None) -> int | None:
    """Delete alternative ``name``, which must not be the open one; the revision."""
    with history.recording(store, _('Delete alternative "{name}"').format(name=name), source=source) as rec:
        if _stored(store, name) is None:
            raise PlannerError(_('alternative "{name}" is the plan open now; switch to another one before deleting '
                                 'it').format(name=name))
        store.db.execute("DELETE FROM alternatives WHERE name = ?", [name])
    return rec.revision


def rename(store, old: str, new: str, *, source: str | None = None) -> int | None:
    """Give alternative ``old`` the name ``new``; the revision."""
    new = check_name(new)
    with history.recording(store, _('Rename alternative "{old}" to "{new}"').format(old=old, new=new),
                           source=source) as rec:
        _stored(store, old)
        if new != old and _exists(store, new):
            raise ValidationError("alternative", new, _("an alternative has this name already"))
        store.db.execute("UPDATE alternatives SET name = ? WHERE name = ?", [new, old])
    return rec.revision


def calendars_of(store, stored: Stored):
    """The busy times and pins the scheduler works around for ``stored``'s plan, for any week, as
    :func:`planner.team.check` takes them: what its reps would have once it is open (see the module)."""
    import datetime as dt

    from .calendars import calendar_inputs
    from .timezones import format_week

    held = {table: {r for (r,) in store.db.execute(f'SELECT DISTINCT rep FROM "{table}"')} for table in ("busy", "pins")}

    def inputs(year: int, week: int):
        busy, pins = calendar_inputs(store, stored.scenario, year, week)
        kept: dict[str, list] = {}
        for r in stored.busy:
            if r["rep"] in busy and r["rep"] not in held["busy"]:
                kept.setdefault(r["rep"], []).append((dt.datetime.fromisoformat(r["start"]),
                                                      dt.datetime.fromisoformat(r["end"])))
        busy.update({rep: sorted(spans) for rep, spans in kept.items()})
        name = format_week(year, week)
        for r in stored.pins:
            if r["rep"] in pins and r["rep"] not in held["pins"] and r["week"] == name:
                pins[r["rep"]][(r["market"], r["activity"], r["n"])] = dt.datetime.fromisoformat(r["start"])
        return busy, pins
    return inputs


def add(store, name: str, scenario, *, source: str | None = None) -> int | None:
    """Keep ``scenario`` as the new alternative ``name`` beside the plan open now, which stays open
    and unchanged (a what-if); the revision. The plan open now needs a name first, so that switching
    to ``name`` keeps it."""
    name = check_name(name)
    with history.recording(store, _('Add alternative "{name}"').format(name=name), source=source) as rec:
        if _exists(store, name):
            raise ValidationError("alternative", name, _(TAKEN))
        if open_name(store) is None:
            raise PlannerError(_("the plan has no name yet: 'alternatives save NAME' names it first, so that it is "
                                 "kept when you switch to the what-if"))
        store.db.execute("INSERT INTO alternatives VALUES (?, (SELECT coalesce(max(position) + 1, 0) "
                         "FROM alternatives), ?)", [name, _plan_text(scenario)])
    return rec.revision
