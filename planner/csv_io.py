"""Reps and markets as CSV, for spreadsheets.

Reading takes a comma, semicolon or tab delimiter (Excel in many locales writes
semicolons) and a UTF-8 byte-order mark, and checks every row: the result holds
the valid rows and one message per bad row, naming the row, the column and the
value, so a preview can show them all and an import can refuse the file whole.
A cell that starts like a spreadsheet formula (``=HYPERLINK(...)``) is refused.

Writing neutralises cells that a spreadsheet would run as a formula (those
starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) by putting
an apostrophe in front, as OWASP recommends. Reading takes that apostrophe off
again, so a file we wrote imports as exactly what was exported: a market named
``-West`` comes back as ``-West``, not as a new market ``'-West``. A value that
itself starts with an apostrophe and then one of those characters (or another
apostrophe) gets one more apostrophe, so every value has one reading.

Each activity has a workload column named after it (``Discovery call`` is
``discovery_call``). When that column name is taken (an activity called
``Tier``, or two activities differing only in case) the column is written
``activity: <exact name>``, which reading also accepts.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from .errors import PlannerError, ValidationError
from .files import read_limited, too_large
from .hours import format_hours
from .i18n import N_, _, ngettext
from .model import Market, Rep, Scenario

MAX_BYTES = 5 * 2**20
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"
ACTIVITY_PREFIX = "activity:"
REP_COLUMNS = ("name", "timezone", "country", "subdivision", "hours", "max_weekly_hours", "rules")
MARKET_COLUMNS = ("name", "timezone", "country", "subdivision", "hours", "tier", "value")
REQUIRED = {"name", "timezone", "country", "hours"}


@dataclass(frozen=True)
class RowProblem:
    row: int          # the line in the file (the header is line 1), or the sheet's row
    column: str
    value: str
    problem: str
    sheet: str | None = None   # a workbook's sheet
    cell: str | None = None    # its cell, as the spreadsheet names it (B3)

    def __str__(self) -> str:
        sheet = _("sheet {sheet}, ").format(sheet=repr(self.sheet)) if self.sheet is not None else ""
        cell = f" ({self.cell})" if self.cell else ""
        return sheet + _("row {row}, {column}{cell}: {problem} (got {value})").format(
            row=self.row, column=self.column, cell=cell, problem=self.problem, value=repr(self.value))


@dataclass(frozen=True)
class CsvResult:
    items: tuple
    problems: tuple[RowProblem, ...]
    sheet: object = None   # for a workbook: the sheet read, and why that one (planner.xlsx_io.SheetChoice)

    def raise_if_any(self, source: str) -> None:
        """Refuse the file, naming every bad row (the README promises each one named)."""
        if self.problems:
            shown = "; ".join(str(p) for p in self.problems)
            n = len(self.problems)
            raise PlannerError(ngettext("{source}: {n} bad row(s), nothing imported: {rows}",
                                        "{source}: {n} bad row(s), nothing imported: {rows}", n).format(
                source=source, n=n, rows=shown))


@dataclass(frozen=True)
class ImportCounts:
    """What importing rows does to the plan, by name: new rows, rows that differ, rows as they are."""

    added: int
    changed: int
    unchanged: int

    def __str__(self) -> str:
        return _("{added} added, {changed} changed, {unchanged} unchanged").format(
            added=self.added, changed=self.changed, unchanged=self.unchanged)


def row_statuses(existing: Sequence, items: Sequence) -> list[str]:
    """For each imported rep or market: "added", "changed" or "unchanged" against ``existing``."""
    by_name = {x.name: x for x in existing}
    return ["added" if i.name not in by_name else "unchanged" if by_name[i.name] == i else "changed"
            for i in items]


def import_counts(existing: Sequence, items: Sequence) -> ImportCounts:
    statuses = Counter(row_statuses(existing, items))
    return ImportCounts(statuses["added"], statuses["changed"], statuses["unchanged"])


def _text(data: bytes, source: str) -> str:
    if len(data) > MAX_BYTES:
        raise too_large(source, len(data), MAX_BYTES, N_("a CSV file"))
    if b"\x00" in data[:4096]:
        raise PlannerError(_("{source}: a binary file, not CSV text (an Excel workbook? import it as .xlsx, or save "
                             "it as CSV UTF-8)").format(source=source))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlannerError(_("{source}: not UTF-8 text (byte {byte}); save it as CSV UTF-8").format(
            source=source, byte=exc.start)) from None


def _unguarded(cell: str) -> str:
    """A cell's value: the apostrophe :func:`safe_cell` put in front taken off."""
    return cell[1:] if cell.startswith(GUARD) and cell[1:].startswith(FORMULA_START + (GUARD,)) else cell


