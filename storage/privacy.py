"""Erasing a person's personal data (on request, or after a period of inactivity), keeping what must stay."""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from storage import flood
from storage.database import execute_count, fetch_all
from storage.timefmt import to_db

_IDENTITIES = "SELECT channel, external_id FROM identities WHERE participant_id = ?"
_BLANK_PARTICIPANT = """
UPDATE participants SET name = NULL, organisation = NULL, sector = NULL, governorate = NULL, consent_at = NULL,
    notify_answers = 0, notify_status = 0, notify_reminders = 0, unreachable_at = NULL,
    last_seen_at = ?, forgotten_at = ?
WHERE id = ?
"""
_DELETE_IDENTITIES = "DELETE FROM identities WHERE participant_id = ?"
_DELETE_SESSION = "DELETE FROM sessions WHERE channel = ? AND external_id = ?"
# Messages to or about the person carry their chat id and often their name: drop them, sent or not.
_DELETE_OUTBOX = "DELETE FROM outbox WHERE (channel = ? AND recipient = ?) OR participant_id = ?"
_DELETE_FOLLOWS = "DELETE FROM follows WHERE participant_id = ?"
_DELETE_ROLES = "DELETE FROM roles WHERE participant_id = ?"
_DELETE_RECOMMENDATIONS = "DELETE FROM recommendations WHERE participant_id = ?"
_UNLINK_RECOMMENDATIONS = "UPDATE recommendations SET participant_id = NULL WHERE participant_id = ?"
_INACTIVE = """
SELECT p.id FROM participants p
WHERE p.forgotten_at IS NULL AND p.last_seen_at < ?
  AND NOT EXISTS (SELECT 1 FROM roles r WHERE r.participant_id = p.id)
ORDER BY p.id
"""
_PRUNE_OUTBOX = "DELETE FROM outbox WHERE status NOT IN ('pending', 'sending') AND created_at < ?"


async def forget(
    conn: aiosqlite.Connection, participant_id: int, *, delete_recommendations: bool, now: datetime
) -> int:
    """Erase a participant's personal data; their recommendations are deleted or kept unlinked; return how many."""
    identities = [(r[0], r[1]) for r in await fetch_all(conn, _IDENTITIES, (participant_id,))]
    await flood.remember(conn, participant_id, identities, now)  # the hourly limit holds across a new registration
    for channel, external_id in identities:
        await conn.execute(_DELETE_SESSION, (channel, external_id))
        await conn.execute(_DELETE_OUTBOX, (channel, external_id, participant_id))
    await conn.execute(_DELETE_IDENTITIES, (participant_id,))
    await conn.execute(_DELETE_FOLLOWS, (participant_id,))
    await conn.execute(_DELETE_ROLES, (participant_id,))
    statement = _DELETE_RECOMMENDATIONS if delete_recommendations else _UNLINK_RECOMMENDATIONS
    recommendations = await execute_count(conn, statement, (participant_id,))
    stamp = to_db(now)
    await conn.execute(_BLANK_PARTICIPANT, (stamp, stamp, participant_id))
    return recommendations


async def inactive_since(conn: aiosqlite.Connection, cutoff: datetime) -> list[int]:
    """Return participants (without a role) not heard from since cutoff and not yet forgotten."""
    return [int(r[0]) for r in await fetch_all(conn, _INACTIVE, (to_db(cutoff),))]


async def prune_outbox(conn: aiosqlite.Connection, cutoff: datetime) -> int:
    """Delete finished outbox rows created before cutoff (they hold message texts); return how many."""
    return await execute_count(conn, _PRUNE_OUTBOX, (to_db(cutoff),))
