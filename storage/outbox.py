"""The outbox: every outbound message is a row before it is sent."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.database import execute_count, fetch_all, fetch_one, in_one_trip
from storage.models import OutboxRow
from storage.timefmt import to_db

_INSERT = """
INSERT INTO outbox (channel, recipient, participant_id, kind, dedupe_key, payload, document, edit_ref,
                    not_before, created_at, batch)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (dedupe_key) DO NOTHING
RETURNING id
"""
# Pending rows that may go now, oldest first: at most :cap per chat (so one chat's backlog cannot fill the batch),
# none of a chat the sender is busy with, and none behind a row of the same chat waiting to be retried (a chat's
# messages keep their order). Both subqueries read one chat's rows through an index; the outer scan follows
# outbox_pending in id order and stops at :limit (the unary + keeps the planner off outbox_due, which would make it
# read and sort every pending row), and outbox_retrying is named because without statistics the planner would
# check every earlier pending row of the chat for attempts > 0 instead (20 ms instead of 1.5 with a 700-row backlog).
_SELECT_DUE = """
SELECT * FROM outbox o
WHERE o.status = 'pending' AND +o.not_before <= :now
  AND o.channel || char(31) || o.recipient NOT IN (SELECT value FROM json_each(:busy))
  AND NOT EXISTS (SELECT 1 FROM outbox e INDEXED BY outbox_retrying
                  WHERE e.channel = o.channel AND e.recipient = o.recipient AND e.status = 'pending'
                    AND e.attempts > 0 AND e.id < o.id AND e.not_before > :now)
  AND (SELECT COUNT(*) FROM (SELECT 1 FROM outbox e
                             WHERE e.channel = o.channel AND e.recipient = o.recipient AND e.status = 'pending'
                               AND e.id < o.id AND e.not_before <= :now LIMIT :cap)) < :cap
ORDER BY o.id LIMIT :limit
"""
_SELECT_DUE_REPLIES = _SELECT_DUE.replace(
    "WHERE o.status = 'pending'", "WHERE o.status = 'pending' AND o.kind = 'reply'"
).replace("AND e.id < o.id AND e.not_before <= :now", "AND e.id < o.id AND e.not_before <= :now AND e.kind = 'reply'")
_SELECT_UNREACHABLE = """
SELECT id FROM participants WHERE unreachable_at IS NOT NULL AND id IN (SELECT value FROM json_each(?))
"""
_SELECT_NEXT_DUE_TIME = "SELECT MIN(not_before) FROM outbox WHERE status = 'pending'"
# A document's bytes (an export names people) are not kept once the row is done with; a held row still needs them.
_MARK_SENT = """
UPDATE outbox SET status = 'sent', sent_at = ?, channel_msg_id = ?, attempts = attempts + 1, document = NULL
WHERE id = ?
"""
_MARK_RETRY = """
UPDATE outbox SET status = 'pending', not_before = ?, last_error = ?, attempts = attempts + 1 WHERE id = ?
"""
_MARK_FINAL = """
UPDATE outbox SET status = ?1, last_error = ?2, attempts = attempts + 1,
    document = CASE WHEN ?1 = 'held' THEN document END
WHERE id = ?3
"""
_SELECT_ONE = "SELECT * FROM outbox WHERE id = ?"


async def enqueue(
    conn: aiosqlite.Connection,
    *,
    channel: str,
    recipient: str,
    payload: str,
    now: datetime,
    participant_id: int | None = None,
    kind: str = "reply",
    dedupe_key: str | None = None,
    document: bytes | None = None,
    edit_ref: str | None = None,
    not_before: datetime | None = None,
    batch: str | None = None,
) -> int | None:
    """Queue a message; return its id, or None when a row with the same dedupe key exists."""
    params = (
        channel,
        recipient,
        participant_id,
        kind,
        dedupe_key,
        payload,
        document,
        edit_ref,
        to_db(not_before or now),
        to_db(now),
        batch,
    )
    row = await fetch_one(conn, _INSERT, params)
    return int(row[0]) if row else None


_INSERT_REPLY = """
INSERT INTO outbox (channel, recipient, participant_id, kind, payload, document, edit_ref, not_before, created_at)
VALUES (?, ?, ?, 'reply', ?, ?, ?, ?, ?)
"""


@dataclass(frozen=True, slots=True)
class NewReply:
    """One answer to a person's own action, to be queued."""

    payload: str
    document: bytes | None = None
    edit_ref: str | None = None


