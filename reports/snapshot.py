"""The open data's dated snapshots: the exports (XLSX, CSV, JSON) of everything, kept in a folder beside the database.

OGP's second standard asks for a public repository "updated at least twice a year"; a snapshot is what the bot can
vouch for having published on a date. A scheduled job takes one every OGP_SNAPSHOT_MONTHS months; coordinators can
take one from /evidence; the evidence pack copies those of its period.
"""

from __future__ import annotations

import asyncio
import io
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import aiosqlite

from messages_ar import Messages
from reports.export import ExportFormat, export
from storage import snapshots
from storage.exports import ExportScope
from storage.snapshots import Snapshot


async def take_snapshot(
    conn: aiosqlite.Connection, root: Path, *, now: datetime, messages: Messages, tz: ZoneInfo
) -> Snapshot:
    """Write every export format of all the input into root/<date-time>/ and record the snapshot."""
    local = now.astimezone(tz)
    name = f"{local:%Y-%m-%d-%H%M}"
    folder = root / name
    await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
    files: list[str] = []
    count = 0
    for fmt in ExportFormat:
        out = io.BytesIO()
        result = await export(conn, ExportScope(), fmt, out, messages=messages, tz=tz, now=now)
        filename = f"ogp-open-data-{local:%Y%m%d}.{result.extension}"
        await asyncio.to_thread((folder / filename).write_bytes, out.getvalue())
        files.append(filename)
        count = result.recommendations
    return await snapshots.record_snapshot(conn, taken_at=now, folder=name, files=files, recommendations=count)


def snapshot_files(root: Path, snapshot: Snapshot) -> list[Path]:
    """Return a snapshot's files that are still on disk."""
    folder = root / snapshot.folder
    return [folder / name for name in snapshot.names() if (folder / name).is_file()]
