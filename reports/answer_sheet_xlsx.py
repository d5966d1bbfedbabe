"""The answer sheet as XLSX: one row per recommendation, a drop-down of states, the rules on a second sheet.

Right to left for Arabic readers; every text cell neutralised (reports.cells) so nothing an author typed can run as a
formula; the answer-version column hidden and the sheet protected except the two columns to fill.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from reports.answer_sheet import COLUMNS, FILLED, VERSION, SheetItem, item_cells
from reports.cells import neutralise
from reports.tables import Labels
from storage.models import RecommendationState

DATE_FORMAT = "d/m/yyyy"
SPARE_ROWS = 0  # the sheet lists what there is to answer; a row added by hand has no recommendation behind it
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_FILL_ME = PatternFill("solid", fgColor="FFF2CC")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_OPEN = Protection(locked=False)


def write_answer_sheet(
    items: Sequence[SheetItem], states: Sequence[RecommendationState], out: BinaryIO, labels: Labels
) -> int:
    """Write the answer sheet and its rules; return the number of recommendation rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = labels.messages.t("answer-sheet-title")[:31]
    _columns(sheet, labels)
    for row, item in enumerate(items, start=2):
        _row(sheet, row, item, labels)
    _drop_down(sheet, states, labels, last_row=len(items) + 1 + SPARE_ROWS)
    _rules(book, states, labels)
    book.save(out)
    return len(items)


def _columns(sheet: Worksheet, labels: Labels) -> None:
    sheet.sheet_view.rightToLeft = labels.messages.direction == "rtl"
    sheet.freeze_panes = "B2"
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        cell = sheet.cell(row=1, column=index, value=labels.messages.t(column.header_key))
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _WRAP
    sheet.column_dimensions[_letter(VERSION)].hidden = True
    # Locked cells keep the recommendation's facts and its version as they were sent; the format stays free.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.autoFilter = False


def _row(sheet: Worksheet, row: int, item: SheetItem, labels: Labels) -> None:
    for index, (column, value) in enumerate(zip(COLUMNS, item_cells(item, labels), strict=True), start=1):
        cell = sheet.cell(row=row, column=index, value=neutralise(value) if isinstance(value, str) else value)
        cell.alignment = _WRAP if column.wrap else _TOP
        if isinstance(value, date):
            cell.number_format = DATE_FORMAT
        if column.header_key in FILLED:
            cell.fill, cell.protection = _FILL_ME, _OPEN


def _drop_down(sheet: Worksheet, states: Sequence[RecommendationState], labels: Labels, last_row: int) -> None:
    """Offer the states by name in the reader's language (a list Excel, LibreOffice and Google Sheets all show)."""
    names = ",".join(labels.state(state) for state in states)
    check = DataValidation(type="list", formula1=f'"{names}"', allow_blank=True, showErrorMessage=True)
    check.errorTitle = labels.messages.t("answer-sheet-state-error-title")
    check.error = labels.messages.t("answer-sheet-state-error")
    letter = _letter(FILLED[0])
    check.add(f"{letter}2:{letter}{max(last_row, 2)}")
    sheet.add_data_validation(check)


def _rules(book: Workbook, states: Sequence[RecommendationState], labels: Labels) -> None:
    sheet = book.create_sheet(labels.messages.t("answer-sheet-rules-title")[:31])
    sheet.sheet_view.rightToLeft = labels.messages.direction == "rtl"
    sheet.column_dimensions["A"].width = 110
    lines = labels.messages.t("answer-sheet-rules").splitlines()
    lines += ["", labels.messages.t("answer-sheet-rules-states"), *(labels.state(s) for s in states)]
    for row, line in enumerate(lines, start=1):
        cell = sheet.cell(row=row, column=1, value=neutralise(line))
        cell.alignment = _WRAP
    sheet["A1"].font = _HEADER_FONT


def _letter(header_key: str) -> str:
    return str(get_column_letter(next(i for i, c in enumerate(COLUMNS, start=1) if c.header_key == header_key)))
