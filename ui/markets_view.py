"""Markets: the markets, one row each, edited in place."""

from __future__ import annotations

from .models import MarketsModel
from .table_editor import TableEditor


class MarketsView(TableEditor):
    """The markets: business hours, value, weekly work and their rep."""

    def __init__(self, session, parent=None):
        super().__init__(session, MarketsModel, "market", parent)
