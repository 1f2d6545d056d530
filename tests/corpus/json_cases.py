"""The hostile scenario files (JSON) of the corpus: :data:`BASE`, a valid scenario, and
:data:`JSON`, each case's bytes with the text its error message must contain. Written by
``python tests/corpus/make_corpus.py`` into tests/corpus/json/."""

import json

BASE = {
    "format": "rep-planner/1", "name": "Corpus",
    "activities": [{"name": "Demo", "minutes": 45, "live": True}, {"name": "Email", "minutes": 15, "live": False}],
    "reps": [{"name": "Ana", "timezone": "Europe/Zurich", "country": "CH", "hours": "Mon-Fri 09:00-17:00"}],
    "markets": [{"name": "NY", "timezone": "America/New_York", "country": "US", "hours": "Mon-Fri 09:00-17:00",
                 "tier": "A", "value": 100, "weekly": {"Demo": 2, "Email": 3}}],
    "assignments": [{"rep": "Ana", "market": "NY"}],
}


def scenario(**changes) -> dict:
    data = json.loads(json.dumps(BASE))
    for path, value in changes.items():
        target = data
        keys = path.split(".")
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        last = keys[-1]
        if value is KeyError:
            del target[last]
        else:
            target[int(last) if isinstance(target, list) else last] = value
    return data


