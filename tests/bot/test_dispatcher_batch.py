"""A polled batch in one transaction: each answer goes out, one failing event rolls back alone, no stale /status."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Awaitable, Callable

import pytest

from bot.core import Core
from handlers.kit.context import Context
from handlers.kit.contract import Incoming, Reply
from storage import catalogue
from storage.models import Completion
from tests.support import ChatDriver, RecordingTransport


def event(user: str, event_id: str, *, command: str | None = None, text: str | None = None) -> Incoming:
    return Incoming("telegram", user, event_id, command=command, text=text, name="سلمى")


def recorded(core: Core) -> set[str]:
    with sqlite3.connect(core.db.path) as conn:
        return {row[0] for row in conn.execute("SELECT event_id FROM processed_events")}


def progress(core: Core, commitment: int) -> list[int]:
    with sqlite3.connect(core.db.path) as conn:
        query = "SELECT progress FROM status_updates WHERE commitment_id = ? ORDER BY id"
        return [row[0] for row in conn.execute(query, (commitment,))]


def failing_on(
    core: Core, event_ids: set[str], monkeypatch: pytest.MonkeyPatch, before: Callable[[Context], Awaitable[None]]
) -> None:
    """Make the router fail on these events, after `before` ran (a write the failure must undo)."""
    route = core.dispatcher.router.route

    async def fail(ctx: Context) -> list[Reply]:
        if ctx.incoming.event_id in event_ids:
            await before(ctx)
            raise RuntimeError("a handler's bug")
        return await route(ctx)

    monkeypatch.setattr(core.dispatcher.router, "route", fail)


async def test_a_batch_answers_everyone_in_order_and_records_every_event(
    core: Core, transport: RecordingTransport
) -> None:
    batch = [event("1001", "b1", command="status"), event("1002", "b2", command="help"), event("1001", "b3", text="؟")]
    await core.dispatcher.handle_batch(batch)
    await core.sender.flush()
    assert "حالة تنفيذ التزامات" in transport.to("1001")[0].text
    assert len(transport.to("1001")) == 2 and len(transport.to("1002")) == 1
    assert recorded(core) == {"b1", "b2", "b3"}
    await core.dispatcher.handle_batch(batch)  # the same batch again (a replay after a crash) changes nothing
    await core.sender.flush()
    assert len(transport.sent) == 3


async def test_one_failing_event_rolls_back_alone_and_is_apologised_for(
    core: Core, transport: RecordingTransport, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def write_first(ctx: Context) -> None:
        await catalogue.add_status_update(ctx.conn, 2, Completion.LIMITED, 30, ctx.now)

    failing_on(core, {"bad"}, monkeypatch, before=write_first)
    batch = [event("1001", "ok1", command="help"), event("1002", "bad", command="status"), event("1003", "ok2")]
    with caplog.at_level(logging.WARNING):
        await core.dispatcher.handle_batch(batch)
    await core.sender.flush()
    assert "الأوامر المتاحة" in transport.to("1001")[0].text
    [apology] = transport.to("1002")
    assert apology.text == core.messages.t("internal-error")
    assert len(transport.to("1003")) == 1
    # The failing event wrote before it failed: nothing of it is stored, and it can be delivered again.
    assert progress(core, 2) == []
    assert recorded(core) == {"ok1", "ok2"}
    assert any("rolled back" in r.getMessage() for r in caplog.records)


async def test_status_drawn_on_data_the_batch_changed_is_not_kept(
    core: Core, transport: RecordingTransport, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A progress report, then someone's /status, then a failure: the batch rolls back, and the report is made
    # again with other figures. The board drawn in between showed the first figures; it must not come back.
    reports = iter((60, 30))

    async def report(ctx: Context) -> None:
        await catalogue.add_status_update(ctx.conn, 2, Completion.SUBSTANTIAL, next(reports), ctx.now)

    route = core.dispatcher.router.route

    async def officer_then_failure(ctx: Context) -> list[Reply]:
        if ctx.incoming.event_id == "report":
            await report(ctx)
            return [Reply(text="تم")]
        if ctx.incoming.event_id == "bad":
            raise RuntimeError("a handler's bug")
        return await route(ctx)

    monkeypatch.setattr(core.dispatcher.router, "route", officer_then_failure)
    batch = [event("9001", "report", text="x"), event("1001", "look", command="status"), event("1002", "bad")]
    await core.dispatcher.handle_batch(batch)
    await core.sender.flush()
    assert progress(core, 2) == [30]  # the second attempt's report is the one stored
    chat = ChatDriver(core, transport, user="1003")
    [board] = await chat.command("status")
    assert "30%" in board.text and "60%" not in board.text
    assert "30%" in transport.to("1001")[-1].text


async def test_status_shows_a_change_at_once(chat: ChatDriver, core: Core) -> None:
    [before] = await chat.command("status")
    assert "60%" not in before.text
    async with core.db.transaction() as conn:
        await catalogue.add_status_update(conn, 2, Completion.SUBSTANTIAL, 60, chat.core.clock.now())
    [after] = await chat.command("status")
    assert "60%" in after.text
    [again] = await chat.command("status")
    assert again.text == after.text


async def test_a_locked_database_during_a_batch_apologises_to_each_person(
    core: Core, transport: RecordingTransport
) -> None:
    await core.db.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(core.db.path, isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        await core.dispatcher.handle_batch([event("1001", "l1", command="status"), event("1002", "l2", command="my")])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [s.reply.text for s in transport.sent] == [core.messages.t("busy-error")] * 2
    assert recorded(core) == set()


async def test_a_batch_counts_the_answers_it_queued_earlier_for_the_same_chat(
    core: Core, transport: RecordingTransport
) -> None:
    core.dispatcher.max_queued_replies = 2  # the answers an event stores wait for the next one's arrival
    batch = [event("1001", f"q{n}", command="help") for n in range(4)]
    await core.dispatcher.handle_batch(batch)
    with sqlite3.connect(core.db.path) as conn:
        keys = [row[0] for row in conn.execute("SELECT dedupe_key FROM outbox WHERE recipient = '1001' ORDER BY id")]
    assert keys[:2] == [None, None]  # the first two answered; the next two saw them queued
    assert keys[2].startswith("flood-note:telegram:1001:") and keys[3:] == ["latest:telegram:1001:q3:0"]
    await core.sender.flush()
    texts = [r.text for r in transport.to("1001")]
    assert len(texts) == 4 and texts[2] == core.messages.t("flood-replies")
    assert all("الأوامر المتاحة" in texts[n] for n in (0, 1, 3))
    assert recorded(core) == {"q0", "q1", "q2", "q3"}