def _key(header: str) -> str:
    return header.strip().lower().replace(" ", "_")


def activity_columns(activities: Sequence[str]) -> dict[str, str]:
    """The column each activity's weekly count is written under, by activity name."""
    keys = Counter(_key(a) for a in activities)
    return {a: _key(a) if keys[_key(a)] == 1 and _key(a) not in MARKET_COLUMNS
            and not _key(a).startswith(ACTIVITY_PREFIX) else f"{ACTIVITY_PREFIX} {a}" for a in activities}


def _column(header: str, fixed: tuple[str, ...], activities: dict[str, str]):
    """What a header cell names: a fixed column, ("activity", name), or None when unknown."""
    key = _key(header)
    if key in fixed:
        return key
    for name, written in activities.items():
        if written == key or (written.startswith(ACTIVITY_PREFIX) and key.startswith(ACTIVITY_PREFIX)
                              and header.strip()[len(ACTIVITY_PREFIX):].strip() == name):
            return ("activity", name)
    return None


def _delimiter(text: str) -> str:
    """The delimiter under which the header names the most required columns (then the most cells)."""
    def score(delimiter):
        header = next(csv.reader(io.StringIO(text), delimiter=delimiter), [])
        return len(REQUIRED & {_key(_unguarded(h.strip())) for h in header}), len(header)
    return max((",", ";", "\t"), key=score)


@dataclass(frozen=True)
class Table:
    """Rows as a file gave them, before any check: the header's labels and, for each row that is
    not empty, its number and its cells as text (or a RowProblem when the row cannot be read).
    ``header_at`` names the header's place in messages; ``sheet``, when given, names the sheet in
    every row's problem, and cells are then named like a spreadsheet's (B3)."""

    labels: list
    rows: list
    header_at: str = "line 1"
    sheet: str | None = None


def _csv_table(text: str, source: str) -> Table:
    if not text.strip() or not text.splitlines()[0]:
        raise PlannerError(_("{source}: the file is empty").format(source=source))
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    labels = next(reader)
    rows = []
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(labels):
            rows.append((line, RowProblem(line, "row", "", _("{cells} cells where the header has {labels}").format(
                cells=len(cells), labels=len(labels)))))
            continue
        rows.append((line, cells))
    return Table(labels, rows)


def _header(table: Table, source: str, fixed: tuple[str, ...], activities: dict[str, str]):
    labels = [_unguarded(str(h).strip()) for h in table.labels]
    header = [_column(h, fixed, activities) for h in labels]
    where = f"{source}: {table.header_at}"
    for column in sorted(REQUIRED - set(header)):
        raise PlannerError(_("{where}: the column {column} is missing (columns found: {found})").format(
            where=where, column=repr(column), found=", ".join(map(_key, labels)) or _("none")))
    if None in header:
        known = list(fixed) + list(activities.values())
        raise PlannerError(_("{where}: unknown column {column}; known columns: {known}").format(
            where=where, column=repr(labels[header.index(None)]), known=", ".join(known)))
    if len(set(header)) != len(header):
        raise PlannerError(_("{where}: a column appears twice").format(where=where))
    return header, labels


def _number(value: str, column: str):
    try:
        return float(value.replace(",", "").replace("'", ""))
    except ValueError:
        raise ValidationError(column, value, _("must be a number")) from None


def _column_of(where: str, known: Sequence[str]) -> str:
    """The column a model error's place (``market 'X'.tier``) is about."""
    return next((c for c in known if where == c or where.endswith("." + c)), where.rsplit(".", 1)[-1])


