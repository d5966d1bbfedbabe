"""Document jobs: what a person asked to be built (an export, a report, statistics) until it is queued."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.database import execute_count, fetch_all, fetch_one
from storage.timefmt import to_db

_INSERT = """
INSERT INTO document_jobs (kind, channel, recipient, participant_id, params, requested_at)
VALUES (?, ?, ?, ?, ?, ?) RETURNING id
"""
_SELECT_NEXT = "SELECT * FROM document_jobs ORDER BY id LIMIT 1"
_SELECT_AFTER = "SELECT * FROM document_jobs WHERE id > ? ORDER BY id LIMIT 1"
_BEGIN_ATTEMPT = "UPDATE document_jobs SET attempts = attempts + 1 WHERE id = ? RETURNING attempts"
_UNDO_ATTEMPT = "UPDATE document_jobs SET attempts = attempts - 1 WHERE id = ? AND attempts > 0"
_DELETE = "DELETE FROM document_jobs WHERE id = ?"
_DELETE_CHAT = "DELETE FROM document_jobs WHERE channel = ? AND recipient = ?"
_COUNT = "SELECT COUNT(*) FROM document_jobs"
_WAITING_KIND = "SELECT COUNT(*) FROM document_jobs WHERE kind = ? AND channel = ? AND attempts = 0"
# The outbox rows a job's outcome becomes are keyed document:<job>:<n>; a sender re-checks the role of their files.
OUTBOX_KEY = "document:"
# Work the bot does for nobody in particular (rewriting the open data's snapshots): no chat to answer.
SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class DocumentJob:
    """A stored request for a document."""

    id: int
    kind: str
    channel: str
    recipient: str
    participant_id: int | None
    params: str
    attempts: int
    requested_at: datetime


def outbox_key(job_id: int, part: int | str) -> str:
    """Return the dedupe key of one outbox row of a job (one per reply, and the note that a large file is coming)."""
    return f"{OUTBOX_KEY}{job_id}:{part}"


def _job(row: aiosqlite.Row) -> DocumentJob:
    return DocumentJob(
        id=row["id"],
        kind=row["kind"],
        channel=row["channel"],
        recipient=row["recipient"],
        participant_id=row["participant_id"],
        params=row["params"],
        attempts=row["attempts"],
        requested_at=datetime.fromisoformat(row["requested_at"]),
    )


async def add(
    conn: aiosqlite.Connection,
    *,
    kind: str,
    channel: str,
    recipient: str,
    participant_id: int | None,
    params: str,
    now: datetime,
) -> int:
    """Store a job (in the caller's transaction); return its id."""
    row = await fetch_one(conn, _INSERT, (kind, channel, recipient, participant_id, params, to_db(now)))
    assert row is not None  # noqa: S101 - INSERT ... RETURNING always yields the row
    return int(row[0])


async def next_job(conn: aiosqlite.Connection, after: int = 0) -> DocumentJob | None:
    """Return the oldest job with an id above after, or None."""
    row = await fetch_one(conn, _SELECT_AFTER, (after,)) if after else await fetch_one(conn, _SELECT_NEXT)
    return _job(row) if row else None


async def begin_attempt(conn: aiosqlite.Connection, job_id: int) -> int:
    """Count one more build of the job; return how many were started, this one included (0: the job is gone)."""
    rows = await fetch_all(conn, _BEGIN_ATTEMPT, (job_id,))
    return int(rows[0][0]) if rows else 0


async def undo_attempt(conn: aiosqlite.Connection, job_id: int) -> None:
    """Take back a build that was stopped on purpose (the bot shutting down), so it does not count as a failure."""
    await conn.execute(_UNDO_ATTEMPT, (job_id,))


async def delete(conn: aiosqlite.Connection, job_id: int) -> bool:
    """Remove a job whose outcome is queued (in the same transaction as the outcome); False when it was gone."""
    return await execute_count(conn, _DELETE, (job_id,)) > 0


async def drop_chat(conn: aiosqlite.Connection, channel: str, recipient: str) -> None:
    """Drop the jobs of a chat being erased: what they would build must not reach it."""
    await conn.execute(_DELETE_CHAT, (channel, recipient))


async def count(conn: aiosqlite.Connection) -> int:
    """Return how many jobs wait."""
    row = await fetch_one(conn, _COUNT)
    return int(row[0]) if row else 0


async def add_system(conn: aiosqlite.Connection, kind: str, now: datetime) -> None:
    """Queue work for the bot itself, once: a job of this kind not yet begun already covers it."""
    if (await fetch_one(conn, _WAITING_KIND, (kind, SYSTEM)) or (0,))[0]:
        return
    await add(conn, kind=kind, channel=SYSTEM, recipient=SYSTEM, participant_id=None, params="{}", now=now)
