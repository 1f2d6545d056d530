"""The hostile command lines of the corpus, each with the text its error message must contain;
written by ``python tests/corpus/make_corpus.py`` as cli.tsv, one line a case."""

# Command-line options: argv after ``--db``, "{ics}" standing for a well-formed calendar file.
OVERLAP = ["overlap", "--rep-tz", "Europe/Zurich", "--rep-hours", "Mon-Fri 09:00-17:00",
           "--market-tz", "Asia/Tokyo", "--market-hours", "Mon-Fri 09:00-17:00", "--week", "2027-W11"]
CLI = [
    (["check", "--week", "9999-W52"], "weeks from 1970 to 2099"),
    (["check", "--week", "0001-W01"], "weeks from 1970 to 2099"),
    (["overlap", "--week", "1969-W52"], "weeks from 1970 to 2099"),
    (["schedule", "--week", "2100-W01"], "weeks from 1970 to 2099"),
    (OVERLAP + ["--rep-country", "XX"], "--rep-country: not a supported ISO 3166 country code such as 'CH' or 'US' (got 'XX')"),
    (OVERLAP + ["--market-country", "Narnia"], "--market-country: not a supported ISO 3166 country code"),
    (["import-busy", "{ics}", "--rep", "Laura", "--days", "100000000"], "--days: give a whole number of days from 1 to 3650 (got 100000000)"),
    (["import-busy", "{ics}", "--rep", "Laura", "--days", "-5"], "--days: give a whole number of days from 1 to 3650 (got -5)"),
    (["import-busy", "{ics}", "--rep", "Laura", "--days", "0"], "--days: give a whole number of days from 1 to 3650 (got 0)"),
    (["import-busy", "{ics}", "--rep", "Laura", "--days-back", "-400"], "--days-back: give a whole number of days from 0 to 3650 (got -400)"),
    (["import-busy", "{ics}", "--rep", "Laura", "--days-back", "99999999999"], "--days-back: give a whole number of days from 0 to 3650"),
    (["assign", "--time-limit", "-1"], "--time-limit: give a finite number of seconds above 0 (got -1.0)"),
    (["assign", "--time-limit", "0"], "--time-limit: give a finite number of seconds above 0 (got 0.0)"),
    (["assign", "--time-limit", "nan"], "--time-limit: give a finite number of seconds above 0 (got nan)"),
    (["assign", "--time-limit", "inf", "--apply"], "--time-limit: give a finite number of seconds above 0 (got inf)"),
    (["compare", "--time-limit=-inf"], "--time-limit: give a finite number of seconds above 0 (got -inf)"),
    (["overlap", "--rep-tz", "EST", "--rep-hours", "Mon-Fri 09:00-17:00", "--market-tz", "America/New_York",
      "--market-hours", "Mon-Fri 09:00-17:00"], "--rep-tz: EST is a fixed offset, not a place's clock: use America/New_York"),
    (["overlap", "--rep-tz", "Europe/Zurich", "--rep-hours", "Mon-Fri 09:00-17:00", "--market-tz", "US/Eastern",
      "--market-hours", "Mon-Fri 09:00-17:00"], "--market-tz: US/Eastern is an old alias: use America/New_York"),
    (OVERLAP + ["--rep-country", ""], "--rep-country: not a supported ISO 3166 country code"),
    # What was typed is shown escaped: the terminal runs nothing (planner.terminal).
    (["reps", "\x1b[2J\x07"], "unrecognized arguments: \\x1b[2J\\x07"),
    (["overlap", "--rep", "Laura", "--market", "Nowhere\x1b]0;pwned\x07"], "(got 'Nowhere\\x1b]0;pwned\\x07')"),
    # A file with no size (a device, a pipe) is read up to the limit, and named as over it.
    (["import-busy", "/dev/zero", "--rep", "Laura"], "/dev/zero: more than 8 MB is too large for a calendar file (limit 8 MB)"),
    (["import-csv", "reps", "/dev/zero"], "/dev/zero: more than 5 MB is too large for a CSV file (limit 5 MB)"),
    # The quarter (check --weeks N): 1 to 52 weeks, ending by 2099 (planner.quarter.weeks_from).
    (["check", "--weeks", "0"], "--weeks: give 1 to 52 weeks (got 0)"),
    (["check", "--weeks", "53", "--json"], "--weeks: give 1 to 52 weeks (got 53)"),
    (["check", "--weeks", "-13"], "--weeks: give 1 to 52 weeks (got -13)"),
    (["check", "--weeks", "13.5"], "argument --weeks: invalid int value: '13.5'"),
    (["check", "--weeks", "thirteen"], "argument --weeks: invalid int value: 'thirteen'"),
    (["check", "--week", "2099-W50", "--weeks", "13"],
     "--weeks: 13 weeks from 2099-W50 run past 2099, the last year the holiday calendars cover (got 13)"),
]

