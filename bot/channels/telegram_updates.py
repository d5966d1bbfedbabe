"""Receiving Telegram updates without losing any: each batch is processed before it is confirmed.

Updates stay the Bot API's dicts (python-telegram-bot's Update objects cost more than handling /status did).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Bot, Update
from telegram.error import RetryAfter, TelegramError, TimedOut

from bot.channels.telegram_calls import BotCalls
from bot.json_body import UnreadableJson, read_json
from bot.supervisor import Supervised
from bot.web import WebServer

log = logging.getLogger(__name__)

Json = dict[str, Any]
# Handles a batch of updates in order and never raises: one broken update must not stall the others.
Process = Callable[[Sequence[Json]], Awaitable[None]]
# The oldest update still being handled after process() returned (a file being downloaded), or None.
Held = Callable[[], int | None]
ALLOWED_UPDATES = ("message", "callback_query")
FIRST_BACKOFF = 0.1
MAX_BACKOFF = 5.0
HELD_PAUSE = 0.25  # seconds between polls while an update is held: Telegram answers at once, it is still pending


def _nothing_held() -> int | None:
    return None


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class Poller:
    """Long polling that confirms an update (by the next offset) only once its effects are committed.

    python-telegram-bot's Updater confirms a batch as soon as it is queued, so a crash loses what was
    fetched but not yet handled; here a crash at worst replays a batch, and replays are deduplicated
    by the dispatcher's processed-events table. An update process() left to finish later (held) is not
    confirmed until it is done: the updates after it are fetched again meanwhile, and not handed over twice.
    The loop is supervised: should it ever die, it is logged and restarted.
    """

    def __init__(self, calls: BotCalls, process: Process, *, timeout: float, held: Held = _nothing_held) -> None:
        self.calls = calls
        self.process = process
        self.held = held
        self.timeout = timeout
        self.offset: int | None = None
        self.taken = 0  # the newest update handed to process(): those up to it are not handed again
        self._stop = asyncio.Event()
        self.loop = Supervised("telegram-poller", self._run, self._stop)

    @property
    def running(self) -> bool:
        """Tell whether the polling loop is alive."""
        return self.loop.running

    async def start(self) -> None:
        """Leave webhook mode if it was on, then poll in the background."""
        await self.calls.bot.delete_webhook(drop_pending_updates=False)
        self.loop.start()

    async def stop(self) -> None:
        """Stop after the batch in hand is processed, and confirm what is done."""
        self._stop.set()
        await self.loop.wait()
        self._hold_back()
        if self.offset is not None:
            with contextlib.suppress(TelegramError):
                await self.calls.get_updates(self._params(), wait=0)

    async def _run(self) -> None:
        backoff = FIRST_BACKOFF
        while not self._stop.is_set():
            try:
                updates = await self._fetch()
            except RetryAfter as error:
                await self._pause(_seconds(error.retry_after))
                continue
            except TimedOut:
                continue  # the long poll outlived the HTTP read timeout: just ask again
            except TelegramError as error:  # 5xx, network, conflict: back off and keep trying
                log.warning("getUpdates failed (%s); retrying in %.1fs", type(error).__name__, backoff)
                await self._pause(backoff)
                backoff = min(MAX_BACKOFF, backoff * 2)
                continue
            backoff = FIRST_BACKOFF
            if updates:
                await self._take(updates)

    async def _take(self, updates: list[Json]) -> None:
        """Hand over the updates not handed over yet, then confirm up to the oldest still held."""
        fresh = [u for u in updates if u["update_id"] > self.taken]
        if fresh:
            await self.process(fresh)
            self.taken = fresh[-1]["update_id"]
        self.offset = updates[-1]["update_id"] + 1
        self._hold_back()
        if not fresh:  # only held updates came back: Telegram would answer again at once
            await self._pause(HELD_PAUSE)

    def _hold_back(self) -> None:
        """Keep the offset at the oldest update still held, so that a crash meanwhile replays it."""
        oldest = self.held()
        if oldest is not None and (self.offset is None or oldest < self.offset):
            self.offset = oldest

    def _params(self) -> Json:
        return {"offset": self.offset, "allowed_updates": ALLOWED_UPDATES}

    async def _fetch(self) -> list[Json]:
        """Return the next batch, or nothing when asked to stop while waiting."""
        fetch = asyncio.ensure_future(self.calls.get_updates(self._params(), wait=self.timeout))
        stop = asyncio.ensure_future(self._stop.wait())
        await asyncio.wait({fetch, stop}, return_when=asyncio.FIRST_COMPLETED)
        stop.cancel()
        if not fetch.done():
            fetch.cancel()
            with contextlib.suppress(asyncio.CancelledError, TelegramError):
                await fetch
            return []
        return [u for u in fetch.result() if isinstance(u, dict) and type(u.get("update_id")) is int]

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await self._stop.wait()


SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name, not a secret


class WebhookReceiver:
    """Updates pushed by Telegram to a route of the shared web server; answered only once handled."""

    def __init__(self, bot: Bot, process: Process, *, url: str, secret: str) -> None:
        self.bot = bot
        self.process = process
        self.url = url
        self.secret = secret
        self.path = urlsplit(url).path or "/telegram/webhook"
        self.server: WebServer | None = None

    def mount(self, server: WebServer) -> None:
        """Add the route (before the server starts)."""
        self.server = server
        server.add_route("POST", self.path, self.receive)

    async def register(self, url: str | None = None) -> None:
        """Tell Telegram where to post, with the secret it must send back (after the server listens)."""
        self.url = url or self.url
        await self.bot.set_webhook(
            self.url, secret_token=self.secret, allowed_updates=ALLOWED_UPDATES, drop_pending_updates=False
        )

    async def receive(self, request: web.Request) -> web.Response:
        """Refuse a request without the secret (403); otherwise handle the update, then acknowledge it."""
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            log.warning("telegram webhook: a request without the right secret token was refused")
            return web.Response(status=403)
        assert self.server is not None  # noqa: S101 - the route exists only once mounted
        body = await self.server.read_body(request, authenticated=True)  # the secret came first
        try:
            update = read_update(body, self.bot)
        except UnreadableUpdate as error:  # never the body in the log: it carries names and texts
            log.warning("telegram webhook: unreadable update refused (%s)", error)
            return web.Response(status=400)
        await self.process([update])
        return web.Response(status=200)


class UnreadableUpdate(ValueError):
    """A webhook body or an update that is not a Telegram update."""


def read_update(body: bytes, bot: Bot) -> Json:
    """Return the update in a webhook body; raise UnreadableUpdate for anything else (the reason, never the body).

    Strangers cannot post here (the secret comes first), so the update is checked as thoroughly as PTB reads it.
    """
    try:
        data = read_json(body)
    except UnreadableJson as error:  # not UTF-8, not JSON, or nested too deep to be an update
        raise UnreadableUpdate(str(error)) from error
    if not isinstance(data, dict) or type(data.get("update_id")) is not int:
        raise UnreadableUpdate("not an object with an integer update_id")
    try:
        update = Update.de_json(data, bot)
    except Exception as error:  # python-telegram-bot trusts the shape; junk raises anything
        raise UnreadableUpdate(type(error).__name__) from error
    if update is None:
        raise UnreadableUpdate("empty")
    return data
