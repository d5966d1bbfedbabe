"""Working groups' rapporteurs and the findings they enter for their group."""

from __future__ import annotations

from datetime import datetime

import aiosqlite
from pydantic import BaseModel, ConfigDict

from storage.database import fetch_all, fetch_one
from storage.models import Recommendation, Row
from storage.timefmt import to_db


class Rapporteur(Row):
    """The person who speaks for a round's working group (participant None: invited, not taken yet)."""

    round_id: int
    commitment_id: int
    participant_id: int | None
    code: str | None
    at_table: int | None
    named_by: int | None
    named_at: datetime


class Listener(BaseModel):
    """Someone told about an answer to their group's finding: where to reach them, in their language."""

    model_config = ConfigDict(frozen=True)

    participant_id: int
    channel: str
    external_id: str
    language: str


_NAME = """
INSERT INTO rapporteurs (round_id, commitment_id, participant_id, code, named_by, named_at) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (round_id, commitment_id) DO UPDATE SET participant_id = excluded.participant_id, code = excluded.code,
    named_by = excluded.named_by, named_at = excluded.named_at
RETURNING *
"""
_CLAIM = "UPDATE rapporteurs SET participant_id = ?, code = NULL WHERE code = ? RETURNING *"
_BY_CODE = "SELECT * FROM rapporteurs WHERE code = ?"
_ONE = "SELECT * FROM rapporteurs WHERE round_id = ? AND commitment_id = ?"
_OF_ROUND = "SELECT * FROM rapporteurs WHERE round_id = ?"
_MINE = """
SELECT g.* FROM rapporteurs g JOIN rounds r ON r.id = g.round_id
WHERE g.participant_id = ? AND r.state = 'open' ORDER BY r.id DESC, g.commitment_id
"""
_SET_AT_TABLE = "UPDATE rapporteurs SET at_table = ? WHERE round_id = ? AND commitment_id = ?"
_MARK = """
UPDATE recommendations SET group_round_id = ?, at_table = ?, entered_by = participant_id, participant_id = NULL
WHERE id = ? RETURNING *
"""
_FINDINGS = """
SELECT * FROM recommendations WHERE group_round_id = ? AND commitment_id = ? AND hidden = 0
ORDER BY question_id IS NULL, question_id, id
"""
_EDIT = "UPDATE recommendations SET text = ? WHERE id = ? AND group_round_id IS NOT NULL RETURNING *"
# The rapporteur and the members who joined the group through the bot, one identity each (Telegram first).
_LISTENERS = """
SELECT p.id AS participant_id, ident.channel, ident.external_id, p.language
FROM participants p
JOIN identities ident ON ident.rowid = (SELECT i.rowid FROM identities i WHERE i.participant_id = p.id
                                        ORDER BY i.channel = 'telegram' DESC, i.channel LIMIT 1)
WHERE p.forgotten_at IS NULL AND p.notify_answers = 1 AND p.id IN (
    SELECT participant_id FROM round_members WHERE round_id = ?1 AND commitment_id = ?2
    UNION SELECT participant_id FROM rapporteurs WHERE round_id = ?1 AND commitment_id = ?2
    UNION SELECT ?3)
ORDER BY p.id
"""


async def name_rapporteur(
    conn: aiosqlite.Connection,
    round_id: int,
    commitment_id: int,
    *,
    participant_id: int | None,
    code: str | None,
    by: int,
    now: datetime,
) -> Rapporteur:
    """Make someone (or whoever takes the code) the group's rapporteur, replacing the one before."""
    row = await fetch_one(conn, _NAME, (round_id, commitment_id, participant_id, code, by, to_db(now)))
    return Rapporteur.from_row(row)


async def by_code(conn: aiosqlite.Connection, code: str) -> Rapporteur | None:
    """Return the rapporteur's place an invitation code offers."""
    row = await fetch_one(conn, _BY_CODE, (code,))
    return Rapporteur.from_row(row) if row else None


async def claim(conn: aiosqlite.Connection, code: str, participant_id: int) -> Rapporteur | None:
    """Take a rapporteur's invitation once; None when the code is unknown or taken."""
    row = await fetch_one(conn, _CLAIM, (participant_id, code))
    return Rapporteur.from_row(row) if row else None


async def get_rapporteur(conn: aiosqlite.Connection, round_id: int, commitment_id: int) -> Rapporteur | None:
    """Return a working group's rapporteur."""
    row = await fetch_one(conn, _ONE, (round_id, commitment_id))
    return Rapporteur.from_row(row) if row else None


async def of_round(conn: aiosqlite.Connection, round_id: int) -> list[Rapporteur]:
    """Return a round's rapporteurs."""
    return [Rapporteur.from_row(r) for r in await fetch_all(conn, _OF_ROUND, (round_id,))]


async def groups_of(conn: aiosqlite.Connection, participant_id: int) -> list[Rapporteur]:
    """Return the working groups of open rounds a person speaks for."""
    return [Rapporteur.from_row(r) for r in await fetch_all(conn, _MINE, (participant_id,))]


async def set_at_table(conn: aiosqlite.Connection, round_id: int, commitment_id: int, count: int) -> None:
    """Record how many sat at the group's table."""
    await conn.execute(_SET_AT_TABLE, (count, round_id, commitment_id))


async def mark_finding(
    conn: aiosqlite.Connection, recommendation_id: int, round_id: int, at_table: int | None
) -> Recommendation | None:
    """Make a stored recommendation the group's finding: its author is the group, its rapporteur only entered it."""
    row = await fetch_one(conn, _MARK, (round_id, at_table, recommendation_id))
    return Recommendation.from_row(row) if row else None


async def findings_of(conn: aiosqlite.Connection, round_id: int, commitment_id: int) -> list[Recommendation]:
    """Return a working group's visible findings, by discussion question."""
    return [Recommendation.from_row(r) for r in await fetch_all(conn, _FINDINGS, (round_id, commitment_id))]


async def edit_finding(conn: aiosqlite.Connection, recommendation_id: int, text: str) -> Recommendation | None:
    """Replace a finding's text; None when it is not a finding."""
    row = await fetch_one(conn, _EDIT, (text, recommendation_id))
    return Recommendation.from_row(row) if row else None


async def listeners(conn: aiosqlite.Connection, finding: Recommendation) -> list[Listener]:
    """Return who hears of an answer to a finding: its rapporteur, the one who entered it, the group's members."""
    params = (finding.group_round_id, finding.commitment_id, finding.entered_by or 0)
    return [Listener.model_validate(dict(r)) for r in await fetch_all(conn, _LISTENERS, params)]
