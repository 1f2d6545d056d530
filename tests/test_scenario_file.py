import copy
import json
from pathlib import Path

import jsonschema
import pytest

from planner import scenario_file
from planner.errors import PlannerError, ValidationError
from planner.storage import DEMO_PATH

SCHEMA = json.loads((Path(DEMO_PATH).parent / "scenario.schema.json").read_text())
ISSUE_EXAMPLE = {
    "format": "rep-planner/1", "name": "Example",
    "activities": [{"name": "Demo", "minutes": 45, "live": True}, {"name": "Follow-up", "minutes": 15, "live": False}],
    "reps": [{"name": "Laura", "timezone": "Europe/Zurich", "country": "CH", "hours": "Mon-Fri 09:00-18:00",
              "max_weekly_hours": 45}],
    "markets": [{"name": "US West", "timezone": "America/Los_Angeles", "country": "US", "hours": "Mon-Fri 09:00-17:00",
                 "tier": "A", "value": 100000, "weekly": {"Demo": 4, "Follow-up": 10}}],
    "assignments": [{"rep": "Laura", "market": "US West", "locked": False}],
}


def test_the_documented_example_loads():
    scenario = scenario_file.scenario_from_dict(ISSUE_EXAMPLE)
    assert scenario.rep("Laura").max_weekly_hours == 45
    assert scenario.workload(scenario.market("US West")).live_hours == 3
    assert scenario.workload(scenario.market("US West")).async_hours == 2.5


def test_export_then_import_is_lossless(demo, tmp_path):
    path = tmp_path / "out.json"
    scenario_file.save(demo, path)
    assert scenario_file.load(path) == demo
    # And writing again gives the same bytes: nothing drifts.
    assert scenario_file.dumps(scenario_file.load(path)) == path.read_text()


def test_files_we_write_and_the_demo_match_the_schema(demo):
    jsonschema.validate(json.loads(Path(DEMO_PATH).read_text()), SCHEMA)
    jsonschema.validate(scenario_file.scenario_to_dict(demo), SCHEMA)
    jsonschema.validate(ISSUE_EXAMPLE, SCHEMA)


def test_the_docs_example_is_a_valid_scenario():
    docs = (Path(__file__).parent.parent / "docs" / "scenario-format.md").read_text()
    block = docs.split("```json", 1)[1].split("```", 1)[0]
    jsonschema.validate(json.loads(block), SCHEMA)
    scenario_file.loads(block)


def _mutate(path, value):
    data = copy.deepcopy(ISSUE_EXAMPLE)
    *parents, last = path
    target = data
    for key in parents:
        target = target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return data


BAD = [  # (path, value, what the message must name)
    (("reps", 0, "timezone"), "Europe/Zurch", "reps[0].timezone"),
    (("reps", 0, "timezone"), "europe/zurich", "did you mean 'Europe/Zurich'"),
    (("reps", 0, "hours"), "Mon-Fri 09:00-25:00", "reps[0].hours"),
    (("reps", 0, "hours"), "Mon-Fry 09:00-17:00", "'Fry'"),
    (("reps", 0, "hours"), "Mon-Fri 09:00-09:00", "cannot end when it starts"),
    (("reps", 0, "max_weekly_hours"), -5, "reps[0].max_weekly_hours"),
    (("reps", 0, "max_weekly_hours"), "45", "must be a number"),
    (("reps", 0, "max_weekly_hours"), True, "must be a number"),
    (("reps", 0, "country"), "Switzerland", "reps[0].country"),
    (("reps", 0, "rules"), "eu", "reps[0].rules"),
    (("reps", 0, "name"), KeyError, "reps[0].name: this key is missing"),
    (("reps", 0, "nmae"), "x", "reps[0].nmae: unknown key"),
    (("markets", 0, "tier"), "D", "markets[0].tier"),
    (("markets", 0, "value"), -1, "markets[0].value"),
    (("markets", 0, "value"), 1e300, "markets[0].value"),
    (("markets", 0, "weekly"), {"Demo": -1}, "weekly['Demo']"),
    (("markets", 0, "weekly"), {"Demo": 2.5}, "whole number"),
    (("markets", 0, "weekly"), {"Webinar": 2}, "no activity type has this name"),
    (("markets", 0, "weekly"), [1, 2], "markets[0].weekly"),
    (("markets", 0, "timezone"), 42, "markets[0].timezone: must be text"),
    (("activities", 0, "minutes"), 0, "activities[0].minutes"),
    (("activities", 0, "live"), "yes", "activities[0].live"),
    (("assignments", 0, "rep"), "Nobody", "no rep has this name"),
    (("assignments", 0, "market"), "Mars", "no market has this name"),
    (("assignments", 0, "locked"), "no", "locked"),
    (("format",), "rep-planner/9", "format"),
    (("name",), KeyError, "name: this key is missing"),
    (("reps",), {"Laura": {}}, "reps: must be a list"),
    (("extra",), 1, "extra: unknown key"),
    (("settings",), {"max_markets_per_rep": 0}, "settings.max_markets_per_rep"),
    (("settings",), {"focus": 3}, "settings.focus: unknown key"),
]


@pytest.mark.parametrize("path,value,expected", BAD, ids=[f"{'.'.join(map(str, p))}={v!r}"[:60] for p, v, _ in BAD])
def test_bad_scenarios_name_field_and_value(path, value, expected):
    with pytest.raises(ValidationError) as info:
        scenario_file.scenario_from_dict(_mutate(path, value))
    assert expected in str(info.value)


def test_duplicate_names_are_refused():
    data = copy.deepcopy(ISSUE_EXAMPLE)
    data["reps"].append(dict(data["reps"][0]))
    with pytest.raises(ValidationError, match="two reps have this name"):
        scenario_file.scenario_from_dict(data)


def test_a_market_is_assigned_once():
    data = copy.deepcopy(ISSUE_EXAMPLE)
    data["assignments"].append({"rep": "Laura", "market": "US West"})
    with pytest.raises(ValidationError, match="covered by one rep only"):
        scenario_file.scenario_from_dict(data)


@pytest.mark.parametrize("content,expected", [
    (b"{", "not valid JSON at line 1"),
    (b"\xff\xfe{}", "not UTF-8"),
    (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
    (b"[]", "must be an object"),
])
def test_unreadable_files_give_a_clear_error(tmp_path, content, expected):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(PlannerError, match=expected):
        scenario_file.load(path)


def test_a_missing_file_names_the_path(tmp_path):
    with pytest.raises(PlannerError, match="cannot read the file"):
        scenario_file.load(tmp_path / "nope.json")
