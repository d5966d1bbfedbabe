"""A round's timeline (OGP standard 3) and the forum's rhythm (standard 1): announcement, notice, meetings held."""

from __future__ import annotations

import calendar
from datetime import date, datetime

import aiosqlite

from storage.database import fetch_one, fetch_value
from storage.rounds import Round
from storage.timefmt import to_db

NOTICE_DAYS = 14  # the IRM asked Jordan to publish the timeline at least two weeks before co-creation starts

_SET_TIMELINE = """
UPDATE rounds SET announced_on = ?, short_notice_confirmed_at = ?, short_notice_confirmed_by = ? WHERE id = ?
RETURNING *
"""
_MARK_ANNOUNCED = """
UPDATE rounds SET announcement_sent_at = ?, announcement_batch = ?, announcement_recipients = ?
WHERE id = ? AND announcement_sent_at IS NULL RETURNING *
"""
# A meeting was held when a round that is not a draft has a date on or before today.
_LAST_MEETING = "SELECT MAX(held_on) FROM rounds WHERE state != 'draft' AND held_on IS NOT NULL AND held_on <= ?"
_IN_USE_SINCE = "SELECT MIN(created_at) FROM participants"


def short_notice(announced_on: date | None, held_on: date | None) -> bool:
    """Tell whether a round is held less than two weeks after it is announced."""
    return announced_on is not None and held_on is not None and (held_on - announced_on).days < NOTICE_DAYS


def months_before(day: date, months: int) -> date:
    """Return the same day some calendar months earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


async def set_timeline(
    conn: aiosqlite.Connection,
    round_id: int,
    *,
    announced_on: date | None,
    confirmed_by: int | None,
    confirmed_at: datetime | None,
) -> Round:
    """Record when a round's timeline is announced and, for a short notice, who confirmed it and when."""
    params = (
        announced_on.isoformat() if announced_on else None,
        to_db(confirmed_at) if confirmed_at else None,
        confirmed_by,
        round_id,
    )
    row = await fetch_one(conn, _SET_TIMELINE, params)
    if row is None:
        raise LookupError(f"round {round_id} does not exist")
    return Round.from_row(row)


async def mark_announced(
    conn: aiosqlite.Connection, round_id: int, *, now: datetime, batch: str, recipients: int
) -> Round | None:
    """Record that the round's announcement went out; None when it had been sent already."""
    row = await fetch_one(conn, _MARK_ANNOUNCED, (to_db(now), batch, recipients, round_id))
    return Round.from_row(row) if row else None


async def last_meeting(conn: aiosqlite.Connection, today: date) -> date | None:
    """Return the date of the newest round or meeting held, on or before today."""
    value = await fetch_value(conn, _LAST_MEETING, (today.isoformat(),))
    return date.fromisoformat(value) if value else None


async def in_use_since(conn: aiosqlite.Connection) -> datetime | None:
    """Return when the first person registered: the forum's clock starts then when it has never met."""
    value = await fetch_value(conn, _IN_USE_SINCE)
    return datetime.fromisoformat(value) if value else None
