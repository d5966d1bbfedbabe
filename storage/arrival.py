"""What the dispatcher reads and records about a chat before every handler runs, in as few statements as it can."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage import sessions
from storage.database import fetch_one
from storage.models import Participant, Role, Session
from storage.timefmt import to_db

# One statement for a registered person: mark them heard from (and so reachable), and return them with their roles
# and their chat's conversation state. The participant comes back as updated; handlers read neither column.
_TOUCH_AND_LOAD = """
UPDATE participants SET last_seen_at = ?1, unreachable_at = NULL
WHERE id = (SELECT participant_id FROM identities WHERE channel = ?2 AND external_id = ?3)
RETURNING *,
    (SELECT json_group_array(json_array(r.role, r.commitment_id)) FROM roles r
     WHERE r.participant_id = participants.id) AS arrival_roles,
    (SELECT json_array(s.flow, s.step, json(s.data)) FROM sessions s
     WHERE s.channel = ?2 AND s.external_id = ?3) AS arrival_session
"""


@dataclass(frozen=True)
class Arrival:
    """The person behind an incoming event (None before registration), their roles and the chat's state."""

    participant: Participant | None
    roles: list[tuple[Role, int | None]]
    session: Session


async def arrive(conn: aiosqlite.Connection, channel: str, external_id: str, now: datetime) -> Arrival:
    """Record that the person was heard from and return what the handler needs to know about them."""
    row = await fetch_one(conn, _TOUCH_AND_LOAD, (to_db(now), channel, external_id))
    if row is None:
        return Arrival(None, [], await sessions.load_session(conn, channel, external_id))
    roles = [(Role(role), commitment) for role, commitment in json.loads(row["arrival_roles"])]
    session = Session(channel=channel, external_id=external_id)
    if row["arrival_session"] is not None:
        flow, step, data = json.loads(row["arrival_session"])
        session = Session(channel=channel, external_id=external_id, flow=flow, step=step, data=data)
    return Arrival(Participant.from_row(row), roles, session)