def column_letters(index: int) -> str:
    """A spreadsheet's name for the column at ``index`` (0 is A, 26 is AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_table(table: Table, source: str, fixed: tuple[str, ...], activities: dict[str, str], make) -> CsvResult:
    """Every row of ``table`` checked, whichever file it came from (CSV or Excel): the reps or
    markets ``make`` builds from the valid rows, and one problem per bad row."""
    header, labels = _header(table, source, fixed, activities)
    known = fixed + tuple(activities.values())
    items, problems, names = [], [], set()

    def problem(line, column, value, text, index=None):
        cell = None
        if table.sheet is not None:
            if index is None:
                index = next((i for i, h in enumerate(header) if h == column or (isinstance(h, tuple)
                              and activities.get(h[1]) == column)), None)
            cell = None if index is None else f"{column_letters(index)}{line}"
        problems.append(RowProblem(line, column, value, text, table.sheet, cell))

    for line, cells in table.rows:
        if isinstance(cells, RowProblem):
            problems.append(cells)
            continue
        cells = [c.strip() for c in cells]
        bad = next(((i, v) for i, v in enumerate(cells) if v.startswith(("=", "+", "@"))), None)
        if bad:
            problem(line, labels[bad[0]], bad[1], "a spreadsheet formula, not a value", bad[0])
            continue
        try:
            item = make(dict(zip(header, map(_unguarded, cells))))
        except ValidationError as exc:
            problem(line, _column_of(exc.where, known), str(exc.value), exc.problem)
            continue
        if item.name in names:
            problem(line, "name", item.name, "this name appears on an earlier row")
            continue
        names.add(item.name)
        items.append(item)
    return CsvResult(tuple(items), tuple(problems))


def reps_from(table: Table, source: str) -> CsvResult:
    """The reps in ``table``, each row checked as the model checks a rep."""
    def make(c):
        most = c.get("max_weekly_hours")
        return Rep(c["name"], c["timezone"], c["country"].upper(), c["hours"],
                   _number(most, "max_weekly_hours") if most else 40,
                   c.get("rules") or "eu-wtd", c.get("subdivision") or None)
    return read_table(table, source, REP_COLUMNS, {}, make)


def markets_from(table: Table, scenario: Scenario, source: str) -> CsvResult:
    """The markets in ``table``: one workload column per activity of ``scenario``."""
    columns = activity_columns([a.name for a in scenario.activities])

    def make(c):
        weekly = {}
        for name in columns:
            text = c.get(("activity", name))
            if text:  # an empty cell: none of this activity
                try:
                    count = float(text)
                except ValueError:
                    raise ValidationError(columns[name], text, _("must be a whole number")) from None
                weekly[name] = int(count) if count.is_integer() else count
        value = c.get("value")
        return Market(c["name"], c["timezone"], c["country"].upper(), c["hours"], (c.get("tier") or "B").upper(),
                      _number(value, "value") if value else 0, weekly, c.get("subdivision") or None)
    return read_table(table, source, MARKET_COLUMNS, columns, make)


def read_reps(data: bytes, source: str = "reps.csv") -> CsvResult:
    return reps_from(_csv_table(_text(data, source), source), source)


def read_markets(data: bytes, scenario: Scenario, source: str = "markets.csv") -> CsvResult:
    return markets_from(_csv_table(_text(data, source), source), scenario, source)


def read_file(path) -> bytes:
    return read_limited(path, MAX_BYTES, N_("a CSV file"))


def safe_cell(value) -> str:
    """A cell a spreadsheet will show, never run, and that reads back as ``value``."""
    text = "" if value is None else str(value)
    return GUARD + text if text.startswith(FORMULA_START) or _unguarded(text) != text else text


def number_text(value) -> str:
    """A number written so that it reads back exactly: 45, 1200000, 37.123456789."""
    return f"{value:.0f}" if float(value).is_integer() else repr(float(value))


def write_reps(scenario: Scenario) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(REP_COLUMNS)
    for r in scenario.reps:
        writer.writerow([safe_cell(v) for v in (r.name, r.timezone, r.country, r.subdivision or "",
                                                 format_hours(r.hours), number_text(r.max_weekly_hours), r.rules)])
    return out.getvalue()


def write_markets(scenario: Scenario) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    columns = activity_columns([a.name for a in scenario.activities])
    writer.writerow([safe_cell(h) for h in MARKET_COLUMNS + tuple(columns.values())])
    for m in scenario.markets:
        writer.writerow([safe_cell(v) for v in (m.name, m.timezone, m.country, m.subdivision or "",
                                                 format_hours(m.hours), m.tier, number_text(m.value))]
                        + ["" if a not in m.weekly else str(m.weekly[a]) for a in columns])
    return out.getvalue()
