"""The outbox sender through the real Telegram adapter and the Bot API stand-in: 429, a 502 storm, a 403."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from pathlib import Path

import pytest

from bot.channels.telegram import TelegramChannel
from bot.clock import FakeClock
from bot.core import Core, open_core
from handlers.kit.contract import Reply
from storage import outbox, participants
from tests.bot.reminder_support import outbox_rows, person
from tests.standins.telegram import BotApiStandIn
from tests.support import settings_for

TOKEN = "123:ABC"


@pytest.fixture
async def api() -> AsyncIterator[BotApiStandIn]:
    """A Bot API stand-in on loopback."""
    async with BotApiStandIn(token=TOKEN, bot_username="ogp_test_bot") as server:
        yield server


@pytest.fixture
async def live(tmp_path: Path, clock: FakeClock, api: BotApiStandIn) -> AsyncIterator[Core]:
    """A core serving Telegram through the stand-in, its sender running."""
    core = await open_core(settings_for(tmp_path, coordinators=()), clock)  # no per-role command menus to set
    channel = TelegramChannel(core, TOKEN, api.base_url, poll_timeout=1)
    await channel.start()
    await core.sender.start()
    yield core
    await channel.stop()
    await core.close()


async def push_to(core: Core, users: list[int], text: str) -> None:
    """Register each user and queue one reminder to them."""
    for user in users:
        someone = await person(core, str(user))
        async with core.db.transaction() as conn:
            await outbox.enqueue(
                conn,
                channel="telegram",
                recipient=str(user),
                payload=Reply(text=f"{text} {user}").to_payload(),
                now=core.clock.now(),
                participant_id=someone.id,
                kind="reminder",
                dedupe_key=f"remind:test:{user}",
            )
    core.sender.wake()


def sends(api: BotApiStandIn) -> int:
    return sum(1 for method, _ in api.calls if method.lower() == "sendmessage")


async def until(check: Callable[[], bool], core: Core, *, move_clock: bool = False, seconds: float = 10.0) -> None:
    """Wait for a condition; if asked, move the clock past the longest backoff each round so retries come due."""
    async with asyncio.timeout(seconds):
        while not check():
            if move_clock:
                core.clock.advance(timedelta(minutes=5))  # type: ignore[attr-defined]
                core.sender.wake()
            await asyncio.sleep(0.02)


async def test_429_retry_after_is_honoured_and_the_message_arrives_once(live: Core, api: BotApiStandIn) -> None:
    user = api.user(5001, "سلمى", started=True)
    api.fail_next("sendMessage", 429, count=1, retry_after=1)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await push_to(live, [5001], "تذكير")
    [message] = await user.wait_messages(1, timeout=5)
    assert loop.time() - started >= 1.0  # waited out retry_after
    assert message.text == "تذكير 5001"
    await asyncio.sleep(0.3)  # nothing else may follow
    assert len(user.chat) == 1 and sends(api) == 2
    assert live.sender.stats.flood_waits == 1
    [row] = await outbox_rows(live, "reminder")
    assert row["status"] == "sent" and row["attempts"] == 1


async def test_502_storm_ends_with_every_message_delivered_once(live: Core, api: BotApiStandIn) -> None:
    ids = list(range(5001, 5011))
    users = [api.user(i, started=True) for i in ids]
    api.fail_next("sendMessage", 502, count=25)
    await push_to(live, ids, "رسالة")
    await until(lambda: all(len(u.chat) >= 1 for u in users), live, move_clock=True)
    await asyncio.sleep(0.3)
    assert [len(u.chat) for u in users] == [1] * len(ids)
    assert [u.chat[0].text for u in users] == [f"رسالة {i}" for i in ids]
    rows = await outbox_rows(live, "reminder")
    assert {r["status"] for r in rows} == {"sent"} and sum(int(r["attempts"]) for r in rows) == 35


async def test_502_past_the_cap_marks_the_message_failed(live: Core, api: BotApiStandIn) -> None:
    user = api.user(5001, started=True)
    api.fail_next("sendMessage", 502, count=100)
    await push_to(live, [5001], "رسالة")
    await until(lambda: live.sender.stats.failed == 1, live, move_clock=True)
    [row] = await outbox_rows(live, "reminder")
    assert row["status"] == "failed" and row["attempts"] == live.sender.max_attempts
    assert "Bad Gateway" in str(row["last_error"]) and user.chat == []


async def test_403_marks_the_participant_unreachable_and_stops_sending(live: Core, api: BotApiStandIn) -> None:
    api.user(5001, started=True)
    api.block(5001)
    await push_to(live, [5001], "أولى")
    await until(lambda: live.sender.stats.unreachable >= 1, live)
    async with live.db.transaction() as conn:
        gone = await participants.find_by_identity(conn, "telegram", "5001")
        assert gone is not None and gone.unreachable_at is not None
        await outbox.enqueue(
            conn,
            channel="telegram",
            recipient="5001",
            payload=Reply(text="ثانية").to_payload(),
            now=live.clock.now(),
            participant_id=gone.id,
            kind="broadcast",
        )
    before = sends(api)
    live.sender.wake()
    await until(lambda: live.sender.stats.unreachable >= 2, live)
    assert sends(api) == before  # the second push was given up without a call
    assert [r["status"] for r in await outbox_rows(live)] == ["unreachable", "unreachable"]
