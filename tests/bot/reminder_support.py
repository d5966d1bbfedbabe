"""Setting up people, roles and records for reminder and broadcast tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.core import Core
from storage import participants
from storage.models import Participant, Sector
from storage.timefmt import to_db

AMMAN = ZoneInfo("Asia/Amman")


def amman(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """Return a moment given in Amman time."""
    return datetime(year, month, day, hour, minute, tzinfo=AMMAN)


async def person(core: Core, user: str, name: str = "مشارك", *, notify_reminders: bool = True) -> Participant:
    """Register a participant with a Telegram identity."""
    async with core.db.transaction() as conn:
        found = await participants.register(
            conn,
            "telegram",
            user,
            name=name,
            organisation=None,
            sector=Sector.CSO,
            governorate=None,
            now=core.clock.now(),
        )
        if not notify_reminders:
            await conn.execute("UPDATE participants SET notify_reminders = 0 WHERE id = ?", (found.id,))
    return found


async def liaison(core: Core, user: str, commitment_number: int, **kwargs: bool) -> Participant:
    """Register a liaison officer for a commitment (by its number in the active plan)."""
    officer = await person(core, user, "ضابط ارتباط", **kwargs)
    async with core.db.transaction() as conn:
        await conn.execute(
            "INSERT INTO roles (participant_id, role, commitment_id, granted_at) "
            "SELECT ?, 'liaison', id, ? FROM commitments WHERE number = ?",
            (officer.id, to_db(core.clock.now()), commitment_number),
        )
    return officer


async def commitment_id(core: Core, number: int) -> int:
    """Return the id of a commitment of the active plan."""
    async with (
        core.db.transaction() as conn,
        conn.execute("SELECT id FROM commitments WHERE number = ?", (number,)) as cursor,
    ):
        row = await cursor.fetchone()
    assert row is not None
    return int(row[0])


async def outbox_rows(core: Core, kind: str | None = None) -> list[dict[str, Any]]:
    """Return outbox rows (of one kind), oldest first."""
    async with core.db.transaction() as conn, conn.execute("SELECT * FROM outbox ORDER BY id") as cursor:
        rows = [dict(r) for r in await cursor.fetchall()]
    return [r for r in rows if kind is None or r["kind"] == kind]
