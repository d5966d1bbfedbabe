"""Endorsements: a participant supports someone else's recommendation, once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.database import execute_count, fetch_all, fetch_one
from storage.models import Recommendation
from storage.publishing import PUBLISHED_SQL
from storage.timefmt import to_db

# Only a visible recommendation of someone else: a forged button cannot endorse hidden or one's own input.
_ENDORSE = """
INSERT INTO endorsements (recommendation_id, participant_id, created_at)
SELECT id, ?, ? FROM recommendations
WHERE id = ? AND hidden = 0 AND (participant_id IS NULL OR participant_id != ?)
ON CONFLICT DO NOTHING
"""
_COUNT_FOR_COMMITMENT = """
SELECT COUNT(*) FROM endorsements e JOIN recommendations r ON r.id = e.recommendation_id
WHERE r.commitment_id = ? AND r.hidden = 0
"""
_COUNT_ONE = "SELECT COUNT(*) FROM endorsements WHERE recommendation_id = ?"
_ENDORSED_BY = """
SELECT e.recommendation_id FROM endorsements e JOIN recommendations r ON r.id = e.recommendation_id
WHERE e.participant_id = ? AND r.commitment_id = ?
"""
# The recommendations a person may read, with their endorsement counts, most supported first: the published ones,
# their own, and (:everything, for the commitment's officers and coordinators) every visible one.
_READABLE_PAGE = f"""
SELECT r.*, (SELECT COUNT(*) FROM endorsements e WHERE e.recommendation_id = r.id) AS endorsements
FROM recommendations r
WHERE r.commitment_id = :commitment AND r.hidden = 0
  AND (:everything OR r.participant_id = :viewer OR {PUBLISHED_SQL})
ORDER BY endorsements DESC, r.created_at, r.id LIMIT :limit OFFSET :offset
"""  # noqa: S608 - built from constant SQL fragments, never from values


class EndorsedRecommendation(Recommendation):
    """A recommendation with how many participants support it."""

    endorsements: int


async def endorse(conn: aiosqlite.Connection, recommendation_id: int, participant_id: int, now: datetime) -> bool:
    """Support a visible recommendation of someone else; return False when nothing was added."""
    params = (participant_id, to_db(now), recommendation_id, participant_id)
    return await execute_count(conn, _ENDORSE, params) == 1


async def count_for_commitment(conn: aiosqlite.Connection, commitment_id: int) -> int:
    """Return how many endorsements the commitment's visible recommendations received."""
    row = await fetch_one(conn, _COUNT_FOR_COMMITMENT, (commitment_id,))
    return int(row[0]) if row else 0


async def count_for(conn: aiosqlite.Connection, recommendation_id: int) -> int:
    """Return how many participants endorsed one recommendation."""
    row = await fetch_one(conn, _COUNT_ONE, (recommendation_id,))
    return int(row[0]) if row else 0


async def endorsed_by(conn: aiosqlite.Connection, participant_id: int, commitment_id: int) -> set[int]:
    """Return the recommendations on a commitment this participant endorsed."""
    return {int(r[0]) for r in await fetch_all(conn, _ENDORSED_BY, (participant_id, commitment_id))}


@dataclass(frozen=True)
class Reader:
    """Who reads a commitment's input: whether publication waits (:immediate), who they are, and whether their role
    lets them read every visible recommendation."""

    immediate: bool
    participant_id: int | None
    everything: bool


async def readable_page(
    conn: aiosqlite.Connection, commitment_id: int, reader: Reader, *, limit: int, offset: int
) -> list[EndorsedRecommendation]:
    """Return a page of a commitment's recommendations this reader may see, most endorsed first."""
    params = {
        "commitment": commitment_id,
        "immediate": int(reader.immediate),
        "viewer": reader.participant_id,
        "everything": int(reader.everything),
        "limit": limit,
        "offset": offset,
    }
    return [EndorsedRecommendation.from_row(r) for r in await fetch_all(conn, _READABLE_PAGE, params)]
