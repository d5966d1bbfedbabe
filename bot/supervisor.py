"""Keeping a background loop alive: restarted with a growing pause whenever it dies, and asked about by /healthz."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import traceback
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

FIRST_BACKOFF = 1.0  # seconds before the first restart; doubled after each death in a row
MAX_BACKOFF = 60.0
STEADY = 60.0  # a loop that ran this long before dying starts again from FIRST_BACKOFF


class Supervised:
    """Runs loop() until it returns (asked to stop), restarting it whenever it raises, and tells whether it runs."""

    def __init__(
        self,
        name: str,
        loop: Callable[[], Awaitable[None]],
        stopping: asyncio.Event,
        *,
        first_backoff: float = FIRST_BACKOFF,
        max_backoff: float = MAX_BACKOFF,
    ) -> None:
        self.name = name
        self.loop = loop
        self.stopping = stopping
        self.first_backoff = first_backoff
        self.max_backoff = max_backoff
        self.restarts = 0
        self._running = False
        self._task: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        """Tell whether the loop is running now (False before start, between a death and its restart, and after)."""
        return self._running

    def start(self) -> None:
        """Start the loop in the background."""
        self._task = asyncio.create_task(self._supervise(), name=self.name)

    async def wait(self) -> None:
        """Wait until the loop has returned (set stopping first)."""
        if self._task is not None:
            await self._task
            self._task = None

    async def _supervise(self) -> None:
        backoff = self.first_backoff
        while not self.stopping.is_set():
            started = time.monotonic()
            self._running = True
            try:
                await self.loop()
                return
            except Exception as error:  # a bug or a fault nobody caught: the loop must come back
                if time.monotonic() - started >= STEADY:
                    backoff = self.first_backoff
                log.error("%s stopped (%s at %s); restarting in %.1fs", self.name, _kind(error), _where(error), backoff)
            finally:
                self._running = False
            self.restarts += 1
            await self._pause(backoff)
            backoff = min(self.max_backoff, backoff * 2)

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await self.stopping.wait()


def _kind(error: Exception) -> str:
    return type(error).__name__


def _where(error: Exception) -> str:
    """Return the file and line the error came from: why it died, without its message (which may quote a person)."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return "?"
    last = frames[-1]
    return f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno}"
