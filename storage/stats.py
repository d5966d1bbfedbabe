"""Counts for /stats: who takes part, and how the input on each commitment is answered."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Collection
from dataclasses import dataclass

import aiosqlite

from storage.answers import compose
from storage.database import fetch_all
from storage.models import RecommendationState, Sector


@dataclass(frozen=True, slots=True)
class StateTotal:
    """How many visible recommendations on a commitment are in one state."""

    commitment_id: int
    state: RecommendationState
    count: int


# People who can be counted: registered, consenting, not forgotten, and not staff (a liaison officer or a
# coordinator, by role or by the chats OGP_COORDINATORS names as "channel:id").
_COUNTED = """
consent_at IS NOT NULL AND forgotten_at IS NULL
AND NOT EXISTS (SELECT 1 FROM roles ro WHERE ro.participant_id = participants.id)
AND NOT EXISTS (SELECT 1 FROM identities i WHERE i.participant_id = participants.id
                AND i.channel || ':' || i.external_id IN (SELECT value FROM json_each(:staff)))
"""
_BY_SECTOR = f"""
SELECT sector, COUNT(*) AS n FROM participants WHERE {_COUNTED}
GROUP BY sector ORDER BY n DESC, sector
"""  # noqa: S608 - built from constant SQL fragments, never from values
_BY_GOVERNORATE = f"""
SELECT governorate, COUNT(*) AS n FROM participants WHERE {_COUNTED}
GROUP BY governorate ORDER BY n DESC, governorate
"""  # noqa: S608 - built from constant SQL fragments, never from values
_BY_STATE = """
SELECT r.commitment_id, r.state, COUNT(*) AS n FROM recommendations r
JOIN commitments c ON c.id = r.commitment_id JOIN plans p ON p.id = c.plan_id
WHERE p.active = 1 AND r.hidden = 0 GROUP BY r.commitment_id, r.state
"""
# Answered means storage.answers.ANSWERED; the days run from sending to the first answer (when it was recorded).
_ANSWER_DAYS = compose("""
SELECT r.commitment_id, julianday(r.responded_at) - julianday(r.created_at) AS days FROM recommendations r
JOIN commitments c ON c.id = r.commitment_id JOIN plans p ON p.id = c.plan_id
WHERE p.active = 1 AND r.hidden = 0 AND r.responded_at IS NOT NULL AND {ANSWERED}
""")
_ANSWERED = compose("""
SELECT r.commitment_id, SUM({ANSWERED}) AS answered, SUM({MISSING_REASON}) AS missing_reason
FROM recommendations r JOIN commitments c ON c.id = r.commitment_id JOIN plans p ON p.id = c.plan_id
WHERE p.active = 1 AND r.hidden = 0 GROUP BY r.commitment_id
""")


async def participants_by_sector(
    conn: aiosqlite.Connection, staff: Collection[str] = ()
) -> list[tuple[Sector | None, int]]:
    """Return how many participants (staff aside) speak for each sector, largest first."""
    found = await fetch_all(conn, _BY_SECTOR, {"staff": json.dumps(sorted(staff))})
    return [(Sector(r["sector"]) if r["sector"] else None, r["n"]) for r in found]


async def participants_by_governorate(
    conn: aiosqlite.Connection, staff: Collection[str] = ()
) -> list[tuple[str | None, int]]:
    """Return how many participants (staff aside) live in each governorate, largest first."""
    return [
        (r["governorate"], r["n"]) for r in await fetch_all(conn, _BY_GOVERNORATE, {"staff": json.dumps(sorted(staff))})
    ]


async def recommendations_by_state(conn: aiosqlite.Connection) -> list[StateTotal]:
    """Return the active plan's visible recommendations counted per commitment and state."""
    return [
        StateTotal(r["commitment_id"], RecommendationState(r["state"]), r["n"])
        for r in await fetch_all(conn, _BY_STATE)
    ]


@dataclass(frozen=True, slots=True)
class Answered:
    """How many visible recommendations on a commitment are answered, and how many were turned down without reason."""

    answered: int
    missing_reason: int


async def answered_by_commitment(conn: aiosqlite.Connection) -> dict[int, Answered]:
    """Return, per commitment of the active plan, its answered and reason-less recommendations."""
    return {
        r["commitment_id"]: Answered(int(r["answered"] or 0), int(r["missing_reason"] or 0))
        for r in await fetch_all(conn, _ANSWERED)
    }


async def answer_days(conn: aiosqlite.Connection) -> AsyncIterator[tuple[int, float]]:
    """Yield (commitment id, days from sending to answer) for every answered visible recommendation."""
    async with conn.execute(_ANSWER_DAYS) as cursor:
        async for row in cursor:
            yield row["commitment_id"], float(row["days"])
