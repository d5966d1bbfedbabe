"""The dated snapshots as the site serves them, read-only: each folder's files with their sizes and SHA-256."""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import aiosqlite

from storage import snapshots

PREFIX = "open-data/snapshots/"


@dataclass(frozen=True)
class ArchivedFile:
    """One file of a snapshot, as it is on disk now."""

    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Archived:
    """A snapshot: when it was taken, its folder and files (only those still on disk)."""

    taken_at: datetime
    folder: str
    files: tuple[ArchivedFile, ...]


def _digest(path: Path) -> ArchivedFile | None:
    try:
        with path.open("rb") as source:
            digest = hashlib.file_digest(source, "sha256")
        return ArchivedFile(path.name, path.stat().st_size, digest.hexdigest())
    except OSError:
        return None


def _read(root: Path, folder: str, names: list[str]) -> tuple[ArchivedFile, ...]:
    found = (_digest(root / folder / name) for name in names if "/" not in name and not name.startswith("."))
    return tuple(f for f in found if f is not None)


async def archived(conn: aiosqlite.Connection, root: Path | None) -> list[Archived]:
    """Return every recorded snapshot still on disk, newest first, with checksums of its files."""
    if root is None:
        return []
    found = []
    for snap in reversed(await snapshots.list_snapshots(conn)):
        if "/" in snap.folder or snap.folder.startswith("."):
            continue
        files = await asyncio.to_thread(_read, root, snap.folder, snap.names())
        if files:
            found.append(Archived(snap.taken_at, snap.folder, files))
    return found


async def archived_file(conn: aiosqlite.Connection, root: Path | None, path: str) -> bytes | None:
    """Return the bytes of a recorded snapshot's file at open-data/snapshots/<folder>/<name>, else None."""
    folder, _, name = path.removeprefix(PREFIX).partition("/")
    if root is None or not folder or not name or "/" in name:
        return None
    for snap in await snapshots.list_snapshots(conn):
        if snap.folder == folder and name in snap.names():
            target = root / folder / name
            return await asyncio.to_thread(_bytes, target)
    return None


def _bytes(target: Path) -> bytes | None:
    try:
        return target.read_bytes()
    except OSError:
        return None
