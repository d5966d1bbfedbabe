"""The outbox sender on its own: restart after a crash, overall pacing, replies ahead of a broadcast."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from typing import Any

import pytest

from bot.clock import FakeClock
from bot.core import Core
from bot.sender import RatePacer, Sender
from bot.transport import Delivery, Pacing
from handlers.kit.contract import Document, Reply
from storage import outbox
from storage.models import OutboxRow
from tests.bot.reminder_support import outbox_rows
from tests.support import RecordingTransport


async def queue(core: Core, recipient: str, text: str, kind: str = "reminder", key: str | None = None) -> None:
    async with core.db.transaction() as conn:
        await outbox.enqueue(
            conn,
            channel="telegram",
            recipient=recipient,
            payload=Reply(text=text).to_payload(),
            now=core.clock.now(),
            kind=kind,
            dedupe_key=key,
        )


async def test_rows_claimed_before_a_crash_are_sent_once_after_restart(core: Core, clock: FakeClock) -> None:
    for n in range(3):
        await queue(core, f"70{n}", f"رسالة {n}", key=f"remind:crash:{n}")
    await queue(core, "700", "رسالة 0", key="remind:crash:0")  # the same key again: not queued twice
    async with core.db.transaction() as conn:
        await outbox.claim(conn, [1, 2])  # a sender took them, then the process died
    restarted = Sender(core.db, clock, {})
    transport = RecordingTransport()
    restarted.add_transport(transport)
    await restarted.start()
    try:
        await restarted.flush()
    finally:
        await restarted.stop()
    assert sorted(s.recipient for s in transport.sent) == ["700", "701", "702"]
    assert [r["status"] for r in await outbox_rows(core)] == ["sent"] * 3


async def test_overall_pacer_spaces_sends_and_holds_after_flood_control() -> None:
    pacer = RatePacer(50.0)
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.gather(*(pacer.acquire() for _ in range(11)))
    assert loop.time() - start >= 0.19  # 10 intervals of 20 ms
    pacer.hold(0.2)
    held = loop.time()
    await pacer.acquire()
    assert loop.time() - held >= 0.19


class SlowTransport(RecordingTransport):
    """A channel at 50 messages/s overall."""

    pacing = Pacing(per_second=100.0, burst=100, overall_per_second=50.0)

    def __init__(self) -> None:
        super().__init__()
        self.replied = asyncio.Event()

    async def deliver(self, row: OutboxRow, reply: Reply) -> Delivery:
        """Record, and say when the reply went."""
        if row.kind == "reply":
            self.replied.set()
        return await super().deliver(row, reply)


async def test_a_reply_overtakes_a_queued_broadcast(core: Core, clock: FakeClock) -> None:
    transport = SlowTransport()
    core.sender.add_transport(transport)
    for n in range(150):
        await queue(core, f"8{n:03d}", "إعلان", kind="broadcast")
    await core.sender.start()
    try:
        await asyncio.sleep(0.1)
        await queue(core, "9999", "ردّ", kind="reply")
        core.sender.wake()
        await asyncio.wait_for(transport.replied.wait(), timeout=5)
        position = next(i for i, s in enumerate(transport.sent) if s.recipient == "9999")
        assert position <= 60  # behind about a second of the broadcast (50 sends), not all 150
    finally:
        await core.sender.stop()


class CheckingTransport(RecordingTransport):
    """Accepts everything; notes the row's stored status at the moment the channel takes it."""

    def __init__(self, core: Core) -> None:
        super().__init__()
        self.core = core
        self.status_when_sent: list[str] = []

    async def deliver(self, row: OutboxRow, reply: Reply) -> Delivery:
        """Look the row up, then accept it."""
        stored = await outbox.get(self.core.db.conn, row.id)
        assert stored is not None
        self.status_when_sent.append(stored.status)
        return await super().deliver(row, reply)


async def test_deliveries_finishing_together_are_marked_sent_in_shared_transactions(core: Core) -> None:
    for n in range(20):
        await queue(core, f"80{n:02d}", f"رسالة {n}", kind="reply")
    transport = CheckingTransport(core)
    core.sender.add_transport(transport)
    commits: list[str] = []
    await core.db.conn.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)
    await core.sender.flush()
    await core.db.conn.set_trace_callback(None)  # type: ignore[arg-type]  # None removes it (sqlite3 docs)
    assert len(transport.sent) == 20
    assert transport.status_when_sent == ["sending"] * 20  # never marked sent before the channel took it
    assert [r["status"] for r in await outbox_rows(core)] == ["sent"] * 20
    assert len(commits) <= 6  # claim, a few shared "sent" commits, the empty pump: not one per message


