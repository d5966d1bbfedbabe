"""Broadcasts: who an audience is, queuing one message per person in one statement, and how delivery went."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum

import aiosqlite
from pydantic import BaseModel, ConfigDict

from storage.database import execute_count, fetch_all, fetch_one
from storage.models import Row
from storage.timefmt import to_db


class Audience(StrEnum):
    """Who a broadcast goes to."""

    ALL = "all"  # every registered participant
    FOLLOWERS = "followers"  # followers of one commitment
    LIAISONS = "liaisons"  # every liaison officer
    ROUND = "round"  # the participants of one consultation round


class Broadcast(Row):
    """A broadcast a coordinator queued."""

    id: str
    created_by: int | None
    channel: str
    recipient: str
    audience: Audience
    audience_ref: int | None
    text: str
    total: int
    created_at: datetime
    summarised_at: datetime | None


class Tally(BaseModel):
    """How a broadcast's messages stand."""

    model_config = ConfigDict(frozen=True)

    sent: int = 0
    failed: int = 0
    unreachable: int = 0
    waiting: int = 0  # pending or being sent


# Registered, reachable people of the audience (liaison officers get work messages whatever their preference),
# each with the one identity pushes use: Telegram before the others. A round's participants are its members and
# anyone who sent input to it.
_AUDIENCE = """
WITH members(pid) AS (
    SELECT id FROM participants WHERE ? = 'all' AND consent_at IS NOT NULL
    UNION SELECT participant_id FROM follows WHERE ? = 'followers' AND commitment_id = ?
    UNION SELECT participant_id FROM roles WHERE ? = 'liaisons' AND role = 'liaison'
    UNION SELECT participant_id FROM round_members WHERE ? = 'round' AND round_id = ?
    UNION SELECT participant_id FROM recommendations WHERE ? = 'round' AND round_id = ?
)
SELECT p.id AS participant_id, ident.channel, ident.external_id, p.language
FROM members m JOIN participants p ON p.id = m.pid
JOIN identities ident ON ident.rowid = (SELECT i.rowid FROM identities i WHERE i.participant_id = p.id
                                        ORDER BY i.channel = 'telegram' DESC, i.channel LIMIT 1)
WHERE p.forgotten_at IS NULL AND p.unreachable_at IS NULL AND (? = 'liaisons' OR p.notify_status = 1)
"""
_COUNT = "SELECT COUNT(*) FROM (" + _AUDIENCE + ")"  # noqa: S608 - constants joined, no input
_COUNT_BY_LANGUAGE = "SELECT language, COUNT(*) AS n FROM (" + _AUDIENCE + ") GROUP BY language"  # noqa: S608
_QUEUE = (
    """
INSERT INTO outbox (channel, recipient, participant_id, kind, dedupe_key, payload, not_before, created_at, batch)
SELECT a.channel, a.external_id, a.participant_id, 'broadcast', 'bc:' || ? || ':' || a.participant_id, ?, ?, ?, ?
FROM ("""
    + _AUDIENCE
    + """) a WHERE a.language = ? ORDER BY a.participant_id
ON CONFLICT (dedupe_key) DO NOTHING
"""
)
_INSERT = """
INSERT INTO broadcasts (id, created_by, channel, recipient, audience, audience_ref, text, total, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
_SELECT_UNSUMMARISED = "SELECT * FROM broadcasts WHERE summarised_at IS NULL ORDER BY created_at"
_TALLY = "SELECT status, COUNT(*) AS n FROM outbox WHERE batch = ? GROUP BY status"
_MARK_SUMMARISED = "UPDATE broadcasts SET summarised_at = ? WHERE id = ?"


def _params(audience: Audience, ref: int | None) -> tuple[object, ...]:
    a = audience.value
    return (a, a, ref, a, a, ref, a, ref, a)


async def count_audience(conn: aiosqlite.Connection, audience: Audience, ref: int | None) -> int:
    """Return how many people a broadcast to this audience would reach."""
    row = await fetch_one(conn, _COUNT, _params(audience, ref))
    return int(row[0]) if row else 0


async def count_by_language(conn: aiosqlite.Connection, audience: Audience, ref: int | None) -> dict[str, int]:
    """Return how many people of an audience read each language (languages nobody reads are left out)."""
    return {r["language"]: int(r["n"]) for r in await fetch_all(conn, _COUNT_BY_LANGUAGE, _params(audience, ref))}


async def queue_broadcast(
    conn: aiosqlite.Connection,
    batch: str,
    audience: Audience,
    ref: int | None,
    payloads: Mapping[str, str],
    *,
    now: datetime,
    not_before: datetime,
) -> int:
    """Queue one outbox row per member of the audience under one batch id, with the payload of the language they
    read (payloads by language: "ar", "en"); return how many."""
    queued = 0
    for language, payload in payloads.items():
        params = (batch, payload, to_db(not_before), to_db(now), batch, *_params(audience, ref), language)
        queued += await execute_count(conn, _QUEUE, params)
    return queued


async def record_broadcast(
    conn: aiosqlite.Connection,
    batch: str,
    *,
    created_by: int | None,
    channel: str,
    recipient: str,
    audience: Audience,
    ref: int | None,
    text: str,
    total: int,
    now: datetime,
) -> None:
    """Remember a queued broadcast, and whom to tell how it went."""
    params = (batch, created_by, channel, recipient, audience.value, ref, text, total, to_db(now))
    await conn.execute(_INSERT, params)


async def unsummarised(conn: aiosqlite.Connection) -> list[Broadcast]:
    """Return broadcasts whose coordinator has not had the delivery summary yet."""
    return [Broadcast.from_row(r) for r in await fetch_all(conn, _SELECT_UNSUMMARISED)]


async def tally(conn: aiosqlite.Connection, batch: str) -> Tally:
    """Count a broadcast's messages by outcome."""
    counts = {r["status"]: int(r["n"]) for r in await fetch_all(conn, _TALLY, (batch,))}
    return Tally(
        sent=counts.get("sent", 0),
        failed=counts.get("failed", 0) + counts.get("held", 0) + counts.get("skipped", 0),
        unreachable=counts.get("unreachable", 0),
        waiting=counts.get("pending", 0) + counts.get("sending", 0),
    )


async def mark_summarised(conn: aiosqlite.Connection, batch: str, now: datetime) -> None:
    """Record that the coordinator was told how the broadcast went."""
    await conn.execute(_MARK_SUMMARISED, (to_db(now), batch))


class RoundChoice(Row):
    """A consultation round a broadcast can address."""

    id: int
    name: str


_SELECT_ROUNDS = "SELECT id, name FROM rounds WHERE state != 'draft' ORDER BY created_at DESC, id DESC LIMIT ?"


async def rounds_to_address(conn: aiosqlite.Connection, limit: int = 10) -> list[RoundChoice]:
    """Return the newest open or closed rounds."""
    return [RoundChoice.from_row(r) for r in await fetch_all(conn, _SELECT_ROUNDS, (limit,))]
