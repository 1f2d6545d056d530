"""Team: the reps, one row each, edited in place."""

from __future__ import annotations

from .figures import WEEKS, FiguresProgress
from .models import RepsModel
from .table_editor import TableEditor


class TeamView(TableEditor):
    """The reps: hours, rules, the work of the week and their markets. The week's work fills in as
    it is worked out, with the progress under the table."""

    def __init__(self, session, parent=None):
        super().__init__(session, RepsModel, "rep", parent)
        self.progress = FiguresProgress(session.figures, WEEKS, stretch=False)
        self.layout().insertWidget(self.layout().indexOf(self.table) + 1, self.progress)
