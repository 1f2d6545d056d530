"""Reps and markets as Excel workbooks (.xlsx), read and written with openpyxl.

The columns, the checks, the per-row problems and the formula guard are the CSV path's
(planner.csv_io): a workbook is turned into the same rows of text, and
:func:`planner.csv_io.read_table` checks them. What is Excel's own:

- Formulas are read as the value Excel or LibreOffice saved with them (openpyxl's
  ``data_only``), never worked out or run here. A formula saved with no value (a file written
  by a program that does not calculate) is a problem naming its cell; so is a cell showing an
  error such as ``#REF!``.
- Numbers and dates are Excel numbers: 45.0 reads as 45, a date as 2027-03-15 (and is then
  refused where a number is wanted, naming it as Excel shows it).
- The sheet read is the one named like the kind (``Reps`` or ``Markets``, any case), else the
  first; the result says which.
- Text a spreadsheet would take for a formula (``=Eq``, ``-West``) is written as text with
  Excel's own apostrophe (the cell's quote prefix): Excel shows ``-West``, never runs it, and
  keeps it text when the cell is edited. Reading, that prefix counts as the CSV file's
  apostrophe, so such a cell is the value it shows; the same text without it is refused as a
  formula, as in a CSV file.
- A file that is not a workbook (a CSV renamed, an old .xls, an .ods), a password-protected
  one, and one that would unpack beyond :data:`MAX_UNPACKED` or hold more than
  :data:`MAX_ROWS` rows are refused with one line, before anything is parsed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from dataclasses import dataclass

from . import csv_io
from .errors import PlannerError
from .files import megabytes, read_limited
from .hours import format_hours
from .i18n import N_, _, amount
from .i18n import number as figure
from .model import Scenario

MAX_BYTES = 20 * 2**20
MAX_UNPACKED = 50 * 2**20
MAX_ROWS = 50_000
SHEETS = {"reps": "Reps", "markets": "Markets"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: an old .xls, or an encrypted .xlsx
FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
# XML cannot hold U+FFFE and U+FFFF; Excel writes them as _xFFFE_ and an underscore that would
# start such an escape as _x005F_. Only these escapes are written and read: openpyxl reads the
# others as they stand, and a name must come back as itself.
ESCAPED = re.compile(r"_x(005F|FFFE|FFFF)_", re.IGNORECASE)
TO_ESCAPE = re.compile(r"_(?=x(?:005F|FFFE|FFFF)_)|[\ufffe\uffff]", re.IGNORECASE)


def _escaped(text: str) -> str:
    return TO_ESCAPE.sub(lambda m: "_x005F_" if m.group() == "_" else f"_x{ord(m.group()):04X}_", text)


def _unescaped(text: str) -> str:
    return ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text or "_X" in text else text


def _openpyxl():
    try:
        import openpyxl
    except ImportError:  # a dependency (pyproject.toml); said plainly if an install lacks it
        raise PlannerError(_("reading or writing .xlsx needs the openpyxl package (pip install openpyxl)")) from None
    return openpyxl


def read_file(path) -> bytes:
    return read_limited(path, MAX_BYTES, N_("an Excel workbook"))


def _archive(data: bytes, source: str) -> zipfile.ZipFile:
    """The workbook's zip archive, once it is known to be one Excel can have written and small
    enough unpacked (the sizes its directory gives bound what zipfile will unpack)."""
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise PlannerError(_("{source}: the workbook is protected by a password; save a copy without the password "
                                 "(in Excel: File > Info > Protect Workbook > Encrypt with Password, cleared) and "
                                 "import that").format(source=source))
        raise PlannerError(_("{source}: an Excel 97-2003 workbook (.xls), not .xlsx; save it as .xlsx").format(
            source=source))
    if not data.startswith(b"PK\x03\x04"):
        if not data.strip():
            raise PlannerError(_("{source}: the file is empty").format(source=source))
        text = b"\x00" not in data[:4096]
        raise PlannerError(_("{source}: not an Excel workbook (.xlsx)").format(source=source) + (
            _("; it is text, perhaps CSV: use import-csv") if text else ""))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise PlannerError(_("{source}: a damaged .xlsx file ({problem})").format(source=source, problem=exc)) from None
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        kind = (_("{source}: an OpenDocument spreadsheet (.ods); save it as .xlsx") if "content.xml" in names
                else _("{source}: a zip archive, not an Excel workbook (.xlsx)"))
        raise PlannerError(kind.format(source=source))
    if any(m.flag_bits & 1 for m in members):
        raise PlannerError(_("{source}: the workbook's parts are encrypted; save a copy without a password").format(
            source=source))
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED:
        raise PlannerError(_("{source}: unpacks to {size}, too large for a workbook of reps or markets (limit {limit} "
                             "MB unpacked)").format(source=source, size=megabytes(unpacked),
                                                   limit=figure(MAX_UNPACKED / 2**20)))
    return archive


def _load(data: bytes, source: str, *, data_only: bool):
    openpyxl = _openpyxl()
    try:
        with warnings.catch_warnings():  # "no default style" and the like: nothing the user can act on
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many kinds on a damaged part; the app never crashes on data
        raise PlannerError(_("{source}: cannot be read as an Excel workbook ({problem})").format(
            source=source, problem=_reason(exc))) from None


def _reason(exc: BaseException) -> str:
    """What went wrong underneath: openpyxl wraps a parser's error in its own longer one."""
    for _depth in range(5):
        if exc.__context__ is None:
            break
        exc = exc.__context__
    text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


