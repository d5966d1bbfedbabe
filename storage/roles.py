"""Granted roles (coordinator, liaison officer for a commitment) and the invitations that grant them."""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from storage.database import execute_count, fetch_all, fetch_one
from storage.models import Role, Row
from storage.timefmt import to_db


class RoleHolder(Row):
    """A granted role with the person who holds it."""

    participant_id: int
    name: str | None
    organisation: str | None
    role: Role
    commitment_id: int | None
    granted_at: datetime


class Invite(Row):
    """A single-use invitation to take a role."""

    code: str
    role: Role
    commitment_id: int | None
    created_by: int | None
    created_at: datetime
    expires_at: datetime
    used_by: int | None
    used_at: datetime | None


class OpenInvite(Invite):
    """An invitation nobody has taken yet, with the name of the coordinator who made it."""

    creator_name: str | None


_GRANT = """
INSERT INTO roles (participant_id, role, commitment_id, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING
"""
_REVOKE = "DELETE FROM roles WHERE participant_id = ? AND role = ? AND IFNULL(commitment_id, 0) = ?"
# An invitation lives only as long as its creator coordinates: withdrawing it makes it expire now.
_WITHDRAW_BY_CREATOR = "UPDATE invites SET expires_at = ? WHERE created_by = ? AND used_by IS NULL AND expires_at > ?"
_WITHDRAW = "UPDATE invites SET expires_at = ? WHERE code = ? AND used_by IS NULL AND expires_at > ?"
_IS_GRANTED_COORDINATOR = "SELECT 1 FROM roles WHERE participant_id = ? AND role = 'coordinator'"
_IDENTITIES = "SELECT channel || ':' || external_id FROM identities WHERE participant_id = ?"
_CHAT_IS_GRANTED_COORDINATOR = """
SELECT 1 FROM identities i JOIN roles r ON r.participant_id = i.participant_id
WHERE i.channel = ? AND i.external_id = ? AND r.role = 'coordinator'
"""
_SELECT_OPEN_INVITES = """
SELECT i.*, p.name AS creator_name FROM invites i LEFT JOIN participants p ON p.id = i.created_by
WHERE i.used_by IS NULL AND i.expires_at > ? ORDER BY i.created_at, i.code
"""
_SELECT_HOLDERS = """
SELECT r.participant_id, p.name, p.organisation, r.role, r.commitment_id, r.granted_at
FROM roles r JOIN participants p ON p.id = r.participant_id
ORDER BY r.role = 'liaison', IFNULL(r.commitment_id, 0), p.name, r.participant_id
"""


async def grant(
    conn: aiosqlite.Connection,
    participant_id: int,
    role: Role,
    commitment_id: int | None,
    granted_by: int | None,
    now: datetime,
) -> bool:
    """Give a role; return False when the person already held it."""
    commitment = commitment_id if role is Role.LIAISON else None
    params = (participant_id, role.value, commitment, granted_by, to_db(now))
    return await execute_count(conn, _GRANT, params) == 1


async def revoke(
    conn: aiosqlite.Connection, participant_id: int, role: Role, commitment_id: int | None, now: datetime
) -> bool:
    """Take a role away (a coordinator's open invitations go with it); return False when it was not held."""
    commitment = commitment_id if role is Role.LIAISON else None
    revoked = await execute_count(conn, _REVOKE, (participant_id, role.value, commitment or 0)) > 0
    if revoked and role is Role.COORDINATOR:
        await withdraw_invites_of(conn, participant_id, now)
    return revoked


async def withdraw_invites_of(conn: aiosqlite.Connection, creator_id: int, now: datetime) -> int:
    """Withdraw every open invitation a person made; return how many."""
    stamp = to_db(now)
    return await execute_count(conn, _WITHDRAW_BY_CREATOR, (stamp, creator_id, stamp))


async def withdraw_invite(conn: aiosqlite.Connection, code: str, now: datetime) -> bool:
    """Withdraw one open invitation; False when it was taken, expired or unknown."""
    stamp = to_db(now)
    return await execute_count(conn, _WITHDRAW, (stamp, code, stamp)) == 1


async def open_invites(conn: aiosqlite.Connection, now: datetime) -> list[OpenInvite]:
    """Return the invitations nobody has taken yet, oldest first."""
    return [OpenInvite.from_row(r) for r in await fetch_all(conn, _SELECT_OPEN_INVITES, (to_db(now),))]


async def coordinates(conn: aiosqlite.Connection, participant_id: int, configured: frozenset[str]) -> bool:
    """Tell whether a person is a coordinator now: granted the role, or named in the configuration."""
    if await fetch_one(conn, _IS_GRANTED_COORDINATOR, (participant_id,)) is not None:
        return True
    return any(row[0] in configured for row in await fetch_all(conn, _IDENTITIES, (participant_id,)))


async def chat_coordinates(
    conn: aiosqlite.Connection, channel: str, external_id: str, configured: frozenset[str]
) -> bool:
    """Tell whether the person behind a chat is a coordinator now: named in the configuration, or granted the role."""
    if f"{channel}:{external_id}" in configured:
        return True
    return await fetch_one(conn, _CHAT_IS_GRANTED_COORDINATOR, (channel, external_id)) is not None


async def holders(conn: aiosqlite.Connection) -> list[RoleHolder]:
    """Return every granted role: coordinators first, then liaison officers by commitment."""
    return [RoleHolder.from_row(r) for r in await fetch_all(conn, _SELECT_HOLDERS)]


_INSERT_INVITE = """
INSERT INTO invites (code, role, commitment_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
RETURNING *
"""
_SELECT_INVITE = "SELECT * FROM invites WHERE code = ?"
# Claiming is one conditional UPDATE, so two people opening the same link at once cannot both win.
_USE_INVITE = """
UPDATE invites SET used_by = ?, used_at = ? WHERE code = ? AND used_by IS NULL AND used_at IS NULL AND expires_at > ?
RETURNING *
"""


async def create_invite(
    conn: aiosqlite.Connection,
    code: str,
    role: Role,
    commitment_id: int | None,
    created_by: int | None,
    now: datetime,
    expires_at: datetime,
) -> Invite:
    """Store a new invitation."""
    params = (code, role.value, commitment_id, created_by, to_db(now), to_db(expires_at))
    row = await fetch_one(conn, _INSERT_INVITE, params)
    return Invite.from_row(row)


async def get_invite(conn: aiosqlite.Connection, code: str) -> Invite | None:
    """Return an invitation by its code."""
    row = await fetch_one(conn, _SELECT_INVITE, (code,))
    return Invite.from_row(row) if row else None


async def use_invite(conn: aiosqlite.Connection, code: str, participant_id: int, now: datetime) -> Invite | None:
    """Claim an unused, unexpired invitation; None when it is used, expired or unknown."""
    stamp = to_db(now)
    row = await fetch_one(conn, _USE_INVITE, (participant_id, stamp, code, stamp))
    return Invite.from_row(row) if row else None
