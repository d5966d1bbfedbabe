"""What the evidence pack reads: the rounds of a period, and every recommendation with its reasoned response."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, datetime

import aiosqlite

from storage.answers import compose
from storage.database import fetch_all
from storage.models import RecommendationState
from storage.rounds import Round
from storage.timefmt import to_db

# A round belongs to a period by the day it was held; a round without a day, by the day it was created.
_ROUNDS = """
SELECT * FROM rounds
WHERE (held_on IS NOT NULL AND held_on BETWEEN ?1 AND ?2)
   OR (held_on IS NULL AND substr(created_at, 1, 10) BETWEEN ?1 AND ?2)
ORDER BY COALESCE(held_on, substr(created_at, 1, 10)), id
"""
# Every visible recommendation sent in the period, with the storage.answers verdict and when its author was told.
_RESPONSES = compose("""
SELECT r.id, c.number AS commitment_number, c.ogp_id, ro.name AS round_name, r.created_at, r.state, r.response,
       r.responded_at, {ANSWERED} AS answered, {MISSING_REASON} AS missing_reason,
       (SELECT COUNT(*) FROM recommendation_answers a WHERE a.recommendation_id = r.id) AS answers,
       (SELECT a.told_at FROM recommendation_answers a
        WHERE a.recommendation_id = r.id ORDER BY a.id DESC LIMIT 1) AS told_at
FROM recommendations r JOIN commitments c ON c.id = r.commitment_id LEFT JOIN rounds ro ON ro.id = r.round_id
WHERE r.hidden = 0 AND r.created_at >= ? AND r.created_at < ?
ORDER BY r.created_at, r.id
""")
_HISTORY = """
SELECT a.recommendation_id, a.state, a.response, a.created_at, a.told_at
FROM recommendation_answers a JOIN recommendations r ON r.id = a.recommendation_id
WHERE r.hidden = 0 AND r.created_at >= ? AND r.created_at < ?
ORDER BY a.recommendation_id, a.created_at, a.id
"""


@dataclass(frozen=True, slots=True)
class Response:
    """A recommendation and where its reasoned response stands."""

    id: int
    commitment_number: int
    ogp_id: str
    round_name: str | None
    created_at: datetime
    state: RecommendationState
    response: str | None
    responded_at: datetime | None
    answered: bool
    missing_reason: bool
    answers: int
    told_at: datetime | None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One answer given, and when its notice reached the author's channel."""

    recommendation_id: int
    state: RecommendationState
    response: str | None
    created_at: datetime
    told_at: datetime | None


def _instant(raw: str | None) -> datetime | None:
    return datetime.fromisoformat(raw) if raw else None


async def rounds_in(conn: aiosqlite.Connection, since: date, until: date) -> list[Round]:
    """Return the rounds held (or, without a date, created) between two days, inclusive, in order."""
    return [Round.from_row(r) for r in await fetch_all(conn, _ROUNDS, (since.isoformat(), until.isoformat()))]


async def responses(conn: aiosqlite.Connection, since: datetime, until: datetime) -> AsyncIterator[Response]:
    """Yield the visible recommendations sent in [since, until) with their reasoned response, oldest first."""
    async with conn.execute(_RESPONSES, (to_db(since), to_db(until))) as cursor:
        async for row in cursor:
            yield Response(
                id=row["id"],
                commitment_number=row["commitment_number"],
                ogp_id=row["ogp_id"],
                round_name=row["round_name"],
                created_at=datetime.fromisoformat(row["created_at"]),
                state=RecommendationState(row["state"]),
                response=row["response"],
                responded_at=_instant(row["responded_at"]),
                answered=bool(row["answered"]),
                missing_reason=bool(row["missing_reason"]),
                answers=row["answers"],
                told_at=_instant(row["told_at"]),
            )


async def history(conn: aiosqlite.Connection, since: datetime, until: datetime) -> AsyncIterator[HistoryEntry]:
    """Yield every answer given to the period's visible recommendations, by recommendation and date."""
    async with conn.execute(_HISTORY, (to_db(since), to_db(until))) as cursor:
        async for row in cursor:
            yield HistoryEntry(
                recommendation_id=row["recommendation_id"],
                state=RecommendationState(row["state"]),
                response=row["response"],
                created_at=datetime.fromisoformat(row["created_at"]),
                told_at=_instant(row["told_at"]),
            )
