"""Questions to the coordinators: asked in the chat, listed in the coordinators' /inbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.database import fetch_all, fetch_value
from storage.timefmt import to_db

_ADD = "INSERT INTO questions (participant_id, text, channel, created_at) VALUES (?, ?, ?, ?) RETURNING id"
_NEWEST = """
SELECT q.id, q.text, q.created_at, p.name FROM questions q LEFT JOIN participants p ON p.id = q.participant_id
ORDER BY q.created_at DESC, q.id DESC LIMIT ?
"""
_COUNT = "SELECT COUNT(*) FROM questions"
_DELETE_OF = "DELETE FROM questions WHERE participant_id = ?"


@dataclass(frozen=True)
class Question:
    """A question someone asked the coordinators."""

    id: int
    text: str
    asked_at: datetime
    asker: str | None


async def add_question(conn: aiosqlite.Connection, participant_id: int, text: str, channel: str, now: datetime) -> int:
    """Keep a question for the coordinators; return its number."""
    return int(await fetch_value(conn, _ADD, (participant_id, text, channel, to_db(now))))


async def newest(conn: aiosqlite.Connection, limit: int) -> tuple[int, list[Question]]:
    """Return how many questions there are and the newest of them."""
    total = int(await fetch_value(conn, _COUNT) or 0)
    rows = await fetch_all(conn, _NEWEST, (limit,))
    return total, [Question(r["id"], r["text"], datetime.fromisoformat(r["created_at"]), r["name"]) for r in rows]


async def forget_asker(conn: aiosqlite.Connection, participant_id: int) -> None:
    """Delete the questions a person asked (their erasure)."""
    await conn.execute(_DELETE_OF, (participant_id,))
