"""A lean Graph API stand-in for load: accepts every message at O(1) cost and wakes whoever waits for a person."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from typing import Any

from aiohttp import web

Json = dict[str, Any]


class LeanGraph:
    """POST /{version}/{phone}/messages on 127.0.0.1: counts the messages each person received and when."""

    def __init__(self) -> None:
        self.base_url = ""
        self.received: dict[str, int] = {}
        self.last_at = 0.0
        self._waiters: dict[str, tuple[int, asyncio.Future[float]]] = {}
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None

    async def __aenter__(self) -> LeanGraph:
        """Listen on a free port."""
        app = web.Application()
        app.router.add_post("/{version}/{phone}/messages", self._message)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}/v23.0"
        return self

    async def __aexit__(self, *exc: object) -> None:
        """Stop listening."""
        for _, future in self._waiters.values():
            future.cancel()
        if self._runner is not None:
            await self._runner.cleanup()

    def expect(self, person: str, count: int) -> asyncio.Future[float]:
        """Return a future set to the moment the person has received count messages in all."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        if self.received.get(person, 0) >= count:
            future.set_result(time.perf_counter())
        else:
            self._waiters[person] = (count, future)
        return future

    async def quiet(self, seconds: float) -> None:
        """Return once no message has arrived for that many seconds (every part of the answers so far is in)."""
        seen = -1.0
        while seen != self.last_at:  # a quiet period is measured: no event marks it
            seen = self.last_at
            await asyncio.sleep(seconds)

    async def _message(self, request: web.Request) -> web.Response:
        body: Json = json.loads(await request.read())
        person = str(body.get("to") or body.get("recipient"))
        now = time.perf_counter()
        self.received[person] = self.received.get(person, 0) + 1
        self.last_at = now
        waiter = self._waiters.get(person)
        if waiter is not None and self.received[person] >= waiter[0]:
            del self._waiters[person]
            if not waiter[1].done():
                waiter[1].set_result(now)
        answer = {"messaging_product": "whatsapp", "messages": [{"id": f"wamid.LOAD{next(self._ids):09d}"}]}
        return web.json_response(answer)
