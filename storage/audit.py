"""The audit log: who did what privileged thing, to what, and when."""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from storage.database import fetch_all
from storage.models import Row
from storage.timefmt import to_db


class AuditEntry(Row):
    """One line of the audit log."""

    id: int
    actor_id: int | None
    action: str
    target: str | None
    detail: str | None
    created_at: datetime


_INSERT = "INSERT INTO audit_log (actor_id, action, target, detail, created_at) VALUES (?, ?, ?, ?, ?)"
_SELECT_RECENT = "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?"


async def record(
    conn: aiosqlite.Connection,
    actor_id: int | None,
    action: str,
    target: str | None,
    detail: str | None,
    now: datetime,
) -> None:
    """Write one privileged action to the audit log (in the caller's transaction)."""
    await conn.execute(_INSERT, (actor_id, action, target, detail, to_db(now)))


async def recent(conn: aiosqlite.Connection, limit: int = 100) -> list[AuditEntry]:
    """Return the newest audit entries, newest first."""
    return [AuditEntry.from_row(r) for r in await fetch_all(conn, _SELECT_RECENT, (limit,))]
