"""WhatsApp bookkeeping: contacts' last message (the 24-hour window), Graph API message ids and their statuses."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.database import execute_count, fetch_all, fetch_one, fetch_value, in_one_trip
from storage.models import HeldMessage, WaContact, WaMessage
from storage.timefmt import to_db

_UPSERT_CONTACT = """
INSERT INTO wa_contacts (external_id, wa_id, user_id, last_inbound_at) VALUES (?, ?, ?, ?)
ON CONFLICT (external_id) DO UPDATE SET
    wa_id = COALESCE(excluded.wa_id, wa_contacts.wa_id),
    user_id = COALESCE(excluded.user_id, wa_contacts.user_id),
    last_inbound_at = MAX(excluded.last_inbound_at, wa_contacts.last_inbound_at)
"""
_SELECT_CONTACT = "SELECT * FROM wa_contacts WHERE external_id = ?"
# A number that wrote before (a contact) or registered (an identity): one statement where two lookups were.
_SELECT_KNOWN = """
SELECT EXISTS (SELECT 1 FROM wa_contacts WHERE external_id = ?) OR EXISTS (
    SELECT 1 FROM identities i JOIN participants p ON p.id = i.participant_id
    WHERE i.channel = ? AND i.external_id = ?)
"""
WA_CONTACT_COLUMNS = ("external_id", "wa_id", "user_id", "last_inbound_at")
_INSERT_MESSAGE = """
INSERT INTO wa_messages (wamid, outbox_id, part, kind, status_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (wamid) DO NOTHING
"""
_SELECT_PARTS_DONE = "SELECT part FROM wa_messages WHERE outbox_id = ? AND status != 'failed'"
# What a delivery needs in one statement: the contact (NULLs when unknown) and the parts already accepted.
_SELECT_DELIVERY = """
SELECT c.external_id, c.wa_id, c.user_id, c.last_inbound_at,
    (SELECT group_concat(part) FROM wa_messages WHERE outbox_id = ? AND status != 'failed') AS done
FROM (SELECT 1) LEFT JOIN wa_contacts c ON c.external_id = ?
"""
_SELECT_MESSAGE = "SELECT * FROM wa_messages WHERE wamid = ?"
# Statuses can arrive out of order: only move forward (sent → delivered → read); a failure always counts.
_UPDATE_STATUS = """
UPDATE wa_messages SET status = ?, status_at = ?, error_code = ?, error_title = ?
WHERE wamid = ? AND (? = 'failed' OR (status != 'failed' AND
    (CASE status WHEN 'accepted' THEN 0 WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 ELSE 3 END) <
    (CASE ? WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 ELSE 3 END)))
"""
_OUTBOX_FAILED_LATE = "UPDATE outbox SET status = ?, last_error = ? WHERE id = ? AND status IN ('sent', 'sending')"
_RELEASE_HELD = """
UPDATE outbox SET status = 'pending', not_before = ? WHERE channel = ? AND recipient = ? AND status = 'held'
"""
_COUNT_HELD = "SELECT COUNT(*) FROM outbox WHERE status = 'held'"
_SELECT_HELD = """
SELECT o.id, o.channel, o.recipient, o.kind, o.created_at, o.last_error, p.name AS participant_name
FROM outbox o LEFT JOIN participants p ON p.id = o.participant_id
WHERE o.status = 'held' ORDER BY o.id DESC LIMIT ?
"""


async def touch_contact(
    conn: aiosqlite.Connection, external_id: str, *, wa_id: str | None, user_id: str | None, at: datetime
) -> None:
    """Record that a contact wrote to us at a moment (keeps the latest)."""
    await conn.execute(_UPSERT_CONTACT, (external_id, wa_id, user_id, to_db(at)))


async def bookkeep(
    conn: aiosqlite.Connection,
    channel: str,
    external_id: str,
    *,
    wa_id: str | None,
    user_id: str | None,
    at: datetime,
    now: datetime,
    ask_known: bool,
) -> tuple[bool, int]:
    """Record that a contact wrote and queue again what was held for them, in one round trip.

    Return whether the number was known before (False when not asked) and how many held messages were released.
    """
    contact = Contact(external_id, wa_id, user_id, at)
    return await in_one_trip(conn, lambda plain: bookkeep_in(plain, channel, contact, now, ask_known))


@dataclass(frozen=True, slots=True)
class Contact:
    """A contact as one of its messages names it, and when it wrote."""

    external_id: str
    wa_id: str | None
    user_id: str | None
    at: datetime


def bookkeep_in(
    plain: sqlite3.Connection, channel: str, contact: Contact, now: datetime, ask_known: bool
) -> tuple[bool, int]:
    """Do what bookkeep() does, on the database thread (inside a one-trip function)."""
    external_id = contact.external_id
    was_known = ask_known and bool(plain.execute(_SELECT_KNOWN, (external_id, channel, external_id)).fetchone()[0])
    plain.execute(_UPSERT_CONTACT, (external_id, contact.wa_id, contact.user_id, to_db(contact.at)))
    return was_known, plain.execute(_RELEASE_HELD, (to_db(now), channel, external_id)).rowcount


async def known(conn: aiosqlite.Connection, channel: str, external_id: str) -> bool:
    """Tell whether a number wrote before (a contact) or is registered on the channel."""
    return bool(await fetch_value(conn, _SELECT_KNOWN, (external_id, channel, external_id)))


async def get_contact(conn: aiosqlite.Connection, external_id: str) -> WaContact | None:
    """Return what is known of a WhatsApp contact."""
    row = await fetch_one(conn, _SELECT_CONTACT, (external_id,))
    return WaContact.from_row(row) if row else None


async def record_sent(
    conn: aiosqlite.Connection, wamid: str, outbox_id: int, part: int, now: datetime, *, template: bool = False
) -> None:
    """Remember the Graph API id of one message sent for an outbox row."""
    kind = "template" if template else "message"
    await conn.execute(_INSERT_MESSAGE, (wamid, outbox_id, part, kind, to_db(now)))


async def record_sent_many(
    conn: aiosqlite.Connection, sent: list[tuple[str, int, int, bool]], now: datetime
) -> list[None]:
    """Remember the Graph API ids of messages sent: (wamid, outbox row, part, template) each."""
    at = to_db(now)
    rows = [
        (wamid, outbox_id, part, "template" if template else "message", at) for wamid, outbox_id, part, template in sent
    ]
    await conn.executemany(_INSERT_MESSAGE, rows)
    return [None] * len(rows)


def record_sent_in(plain: sqlite3.Connection, sent: list[tuple[str, int, int, bool]], now: datetime) -> None:
    """Do what record_sent_many() does, on the database thread (inside a one-trip function)."""
    at = to_db(now)
    rows = [
        (wamid, outbox_id, part, "template" if template else "message", at) for wamid, outbox_id, part, template in sent
    ]
    plain.executemany(_INSERT_MESSAGE, rows)


async def delivery_state(
    conn: aiosqlite.Connection, external_id: str, outbox_id: int
) -> tuple[WaContact | None, set[int]]:
    """Return the contact an outbox row goes to and which of its parts were already accepted, in one statement."""
    row = await fetch_one(conn, _SELECT_DELIVERY, (outbox_id, external_id))
    assert row is not None  # noqa: S101 - the LEFT JOIN on one constant row yields exactly one
    return _delivery_state(row)


async def delivery_states(
    conn: aiosqlite.Connection, rows: list[tuple[str, int]]
) -> list[tuple[WaContact | None, set[int]]]:
    """Return delivery_state for several (recipient, outbox row) pairs, in order, in one round trip."""

    def work(db: sqlite3.Connection) -> list[tuple[WaContact | None, set[int]]]:
        return [_delivery_state(db.execute(_SELECT_DELIVERY, (row_id, to)).fetchone()) for to, row_id in rows]

    return await in_one_trip(conn, work)


def _delivery_state(row: sqlite3.Row) -> tuple[WaContact | None, set[int]]:
    contact = WaContact.from_row({k: row[k] for k in WA_CONTACT_COLUMNS}) if row["external_id"] is not None else None
    done = {int(part) for part in str(row["done"]).split(",")} if row["done"] is not None else set()
    return contact, done


async def parts_done(conn: aiosqlite.Connection, outbox_id: int) -> set[int]:
    """Return which parts of an outbox row were already accepted (so a retry does not repeat them)."""
    return {int(r[0]) for r in await fetch_all(conn, _SELECT_PARTS_DONE, (outbox_id,))}


async def record_status(
    conn: aiosqlite.Connection,
    wamid: str,
    status: str,
    at: datetime,
    *,
    error_code: int | None = None,
    error_title: str | None = None,
) -> WaMessage | None:
    """Apply a status webhook to the message it concerns; return the message, None when it is not ours."""
    params = (status, to_db(at), error_code, error_title, wamid, status, status)
    await conn.execute(_UPDATE_STATUS, params)
    row = await fetch_one(conn, _SELECT_MESSAGE, (wamid,))
    return WaMessage.from_row(row) if row else None


async def fail_outbox_late(conn: aiosqlite.Connection, outbox_id: int, status: str, error: str) -> None:
    """Mark an outbox row the channel accepted but later could not deliver (failed, held or unreachable)."""
    await conn.execute(_OUTBOX_FAILED_LATE, (status, error[:500], outbox_id))


async def release_held(conn: aiosqlite.Connection, channel: str, recipient: str, now: datetime) -> int:
    """Queue again the messages held for a recipient (their window just opened); return how many."""
    return await execute_count(conn, _RELEASE_HELD, (to_db(now), channel, recipient))


async def count_held(conn: aiosqlite.Connection) -> int:
    """Return how many messages are held."""
    row = await fetch_one(conn, _COUNT_HELD)
    return int(row[0]) if row else 0


async def list_held(conn: aiosqlite.Connection, limit: int) -> list[HeldMessage]:
    """Return the newest held messages with whom they are for."""
    return [HeldMessage.from_row(r) for r in await fetch_all(conn, _SELECT_HELD, (limit,))]


_STORE_WEBHOOK = "INSERT INTO wa_inbox (body, received_at) VALUES (?, ?) RETURNING id"
_STORED_WEBHOOKS = "SELECT id, body FROM wa_inbox ORDER BY id"
_DROP_WEBHOOK = "DELETE FROM wa_inbox WHERE id = ?"


async def store_webhook(conn: aiosqlite.Connection, body: bytes, now: datetime) -> int:
    """Keep a verified webhook's raw body until it is processed; return its id."""
    row = await fetch_one(conn, _STORE_WEBHOOK, (body, to_db(now)))
    assert row is not None  # noqa: S101 - INSERT ... RETURNING yields the row
    return int(row[0])


async def store_webhooks(conn: aiosqlite.Connection, bodies: list[bytes], now: datetime) -> list[int]:
    """Keep several verified webhooks' raw bodies; return their ids in the same order, in one round trip."""
    at = to_db(now)

    def work(db: sqlite3.Connection) -> list[int]:
        return [int(db.execute(_STORE_WEBHOOK, (body, at)).fetchone()[0]) for body in bodies]

    return await in_one_trip(conn, work)


async def stored_webhooks(conn: aiosqlite.Connection) -> list[tuple[int, bytes]]:
    """Return the webhooks stored but not yet processed, oldest first."""
    return [(int(r[0]), bytes(r[1])) for r in await fetch_all(conn, _STORED_WEBHOOKS)]


async def drop_webhook(conn: aiosqlite.Connection, webhook_id: int) -> None:
    """Delete a processed webhook's raw body (it holds names, numbers and texts)."""
    await conn.execute(_DROP_WEBHOOK, (webhook_id,))


async def drop_webhooks(conn: aiosqlite.Connection, webhook_ids: list[int]) -> None:
    """Delete several processed webhooks' raw bodies in one round trip."""
    await in_one_trip(conn, lambda plain: drop_webhooks_in(plain, webhook_ids))


def drop_webhooks_in(plain: sqlite3.Connection, webhook_ids: list[int]) -> None:
    """Do what drop_webhooks() does, on the database thread (inside a one-trip function)."""
    plain.executemany(_DROP_WEBHOOK, [(i,) for i in webhook_ids])
