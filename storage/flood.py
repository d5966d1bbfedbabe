"""How much a person has sent lately, for flood control."""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from storage.database import fetch_one
from storage.timefmt import to_db

_RECENT = """
SELECT COUNT(*), MIN(created_at) FROM recommendations
WHERE participant_id = ? AND created_at > ?
"""


async def recent_recommendations(
    conn: aiosqlite.Connection, participant_id: int, since: datetime
) -> tuple[int, datetime | None]:
    """Return how many recommendations the participant stored after since, and when the oldest of them was."""
    row = await fetch_one(conn, _RECENT, (participant_id, to_db(since)))
    if row is None or not row[0]:
        return 0, None
    return int(row[0]), datetime.fromisoformat(row[1])