async def enqueue_replies(
    conn: aiosqlite.Connection,
    channel: str,
    recipient: str,
    replies: Sequence[NewReply],
    *,
    participant_id: int | None,
    now: datetime,
) -> None:
    """Queue the answers to one incoming event, due now, in order (one statement for all of them)."""
    if replies:
        await in_one_trip(
            conn, lambda plain: enqueue_replies_in(plain, channel, recipient, replies, participant_id, now)
        )


def enqueue_replies_in(
    plain: sqlite3.Connection,
    channel: str,
    recipient: str,
    replies: Sequence[NewReply],
    participant_id: int | None,
    now: datetime,
) -> None:
    """Do what enqueue_replies() does, on the database thread (inside a one-trip function)."""
    stamp = to_db(now)
    params = [(channel, recipient, participant_id, r.payload, r.document, r.edit_ref, stamp, stamp) for r in replies]
    plain.executemany(_INSERT_REPLY, params)


# While a chat's queue is full (see queue_latest) its newest answers wait in rows keyed "latest:…", replaced by each
# newer event's, and one note per hour says so.
_DELETE_LATEST = """
DELETE FROM outbox WHERE channel = ? AND recipient = ? AND status = 'pending' AND dedupe_key LIKE 'latest:%'
"""
_INSERT_KEYED_REPLY = """
INSERT INTO outbox (channel, recipient, participant_id, kind, dedupe_key, payload, document, edit_ref, not_before,
                    created_at)
VALUES (?, ?, ?, 'reply', ?, ?, ?, ?, ?, ?)
ON CONFLICT (dedupe_key) DO NOTHING
"""


async def queue_latest(
    conn: aiosqlite.Connection,
    channel: str,
    recipient: str,
    replies: Sequence[NewReply],
    *,
    participant_id: int | None,
    now: datetime,
    event_id: str,
    note: NewReply,
) -> None:
    """Queue an event's answers to a chat whose queue is full: they replace the previous event's, after one note.

    The chat still gets everything queued before the flood, then the note (once an hour), then the answers to
    the newest event only: the ones in between would describe states that no longer hold.
    """
    latest = Latest(channel, recipient, event_id, note)
    await in_one_trip(conn, lambda plain: queue_latest_in(plain, latest, replies, participant_id, now))


@dataclass(frozen=True, slots=True)
class Latest:
    """Where queue_latest() puts an event's answers: the chat, the event, and the note that says so."""

    channel: str
    recipient: str
    event_id: str
    note: NewReply


def queue_latest_in(
    plain: sqlite3.Connection, latest: Latest, replies: Sequence[NewReply], participant_id: int | None, now: datetime
) -> None:
    """Do what queue_latest() does, on the database thread (inside a one-trip function)."""
    channel, recipient = latest.channel, latest.recipient
    stamp = to_db(now)
    plain.execute(_DELETE_LATEST, (channel, recipient))
    hour = now.strftime("%Y%m%d%H")
    rows = [(f"flood-note:{channel}:{recipient}:{hour}", latest.note)]
    rows += [(f"latest:{channel}:{recipient}:{latest.event_id}:{n}", reply) for n, reply in enumerate(replies)]
    params = [
        (channel, recipient, participant_id, key, r.payload, r.document, r.edit_ref, stamp, stamp) for key, r in rows
    ]
    plain.executemany(_INSERT_KEYED_REPLY, params)


def chat_key(channel: str, recipient: str) -> str:
    """Return how the due query names a chat in its list of busy chats."""
    return f"{channel}\x1f{recipient}"


async def due(
    conn: aiosqlite.Connection,
    now: datetime,
    limit: int = 100,
    *,
    replies_only: bool = False,
    per_chat: int = 10,
    busy: Iterable[str] = (),
) -> list[OutboxRow]:
    """Return pending rows that may be sent now, oldest first, at most per_chat of each chat, none of busy chats.

    busy holds chat_key() values; replies_only keeps the answers to people's own actions.
    """
    query = _SELECT_DUE_REPLIES if replies_only else _SELECT_DUE
    params = {"now": to_db(now), "limit": limit, "cap": per_chat, "busy": json.dumps(list(busy))}
    return [OutboxRow.from_row(r) for r in await fetch_all(conn, query, params)]


async def unreachable_among(conn: aiosqlite.Connection, participant_ids: set[int]) -> set[int]:
    """Return which of these participants are marked unreachable."""
    return {int(r[0]) for r in await fetch_all(conn, _SELECT_UNREACHABLE, (json.dumps(sorted(participant_ids)),))}


async def next_due_time(conn: aiosqlite.Connection) -> str | None:
    """Return when the earliest pending row becomes due, as stored."""
    row = await fetch_one(conn, _SELECT_NEXT_DUE_TIME)
    return row[0] if row else None


