"""One SQLite file through aiosqlite: connection set-up, migrations, serialised transactions, read-only snapshots."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import re
import sqlite3
from collections.abc import AsyncIterator, Iterable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from storage import textnorm, trips
from storage.trips import Work

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")

BUSY_TIMEOUT = "PRAGMA busy_timeout = 5000"
PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA foreign_keys = ON",
    BUSY_TIMEOUT,
    "PRAGMA synchronous = NORMAL",
    # Deleted and overwritten content is zeroed, not left in free space: after /forget the bytes go too.
    "PRAGMA secure_delete = ON",
)


# Each await on aiosqlite is a round trip to its database thread; `async with conn.execute(...) as cursor` with a
# fetch costs three (execute, fetch, close). These helpers do the whole statement in one.
Params = Iterable[Any]


async def fetch_all(conn: aiosqlite.Connection, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
    """Run a statement and return every row it yields (INSERT ... RETURNING too), in one round trip."""
    return list(await conn.execute_fetchall(sql, params))


async def fetch_one(conn: aiosqlite.Connection, sql: str, params: Params = ()) -> aiosqlite.Row | None:
    """Run a statement that yields at most one row (or whose first row is all that counts) and return it."""
    rows = await fetch_all(conn, sql, params)
    return rows[0] if rows else None


async def fetch_value(conn: aiosqlite.Connection, sql: str, params: Params = ()) -> Any:
    """Return the first column of the first row, or None when there is no row."""
    row = await fetch_one(conn, sql, params)
    return row[0] if row else None


async def execute_count(conn: aiosqlite.Connection, sql: str, params: Params = ()) -> int:
    """Run a write and return how many rows it changed, in one round trip."""
    cursor = await conn.execute(sql, params)
    return cursor.rowcount


T = TypeVar("T")


async def in_one_trip(conn: aiosqlite.Connection, work: Work[T]) -> T:
    """Run work (several statements on the plain sqlite3 connection) on the database thread in one round trip."""
    if not isinstance(conn, trips.Connection):  # aiosqlite has no public way to run a function on its thread
        raise TypeError("in_one_trip needs the connection open_database opens")
    return await conn.run(work)


def _transact(plain: sqlite3.Connection, work: Work[T]) -> T:
    """Run work between BEGIN IMMEDIATE and COMMIT on the database thread; roll back on any error."""
    plain.execute("BEGIN IMMEDIATE")
    try:
        result = work(plain)
        plain.execute("COMMIT")
    except BaseException:
        if plain.in_transaction:  # a full disk can refuse the commit itself; the next BEGIN must not meet it open
            plain.execute("ROLLBACK")
        raise
    return result


class NewerSchemaError(RuntimeError):
    """The database was written by a newer version of the bot."""


class Database:
    """An open SQLite database whose writers take turns."""

    def __init__(self, conn: aiosqlite.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        # One connection is shared by the whole bot; the lock keeps one transaction open at a time so that
        # the outbox sender never reads rows a handler has not committed yet.
        self._lock = asyncio.Lock()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """Run the block in one IMMEDIATE transaction; roll back on any error."""
        async with self._lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                await self.conn.rollback()
                raise
            try:
                await self.conn.commit()
            except BaseException:  # a full disk can refuse the commit itself; the next BEGIN must not meet it open
                await self.conn.rollback()
                raise

    async def write_in_one_trip(self, work: Work[T]) -> T:
        """Run work in one IMMEDIATE transaction, BEGIN to COMMIT in one round trip; rolled back whole on any error."""
        async with self._lock:
            return await in_one_trip(self.conn, lambda plain: _transact(plain, work))

    @asynccontextmanager
    async def read(self) -> AsyncIterator[aiosqlite.Connection]:
        """Run a block of reads between transactions, without opening one: one statement is one round trip."""
        async with self._lock:  # no transaction of another task is open, so nothing uncommitted is seen
            yield self.conn

    def reader(self) -> AbstractAsyncContextManager[aiosqlite.Connection]:
        """Return a read-only connection on the same file, holding one snapshot (see read_snapshot)."""
        return read_snapshot(self.path)

    async def checkpoint(self) -> bool:
        """Copy the WAL into the database file and empty it (after an erasure); False when a reader held it back."""
        async with self._lock:
            # A reader (a backup) would make it wait the whole busy timeout with every transaction queued behind it;
            # it is tried again at the next erasure and by the daily job instead.
            await self.conn.execute("PRAGMA busy_timeout = 100")
            try:
                row = await fetch_one(self.conn, "PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                await self.conn.execute(BUSY_TIMEOUT)
        return row is not None and int(row[0]) == 0

    async def close(self) -> None:
        """Close the connection."""
        await self.conn.close()


def migration_files() -> list[tuple[int, str]]:
    """Return the numbered migrations shipped in storage/migrations, in order."""
    found: list[tuple[int, str]] = []
    for entry in resources.files("storage.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [n for n, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migrations must be numbered 001, 002, ... without gaps; found {numbers}")
    return found


async def migrate(conn: aiosqlite.Connection) -> int:
    """Apply every migration newer than PRAGMA user_version; return the resulting version."""
    await conn.create_function("sha256_hex", 1, _sha256_hex, deterministic=True)  # for migrations that need it
    await conn.create_function("search_terms", 1, textnorm.indexed, deterministic=True)  # 017 fills the index
    current = int(await fetch_value(conn, "PRAGMA user_version") or 0)
    migrations = migration_files()
    if current > len(migrations):
        raise NewerSchemaError(f"the database has schema version {current}; this bot knows up to {len(migrations)}")
    for number, sql in migrations:
        if number <= current:
            continue
        log.info("applying migration %03d", number)
        await conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
        current = number
    return current


def _sha256_hex(value: str | None) -> str | None:
    return hashlib.sha256(value.encode()).hexdigest() if value is not None else None


async def open_database(path: str | Path) -> Database:
    """Open (creating if needed) the database at path and bring its schema up to date."""
    conn = await trips.connect(path, isolation_level=None)
    conn.row_factory = aiosqlite.Row
    try:
        for pragma in PRAGMAS:
            await conn.execute(pragma)
        await migrate(conn)
    except BaseException:
        await conn.close()
        raise
    return Database(conn, str(path))


def reader_uri(path: str | Path) -> str:
    """Return the URI that opens the database file read-only."""
    return Path(os.path.abspath(path)).as_uri() + "?mode=ro"


async def open_reader(path: str | Path) -> aiosqlite.Connection:
    """Open a read-only connection: it never takes the bot's write lock, and WAL gives each transaction a snapshot."""
    conn = await aiosqlite.connect(reader_uri(path), uri=True, isolation_level=None)
    conn.row_factory = aiosqlite.Row
    await conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _existing(path: str | Path) -> None:
    if not Path(path).exists():  # mode=ro cannot create it; say which file rather than SQLite's "unable to open"
        raise FileNotFoundError(f"no database at {os.path.abspath(path)}")


@asynccontextmanager
async def read_snapshot(path: str | Path) -> AsyncIterator[aiosqlite.Connection]:
    """Open a read-only connection that sees one snapshot of the database for the whole block, then close it.

    In WAL mode a reader neither waits for the writer nor holds it up: exports, reports and statistics read
    here, outside the bot's write lock, and see the data as it was when the block began.
    """
    await asyncio.to_thread(_existing, path)
    conn = await open_reader(path)
    try:
        await conn.execute("PRAGMA query_only = ON")
        await conn.execute("BEGIN")
        await fetch_value(conn, "SELECT COUNT(*) FROM sqlite_schema")  # the snapshot starts at the first read
        yield conn
        await conn.rollback()
    finally:
        await conn.close()
