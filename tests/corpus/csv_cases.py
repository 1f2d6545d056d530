"""The hostile CSV files of the corpus (reps and markets), each with the text its error message
must contain: :data:`CSV` as text written in UTF-8, :data:`CSV_BYTES` as the bytes themselves.
Written by ``python tests/corpus/make_corpus.py`` into tests/corpus/csv/; a name starting with
``markets`` is imported as markets, any other as reps."""

CSV_HEADER = "name,timezone,country,hours,max_weekly_hours"
CSV = {
    "reps-formula-equals": (f'{CSV_HEADER}\n=HYPERLINK("http://evil"),UTC,CH,Mon-Fri 09:00-17:00,40\n', "spreadsheet formula"),
    "reps-formula-plus": (f"{CSV_HEADER}\nAna,UTC,CH,Mon-Fri 09:00-17:00,+40+cmd|' /C calc'!A0\n", "spreadsheet formula"),
    "reps-formula-at": (f"{CSV_HEADER}\n@SUM(1+1),UTC,CH,Mon-Fri 09:00-17:00,40\n", "spreadsheet formula"),
    "reps-pipe-delimiter": (CSV_HEADER.replace(",", "|") + "\nAna|UTC|CH|Mon-Fri 09:00-17:00|40\n", "is missing"),
    "reps-excel-date": (f"{CSV_HEADER}\nAna,UTC,CH,Mon-Fri 09:00-17:00,2027-03-15\n", "must be a number"),
    "reps-excel-serial-hours": (f"{CSV_HEADER}\nAna,UTC,CH,0.375-0.708,40\n", "hours"),
    "reps-missing-column": ("name,timezone,country\nAna,UTC,CH\n", "'hours' is missing"),
    "reps-unknown-column": (f"{CSV_HEADER},colour\nAna,UTC,CH,Mon-Fri 09:00-17:00,40,red\n", "unknown column 'colour'"),
    "reps-duplicate-column": (f"{CSV_HEADER},name\nAna,UTC,CH,Mon-Fri 09:00-17:00,40,Ana\n", "appears twice"),
    "reps-ragged": (f"{CSV_HEADER}\nAna,UTC,CH\n", "3 cells where the header has 5"),
    "reps-too-many-cells": (f"{CSV_HEADER}\nAna,UTC,CH,Mon-Fri 09:00-17:00,40,extra\n", "6 cells"),
    "reps-empty": ("", "empty"),
    "reps-bad-zone": (f"{CSV_HEADER}\nAna,Europe/Zurch,CH,Mon-Fri 09:00-17:00,40\n", "row 2, timezone"),
    "reps-bad-hours": (f"{CSV_HEADER}\nAna,UTC,CH,Mon-Fri 09:00-25:00,40\n", "row 2, hours"),
    "reps-bad-country": (f"{CSV_HEADER}\nAna,UTC,Swiss,Mon-Fri 09:00-17:00,40\n", "row 2, country"),
    "reps-negative-max": (f"{CSV_HEADER}\nAna,UTC,CH,Mon-Fri 09:00-17:00,-4\n", "between 0 and 168"),
    "reps-duplicate-name": (f"{CSV_HEADER}\nAna,UTC,CH,Mon-Fri 09:00-17:00,40\nAna,UTC,CH,Mon-Fri 09:00-17:00,40\n",
                            "earlier row"),
    "reps-row-three": (f"{CSV_HEADER}\nAna,UTC,CH,Mon-Fri 09:00-17:00,40\nBo,UTC,CH,Mon-Fry 09:00-17:00,40\n", "row 3"),
    "reps-bad-rules": ("name,timezone,country,hours,rules\nAna,UTC,CH,Mon-Fri 09:00-17:00,strict\n", "rules"),
    "reps-header-only-bad": ("nom,fuseau,pays,heures\n", "is missing"),
    "reps-quote-unclosed": (f'{CSV_HEADER}\n"Ana,UTC,CH,Mon-Fri 09:00-17:00,40\n', "cells where the header has"),
    "markets-bad-tier": ("name,timezone,country,hours,tier,value\nNY,America/New_York,US,Mon-Fri 09:00-17:00,Z,1\n",
                         "tier"),
    "markets-value-text": ("name,timezone,country,hours,value\nNY,America/New_York,US,Mon-Fri 09:00-17:00,lots\n",
                           "must be a number"),
    "markets-count-text": ("name,timezone,country,hours,demo\nNY,America/New_York,US,Mon-Fri 09:00-17:00,two\n",
                           "whole number"),
    "markets-count-negative": ("name,timezone,country,hours,demo\nNY,America/New_York,US,Mon-Fri 09:00-17:00,-2\n",
                               "between 0 and 1000"),
    "markets-unknown-activity": ("name,timezone,country,hours,webinar\nNY,America/New_York,US,Mon-Fri 09:00-17:00,2\n",
                                 "unknown column 'webinar'"),
    "reps-name-escape": (f"{CSV_HEADER}\n\x1b[2JAna,UTC,CH,Mon-Fri 09:00-17:00,40\n", "a name cannot hold a control character ('\\x1b')"),
    # Every bad row is named, the eighth too (it was "and 5 more").
    "reps-eight-bad-rows": (CSV_HEADER + "\n" + "".join(f"Rep {i},Europe/Zurch,CH,Mon-Fri 09:00-17:00,40\n"
                                                      for i in range(8)), "row 9, timezone: not an IANA time zone"),
    "markets-activity-column-unknown": ("name,timezone,country,hours,activity: Webinar\n"
                                        "NY,America/New_York,US,Mon-Fri 09:00-17:00,2\n", "unknown column 'activity: Webinar'"),
    "markets-guarded-count-negative": ("name,timezone,country,hours,demo\nNY,America/New_York,US,Mon-Fri 09:00-17:00,'-2\n",
                                       "between 0 and 1000"),
    "markets-formula": ("name,timezone,country,hours\n=1+1,America/New_York,US,Mon-Fri 09:00-17:00\n", "spreadsheet formula"),
}
CSV_BYTES = {
    "reps-xlsx": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + b"\x00" * 64, "binary file"),
    "reps-latin1": ("name,timezone,country,hours\nZürich,UTC,CH,Mon-Fri 09:00-17:00\n".encode("latin-1"), "not UTF-8"),
    "reps-bom-semicolon-bad": ("\ufeffname;timezone;country;hours\nAna;Europe/Zurch;CH;Mon-Fri 09:00-17:00\n"
                               .encode("utf-8"), "row 2, timezone"),
    "reps-tab-bad": ("name\ttimezone\tcountry\thours\nAna\tUTC\tCH\tMon-Fri 9-17\n".encode(), "row 2, hours"),
}
