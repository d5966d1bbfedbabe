"""The bot's one web server: channels mount their webhook routes on it before it starts."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from aiohttp import web

log = logging.getLogger(__name__)

RouteHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]
MAX_BODY = 4 * 1024 * 1024  # webhook payloads are small; refuse anything larger


class WebServer:
    """An aiohttp server on host:port shared by every channel that receives webhooks."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.app = web.Application(client_max_size=MAX_BODY)
        self.app.router.add_get("/healthz", _health)
        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    def add_route(self, method: str, path: str, handler: RouteHandler) -> None:
        """Mount a handler (before start)."""
        self.app.router.add_route(method, path, handler)

    def spawn(self, work: Coroutine[Any, Any, None], name: str) -> None:
        """Run work after the answer went out; stop() waits for it."""
        task = asyncio.create_task(work, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background task %s failed", task.get_name(), exc_info=task.exception())

    async def drain(self) -> None:
        """Wait until the background work spawned so far is done."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    @property
    def url(self) -> str:
        """Return the base URL the server listens on (with the real port when 0 was asked)."""
        return f"http://{self.host}:{self.port}"

    async def start(self) -> None:
        """Listen; with port 0 the system picks a free port, then available as .port."""
        self._runner = web.AppRunner(self.app, access_log=None)
        await self._runner.setup()
        self._site = web.TCPSite(self._runner, self.host, self.port)
        await self._site.start()
        server = self._site._server  # aiohttp exposes the bound port only here
        sockets = getattr(server, "sockets", None)
        if sockets:
            self.port = int(sockets[0].getsockname()[1])
        log.info("web server listening on %s:%d", self.host, self.port)

    async def stop(self) -> None:
        """Stop listening, then let background work finish."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        with contextlib.suppress(asyncio.CancelledError):
            await self.drain()


async def _health(_: web.Request) -> web.Response:
    return web.Response(text="ok")
