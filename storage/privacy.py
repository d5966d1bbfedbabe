"""Erasing a person's personal data (on request, or after a period of inactivity), keeping what must stay.

What a person leaves: their participant row, identities, chat state, follows, roles, recommendations, the files
they sent (storage/files.py: erased with the recommendations they belong to, or when they belong to nothing; kept,
no longer saying who sent them, with what stays), messages to them (the outbox), documents being built for them
(document_jobs), the WhatsApp contact, reminder bookkeeping, and the messages and audit details that name them.
All of it goes in one transaction, except what the last answer needs: that answer is still sent, so the chat is
kept in pending_erasures and everything queued to it is marked erase (a trigger, migration 006); once it is out the
sender calls erase_sent, which deletes it and finishes the chat. The database zeroes what it deletes (secure_delete)
and the caller empties the WAL (Database.checkpoint) so that the bytes go too.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import aiosqlite

from storage import document_jobs, files, flood, questions, roles, snapshots
from storage.database import execute_count, fetch_all, fetch_one, fetch_value
from storage.timefmt import to_db

WHATSAPP = "whatsapp"
# Sessions and WhatsApp contacts of people who never registered: kept this long after they were last heard from.
UNREGISTERED_DAYS = 30
MENTION_MIN = 2  # shorter names or organisations would match too much to be searched for

_IDENTITIES = "SELECT channel, external_id FROM identities WHERE participant_id = ?"
_WHO = "SELECT name, organisation FROM participants WHERE id = ?"
_BLANK_PARTICIPANT = """
UPDATE participants SET name = NULL, organisation = NULL, sector = NULL, governorate = NULL, consent_at = NULL,
    notify_answers = 0, notify_status = 0, notify_reminders = 0, unreachable_at = NULL,
    last_seen_at = ?, forgotten_at = ?
WHERE id = ?
"""
_DELETE_IDENTITIES = "DELETE FROM identities WHERE participant_id = ?"
_DELETE_SESSION = "DELETE FROM sessions WHERE channel = ? AND external_id = ?"
_DELETE_CHAT_OUTBOX = "DELETE FROM outbox WHERE channel = ? AND recipient = ?"
_DELETE_PUSHED_TO = "DELETE FROM outbox WHERE participant_id = ?"
_DELETE_CONTACT = "DELETE FROM wa_contacts WHERE external_id = ?"
_DELETE_REMINDER_LOG = "DELETE FROM reminder_log WHERE recipient = ?"
_DELETE_REMINDER_LOG_OF = "DELETE FROM reminder_log WHERE participant_id = ?"
# A coordinator's broadcasts keep their text; where the summary would go (their chat) goes, and no summary is sent.
_FORGET_BROADCASTER = """
UPDATE broadcasts SET recipient = '', summarised_at = COALESCE(summarised_at, ?) WHERE created_by = ?
"""
_DELETE_FOLLOWS = "DELETE FROM follows WHERE participant_id = ?"
_DELETE_ROLES = "DELETE FROM roles WHERE participant_id = ?"
_DELETE_RECOMMENDATIONS = "DELETE FROM recommendations WHERE participant_id = ?"
_UNLINK_RECOMMENDATIONS = "UPDATE recommendations SET participant_id = NULL WHERE participant_id = ?"
# Messages to others that name the person ("invitation accepted by …", /team, an officer's inbox): a sent copy is
# deleted; one still on its way goes (a short name may match someone else's text) and is deleted once sent.
_DELETE_MENTIONS = "DELETE FROM outbox WHERE status NOT IN ('pending', 'sending') AND instr(payload, ?) > 0"
_MARK_MENTIONS = "UPDATE outbox SET erase = 1 WHERE status IN ('pending', 'sending') AND instr(payload, ?) > 0"
_BLANK_AUDIT_MENTIONS = "UPDATE audit_log SET detail = NULL WHERE instr(detail, ?) > 0"
_PENDING_ERASURE = """
INSERT INTO pending_erasures (channel, external_id, requested_at) VALUES (?, ?, ?)
ON CONFLICT (channel, external_id) DO UPDATE SET requested_at = excluded.requested_at
"""
_DELETE_ROW = "DELETE FROM outbox WHERE id = ?"
_IS_PENDING_ERASURE = "SELECT 1 FROM pending_erasures WHERE channel = ? AND external_id = ?"
_CHAT_DUE = """
SELECT EXISTS (SELECT 1 FROM outbox WHERE channel = ? AND recipient = ? AND status IN ('pending', 'sending', 'held'))
"""
_CHAT_IN_USE = """
SELECT EXISTS (SELECT 1 FROM identities WHERE channel = ?1 AND external_id = ?2)
    OR EXISTS (SELECT 1 FROM sessions WHERE channel = ?1 AND external_id = ?2 AND flow IS NOT NULL)
