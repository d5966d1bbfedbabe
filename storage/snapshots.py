"""The dated snapshots of the open data (OGP standard 2: a repository "updated at least twice a year")."""

from __future__ import annotations

import json
from datetime import datetime

import aiosqlite

from storage.database import fetch_all, fetch_one
from storage.models import Row
from storage.timefmt import to_db


class Snapshot(Row):
    """A dated copy of the exports kept beside the database: its folder and files, relative to the snapshot folder."""

    id: int
    taken_at: datetime
    folder: str
    files: str  # a JSON array of file names
    recommendations: int

    def names(self) -> list[str]:
        """Return the snapshot's file names."""
        found = json.loads(self.files)
        return [str(name) for name in found] if isinstance(found, list) else []


_INSERT = "INSERT INTO snapshots (taken_at, folder, files, recommendations) VALUES (?, ?, ?, ?) RETURNING *"
_NEWEST = "SELECT * FROM snapshots ORDER BY taken_at DESC, id DESC LIMIT 1"
_ALL = "SELECT * FROM snapshots ORDER BY taken_at, id"
_SET_COUNT = "UPDATE snapshots SET recommendations = ? WHERE id = ?"
# An erasure queues this document job: the worker rewrites every snapshot from what is still published.
REDACT_JOB = "snapshot-redact"


async def record_snapshot(
    conn: aiosqlite.Connection, *, taken_at: datetime, folder: str, files: list[str], recommendations: int
) -> Snapshot:
    """Remember a snapshot written to disk."""
    row = await fetch_one(conn, _INSERT, (to_db(taken_at), folder, json.dumps(files), recommendations))
    assert row is not None  # noqa: S101 - RETURNING always yields the row
    return Snapshot.from_row(row)


async def newest_snapshot(conn: aiosqlite.Connection) -> Snapshot | None:
    """Return the newest snapshot."""
    row = await fetch_one(conn, _NEWEST)
    return Snapshot.from_row(row) if row else None


async def list_snapshots(conn: aiosqlite.Connection) -> list[Snapshot]:
    """Return every snapshot, oldest first."""
    return [Snapshot.from_row(r) for r in await fetch_all(conn, _ALL)]


async def set_count(conn: aiosqlite.Connection, snapshot_id: int, recommendations: int) -> None:
    """Record how many recommendations a rewritten snapshot holds."""
    await conn.execute(_SET_COUNT, (recommendations, snapshot_id))
