"""Opening a zip someone sent (XLSX, DOCX, the CSV export's zip) only within bounds: a zip bomb is refused unread.

Every limit is checked on the central directory before one byte is inflated: the number of entries, each entry's
size once inflated, their total, and how far one entry inflates. Python's zipfile never inflates an entry past the
size its header declares, so the declared sizes checked here bound what a reader (ours, or openpyxl) can take.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

MB = 1024 * 1024
_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})


@dataclass(frozen=True, slots=True)
class Bounds:
    """How much a zip may hold once inflated."""

    entries: int
    entry_bytes: int
    total_bytes: int
    ratio: int  # how many times its compressed size an entry may inflate to, past RATIO_FLOOR
    ratio_floor: int = MB  # small parts (an XML header, a folder) may inflate any amount


# A file people send (DOCX, XLSX, a zip of CSV files): recognised and kept only within these.
SENT = Bounds(entries=2000, entry_bytes=100 * MB, total_bytes=200 * MB, ratio=200)
# The milestones table read for /update: a thousand rows are well under a megabyte.
SHEET = Bounds(entries=200, entry_bytes=8 * MB, total_bytes=24 * MB, ratio=200)


class ArchiveRefused(ValueError):
    """A zip that is damaged or holds more than its bounds allow."""


class ArchiveTooBig(ArchiveRefused):
    """A zip that would inflate past its bounds (a zip bomb, or far more than the file is for)."""


def open_zip(data: bytes, bounds: Bounds) -> zipfile.ZipFile:
    """Return the zip in data after checking its directory against bounds; raise ArchiveRefused otherwise."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise ArchiveRefused(f"not a readable zip: {error}") from error
    try:
        check(archive.infolist(), bounds)
    except ArchiveRefused:
        archive.close()
        raise
    return archive


def check(entries: list[zipfile.ZipInfo], bounds: Bounds) -> None:
    """Raise ArchiveRefused when the entries, as their headers declare them, pass a bound."""
    if len(entries) > bounds.entries:
        raise ArchiveTooBig(f"{len(entries)} entries (at most {bounds.entries})")
    total = 0
    for entry in entries:
        if entry.compress_type not in _METHODS:  # every office file deflates; others inflate unbounded per read
            raise ArchiveRefused(f"an entry compressed with method {entry.compress_type}")
        if entry.file_size > bounds.entry_bytes:
            raise ArchiveTooBig(f"an entry of {entry.file_size} bytes (at most {bounds.entry_bytes})")
        if entry.file_size > bounds.ratio_floor and entry.file_size > bounds.ratio * max(entry.compress_size, 1):
            raise ArchiveTooBig(f"an entry inflating {entry.file_size // max(entry.compress_size, 1)} times")
        total += entry.file_size
        if total > bounds.total_bytes:
            raise ArchiveTooBig(f"more than {bounds.total_bytes} bytes in all")
