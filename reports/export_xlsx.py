"""The XLSX export: sheets in the asker's language (Arabic right to left, English left to right), written row by row
(write-only workbook)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from enum import IntEnum
from typing import BinaryIO

import aiosqlite
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from reports.cells import neutralise
from reports.tables import (
    COMMITMENT_COLUMNS,
    MILESTONE_COLUMNS,
    RECOMMENDATION_COLUMNS,
    STATUS_COLUMNS,
    SUMMARY_COLUMNS,
    CellValue,
    Column,
    Labels,
    commitment_cells,
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


class _ColumnCell(Cell):  # type: ignore[misc]  # openpyxl is untyped
    """One column's cell of one style, reused row after row: a write-only sheet writes a row before the next."""

    __slots__ = ("_style_id",)

    def __init__(self, ws: WriteOnlyWorksheet, column: int, style: StyleArray | None) -> None:
        super().__init__(ws, row=1, column=column, style_array=style)
        self._style_id: int | None = None

    @property
    def style_id(self) -> int:
        """Return the style's index, looked up on first use instead of hashing the style for every cell."""
        if self._style_id is None:
            self._style_id = int(self.parent.parent._cell_styles.add(self._style))
        return self._style_id


class _RowSheet(WriteOnlyWorksheet):  # type: ignore[misc]  # openpyxl is untyped
    """A write-only sheet that takes rows of ready cells.

    openpyxl's own append tries every value as a plain value first: a styled cell costs a refused conversion with a
    formatted error message and a fresh cell after it: most of what the export took beyond a bare write.
    """

    def _values_to_row(self, values: Sequence[Cell | None], row_idx: int) -> Iterator[Cell]:
        for cell in values:
            if cell is not None:
                cell.row = row_idx
                yield cell


class _Kind(IntEnum):
    """How a value is written: the cell style it needs."""

    PLAIN = 0
    WRAP = 1
    DATETIME = 2
    DATE = 3


class _Sheet:
    """A write-only sheet with its columns: header, widths, direction, frozen header row and a filter over the rows."""

    def __init__(self, workbook: Workbook, title: str, columns: tuple[Column, ...], labels: Labels) -> None:
        self.ws = _RowSheet(parent=workbook, title=title[:31])
        workbook._add_sheet(self.ws)
        self.columns = columns
        self.rows = 0
        self.ws.sheet_view.rightToLeft = labels.messages.direction == "rtl"  # an English export reads left to right
        self.ws.freeze_panes = "A2"  # must be set before the first row: write-only sheets write their top first
        for index, column in enumerate(columns, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = column.width
        self.ws.append([self._header(index, text) for index, text in enumerate(labels.headers(columns), start=1)])
        styles = {
            _Kind.PLAIN: None,
            _Kind.WRAP: self._style(alignment=_WRAP),
            _Kind.DATETIME: self._style(number_format=DATE_TIME_FORMAT, alignment=_TOP),
            _Kind.DATE: self._style(number_format=DATE_FORMAT, alignment=_TOP),
        }
        self._cells = [
            [_ColumnCell(self.ws, index, styles[kind]) for kind in _Kind] for index in range(1, len(columns) + 1)
        ]
        self._wraps = [column.wrap for column in columns]

    def _style(self, **attributes: object) -> StyleArray:
        cell = WriteOnlyCell(self.ws)
        for name, value in attributes.items():
            setattr(cell, name, value)
        return cell._style

    def _header(self, index: int, text: str) -> Cell:
        cell = WriteOnlyCell(self.ws, value=text)
        cell.column = index
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _WRAP
        return cell

    def append(self, values: Sequence[CellValue]) -> None:
        """Write one row: text neutralised, long text wrapped, instants and days as real date cells."""
        cells = zip(self._cells, self._wraps, values, strict=True)
        self.ws.append([self._cell(column, wrap, value) for column, wrap, value in cells])
        self.rows += 1

    @staticmethod
    def _cell(cells: list[_ColumnCell], wrap: bool, value: CellValue) -> Cell | None:
        """Return the column's cell for the value's kind, holding the value (None: no cell at all)."""
        if value is None:
            return None
        if isinstance(value, str):
            value = neutralise(value)
            cell = cells[_Kind.WRAP if wrap else _Kind.PLAIN]
        elif isinstance(value, datetime):
            cell = cells[_Kind.DATETIME]
        elif isinstance(value, date):
            cell = cells[_Kind.DATE]
        else:
            cell = cells[_Kind.PLAIN]
        cell.value = value
        return cell

    def finish(self) -> None:
        """Put a filter over the header and every written row (written when the workbook is saved)."""
        last = get_column_letter(len(self.columns))
        self.ws.auto_filter.ref = f"A1:{last}{self.rows + 1}"


def _workbook(labels: Labels) -> Workbook:
    """Return a new workbook whose author is the coordinating unit (openpyxl would name itself)."""
    workbook = Workbook(write_only=True)
    workbook.properties.creator = workbook.properties.lastModifiedBy = labels.messages.t("rep-author")
    return workbook


async def write_xlsx(
    conn: aiosqlite.Connection, scope: ExportScope, out: BinaryIO, labels: Labels, *, title: str
) -> int:
    """Write the workbook: a summary, a sheet per commitment, status updates, milestones, commitments; return rows."""
    workbook = _workbook(labels)
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
    tracks = _Sheet(workbook, labels.messages.t("exp-sheet-commitments"), COMMITMENT_COLUMNS, labels)
    for item in await exports.commitment_tracks(conn, scope):
        tracks.append(commitment_cells(item, labels))
    tracks.finish()
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
            theme = labels.pick(count.theme, count.theme_en) or labels.messages.t("exp-no-theme")
            title = labels.messages.name(commitment)
            sheet.append([commitment.number, title, theme, labels.state(count.state), count.count])
            total += count.count
    sheet.finish()
    sheet.append([None, labels.messages.t("exp-total"), None, None, total])


async def write_milestones(
    conn: aiosqlite.Connection, commitments: list[Commitment], out: BinaryIO, labels: Labels
) -> int:
    """Write the milestones sheet alone for these commitments (what an officer edits and sends back); return rows."""
    workbook = _workbook(labels)
    sheet = _Sheet(workbook, labels.messages.t("exp-sheet-milestones"), MILESTONE_COLUMNS, labels)
    for commitment in commitments:
        async for milestone in exports.iter_milestones(conn, commitment.id):
            sheet.append(milestone_cells(milestone, labels))
    sheet.finish()
    workbook.save(out)
    return sheet.rows
