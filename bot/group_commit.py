"""Group commit: writes that arrive while one commit is under way share the next, each caller waiting for its own."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import aiosqlite

from storage.database import Database

T = TypeVar("T")
R = TypeVar("R")
WriteMany = Callable[[aiosqlite.Connection, list[T]], Awaitable[list[R]]]  # one result per item, in order


class GroupCommit(Generic[T, R]):
    """Writes items many to a transaction; write() returns its item's result once committed, or raises the error.

    One transaction per round instead of one per item: with twenty sends in flight a round takes several, and each
    transaction costs SQLite's lock, BEGIN, COMMIT and a WAL append, with a round trip to the database thread each.
    """

    def __init__(self, db: Database, write_many: WriteMany[T, R], *, read_only: bool = False) -> None:
        self.db = db
        self.write_many = write_many
        self.read_only = read_only  # reads only: between transactions (Database.read), no BEGIN or COMMIT
        self._waiting: list[tuple[T, asyncio.Future[R]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def write(self, item: T) -> R:
        """Return the item's result once it is committed."""
        done: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, done))
        if self._writer is None:
            self._writer = asyncio.create_task(self._write(), name="group-commit")
        return await done

    async def _write(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                try:
                    async with self.db.read() if self.read_only else self.db.transaction() as conn:
                        results = await self.write_many(conn, [item for item, _ in batch])
                except Exception as error:  # each waiting caller raises it, as its own write would have
                    _fail(batch, error)
                    continue
                for (_, done), result in zip(batch, results, strict=True):
                    if not done.done():  # a caller cancelled meanwhile is left alone
                        done.set_result(result)
        finally:
            self._writer = None


def _fail(batch: list[tuple[T, asyncio.Future[R]]], error: Exception) -> None:
    """Raise a round's error in every caller still waiting."""
    for _, done in batch:
        if not done.done():
            done.set_exception(error)
