"""Webhook mode: Telegram posts updates to the shared web server with a secret; anyone else gets 403."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
from pydantic import ValidationError

from bot.channels.telegram import TelegramChannel
from bot.channels.telegram_updates import SECRET_HEADER
from bot.clock import FakeClock
from bot.core import open_core
from bot.web import WebServer
from tests.e2e.telegram_harness import TOKEN, telegram_settings
from tests.e2e.test_telegram_core import register
from tests.standins.telegram import BotApiStandIn
from tests.support import START, settings_for

PATH = "/telegram/webhook"


@asynccontextmanager
async def webhook_bot(
    tmp_path: Path, secret: str | None
) -> AsyncIterator[tuple[BotApiStandIn, TelegramChannel, WebServer]]:
    """A stand-in pushing updates to a bot in webhook mode on its own loopback web server."""
    async with BotApiStandIn(token=TOKEN, bot_username="ogp_test_bot") as api:
        core = await open_core(telegram_settings(tmp_path, api), FakeClock(START))
        server = WebServer("127.0.0.1", 0)
        channel = TelegramChannel(
            core,
            api.token,
            api.base_url,
            server=server,
            webhook_url=f"https://bot.example.jo{PATH}",
            webhook_secret=secret,
        )
        await channel.start()
        await server.start()
        await channel.listen(f"{server.url}{PATH}")  # the port is known only now
        await core.sender.start()
        try:
            yield api, channel, server
        finally:
            await channel.stop()
            await server.stop()
            await core.close()


def count(channel: TelegramChannel, sql: str) -> int:
    with sqlite3.connect(channel.core.settings.database) as conn:
        return int(conn.execute(sql).fetchone()[0])


async def test_conversation_over_the_webhook(tmp_path: Path) -> None:
    async with webhook_bot(tmp_path, "s3cret_token-ABC") as (api, channel, _):
        [(_, params)] = [c for c in api.calls if c[0] == "setWebhook"]
        assert params["secret_token"] == "s3cret_token-ABC" and params["url"].endswith(PATH)
        polls = sum(1 for method, _ in api.calls if method == "getUpdates")
        await register(api.user(1001, first_name="سلمى"))
        assert sum(1 for method, _ in api.calls if method == "getUpdates") == polls == 0
        assert count(channel, "SELECT COUNT(*) FROM participants") == 1
        assert all(status == 200 for _, status in api.webhook_attempts)


async def test_a_request_without_the_secret_gets_403_and_is_not_processed(tmp_path: Path) -> None:
    async with webhook_bot(tmp_path, None) as (api, channel, server):
        [(_, params)] = [c for c in api.calls if c[0] == "setWebhook"]
        assert len(params["secret_token"]) >= 32  # generated when absent
        forged = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": 0,
                "text": "/start",
                "chat": {"id": 666, "type": "private"},
                "from": {"id": 666, "is_bot": False, "first_name": "x"},
            },
        }
        async with aiohttp.ClientSession() as session:
            for headers in ({}, {SECRET_HEADER: "wrong"}, {SECRET_HEADER: params["secret_token"] + "x"}):
                async with session.post(f"{server.url}{PATH}", json=forged, headers=headers) as response:
                    assert response.status == 403
        assert count(channel, "SELECT COUNT(*) FROM processed_events") == 0
        assert count(channel, "SELECT COUNT(*) FROM outbox WHERE recipient = '666'") == 0
        user = api.user(1001, first_name="سلمى")  # the real Telegram, with the secret, still gets through
        await user.command("help")
        [help_text] = await user.wait_messages(1)
        assert "الأوامر المتاحة" in (help_text.text or "")


async def test_a_redelivered_update_changes_nothing(tmp_path: Path) -> None:
    async with webhook_bot(tmp_path, "abc") as (api, channel, _):
        user = api.user(1001, first_name="سلمى")
        update_id = await user.command("help")
        await user.wait_messages(1)
        await api.wait_idle()
        api.redeliver(update_id)
        await api.wait_idle()
        assert count(channel, "SELECT COUNT(*) FROM outbox WHERE recipient = '1001'") == 1


def test_webhook_settings_are_validated(tmp_path: Path) -> None:
    assert settings_for(tmp_path, telegram_webhook_url="", telegram_webhook_secret="").telegram_webhook_url is None
    with pytest.raises(ValidationError, match="https"):
        settings_for(tmp_path, telegram_webhook_url="http://bot.example.jo/hook")
    with pytest.raises(ValidationError, match="A-Z"):
        settings_for(tmp_path, telegram_webhook_secret="has spaces!")


JUNK = (
    b"[]",
    b'{"update_id":"a"}',
    b'{"update_id": 1.5}',
    b'{"update_id": true}',
    b"{}",
    b'"text"',
    b"null",
    b"not json at all",
    b'{"update_id": 7, "message": "junk"}',
    b'{"update_id": 8, "message": {"message_id": "x", "chat": 5}}',
    b'{"update_id": 9, "callback_query": []}',
    '{"update_id": 10, "x": "\udcff"}'.encode("utf-8", "surrogatepass"),
)


async def test_junk_with_the_right_secret_is_refused_with_400_and_logged_without_the_body(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async with webhook_bot(tmp_path, "abc") as (api, channel, server):
        async with aiohttp.ClientSession() as session:
            for body in JUNK:
                headers = {SECRET_HEADER: "abc", "Content-Type": "application/json"}
                async with session.post(f"{server.url}{PATH}", data=body, headers=headers) as response:
                    assert response.status == 400, body
        assert count(channel, "SELECT COUNT(*) FROM processed_events") == 0
        assert count(channel, "SELECT COUNT(*) FROM outbox WHERE kind = 'reply'") == 0
        refused = [r for r in caplog.records if "unreadable update" in r.getMessage()]
        assert len(refused) == len(JUNK)
        assert not any("junk" in r.getMessage() or "text" in r.getMessage() for r in caplog.records)
        user = api.user(1001, first_name="سلمى")  # the bot still serves
        await user.command("help")
        [help_text] = await user.wait_messages(1)
        assert "الأوامر المتاحة" in (help_text.text or "")


async def test_a_body_nested_100000_deep_is_refused_with_400_not_500(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    deep = b'{"update_id": 11, "message": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    async with webhook_bot(tmp_path, "abc") as (api, channel, server):
        async with aiohttp.ClientSession() as session:
            headers = {SECRET_HEADER: "abc", "Content-Type": "application/json"}
            for body in (deep, b"[" * 100_000):
                async with session.post(f"{server.url}{PATH}", data=body, headers=headers) as response:
                    assert response.status == 400  # a 500 would make Telegram post it again forever
        assert count(channel, "SELECT COUNT(*) FROM processed_events") == 0
        assert count(channel, "SELECT COUNT(*) FROM outbox WHERE kind = 'reply'") == 0
        refused = [r.getMessage() for r in caplog.records if "unreadable update" in r.getMessage()]
        assert refused == ["telegram webhook: unreadable update refused (recursion limit exceeded)"] * 2
        user = api.user(1001, first_name="سلمى")
        await user.command("help")
        [help_text] = await user.wait_messages(1)
        assert "الأوامر المتاحة" in (help_text.text or "")
