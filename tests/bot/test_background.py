"""The background loop the document worker, the file keeper and the transcript drafts share."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.background import Background


class Counting(Background):
    """Fails its first pass, then counts; says when each pass is over."""

    name = "counting"
    idle_seconds = 3600.0  # only wakes move it in this test

    def __init__(self) -> None:
        super().__init__()
        self.passes = 0
        self.passed = asyncio.Event()

    async def work(self) -> None:
        self.passes += 1
        self.passed.set()
        if self.passes == 1:
            raise RuntimeError("the database went away")


async def _next_pass(worker: Counting) -> None:
    async with asyncio.timeout(10):
        await worker.passed.wait()
    worker.passed.clear()


async def test_a_failed_pass_is_logged_and_the_next_wake_runs_again(caplog: pytest.LogCaptureFixture) -> None:
    worker = Counting()
    with caplog.at_level(logging.ERROR):
        await worker.start()
        await _next_pass(worker)  # at start, without a wake
        worker.wake()
        await _next_pass(worker)
        await worker.stop()
    assert worker.passes == 2
    assert [r.getMessage() for r in caplog.records] == ["counting failed"]
    assert worker._runner is None


async def test_stop_ends_the_loop_and_start_runs_it_again() -> None:
    worker = Counting()
    await worker.start()
    await _next_pass(worker)
    await worker.stop()
    worker.wake()  # nobody listens: nothing runs
    assert worker.passes == 1
    await worker.start()
    await _next_pass(worker)
    await worker.stop()
    assert worker.passes == 2
