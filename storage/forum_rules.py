"""The forum's rules of participation (OGP standard 1: "its basic rules on participation are public"), every version."""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from storage.database import fetch_all, fetch_one
from storage.models import Row
from storage.timefmt import to_db


class ForumRules(Row):
    """One version of the rules and who set it when."""

    id: int
    text: str
    set_by: int | None
    set_at: datetime
    text_en: str | None = None  # the English version, when given (else the English reader sees the Arabic)


_INSERT = "INSERT INTO forum_rules (text, text_en, set_by, set_at) VALUES (?, ?, ?, ?) RETURNING *"
_CURRENT = "SELECT * FROM forum_rules ORDER BY set_at DESC, id DESC LIMIT 1"
_HISTORY = "SELECT * FROM forum_rules ORDER BY set_at, id"


async def current_rules(conn: aiosqlite.Connection) -> ForumRules | None:
    """Return the rules in force (the newest version), or None when none were set."""
    row = await fetch_one(conn, _CURRENT)
    return ForumRules.from_row(row) if row else None


async def set_rules(
    conn: aiosqlite.Connection, text: str, by: int | None, now: datetime, text_en: str | None = None
) -> ForumRules:
    """Store a new version of the rules (and its English, when given); the earlier ones are kept."""
    row = await fetch_one(conn, _INSERT, (text, text_en, by, to_db(now)))
    assert row is not None  # noqa: S101 - RETURNING always yields the row
    return ForumRules.from_row(row)


async def rules_history(conn: aiosqlite.Connection) -> list[ForumRules]:
    """Return every version of the rules, oldest first."""
    return [ForumRules.from_row(r) for r in await fetch_all(conn, _HISTORY)]
