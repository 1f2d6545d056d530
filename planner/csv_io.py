"""Reps and markets as CSV, for spreadsheets.

Reading takes a comma, semicolon or tab delimiter (Excel in many locales writes
semicolons) and a UTF-8 byte-order mark, and checks every row: the result holds
the valid rows and one message per bad row, naming the row, the column and the
value, so a preview can show them all and an import can refuse the file whole.
A cell that starts like a spreadsheet formula (``=HYPERLINK(...)``) is refused.

Writing neutralises cells that a spreadsheet would run as a formula (those
starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) by putting
an apostrophe in front, as OWASP recommends.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .errors import PlannerError, ValidationError
from .files import read_limited, too_large
from .hours import format_hours
from .model import Market, Rep, Scenario

MAX_BYTES = 5 * 2**20
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
REP_COLUMNS = ("name", "timezone", "country", "subdivision", "hours", "max_weekly_hours", "rules")
MARKET_COLUMNS = ("name", "timezone", "country", "subdivision", "hours", "tier", "value")
REQUIRED = {"name", "timezone", "country", "hours"}


@dataclass(frozen=True)
class RowProblem:
    row: int          # the line in the file (the header is line 1)
    column: str
    value: str
    problem: str

    def __str__(self) -> str:
        return f"row {self.row}, {self.column}: {self.problem} (got {self.value!r})"


@dataclass(frozen=True)
class CsvResult:
    items: tuple
    problems: tuple[RowProblem, ...]

    def raise_if_any(self, source: str) -> None:
        if self.problems:
            shown = "; ".join(str(p) for p in self.problems[:3])
            more = f" and {len(self.problems) - 3} more" if len(self.problems) > 3 else ""
            raise PlannerError(f"{source}: {len(self.problems)} bad row(s), nothing imported: {shown}{more}")


def _text(data: bytes, source: str) -> str:
    if len(data) > MAX_BYTES:
        raise too_large(source, len(data), MAX_BYTES, "a CSV file")
    if b"\x00" in data[:4096]:
        raise PlannerError(f"{source}: a binary file, not CSV text (a spreadsheet file? save it as CSV UTF-8)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlannerError(f"{source}: not UTF-8 text (byte {exc.start}); save it as CSV UTF-8") from None


def _rows(text: str, source: str, known: tuple[str, ...]) -> tuple[list[str], list[tuple[int, dict]]]:
    first = text.splitlines()[0] if text.strip() else ""
    if not first:
        raise PlannerError(f"{source}: the file is empty")
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower().replace(" ", "_") for h in next(reader)]
    for column in sorted(REQUIRED - set(header)):
        raise PlannerError(f"{source}: line 1: the column {column!r} is missing (columns found: "
                           f"{', '.join(header) or 'none'})")
    unknown = [h for h in header if h not in known]
    if unknown:
        raise PlannerError(f"{source}: line 1: unknown column {unknown[0]!r}; known columns: {', '.join(known)}")
    if len(set(header)) != len(header):
        raise PlannerError(f"{source}: line 1: a column appears twice")
    rows = []
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            rows.append((line, {"__width__": f"{len(cells)} cells where the header has {len(header)}"}))
            continue
        rows.append((line, dict(zip(header, (c.strip() for c in cells)))))
    return header, rows


def _number(value: str):
    return float(value.replace(",", "").replace("'", "")) if value else None


def _read(data: bytes, source: str, known: tuple[str, ...], make) -> CsvResult:
    _, rows = _rows(_text(data, source), source, known)
    items, problems, names = [], [], set()
    for line, cells in rows:
        if "__width__" in cells:
            problems.append(RowProblem(line, "row", "", cells["__width__"]))
            continue
        bad = next(((c, v) for c, v in cells.items() if v.startswith(("=", "+", "@"))), None)
        if bad:
            problems.append(RowProblem(line, bad[0], bad[1], "a spreadsheet formula, not a value"))
            continue
        try:
            item = make(cells)
        except ValidationError as exc:
            column = exc.where.rsplit(".", 1)[-1] if "." in exc.where else exc.where
            problems.append(RowProblem(line, column, str(exc.value), exc.problem))
            continue
        except ValueError:
            column = next((c for c in ("max_weekly_hours", "value") if c in cells and cells[c]), "value")
            problems.append(RowProblem(line, column, cells.get(column, ""), "must be a number"))
            continue
        if item.name in names:
            problems.append(RowProblem(line, "name", item.name, "this name appears on an earlier row"))
            continue
        names.add(item.name)
        items.append(item)
    return CsvResult(tuple(items), tuple(problems))


def read_reps(data: bytes, source: str = "reps.csv") -> CsvResult:
    def make(c):
        return Rep(c["name"], c["timezone"], c["country"].upper(), c["hours"],
                   _number(c.get("max_weekly_hours", "")) if c.get("max_weekly_hours") else 40,
                   c.get("rules") or "eu-wtd", c.get("subdivision") or None)
    return _read(data, source, REP_COLUMNS, make)


def read_markets(data: bytes, scenario: Scenario, source: str = "markets.csv") -> CsvResult:
    activities = tuple(a.name.lower().replace(" ", "_") for a in scenario.activities)
    by_key = {a.name.lower().replace(" ", "_"): a.name for a in scenario.activities}

    def make(c):
        weekly = {}
        for key, name in by_key.items():
            if c.get(key):
                try:
                    count = float(c[key])
                except ValueError:
                    raise ValidationError(key, c[key], "must be a whole number") from None
                weekly[name] = int(count) if count.is_integer() else count
        return Market(c["name"], c["timezone"], c["country"].upper(), c["hours"], (c.get("tier") or "B").upper(),
                      _number(c.get("value", "")) or 0, weekly, c.get("subdivision") or None)
    return _read(data, source, MARKET_COLUMNS + activities, make)


def read_file(path: str | Path) -> bytes:
    return read_limited(path, MAX_BYTES, "a CSV file")


def safe_cell(value) -> str:
    """A cell a spreadsheet will show, never run."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def write_reps(scenario: Scenario) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(REP_COLUMNS)
    for r in scenario.reps:
        writer.writerow([safe_cell(v) for v in (r.name, r.timezone, r.country, r.subdivision or "",
                                                 format_hours(r.hours), f"{r.max_weekly_hours:g}", r.rules)])
    return out.getvalue()


def write_markets(scenario: Scenario) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    activities = [a.name for a in scenario.activities]
    writer.writerow(list(MARKET_COLUMNS) + [a.lower().replace(" ", "_") for a in activities])
    for m in scenario.markets:
        writer.writerow([safe_cell(v) for v in (m.name, m.timezone, m.country, m.subdivision or "",
                                                 format_hours(m.hours), m.tier,
                                                 f"{m.value:.0f}" if float(m.value).is_integer() else str(m.value))]
                        + [str(m.weekly.get(a, 0)) for a in activities])
    return out.getvalue()
