"""WhatsApp webhooks are stored before the 200, processed from the store, and read one message at a time."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiosqlite
import pytest

from bot.channels.whatsapp import Post
from bot.channels.whatsapp_webhook import parse_payload
from bot.clock import FakeClock
from bot.retention import apply_retention
from handlers.kit.context import Context
from handlers.kit.contract import Incoming, Reply
from tests.e2e.whatsapp_harness import WhatsAppBot, whatsapp_bot
from tests.standins.graph_api import WaUser

HELP = "الأوامر المتاحة"


@pytest.fixture
async def wa(tmp_path: Path, clock: FakeClock) -> AsyncIterator[WhatsAppBot]:
    """A WhatsApp bot on loopback."""
    async with whatsapp_bot(tmp_path, clock) as bot:
        yield bot


def count(wa: WhatsAppBot, sql: str) -> int:
    with sqlite3.connect(wa.core.settings.database) as conn:
        return int(conn.execute(sql).fetchone()[0])


def webhook(wa: WhatsAppBot, users: list[WaUser], messages: list[dict[str, Any]]) -> bytes:
    """Return one signed-to-be body carrying messages from several people."""
    contacts = [{"wa_id": u.wa_id, "profile": {"name": u.name}} for u in users]
    value = {"messaging_product": "whatsapp", "metadata": wa.api.metadata(), "contacts": contacts, "messages": messages}
    payload = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "W", "changes": [{"field": "messages", "value": value}]}],
    }
    return json.dumps(payload, ensure_ascii=False).encode()


def opened(wa: WhatsAppBot, *users: WaUser) -> None:
    """Mark the people as having written just now (the stand-in's 24-hour window)."""
    for user in users:
        user.last_inbound = wa.clock.now()


async def test_one_malformed_field_does_not_drop_the_valid_messages_after_it(
    wa: WhatsAppBot, caplog: pytest.LogCaptureFixture
) -> None:
    users = [wa.api.user(f"96279000010{n}", name=f"شخص {n}") for n in range(6)]
    opened(wa, *users)
    messages = [u.message("text", {"body": "/help"}) for u in users]
    messages[1]["timestamp"] = "99999999999999999999"  # past the year 9999
    messages[2]["timestamp"] = "²"  # a digit to str.isdigit(), not to int()
    del messages[3]["id"]  # a missing field
    del messages[4]["timestamp"]  # no way to tell a replay
    body = webhook(wa, users, messages)
    with caplog.at_level(logging.WARNING):
        assert await wa.api.post_raw(body, wa.api.sign(body)) == 200
        await wa.settle()
    answered = [any(HELP in m.text for m in u.messages) for u in users]
    assert answered == [True, False, False, False, False, True]
    assert count(wa, "SELECT COUNT(*) FROM processed_events") == 2
    assert count(wa, "SELECT COUNT(*) FROM wa_inbox") == 0  # processed, then dropped
    assert "malformed message was skipped" in caplog.text and "without a valid timestamp" in caplog.text


async def test_a_signed_webhook_replayed_after_the_dedupe_window_does_not_run_again(
    wa: WhatsAppBot, clock: FakeClock
) -> None:
    user = wa.api.user("962790000201")
    opened(wa, user)
    body = webhook(wa, [user], [user.message("text", {"body": "/help"})])
    assert await wa.api.post_raw(body, wa.api.sign(body)) == 200
    await wa.settle()
    assert sum(HELP in m.text for m in user.messages) == 1
    clock.advance(timedelta(days=8))
    await apply_retention(wa.core.db, now=clock.now(), days=730)  # message ids are kept for 7 days
    assert count(wa, "SELECT COUNT(*) FROM processed_events") == 0
    opened(wa, user)
    assert await wa.api.post_raw(body, wa.api.sign(body)) == 200  # the very same signed bytes
    await wa.settle()
    assert sum(HELP in m.text for m in user.messages) == 1  # not answered (or handled) twice
    assert count(wa, "SELECT COUNT(*) FROM processed_events") == 0


async def test_a_recent_message_a_few_days_old_is_still_handled(wa: WhatsAppBot, clock: FakeClock) -> None:
    user = wa.api.user("962790000202")
    message = user.message("text", {"body": "/help"})
    clock.advance(timedelta(days=6))  # Meta retried for days
    opened(wa, user)
    body = webhook(wa, [user], [message])
    assert await wa.api.post_raw(body, wa.api.sign(body)) == 200
    await wa.settle()
    assert count(wa, "SELECT COUNT(*) FROM processed_events") == 1  # handled; its answer waits for the window
    assert count(wa, "SELECT COUNT(*) FROM outbox WHERE status = 'held'") == 1


async def test_the_body_is_stored_before_the_200_and_processed_at_the_next_start(
    wa: WhatsAppBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = wa.api.user("962790000203")
    opened(wa, user)
    real = wa.channel.process

    async def crashed(*_: object) -> bool:
        return False  # as if the process died right after answering

    monkeypatch.setattr(wa.channel, "process", crashed)
    body = webhook(wa, [user], [user.message("text", {"body": "/help"})])
    assert await wa.api.post_raw(body, wa.api.sign(body)) == 200
    await wa.settle()
    assert count(wa, "SELECT COUNT(*) FROM wa_inbox") == 1 and user.messages == []
    monkeypatch.setattr(wa.channel, "process", real)
    await wa.channel._recover()  # what start() does
    await wa.settle()
    assert [HELP in m.text for m in user.messages] == [True]
    assert count(wa, "SELECT COUNT(*) FROM wa_inbox") == 0
    await wa.channel._recover()  # a second recovery finds nothing
    assert count(wa, "SELECT COUNT(*) FROM processed_events") == 1


async def test_a_webhook_the_database_failed_is_taken_again_before_the_next_one(
    wa: WhatsAppBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = wa.api.user("962790000206")
    opened(wa, user)
    real = wa.channel.process

    async def failed(*_: object) -> bool:
        return False  # the database failed while it was processed

    monkeypatch.setattr(wa.channel, "process", failed)
    first = webhook(wa, [user], [user.message("text", {"body": "/help"})])
    assert await wa.api.post_raw(first, wa.api.sign(first)) == 200
    await wa.settle()
    assert count(wa, "SELECT COUNT(*) FROM wa_inbox") == 1 and user.messages == []
    monkeypatch.setattr(wa.channel, "process", real)
    second = webhook(wa, [user], [user.message("text", {"body": "/privacy"})])
    assert await wa.api.post_raw(second, wa.api.sign(second)) == 200  # no restart in between
    await wa.settle()
    privacy = wa.core.messages.t("prv-notice", days=wa.core.settings.retention_days, public="")[:30]
    answers = [m.text for m in user.messages]
    assert HELP in answers[0] and privacy in answers[1]  # in the order they were sent
    assert sum(HELP in text for text in answers) == 1
    assert count(wa, "SELECT COUNT(*) FROM wa_inbox") == 0
    assert count(wa, "SELECT COUNT(*) FROM processed_events") == 2


@contextmanager
def write_lock(wa: WhatsAppBot) -> Iterator[None]:
    """Another process holds the database's write lock."""
    other = sqlite3.connect(wa.core.settings.database, isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


async def test_a_webhook_that_cannot_be_stored_gets_503_so_meta_sends_it_again(wa: WhatsAppBot) -> None:
    user = wa.api.user("962790000204")
    opened(wa, user)
    body = webhook(wa, [user], [user.message("text", {"body": "/help"})])
    await wa.core.db.conn.execute("PRAGMA busy_timeout = 50")
    with write_lock(wa):
        assert await wa.api.post_raw(body, wa.api.sign(body)) == 503
    await wa.settle()
    assert user.messages == []
    assert await wa.api.post_raw(body, wa.api.sign(body)) == 200  # Meta's retry
    await wa.settle()
    assert [HELP in m.text for m in user.messages] == [True]


async def test_the_database_locked_apology_reaches_whatsapp(wa: WhatsAppBot) -> None:
    user = wa.api.user("962790000205")
    opened(wa, user)
    await wa.core.db.conn.execute("PRAGMA busy_timeout = 50")
    event = Incoming("whatsapp", user.wa_id or "", uuid.uuid4().hex, command="help", name=user.name)
    with write_lock(wa):
        await wa.core.dispatcher.handle(event)
    [apology] = user.messages
    assert apology.text == wa.core.messages.t("busy-error")
    assert count(wa, "SELECT COUNT(*) FROM processed_events") == 0  # nothing half-stored: a retry works


async def test_posts_ready_together_share_a_transaction_and_one_failing_is_taken_alone(
    wa: WhatsAppBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    users = [wa.api.user(f"96279000030{n}", name=f"شخص {n}") for n in range(4)]
    opened(wa, *users)
    bad = users[1]
    route = wa.core.dispatcher.router.route

    async def failing(ctx: Context) -> list[Reply]:
        if ctx.incoming.user == bad.wa_id:
            raise RuntimeError("a handler's bug")
        return await route(ctx)

    monkeypatch.setattr(wa.core.dispatcher.router, "route", failing)
    shared = wa.channel._posts
    handle_many = shared.write_many
    sizes: list[int] = []

    async def counted(conn: aiosqlite.Connection, posts: list[Post]) -> list[tuple[bool, bool]]:
        sizes.append(len(posts))
        return await handle_many(conn, posts)

    monkeypatch.setattr(shared, "write_many", counted)
    write, arrived, all_there = shared.write, [], asyncio.Event()

    async def arriving(post: Post) -> tuple[bool, bool]:
        arrived.append(post)
        if len(arrived) == len(users):
            all_there.set()
        return await write(post)  # queued before the test goes on

    monkeypatch.setattr(shared, "write", arriving)
    payloads = [parse_payload(webhook(wa, [u], [u.message("text", {"body": "/help"})])) for u in users]
    async with wa.core.db.transaction():  # the database busy: the posts after the first wait for one transaction
        tasks = [asyncio.create_task(wa.channel.process(p)) for p in payloads]
        await all_there.wait()
    assert all(await asyncio.gather(*tasks))
    await wa.settle()
    assert sizes == [4]  # the four shared one transaction, rolled back by the bad one: each then taken alone
    apology = wa.core.messages.t("internal-error")
    assert [[HELP in m.text for m in u.messages] for u in users] == [[True], [False], [True], [True]]
    assert [m.text for m in bad.messages] == [apology]
    assert count(wa, "SELECT COUNT(*) FROM processed_events") == 3  # the failed one stays unrecorded for a retry
    assert count(wa, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'") == 4
