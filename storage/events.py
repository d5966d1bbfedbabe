"""Incoming events seen, so that a redelivered one changes nothing."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import aiosqlite

from storage.database import execute_count
from storage.timefmt import to_db

_INSERT = "INSERT OR IGNORE INTO processed_events (channel, event_id, processed_at) VALUES (?, ?, ?)"
_PRUNE = "DELETE FROM processed_events WHERE processed_at < ?"


async def record_event(conn: aiosqlite.Connection, channel: str, event_id: str, now: datetime) -> bool:
    """Record an incoming event; return False when it was seen before."""
    return await execute_count(conn, _INSERT, (channel, event_id, to_db(now))) == 1


def record_event_in(plain: sqlite3.Connection, channel: str, event_id: str, now: datetime) -> bool:
    """Record an incoming event on the database thread (inside a one-trip function); False when seen before."""
    return plain.execute(_INSERT, (channel, event_id, to_db(now))).rowcount == 1


async def prune_events(conn: aiosqlite.Connection, older_than: datetime) -> int:
    """Forget events older than a moment (redeliveries stop after days); return how many."""
    return await execute_count(conn, _PRUNE, (to_db(older_than),))
