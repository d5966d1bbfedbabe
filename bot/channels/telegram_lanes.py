"""Messages that wait for a file, handled per chat in order, off the path of the polled batch.

A file's download can take up to its deadline; while it does, that chat's later messages queue behind it (a
caption, then "send"), and every other chat's messages go on being answered.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Awaitable, Callable

from handlers.kit.contract import Incoming

log = logging.getLogger(__name__)

# Takes one event (downloads its file, then handles it) and never raises.
Take = Callable[[Incoming], Awaitable[None]]


def update_id(incoming: Incoming) -> int:
    """Return the Telegram update an event came from (its event id is "u:<update_id>")."""
    return int(incoming.event_id.removeprefix("u:"))


class ChatLanes:
    """One queue per chat, worked through in order by its own task while it holds anything."""

    def __init__(self, take: Take) -> None:
        self.take = take
        self._queues: dict[str, deque[Incoming]] = {}
        self._workers: set[asyncio.Task[None]] = set()

    def busy(self, chat: str) -> bool:
        """Tell whether a chat has messages waiting in its lane (its next messages must queue behind them)."""
        return chat in self._queues

    def add(self, event: Incoming) -> None:
        """Queue an event behind the others of its chat, starting the chat's worker if it had none."""
        queue = self._queues.get(event.user)
        if queue is not None:
            queue.append(event)
            return
        self._queues[event.user] = deque([event])
        worker = asyncio.create_task(self._work(event.user), name="telegram-file-lane")
        self._workers.add(worker)
        worker.add_done_callback(self._workers.discard)

    def oldest(self) -> int | None:
        """Return the oldest update not handled yet (None when every lane is empty)."""
        ids = [update_id(queue[0]) for queue in self._queues.values() if queue]
        return min(ids, default=None)

    async def _work(self, chat: str) -> None:
        queue = self._queues[chat]
        try:
            while queue:
                try:
                    await self.take(queue[0])
                except Exception:  # take() must not raise; if it did, the lane still moves on
                    log.exception("a telegram message waiting in its chat's lane could not be handled")
                queue.popleft()
        finally:
            if not queue:
                del self._queues[chat]

    async def stop(self) -> None:
        """Stop every lane; what it had not handled stays unconfirmed, so Telegram delivers it again."""
        for worker in list(self._workers):
            worker.cancel()
        for worker in list(self._workers):
            with contextlib.suppress(asyncio.CancelledError):
                await worker
        self._queues.clear()
