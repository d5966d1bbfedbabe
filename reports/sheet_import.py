"""Reading a spreadsheet an officer sends back: the milestones table in the columns the export writes.

XLSX (the «المراحل» sheet, or the only sheet that has the columns), CSV (UTF-8, with or without a byte-order mark)
or the CSV export's zip (its milestones.csv). Columns are found by their headers, Arabic or English (a table exported
in either language comes back whoever sends it), in any order; cells come back as they were (text, numbers, dates),
each with its row number as the spreadsheet shows it. Checking what the values mean is the caller's: this module
knows the file formats, not the rules.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from messages import LANGUAGES, load_messages
from reports.tables import MILESTONE_COLUMNS, CellValue, Labels
from storage.archives import SHEET, ArchiveRefused, ArchiveTooBig, open_zip

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000
REQUIRED = ("exp-col-commitment", "exp-col-milestone", "exp-col-completion")
CSV_NAME = "milestones.csv"


class SheetError(ValueError):
    """The file cannot be read as the milestones table; `key` is the catalogue message that says why."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One data row: its number as the spreadsheet shows it (the header is row 1) and its cells by column key."""

    number: int
    cells: dict[str, CellValue]

    def blank(self) -> bool:
        """Tell whether every cell is empty."""
        return all(v is None or (isinstance(v, str) and not v.strip()) for v in self.cells.values())


def read_milestones(data: bytes, labels: Labels) -> list[SheetRow]:
    """Return the milestones table's rows from an XLSX, CSV or zip file, or raise SheetError."""
    if len(data) > MAX_BYTES:
        raise SheetError("import-too-large")
    if data.startswith(b"PK"):
        with _zip(data) as archive:  # bounded before openpyxl or we inflate a byte
            if CSV_NAME in archive.namelist():
                return _table(_csv_rows(archive.read(CSV_NAME)), labels)
        return _xlsx(data, labels)
    return _table(_csv_rows(data), labels)


def _zip(data: bytes) -> zipfile.ZipFile:
    try:
        return open_zip(data, SHEET)
    except ArchiveTooBig as error:
        raise SheetError("import-too-big-unpacked") from error
    except ArchiveRefused as error:
        raise SheetError("import-unreadable") from error


def _csv_rows(data: bytes) -> list[list[CellValue]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SheetError("import-unreadable") from error
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""))]


def _xlsx(data: bytes, labels: Labels) -> list[SheetRow]:
    from openpyxl import load_workbook  # loads only when a workbook arrives

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged or foreign file
        raise SheetError("import-unreadable") from error
    try:
        wanted = [name for name in _in_every_language(labels, "exp-sheet-milestones") if name in book.sheetnames]
        sheets = [book[wanted[0]]] if wanted else list(book.worksheets)
        for sheet in sheets:
            cells = sheet.iter_rows(max_row=MAX_ROWS + 2, values_only=True)  # one past the limit: too many rows
            rows = [[_cell(v) for v in row] for row in cells]
            try:
                return _table(rows, labels)
            except SheetError as error:
                if error.key != "import-no-columns" or len(sheets) == 1:
                    raise
        raise SheetError("import-no-columns")
    finally:
        book.close()


def _cell(value: Any) -> CellValue:
    if value is None or isinstance(value, str | int | datetime | date):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return str(value)


def _table(rows: list[list[CellValue]], labels: Labels) -> list[SheetRow]:
    """Find the header row's columns and return the rows under it."""
    if not rows:
        raise SheetError("import-empty")
    keys = {
        header: column.header_key
        for column in MILESTONE_COLUMNS
        for header in _in_every_language(labels, column.header_key)
    }
    found = {i: keys[str(h).strip()] for i, h in enumerate(rows[0]) if h is not None and str(h).strip() in keys}
    if not all(key in found.values() for key in REQUIRED):
        raise SheetError("import-no-columns")
    if len(rows) - 1 > MAX_ROWS:
        raise SheetError("import-too-many-rows")
    return [
        SheetRow(number, {key: (row[i] if i < len(row) else None) for i, key in found.items()})
        for number, row in enumerate(rows[1:], start=2)
    ]


def _in_every_language(labels: Labels, key: str) -> list[str]:
    """Return a catalogue message in the reader's language first, then in the others."""
    others = [load_messages(language).t(key) for language in LANGUAGES if language != labels.messages.language]
    return [labels.messages.t(key), *others]