"""
_DELETE_CHAT_ERASED = "DELETE FROM outbox WHERE channel = ? AND recipient = ? AND erase = 1"
_DROP_PENDING_ERASURE = "DELETE FROM pending_erasures WHERE channel = ? AND external_id = ?"
_STALE_ERASURES = "SELECT channel, external_id FROM pending_erasures WHERE requested_at < ?"
_INACTIVE = """
SELECT p.id FROM participants p
WHERE p.forgotten_at IS NULL AND p.last_seen_at < ?
  AND NOT EXISTS (SELECT 1 FROM roles r WHERE r.participant_id = p.id)
ORDER BY p.id
"""
_PRUNE_OUTBOX = """
DELETE FROM outbox WHERE status NOT IN ('pending', 'sending') AND COALESCE(sent_at, created_at) < ?
  AND (status != 'held' OR created_at < ?)
"""
_PRUNE_UNREGISTERED_SESSIONS = """
DELETE FROM sessions WHERE updated_at < ?
  AND NOT EXISTS (SELECT 1 FROM identities i
                  WHERE i.channel = sessions.channel AND i.external_id = sessions.external_id)
"""
_PRUNE_UNREGISTERED_CONTACTS = """
DELETE FROM wa_contacts WHERE last_inbound_at < ?
  AND NOT EXISTS (SELECT 1 FROM identities i WHERE i.channel = 'whatsapp' AND i.external_id = wa_contacts.external_id)
  AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.channel = 'whatsapp' AND s.external_id = wa_contacts.external_id)
