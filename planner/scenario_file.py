"""Scenario files: JSON in the ``rep-planner/1`` format (schema in resources/).

Reading is strict: a missing key, an unknown key or a value of the wrong type
raises :class:`~planner.errors.ValidationError` naming its JSON path
(``reps[1].timezone``). Writing then reading gives back an equal scenario.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

from .errors import PlannerError, ValidationError
from .files import too_large, write_whole
from .hours import format_hours
from .i18n import N_, _
from .model import ActivityType, Assignment, Market, Rep, Scenario, Settings, check_no_control_characters

FORMAT = "rep-planner/1"
MAX_FILE_BYTES = 20 * 1024 * 1024

_KEYS = {
    "scenario": ({"format", "name", "activities", "reps", "markets"}, {"assignments", "settings", "thresholds"}),
    "activities": ({"name", "minutes", "live"}, set()),
    "reps": ({"name", "timezone", "country", "hours"}, {"max_weekly_hours", "rules", "subdivision"}),
    "markets": ({"name", "timezone", "country", "hours"}, {"tier", "value", "weekly", "subdivision"}),
    "assignments": ({"rep", "market"}, {"locked"}),
    "settings": (set(), {"max_markets_per_rep", "max_offset_spread_hours", "max_live_run_minutes",
                         "lunch_start", "lunch_minutes", "balance_margin_points"}),
}


def _check_keys(obj: Any, kind: str, where: str) -> dict:
    if not isinstance(obj, dict):
        raise ValidationError(where, _short(obj), _("must be an object {...}"))
    required, optional = _KEYS[kind]
    for key in sorted(required - obj.keys()):
        raise ValidationError(f"{where}.{key}", None, _("this key is missing"))
    for key in sorted(obj.keys() - required - optional):
        raise ValidationError(f"{where}.{key}", _short(obj[key]), _("unknown key (check its spelling)"))
    return obj


def _short(value: Any) -> Any:
    text = repr(value)
    return value if len(text) <= 60 else text[:57] + "..."


def _list(data: dict, key: str, where: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise ValidationError(f"{where}{key}", _short(value), _("must be a list [...]"))
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ValidationError(where, _short(value), _("must be text"))
    return value


def _build(where: str, make):
    """Run a constructor, re-labelling its error with the JSON path."""
    try:
        return make()
    except ValidationError as exc:
        field = exc.where.rsplit(".", 1)[-1] if "." in exc.where else exc.where
        raise ValidationError(f"{where}.{field}", _short(exc.value), exc.problem) from None
    except TypeError as exc:  # a value of a type the constructor cannot take
        raise ValidationError(where, None, str(exc)) from None


def scenario_from_dict(data: Any) -> Scenario:
    """Build a scenario from parsed JSON; errors name the JSON path."""
    _check_keys(data, "scenario", "scenario")
    if data["format"] != FORMAT:
        raise ValidationError("format", _short(data["format"]), _("this app reads {format} files").format(
            format=repr(FORMAT)))
    activities = []
    for i, a in enumerate(_list(data, "activities", "")):
        where = f"activities[{i}]"
        _check_keys(a, "activities", where)
        activities.append(_build(where, lambda a=a: ActivityType(_text(a["name"], f"{where}.name"), a["minutes"], a["live"])))
    reps = []
    for i, r in enumerate(_list(data, "reps", "")):
        where = f"reps[{i}]"
        _check_keys(r, "reps", where)
        reps.append(_build(where, lambda r=r, where=where: Rep(
            name=_text(r["name"], f"{where}.name"),
            timezone=_text(r["timezone"], f"{where}.timezone"),
            country=_text(r["country"], f"{where}.country"),
            hours=_text(r["hours"], f"{where}.hours"),
            max_weekly_hours=r.get("max_weekly_hours", 40),
            rules=r.get("rules", "eu-wtd"),
            subdivision=r.get("subdivision"),
        )))
    markets = []
    for i, m in enumerate(_list(data, "markets", "")):
        where = f"markets[{i}]"
        _check_keys(m, "markets", where)
        weekly = m.get("weekly", {})
        if not isinstance(weekly, dict):
            raise ValidationError(f"{where}.weekly", _short(weekly), _("must map activity names to weekly counts"))
        markets.append(_build(where, lambda m=m, where=where, weekly=weekly: Market(
            name=_text(m["name"], f"{where}.name"),
            timezone=_text(m["timezone"], f"{where}.timezone"),
            country=_text(m["country"], f"{where}.country"),
            hours=_text(m["hours"], f"{where}.hours"),
            tier=m.get("tier", "B"),
            value=m.get("value", 0),
            weekly=weekly,
            subdivision=m.get("subdivision"),
        )))
    assignments = []
    for i, a in enumerate(_list(data, "assignments", "")):
        where = f"assignments[{i}]"
        _check_keys(a, "assignments", where)
        assignments.append(_build(where, lambda a=a, where=where: Assignment(
            _text(a["rep"], f"{where}.rep"), _text(a["market"], f"{where}.market"), a.get("locked", False))))
    settings_data = _check_keys(data.get("settings", {}), "settings", "settings")
    settings = _build("settings", lambda: Settings(**settings_data))
    thresholds = data.get("thresholds", {})
    if not isinstance(thresholds, dict):
        raise ValidationError("thresholds", _short(thresholds), _("must be an object {...}"))
    # Checked here, not in Scenario: every edit rebuilds the scenario with the name stored.
    check_no_control_characters(_text(data["name"], "name"), "name")
    return Scenario(_text(data["name"], "name"), activities, reps, markets, assignments, settings, thresholds)


def scenario_to_dict(scenario: Scenario) -> dict:
    """The JSON form; optional keys are written out so files are self-describing."""

    def place(obj) -> dict:
        return {"subdivision": obj.subdivision} if obj.subdivision else {}

    return {
        "format": FORMAT,
        "name": scenario.name,
        "activities": [{"name": a.name, "minutes": a.minutes, "live": a.live} for a in scenario.activities],
        "reps": [
            {"name": r.name, "timezone": r.timezone, "country": r.country, **place(r),
             "hours": format_hours(r.hours), "max_weekly_hours": r.max_weekly_hours, "rules": r.rules}
            for r in scenario.reps
        ],
        "markets": [
            {"name": m.name, "timezone": m.timezone, "country": m.country, **place(m),
             "hours": format_hours(m.hours), "tier": m.tier, "value": m.value, "weekly": dict(m.weekly)}
            for m in scenario.markets
        ],
        "assignments": [{"rep": a.rep, "market": a.market, "locked": a.locked} for a in scenario.assignments],
        "settings": dataclasses.asdict(scenario.settings),
        **({"thresholds": dict(scenario.thresholds)} if scenario.thresholds else {}),
    }


def loads(text: str, source: str = "scenario") -> Scenario:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlannerError(_("{source}: not valid JSON at line {line}, column {column}: {problem}").format(
            source=source, line=exc.lineno, column=exc.colno, problem=exc.msg)) from None
    except RecursionError:
        raise PlannerError(_("{source}: JSON nested too deeply").format(source=source)) from None
    return scenario_from_dict(data)


def load(path: str | os.PathLike) -> Scenario:
    """Read a scenario file; any problem is a :class:`PlannerError` naming the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise too_large(path, size, MAX_FILE_BYTES, N_("a scenario"))
        raw = path.read_bytes()
    except OSError as exc:
        raise PlannerError(_("{path}: cannot read the file ({problem})").format(path=path, problem=exc.strerror)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlannerError(_("{path}: not UTF-8 text (byte {byte})").format(path=path, byte=exc.start)) from None
    try:
        return loads(text, str(path))
    except ValidationError as exc:
        raise ValidationError(f"{path}: {exc.where}", exc.value, exc.problem) from None


def dumps(scenario: Scenario) -> str:
    return json.dumps(scenario_to_dict(scenario), indent=2, ensure_ascii=False) + "\n"


def save(scenario: Scenario, path: str | os.PathLike, *, database=None) -> None:
    """Write atomically: a crash mid-write leaves the old file intact (planner.files.write_whole,
    which refuses ``database``, the database in use)."""
    write_whole(path, dumps(scenario).encode("utf-8"), database=database)
