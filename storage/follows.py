"""Who follows which commitment, and who hears of a commitment's status changes."""

from __future__ import annotations

from datetime import datetime

import aiosqlite
from pydantic import BaseModel, ConfigDict

from storage.database import execute_count, fetch_all
from storage.timefmt import to_db


class Recipient(BaseModel):
    """A person to notify, on one of their channels."""

    model_config = ConfigDict(frozen=True)

    participant_id: int
    channel: str
    external_id: str
    language: str = "ar"  # the language the person reads


_FOLLOW = "INSERT INTO follows (participant_id, commitment_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
_UNFOLLOW = "DELETE FROM follows WHERE participant_id = ? AND commitment_id = ?"
_FOLLOWED = "SELECT commitment_id FROM follows WHERE participant_id = ?"
# Followers and authors of visible recommendations, once each, on the channel of their newest recommendation
# on the commitment (or their first identity), skipping those who turned status news off or were forgotten.
_STATUS_RECIPIENTS = """
WITH people AS (
    SELECT participant_id FROM follows WHERE commitment_id = :c
    UNION
    SELECT participant_id FROM recommendations WHERE commitment_id = :c AND participant_id IS NOT NULL
)
SELECT p.id AS participant_id, i.channel, i.external_id, p.language
FROM people JOIN participants p ON p.id = people.participant_id
JOIN identities i ON i.participant_id = p.id
WHERE p.notify_status = 1 AND p.forgotten_at IS NULL AND p.id != :author
  AND i.channel = COALESCE(
      (SELECT r.channel FROM recommendations r JOIN identities j
         ON j.participant_id = r.participant_id AND j.channel = r.channel
       WHERE r.participant_id = p.id AND r.commitment_id = :c ORDER BY r.created_at DESC, r.id DESC LIMIT 1),
      (SELECT MIN(k.channel) FROM identities k WHERE k.participant_id = p.id))
GROUP BY p.id ORDER BY p.id
"""


async def follow(conn: aiosqlite.Connection, participant_id: int, commitment_id: int, now: datetime) -> bool:
    """Follow a commitment; return False when already following."""
    return await execute_count(conn, _FOLLOW, (participant_id, commitment_id, to_db(now))) == 1


async def unfollow(conn: aiosqlite.Connection, participant_id: int, commitment_id: int) -> bool:
    """Stop following a commitment; return False when not following."""
    return await execute_count(conn, _UNFOLLOW, (participant_id, commitment_id)) > 0


async def followed(conn: aiosqlite.Connection, participant_id: int) -> set[int]:
    """Return the commitments a participant follows."""
    return {int(r[0]) for r in await fetch_all(conn, _FOLLOWED, (participant_id,))}


async def status_recipients(conn: aiosqlite.Connection, commitment_id: int, author_id: int | None) -> list[Recipient]:
    """Return who hears of a status change on a commitment: one channel per person."""
    params = {"c": commitment_id, "author": author_id if author_id is not None else -1}
    return [Recipient.model_validate(dict(r)) for r in await fetch_all(conn, _STATUS_RECIPIENTS, params)]