"""


async def forget(
    conn: aiosqlite.Connection,
    participant_id: int,
    *,
    delete_recommendations: bool,
    now: datetime,
    farewell: bool = True,
) -> int:
    """Erase a participant's personal data; their recommendations are deleted or kept unlinked; return how many.

    farewell: an answer to the person is about to be queued (they asked); their chat is finished once it is sent.
    """
    identities = [(r[0], r[1]) for r in await fetch_all(conn, _IDENTITIES, (participant_id,))]
    await flood.remember(conn, participant_id, identities, now)  # the hourly limit holds across a new registration
    who = await fetch_one(conn, _WHO, (participant_id,))
    for channel, external_id in identities:
        await _forget_chat(conn, channel, external_id, now, farewell=farewell)
    await conn.execute(_DELETE_PUSHED_TO, (participant_id,))
    await conn.execute(_DELETE_REMINDER_LOG_OF, (participant_id,))
    await conn.execute(_FORGET_BROADCASTER, (to_db(now), participant_id))
    await _forget_mentions(conn, [str(v) for v in (who or ()) if v])
    await conn.execute(_DELETE_IDENTITIES, (participant_id,))
    await conn.execute(_DELETE_FOLLOWS, (participant_id,))
    await questions.forget_asker(conn, participant_id)
    await conn.execute(_DELETE_ROLES, (participant_id,))
    await roles.withdraw_invites_of(conn, participant_id, now)  # invitations die with their creator's role
    erased = await files.forget_sender(conn, participant_id, delete_recommendations=delete_recommendations, now=now)
    await _forget_mentions(conn, erased)  # messages that carried those files (an officer's inbox) name them
    statement = _DELETE_RECOMMENDATIONS if delete_recommendations else _UNLINK_RECOMMENDATIONS
    recommendations = await execute_count(conn, statement, (participant_id,))
    stamp = to_db(now)
    await conn.execute(_BLANK_PARTICIPANT, (stamp, stamp, participant_id))
    if await snapshots.newest_snapshot(conn) is not None:  # the dated copies of the open data are rewritten too
        await document_jobs.add_system(conn, snapshots.REDACT_JOB, now)
    return recommendations


async def forget_chat(conn: aiosqlite.Connection, channel: str, external_id: str, now: datetime) -> None:
    """Erase what a chat without a registration left (a declined or abandoned one); the answer being queued goes."""
    await _forget_chat(conn, channel, external_id, now, farewell=True)


async def _forget_chat(
    conn: aiosqlite.Connection, channel: str, external_id: str, now: datetime, *, farewell: bool
) -> None:
    await conn.execute(_DELETE_SESSION, (channel, external_id))
    await conn.execute(_DELETE_CHAT_OUTBOX, (channel, external_id))  # messages to them carry their chat id
    await document_jobs.drop_chat(conn, channel, external_id)  # an export asked for just before /forget
    await _forget_mentions(conn, await files.drop_pending_of_chat(conn, channel, external_id, now))  # a draft's voice
    await conn.execute(_DELETE_REMINDER_LOG, (f"{channel}:{external_id}",))
    if farewell:  # the WhatsApp contact is needed to send the last answer (the 24-hour window)
        await conn.execute(_PENDING_ERASURE, (channel, external_id, to_db(now)))
    elif channel == WHATSAPP:
        await conn.execute(_DELETE_CONTACT, (external_id,))


async def _forget_mentions(conn: aiosqlite.Connection, needles: list[str]) -> None:
    """Delete (or mark for deletion once sent) messages naming the person; blank audit details that do."""
    for needle in needles:
        if len(needle) < MENTION_MIN:
            continue
        as_in_json = json.dumps(needle, ensure_ascii=False)[1:-1]  # payloads are JSON; quotes come escaped
        await conn.execute(_DELETE_MENTIONS, (as_in_json,))
        await conn.execute(_MARK_MENTIONS, (as_in_json,))
        await conn.execute(_BLANK_AUDIT_MENTIONS, (needle,))


async def erase_sent(conn: aiosqlite.Connection, row_id: int, channel: str, recipient: str) -> bool:
    """Delete a row marked erase that has gone; finish its chat's erasure when nothing else is due to it.

    Return True when something of a chat was finished (the caller then empties the WAL).
    """
    await conn.execute(_DELETE_ROW, (row_id,))
    if await fetch_one(conn, _IS_PENDING_ERASURE, (channel, recipient)) is None:
        return False
    return await _finish_chat(conn, channel, recipient)


async def _finish_chat(conn: aiosqlite.Connection, channel: str, external_id: str) -> bool:
    if await fetch_value(conn, _CHAT_DUE, (channel, external_id)):
        return False  # more is on its way to the chat: the last row out finishes it
    await conn.execute(_DELETE_CHAT_ERASED, (channel, external_id))
    await conn.execute(_DROP_PENDING_ERASURE, (channel, external_id))
    if await fetch_value(conn, _CHAT_IN_USE, (channel, external_id)):
        return True  # they came back (registering again): the new conversation and its contact are theirs
    await conn.execute(_DELETE_SESSION, (channel, external_id))
    if channel == WHATSAPP:
        await conn.execute(_DELETE_CONTACT, (external_id,))
    return True


async def finish_stale_erasures(conn: aiosqlite.Connection, now: datetime) -> int:
    """Finish erasures whose last answer never went out (refused by the channel, or stuck); return how many."""
    finished = 0
    for channel, external_id in await fetch_all(conn, _STALE_ERASURES, (to_db(now - timedelta(days=1)),)):
        await conn.execute(_DELETE_CHAT_ERASED, (channel, external_id))  # the last answer is given up
        finished += await _finish_chat(conn, channel, external_id)
    return finished


async def inactive_since(conn: aiosqlite.Connection, cutoff: datetime) -> list[int]:
    """Return participants (without a role) not heard from since cutoff and not yet forgotten."""
    return [int(r[0]) for r in await fetch_all(conn, _INACTIVE, (to_db(cutoff),))]


async def prune_outbox(conn: aiosqlite.Connection, cutoff: datetime, held_cutoff: datetime) -> int:
    """Delete finished outbox rows done before cutoff (held ones: queued before held_cutoff); return how many."""
    return await execute_count(conn, _PRUNE_OUTBOX, (to_db(cutoff), to_db(held_cutoff)))


async def prune_unregistered(conn: aiosqlite.Connection, now: datetime) -> int:
    """Delete sessions and WhatsApp contacts of chats that never registered, idle for UNREGISTERED_DAYS."""
    cutoff = to_db(now - timedelta(days=UNREGISTERED_DAYS))
    sessions = await execute_count(conn, _PRUNE_UNREGISTERED_SESSIONS, (cutoff,))
    return sessions + await execute_count(conn, _PRUNE_UNREGISTERED_CONTACTS, (cutoff,))