# hire (planner/cli_hire.py): the value line, the limit of new reps and the time limit.
CLI += [
    (["hire", "--min-value", "-1"], "--min-value: give a market value of 0 or more (got -1.0)"),
    (["hire", "--min-value", "nan"], "--min-value: give a market value of 0 or more (got nan)"),
    (["hire", "--min-value", "inf"], "--min-value: give a market value of 0 or more (got inf)"),
    (["hire", "--min-value", "lots"], "rep-planner hire: argument --min-value: invalid float value: 'lots'"),
    (["hire"], "rep-planner hire: the following arguments are required: --min-value"),
    (["hire", "--min-value", "0", "--max-hires", "-2"], "--max-hires: give a whole number of new reps, 0 or more (got -2)"),
    (["hire", "--min-value", "0", "--max-hires", "1.5"], "rep-planner hire: argument --max-hires: invalid int value: '1.5'"),
    (["hire", "--min-value", "0", "--time-limit", "0"], "--time-limit: give a finite number of seconds above 0 (got 0.0)"),
    (["hire", "--min-value", "1e5", "--time-limit", "nan"], "--time-limit: give a finite number of seconds above 0 (got nan)"),
]

# The database's lifecycle: "{missing}" is a path with no database (in a folder that does not exist
# either), "{out}" a file a command would write, "{scenario}" a valid scenario other than the demo.
CREATE_HINT = "'demo', 'import FILE' or 'import-csv reps FILE' create one"
NO_DATABASE = "{missing}: no such database, and this command creates none; " + CREATE_HINT
READ_ONLY = "--read-only: {} changes the database; run it without --read-only"
CLI += [
    (["reps", "--db", "{missing}"], NO_DATABASE),
    (["--db", "{missing}", "markets", "--json"], NO_DATABASE),
    (["overlap", "--week", "2027-W11", "--db", "{missing}"], NO_DATABASE),
    (["assign", "--apply", "--db", "{missing}"], NO_DATABASE),
    (["schedule", "--rep", "Laura", "--db", "{missing}"], NO_DATABASE),
    (["check", "--db", "{missing}"], NO_DATABASE),
    (["compare", "--db", "{missing}"], NO_DATABASE),
    (["hire", "--min-value", "0", "--db", "{missing}"], NO_DATABASE),
    (["export", "-o", "{out}", "--db", "{missing}"], NO_DATABASE),
    (["import-busy", "{ics}", "--rep", "Laura", "--db", "{missing}"], NO_DATABASE),
    (["export-scenario", "{out}", "--db", "{missing}"], NO_DATABASE),
    (["export-csv", "reps", "{out}", "--db", "{missing}"], NO_DATABASE),
    (["--read-only", "reps", "--db", "{missing}"], NO_DATABASE),
    (["rep", "remove", "Laura", "--db", "{missing}"], NO_DATABASE),
    (["market", "assign", "Brazil", "Marco", "--db", "{missing}"], NO_DATABASE),
    (["activity", "add", "Webinar", "--minutes", "60", "--live", "--db", "{missing}"], NO_DATABASE),
    (["--read-only", "rep", "set", "Laura", "max-hours", "42"], READ_ONLY.format("rep set")),
    (["--read-only", "market", "lock", "Brazil"], READ_ONLY.format("market lock")),
    (["backups", "--db", "{missing}"], "{missing}: no such database, and no backups of it"),
    (["restore", "latest", "--db", "{missing}"], "{missing}: no such database, and no backups of it"),
    (["import", "{scenario}"], "already holds 'Five continents, two reps' (2 reps, 12 markets, 12 assignments); "
                               "add --replace to replace it (a backup is kept first)"),
    (["restore", "latest"], "no backups yet"),
    (["restore", "20270317T103000Z"], "no backups yet"),
    (["--read-only", "import", "{scenario}"], READ_ONLY.format("import")),
    (["import", "{scenario}", "--replace", "--read-only"], READ_ONLY.format("import")),
    (["demo", "--read-only"], READ_ONLY.format("demo")),
    (["--read-only", "demo", "--replace"], READ_ONLY.format("demo")),
    (["restore", "latest", "--read-only"], READ_ONLY.format("restore")),
    (["assign", "--apply", "--read-only"], READ_ONLY.format("assign --apply")),
    (["import-busy", "{ics}", "--rep", "Laura", "--read-only"], READ_ONLY.format("import-busy")),
    (["import-csv", "reps", "{ics}", "--read-only"], READ_ONLY.format("import-csv without --dry-run")),
    (["export", "-o", "{out}", "--read-only"], "--read-only: export records the events it writes in the "
                                               "database, so that the next export updates them"),
]


