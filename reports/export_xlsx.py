"""The XLSX export: right-to-left sheets with Arabic headers, written row by row (write-only workbook)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import BinaryIO

import aiosqlite
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from reports.cells import neutralise
from reports.tables import (
    MILESTONE_COLUMNS,
    RECOMMENDATION_COLUMNS,
    STATUS_COLUMNS,
    SUMMARY_COLUMNS,
    CellValue,
    Column,
    Labels,
    milestone_cells,
    recommendation_cells,
    status_cells,
)
from storage import exports
from storage.exports import ExportScope
from storage.models import Commitment

MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Dates as the seed report writes them (30/9/2019), still real date cells that sort and filter.
DATE_TIME_FORMAT = "d/m/yyyy hh:mm"
DATE_FORMAT = "d/m/yyyy"
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")


class _Sheet:
    """A write-only sheet with its columns: header, widths, RTL, frozen header row and a filter over the rows."""

    def __init__(self, workbook: Workbook, title: str, columns: tuple[Column, ...], labels: Labels) -> None:
        self.ws: WriteOnlyWorksheet = workbook.create_sheet(title=title[:31])
        self.columns = columns
        self.rows = 0
        # Styles resolved once and shared: assigning a style object per cell hashes it every time (4x slower).
        self._wrap = self._style(alignment=_WRAP)
        self._datetime = self._style(number_format=DATE_TIME_FORMAT, alignment=_TOP)
        self._date = self._style(number_format=DATE_FORMAT, alignment=_TOP)
        self.ws.sheet_view.rightToLeft = True
        self.ws.freeze_panes = "A2"  # must be set before the first row: write-only sheets write their top first
        for index, column in enumerate(columns, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = column.width
        self.ws.append([self._header(text) for text in labels.headers(columns)])

    def _style(self, **attributes: object) -> StyleArray:
        cell = WriteOnlyCell(self.ws)
        for name, value in attributes.items():
            setattr(cell, name, value)
        return cell._style

    def _styled(self, value: CellValue, style: StyleArray) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws, value=value)
        cell._style = style
        return cell

    def _header(self, text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws, value=text)
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _WRAP
        return cell

    def append(self, values: Sequence[CellValue]) -> None:
        """Write one row: text neutralised, long text wrapped, instants and days as real date cells."""
        self.ws.append([self._cell(column, value) for column, value in zip(self.columns, values, strict=True)])
        self.rows += 1

    def _cell(self, column: Column, value: CellValue) -> WriteOnlyCell | CellValue:
        if isinstance(value, str):
            value = neutralise(value)
            return self._styled(value, self._wrap) if column.wrap else value
        if isinstance(value, datetime):
            return self._styled(value, self._datetime)
        if isinstance(value, date):
            return self._styled(value, self._date)
        return value

    def finish(self) -> None:
        """Put a filter over the header and every written row (written when the workbook is saved)."""
        last = get_column_letter(len(self.columns))
        self.ws.auto_filter.ref = f"A1:{last}{self.rows + 1}"


async def write_xlsx(
    conn: aiosqlite.Connection, scope: ExportScope, out: BinaryIO, labels: Labels, *, title: str
) -> int:
    """Write the workbook to out: a summary, a sheet per commitment, status updates, milestones; return rows."""
    workbook = Workbook(write_only=True)
    workbook.properties.title = title
    commitments = await exports.commitments_in_scope(conn, scope)
    await _summary(conn, workbook, commitments, scope, labels)
    total = 0
    for commitment in commitments:
        sheet = _Sheet(
            workbook,
            labels.messages.t("exp-sheet-commitment", number=commitment.number),
            RECOMMENDATION_COLUMNS,
            labels,
        )
        async for rec in exports.iter_recommendations(conn, commitment.id, scope):
            sheet.append(recommendation_cells(rec, labels))
        sheet.finish()
        total += sheet.rows
    updates = _Sheet(workbook, labels.messages.t("exp-sheet-status"), STATUS_COLUMNS, labels)
    milestones = _Sheet(workbook, labels.messages.t("exp-sheet-milestones"), MILESTONE_COLUMNS, labels)
    for commitment in commitments:
        async for update in exports.iter_status_updates(conn, commitment.id, scope):
            updates.append(status_cells(update, labels))
        async for milestone in exports.iter_milestones(conn, commitment.id):
            milestones.append(milestone_cells(milestone, labels))
    updates.finish()
    milestones.finish()
    workbook.save(out)
    return total


async def _summary(
    conn: aiosqlite.Connection,
    workbook: Workbook,
    commitments: list[Commitment],
    scope: ExportScope,
    labels: Labels,
) -> None:
    """Write the summary sheet: a count per commitment, theme and state, then the total."""
    sheet = _Sheet(workbook, labels.messages.t("exp-sheet-summary"), SUMMARY_COLUMNS, labels)
    total = 0
    for commitment in commitments:
        for count in await exports.count_by_state(conn, commitment, scope):
            theme = count.theme or labels.messages.t("exp-no-theme")
            sheet.append([commitment.number, commitment.title_ar, theme, labels.state(count.state), count.count])
            total += count.count
    sheet.finish()
    sheet.append([None, labels.messages.t("exp-total"), None, None, total])
