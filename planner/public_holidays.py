"""Public holidays from the ``holidays`` package, cached per country and year.

Some calendars are complete only for some years (India's lunar festivals end in 2035);
the package says so in a warning. The warning is kept out of the user's way and
:func:`incomplete_years` says it in the project's words instead.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from functools import lru_cache
from typing import Iterable

import holidays

from .errors import ValidationError
from .i18n import _


@lru_cache(maxsize=1)
def supported() -> dict[str, tuple[str, ...]]:
    """Country code -> its subdivision codes."""
    return {c: tuple(s) for c, s in holidays.list_supported_countries().items()}


def check_country(country: str, subdivision: str | None, where: str) -> None:
    if not isinstance(country, str) or country.upper() != country or country not in supported():
        raise ValidationError(f"{where}.country", country, _("not a supported ISO 3166 country code such as {first} or {second}").format(
            first="'CH'", second="'US'"))
    if subdivision is not None and subdivision not in supported()[country]:
        raise ValidationError(
            f"{where}.subdivision", subdivision, _("not a subdivision of {country}").format(country=country)
        )


_KNOWN_YEARS = re.compile(r"available only from (\d{4}) to (\d{4})")


@lru_cache(maxsize=4096)
def _computed(country: str, subdivision: str | None, year: int) -> tuple[dict[dt.date, str], tuple[int, int] | None]:
    """The year's holidays, and the years the calendar is complete for when ``year`` is not one."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        days = dict(holidays.country_holidays(country, subdiv=subdivision, years=year).items())
    complete = None
    for warning in caught:
        if found := _KNOWN_YEARS.search(str(warning.message)):
            complete = (int(found[1]), int(found[2]))
    return days, complete


def _year(country: str, subdivision: str | None, year: int) -> dict[dt.date, str]:
    return _computed(country, subdivision, year)[0]


def incomplete_years(places: Iterable[tuple[str | None, str | None]], first: dt.date, last: dt.date) -> list[str]:
    """One sentence per (country, subdivision) whose holiday calendar is incomplete for some of the
    years from ``first`` to ``last``, e.g. "Public holidays for IN are known only from 2001 to
    2035: weeks in 2036 are planned with some of them missing"."""
    notes = []
    for country, subdivision in sorted(set(places), key=lambda p: (p[0] or "", p[1] or "")):
        if not country:
            continue
        missing, complete = [], None
        for year in range(first.year, last.year + 1):
            if (known := _computed(country, subdivision, year)[1]) is not None:
                missing.append(year)
                complete = known
        if missing:
            where = country + (f"-{subdivision}" if subdivision else "")
            runs: list[list[int]] = []
            for year in missing:
                if runs and year == runs[-1][-1] + 1:
                    runs[-1].append(year)
                else:
                    runs.append([year])
            years = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)
            notes.append(_("Public holidays for {where} are known only from {first} to {last}: weeks in {years} are "
                           "planned with some of them missing").format(where=where, first=complete[0],
                                                                        last=complete[1], years=years))
    return notes


def holidays_between(country: str | None, subdivision: str | None, first: dt.date, last: dt.date) -> dict[dt.date, str]:
    """Holidays from ``first`` to ``last`` inclusive, date -> name."""
    if not country:
        return {}
    found: dict[dt.date, str] = {}
    for year in range(first.year, last.year + 1):
        for day, name in _year(country, subdivision, year).items():
            if first <= day <= last:
                found[day] = name
    return found