async def get(conn: aiosqlite.Connection, row_id: int) -> OutboxRow | None:
    """Return one outbox row."""
    row = await fetch_one(conn, _SELECT_ONE, (row_id,))
    return OutboxRow.from_row(row) if row else None


def mark_sent_in(plain: sqlite3.Connection, sent: Sequence[tuple[int, str | None]], now: datetime) -> None:
    """Record that rows were delivered to the channel: (row id, channel message id) each (on the database thread)."""
    stamp = to_db(now)
    plain.executemany(_MARK_SENT, [(stamp, channel_msg_id, row_id) for row_id, channel_msg_id in sent])


async def mark_retry(conn: aiosqlite.Connection, row_id: int, not_before: datetime, error: str) -> None:
    """Put a row back to be tried again later."""
    await conn.execute(_MARK_RETRY, (to_db(not_before), error[:500], row_id))


async def mark_final(conn: aiosqlite.Connection, row_id: int, status: str, error: str) -> None:
    """Give a row up as failed, unreachable, held or skipped."""
    await conn.execute(_MARK_FINAL, (status, error[:500], row_id))


_CLAIM = "UPDATE outbox SET status = 'sending' WHERE id = ? AND status = 'pending'"
_RELEASE_CLAIMS = "UPDATE outbox SET status = 'pending' WHERE status = 'sending'"


async def claim(conn: aiosqlite.Connection, row_ids: list[int]) -> None:
    """Mark rows as being sent, so no other drain picks them up."""
    await conn.executemany(_CLAIM, [(row_id,) for row_id in row_ids])


async def release_claims(conn: aiosqlite.Connection) -> int:
    """Return rows a crashed sender had claimed to the queue (run at start-up)."""
    return await execute_count(conn, _RELEASE_CLAIMS)


_GIVE_UP_RECIPIENT = """
UPDATE outbox SET status = 'unreachable', last_error = ?, document = NULL
WHERE channel = ? AND recipient = ? AND status = 'pending'
"""


async def give_up_recipient(conn: aiosqlite.Connection, channel: str, recipient: str, error: str) -> int:
    """Stop every pending message to a recipient who cannot be reached; return how many."""
    return await execute_count(conn, _GIVE_UP_RECIPIENT, (error[:500], channel, recipient))


_UNCLAIM = "UPDATE outbox SET status = 'pending' WHERE id = ? AND status = 'sending'"


async def unclaim(conn: aiosqlite.Connection, row_ids: list[int]) -> None:
    """Return claimed rows to the queue unsent."""
    await conn.executemany(_UNCLAIM, [(row_id,) for row_id in row_ids])


_COUNT_BY_STATUS = """
SELECT status, COUNT(*) AS n FROM outbox WHERE kind != 'reply' AND created_at >= ? GROUP BY status
"""


async def push_counts(conn: aiosqlite.Connection, since: datetime) -> dict[str, int]:
    """Count pushes (everything but replies) queued since a moment, by status."""
    return {r["status"]: int(r["n"]) for r in await fetch_all(conn, _COUNT_BY_STATUS, (to_db(since),))}


# Rows that could go now: a push held for quiet hours or a retry's backoff is not a backlog yet.
_BACKLOG = """
SELECT COUNT(*) AS depth, MIN(not_before) AS oldest FROM outbox
WHERE status IN ('pending', 'sending') AND not_before <= ?
"""


@dataclass(frozen=True)
class Backlog:
    """The rows due and not yet sent, and since when the oldest of them has been due."""

    depth: int
    oldest_due: datetime | None


async def backlog(conn: aiosqlite.Connection, now: datetime) -> Backlog:
    """Return how many rows are due and unsent, and when the oldest became due."""
    row = await fetch_one(conn, _BACKLOG, (to_db(now),))
    if row is None or not row["depth"]:
        return Backlog(0, None)
    return Backlog(int(row["depth"]), datetime.fromisoformat(row["oldest"]))


# The newest alert row of one condition (its keys are alert:<condition>:<raised|cleared>:<hour>:<recipient>).
_LAST_ALERT = """
SELECT dedupe_key FROM outbox WHERE dedupe_key >= ? AND dedupe_key < ? ORDER BY id DESC LIMIT 1
"""


async def last_alert(conn: aiosqlite.Connection, condition: str) -> str | None:
    """Return whether the operators were last told a condition was "raised" or "cleared" (None: never, or purged)."""
    prefix = f"alert:{condition}:"
    row = await fetch_one(conn, _LAST_ALERT, (prefix, prefix[:-1] + ";"))  # ';' sorts right after ':'
    return str(row[0]).split(":")[2] if row else None
