"""Recommendations and their counts."""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from storage import search
from storage.database import fetch_all, fetch_one
from storage.models import Recommendation
from storage.timefmt import to_db

_INSERT = """
INSERT INTO recommendations (id, participant_id, commitment_id, theme_id, round_id, text, channel, event_id,
                             created_at, voice_seconds)
VALUES ((SELECT last + 1 FROM receipt_numbers), ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *
"""
_SET_TRANSCRIPT = """
UPDATE recommendations SET transcript = ?, transcript_by = ?, transcript_at = ?, transcript_draft = NULL
WHERE id = ? AND voice_seconds IS NOT NULL RETURNING *
"""
_SET_DRAFT = """
UPDATE recommendations SET transcript_draft = ? WHERE id = ? AND voice_seconds IS NOT NULL AND transcript IS NULL
"""
_UNTRANSCRIBED = """
SELECT * FROM recommendations WHERE voice_seconds IS NOT NULL AND transcript IS NULL AND transcript_draft IS NULL
ORDER BY id LIMIT ?
"""
_SELECT_ONE = "SELECT * FROM recommendations WHERE id = ?"
_SELECT_BY_PARTICIPANT = """
SELECT * FROM recommendations WHERE participant_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?
"""
_COUNT_BY_PARTICIPANT = "SELECT COUNT(*) FROM recommendations WHERE participant_id = ?"
# A page of /my in one statement: the rows, the person's total, and each row's commitment number in the active plan
# (0 for a commitment of another plan).
_PAGE_BY_PARTICIPANT = """
SELECT r.*, (SELECT COUNT(*) FROM recommendations WHERE participant_id = ?1) AS page_total,
       COALESCE((SELECT c.number FROM commitments c JOIN plans p ON p.id = c.plan_id
                 WHERE c.id = r.commitment_id AND p.active = 1), 0) AS page_number
FROM recommendations r WHERE r.participant_id = ?1 ORDER BY r.created_at DESC, r.id DESC LIMIT ?2 OFFSET ?3
"""


async def add_recommendation(
    conn: aiosqlite.Connection,
    *,
    participant_id: int | None,
    commitment_id: int,
    theme_id: int | None,
    text: str,
    channel: str,
    now: datetime,
    round_id: int | None = None,
    event_id: str | None = None,
    voice_seconds: int | None = None,
) -> Recommendation:
    """Store a new recommendation and return it with its receipt number (the id); a voice one has its length."""
    params = (participant_id, commitment_id, theme_id, round_id, text, channel, event_id, to_db(now), voice_seconds)
    row = await fetch_one(conn, _INSERT, params)
    stored = Recommendation.from_row(row)
    await search.index_recommendation(conn, stored)
    return stored


async def get_recommendation(conn: aiosqlite.Connection, recommendation_id: int) -> Recommendation | None:
    """Return one recommendation by id."""
    row = await fetch_one(conn, _SELECT_ONE, (recommendation_id,))
    return Recommendation.from_row(row) if row else None


async def list_by_participant(
    conn: aiosqlite.Connection, participant_id: int, *, limit: int, offset: int = 0
) -> list[Recommendation]:
    """Return a participant's recommendations, newest first."""
    return [
        Recommendation.from_row(r)
        for r in await fetch_all(conn, _SELECT_BY_PARTICIPANT, (participant_id, limit, offset))
    ]


async def count_by_participant(conn: aiosqlite.Connection, participant_id: int) -> int:
    """Return how many recommendations a participant has sent."""
    row = await fetch_one(conn, _COUNT_BY_PARTICIPANT, (participant_id,))
    return int(row[0]) if row else 0


async def set_transcript(
    conn: aiosqlite.Connection, recommendation_id: int, transcript: str, by: int, now: datetime
) -> Recommendation | None:
    """Store the transcript a person wrote for a voice recommendation; None when it is not one (or is gone)."""
    row = await fetch_one(conn, _SET_TRANSCRIPT, (transcript, by, to_db(now), recommendation_id))
    if row is None:
        return None
    stored = Recommendation.from_row(row)
    await search.index_recommendation(conn, stored)
    return stored


async def set_transcript_draft(conn: aiosqlite.Connection, recommendation_id: int, draft: str) -> None:
    """Keep an engine's draft of a transcript until a person accepts or rewrites it."""
    await conn.execute(_SET_DRAFT, (draft, recommendation_id))


async def untranscribed(conn: aiosqlite.Connection, limit: int) -> list[Recommendation]:
    """Return voice recommendations with neither a transcript nor a draft, oldest first."""
    return [Recommendation.from_row(r) for r in await fetch_all(conn, _UNTRANSCRIBED, (limit,))]


async def page_by_participant(
    conn: aiosqlite.Connection, participant_id: int, *, limit: int, offset: int
) -> tuple[int, list[tuple[Recommendation, int]]]:
    """Return a participant's total and one page of their recommendations, newest first, with commitment numbers.

    An offset past the end gives the last page (a button from before the person's data changed).
    """
    rows = await fetch_all(conn, _PAGE_BY_PARTICIPANT, (participant_id, limit, offset))
    if not rows and offset > 0:
        total = await count_by_participant(conn, participant_id)
        if total == 0:
            return 0, []
        rows = await fetch_all(conn, _PAGE_BY_PARTICIPANT, (participant_id, limit, total - 1))
    total = int(rows[0]["page_total"]) if rows else 0
    return total, [(Recommendation.from_row(r), int(r["page_number"])) for r in rows]
