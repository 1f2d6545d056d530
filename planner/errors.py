"""Errors the user can act on.

Every error raised for bad input is a :class:`PlannerError`: its message names
the field (or clause, row, line) and the offending value, so the CLI can print
it on one line and the app can show it in a dialog without a traceback.
"""


class PlannerError(ValueError):
    """Bad input or an impossible request, with a message meant for a person."""


class ValidationError(PlannerError):
    """A value that does not fit its field.

    ``where`` names the place (``reps[2].timezone``, ``hours clause 2``);
    ``value`` is what was given.
    """

    def __init__(self, where: str, value, problem: str):
        self.where = where
        self.value = value
        self.problem = problem
        from .i18n import _

        super().__init__(_("{where}: {problem} (got {value})").format(where=where, problem=problem, value=repr(value)))