# The editing commands (planner/cli_edit.py): each refusal names the field and value.
CLI += [
    (['rep', 'add', 'Ana'], 'rep-planner rep add: the following arguments are required: --timezone, --country'),
    (['rep', 'add', 'Laura', '--timezone', 'Europe/Zurich', '--country', 'CH'], "rep 'Laura': two reps have this name (got 'Laura')"),
    (['rep', 'add', 'Ana', '--timezone', 'EST', '--country', 'PT'], "rep 'Ana'.timezone: EST is a fixed offset, not a place's clock: use America/New_York (got 'EST')"),
    (['rep', 'add', 'Ana', '--timezone', 'Europe/Lisbn', '--country', 'PT'], "rep 'Ana'.timezone: not an IANA time zone such as 'Europe/Zurich' (got 'Europe/Lisbn')"),
    (['rep', 'add', 'Ana', '--timezone', 'Europe/Lisbon', '--country', 'XX'], "rep 'Ana'.country: not a supported ISO 3166 country code such as 'CH' or 'US' (got 'XX')"),
    (['rep', 'add', 'Ana', '--timezone', 'Europe/Lisbon', '--country', 'PT', '--region', 'ZH'], "rep 'Ana'.subdivision: not a subdivision of PT (got 'ZH')"),
    (['rep', 'add', 'Ana', '--timezone', 'Europe/Lisbon', '--country', 'PT', '--hours', 'Mon-Fri 09:00-25:00'], "rep 'Ana'.hours: hours clause 1 ('Mon-Fri 09:00-25:00'): a time must be 00:00 to 24:00 (got '25:00')"),
    (['rep', 'add', 'Ana', '--timezone', 'Europe/Lisbon', '--country', 'PT', '--max-hours', 'lots'], "rep 'Ana'.max_weekly_hours: must be a number (got 'lots')"),
    (['rep', 'add', 'Ana', '--timezone', 'Europe/Lisbon', '--country', 'PT', '--max-hours', '200'], "rep 'Ana'.max_weekly_hours: must be between 0 and 168 (got 200)"),
    (['rep', 'add', 'Ana', '--timezone', 'Europe/Lisbon', '--country', 'PT', '--max-hours', 'nan'], "rep 'Ana'.max_weekly_hours: must be a number (got nan)"),
    (['rep', 'add', 'Ana', '--timezone', 'Europe/Lisbon', '--country', 'PT', '--rules', 'eu'], "rep 'Ana'.rules: must be one of eu-wtd, who-ilo, ch-arg, us-flsa (got 'eu')"),
    (['rep', 'add', 'A\nna', '--timezone', 'Europe/Lisbon', '--country', 'PT'], "rep.name: a name cannot hold a control character ('\\n'), such as a newline, tab, escape or bell (got 'A\\nna')"),
    (['rep', 'add', '\x1b[31mAna', '--timezone', 'Europe/Lisbon', '--country', 'PT'], "rep.name: a name cannot hold a control character ('\\x1b'), such as a newline, tab, escape or bell (got '\\x1b[31mAna')"),
    (['rep', 'add', ' ', '--timezone', 'Europe/Lisbon', '--country', 'PT'], "rep.name: a name must be non-empty text (got '')"),
    (['rep', 'set', 'Lara', 'timezone', 'Europe/Lisbon'], "rep: no rep has this name (got 'Lara')"),
    (['rep', 'set', 'Laura', 'timezone', 'US/Eastern'], "rep 'Laura'.timezone: US/Eastern is an old alias: use America/New_York (got 'US/Eastern')"),
    (['rep', 'set', 'Laura', 'region', 'XX'], "rep 'Laura'.subdivision: not a subdivision of CH (got 'XX')"),
    (['rep', 'set', 'Laura', 'country', 'DE'], "rep 'Laura'.subdivision: not a subdivision of DE (got 'ZH')"),
    (['rep', 'set', 'Laura', 'hours', 'Mon-Fry 09:00-17:00'], "rep 'Laura'.hours: hours clause 1 ('Mon-Fry 09:00-17:00'): a day must be one of Mon, Tue, Wed, Thu, Fri, Sat, Sun (got 'Fry')"),
    (['rep', 'set', 'Laura', 'max-hours', '-5'], "rep 'Laura'.max_weekly_hours: must be between 0 and 168 (got -5)"),
    (['rep', 'set', 'Laura', 'rules', 'none'], "rep 'Laura'.rules: must be one of eu-wtd, who-ilo, ch-arg, us-flsa (got 'none')"),
    (['rep', 'set', 'Laura', 'colour', 'red'], "rep-planner rep set: argument field: invalid choice: 'colour' (choose from 'timezone', 'country', 'region', 'hours', 'max-hours', 'rules')"),
    (['rep', 'rename', 'Laura', 'Marco'], "rep 'Marco': two reps have this name (got 'Marco')"),
    (['rep', 'rename', 'Laura', '  '], "rep.name: a name must be non-empty text (got '')"),
    (['rep', 'rename', 'Laura', 'Laura\tMeier'], "rep.name: a name cannot hold a control character ('\\t'), such as a newline, tab, escape or bell (got 'Laura\\tMeier')"),
    (['rep', 'rename', 'Lara', 'Laura Meier'], "rep: no rep has this name (got 'Lara')"),
    (['rep', 'remove', 'Nobody'], "rep: no rep has this name (got 'Nobody')"),
    (['market', 'add', 'India', '--timezone', 'Asia/Kolkata', '--country', 'IN'], "market 'India': two markets have this name (got 'India')"),
    (['market', 'add', 'Chile', '--timezone', 'America/Santiago', '--country', 'CL', '--tier', 'Z'], "market 'Chile'.tier: must be A, B or C (got 'Z')"),
    (['market', 'add', 'Chile', '--timezone', 'America/Santiago', '--country', 'CL', '--value', '1e13'], "market 'Chile'.value: must be between 0 and 1e+12 (got 10000000000000)"),
    (['market', 'add', 'Chile', '--timezone', 'America/Santiago', '--country', 'CL', '--value', '-5'], "market 'Chile'.value: must be between 0 and 1e+12 (got -5)"),
    (['market', 'add', 'Chile', '--timezone', 'America/Santiago', '--country', 'CL', '--value', 'a lot'], "market 'Chile'.value: must be a number (got 'a lot')"),
    (['market', 'add', 'Chile', '--timezone', 'America/Santiago', '--country', 'CL', '--workload', 'Webinar=2'], "market 'Chile'.weekly: no activity type has this name (got 'Webinar')"),
    (['market', 'add', 'Chile', '--timezone', 'America/Santiago', '--country', 'CL', '--workload', 'Demo=2.5'], "market 'Chile'.weekly['Demo']: must be a whole number (got 2.5)"),
    (['market', 'add', 'Chile', '--timezone', 'America/Santiago', '--country', 'CL', '--workload', 'Demo'], "--workload: give ACTIVITY=COUNT, such as Demo=3 (got 'Demo')"),
    (['market', 'add', 'Chile', '--timezone', 'America/Santiago', '--country', 'CL', '--workload', 'Demo=-1'], "market 'Chile'.weekly['Demo']: must be between 0 and 1000 (got -1)"),
    (['market', 'add', 'Chile', '--timezone', 'America/Santiago', '--country', 'CL', '--workload', 'Demo=many'], "market 'Chile'.weekly['Demo']: must be a number (got 'many')"),
    (['market', 'add', 'Chile', '--timezone', 'America/Santiago', '--country', 'CL', '--hours', ''], "market 'Chile'.hours: hours: working hours are empty; write e.g. 'Mon-Fri 09:00-17:00' (got '')"),
    (['market', 'set', 'India', 'tier', 'Z'], "market 'India'.tier: must be A, B or C (got 'Z')"),
    (['market', 'set', 'India', 'value', '1e400'], "market 'India'.value: must be a number (got inf)"),
    (['market', 'set', 'India', 'timezone', 'Asia/Calcutta'], "market 'India'.timezone: Asia/Calcutta is an old alias: use Asia/Kolkata (got 'Asia/Calcutta')"),
    (['market', 'set', 'Atlantis', 'tier', 'A'], "market: no market has this name (got 'Atlantis')"),
    (['market', 'workload', 'India', 'Demo', '-1'], "market 'India'.weekly['Demo']: must be between 0 and 1000 (got -1)"),
    (['market', 'workload', 'India', 'Demo', '1001'], "market 'India'.weekly['Demo']: must be between 0 and 1000 (got 1001)"),
    (['market', 'workload', 'India', 'Webinar', '2'], "activity: no activity type has this name (got 'Webinar')"),
    (['market', 'rename', 'India', 'US East'], "market 'US East': two markets have this name (got 'US East')"),
    (['market', 'rename', 'India', ''], "market.name: a name must be non-empty text (got '')"),
    (['market', 'remove', 'Atlantis'], "market: no market has this name (got 'Atlantis')"),
    (['market', 'assign', 'India', 'Nobody'], "rep: no rep has this name (got 'Nobody')"),
    (['market', 'assign', 'Atlantis', 'Laura', '--lock'], "market: no market has this name (got 'Atlantis')"),
    (['market', 'unassign', 'Atlantis'], "market: no market has this name (got 'Atlantis')"),
    (['market', 'lock', 'Atlantis'], "market: no market has this name (got 'Atlantis')"),
    (['market', 'unlock', 'Atlantis'], "market: no market has this name (got 'Atlantis')"),
    (['activity', 'add', 'Demo', '--minutes', '30', '--live'], "activity 'Demo': two activities have this name (got 'Demo')"),
    (['activity', 'add', 'Webinar', '--minutes', '3', '--live'], "activity 'Webinar'.minutes: must be between 5 and 480 (got 3)"),
    (['activity', 'add', 'Webinar', '--minutes', '45.5', '--async'], "activity 'Webinar'.minutes: must be a whole number (got 45.5)"),
    (['activity', 'add', 'Webinar', '--minutes', 'an hour', '--live'], "activity 'Webinar'.minutes: must be a number (got 'an hour')"),
    (['activity', 'add', 'Webinar', '--minutes', '60'], 'rep-planner activity add: one of the arguments --live --async is required'),
    (['activity', 'add', 'Webinar', '--minutes', '60', '--live', '--async'], 'rep-planner activity add: argument --async: not allowed with argument --live'),
    (['activity', 'set', 'Demo', 'minutes', '0'], "activity 'Demo'.minutes: must be between 5 and 480 (got 0)"),
    (['activity', 'set', 'Demo', 'kind', 'sometimes'], "activity 'Demo'.kind: give live or async (got 'sometimes')"),
    (['activity', 'set', 'Demo', 'name', 'Show'], "rep-planner activity set: argument field: invalid choice: 'name' (choose from 'minutes', 'kind')"),
    (['activity', 'set', 'Webinar', 'minutes', '30'], "activity: no activity type has this name (got 'Webinar')"),
    (['activity', 'remove', 'Webinar'], "activity: no activity type has this name (got 'Webinar')"),
]

