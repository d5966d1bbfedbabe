"""`ogp-bot export --with-files`: the export and every file its rows name, in one zip.

The zip holds the export file itself (XLSX, CSV zip or JSON) and each voice note, attachment and evidence file at
the path its row names (reports/archive.py): files/recommendations/<receipt>/... and files/updates/<id>/....
"""

from __future__ import annotations

import asyncio
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO
from zoneinfo import ZoneInfo

import aiosqlite

from messages_ar import Messages
from reports.archive import RECOMMENDATIONS, UPDATES, archive_path
from reports.export import ExportFile, ExportFormat, export
from storage import exports
from storage.exports import ExportScope
from storage.files import FileStore
from storage.filetypes import Format

_COMPRESSIBLE = frozenset({Format.CSV.value, Format.PDF.value})  # the rest is compressed already
_SPOOL_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class WithFiles:
    """What the zip holds: the export's own figures, how many files, and how many were missing from the folder."""

    export: ExportFile
    files: int
    missing: int


async def export_with_files(
    conn: aiosqlite.Connection,
    scope: ExportScope,
    fmt: ExportFormat,
    out: BinaryIO,
    store: FileStore,
    *,
    messages: Messages,
    tz: ZoneInfo,
    now: datetime,
) -> WithFiles:
    """Write a zip with the scope's export and the files its rows name."""
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES) as inner:
        written = await export(conn, scope, fmt, inner, messages=messages, tz=tz, now=now)  # type: ignore[arg-type]
        held = await exports.files_in_scope(conn, scope)
        inner.seek(0)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            with archive.open(written.filename(now, tz), "w", force_zip64=True) as entry:
                while chunk := inner.read(1 << 20):
                    entry.write(chunk)
            missing = 0
            for owner, owner_id, ref in held:
                data = await asyncio.to_thread(store.read, ref.sha256)
                if data is None:  # erased between the snapshot and now: the row names a file that went
                    missing += 1
                    continue
                path = archive_path(RECOMMENDATIONS if owner == "recommendation" else UPDATES, owner_id, ref)
                method = zipfile.ZIP_DEFLATED if ref.format in _COMPRESSIBLE else zipfile.ZIP_STORED
                archive.writestr(path, data, compress_type=method)
    return WithFiles(written, len(held) - missing, missing)
