"""The CSV export: UTF-8 with a byte-order mark (so Excel reads Arabic), one file per table, zipped when several."""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
import zipfile
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, BinaryIO, TypeVar

import aiosqlite

from reports.cells import neutralise
from reports.tables import (
    COMMITMENT_COLUMNS,
    MILESTONE_COLUMNS,
    RECOMMENDATION_COLUMNS,
    STATUS_COLUMNS,
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

CSV_MIME = "text/csv"
ZIP_MIME = "application/zip"
_SPOOL_BYTES = 8 * 1024 * 1024  # a table bigger than this goes to a temporary file, so memory stays flat

Row = TypeVar("Row")


@dataclass(frozen=True, slots=True)
class CsvResult:
    """What was written: a bare .csv (one table) or a .zip of several, and how many recommendations."""

    extension: str
    mime: str
    recommendations: int


def text_cell(value: CellValue) -> str:
    """Return a cell as CSV text: neutralised strings, local times as 2026-11-29 10:00, days as 2026-11-29."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return neutralise(value)
    return str(value)


class _Table:
    """One CSV table spooled to memory or disk until it is known whether it travels alone or zipped."""

    def __init__(self, name: str, columns: tuple[Column, ...], labels: Labels) -> None:
        self.name = name
        self.rows = 0
        self.file: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES)  # noqa: SIM115 - closed in write_csv
        self._text = io.TextIOWrapper(self.file, encoding="utf-8-sig", newline="", write_through=True)
        self._writer = csv.writer(self._text)
        self._writer.writerow([neutralise(h) for h in labels.headers(columns)])

    def append(self, values: Sequence[CellValue]) -> None:
        """Write one row."""
        self._writer.writerow([text_cell(v) for v in values])
        self.rows += 1

    def rewind(self) -> IO[bytes]:
        """Return the bytes written, from the start."""
        self._text.flush()
        self.file.seek(0)
        return self.file

    def close(self) -> None:
        """Release the spool."""
        self._text.detach()
        self.file.close()


async def _fill(
    table: _Table,
    commitments: list[Commitment],
    rows: Callable[[int], AsyncIterator[Row]],
    cells: Callable[[Row, Labels], list[CellValue]],
    labels: Labels,
) -> None:
    for commitment in commitments:
        async for row in rows(commitment.id):
            table.append(cells(row, labels))


async def write_csv(
    conn: aiosqlite.Connection,
    scope: ExportScope,
    out: BinaryIO,
    labels: Labels,
    *,
    only_recommendations: bool = False,
    archive: bool = False,
) -> CsvResult:
    """Write recommendations (and status updates, milestones and the commitments' tracks when there are any, unless
    only the recommendations are asked for) as CSV to out; a zip of them when more than one, or when archive."""
    commitments = await exports.commitments_in_scope(conn, scope)
    tables = [
        _Table("recommendations.csv", RECOMMENDATION_COLUMNS, labels),
        _Table("status_updates.csv", STATUS_COLUMNS, labels),
        _Table("milestones.csv", MILESTONE_COLUMNS, labels),
        _Table("commitments.csv", COMMITMENT_COLUMNS, labels),
    ]
    try:
        await _fill(
            tables[0], commitments, lambda c: exports.iter_recommendations(conn, c, scope), recommendation_cells, labels
        )
        await _fill(tables[1], commitments, lambda c: exports.iter_status_updates(conn, c, scope), status_cells, labels)
        await _fill(tables[2], commitments, lambda c: exports.iter_milestones(conn, c), milestone_cells, labels)
        tracks = await exports.commitment_tracks(conn, scope)
        for item in tracks:
            tables[3].append(commitment_cells(item, labels))
        present = [tables[0], *(t for t in tables[1:3] if t.rows and not only_recommendations)]
        if not only_recommendations and (len(present) > 1 or any(not item.assessment.empty for item in tracks)):
            present.append(tables[3])  # both tracks of progress, whenever there is progress to show
        if len(present) == 1 and not archive:
            shutil.copyfileobj(present[0].rewind(), out)
            return CsvResult("csv", CSV_MIME, tables[0].rows)
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
            for table in present:
                with zipped.open(table.name, "w") as entry:
                    shutil.copyfileobj(table.rewind(), entry)
        return CsvResult("zip", ZIP_MIME, tables[0].rows)
    finally:
        for table in tables:
            table.close()
