"""The language a person reads the core's sentences in: flags, reasons, explanations, messages.

Sentences go through gettext catalogues (``planner/locale/<lang>/LC_MESSAGES/rep_planner.mo``,
compiled from the ``.po`` beside it with Babel, docs/languages.md); dates and numbers are written
with Babel's CLDR data in the reader's locale. One :class:`Translator` is chosen at start (the
CLI's ``--lang``, the app's language, else ``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG``) and
put in place with :func:`use`; tests put their own with :func:`using`.

English is the source language and keeps Python's own formats (``78.5``, ``1,234``, ``Mon 15
Mar``): its output is byte-identical to what the command line printed before it had languages.
A language without a catalogue reads English, numbers and dates included, so that a sentence
never mixes an English text with a French date.

Machine formats (``--json``, CSV, xlsx, iCalendar) are never translated: the CLI reads them in
English whatever the language (planner.cli).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import functools
import gettext
import os
from pathlib import Path
from typing import Iterator, Mapping

DOMAIN = "rep_planner"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# The order in which gettext itself looks for the reader's language.
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def N_(message: str) -> str:
    """Marks a sentence for the catalogue where it is defined (a table); :func:`_` translates it where shown."""
    return message


class Translator:
    """Sentences, dates and numbers for one language (English when ``language`` has no catalogue)."""

    def __init__(self, language: str | None = None, locale_dir: Path = LOCALE_DIR):
        code = _code(language)
        catalogue = gettext.translation(DOMAIN, str(locale_dir), [code], fallback=True) if code else None
        if isinstance(catalogue, gettext.GNUTranslations):
            from babel import Locale

            from babel.numbers import get_decimal_symbol, get_group_symbol

            self.catalogue: gettext.NullTranslations = catalogue
            self.locale = Locale.parse(code)
            self.language = code
            self._group, self._decimal_sign = get_group_symbol(self.locale), get_decimal_symbol(self.locale)
        else:
            self.catalogue, self.locale, self.language = gettext.NullTranslations(), None, "en"

    def __repr__(self) -> str:
        return f"Translator({self.language!r})"

    def gettext(self, message: str) -> str:
        return self.catalogue.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.catalogue.ngettext(singular, plural, n)

    def number(self, value: float) -> str:
        """Hours and counts: ``78.5`` (``78,5`` in French), as many decimals as the value has."""
        if self.locale is None:
            return f"{value:g}"
        return self._decimal(value, "#,##0.####")

    def fixed(self, value: float, decimals: int = 2) -> str:
        """A figure with a set number of decimals: ``2.50`` (``2,50`` in French)."""
        if self.locale is None:
            return f"{value:.{decimals}f}"
        return self._decimal(value, "0." + "0" * decimals)

    def amount(self, value: float) -> str:
        """Market value, whole: ``1,234,567`` (``1 234 567`` in French)."""
        if self.locale is None:
            return f"{value:,.0f}"
        return self._decimal(round(value), "#,##0")

    def percent(self, share: float, decimals: int = 0) -> str:
        """``87%`` (``87 %`` in French) for a share of 1."""
        if self.locale is None:
            return f"{share:.{decimals}%}"
        # The language's own pattern ("87 %" in French, "87%" in Swiss French), with the decimals asked for.
        pattern = self.locale.percent_formats[None].pattern.replace("0", "0." + "0" * decimals, 1) if decimals \
            else self.locale.percent_formats[None].pattern
        return self._decimal(share, pattern)  # "%" in a pattern multiplies by 100

    def _decimal(self, value: float, pattern: str) -> str:
        # Babel's own format_decimal parses the pattern and turns the float into a Decimal at each
        # call (100 us); parsed once and given a Decimal, a figure costs a fifth of that, which
        # `check --weeks 13` writes thousands of.
        figure = decimal.Decimal(repr(value)) if isinstance(value, float) else value
        if self._group != "'":
            return _pattern(pattern).apply(figure, self.locale)
        # Swiss locales group with an apostrophe, which Babel (2.19) then drops as a quote mark
        # ("5'060'000" came out "5060000"): written with English symbols, then given the locale's.
        text = _pattern(pattern).apply(figure, _english_locale())
        return text.replace(",", "\0").replace(".", self._decimal_sign).replace("\0", self._group)

    def day(self, date: dt.date) -> str:
        """A day of a week: ``Mon 15 Mar`` (``lun. 15 mars`` in French)."""
        if self.locale is None:
            return f"{date:%a %d %b}"
        from babel.dates import format_date

        return format_date(date, "EEE d MMM", locale=self.locale)

    def weekday(self, date: dt.date) -> str:
        """The day's short name: ``Mon`` (``lun.`` in French)."""
        if self.locale is None:
            return f"{date:%a}"
        from babel.dates import format_date

        return format_date(date, "EEE", locale=self.locale)


@functools.lru_cache(maxsize=None)
def _pattern(text: str):
    from babel.numbers import parse_pattern

    return parse_pattern(text)


@functools.lru_cache(maxsize=1)
def _english_locale():
    from babel import Locale

    return Locale.parse("en")


def _code(language: str | None) -> str | None:
    """``fr_CH`` from ``fr_CH.UTF-8``, ``fr-ch`` or ``fr``; None for C, POSIX, English or nothing."""
    if not language:
        return None
    code = language.split(":")[0].split(".")[0].split("@")[0].replace("-", "_")
    lang, _sep, region = code.partition("_")
    if lang.lower() in ("", "c", "posix", "en"):
        return None
    return lang.lower() + ("_" + region.upper() if region else "")


def from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the environment asks for, in gettext's order of variables (None when unset)."""
    environ = os.environ if environ is None else environ
    for name in ENVIRONMENT:
        if environ.get(name):
            return environ[name]
    return None


ENGLISH = Translator(None)
_current = ENGLISH


def use(translator: Translator) -> Translator:
    """Put ``translator`` in place for every sentence from now on; returns the one it replaces."""
    global _current
    previous, _current = _current, translator
    return previous


def current() -> Translator:
    return _current


@contextlib.contextmanager
def using(translator: Translator) -> Iterator[Translator]:
    """``translator`` for the time of a ``with`` block (tests, a JSON answer in English)."""
    previous = use(translator)
    try:
        yield translator
    finally:
        use(previous)


def _(message: str) -> str:
    """``message`` in the reader's language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or the plural (or another of the language's forms) for ``n``."""
    return _current.ngettext(singular, plural, n)


def number(value: float) -> str:
    return _current.number(value)


def fixed(value: float, decimals: int = 2) -> str:
    return _current.fixed(value, decimals)


def amount(value: float) -> str:
    return _current.amount(value)


def percent(share: float, decimals: int = 0) -> str:
    return _current.percent(share, decimals)


def day(date: dt.date) -> str:
    return _current.day(date)


def weekday(date: dt.date) -> str:
    return _current.weekday(date)
