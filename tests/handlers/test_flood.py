"""Flood control: past the hourly limit of recommendations, a polite answer and nothing stored."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.core import Core
from bot.settings import Settings
from storage import recommendations
from tests.loop_support import recommend, registered, rows
from tests.support import ChatDriver, RecordingTransport, make_core, settings_for, texts

TEXT = "نقترح نشر جدول زمني واضح لكل مرحلة من مراحل الالتزام"


@pytest.fixture
async def limited(tmp_path: Path, clock: FakeClock) -> AsyncIterator[tuple[Core, RecordingTransport]]:
    core, transport = await make_core(settings_for(tmp_path, recommendations_per_hour=3), clock)
    yield core, transport
    await core.close()


def test_default_limit_is_twenty_an_hour(tmp_path: Path) -> None:
    assert settings_for(tmp_path).recommendations_per_hour == 20
    assert Settings(_env_file=None, recommendations_per_hour=5).recommendations_per_hour == 5


async def test_past_the_limit_a_polite_answer_until_the_hour_passes(
    limited: tuple[Core, RecordingTransport], clock: FakeClock
) -> None:
    core, transport = limited
    chat = await registered(core, transport, "1001", "سلمى")
    for n in range(3):
        await recommend(chat, 1, f"{TEXT} ({n})")
        clock.advance(timedelta(minutes=10))
    refused = texts(await chat.command("recommend"))
    assert "3 توصيات خلال الساعة الأخيرة" in refused and "بعد 30 دقيقة" in refused
    assert await rows(core, "SELECT flow FROM sessions WHERE external_id = '1001' AND flow IS NOT NULL") == []
    assert "بعد 30 دقيقة" in texts(await chat.press_data("rec:start:2"))  # the status view's button too
    clock.advance(timedelta(minutes=30))
    assert await recommend(chat, 2, f"{TEXT} (3)") == 4
    assert len(await rows(core, "SELECT id FROM recommendations")) == 4


async def test_limit_rechecked_at_confirmation(limited: tuple[Core, RecordingTransport], clock: FakeClock) -> None:
    core, transport = limited
    chat = await registered(core, transport, "1001", "سلمى")
    await recommend(chat, 1, f"{TEXT} (1)")
    await chat.command("recommend", "3")
    await chat.press("محور آخر")
    await chat.send(f"{TEXT} (3)")
    async with core.db.transaction() as conn:  # meanwhile, the same person on another channel
        [person] = await conn.execute_fetchall("SELECT id FROM participants")
        for n in range(2):
            await recommendations.add_recommendation(
                conn,
                participant_id=person[0],
                commitment_id=2,
                theme_id=None,
                text=f"{TEXT} wa{n}",
                channel="whatsapp",
                now=clock.now(),
            )
    refused = texts(await chat.press("rec:ok"))
    assert "3 توصيات خلال الساعة الأخيرة" in refused
    assert len(await rows(core, "SELECT id FROM recommendations")) == 3
    [session] = await rows(core, "SELECT step FROM sessions WHERE external_id = '1001'")
    assert session["step"] == "preview"  # what they wrote waits for them
    clock.advance(timedelta(hours=1))
    assert "رقم الإيصال #4" in texts(await chat.press_data("rec:ok"))


async def forget(chat: ChatDriver, mode: str) -> None:
    await chat.command("forget")
    await chat.press(f"prv:mode:{mode}")
    await chat.press(f"prv:yes:{mode}")


@pytest.mark.parametrize("mode", ["keep", "delete"])
async def test_forget_and_register_again_does_not_reset_the_hourly_count(
    limited: tuple[Core, RecordingTransport], clock: FakeClock, mode: str
) -> None:
    core, transport = limited
    chat = await registered(core, transport, "1001", "سلمى")
    for n in range(3):
        await recommend(chat, 1, f"{TEXT} ({n})")
        clock.advance(timedelta(minutes=10))
    await forget(chat, mode)
    again = await registered(core, transport, "1001", "سلمى")  # the same chat, a new participant row
    refused = texts(await again.command("recommend"))
    assert "3 توصيات خلال الساعة الأخيرة" in refused and "بعد 30 دقيقة" in refused
    stored = await rows(core, "SELECT COUNT(*) AS n FROM recommendations")
    assert stored == [{"n": 3 if mode == "keep" else 0}]
    # What counts for that hour is a one-way hash of the chat, never its id.
    memory = await rows(core, "SELECT actor FROM recommendation_memory")
    assert len(memory) == 3 and all("1001" not in str(r["actor"]) for r in memory)
    clock.advance(timedelta(minutes=30))
    assert await recommend(again, 2, f"{TEXT} (after)") > 0


async def test_another_chat_is_not_held_by_someone_elses_memory(
    limited: tuple[Core, RecordingTransport], clock: FakeClock
) -> None:
    core, transport = limited
    chat = await registered(core, transport, "1001", "سلمى")
    for n in range(3):
        await recommend(chat, 1, f"{TEXT} ({n})")
    await forget(chat, "keep")
    other = await registered(core, transport, "1002", "خالد")
    assert await recommend(other, 1, f"{TEXT} (other)") > 0
