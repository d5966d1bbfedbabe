"""What the dispatcher reads and records about a chat before every handler runs, in as few statements as it can."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.database import in_one_trip
from storage.events import record_event_in
from storage.models import Participant, Role, Session
from storage.timefmt import to_db
from storage.trips import Work

# One statement for a registered person: mark them heard from (and so reachable), and return them with their roles
# and their chat's conversation state, and count the answers to the chat not yet sent (the dispatcher bounds them),
# and read the public data version (handlers reuse renderings of public data while it holds; handlers/kit/memo.py).
# The participant comes back as updated; handlers read neither column.
_TOUCH_AND_LOAD = """
UPDATE participants SET last_seen_at = ?1, unreachable_at = NULL
WHERE id = (SELECT participant_id FROM identities WHERE channel = ?2 AND external_id = ?3)
RETURNING *,
    (SELECT json_group_array(json_array(r.role, r.commitment_id)) FROM roles r
     WHERE r.participant_id = participants.id) AS arrival_roles,
    (SELECT json_array(s.flow, s.step, json(s.data)) FROM sessions s
     WHERE s.channel = ?2 AND s.external_id = ?3) AS arrival_session,
    (SELECT COUNT(*) FROM outbox q
     WHERE q.channel = ?2 AND q.recipient = ?3 AND q.status = 'pending' AND q.kind = 'reply') AS arrival_queued,
    (SELECT version FROM public_version WHERE id = 1) AS arrival_version
"""


# Someone not registered: the chat's state and its queued answers, in one statement too (?1 is not used).
_LOAD_GUEST = """
SELECT (SELECT json_array(s.flow, s.step, json(s.data)) FROM sessions s
        WHERE s.channel = ?2 AND s.external_id = ?3) AS arrival_session,
       (SELECT COUNT(*) FROM outbox q
        WHERE q.channel = ?2 AND q.recipient = ?3 AND q.status = 'pending' AND q.kind = 'reply') AS arrival_queued,
       (SELECT version FROM public_version WHERE id = 1) AS arrival_version
"""


@dataclass(frozen=True)
class Arrival:
    """The person behind an incoming event (None before registration), their roles and the chat's state."""

    participant: Participant | None
    roles: list[tuple[Role, int | None]]
    session: Session
    queued_replies: int = 0  # answers to this chat not yet sent
    data_version: int = 0  # storage.public's counter, as this transaction sees it


async def arrive(conn: aiosqlite.Connection, channel: str, external_id: str, now: datetime) -> Arrival:
    """Record that the person was heard from and return what the handler needs to know about them."""
    return await in_one_trip(conn, lambda plain: arrive_in(plain, channel, external_id, now))


async def enter(
    conn: aiosqlite.Connection,
    channel: str,
    event_id: str,
    external_id: str,
    now: datetime,
    before: Work[object] | None = None,
) -> Arrival | None:
    """Record an incoming event and its person's arrival in one round trip; None when the event was seen before.

    before (a channel's own bookkeeping) runs first in the same trip, whether or not the event is new.
    """

    def work(plain: sqlite3.Connection) -> Arrival | None:
        if before is not None:
            before(plain)
        if not record_event_in(plain, channel, event_id, now):
            return None
        return arrive_in(plain, channel, external_id, now)

    return await in_one_trip(conn, work)


def arrive_in(plain: sqlite3.Connection, channel: str, external_id: str, now: datetime) -> Arrival:
    """Do what arrive() does, on the database thread (inside a one-trip function)."""
    params = (to_db(now), channel, external_id)
    row = plain.execute(_TOUCH_AND_LOAD, params).fetchone()
    participant, roles = None, []
    if row is None:
        row = plain.execute(_LOAD_GUEST, params).fetchone()
    else:
        participant = Participant.from_row(row)
        roles = [(Role(role), commitment) for role, commitment in json.loads(row["arrival_roles"])]
    session = Session(channel=channel, external_id=external_id)
    if row["arrival_session"] is not None:
        flow, step, data = json.loads(row["arrival_session"])
        session = Session(channel=channel, external_id=external_id, flow=flow, step=step, data=data)
    return Arrival(participant, roles, session, int(row["arrival_queued"]), int(row["arrival_version"]))
