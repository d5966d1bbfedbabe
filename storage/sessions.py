"""Conversation state per chat."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

import aiosqlite

from storage.database import fetch_one, in_one_trip
from storage.models import Session
from storage.timefmt import to_db

_SELECT = "SELECT flow, step, data FROM sessions WHERE channel = ? AND external_id = ?"
_UPSERT = """
INSERT INTO sessions (channel, external_id, flow, step, data, updated_at) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (channel, external_id) DO UPDATE SET flow = excluded.flow, step = excluded.step,
    data = excluded.data, updated_at = excluded.updated_at
"""
_DELETE = "DELETE FROM sessions WHERE channel = ? AND external_id = ?"


async def load_session(conn: aiosqlite.Connection, channel: str, external_id: str) -> Session:
    """Return the chat's conversation state (empty when there is none)."""
    row = await fetch_one(conn, _SELECT, (channel, external_id))
    if row is None:
        return Session(channel=channel, external_id=external_id)
    return Session(
        channel=channel,
        external_id=external_id,
        flow=row["flow"],
        step=row["step"],
        data=json.loads(row["data"]),
    )


async def save_session(conn: aiosqlite.Connection, session: Session, now: datetime) -> None:
    """Store the chat's conversation state; an empty state deletes the row."""
    await in_one_trip(conn, lambda plain: save_session_in(plain, session, now))


def save_session_in(plain: sqlite3.Connection, session: Session, now: datetime) -> None:
    """Do what save_session() does, on the database thread (inside a one-trip function)."""
    if session.flow is None and not session.data:
        plain.execute(_DELETE, (session.channel, session.external_id))
        return
    data = json.dumps(session.data, ensure_ascii=False)
    plain.execute(_UPSERT, (session.channel, session.external_id, session.flow, session.step, data, to_db(now)))
