"""Attendance counted in the hall of a round's meeting (total, liaison officers, kinds of organisation)."""

from __future__ import annotations

from datetime import datetime

import aiosqlite
from pydantic import BaseModel, ConfigDict

from storage.database import fetch_all, fetch_one
from storage.models import Sector
from storage.timefmt import to_db


class HallCount(BaseModel):
    """Who attended in the hall: everyone, the liaison officers among them (None: not counted), and by sector."""

    model_config = ConfigDict(frozen=True)

    total: int
    officers: int | None = None
    by_sector: tuple[tuple[Sector, int], ...] = ()


_SELECT = "SELECT total, officers FROM round_hall WHERE round_id = ?"
_SELECT_SECTORS = "SELECT sector, count FROM round_hall_sectors WHERE round_id = ? ORDER BY count DESC, sector"
_UPSERT = """
INSERT INTO round_hall (round_id, total, officers, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (round_id) DO UPDATE SET total = excluded.total, officers = excluded.officers,
    updated_by = excluded.updated_by, updated_at = excluded.updated_at
"""
_CLEAR_SECTORS = "DELETE FROM round_hall_sectors WHERE round_id = ?"
_INSERT_SECTOR = "INSERT INTO round_hall_sectors (round_id, sector, count) VALUES (?, ?, ?)"


async def get_hall(conn: aiosqlite.Connection, round_id: int) -> HallCount | None:
    """Return the hall's count for a round, or None when none was entered."""
    row = await fetch_one(conn, _SELECT, (round_id,))
    if row is None:
        return None
    sectors = tuple((Sector(r["sector"]), int(r["count"])) for r in await fetch_all(conn, _SELECT_SECTORS, (round_id,)))
    return HallCount(total=row["total"], officers=row["officers"], by_sector=sectors)


async def set_hall(
    conn: aiosqlite.Connection, round_id: int, hall: HallCount, *, by: int | None, now: datetime
) -> None:
    """Store (or replace) the hall's count for a round."""
    await conn.execute(_UPSERT, (round_id, hall.total, hall.officers, by, to_db(now)))
    await conn.execute(_CLEAR_SECTORS, (round_id,))
    await conn.executemany(
        _INSERT_SECTOR, [(round_id, sector.value, count) for sector, count in hall.by_sector if count > 0]
    )