# Found by the command-line fuzz (tests/test_cli_fuzz.py). "{empty}" is an empty file, "{folder}" a
# folder, "{db}" the database the command opens. A byte that is not UTF-8 reaches argv as a lone
# surrogate ('\udcff'); a UTF-8 database cannot hold one.
NOT_UTF8 = "a name cannot hold '\\udcff', a byte that is not UTF-8 or half a character"
OVER_DB = "{db}: this is the database; write the export to another file"
CLI += [
    (["reps", "--db", "{empty}"], "{empty}: an empty file, not a database; " + CREATE_HINT),
    (["--read-only", "markets", "--db", "{empty}"], "{empty}: an empty file, not a database; " + CREATE_HINT),
    (["rep", "set", "Laura", "max-hours", "42", "--db", "{empty}"], "{empty}: an empty file, not a database"),
    (["export-csv", "reps", "{db}"], OVER_DB),
    (["--read-only", "export-csv", "markets", "{db}"], OVER_DB),
    (["export-scenario", "{db}"], OVER_DB),
    (["export", "--week", "2027-W11", "-o", "{db}"], OVER_DB),
    (["export-csv", "reps", "{folder}"], "{folder}: this is a folder; give the name of a file"),
    (["export-scenario", "{folder}"], "{folder}: this is a folder; give the name of a file"),
    (["export", "--week", "2027-W11", "-o", "{folder}"], "{folder}: this is a folder; give the name of a file"),
    (["export-csv", "reps", ""], "give the name of the file to write"),
    (["export-scenario", ""], "give the name of the file to write"),
    (["export", "--week", "2027-W11", "-o", ""], "give the name of the file (or with one file per rep, the folder)"),
    (["rep", "add", "Ana\udcff", "--timezone", "Europe/Lisbon", "--country", "PT"], "rep.name: " + NOT_UTF8),
    (["rep", "rename", "Laura", "\udcffLaura"], "rep.name: " + NOT_UTF8),
    (["market", "add", "Chile\udcff", "--timezone", "America/Santiago", "--country", "CL"], "market.name: " + NOT_UTF8),
    (["market", "rename", "India", "Indi\udca0"], "market.name: a name cannot hold '\\udca0'"),
    (["activity", "add", "Web\udcffinar", "--minutes", "60", "--live"], "activity.name: " + NOT_UTF8),
    # A name longer than the file system takes (255 bytes) was a traceback: OSError, File name too long.
    (["reps", "--db", "x" * 300], "x" * 300 + ": cannot open the database (File name too long)"),
    (["demo", "--db", "x" * 300 + ".db"], ": cannot open the database (File name too long)"),
    (["restore", "latest", "--db", "x" * 300], ": cannot open the database (File name too long)"),
    (["export-csv", "reps", "x" * 300], "x" * 300 + ": cannot write the file (File name too long)"),
    (["export-scenario", "x" * 300 + ".json"], ": cannot write the file (File name too long)"),
    (["export", "--week", "2027-W11", "-o", "x" * 300], ": cannot write the file (File name too long)"),
]


