"""How much a person has sent lately, for flood control; remembered across /forget for the hour that counts."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime, timedelta

import aiosqlite

from storage.database import execute_count, fetch_one
from storage.timefmt import to_db

WINDOW = timedelta(hours=1)
# The person's own recommendations, and those a chat of theirs sent before a /forget (by the chat's hash).
_RECENT = """
SELECT COUNT(*), MIN(created_at) FROM (
    SELECT created_at FROM recommendations WHERE participant_id = ? AND created_at > ?
    UNION ALL
    SELECT created_at FROM recommendation_memory WHERE actor = ? AND created_at > ?
)
"""
_REMEMBER = """
INSERT INTO recommendation_memory (actor, created_at)
SELECT ?, created_at FROM recommendations WHERE participant_id = ? AND created_at > ?
"""
_PRUNE = "DELETE FROM recommendation_memory WHERE created_at <= ?"


def actor(channel: str, external_id: str) -> str:
    """Return the one-way name of a chat under which its recent recommendations outlive a /forget."""
    return hashlib.sha256(f"ogp-flood:{channel}:{external_id}".encode()).hexdigest()


async def recent_recommendations(
    conn: aiosqlite.Connection, participant_id: int, since: datetime, *, channel: str = "", external_id: str = ""
) -> tuple[int, datetime | None]:
    """Return how many recommendations the person (and, before a /forget, their chat) stored after since, and
    when the oldest of them was."""
    stamp = to_db(since)
    row = await fetch_one(conn, _RECENT, (participant_id, stamp, actor(channel, external_id), stamp))
    if row is None or not row[0]:
        return 0, None
    return int(row[0]), datetime.fromisoformat(row[1])


async def remember(
    conn: aiosqlite.Connection, participant_id: int, chats: Iterable[tuple[str, str]], now: datetime
) -> None:
    """Before a person is forgotten: keep, under each chat's hash, when they recommended within the last hour."""
    since = to_db(now - WINDOW)
    for channel, external_id in chats:
        await conn.execute(_REMEMBER, (actor(channel, external_id), participant_id, since))
    await prune(conn, now)


async def prune(conn: aiosqlite.Connection, now: datetime) -> int:
    """Forget what no longer counts (older than the hour); return how many."""
    return await execute_count(conn, _PRUNE, (to_db(now - WINDOW),))
