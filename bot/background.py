"""A worker that runs in the background: woken when there may be work, and every so often in case a wake was missed.

The document worker, the file keeper and the transcript drafts share this loop; each says what one pass does.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

log = logging.getLogger(__name__)


class Background:
    """Runs `work()` at start, when woken, and at least every `idle_seconds`; stop() waits for the pass under way."""

    name = "background worker"
    idle_seconds = 60.0

    def __init__(self) -> None:
        self._wake = asyncio.Event()
        self._lock = asyncio.Lock()  # one pass at a time, the background's or a flush()'s
        self._runner: asyncio.Task[None] | None = None
        self._stopping = False

    async def work(self) -> None:
        """Do one pass (in the subclass)."""
        raise NotImplementedError

    def wake(self) -> None:
        """Tell the worker there may be work."""
        self._wake.set()

    async def start(self) -> None:
        """Do a pass now, then keep up in the background."""
        self._stopping = False
        self._wake.clear()  # the first pass does what an earlier wake asked for
        self._runner = asyncio.create_task(self._run(), name=self.name)

    async def stop(self) -> None:
        """Stop after the pass under way."""
        self._stopping = True
        self._wake.set()
        if self._runner is not None:
            await self._runner
            self._runner = None

    async def _run(self) -> None:
        while not self._stopping:
            try:
                await self.work()
            except Exception:  # a failed pass must not end the worker: the next wake tries again
                log.exception("%s failed", self.name)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.idle_seconds):
                    await self._wake.wait()
            self._wake.clear()
