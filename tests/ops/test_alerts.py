"""The operators hear, in chat, when something needs them, at most once an hour, and again when it clears."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.core import Core
from bot.transport import Delivery, Outcome, Pacing
from handlers.kit.contract import Reply
from storage import outbox, sessions
from storage.models import OutboxRow, Session
from tests.bot.reminder_support import outbox_rows
from tests.support import RecordingTransport, make_core, settings_for

COORDINATOR = "9001"
PAYLOAD = Reply(text="hello").to_payload()


class Flooded:
    """A WhatsApp that answers every send with 429 (retry after a moment)."""

    channel = "whatsapp"
    pacing = Pacing(per_second=10_000.0, burst=10_000)

    async def deliver(self, row: OutboxRow, reply: Reply) -> Delivery:
        """Refuse for now."""
        return Delivery(Outcome.RETRY, retry_after=0.001, error="429")


async def _stuck_row(core: Core, clock: FakeClock) -> int:
    """Queue a WhatsApp message nobody can send (no WhatsApp transport): it waits."""
    async with core.db.transaction() as conn:
        row = await outbox.enqueue(conn, channel="whatsapp", recipient="962790000001", payload=PAYLOAD, now=clock.now())
    assert row is not None
    return row


async def _check(core: Core, clock: FakeClock) -> None:
    await core.scheduler.run_periodic(clock.now())
    await core.sender.flush()


async def test_a_stuck_outbox_is_told_once_then_cleared(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    row = await _stuck_row(core, clock)
    clock.advance(timedelta(minutes=10))
    await _check(core, clock)
    assert transport.to(COORDINATOR) == []  # ten minutes is not stuck yet
    clock.advance(timedelta(minutes=10))
    await _check(core, clock)
    told = transport.to(COORDINATOR)
    assert len(told) == 1 and "20 دقيقة" in told[0].text and "رسالة واحدة" in told[0].text
    for _ in range(3):  # still stuck: nothing more
        clock.advance(timedelta(minutes=5))
        await _check(core, clock)
    assert len(transport.to(COORDINATOR)) == 1
    async with core.db.transaction() as conn:
        await outbox.mark_final(conn, row, "failed", "given up")
    clock.advance(timedelta(minutes=5))
    await _check(core, clock)
    news = transport.to(COORDINATOR)
    assert len(news) == 2 and news[1].text.startswith("✅")
    keys = [r["dedupe_key"] for r in await outbox_rows(core, "alert")]
    assert [k.split(":")[:3] for k in keys] == [["alert", "outbox", "raised"], ["alert", "outbox", "cleared"]]


async def test_flapping_is_told_at_most_once_an_hour(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    clock.set(clock.now().replace(minute=0, second=0, microsecond=0))
    for _ in range(2):
        row = await _stuck_row(core, clock)
        clock.advance(timedelta(minutes=16))
        await _check(core, clock)
        async with core.db.transaction() as conn:
            await outbox.mark_final(conn, row, "failed", "given up")
        clock.advance(timedelta(minutes=1))
        await _check(core, clock)
    texts = [reply.text[0] for reply in transport.to(COORDINATOR)]
    assert texts == ["⚠", "✅"]  # the second start within the hour was not announced again


async def test_repeated_429s_reach_the_operators_in_their_language(tmp_path: Path, clock: FakeClock) -> None:
    settings = settings_for(tmp_path, operators=("telegram:7001",))
    core, transport = await make_core(settings, clock)
    try:
        async with core.db.transaction() as conn:  # the operator chose English before registering
            chosen = Session(channel="telegram", external_id="7001", flow=None, step=None, data={"_lang": "en"})
            await sessions.save_session(conn, chosen, clock.now())
        core.sender.add_transport(Flooded())
        await _stuck_row(core, clock)
        await core.sender.flush()  # five 429s waited out in place, then the row waits its turn
        await _check(core, clock)
        told = transport.to("7001")
        assert len(told) == 1 and "asked the bot to slow down 5 times" in told[0].text
        assert transport.to(COORDINATOR) == []  # OGP_OPERATORS replaces the coordinators
        assert [r["recipient"] for r in await outbox_rows(core, "alert")] == ["7001"]
    finally:
        await core.close()


@pytest.fixture
async def backed_up(tmp_path: Path, clock: FakeClock) -> AsyncIterator[tuple[Core, RecordingTransport]]:
    """A bot whose backup folder cannot be made (a file is in its place)."""
    folder = tmp_path / "backups"
    folder.write_text("not a folder")
    core, transport = await make_core(settings_for(tmp_path, backup_dir=folder, backup_time="00:00"), clock)
    yield core, transport
    await core.close()


async def test_a_failed_backup_is_told(backed_up: tuple[Core, RecordingTransport], clock: FakeClock) -> None:
    core, transport = backed_up
    clock.advance(timedelta(hours=12))
    await _check(core, clock)
    told = transport.to(COORDINATOR)
    assert len(told) == 1 and "لا نسخة احتياطية موثّقة" in told[0].text