@dataclass(frozen=True)
class SheetChoice:
    """The sheet an import read: ``named`` when its name is the kind's, else the first of ``sheets``."""

    title: str
    sheets: int
    named: bool
    kind: str

    def __str__(self) -> str:
        if self.named or self.sheets == 1:
            return _("sheet {sheet}").format(sheet=repr(self.title))
        return _("sheet {sheet} (the first of {n}; none is named {name})").format(
            sheet=repr(self.title), n=self.sheets, name=repr(SHEETS[self.kind]))


def _sheet(book, kind: str, source: str):
    """The sheet named like ``kind`` (any case), else the first; and which it is."""
    sheets = book.worksheets
    if not sheets:
        raise PlannerError(_("{source}: the workbook has no sheet of cells").format(source=source))
    named = next((s for s in sheets if s.title.strip().lower() == kind), None)
    chosen = named if named is not None else sheets[0]
    return chosen, SheetChoice(chosen.title, len(sheets), named is not None, kind)


def _rows(sheet, source: str):
    """(row number, cells) for each row of ``sheet``, numbered as Excel numbers them."""
    sheet.reset_dimensions()  # the size a file claims is not trusted: rows come as they are stored
    try:
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            if number > MAX_ROWS:
                raise PlannerError(_("{source}: sheet {sheet} goes past row {rows}, the most a sheet of reps or markets "
                                     "may have").format(source=source, sheet=repr(sheet.title), rows=amount(MAX_ROWS)))
            yield number, cells
    except PlannerError:
        raise
    except Exception as exc:  # a damaged sheet: said in one line, as any bad input
        raise PlannerError(_("{source}: sheet {sheet} cannot be read ({problem})").format(
            source=source, sheet=repr(sheet.title), problem=_reason(exc))) from None


def _formulas(data: bytes, archive: zipfile.ZipFile, title: str, source: str) -> dict:
    """The formula of each formula cell of the sheet ``title``, by (row, column); read only when some
    sheet holds a formula, since the values pass cannot tell a formula saved without its value from
    an empty cell."""
    if not any(FORMULA_TAG.search(archive.read(n)) for n in archive.namelist()
               if n.startswith("xl/worksheets/") and n.endswith(".xml")):
        return {}
    sheet = _load(data, source, data_only=False)[title]
    return {(cell.row, cell.column): str(getattr(cell.value, "text", cell.value))
            for _row, cells in _rows(sheet, source) for cell in cells if cell.data_type == "f"}


