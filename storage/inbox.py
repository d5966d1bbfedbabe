"""Recommendations as liaison officers and coordinators see them: answering, state changes, hiding."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import aiosqlite

from storage.database import fetch_all, fetch_one
from storage.models import Recommendation, RecommendationState
from storage.timefmt import to_db

# Hidden last, then unanswered before answered, oldest first within each.
_SELECT_PAGE = """
SELECT * FROM recommendations WHERE commitment_id IN (SELECT value FROM json_each(?))
ORDER BY hidden, response IS NOT NULL, created_at, id LIMIT ? OFFSET ?
"""
_COUNT = """
SELECT COUNT(*) AS total, COALESCE(SUM(response IS NULL AND hidden = 0), 0) AS unanswered
FROM recommendations WHERE commitment_id IN (SELECT value FROM json_each(?))
"""
_ANSWER = """
UPDATE recommendations SET state = ?, response = ?, responded_by = ?, responded_at = ? WHERE id = ? RETURNING *
"""
_SET_STATE = "UPDATE recommendations SET state = ? WHERE id = ? RETURNING *"
_HIDE = "UPDATE recommendations SET hidden = 1, hidden_reason = ? WHERE id = ? RETURNING *"
_UNHIDE = "UPDATE recommendations SET hidden = 0, hidden_reason = NULL WHERE id = ? RETURNING *"


def _ids(commitment_ids: Iterable[int]) -> str:
    return "[" + ",".join(str(int(c)) for c in sorted(commitment_ids)) + "]"


async def page(
    conn: aiosqlite.Connection, commitment_ids: Iterable[int], *, limit: int, offset: int
) -> list[Recommendation]:
    """Return recommendations on the commitments: unanswered first, oldest first, hidden last."""
    return [
        Recommendation.from_row(r) for r in await fetch_all(conn, _SELECT_PAGE, (_ids(commitment_ids), limit, offset))
    ]


async def counts(conn: aiosqlite.Connection, commitment_ids: Iterable[int]) -> tuple[int, int]:
    """Return (all, unanswered and visible) recommendations on the commitments."""
    row = await fetch_one(conn, _COUNT, (_ids(commitment_ids),))
    return (int(row["total"]), int(row["unanswered"])) if row else (0, 0)


async def _one(conn: aiosqlite.Connection, sql: str, params: tuple[object, ...]) -> Recommendation | None:
    row = await fetch_one(conn, sql, params)
    return Recommendation.from_row(row) if row else None


async def answer(
    conn: aiosqlite.Connection,
    recommendation_id: int,
    state: RecommendationState,
    response: str,
    responder_id: int,
    now: datetime,
) -> Recommendation | None:
    """Store a response and the state it puts the recommendation in."""
    params = (state.value, response, responder_id, to_db(now), recommendation_id)
    return await _one(conn, _ANSWER, params)


async def set_state(
    conn: aiosqlite.Connection, recommendation_id: int, state: RecommendationState
) -> Recommendation | None:
    """Change a recommendation's state without a written response."""
    return await _one(conn, _SET_STATE, (state.value, recommendation_id))


async def hide(conn: aiosqlite.Connection, recommendation_id: int, reason: str) -> Recommendation | None:
    """Hide a recommendation from public views and counts, keeping it with the reason."""
    return await _one(conn, _HIDE, (reason, recommendation_id))


async def unhide(conn: aiosqlite.Connection, recommendation_id: int) -> Recommendation | None:
    """Show a hidden recommendation again."""
    return await _one(conn, _UNHIDE, (recommendation_id,))