# The change history: "{missing}" as above; the corpus database's only revision is the demo that made it.
CLI += [
    (["history", "--db", "{missing}"], NO_DATABASE),
    (["--read-only", "history", "--db", "{missing}"], NO_DATABASE),
    (["undo", "--db", "{missing}"], NO_DATABASE),
    (["--read-only", "undo"], READ_ONLY.format("undo")),
    (["undo", "--dry-run", "--read-only"], READ_ONLY.format("undo")),
    (["undo"], "revision 1 (Demo scenario 'Five continents, two reps') made the plan; there is no earlier state "
               "to go back to"),
    (["undo", "--dry-run"], "revision 1 (Demo scenario 'Five continents, two reps') made the plan"),
    (["undo", "--revision", "99"], "--revision: no such revision; 'history' lists them (latest: 1) (got 99)"),
    (["undo", "--revision", "0"], "--revision: give a revision number that 'history' lists (got 0)"),
    (["undo", "--revision", "-2"], "--revision: give a revision number that 'history' lists (got -2)"),
    (["undo", "--revision", "last"], "argument --revision: invalid int value: 'last'"),
    (["history", "--limit", "0"], "--limit: give how many revisions to show, 1 or more (got 0)"),
    (["history", "--limit", "-5", "--json"], "--limit: give how many revisions to show, 1 or more (got -5)"),
    (["history", "--tz", "EST"], "--tz: EST is a fixed offset, not a place's clock: use America/New_York"),
    (["undo", "--tz", "Mars/Olympus"], "--tz: not an IANA time zone"),
]


