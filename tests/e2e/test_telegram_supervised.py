"""The Telegram poll loop under supervision: if it ever dies, /healthz says so and it comes back, logged."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import aiohttp
import pytest

from bot.channels.telegram import build_bot
from bot.channels.telegram_updates import Json, Poller
from bot.web import WebServer
from tests.e2e.telegram_harness import TOKEN
from tests.standins.telegram import BotApiStandIn


async def health(session: aiohttp.ClientSession, server: WebServer) -> int:
    async with session.get(f"{server.url}/healthz") as response:
        return response.status


async def test_a_dead_poll_loop_fails_healthz_is_restarted_and_logged_without_the_update(
    caplog: pytest.LogCaptureFixture,
) -> None:
    handled: list[str] = []

    async def process(updates: Sequence[Json]) -> None:
        if not handled:
            handled.append("died")
            raise RuntimeError("a fault nobody caught")
        handled.extend(u["message"]["text"] for u in updates)

    async with BotApiStandIn(token=TOKEN) as api, aiohttp.ClientSession() as session:
        calls = build_bot(api.token, api.base_url, pool_size=2)
        await calls.bot.initialize()
        poller = Poller(calls, process, timeout=1.0)
        poller.loop.first_backoff = 1.0
        server = WebServer("127.0.0.1", 0)
        server.watch("telegram", lambda: poller.running)
        await server.start()
        try:
            await poller.start()
            assert await health(session, server) == 200
            await api.user(1001, first_name="سلمى").send("نص شخصي")
            statuses: list[int] = []
            async with asyncio.timeout(10):
                while 503 not in statuses:  # the loop is down until its restart
                    statuses.append(await health(session, server))
                    await asyncio.sleep(0.05)
            await api.wait_for(lambda: len(handled) == 2, 10)
            assert handled == ["died", "نص شخصي"]  # handed over again after the restart, then confirmed
            await api.wait_idle(timeout=5)
            assert await health(session, server) == 200
            assert poller.loop.restarts == 1
        finally:
            await poller.stop()
            await server.stop()
            await calls.bot.shutdown()
    [line] = [r.getMessage() for r in caplog.records if "telegram-poller stopped" in r.getMessage()]
    assert line.startswith("telegram-poller stopped (RuntimeError at test_telegram_supervised.py:")
    assert line.endswith("restarting in 1.0s")
    assert not any("نص شخصي" in r.getMessage() or "a fault nobody" in r.getMessage() for r in caplog.records)
