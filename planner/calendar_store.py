"""What the calendar side of a plan remembers: export records, imported busy times, pinned blocks.

They live in the plan's database beside the scenario (:class:`planner.storage.Store`), written in
their own transactions; busy times and pins are part of the plan and recorded in its history, export
records are not (they say what the calendars hold).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import history
from .errors import PlannerError
from .i18n import N_, _
from .storage import Store


class CalendarStore:
    """Export records, imported busy times and pinned blocks: what the calendar side remembers."""

    def __init__(self, store: Store):
        self.store = store
        self.db = store.db
        self.path = store.path

    def export_records(self, reps, weeks):
        from .ics_export import ExportRecord

        reps, weeks = list(reps), list(weeks)
        if not reps or not weeks:
            return []
        where = (f"rep IN ({', '.join('?' * len(reps))}) AND week IN ({', '.join('?' * len(weeks))})")
        return [ExportRecord(r["uid"], r["rep"], r["week"], r["sequence"], r["fingerprint"], r["summary"],
                             r["start"], r["end"], bool(r["cancelled"]))
                for r in self.db["exports"].rows_where(where, reps + weeks, order_by="uid")]

    def save_export_records(self, records) -> None:
        rows = [{"uid": r.uid, "rep": r.rep, "week": r.week, "sequence": r.sequence, "fingerprint": r.fingerprint,
                 "summary": r.summary, "start": r.start, "end": r.end, "cancelled": int(r.cancelled)}
                for r in records]
        try:
            with self.db.atomic():
                if rows:
                    self.db["exports"].upsert_all(rows, pk="uid")
        except self.store.engine.errors as exc:
            raise PlannerError(_("{path}: the export record was not saved ({reason})").format(
                path=self.path, reason=self.store.engine.explain(exc))) from None

    def _replace_rows(self, table: str, where: str, params: list, rows: list[dict], refusal: str,
                      text: str = "Change the calendars", source: str | None = None) -> None:
        """Delete the rows ``where`` matches and insert ``rows``, in one transaction, recorded as ``text``;
        ``refusal`` (marked with N_) is the error when the database refuses them."""
        with history.recording(self.store, text, source=source):
            try:
                with self.db.atomic():
                    self.db[table].delete_where(where, params)
                    if rows:
                        self.db[table].insert_all(rows)
            except self.store.engine.errors as exc:
                raise PlannerError(_(refusal).format(path=self.path, reason=self.store.engine.explain(exc))) from None

    def replace_busy(self, rep: str, busy, source: str) -> int:
        """Replace the rep's busy times from ``source`` with ``busy``, in one transaction."""
        rows = [{"rep": rep, "start": b.start.isoformat(), "end": b.end.isoformat(), "summary": b.summary,
                 "source": source} for b in busy]
        self._replace_rows("busy", "rep = ? AND source = ?", [rep, source], rows,
                           N_("{path}: the busy times were not saved ({reason}); nothing changed"),
                           f"Import busy times for {rep} from {Path(source).name}", source="import")
        return len(busy)

    def busy(self, rep: str):
        return [(dt.datetime.fromisoformat(r["start"]), dt.datetime.fromisoformat(r["end"]))
                for r in self.db["busy"].rows_where("rep = ?", [rep], order_by="start")]

    def pins(self, rep: str, week: str) -> dict:
        return {(r["market"], r["activity"], r["n"]): dt.datetime.fromisoformat(r["start"])
                for r in self.db["pins"].rows_where("rep = ? AND week = ?", [rep, week])}

    def replace_pins(self, rep: str, week: str, pins) -> None:
        """Make ``pins`` (key -> UTC start) the rep's pinned blocks for the week, in one transaction."""
        rows = [{"rep": rep, "week": week, "market": m, "activity": a, "n": n, "start": start.isoformat()}
                for (m, a, n), start in pins.items()]
        self._replace_rows("pins", "rep = ? AND week = ?", [rep, week], rows,
                           N_("{path}: the move was not saved ({reason}); nothing changed"),
                           f"Pin {rep}'s blocks in {week}")