# Alternatives (planner/cli_alternatives.py): the corpus database has none saved, its plan no name yet.
NO_ALTERNATIVE = "no alternative has this name; none saved yet ('alternatives save NAME')"
CLI += [
    (["switch", "Optimised"], f"alternative: {NO_ALTERNATIVE} (got 'Optimised')"),
    (["alternatives", "delete", "Optimised"], f"alternative: {NO_ALTERNATIVE} (got 'Optimised')"),
    (["alternatives", "rename", "Optimised", "Lean"], f"alternative: {NO_ALTERNATIVE} (got 'Optimised')"),
    (["alternatives", "save", "  "], "alternative.name: a name must be non-empty text (got '')"),
    (["alternatives", "save", "Current"], "alternative.name: 'current' is the plan open now, whatever its name; "
                                          "pick another name (got 'Current')"),
    (["alternatives", "save", "Lean\nPlan"], "alternative.name: a name cannot hold a control character ('\\n')"),
    (["alternatives", "save", "Lean\udcff"], "alternative.name: " + NOT_UTF8),
    (["switch", "Le\udcffan"], "alternative: " + NOT_UTF8),
    (["alternatives", "delete", "Le\udcffan"], "alternative: " + NOT_UTF8),
    (["alternatives", "rename", "Le\udcffan", "Lean"], "alternative: " + NOT_UTF8),
    (["compare", "current", "Le\udcffan"], "alternative: " + NOT_UTF8),
    (["switch", "Le\x1ban"], "alternative: a name cannot hold a control character ('\\x1b')"),
    (["alternatives", "save", "x" * 201], "alternative.name: a name must be at most 200 characters"),
    (["alternatives", "rename", "Optimised", ""], "alternative.name: a name must be non-empty text (got '')"),
    (["alternatives", "remove", "Optimised"], "argument ACTION: invalid choice: 'remove'"),
    (["--read-only", "alternatives", "save", "Lean"], READ_ONLY.format("alternatives save")),
    (["--read-only", "switch", "Lean"], READ_ONLY.format("switch")),
    (["alternatives", "save", "Lean", "--db", "{missing}"], NO_DATABASE),
    (["switch", "Lean", "--db", "{empty}"], "{empty}: an empty file, not a database"),
    (["compare", "Lean"], "compare: give two plans to compare (alternatives' names, or 'current'), or none for "
                          "cover all against the optimised plan (got 1)"),
    (["compare", "current", "Lean", "--week", "2027-W11"], f"alternative: {NO_ALTERNATIVE} (got 'Lean')"),
    (["compare", "current", "current", "current"], "compare: give two plans to compare"),
    (["compare", "current", "current", "--week", "2027-W99"], "week: an ISO week looks like 2027-W11 (got '2027-W99')"),
    # What-ifs (planner/cli_whatif.py): the changes are checked first, then the names.
    (["whatif", "Lean", "--activity", "Webinar", "--change", "-50%"],
     "activity: no activity type has this name (got 'Webinar')"),
    (["whatif", "Lean", "--change", "-50%"], "--change: give --activity NAME before it, naming the activity it "
                                             "changes (got '-50%')"),
    (["whatif", "Lean", "--activity", "Demo", "--change", "-150%"],
     "--change: a percentage runs from -100% (none left) to +1000% (got '-150%')"),
    (["whatif", "Lean", "--activity", "Demo", "--change", "half"], "--change: give a percentage such as -80% or +25%"),
    (["whatif", "Lean", "--activity", "Demo", "--change", "-10%", "--change", "-20%"],
     "--change: given twice for activity 'Demo'; start another change with --activity"),
    (["whatif", "Lean", "--activity", "Demo", "--minutes", "4"], "--minutes: give minutes from 5 to 480 (got '4')"),
    (["whatif", "Lean", "--activity", "Demo", "--minutes", "30.5"], "--minutes: give a whole number of minutes"),
    (["whatif", "Lean", "--activity", "Demo", "--minutes", "30", "--market", "India"],
     "--market: an activity takes the same minutes in every market"),
    (["whatif", "Lean", "--activity", "Demo", "--add", "-4", "--market", "India"],
     "what-if Demo -4 a week in India: market 'India' has 3 Demo a week, so it would have -1; a count cannot go below 0"),
    (["whatif", "Lean", "--activity", "Demo", "--add", "1", "--market", "Paris"],
     "market: no market has this name (got 'Paris')"),
    (["whatif", "Lean", "--activity", "Demo", "--per", "Email"], "--per: goes with --add"),
    (["whatif", "Lean", "--activity", "Demo", "--add", "1", "--per", "Fax"],
     "activity: no activity type has this name (got 'Fax')"),
    (["whatif", "Lean"], "what-if: give at least one change"),
    (["whatif", "Lean", "--activity", "Demo", "--change", "-10%"], "the plan has no name yet: 'alternatives save NAME' "
                                                                   "names it first"),
    (["whatif", "current", "--activity", "Demo", "--change", "-10%"], "alternative.name: 'current' is the plan open now"),
    (["--read-only", "whatif", "Lean", "--activity", "Demo", "--change", "-10%"], READ_ONLY.format("whatif")),
]
