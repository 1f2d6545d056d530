"""The hostile .xlsx files of the corpus, built byte by byte (no openpyxl: the files are what
another program, or an attacker, could write) and the same bytes every time (fixed zip dates),
so that tests/test_corpus.py can check the stored files against this source.

Written by ``python tests/corpus/make_corpus.py`` into tests/corpus/xlsx/; a name starting
with ``markets`` is imported as markets, any other as reps.
"""

import io
import struct
import zipfile
import zlib  # noqa: F401  (zipfile's deflate; named so that a missing zlib fails here)

STAMP = (2027, 3, 15, 9, 0, 0)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
STYLES = (f'<styleSheet xmlns="{MAIN}"><fonts count="1"><font/></fonts>'
          '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
          '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
          '<cellXfs count="4"><xf/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="20" applyNumberFormat="1"/>'
          '<xf quotePrefix="1"/></cellXfs></styleSheet>')
DATE, TIME, QUOTED = 1, 2, 3  # styles: a date (m/d/yyyy), a time (h:mm), text typed after Excel's apostrophe


def _style(style: int) -> str:
    return f' s="{style}"' if style else ""


def text(ref: str, value: str, style: int = 0) -> str:
    return f'<c r="{ref}"{_style(style)} t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'


def number(ref: str, value, style: int = 0) -> str:
    return f'<c r="{ref}"{_style(style)}><v>{value}</v></c>'


def row(number_: int, *cells: str) -> str:
    return f'<row r="{number_}">{"".join(cells)}</row>'


REP_HEADER = ("name", "timezone", "country", "hours", "max_weekly_hours")


def header(columns=REP_HEADER, at: int = 1) -> str:
    return row(at, *(text(f"{chr(65 + i)}{at}", c) for i, c in enumerate(columns)))


def rep(at: int, name="Ana", zone="Europe/Zurich", hours="Mon-Fri 09:00-17:00", most: str | None = None) -> str:
    return row(at, text(f"A{at}", name), text(f"B{at}", zone), text(f"C{at}", "CH"), text(f"D{at}", hours),
               most if most is not None else number(f"E{at}", 40))


def sheet(*rows: str, prolog: str = "") -> str:
    return f'{prolog}<worksheet xmlns="{MAIN}"><sheetData>{"".join(rows)}</sheetData></worksheet>'


def archive(parts: dict, stored: bool = False) -> bytes:
    """A zip of ``parts``; ``stored``: not compressed, so that a test can change their bytes."""
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", method) as z:
        for name, data in parts.items():
            z.writestr(zipfile.ZipInfo(name, STAMP), data, method)
    return out.getvalue()


def workbook(sheets: dict, *, styles: bool = False, drop: tuple = (), stored: bool = False) -> bytes:
    """A workbook whose sheets are ``{title: sheet xml}``; ``drop`` leaves parts out."""
    titles = list(sheets)
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="{SHEET_TYPE}"/>'
                      for i in range(len(titles))) + "</Types>"),
        "_rels/.rels": (f'<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" Target="xl/workbook.xml" '
                        f'Type="{RELS}/officeDocument"/></Relationships>'),
        "xl/workbook.xml": (f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>'
                            + "".join(f'<sheet name="{t}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                                      for i, t in enumerate(titles)) + "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{PACKAGE}">'
            + "".join(f'<Relationship Id="rId{i + 1}" Target="worksheets/sheet{i + 1}.xml" Type="{RELS}/worksheet"/>'
                      for i in range(len(titles)))
            + (f'<Relationship Id="rIdS" Target="styles.xml" Type="{RELS}/styles"/>' if styles else "")
            + "</Relationships>"),
    }
    if styles:
        parts["xl/styles.xml"] = STYLES
    for i, xml in enumerate(sheets.values()):
        parts[f"xl/worksheets/sheet{i + 1}.xml"] = xml
    return archive({k: v for k, v in parts.items() if k not in drop}, stored)


