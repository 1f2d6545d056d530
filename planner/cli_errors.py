"""The command line's own words (argparse's refusals and ``--help`` headings) in the reader's language.

argparse words them in English through the process-wide ``gettext`` domain; rather than change
that for everyone, :class:`planner.cli._Parser` hands each message here, which recognises
argparse's wordings and says them again in the language of :mod:`planner.i18n`, and builds its
help with :class:`HelpFormatter` and :func:`help_words`' headings. English comes back unchanged
(argparse's own words, byte for byte), and so does a wording this module does not know.
"""

from __future__ import annotations

import argparse
import re

from . import i18n
from .i18n import N_, _

# (argparse's wording as a pattern, ours with the same parts), most specific first.
WHOLE = [
    (r"unrecognized arguments: (?P<args>.*)", N_("unrecognized arguments: {args}")),
    (r"the following arguments are required: (?P<args>.*)", N_("the following arguments are required: {args}")),
    (r"one of the arguments (?P<args>.*) is required", N_("one of the arguments {args} is required")),
    (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)",
     N_("ambiguous option: {option} could match {matches}")),
]
# What follows "argument NAME: ".
PROBLEMS = [
    (r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
     N_("invalid choice: {value} (choose from {choices})")),
    (r"expected one argument", N_("expected one argument")),
    (r"expected at most one argument", N_("expected at most one argument")),
    (r"expected at least one argument", N_("expected at least one argument")),
    (r"invalid (?P<type>\w+) value: (?P<value>.*)", N_("invalid {type} value: {value}")),
    (r"not allowed with argument (?P<other>.*)", N_("not allowed with argument {other}")),
    (r"ignored explicit argument (?P<value>.*)", N_("ignored explicit argument {value}")),
]
TYPES = {"int": N_("whole number"), "float": N_("number")}


def _said_again(text: str, table) -> str | None:
    for pattern, ours in table:
        found = re.fullmatch(pattern, text, re.S)
        if found:
            parts = found.groupdict()
            if "type" in parts:
                parts["type"] = _(TYPES[parts["type"]]) if parts["type"] in TYPES else parts["type"]
            return _(ours).format(**parts)
    return None


def argparse_message(message: str) -> str:
    """``message`` from argparse in the reader's language (unchanged in English or when unknown)."""
    if i18n.current().locale is None:
        return message
    whole = _said_again(message, WHOLE)
    if whole is not None:
        return whole
    found = re.fullmatch(r"argument (?P<argument>[^:]+): (?P<problem>.*)", message, re.S)
    if found:
        problem = _said_again(found["problem"], PROBLEMS)
        if problem is not None:
            return _("argument {argument}: {problem}").format(argument=found["argument"], problem=problem)
    return message


def help_words(parser: argparse.ArgumentParser) -> None:
    """Give a parser argparse just made its headings and its ``-h`` in the reader's language."""
    parser._positionals.title = _("positional arguments")
    parser._optionals.title = _("options")
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = _("show this help message and exit")


VERSION_HELP = N_("show program's version number and exit")


class HelpFormatter(argparse.HelpFormatter):
    """argparse's layout, with its ``usage: `` and the colon after each heading in the reader's language."""

    class _Section(argparse.HelpFormatter._Section):
        def format_help(self):
            text = super().format_help()
            if self.heading is None or self.heading is argparse.SUPPRESS:
                return text
            # French puts a space before the colon: "options :".
            return text.replace(f"{self.heading}:\n", _("{heading}:").format(heading=self.heading) + "\n", 1)

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)
