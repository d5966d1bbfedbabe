"""Recommendations and their counts."""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from storage.models import Recommendation
from storage.timefmt import to_db

_INSERT = """
INSERT INTO recommendations (participant_id, commitment_id, theme_id, round_id, text, channel, event_id,
                             created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *
"""
_SELECT_ONE = "SELECT * FROM recommendations WHERE id = ?"
_SELECT_BY_PARTICIPANT = """
SELECT * FROM recommendations WHERE participant_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?
"""
_COUNT_BY_PARTICIPANT = "SELECT COUNT(*) FROM recommendations WHERE participant_id = ?"


async def add_recommendation(
    conn: aiosqlite.Connection,
    *,
    participant_id: int,
    commitment_id: int,
    theme_id: int | None,
    text: str,
    channel: str,
    now: datetime,
    round_id: int | None = None,
    event_id: str | None = None,
) -> Recommendation:
    """Store a new recommendation and return it with its receipt number (the id)."""
    params = (participant_id, commitment_id, theme_id, round_id, text, channel, event_id, to_db(now))
    async with conn.execute(_INSERT, params) as cursor:
        row = await cursor.fetchone()
    return Recommendation.from_row(row)


async def get_recommendation(conn: aiosqlite.Connection, recommendation_id: int) -> Recommendation | None:
    """Return one recommendation by id."""
    async with conn.execute(_SELECT_ONE, (recommendation_id,)) as cursor:
        row = await cursor.fetchone()
    return Recommendation.from_row(row) if row else None


async def list_by_participant(
    conn: aiosqlite.Connection, participant_id: int, *, limit: int, offset: int = 0
) -> list[Recommendation]:
    """Return a participant's recommendations, newest first."""
    async with conn.execute(_SELECT_BY_PARTICIPANT, (participant_id, limit, offset)) as cursor:
        return [Recommendation.from_row(r) for r in await cursor.fetchall()]


async def count_by_participant(conn: aiosqlite.Connection, participant_id: int) -> int:
    """Return how many recommendations a participant has sent."""
    async with conn.execute(_COUNT_BY_PARTICIPANT, (participant_id,)) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0