def _cell_text(cell, formulas: dict):
    """A cell as the text the CSV path reads, or the problem (as a string) that makes it no value."""
    value = cell.value
    if cell.data_type == "e":
        return str(value), _("the cell shows an error, not a value")
    if value is None:
        formula = formulas.get((getattr(cell, "row", None), getattr(cell, "column", None)))
        if formula is not None:
            return formula, _("a formula saved without its value: open the file in Excel or LibreOffice and save "
                              "it, so that its value is stored")
        return "", None
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), None
    if isinstance(value, (int, float)):
        return csv_io.number_text(value), None
    if isinstance(value, dt.datetime):
        return (value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ", "minutes")), None
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat() if isinstance(value, dt.date) else value.isoformat("minutes"), None
    text = _unescaped(str(value))
    if text.startswith(csv_io.FORMULA_START + (csv_io.GUARD,)) and cell.style_array.quotePrefix:
        return csv_io.safe_cell(text), None  # Excel's apostrophe is the CSV file's
    return text, None


def _table(data: bytes, kind: str, source: str) -> tuple[csv_io.Table, str]:
    """The rows of the sheet for ``kind``, as text; any failure of openpyxl or zipfile on a damaged
    part (a style that is not there, a member whose checksum is wrong) said in one line."""
    try:
        return _read_table(data, kind, source)
    except PlannerError:
        raise
    except Exception as exc:  # the app never crashes on data
        raise PlannerError(_("{source}: cannot be read as an Excel workbook ({problem})").format(
            source=source, problem=_reason(exc))) from None


def _read_table(data: bytes, kind: str, source: str) -> tuple[csv_io.Table, str]:
    archive = _archive(data, source)
    sheet, which = _sheet(_load(data, source, data_only=True), kind, source)
    formulas = _formulas(data, archive, sheet.title, source)
    labels, header_row, rows = None, None, []
    for number, cells in _rows(sheet, source):
        texts, problem = [], None
        for cell in cells:
            text, bad = _cell_text(cell, formulas)
            if bad and problem is None and labels is not None:
                column = csv_io.column_letters(cell.column - 1)
                unnamed = _("column {column}").format(column=column)
                label = labels[cell.column - 1] if cell.column <= len(labels) else unnamed
                problem = csv_io.RowProblem(number, str(label).strip() or unnamed, text or "", bad,
                                            sheet.title, f"{column}{number}")
            texts.append(text or "")
        if not any(t.strip() for t in texts):
            continue
        if labels is None:
            while texts and not texts[-1].strip():
                texts.pop()  # formatted but empty cells after the last column
            labels, header_row = texts, number
            continue
        extra = next((i for i in range(len(labels), len(texts)) if texts[i].strip()), None)
        if problem is None and extra is not None:
            column = csv_io.column_letters(extra)
            problem = csv_io.RowProblem(number, _("column {column}").format(column=column), texts[extra],
                                        _("a value in a column with no header"), sheet.title, f"{column}{number}")
        rows.append((number, problem or (texts + [""] * len(labels))[:len(labels)]))
    if labels is None:
        raise PlannerError(_("{source}: {sheet} is empty").format(source=source, sheet=which))
    return csv_io.Table(labels, rows, _("{sheet}, row {row}").format(sheet=which, row=header_row), sheet.title), which


def read_reps(data: bytes, source: str = "reps.xlsx") -> csv_io.CsvResult:
    """The reps of the workbook ``data``, checked as a CSV file's are."""
    table, which = _table(data, "reps", source)
    result = csv_io.reps_from(table, source)
    return csv_io.CsvResult(result.items, result.problems, which)


def read_markets(data: bytes, scenario: Scenario, source: str = "markets.xlsx") -> csv_io.CsvResult:
    """The markets of the workbook ``data``: one workload column per activity of ``scenario``."""
    table, which = _table(data, "markets", source)
    result = csv_io.markets_from(table, scenario, source)
    return csv_io.CsvResult(result.items, result.problems, which)


def _workbook(kind: str, header, rows) -> bytes:
    """One sheet named like ``kind``: text cells stay text (never a formula, an error code or a
    number), numbers are numbers written to the last digit."""
    openpyxl = _openpyxl()
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    # Not write-only: that mode leaves out the sheet's size, and reading the file back then parses it twice.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEETS[kind]
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def cell(value, font=None):
        if value is None or value == "":
            return None
        out = WriteOnlyCell(sheet)
        if isinstance(value, str):
            out.value = _escaped(value)
            out.data_type = "s"  # openpyxl would make "=Eq" a formula and "#N/A" an error
            if csv_io.safe_cell(value) != value:
                out.quotePrefix = True
        else:  # openpyxl writes 16 digits; a number must read back as itself
            out.value = csv_io.number_text(value)
            out.data_type = "n"
        if font:
            out.font = font
        return out

    widths = [len(str(h)) for h in header]
    sheet.append([cell(h, bold) for h in header])
    for row in rows:
        sheet.append([cell(v) for v in row])
        widths = [max(w, len(str(v)) if v is not None else 0) for w, v in zip(widths, row)]
    for index, width in enumerate(widths):  # wide enough to read without widening a column by hand
        sheet.column_dimensions[csv_io.column_letters(index)].width = min(width, 40) + 2
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_reps(scenario: Scenario) -> bytes:
    """The reps as a workbook whose sheet ``Reps`` has the CSV file's columns."""
    return _workbook("reps", csv_io.REP_COLUMNS, [
        (r.name, r.timezone, r.country, r.subdivision, format_hours(r.hours), r.max_weekly_hours, r.rules)
        for r in scenario.reps])


def write_markets(scenario: Scenario) -> bytes:
    """The markets as a workbook whose sheet ``Markets`` has the CSV file's columns."""
    columns = csv_io.activity_columns([a.name for a in scenario.activities])
    return _workbook("markets", csv_io.MARKET_COLUMNS + tuple(columns.values()), [
        (m.name, m.timezone, m.country, m.subdivision, format_hours(m.hours), m.tier, m.value,
         *(m.weekly.get(a) for a in columns)) for m in scenario.markets])
