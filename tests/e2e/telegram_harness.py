"""Run the real Telegram channel (python-telegram-bot over HTTP) against the Bot API stand-in."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.channels.telegram import TelegramChannel
from bot.clock import FakeClock
from bot.core import Core, open_core
from bot.settings import Settings
from tests.standins.telegram import BotApiStandIn, SimulatedUser
from tests.support import START, fresh_database, settings_for

TOKEN = "123456:TEST-token-for-the-stand-in-only"
LIVE_TOKEN = "123:ABC"  # the bot run in this process by live_bot


@dataclass
class RunningBot:
    """A bot process's worth of objects, in this process."""

    core: Core
    channel: TelegramChannel

    async def stop(self) -> None:
        """Stop polling, sending, and close the database."""
        await self.channel.stop()
        await self.core.close()


async def start_bot(api: BotApiStandIn, settings: Settings, clock: FakeClock) -> RunningBot:
    """Open the core on settings and start Telegram polling against the stand-in."""
    fresh_database(Path(settings.database))  # a copy of the migrated template, unless restarting on one
    core = await open_core(settings, clock)
    channel = TelegramChannel(core, api.token, api.base_url, poll_timeout=1.0)
    await channel.start()
    await core.sender.start()
    await core.documents.start()
    return RunningBot(core, channel)


def telegram_settings(tmp_path: Path, api: BotApiStandIn, **overrides: Any) -> Settings:
    """Settings pointing Telegram at the stand-in, on a fresh database."""
    return settings_for(
        tmp_path,
        telegram_token=api.token,
        telegram_api_url=api.base_url,
        telegram_per_chat_burst=50,
        **overrides,
    )


@asynccontextmanager
async def telegram_bot(
    tmp_path: Path, clock: FakeClock | None = None, **overrides: Any
) -> AsyncIterator[tuple[BotApiStandIn, RunningBot]]:
    """A stand-in and a bot polling it (settings overridden as asked); both stop on exit."""
    async with BotApiStandIn(token=TOKEN, bot_username="ogp_test_bot") as api:
        bot = await start_bot(api, telegram_settings(tmp_path, api, **overrides), clock or FakeClock(START))
        try:
            yield api, bot
        finally:
            await bot.stop()


@dataclass
class Live:
    """A bot running in this process on the stand-in: what a test drives and what it inspects."""

    api: BotApiStandIn
    core: Core


async def said(live: Live, user: SimulatedUser, fragment: str, action: Awaitable[Any]) -> str:
    """Do an action, then wait until a new or edited bot message (or a file's caption) contains the fragment."""
    mark = len(user.events)
    await action
    found: list[str] = []

    def arrived() -> bool:
        found[:] = [e.text or e.caption or "" for e in user.events[mark:] if fragment in (e.text or e.caption or "")]
        return bool(found)

    try:
        await live.api.wait_for(arrived, timeout=10)
    except TimeoutError:
        seen = [e.text for e in user.events[mark:]]
        raise AssertionError(f"user {user.id} never saw {fragment!r}; saw {seen}") from None
    return found[0]


@asynccontextmanager
async def live_bot(tmp_path: Path, *, files: bool = False, known: dict[int, str] | None = None) -> AsyncIterator[Live]:
    """A bot in this process on a stand-in, sending without limits; `files` adds the file worker, `known` old users."""
    async with BotApiStandIn(token=LIVE_TOKEN, bot_username="ogp_test_bot") as api:
        for user_id, first_name in (known or {}).items():
            api.user(user_id, first_name=first_name)
        settings = settings_for(
            tmp_path,
            telegram_token=LIVE_TOKEN,
            telegram_api_url=api.base_url,
            telegram_per_chat_rate=1000.0,
            telegram_per_chat_burst=1000,
        )
        core = await open_core(settings)
        if files:
            core.receiver.backoff = (0.0,)  # tries follow each other at once here; in production 1 s, then 4 s
        channel = TelegramChannel(core, LIVE_TOKEN, api.base_url, poll_timeout=1)
        await channel.start()
        await core.sender.start()
        if files:
            await core.files.start()
        try:
            yield Live(api, core)
        finally:
            await channel.stop()
            await core.close()


async def register(live: Live, user: SimulatedUser, name: str, first: Awaitable[Any] | None = None) -> str:
    """Register over Telegram (optionally starting with another action, such as an invitation link)."""
    await said(live, user, "ما اسمك", first or user.command("start"))
    await said(live, user, "الجهة", user.send(name))
    await said(live, user, "نوع الجهة", user.send(f"جهة {name}"))
    await said(live, user, "محافظة", user.press("reg:sector:cso"))
    await said(live, user, "هل توافق", user.press("reg:gov:amman"))
    return await said(live, user, "تم تسجيلك", user.press("reg:consent:yes"))
