"""Excel export then import leaves any plan as it was and says "0 added, 0 changed": names with
leading - @ + =, quotes, commas, error codes, any Unicode; numbers to their last digit."""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, given, settings

from planner.model import ActivityType, Market, Rep
from planner.storage import Store

from .test_csv_roundtrip import EXAMPLES, counts, hostile_plans, leaves_as_it_was, stored
from .test_csv_roundtrip import round_trip as csv_round_trip

pytest.importorskip("openpyxl")  # a dependency (pyproject.toml); CI installs it


round_trip = functools.partial(csv_round_trip, form="xlsx")  # export-xlsx, then import-xlsx


def test_names_like_formulas_error_codes_and_numbers_come_back_as_themselves(tmp_path, demo):
    odd = ["-West", "@Home", "+Plus", "=Eq", "'Tis", "'-quoted", "''", "'=SUM(1)", "#N/A", "#REF!", "123",
           "1e5", "TRUE", "_x0041_", "a,b;c\"d", "Zürich 東京 🚀", "no\ufffecharacter\uffff", "_xFFFE_", "_x005F_"]
    base = demo.markets[0]
    markets = demo.markets + tuple(Market(n, base.timezone, base.country, base.hours, "C", 0.1 + 0.2, {})
                                   for n in odd)
    reps = demo.reps + tuple(Rep(n, "UTC", "CH", "Mon-Fri 09:00-17:00", 37.123456789) for n in odd)
    db = stored(tmp_path, demo.replace(reps=reps, markets=markets))
    before = Store(db).load()
    printed = round_trip(db, tmp_path)
    assert Store(db).load() == before
    assert counts(printed["markets"]) == (0, 0, len(markets)) and counts(printed["reps"]) == (0, 0, len(reps))


def test_activity_columns_that_clash_with_other_columns_round_trip(tmp_path, demo):
    activities = [ActivityType(n, 30, True) for n in
                  ("Tier", "value", "Demo call", "demo_call", "=SUM(A1)", "#DIV/0!", "activity: Tier")]
    markets = [Market(f"M{i}", "Asia/Tokyo", "JP", "Mon-Fri 09:00-17:00", "B", 10,
                      {a.name: i + j for j, a in enumerate(activities)}) for i in range(3)]
    db = stored(tmp_path, demo.replace(activities=activities, markets=markets, assignments=()))
    before = Store(db).load()
    printed = round_trip(db, tmp_path)
    assert Store(db).load() == before and counts(printed["markets"]) == (0, 0, 3)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_plans())
def test_xlsx_export_then_import_of_any_plan_changes_nothing(plan):
    leaves_as_it_was(plan, "xlsx")
