"""Group commit: concurrent writes share transactions, each caller gets its own result, a failure reaches them all."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite
import pytest

from bot.group_commit import GroupCommit
from storage import whatsapp
from storage.database import Database, open_database

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    """A fresh database file."""
    database = await open_database(tmp_path / "group.sqlite3")
    yield database
    await database.close()


def stored(db: Database) -> list[tuple[int, bytes]]:
    with sqlite3.connect(db.path) as conn:
        return [(int(i), bytes(body)) for i, body in conn.execute("SELECT id, body FROM wa_inbox ORDER BY id")]


async def test_concurrent_writes_share_commits_and_each_gets_its_own_id(db: Database) -> None:
    rounds: list[int] = []

    async def store(conn: aiosqlite.Connection, bodies: list[bytes]) -> list[int]:
        rounds.append(len(bodies))
        return await whatsapp.store_webhooks(conn, bodies, NOW)

    group: GroupCommit[bytes, int] = GroupCommit(db, store)
    bodies = [f"post {i}".encode() for i in range(20)]
    ids = await asyncio.gather(*(group.write(body) for body in bodies))
    assert dict(stored(db)) == dict(zip(ids, bodies, strict=True))  # each caller got the id of its own body
    assert sum(rounds) == 20
    assert len(rounds) < 20  # those that came while a commit was under way shared the next one


async def test_a_failed_round_raises_in_every_caller_and_stores_nothing(db: Database) -> None:
    fail = True

    async def store(conn: aiosqlite.Connection, bodies: list[bytes]) -> list[int]:
        ids = await whatsapp.store_webhooks(conn, bodies, NOW)
        if fail:
            raise sqlite3.OperationalError("database or disk is full")
        return ids

    group: GroupCommit[bytes, int] = GroupCommit(db, store)
    outcomes = await asyncio.gather(*(group.write(b"lost %d" % i) for i in range(5)), return_exceptions=True)
    assert all(isinstance(o, sqlite3.OperationalError) for o in outcomes)
    assert stored(db) == []  # rolled back whole: none of them was answered as stored
    fail = False
    kept = await group.write(b"kept")
    assert stored(db) == [(kept, b"kept")]  # the next round works