JSON = {
    "not-json": (b"{ this is not json", "not valid JSON at line 1"),
    "truncated": (json.dumps(BASE).encode()[:200], "not valid JSON"),
    "empty": (b"", "not valid JSON"),
    "null": (b"null", "must be an object"),
    "array-root": (b"[1, 2, 3]", "must be an object"),
    "string-root": (b'"a scenario"', "must be an object"),
    "deep-nesting": (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
    "deep-objects": (b'{"a":' * 50000 + b"1" + b"}" * 50000, "nested too deeply"),
    "latin1": ("{\"name\": \"Zürich\"}".encode("latin-1"), "not UTF-8"),
    "utf16": (json.dumps(BASE).encode("utf-16"), "not UTF-8"),
    "nan": (json.dumps(scenario(**{"reps.0.max_weekly_hours": 1}))
            .replace('"max_weekly_hours": 1', '"max_weekly_hours": NaN').encode(), "max_weekly_hours"),
    "infinity": (json.dumps(scenario(**{"markets.0.value": 1})).replace('"value": 1', '"value": Infinity').encode(),
                 "markets[0].value"),
    "huge-number": (json.dumps(scenario(**{"markets.0.value": 1})).replace('"value": 1', '"value": 1e400').encode(),
                    "markets[0].value"),
}
for name, changes, expected in [
    ("wrong-format", {"format": "rep-planner/2"}, "format"), ("no-format", {"format": KeyError}, "format: this key"),
    ("no-name", {"name": KeyError}, "name: this key is missing"), ("name-number", {"name": 5}, "name: must be text"),
    ("unknown-top-key", {"colour": "red"}, "colour: unknown key"),
    ("reps-object", {"reps": {"Ana": {}}}, "reps: must be a list"), ("reps-null", {"reps": None}, "reps: must be a list"),
    ("rep-string", {"reps.0": "Ana"}, "reps[0]: must be an object"),
    ("rep-no-timezone", {"reps.0.timezone": KeyError}, "reps[0].timezone: this key is missing"),
    ("rep-timezone-number", {"reps.0.timezone": 1}, "reps[0].timezone: must be text"),
    ("rep-unknown-key", {"reps.0.timezone_name": "UTC"}, "reps[0].timezone_name: unknown key"),
    ("rep-hours-list", {"reps.0.hours": ["Mon-Fri 09:00-17:00"]}, "reps[0].hours: must be text"),
    ("rep-max-string", {"reps.0.max_weekly_hours": "45"}, "must be a number"),
    ("rep-max-negative", {"reps.0.max_weekly_hours": -1}, "between 0 and 168"),
    ("rep-max-huge", {"reps.0.max_weekly_hours": 10 ** 30}, "between 0 and 168"),
    ("rep-max-bool", {"reps.0.max_weekly_hours": True}, "must be a number"),
    ("rep-rules", {"reps.0.rules": "eu"}, "reps[0].rules"), ("rep-country", {"reps.0.country": "Switzerland"}, "country"),
    ("rep-country-lower", {"reps.0.country": "ch"}, "country"), ("rep-subdivision", {"reps.0.subdivision": "XX"}, "subdivision"),
    ("rep-empty-name", {"reps.0.name": ""}, "non-empty"), ("rep-name-spaces", {"reps.0.name": " Ana "}, "spaces"),
    ("rep-name-long", {"reps.0.name": "A" * 500}, "at most 200"),
    ("rep-name-newline", {"reps.0.name": "Ana\nBob", "assignments.0.rep": "Ana\nBob"}, "reps[0].name: a name cannot hold a control character ('\\n')"),
    ("rep-name-ansi", {"reps.0.name": "\x1b[31mAna", "assignments.0.rep": "\x1b[31mAna"}, "a name cannot hold a control character ('\\x1b')"),
    ("market-name-bell", {"markets.0.name": "NY\x07", "assignments.0.market": "NY\x07"}, "markets[0].name: a name cannot hold a control character ('\\x07')"),
    ("activity-name-tab", {"activities.1.name": "E\tmail", "markets.0.weekly": {"Demo": 2}}, "activities[1].name: a name cannot hold a control character"),
    ("scenario-name-newline", {"name": "Corpus\r\nPwned"}, "name: a name cannot hold a control character ('\\r')"),
    # "\udcff" in JSON is half a character, which the database cannot store (was a UnicodeEncodeError).
    ("scenario-name-surrogate", {"name": "Corpus\udcff"}, "name: a name cannot hold '\\udcff'"),
    ("activity-name-surrogate", {"activities.1.name": "E\ud800mail", "markets.0.weekly": {"Demo": 2}},
     "activities[1].name: a name cannot hold '\\ud800'"),
    ("market-tier", {"markets.0.tier": "S"}, "markets[0].tier"), ("market-value-neg", {"markets.0.value": -5}, "value"),
    ("market-value-str", {"markets.0.value": "100k"}, "must be a number"),
    ("market-weekly-list", {"markets.0.weekly": [1, 2]}, "weekly"),
    ("market-weekly-float", {"markets.0.weekly": {"Demo": 1.5}}, "whole number"),
    ("market-weekly-neg", {"markets.0.weekly": {"Demo": -1}}, "between 0 and 1000"),
    ("market-weekly-huge", {"markets.0.weekly": {"Demo": 10 ** 12}}, "between 0 and 1000"),
    ("market-weekly-unknown", {"markets.0.weekly": {"Webinar": 1}}, "no activity type has this name"),
    ("activity-minutes-zero", {"activities.0.minutes": 0}, "minutes"),
    ("activity-minutes-huge", {"activities.0.minutes": 100000}, "minutes"),
    ("activity-live-string", {"activities.0.live": "yes"}, "live"),
    ("activity-no-minutes", {"activities.0.minutes": KeyError}, "activities[0].minutes: this key is missing"),
    ("assignment-unknown-rep", {"assignments.0.rep": "Bob"}, "no rep has this name"),
    ("assignment-unknown-market", {"assignments.0.market": "Mars"}, "no market has this name"),
    ("assignment-locked-string", {"assignments.0.locked": "true"}, "locked"),
    ("settings-unknown", {"settings": {"focus": 1}}, "settings.focus: unknown key"),
    ("settings-zero", {"settings": {"max_markets_per_rep": 0}}, "max_markets_per_rep"),
    ("settings-lunch", {"settings": {"lunch_start": "noon"}}, "lunch_start"),
    ("thresholds-unknown", {"thresholds": {"weekly_limit": 50}}, "thresholds.weekly_limit"),
    ("thresholds-negative", {"thresholds": {"weekly_warning": -1}}, "thresholds.weekly_warning"),
    ("thresholds-list", {"thresholds": [1]}, "thresholds"),
]:
    JSON[name] = (json.dumps(scenario(**changes)).encode(), expected)
dup = scenario()
dup["reps"].append(dict(dup["reps"][0]))
JSON["duplicate-rep"] = (json.dumps(dup).encode(), "two reps have this name")
dup = scenario()
dup["assignments"].append({"rep": "Ana", "market": "NY"})
JSON["market-assigned-twice"] = (json.dumps(dup).encode(), "covered by one rep only")
JSON["bom-garbage"] = (b"\xef\xbb\xbf\x00\x01garbage", "not valid JSON")
