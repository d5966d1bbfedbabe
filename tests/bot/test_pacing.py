"""The one rate limiter (bot.sender.RatePacer): chats' buckets, the overall pace, its window and its slowing down."""

from __future__ import annotations

import asyncio

import pytest

from bot.sender import RatePacer


async def test_a_chat_gets_its_burst_then_one_message_per_interval(monkeypatch: pytest.MonkeyPatch) -> None:
    # delay() and take() read the loop's clock: stopped here, so a busy machine's pause between them changes nothing.
    monkeypatch.setattr(asyncio.get_running_loop(), "time", lambda: 1000.0)
    chats = RatePacer(10.0, burst=3)
    for _ in range(3):
        assert chats.delay("a") == 0
        chats.take("a")
    assert chats.delay("a") == pytest.approx(0.1)  # the fourth waits for one interval of 100 ms
    assert chats.delay("b") == 0  # another chat is not held up


async def test_the_window_counts_each_send_until_a_span_after_its_answer() -> None:
    # Telegram counts a message when it arrives, somewhere between the moment it left and its answer: with at most
    # `window` sends in flight or answered within the span, no span at Telegram can see more, however late the
    # sends go out or their answers are read.
    pacer = RatePacer(1000.0, window=3, span=0.2)
    loop = asyncio.get_running_loop()
    for _ in range(3):
        await pacer.acquire()
    fourth = asyncio.create_task(pacer.acquire())
    await asyncio.sleep(0.05)
    assert not fourth.done()  # three in flight: the window is full, whatever the pace allows
    pacer.finished()
    answered = loop.time()
    await fourth
    assert loop.time() - answered >= 0.19  # the answered one left the window a span later


async def test_a_flood_control_answer_slows_the_pace_which_then_recovers() -> None:
    pacer = RatePacer(100_000.0)
    pacer.slow_down()
    assert abs(pacer.interval - 1.1e-5) < 1e-12  # a tenth slower after each 429
    for _ in range(10):
        pacer.slow_down()
    assert pacer.interval == 2e-5  # never below half the configured rate
    for _ in range(1000):  # each message sent takes a thousandth off, down to the configured pace
        await pacer.acquire()
        pacer.finished()
    assert pacer.interval == pacer.base_interval
