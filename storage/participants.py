"""Participants and the channel identities that lead to them."""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from storage.database import fetch_all, fetch_one
from storage.models import Participant, Role, Sector
from storage.timefmt import to_db

_SELECT_BY_IDENTITY = """
SELECT p.* FROM participants p JOIN identities i ON i.participant_id = p.id
WHERE i.channel = ? AND i.external_id = ?
"""
_SELECT_BY_ID = "SELECT * FROM participants WHERE id = ?"
_INSERT_PARTICIPANT = """
INSERT INTO participants (name, organisation, sector, governorate, consent_at, created_at, last_seen_at, language)
VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *
"""
_INSERT_IDENTITY = "INSERT INTO identities (channel, external_id, participant_id) VALUES (?, ?, ?)"
_SELECT_IDENTITIES = "SELECT channel, external_id FROM identities WHERE participant_id = ? ORDER BY channel"
_MARK_UNREACHABLE = "UPDATE participants SET unreachable_at = ? WHERE id = ?"
_SELECT_ROLES = "SELECT role, commitment_id FROM roles WHERE participant_id = ?"
_SET_LANGUAGE = "UPDATE participants SET language = ? WHERE id = ? RETURNING *"
# A chat's language: its registered person's, else what a newcomer chose (kept in the session until they register).
_SELECT_CHAT_LANGUAGE = """
SELECT COALESCE(
    (SELECT p.language FROM identities i JOIN participants p ON p.id = i.participant_id
     WHERE i.channel = ?1 AND i.external_id = ?2),
    (SELECT json_extract(s.data, '$._lang') FROM sessions s WHERE s.channel = ?1 AND s.external_id = ?2),
    'ar')
"""


async def find_by_identity(conn: aiosqlite.Connection, channel: str, external_id: str) -> Participant | None:
    """Return the participant behind a channel identity, if registered."""
    row = await fetch_one(conn, _SELECT_BY_IDENTITY, (channel, external_id))
    return Participant.from_row(row) if row else None


async def get_participant(conn: aiosqlite.Connection, participant_id: int) -> Participant | None:
    """Return a participant by id."""
    row = await fetch_one(conn, _SELECT_BY_ID, (participant_id,))
    return Participant.from_row(row) if row else None


async def register(
    conn: aiosqlite.Connection,
    channel: str,
    external_id: str,
    *,
    name: str,
    organisation: str | None,
    sector: Sector,
    governorate: str | None,
    now: datetime,
    language: str = "ar",
) -> Participant:
    """Create a consenting participant, in the language they chose, and link the channel identity to them."""
    stamp = to_db(now)
    params = (name, organisation, sector.value, governorate, stamp, stamp, stamp, language)
    row = await fetch_one(conn, _INSERT_PARTICIPANT, params)
    participant: Participant = Participant.from_row(row)
    await conn.execute(_INSERT_IDENTITY, (channel, external_id, participant.id))
    return participant


async def mark_unreachable(conn: aiosqlite.Connection, participant_id: int, now: datetime) -> None:
    """Record that the participant blocked the bot or cannot be reached."""
    await conn.execute(_MARK_UNREACHABLE, (to_db(now), participant_id))


async def identities_of(conn: aiosqlite.Connection, participant_id: int) -> list[tuple[str, str]]:
    """Return the (channel, external id) pairs of a participant."""
    return [(r["channel"], r["external_id"]) for r in await fetch_all(conn, _SELECT_IDENTITIES, (participant_id,))]


async def roles_of(conn: aiosqlite.Connection, participant_id: int) -> list[tuple[Role, int | None]]:
    """Return the roles a participant holds, with the commitment for liaison roles."""
    return [(Role(r["role"]), r["commitment_id"]) for r in await fetch_all(conn, _SELECT_ROLES, (participant_id,))]


async def set_language(conn: aiosqlite.Connection, participant_id: int, language: str) -> Participant:
    """Record the language a person reads the bot in ("ar" or "en"); return them as updated."""
    row = await fetch_one(conn, _SET_LANGUAGE, (language, participant_id))
    assert row is not None  # noqa: S101 - the person exists: they are the one asking
    return Participant.from_row(row)


async def chat_language(conn: aiosqlite.Connection, channel: str, external_id: str) -> str:
    """Return the language a chat reads: its person's, a newcomer's choice, or Arabic."""
    row = await fetch_one(conn, _SELECT_CHAT_LANGUAGE, (channel, external_id))
    value = row[0] if row else None
    return value if value in ("ar", "en") else "ar"
