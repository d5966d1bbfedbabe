"""Editing a commitment's milestones (adding and listing live in storage.catalogue)."""

from __future__ import annotations

from datetime import date, datetime

import aiosqlite

from storage.database import fetch_one
from storage.models import Completion, Milestone
from storage.timefmt import to_db

_SELECT = "SELECT * FROM milestones WHERE id = ?"
_UPDATE = """
UPDATE milestones SET title = ?, start_date = ?, end_date = ?, state = ?, updated_at = ? WHERE id = ? RETURNING *
"""
_SET_TITLE_EN = "UPDATE milestones SET title_en = ?, updated_at = ? WHERE id = ? RETURNING *"


async def get_milestone(conn: aiosqlite.Connection, milestone_id: int) -> Milestone | None:
    """Return one milestone by id."""
    row = await fetch_one(conn, _SELECT, (milestone_id,))
    return Milestone.from_row(row) if row else None


async def update_milestone(
    conn: aiosqlite.Connection,
    milestone_id: int,
    *,
    title: str,
    start: date | None,
    end: date | None,
    state: Completion,
    now: datetime,
) -> Milestone | None:
    """Replace a milestone's title, dates and state."""
    params = (
        title,
        start.isoformat() if start else None,
        end.isoformat() if end else None,
        state.value,
        to_db(now),
        milestone_id,
    )
    row = await fetch_one(conn, _UPDATE, params)
    return Milestone.from_row(row) if row else None


async def set_title_en(
    conn: aiosqlite.Connection, milestone_id: int, title_en: str | None, now: datetime
) -> Milestone | None:
    """Give a milestone its English title (None removes it); its title as typed stays."""
    row = await fetch_one(conn, _SET_TITLE_EN, (title_en, to_db(now), milestone_id))
    return Milestone.from_row(row) if row else None
