"""Group commit: writes that arrive while one commit is under way share the next, each caller waiting for its own."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import aiosqlite

from storage.database import Database

T = TypeVar("T")
WriteMany = Callable[[aiosqlite.Connection, list[T]], Awaitable[None]]


class GroupCommit(Generic[T]):
    """Writes items many to a transaction; write() returns once its item is committed, or raises the commit's error.

    One transaction per round instead of one per item: with twenty sends in flight a round takes several, and each
    transaction costs SQLite's lock, BEGIN, COMMIT and a WAL append, with a round trip to the database thread each.
    """

    def __init__(self, db: Database, write_many: WriteMany[T]) -> None:
        self.db = db
        self.write_many = write_many
        self._waiting: list[tuple[T, asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def write(self, item: T) -> None:
        """Return once the item is committed."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, done))
        if self._writer is None:
            self._writer = asyncio.create_task(self._write(), name="group-commit")
        await done

    async def _write(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                try:
                    async with self.db.transaction() as conn:
                        await self.write_many(conn, [item for item, _ in batch])
                except Exception as error:  # each waiting caller raises it, as its own write would have
                    _settle(batch, error)
                    continue
                _settle(batch, None)
        finally:
            self._writer = None


def _settle(batch: list[tuple[T, asyncio.Future[None]]], error: Exception | None) -> None:
    """Wake every caller of a round with its outcome (a caller cancelled meanwhile is left alone)."""
    for _, done in batch:
        if done.done():
            continue
        if error is None:
            done.set_result(None)
        else:
            done.set_exception(error)