async def test_a_failed_sent_commit_releases_the_claims_and_keeps_the_chat_in_order(
    core: Core, transport: RecordingTransport, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    for n in range(3):
        await queue(core, "700", f"رسالة {n}", kind="reply")
    real = outbox.mark_sent_in
    failures = [sqlite3.OperationalError("database or disk is full")]

    def failing_once(*args: Any, **kwargs: Any) -> None:
        if failures:
            raise failures.pop()
        real(*args, **kwargs)

    monkeypatch.setattr(outbox, "mark_sent_in", failing_once)
    with caplog.at_level(logging.ERROR):
        await core.sender.flush()
        assert "sending" not in [r["status"] for r in await outbox_rows(core)]  # nothing left claimed
        await queue(core, "700", "رسالة 3", kind="reply")  # a later row must not overtake them
        await core.sender.flush()
    # The first was delivered but not recorded: it goes again (at least once), and before everything after it.
    assert [s.reply.text for s in transport.sent] == ["رسالة 0", "رسالة 0", "رسالة 1", "رسالة 2", "رسالة 3"]
    assert [r["status"] for r in await outbox_rows(core)] == ["sent"] * 4
    assert any("could not record" in r.getMessage() for r in caplog.records)


async def test_claims_stay_held_until_they_can_be_released(
    core: Core, transport: RecordingTransport, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(2):
        await queue(core, "700", f"رسالة {n}", kind="reply")
    real_mark, real_unclaim = outbox.mark_sent_in, outbox.unclaim
    broken = {"mark": 1, "unclaim": 2}

    def mark(*args: Any, **kwargs: Any) -> None:
        if broken["mark"]:
            broken["mark"] -= 1
            raise sqlite3.OperationalError("disk I/O error")
        real_mark(*args, **kwargs)

    async def unclaim(*args: Any, **kwargs: Any) -> None:
        if broken["unclaim"]:
            broken["unclaim"] -= 1
            raise sqlite3.OperationalError("disk I/O error")
        await real_unclaim(*args, **kwargs)

    monkeypatch.setattr(outbox, "mark_sent_in", mark)
    monkeypatch.setattr(outbox, "unclaim", unclaim)
    await core.sender.flush()  # the release fails too: the chat stays busy, nothing of it goes out of order
    await queue(core, "700", "رسالة 2", kind="reply")
    await core.sender.flush()
    await core.sender.flush()
    assert [s.reply.text for s in transport.sent] == ["رسالة 0", "رسالة 0", "رسالة 1", "رسالة 2"]
    assert [r["status"] for r in await outbox_rows(core)] == ["sent"] * 3


async def test_a_700_message_backlog_of_one_chat_does_not_hold_up_another(core: Core) -> None:
    async with core.db.transaction() as conn:
        rows = [outbox.NewReply(payload=Reply(text=f"رد {n}").to_payload()) for n in range(700)]
        await outbox.enqueue_replies(conn, "telegram", "700", rows, participant_id=None, now=core.clock.now())
    await queue(core, "701", "رد لشخص آخر", kind="reply")  # queued after all 700
    transport = RecordingTransport()
    core.sender.add_transport(transport)
    started, _ = await core.sender._pump()  # one round
    assert started == 2  # both chats were served in the first round
    await core.sender.flush()
    order = [s.recipient for s in transport.sent]
    assert order.index("701") < 10 + 1  # behind at most one round of the flooded chat, not 700 messages
    assert [s.reply.text for s in transport.sent if s.recipient == "700"] == [f"رد {n}" for n in range(700)]
    assert {r["status"] for r in await outbox_rows(core)} == {"sent"}


async def test_one_payload_for_many_chats_is_decoded_once_and_a_document_keeps_its_own_bytes(
    core: Core, transport: RecordingTransport
) -> None:
    board = Reply(text="لوحة المتابعة")
    for recipient in ("700", "701"):
        await queue(core, recipient, board.text, kind="reply")
    export = Reply(text="الملف", document=Document(filename="تقرير.pdf", mime="application/pdf", data=b""))
    async with core.db.transaction() as conn:
        for recipient, data in (("702", b"%PDF-1.7 first"), ("703", b"%PDF-1.7 second")):
            await outbox.enqueue(
                conn,
                channel="telegram",
                recipient=recipient,
                payload=export.to_payload(),  # one payload, two files
                document=data,
                now=core.clock.now(),
            )
    await core.sender.flush()
    first, second, *documents = transport.sent
    assert (first.reply.text, second.reply.text) == ("لوحة المتابعة", "لوحة المتابعة")
    assert first.reply is second.reply  # kept by payload, not decoded and validated for each chat
    assert [(d.recipient, d.reply.document.data) for d in documents if d.reply.document] == [
        ("702", b"%PDF-1.7 first"),
        ("703", b"%PDF-1.7 second"),
    ]
    assert [r["status"] for r in await outbox_rows(core)] == ["sent"] * 4
