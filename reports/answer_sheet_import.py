"""Reading an answer sheet sent back: its rows by column, and which rows were hidden or merged in the workbook.

The bounds are the milestones table's (reports.sheet_import: size, the archive opened within its limits before the
workbook is parsed, rows); the workbook is then read in full, not streamed, because hidden rows and merged cells are
only known that way. Columns are found by their headers in either language, in any order; values mean nothing here.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reports import sheet_import
from reports.answer_sheet import COLUMNS, REQUIRED
from reports.sheet_import import MAX_BYTES, MAX_ROWS, SheetError
from reports.tables import CellValue, Labels

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


@dataclass(frozen=True, slots=True)
class AnswerRow:
    """One data row: its number as the spreadsheet shows it, its cells by column key, and how it was laid out."""

    number: int
    cells: dict[str, CellValue]
    hidden: bool = False
    merged: bool = False

    def blank(self) -> bool:
        """Tell whether no cell was filled in (a row left for later)."""
        return all(v is None or (isinstance(v, str) and not v.strip()) for v in self.cells.values())


def read_answer_sheet(data: bytes, labels: Labels) -> list[AnswerRow]:
    """Return the answer sheet's rows from an XLSX file, or raise SheetError."""
    if len(data) > MAX_BYTES:
        raise SheetError("import-too-large")
    if not data.startswith(b"PK"):
        raise SheetError("answer-sheet-no-columns")
    with sheet_import._zip(data):  # the shared, bounded opening: refused here before openpyxl inflates anything
        pass
    from openpyxl import load_workbook  # loads only when a workbook arrives

    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged or foreign file
        raise SheetError("import-unreadable") from error
    try:
        for sheet in book.worksheets:
            found = _columns(sheet, labels)
            if found is not None:
                return _rows(sheet, found)
        raise SheetError("answer-sheet-no-columns")
    finally:
        book.close()


def _columns(sheet: Worksheet, labels: Labels) -> dict[int, str] | None:
    """Return the header row's column keys by column number, or None when it is not the answer sheet."""
    keys = {
        header: column.header_key
        for column in COLUMNS
        for header in sheet_import._in_every_language(labels, column.header_key)
    }
    first = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
    found = {i: keys[str(h).strip()] for i, h in enumerate(first, start=1) if h is not None and str(h).strip() in keys}
    return found if all(key in found.values() for key in REQUIRED) else None


def _rows(sheet: Worksheet, found: dict[int, str]) -> list[AnswerRow]:
    last = int(sheet.max_row)
    if last - 1 > MAX_ROWS:
        raise SheetError("import-too-many-rows")
    merged: set[int] = set()
    for span in sheet.merged_cells.ranges:
        merged.update(range(max(2, span.min_row), span.max_row + 1))
    dimensions = sheet.row_dimensions
    rows = []
    for number, values in enumerate(sheet.iter_rows(min_row=2, max_row=last, values_only=True), start=2):
        cells = {key: sheet_import._cell(values[i - 1]) if i <= len(values) else None for i, key in found.items()}
        hidden = number in dimensions and bool(dimensions[number].hidden)
        rows.append(AnswerRow(number, cells, hidden=hidden, merged=number in merged))
    return rows
