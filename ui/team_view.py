"""Team: the reps, one row each, edited in place."""

from __future__ import annotations

from .models import RepsModel
from .table_editor import TableEditor


class TeamView(TableEditor):
    """The reps: hours, rules, the work of the week and their markets."""

    def __init__(self, session, parent=None):
        super().__init__(session, RepsModel, "rep", parent)
