"""Public holidays from the ``holidays`` package, cached per country and year."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays

from .errors import ValidationError


@lru_cache(maxsize=1)
def supported() -> dict[str, tuple[str, ...]]:
    """Country code -> its subdivision codes."""
    return {c: tuple(s) for c, s in holidays.list_supported_countries().items()}


def check_country(country: str, subdivision: str | None, where: str) -> None:
    if not isinstance(country, str) or country.upper() != country or country not in supported():
        raise ValidationError(f"{where}.country", country, "not a supported ISO 3166 country code such as 'CH' or 'US'")
    if subdivision is not None and subdivision not in supported()[country]:
        raise ValidationError(
            f"{where}.subdivision", subdivision, f"not a subdivision of {country}"
        )


@lru_cache(maxsize=4096)
def _year(country: str, subdivision: str | None, year: int) -> dict[dt.date, str]:
    return dict(holidays.country_holidays(country, subdiv=subdivision, years=year).items())


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
