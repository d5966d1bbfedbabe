"""Whole functions on the bot's connection in one trip: in the transaction, errors raised, cancellation awaited."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

import aiosqlite
import pytest

from storage.database import fetch_value, in_one_trip, open_database

WAIT = 10  # seconds: a thread waits no longer for the other side (a bound, never reached when the test passes)


async def test_a_function_sees_and_writes_the_open_transaction_and_rolls_back_with_it(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "a.sqlite3")
    try:
        with pytest.raises(RuntimeError):
            async with db.transaction() as conn:
                await conn.execute("INSERT INTO processed_events VALUES ('telegram', '1', '2026-12-06')")
                seen = await in_one_trip(conn, lambda plain: plain.execute("SELECT COUNT(*) FROM processed_events"))
                count = seen.fetchone()[0]
                await in_one_trip(conn, lambda p: p.execute("INSERT INTO processed_events VALUES ('t', '2', 'x')"))
                inside = await fetch_value(conn, "SELECT COUNT(*) FROM processed_events")
                raise RuntimeError("roll back")
        async with db.read() as conn:
            after = await fetch_value(conn, "SELECT COUNT(*) FROM processed_events")
    finally:
        await db.close()
    assert (count, inside, after) == (1, 2, 0)


async def test_an_error_in_the_function_is_raised_to_its_caller(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "a.sqlite3")
    try:
        async with db.read() as conn:
            with pytest.raises(sqlite3.OperationalError, match="no such table"):
                await in_one_trip(conn, lambda plain: plain.execute("SELECT * FROM nowhere"))
            assert await in_one_trip(conn, lambda plain: plain.execute("SELECT 7").fetchone()[0]) == 7
    finally:
        await db.close()


async def test_a_cancelled_caller_waits_until_its_statements_are_done(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "a.sqlite3")
    started, release = threading.Event(), threading.Event()

    def slow(plain: sqlite3.Connection) -> None:
        plain.execute("INSERT INTO processed_events VALUES ('telegram', 'slow', '2026-12-06')")
        started.set()
        assert release.wait(WAIT), "the test never released the statement"
        plain.execute("INSERT INTO processed_events VALUES ('telegram', 'after', '2026-12-06')")

    async def writer() -> None:
        async with db.transaction() as conn:
            await in_one_trip(conn, slow)

    try:
        task = asyncio.create_task(writer())
        assert await asyncio.to_thread(started.wait, WAIT), "the statement never started"
        task.cancel()
        await asyncio.sleep(0)  # the cancellation reaches the task, which must keep waiting for the thread
        assert not task.done()
        release.set()
        with pytest.raises(asyncio.CancelledError):
            await task
        async with db.read() as conn:  # the rollback ran after both statements, not between them
            left = await fetch_value(conn, "SELECT COUNT(*) FROM processed_events")
    finally:
        release.set()
        await db.close()
    assert left == 0


async def test_a_plain_aiosqlite_connection_is_refused(tmp_path: Path) -> None:
    async with aiosqlite.connect(tmp_path / "b.sqlite3") as conn:
        with pytest.raises(TypeError, match="open_database"):
            await in_one_trip(conn, lambda plain: None)
