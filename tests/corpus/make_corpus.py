"""Writes the hostile-input corpus: ``python tests/corpus/make_corpus.py``.

Each case is a file, or a line of hours.tsv / zones.tsv / cli.tsv, with the text its error message
must contain. The cases are in one module a kind: hours_and_zones.py, cli_cases.py, json_cases.py
(scenario files), csv_cases.py and workbooks.py (.xlsx). The 50 MB scenario and the 10 MB calendar
are made by the tests themselves, not stored.
"""

from pathlib import Path

try:
    from .cli_cases import CLI
    from .csv_cases import CSV, CSV_BYTES
    from .hours_and_zones import HOURS, ZONES
    from .json_cases import BASE, JSON
    from .workbooks import XLSX
except ImportError:  # run as a script: python tests/corpus/make_corpus.py
    from cli_cases import CLI
    from csv_cases import CSV, CSV_BYTES
    from hours_and_zones import HOURS, ZONES
    from json_cases import BASE, JSON
    from workbooks import XLSX

__all__ = ["BASE", "CLI", "CSV", "CSV_BYTES", "HOURS", "JSON", "XLSX", "ZONES", "main"]
HERE = Path(__file__).parent


def main() -> None:
    (HERE / "hours.tsv").write_text("".join(f"{h!r}\t{e}\n" for h, e in HOURS), encoding="utf-8")
    (HERE / "cli.tsv").write_text("".join(f"{a!r}\t{e}\n" for a, e in CLI), encoding="utf-8")
    (HERE / "zones.tsv").write_text("".join(f"{z!r}\t{e}\n" for z, e in ZONES), encoding="utf-8")
    for name, (data, expected) in JSON.items():
        (HERE / "json" / f"{name}.json").write_bytes(data)
        (HERE / "json" / f"{name}.expected").write_text(expected + "\n", encoding="utf-8")
    for name, (text, expected) in CSV.items():
        (HERE / "csv" / f"{name}.csv").write_text(text, encoding="utf-8")
        (HERE / "csv" / f"{name}.expected").write_text(expected + "\n", encoding="utf-8")
    for name, (data, expected) in CSV_BYTES.items():
        (HERE / "csv" / f"{name}.csv").write_bytes(data)
        (HERE / "csv" / f"{name}.expected").write_text(expected + "\n", encoding="utf-8")
    (HERE / "xlsx").mkdir(exist_ok=True)
    for name, (data, expected) in XLSX.items():
        (HERE / "xlsx" / f"{name}.xlsx").write_bytes(data)
        (HERE / "xlsx" / f"{name}.expected").write_text(expected + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