def compound_file(streams: list[str]) -> bytes:
    """An OLE compound file (what Excel writes for an .xls, and for an .xlsx encrypted with a
    password: streams EncryptionInfo and EncryptedPackage) whose directory names ``streams``."""
    head = bytearray(512)
    head[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", head, 24, 0x3E, 3, 0xFFFE, 9, 6)  # version 3, little-endian, 512-byte sectors
    struct.pack_into("<IIIIIII", head, 44, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE)
    struct.pack_into("<I", head, 68, 0)  # no DIFAT sectors; the FAT is sector 0
    head[76:512] = b"\xff" * 436
    struct.pack_into("<I", head, 76, 0)
    fat = bytearray(b"\xff" * 512)
    struct.pack_into("<II", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE)  # sector 0: the FAT; sector 1: the directory
    directory = bytearray()
    for i, name in enumerate(["Root Entry", *streams]):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry[0:len(encoded)] = encoded
        struct.pack_into("<HBB", entry, 64, len(encoded), 5 if i == 0 else 2, 1)
        struct.pack_into("<III", entry, 68, 0xFFFFFFFF, i + 2 if i and i < len(streams) else 0xFFFFFFFF,
                         1 if i == 0 and streams else 0xFFFFFFFF)
        struct.pack_into("<I", entry, 116, 0xFFFFFFFE)
        directory += entry
    directory += b"\x00" * (-len(directory) % 512)
    return bytes(head + fat + directory)


def _bomb() -> bytes:
    """A workbook whose one sheet unpacks to 60 MB (of spaces, which XML allows): a zip bomb."""
    padding = " " * (60 * 2**20)
    return workbook({"Reps": sheet(header(), rep(2)) + padding})


def _bad_checksum() -> bytes:
    """A workbook whose sheet's bytes were changed after its checksum was written."""
    whole = workbook({"Reps": sheet(header(), rep(2, "Ana"))}, stored=True)
    return whole.replace(b"<t xml:space=\"preserve\">Ana</t>", b"<t xml:space=\"preserve\">Bob</t>")


def _truncated() -> bytes:
    whole = workbook({"Reps": sheet(header(), rep(2))})
    return whole[: len(whole) // 2]


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
          + "]>")
RAW = {
    "reps-csv-renamed": (b"name,timezone,country,hours\nAna,Europe/Zurich,CH,Mon-Fri 09:00-17:00\n",
                         "not an Excel workbook (.xlsx); it is text, perhaps CSV: use import-csv"),
    "reps-empty": (b"", "the file is empty"),
    "reps-binary": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "not an Excel workbook (.xlsx)"),
    "reps-password": (compound_file(["EncryptionInfo", "EncryptedPackage"]), "the workbook is protected by a password"),
    "reps-old-xls": (compound_file(["Workbook"]), "an Excel 97-2003 workbook (.xls), not .xlsx"),
    "reps-ods": (archive({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}),
                 "an OpenDocument spreadsheet (.ods); save it as .xlsx"),
    "reps-zip-not-workbook": (archive({"readme.txt": "hello"}), "a zip archive, not an Excel workbook"),
    "reps-truncated": (_truncated(), "a damaged .xlsx file"),
    "reps-zip-bomb": (_bomb(), "unpacks to 60.0 MB, too large for a workbook of reps or markets (limit 50 MB unpacked)"),
    "reps-huge-sheet": (workbook({"Reps": sheet(header(), rep(2), rep(1048576, "Bo"))}),
                        "sheet 'Reps' goes past row 50,000, the most a sheet of reps or markets may have"),
    "reps-missing-sheet-part": (workbook({"Reps": sheet(header(), rep(2))}, drop=("xl/worksheets/sheet1.xml",)),
                                "the workbook has no sheet of cells"),
    "reps-entity-expansion": (workbook({"Reps": sheet(header(), rep(2, "&lol9;"), prolog=LAUGHS)}),
                              "cannot be read"),
    "reps-formula-no-value": (workbook({"Reps": sheet(header(), rep(2, most='<c r="E2"><f>SUM(40,5)</f></c>'))}),
                              "sheet 'Reps', row 2, max_weekly_hours (E2): a formula saved without its value"),
    "reps-error-cell": (workbook({"Reps": sheet(header(), rep(2, most='<c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'))}),
                        "sheet 'Reps', row 2, max_weekly_hours (E2): the cell shows an error, not a value (got '#DIV/0!')"),
    "reps-text-formula": (workbook({"Reps": sheet(header(), rep(2, '=HYPERLINK("http://evil")'))}),
                          "sheet 'Reps', row 2, name (A2): a spreadsheet formula, not a value"),
    "reps-bad-zone-row-three": (workbook({"Reps": sheet(header(), rep(2), rep(3, "Bo", "Europe/Zurch"))}),
                                "sheet 'Reps', row 3, timezone (B3): not an IANA time zone"),
    "reps-date-as-hours-a-week": (workbook({"Reps": sheet(header(), rep(2, most=number("E2", 46461, DATE)))}, styles=True),
                                  "row 2, max_weekly_hours (E2): must be a number (got '2027-03-15')"),
    "reps-time-as-hours": (workbook({"Reps": sheet(header(), row(2, text("A2", "Ana"), text("B2", "UTC"), text("C2", "CH"),
                                                                 number("D2", 0.375, TIME), number("E2", 40)))}, styles=True),
                           "row 2, hours (D2): hours clause 1 ('09:00')"),
    "reps-style-not-there": (workbook({"Reps": sheet(header(), row(
        2, text("A2", "-West", 99), text("B2", "UTC"), text("C2", "CH"), text("D2", "Mon-Fri 09:00-17:00")))}, styles=True),
                             "cannot be read as an Excel workbook (IndexError"),
    "reps-bad-checksum": (_bad_checksum(), "cannot be read as an Excel workbook (BadZipFile: Bad CRC-32"),
    "reps-no-sheet": (workbook({}), "the workbook has no sheet of cells"),
    "reps-only-empty-sheet": (workbook({"Reps": sheet()}), "sheet 'Reps' is empty"),
    "reps-wrong-sheet-first": (workbook({"Notes": sheet(row(1, text("A1", "Our team, March"))),
                                         "Team": sheet(header(), rep(2))}),
                               "sheet 'Notes' (the first of 2; none is named 'Reps'), row 1: the column 'country' is missing"),
    "markets-value-without-header": (workbook({"Markets": sheet(
        header(("name", "timezone", "country", "hours")),
        row(2, text("A2", "NY"), text("B2", "America/New_York"), text("C2", "US"), text("D2", "Mon-Fri 09:00-17:00"),
            number("F2", 5)))}), "sheet 'Markets', row 2, column F (F2): a value in a column with no header"),
    "markets-eight-bad-rows": (workbook({"Markets": sheet(
        header(("name", "timezone", "country", "hours", "tier")),
        *(row(n, text(f"A{n}", f"M{n}"), text(f"B{n}", "America/New_York"), text(f"C{n}", "US"),
              text(f"D{n}", "Mon-Fri 09:00-17:00"), text(f"E{n}", "S")) for n in range(2, 10)))}),
        "sheet 'Markets', row 9, tier (E9): must be A, B or C (got 'S')"),  # the eighth bad row, named too
}
XLSX = dict(RAW)
