"""What the dispatcher loads and records per event: one statement for a registered person, two for a newcomer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiosqlite

from bot.core import load_plan
from bot.settings import DEFAULT_PLAN
from storage import catalogue, participants, roles, sessions
from storage.arrival import arrive
from storage.database import fetch_one, open_database
from storage.models import Role, Sector, Session

NOW = datetime(2026, 12, 6, 10, tzinfo=UTC)


async def _counting(conn: aiosqlite.Connection) -> list[str]:
    """Record every statement the connection runs from now on."""
    statements: list[str] = []
    await conn.set_trace_callback(statements.append)
    return statements


async def test_registered_person_is_touched_and_loaded_with_roles_and_session(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "a.sqlite3")
    await load_plan(db, DEFAULT_PLAN)
    async with db.transaction() as conn:
        commitment = (await catalogue.list_commitments(conn))[0]
        person = await participants.register(
            conn, "telegram", "1001", name="سلمى", organisation=None, sector=Sector.CSO, governorate=None, now=NOW
        )
        await participants.mark_unreachable(conn, person.id, NOW)
        await roles.grant(conn, person.id, Role.LIAISON, commitment.id, None, NOW)
        state = Session(channel="telegram", external_id="1001", flow="rec", step="text", data={"c": 1, "t": "نص"})
        await sessions.save_session(conn, state, NOW)
        statements = await _counting(conn)
        later = NOW + timedelta(hours=1)
        arrival = await arrive(conn, "telegram", "1001", later)
        ran = list(statements)
        stored = await fetch_one(
            conn, "SELECT last_seen_at, unreachable_at FROM participants WHERE id = ?", (person.id,)
        )
    await db.close()
    assert len(ran) == 1
    assert arrival.participant is not None and arrival.participant.id == person.id
    assert arrival.roles == [(Role.LIAISON, commitment.id)]
    assert arrival.session == state
    assert stored is not None and stored["unreachable_at"] is None
    assert datetime.fromisoformat(stored["last_seen_at"]) == later


async def test_newcomer_gets_the_chat_state_and_no_participant(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "a.sqlite3")
    async with db.transaction() as conn:
        empty = await arrive(conn, "telegram", "2002", NOW)
        state = Session(channel="telegram", external_id="2002", flow="reg", step="name", data={})
        await sessions.save_session(conn, state, NOW)
        arrival = await arrive(conn, "telegram", "2002", NOW)
    await db.close()
    assert empty.participant is None and empty.roles == []
    assert empty.session == Session(channel="telegram", external_id="2002")
    assert arrival.participant is None and arrival.session == state
