"""One entry point for every export format, used by /export and `ogp-bot export`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import BinaryIO
from zoneinfo import ZoneInfo

import aiosqlite

from messages_ar import Messages
from reports import export_csv, export_json
from reports.tables import Labels
from storage.exports import ExportScope


class ExportFormat(StrEnum):
    """The file formats coordinators can ask for."""

    XLSX = "xlsx"
    CSV = "csv"
    JSON = "json"


@dataclass(frozen=True, slots=True)
class ExportFile:
    """What was written: its extension and media type, and how many recommendations it holds."""

    extension: str
    mime: str
    recommendations: int

    def filename(self, now: datetime, tz: ZoneInfo) -> str:
        """Return a file name stamped with the local time, e.g. ogp-export-20261129-1000.xlsx."""
        return f"ogp-export-{now.astimezone(tz):%Y%m%d-%H%M}.{self.extension}"


async def export(
    conn: aiosqlite.Connection,
    scope: ExportScope,
    fmt: ExportFormat,
    out: BinaryIO,
    *,
    messages: Messages,
    tz: ZoneInfo,
    now: datetime,
    only_recommendations: bool = False,
    archive: bool = False,
) -> ExportFile:
    """Write the scope's input to out in the format asked for (CSV: only the recommendations table when asked, a
    zip even of one table when archive)."""
    labels = Labels(messages, tz)
    if fmt is ExportFormat.XLSX:
        from reports import export_xlsx  # openpyxl is ~25 MB of memory; only XLSX exports need it

        title = messages.t("exp-sheet-summary")
        count = await export_xlsx.write_xlsx(conn, scope, out, labels, title=title)
        return ExportFile("xlsx", export_xlsx.MIME, count)
    if fmt is ExportFormat.CSV:
        result = await export_csv.write_csv(
            conn, scope, out, labels, only_recommendations=only_recommendations, archive=archive
        )
        return ExportFile(result.extension, result.mime, result.recommendations)
    count = await export_json.write_json(conn, scope, out, tz, now=now)
    return ExportFile("json", export_json.MIME, count)
