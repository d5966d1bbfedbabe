"""Recommendations as officers see them: waiting first (storage.answers says what answered means), and hiding."""

from __future__ import annotations

from collections.abc import Iterable

import aiosqlite

from storage import search
from storage.answers import compose
from storage.database import fetch_all, fetch_one
from storage.models import Recommendation

# Merged ones are answered through the one kept (not listed).
# Hidden last, then waiting (not answered, storage.answers) before answered, oldest first within each.
_SELECT_PAGE = compose("""
SELECT r.* FROM recommendations r
WHERE r.commitment_id IN (SELECT value FROM json_each(?)) AND r.merged_into IS NULL
ORDER BY r.hidden, {ANSWERED}, r.created_at, r.id LIMIT ? OFFSET ?
""")
_COUNT = compose("""
SELECT COUNT(*) AS total, COALESCE(SUM(NOT {ANSWERED} AND r.hidden = 0), 0) AS waiting
FROM recommendations r WHERE r.commitment_id IN (SELECT value FROM json_each(?)) AND r.merged_into IS NULL
""")
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
    """Return (all, waiting for an answer and visible) recommendations on the commitments."""
    row = await fetch_one(conn, _COUNT, (_ids(commitment_ids),))
    return (int(row["total"]), int(row["waiting"])) if row else (0, 0)


async def _one(conn: aiosqlite.Connection, sql: str, params: tuple[object, ...]) -> Recommendation | None:
    row = await fetch_one(conn, sql, params)
    return Recommendation.from_row(row) if row else None


async def hide(conn: aiosqlite.Connection, recommendation_id: int, reason: str) -> Recommendation | None:
    """Hide a recommendation from public views and counts, keeping it with the reason."""
    return await _one(conn, _HIDE, (reason, recommendation_id))


async def unhide(conn: aiosqlite.Connection, recommendation_id: int) -> Recommendation | None:
    """Show a hidden recommendation again (and findable again)."""
    shown = await _one(conn, _UNHIDE, (recommendation_id,))
    if shown is not None:
        await search.index_recommendation(conn, shown)
    return shown
